// A key found in code never leaves the analyzer in full, wherever in the source it sits: the finding about the key,
// a model string, a URL query (fetch, requests.post), a GPU size expression (len, strlen, sizeof), two keys in one
// string, a file name. Every output of every surface (CLI scan text/json/sarif, sizing report text/json/md/html,
// the language server's diagnostics, code actions, hover, CodeLens and sizing request) is searched for every
// 12-character run of every key of a corpus of key shapes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigurationRequest,
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { runCli } from '../../src/cli/main';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { detectLanguage } from '../../src/core/files/discover';
import { hasSecret, redactDeep, redactSecrets } from '../../src/core/model/redact';
import { initTreeSitter } from '../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../src/core/rules';
import { codeActionsFor, codeLenses, hoverAt, toDiagnostic } from '../../src/server/lsp-mapping';
import { SIZING_REPORT_REQUEST, type SizingReportResult } from '../../src/server/protocol';

// Shapes as the vendors issue them (made-up values). None looks like a placeholder (no "example", "xxxx", "your").
const KEYS = {
  project: 'sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq',
  legacy: 'sk-3xAmPlEkEy0123456789abcdefghijklmnopqrstuvWX',
  service: 'sk-svcacct-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm',
  anthropic: 'sk-ant-api03-Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0HgFeDcBaZ-AA',
  azure: '4f9c2b7e1d3a5c8b0e6f2a9d7c1b3e5f',
  google: 'AIzaSyD3f4G5h6J7k8L9m0N1b2V3c4X5z6A7s8D',
  aws: 'AKIAQ3EGRX7WJ5T2LMNP',
  awsInName: 'AKIAZ7Y6X5W4V3U2T1SR',
  github: 'ghp_R8s7T6u5V4w3X2y1Z0a9B8c7D6e5F4g3H2i1',
  hf: 'hf_QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyU',
  slack: 'xoxb-2048-1024-Qw3Er4Ty5Ui6Op7As8',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhaWEtdXNlciJ9.Hk3mQ9vX2pL7rT5wZ8yB1cN4dF6gJ0sA',
};

const FILES: Record<string, string> = {
  // The finding about the key, and a key in the model string, in a fetch URL's query and two keys in one string.
  'client.ts': `import OpenAI, { AzureOpenAI } from 'openai';
const a = new OpenAI({ apiKey: '${KEYS.project}' });
const z = new AzureOpenAI({ apiKey: '${KEYS.azure}', endpoint: 'https://x.openai.azure.com' });
export const ask = (q: string) => a.chat.completions.create({ model: 'ft:gpt-4o-mini:org:${KEYS.anthropic}', messages: [{ role: 'user', content: q + ' ${KEYS.service} and ${KEYS.legacy}' }] });
export async function raw(q: string) {
  const r = await fetch('https://api.openai.com/v1/chat/completions?key=${KEYS.google}&token=${KEYS.slack}', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }) });
  return r.json();
}
`,
  'legacy.py': `import openai
import requests
openai.api_key = "${KEYS.legacy}"
headers = {"Authorization": f"Bearer ${KEYS.jwt}"}
def embed(text):
    return requests.post("https://api.openai.com/v1/embeddings?api_key=${KEYS.aws}", headers=headers, json={"model": "text-embedding-3-small", "input": text})
`,
  // Keys inside GPU size expressions: Python len(), C strlen() and sizeof of a string literal.
  'gpu.py': `import cupy as cp
def f(n):
    a = cp.empty(len("${KEYS.project}") * n, dtype=cp.float32)
    b = cp.zeros((len("${KEYS.hf}"), n), dtype=cp.float32)
    return a, b
`,
  'sizes.cu': `#include <string.h>
void f(int n) {
  float *p, *q, *r;
  cudaMalloc(&p, strlen("${KEYS.github}") * n);
  cudaMalloc(&q, sizeof("${KEYS.service}${KEYS.google}") * n);
  cudaMalloc(&r, strlen("${KEYS.project}"));
  for (int i = 0; i < n; i++) cudaMemcpy(p, q, strlen("${KEYS.github}"), cudaMemcpyDeviceToDevice);
}
`,
  // A key in a file name reaches every surface that shows paths.
  [`deploy-${KEYS.awsInName}.cu`]: 'void g() { float *d; cudaMalloc(&d, 1ull << 40); }\n',
};

/** Every 12-character run of every key that `output` holds. */
function leaks(output: string): string[] {
  const found: string[] = [];
  for (const [name, key] of Object.entries(KEYS)) {
    for (let i = 0; i + 12 <= key.length; i++) {
      if (output.includes(key.slice(i, i + 12))) {
        found.push(`${name}: …${key.slice(i, i + 12)}…`);
        break;
      }
    }
  }
  return found;
}

async function run(args: string[], cwd: string): Promise<string> {
  let out = '';
  let err = '';
  await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return out + err;
}

