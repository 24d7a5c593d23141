// The language server driven over stdio as an LSP client would: the bundled `ai-infra-advisor lsp --stdio`,
// initialize with workspace/configuration, open documents, receive diagnostics, ask for code actions, hover and
// CodeLens, change a document, request the sizing report, shut down cleanly.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  LSPErrorCodes,
  WorkDoneProgress,
  type WorkDoneProgressReport,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { SIZING_REPORT_REQUEST, type ScanProgressReport, type SizingReportResult } from '../../src/server/protocol';
import { largeFileOf } from '../../bench/lib';

const ROOT = join(__dirname, '..', '..');

describe('language server over stdio', function () {
  this.timeout(60_000);
  let child: ChildProcessWithoutNullStreams;
  let conn: ProtocolConnection;
  let dir: string;
  let settings: Record<string, unknown> = { codeLens: true, targetGpu: 't4', rules: {} };
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: Array<() => void> = [];
  let stderr = '';

  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  async function diagnosticsFor(name: string, version?: number): Promise<Diagnostic[]> {
    const u = uri(name);
    for (;;) {
      const got = (diagnostics.get(u) ?? []).filter((p) => version === undefined || p.version === version);
      if (got.length) return got[got.length - 1]!.diagnostics;
      await new Promise<void>((r) => waiters.push(r));
    }
  }
  function open(name: string, languageId: string): void {
    void conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(name), languageId, version: 1, text: readFileSync(join(dir, name), 'utf8') },
    });
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aia-lsp-'));
    copyFileSync(join(ROOT, 'examples/cuda/whole_dataset_saxpy.cu'), join(dir, 'saxpy.cu'));
    copyFileSync(join(ROOT, 'examples/openai/chat-mongo-history.ts'), join(dir, 'chat.ts'));
    copyFileSync(join(ROOT, 'examples/openai/answers_postgres.py'), join(dir, 'answers.py'));
    child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'lsp', '--stdio'], { cwd: dir });
    child.stderr.on('data', (d) => (stderr += String(d)));
    conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
      waiters.splice(0).forEach((w) => w());
    });
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
    conn.listen();
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
    });
    assert.equal(init.serverInfo?.name, 'ai-infra-advisor');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.codeLensProvider && init.capabilities.codeActionProvider);
    await conn.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    child?.kill();
  });

  it('publishes diagnostics with source, rule code, docs link and related locations', async () => {
    open('saxpy.cu', 'cuda-cpp');
    open('chat.ts', 'typescript');
    const cu = await diagnosticsFor('saxpy.cu');
    const over = cu.find((d) => d.code === 'gpu-exceeds-device-memory')!;
    assert.ok(over, JSON.stringify(cu.map((d) => d.code)));
    assert.equal(over.source, 'ai-infra-advisor');
    assert.equal(over.severity, 1);
    assert.match(over.codeDescription!.href, /docs\/rules\/gpu-exceeds-device-memory\.md$/);
    // the whole-data-set copy (line 34) points at the allocation it fills (line 33)
    const upload = cu.find((d) => d.code === 'gpu-whole-dataset-upload')!;
    assert.equal(upload.relatedInformation![0]!.location.range.start.line, 32);
    assert.match(upload.relatedInformation![0]!.message, /'d_x' is allocated here \(cudaMalloc, bytes\)/);
    const ts = await diagnosticsFor('chat.ts');
    const noTtl = ts.find((d) => d.code === 'llm-store-without-ttl')!;
    // the store write (line 14, 0-based 13) points back at the API call (line 19)
    assert.equal(noTtl.range.start.line, 13);
    assert.equal(noTtl.relatedInformation![0]!.location.range.start.line, 18);
    assert.match(noTtl.relatedInformation![0]!.message, /chat\.completions\.create call/);
  });

  it("code actions: the rule's fix first, then suppress line / file and open docs", async () => {
    const ts = await diagnosticsFor('chat.ts');
    const timeout = ts.find((d) => d.code === 'llm-missing-timeout')!;
    const actions = (await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri('chat.ts') },
      range: timeout.range,
      context: { diagnostics: [timeout] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title.replace(/ for .*$/, '')).slice(1), [
      'Suppress llm-missing-timeout',
      'Suppress llm-missing-timeout',
      'Open documentation',
    ]);
    assert.equal(actions[0]!.isPreferred, true);
    const edit = actions[0]!.edit!.changes![uri('chat.ts')]![0]!;
    assert.match(edit.newText, /timeout: 30_000/);
    const suppress = actions[1]!.edit!.changes![uri('chat.ts')]![0]!;
    assert.equal(suppress.newText, `// ai-infra-advisor-disable-next-line llm-missing-timeout\n`);
    assert.equal(actions[3]!.command!.command, 'aiInfraAdvisor.openRuleDocs');
  });

  it('Python suppressions use # comments', async () => {
    open('answers.py', 'python');
    const py = await diagnosticsFor('answers.py');
    const d = py.find((x) => x.code === 'llm-missing-max-tokens')!;
    const actions = (await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri('answers.py') },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const line = actions.find((a) => a.title.endsWith('for this line'))!.edit!.changes![uri('answers.py')]![0]!;
    assert.match(line.newText, /^\s*# ai-infra-advisor-disable-next-line llm-missing-max-tokens\n$/);
    const file = actions.find((a) => a.title.endsWith('for this file'))!.edit!.changes![uri('answers.py')]![0]!;
    assert.equal(file.newText, '# ai-infra-advisor-disable llm-missing-max-tokens\n');
  });

  it('hover shows the byte count on an allocation and tokens/$ on an API call', async () => {
    // saxpy.cu line 44: cudaMalloc of `bytes` = 6 GiB
    const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('saxpy.cu') }, position: { line: 43, character: 8 } });
    const text = (h!.contents as { value: string }).value;
    assert.match(text, /cudaMalloc/);
    assert.match(text, /6\.00 GiB \(6,442,450,944 bytes\)/);
    // one 6 GiB buffer fits a T4; the file's peak (three of them live together, plus the run-time-sized one) does not
    assert.match(
      text,
      /GPU: fits NVIDIA T4 16 GB \(budget on NVIDIA T4 16 GB 12\.60 GiB = memory the driver reports − CUDA context − fragmentation margin/,
    );
    assert.match(text, /File peak device memory: ≥ 18\.00 GiB .* the known part fits NVIDIA L4 24 GB, not NVIDIA T4 16 GB/);
    const call = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('chat.ts') }, position: { line: 18, character: 30 } });
    const callText = (call!.contents as { value: string }).value;
    assert.match(callText, /chat\.completions\.create\*\* \(gpt-4o\)/);
    assert.match(callText, /800 out \(max tokens\)/);
    assert.match(callText, /stored in MongoDB \(turns\.insertOne, line 14\), no TTL/);
    assert.equal(await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri('chat.ts') }, position: { line: 0, character: 0 } }), null);
  });

  it('CodeLens above allocations and OpenAI calls; off when the setting says so', async () => {
    const lenses = await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('saxpy.cu') } });
    const titles = lenses!.map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
    assert.ok(titles.includes('44: ≈ 6.00 GiB device memory · fits NVIDIA T4 16 GB'), titles.join('\n'));
    const chat = await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('chat.ts') } });
    assert.match(chat!.find((l) => l.range.start.line === 18)!.command!.title, /^≈ \d+ tokens · \$0\.00\d+\/call · stored in MongoDB, no TTL$/);
    // as an editor does: change the setting, then notify the server
    settings = { ...settings, codeLens: false };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('chat.ts') } }), []);
    settings = { ...settings, codeLens: true };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });

  it('a change is re-analysed once, after the debounce, for its version', async () => {
    const text = readFileSync(join(dir, 'chat.ts'), 'utf8').replace('max_completion_tokens: 800,', '');
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri('chat.ts'), version: 2 },
      contentChanges: [{ text }],
    });
    const v2 = await diagnosticsFor('chat.ts', 2);
    assert.ok(v2.some((d) => d.code === 'llm-missing-max-tokens'));
    assert.equal(diagnostics.get(uri('chat.ts'))!.filter((p) => p.version === 2).length, 1);
  });

  it('serves the sizing report through the custom request', async () => {
    const r = (await conn.sendRequest(SIZING_REPORT_REQUEST, {})) as SizingReportResult;
    assert.equal(r.report.llm.streams.length, 3);
    assert.equal(r.report.engines.length, 6);
    assert.ok(r.report.gpu.files.some((f) => f.path === 'saxpy.cu'));
    assert.ok(r.findings.length > 5);
    // Diagnostics only when asked (the report page's recomputes do not need them); then the same findings by file
    // URI, each with the key code actions look up
    assert.equal(r.diagnostics, undefined);
    const scanned = (await conn.sendRequest(SIZING_REPORT_REQUEST, { diagnostics: true })) as SizingReportResult;
    assert.equal(scanned.findings.length, r.findings.length);
    const all = Object.values(scanned.diagnostics!).flat();
    assert.equal(all.length, r.findings.length);
    assert.deepEqual(Object.keys(scanned.diagnostics!).sort(), [...new Set(r.findings.map((f) => uri(f.path)))].sort());
    assert.ok(all.every((d) => typeof (d.data as { key?: unknown }).key === 'string'));
    // A diagnostic from the scan (what the extension shows for files it has not opened) gets the same code actions
    const fromScan = scanned.diagnostics![uri('answers.py')]!.find((d) => d.code === 'llm-missing-max-tokens')!;
    const actions = (await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri('answers.py') },
      range: fromScan.range,
      context: { diagnostics: [fromScan] },
    })) as CodeAction[];
    assert.ok(
      actions.some((a) => a.isPreferred && a.edit),
      actions.map((a) => a.title).join(' | '),
    );
  });

  // A workspace scan of 2,000 files the analyzer parses (each allocates device memory): long enough to act while it runs.
  let bigFolder: string | undefined;
  function big(): string {
    if (bigFolder) return bigFolder;
    bigFolder = mkdtempSync(join(tmpdir(), 'aia-lsp-big-'));
    for (let i = 0; i < 2000; i++)
      writeFileSync(
        join(bigFolder, `k${i}.cu`),
        `// ${i}\nvoid f(float* d, size_t n) {\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, d, n, cudaMemcpyHostToDevice);\n}\n`,
      );
    return bigFolder;
  }

  function watch(token: string): { reports: WorkDoneProgressReport[]; first: Promise<void> } {
    const reports: WorkDoneProgressReport[] = [];
    let seen!: () => void;
    const first = new Promise<void>((r) => (seen = r));
    conn.onProgress(WorkDoneProgress.type, token, (p) => {
      if (p.kind === 'report') {
        reports.push(p);
        seen();
      }
    });
    return { reports, first };
  }

  it('a workspace scan reports done/total files and serves a document opened meanwhile before it answers', async () => {
    const { reports, first } = watch('scan-1');
    let answered = false;
    const sizing = (
      conn.sendRequest(SIZING_REPORT_REQUEST, { rootUri: pathToFileURL(big()).href, workDoneToken: 'scan-1' }) as Promise<SizingReportResult>
    ).then((r) => {
      answered = true;
      return r;
    });
    await first;
    copyFileSync(join(ROOT, 'examples/cuda/whole_dataset_saxpy.cu'), join(dir, 'during-scan.cu'));
    open('during-scan.cu', 'cuda-cpp');
    const ds = await diagnosticsFor('during-scan.cu');
    assert.ok(ds.some((d) => d.code === 'gpu-exceeds-device-memory'));
    assert.equal(answered, false, 'the opened document waited for the whole scan');
    const r = await sizing;
    assert.equal(r.report.gpu.files.length, 2000);
    assert.equal(reports.at(-1)!.message, '2000/2000 files');
    assert.equal(reports.at(-1)!.percentage, 100);
    // The counts come as data too, so the client words them without parsing the message.
    const last = reports.at(-1) as ScanProgressReport;
    assert.deepEqual([last.filesDone, last.filesTotal], [2000, 2000]);
    const pct = reports.map((p) => p.percentage!);
    assert.deepEqual(
      pct,
      [...pct].sort((a, b) => a - b),
      'percentages never go back',
    );
  });

  it('a workspace scan stops between files when the client cancels ($/cancelRequest)', async () => {
    const { reports, first } = watch('scan-2');
    const source = new CancellationTokenSource();
    const sizing = conn.sendRequest(SIZING_REPORT_REQUEST, { rootUri: pathToFileURL(big()).href, workDoneToken: 'scan-2' }, source.token);
    await first;
    source.cancel();
    await assert.rejects(
      sizing,
      (e: { code?: number; message?: string }) => e.code === LSPErrorCodes.RequestCancelled && /scan was cancelled/.test(String(e.message)),
    );
    const done = (reports.at(-1) as ScanProgressReport).filesDone;
    assert.ok(done < 2000, `stopped at ${done}/2000`);
  });

  it('a cancel stops a scan inside a file that takes seconds: the answer comes at once, the server keeps serving', async () => {
    // A 1.9 MB Python module of OpenAI and GPU calls (the examples, repeated): seconds to analyse, so a scan that could
    // only stop between files would answer long after the cancel.
    const slow = mkdtempSync(join(tmpdir(), 'aia-lsp-slow-'));
    // Scanned in path order: when the small file's progress arrives, the scan is inside the large one.
    writeFileSync(join(slow, 'a-small.py'), largeFileOf('py', 1));
    writeFileSync(join(slow, 'b-module.py'), largeFileOf('py', 1_900_000));
    const { first } = watch('scan-slow');
    const source = new CancellationTokenSource();
    const started = Date.now();
    const sizing = conn.sendRequest(SIZING_REPORT_REQUEST, { rootUri: pathToFileURL(slow).href, workDoneToken: 'scan-slow' }, source.token);
    await first;
    source.cancel();
    const cancelled = Date.now();
    await assert.rejects(sizing, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    const latency = Date.now() - cancelled;
    assert.ok(latency < 1000, `answered ${latency} ms after the cancel (${cancelled - started} ms into the scan)`);
    // The next scan gets a fresh thread and finishes.
    const r = (await conn.sendRequest(SIZING_REPORT_REQUEST, { rootUri: pathToFileURL(dir).href })) as SizingReportResult;
    assert.ok(r.report.gpu.files.length > 0);
  });

  it('a client whose locale is Korean gets Korean messages', async () => {
    const ko = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'lsp', '--stdio'], { cwd: dir });
    const c = createProtocolConnection(new StreamMessageReader(ko.stdout), new StreamMessageWriter(ko.stdin));
    const got = new Promise<PublishDiagnosticsParams>((r) => c.onNotification(PublishDiagnosticsNotification.type, (p) => r(p)));
    c.listen();
    await c.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: null,
      capabilities: {},
      locale: 'ko',
    });
    await c.sendNotification(InitializedNotification.type, {});
    await c.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri('saxpy.cu'), languageId: 'cuda-cpp', version: 1, text: readFileSync(join(dir, 'saxpy.cu'), 'utf8') },
    });
    const p = await got;
    const over = p.diagnostics.find((d) => d.code === 'gpu-exceeds-device-memory')!;
    assert.match(String(over.message), /장치 메모리가 18\.00 GiB/);
    // Quick-fix titles, CodeLens and hover are Korean too.
    const textDocument = { uri: uri('saxpy.cu') };
    const actions = (await c.sendRequest(CodeActionRequest.type, {
      textDocument,
      range: over.range,
      context: { diagnostics: [over] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['이 줄에서 gpu-exceeds-device-memory 표시 안 함', '이 파일에서 gpu-exceeds-device-memory 표시 안 함', 'gpu-exceeds-device-memory 문서 열기'],
    );
    const lenses = (await c.sendRequest(CodeLensRequest.type, { textDocument })) ?? [];
    assert.ok(
      lenses.some((l) => /장치 메모리 .* · .*에 들어감/.test(l.command!.title)),
      lenses.map((l) => l.command!.title).join(' | '),
    );
    const hover = await c.sendRequest(HoverRequest.type, { textDocument, position: { line: 32, character: 6 } });
    assert.match(JSON.stringify(hover), /실행 시 결정되는 크기: .*파일의 최대 장치 메모리: ≥ 18\.00 GiB.*에 들어감/);
    await c.sendRequest(ShutdownRequest.type);
    await c.sendNotification(ExitNotification.type);
    c.dispose();
  });

  it('keys in an open document never leave the server in full: diagnostics, hover, CodeLens, code actions, report, log', async () => {
    const keys = [
      'sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq',
      'sk-3xAmPlEkEy0123456789abcdefghijklmnopqrstuvWX',
      'sk-svcacct-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm',
    ];
    const ts = `import OpenAI from 'openai';\nconst a = new OpenAI({ apiKey: '${keys[0]}' });\nexport const ask = (q: string) => a.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q + '${keys[2]}' }] });\n`;
    const py = `import openai\nopenai.api_key = "${keys[1]}"\nheaders = {"Authorization": f"Bearer ${keys[2]}"}\nopenai.chat.completions.create(model="gpt-4o", messages=[])\n`;
    writeFileSync(join(dir, 'keys.ts'), ts);
    writeFileSync(join(dir, 'keys.py'), py);
    open('keys.ts', 'typescript');
    open('keys.py', 'python');
    const outputs: string[] = [];
    for (const [name, text] of [
      ['keys.ts', ts],
      ['keys.py', py],
    ] as const) {
      const diags = await diagnosticsFor(name);
      assert.ok(
        diags.some((d) => d.code && JSON.stringify(d.code).includes('llm-hardcoded-api-key')),
        `${name}: the key is reported`,
      );
      outputs.push(JSON.stringify(diags));
      const lines = text.split('\n');
      for (const [line, content] of lines.entries()) {
        // Hover over every fifth character of the lines that hold a key.
        if (!keys.some((k) => content.includes(k))) continue;
        for (let character = 0; character < content.length; character += 5) {
          outputs.push(
            JSON.stringify(await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri(name) }, position: { line, character } })),
          );
        }
      }
      const lenses = await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(name) } });
      assert.ok(lenses && lenses.length > 0, `${name}: CodeLens shown`);
      outputs.push(JSON.stringify(lenses));
      for (const d of diags) {
        const actions = await conn.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: uri(name) },
          range: d.range,
          context: { diagnostics: [d] },
        });
        outputs.push(JSON.stringify(actions));
      }
    }
    outputs.push(JSON.stringify(await conn.sendRequest(SIZING_REPORT_REQUEST, {})), stderr);
    const all = outputs.join('\n');
    assert.match(all, /sk-…NoPq/, 'the masked key is shown');
    for (const key of keys) {
      for (let i = 0; i + 12 <= key.length; i += 4) assert.ok(!all.includes(key.slice(i, i + 12)), `an output holds part of ${key.slice(0, 8)}…`);
    }
  });

  it('shuts down and exits with status 0; nothing but LSP went to stdout', async () => {
    await conn.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await conn.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    assert.doesNotMatch(stderr, /Error|internal/);
  });
});
