// The language server and the baseline: findings in ai-infra-advisor.baseline.json are hidden (default), shown as
// information (aiInfraAdvisor.baseline = info) or shown as usual (off); a new finding is always shown at its severity.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createConnection,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
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
import { analyzeText } from '../../../src/core/analyze';
import { BASELINE_FILE_NAME, baselineText, createBaseline } from '../../../src/core/baseline';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';

const CALL = '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n';
const OLD = `from openai import OpenAI\nclient = OpenAI(timeout=30)\n\ndef ask(q):\n${CALL}    return r\n`;
// Two lines above the old call, and a second call: the old finding moved, the second one is new.
const NOW = `from openai import OpenAI\nclient = OpenAI(timeout=30)\n# added\n# lines\n\ndef ask(q):\n${CALL}${CALL.replace('gpt-4o', 'gpt-4o-mini')}    return r\n`;

describe('language server: the baseline', function () {
  this.timeout(60_000);
  let dir: string;
  let client: ProtocolConnection;
  let server: Connection;
  let streams: PassThrough[] = [];
  let mode = 'hide';
  const published: PublishDiagnosticsParams[] = [];
  const uri = () => pathToFileURL(join(dir, 'app.py')).href;
  let oldCodes: string[] = [];

  async function next(since: number): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const hit = published.slice(since).find((p) => p.uri === uri());
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no diagnostics within 20 s');
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aia-lsp-baseline-'));
    const old = await analyzeText('app.py', OLD, 'python', resolveConfig(undefined, RULE_IDS));
    oldCodes = old.findings.map((f) => f.ruleId).sort();
    assert.ok(oldCodes.length > 0, 'the old call has findings');
    writeFileSync(join(dir, BASELINE_FILE_NAME), baselineText(createBaseline(old.findings, { textOf: () => OLD })));
    writeFileSync(join(dir, 'app.py'), NOW);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    streams = [toServer, toClient];
    server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)) as unknown as Connection;
    startServer(server);
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
    });
    client.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ baseline: mode })));
    client.listen();
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
    });
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    client?.dispose();
    server?.dispose();
    for (const s of streams) s.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides baselined findings, shows them as information, or as usual', async () => {
    const all = await analyzeText('app.py', NOW, 'python', resolveConfig(undefined, RULE_IDS));
    const newCount = all.findings.length - oldCodes.length;
    assert.ok(newCount > 0, 'the second call has findings of its own');

    let mark = published.length;
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(), languageId: 'python', version: 1, text: NOW },
    });
    const hidden = await next(mark);
    assert.equal(hidden.diagnostics.length, newCount);
    // Only the second call's findings: all on its line (0-based 7).
    assert.deepEqual([...new Set(hidden.diagnostics.map((d) => d.range.start.line))], [7]);

    mode = 'info';
    mark = published.length;
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ text: `${NOW}\n` }],
    });
    const info = await next(mark);
    assert.equal(info.diagnostics.length, all.findings.length);
    const onOld = info.diagnostics.filter((d) => d.range.start.line === 6);
    assert.equal(onOld.length, oldCodes.length);
    assert.ok(
      onOld.every((d) => d.severity === 3),
      'baselined: Information',
    );

    mode = 'off';
    mark = published.length;
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(), version: 3 },
      contentChanges: [{ text: `${NOW}\n\n` }],
    });
    const off = await next(mark);
    assert.deepEqual(
      off.diagnostics.filter((d) => d.range.start.line === 6).map((d) => d.severity),
      info.diagnostics
        .filter((d) => d.range.start.line === 7)
        .map((d) => d.severity)
        .slice(0, oldCodes.length),
    );
  });
});