describe('secrets never appear in outputs', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'aia-secrets-'));
  for (const [p, c] of Object.entries(FILES)) writeFileSync(join(dir, p), c);

  it('the corpus is what the test thinks it is: every key is matched by the choke point', () => {
    for (const [name, key] of Object.entries(KEYS)) {
      const context = name === 'azure' ? `apiKey: '${key}'` : key;
      assert.ok(hasSecret(context), `${name} is not recognised`);
      assert.deepEqual(leaks(redactSecrets(context)), [], `${name} is not fully masked`);
    }
    // Two keys in one string, and redaction of object keys.
    assert.deepEqual(leaks(redactSecrets(`${KEYS.service} and ${KEYS.legacy}`)), []);
    assert.deepEqual(leaks(JSON.stringify(redactDeep({ [KEYS.github]: [KEYS.aws] }))), []);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`scan ${format}: no 12-character run of any key, masked keys present`, async () => {
      const file = join(dir, `out.${format}`);
      const stdout = await run(['scan', '.', '--format', format, '--fail-on', 'never'], dir);
      await run(['scan', '.', '--format', format, '--output', file, '--fail-on', 'never'], dir);
      for (const output of [stdout, readFileSync(file, 'utf8')]) {
        assert.match(output, /sizes\.cu/, 'the scan covers the GPU file');
        assert.deepEqual(leaks(output), [], `${format} output leaks`);
        for (const masked of ['sk-…NoPq', 'sk-…uvWX', '4f…3e5f']) assert.ok(output.includes(masked), `${format} output lacks ${masked}`);
      }
    });
  }

  for (const format of ['html', 'md', 'json', 'text']) {
    it(`sizing report ${format}: no 12-character run of any key`, async () => {
      const file = join(dir, `sizing.${format}`);
      const stdout = await run(['report', '.', '--format', format, '--fail-on', 'never'], dir);
      await run(['report', '.', '--format', format, '--output', file, '--fail-on', 'never'], dir);
      const outputs = [stdout, readFileSync(file, 'utf8')];
      const charts = join(dir, 'sizing.charts');
      if (format === 'md' && existsSync(charts)) for (const f of readdirSync(charts)) outputs.push(readFileSync(join(charts, f), 'utf8'));
      assert.match(outputs[0]!, /chat/, 'the report covers the call');
      for (const output of outputs) assert.deepEqual(leaks(output), [], `${format} report leaks`);
    });
  }

  it('language server mappings: diagnostics, code actions, hover on every line, CodeLens', async () => {
    await initTreeSitter();
    const loaded = resolveConfig(undefined, RULE_IDS);
    let shown = 0;
    for (const [name, text] of Object.entries(FILES)) {
      const language = detectLanguage(name)!;
      const a = await analyzeText(name, text, language, loaded);
      const doc = TextDocument.create(pathToFileURL(join(dir, name)).href, language, 1, text);
      const out: unknown[] = [];
      for (const f of a.findings) {
        const d = toDiagnostic(f, doc.uri);
        out.push(d, codeActionsFor(f, doc, language, d));
      }
      for (let line = 1; line <= text.split('\n').length; line++) out.push(hoverAt(a, line, loaded.gpu, loaded.config.safetyFactor));
      out.push(codeLenses(a, loaded.gpu, loaded.config.safetyFactor));
      // The document's own URI is the client's name for its file (edits and related locations must name it).
      const json = JSON.stringify(out).split(JSON.stringify(doc.uri)).join('"<uri>"');
      shown += json.length;
      assert.deepEqual(leaks(json), [], `${name}: an LSP surface leaks`);
    }
    assert.ok(shown > 2000, 'the surfaces were produced');
  });

  it('language server over stdio: published diagnostics and the sizing request (findings, diagnostics, md/html/json)', async function () {
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!existsSync(cli)) this.skip();
    const ws = join(dir, 'ws');
    mkdirSync(ws, { recursive: true });
    for (const [p, c] of Object.entries(FILES)) writeFileSync(join(ws, p), c);
    const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: ws });
    let traffic = '';
    child.stdout.on('data', (d) => (traffic += String(d)));
    child.stderr.on('data', (d) => (traffic += String(d)));
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ codeLens: true, targetGpu: 't4', rules: {} })));
    conn.listen();
    try {
      await conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(ws).href,
        workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
        capabilities: { workspace: { configuration: true } },
      });
      await conn.sendNotification(InitializedNotification.type, {});
      for (const render of ['md', 'html', 'json'] as const) {
        const r = (await conn.sendRequest(SIZING_REPORT_REQUEST, { diagnostics: true, render })) as SizingReportResult;
        // Diagnostics are keyed by the client's own file URIs; everything else is output.
        const json = JSON.stringify({ ...r, diagnostics: Object.values(r.diagnostics ?? {}) });
        assert.match(json, /sizes\.cu/);
        assert.deepEqual(leaks(json), [], `sizing request (${render}) leaks`);
      }
      // The same request with a parameter no client should send is refused by name (InvalidParams), not sized as NaN.
      await assert.rejects(
        conn.sendRequest(SIZING_REPORT_REQUEST, { profile: 'constructor' }),
        (e: { code?: number; message?: string }) => e.code === -32602 && /profile must be one of low, medium, high/.test(e.message ?? ''),
      );
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
    } finally {
      child.kill();
    }
    assert.deepEqual(
      leaks(traffic.split(pathToFileURL(join(ws, `deploy-${KEYS.awsInName}.cu`)).href).join('<uri>')),
      [],
      "the server's stdout/stderr leaks",
    );
  });
});
