// The language server and the project model: a route file open beside the store helper it imports. Editing the
// helper (dropping its TTL) re-analyses the open route file, whose diagnostics then name the helper; closing the
// helper unsaved brings back what the disk says. A caller in another file that stores a returned result is a dependency too.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { startServer } from '../../../src/server/server';

describe('language server: a change to an imported helper re-analyses its open dependants', function () {
  this.timeout(60_000);
  let dir: string;
  let client: ProtocolConnection;
  let server: Connection;
  let streams: PassThrough[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  const uri = (p: string) => pathToFileURL(join(dir, p)).href;
  const ROUTE = 'src/routes/chat.ts';
  const HELPER = 'src/lib/store/chat-store.ts';

  /** The next diagnostics for `path` published after `since` that satisfy `ok`. */
  async function diagnostics(path: string, since: number, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const hit = published.slice(since).find((p) => p.uri === uri(path) && ok(p));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no new diagnostics for ${path} within 20 s`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 1000);
      });
    }
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aia-lsp-project-'));
    cpSync(join(__dirname, '..', '..', 'fixtures', 'project', 'ts-app'), dir, { recursive: true });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    streams = [toServer, toClient];
    server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)) as unknown as Connection;
    startServer(server);
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
      waiters.splice(0).forEach((w) => w());
    });
    client.listen();
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: {},
    });
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    client?.dispose();
    server?.dispose();
    for (const s of streams) s.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('edits to the helper file reach the open route file', async () => {
    const helperText = readFileSync(join(dir, HELPER), 'utf8');
    let mark = published.length;
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(ROUTE), languageId: 'typescript', version: 1, text: readFileSync(join(dir, ROUTE), 'utf8') },
    });
    const first = await diagnostics(ROUTE, mark, () => true);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      [],
      'the helper stores with a TTL and is read first: nothing to say',
    );
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri: uri(ROUTE) }, position: { line: 9, character: 20 } });
    assert.match(JSON.stringify(hover), /stored by `saveChat` in `src\/lib\/store\/chat-store\.ts:8`/);

    // Open the helper and drop the TTL: the route file is analysed again without being touched.
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(HELPER), languageId: 'typescript', version: 1, text: helperText },
    });
    mark = published.length;
    const noTtl = helperText.replace("reply, 'EX', 3600)", 'reply)');
    assert.notEqual(noTtl, helperText);
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(HELPER), version: 2 },
      contentChanges: [{ text: noTtl }],
    });
    const after = await diagnostics(ROUTE, mark, (p) => p.diagnostics.length > 0);
    const ttl = after.diagnostics.find((d) => d.code === 'llm-store-without-ttl');
    assert.ok(ttl, JSON.stringify(after.diagnostics.map((d) => d.code)));
    assert.match(String(ttl.message), /stored by `saveChat` in `src\/lib\/store\/chat-store\.ts:8`/);

    // Closing the helper unsaved: its dependants read the disk again (where the TTL still is).
    mark = published.length;
    await client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(HELPER) } });
    const back = await diagnostics(ROUTE, mark, () => true);
    assert.deepEqual(
      back.diagnostics.map((d) => d.code),
      [],
    );
  });

  it('edits to a caller that stores a returned result reach the open file that returns it', async () => {
    const SERVICE = 'src/services/answer.ts';
    const CALLER = 'src/routes/answer.ts';
    const callerText = readFileSync(join(dir, CALLER), 'utf8');
    const lookupAt = (p: PublishDiagnosticsParams, line0: number) =>
      p.diagnostics.some((d) => d.code === 'llm-no-cache-lookup' && d.range.start.line === line0);
    let mark = published.length;
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(SERVICE), languageId: 'typescript', version: 1, text: readFileSync(join(dir, SERVICE), 'utf8') },
    });
    // tagLine (line 11) is stored by the caller's cacheSet: stored, with no lookup first.
    const first = await diagnostics(SERVICE, mark, (p) => lookupAt(p, 10));
    assert.match(
      String(first.diagnostics.find((d) => d.code === 'llm-no-cache-lookup' && d.range.start.line === 10)?.message),
      /stored by `cacheSet` in `src\/lib\/kv\.ts:6`/,
    );

    // The caller stops storing it: the service file is analysed again without being touched.
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(CALLER), languageId: 'typescript', version: 1, text: callerText },
    });
    mark = published.length;
    const dropped = callerText.replace('  await cacheSet(`tag:${topic}`, line, 600);\n', '');
    assert.notEqual(dropped, callerText);
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(CALLER), version: 2 },
      contentChanges: [{ text: dropped }],
    });
    const after = await diagnostics(SERVICE, mark, (p) => !lookupAt(p, 10));
    assert.ok(
      after.diagnostics.some((d) => d.code === 'llm-no-cache-lookup' && d.range.start.line === 5),
      'askModel (line 6) is still stored by its caller',
    );
  });
});
