// Case 7: the limits of issue 6. The largest inputs one analysis takes: the bundled CLI on one file at the 2 MB size
// limit per language, a 1-line 5 MB file with the limit raised, and 10,000-deep nesting, each with its time and peak
// RSS. Whether a scan's memory stays bounded as the tree grows (peak RSS at 1k, 10k and 30k files). And how long a
// cancelled workspace scan in the language server takes to answer, cancelled while it is inside a slow file.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { SIZING_REPORT_REQUEST } from '../../src/server/protocol';
import { generateTree, largeFileOf, removeTree, ROOT, stats, type Stats } from '../lib';
import { cliRun } from './startup';

export interface LimitsResult {
  largest: Array<{ what: string; bytes: number; ms: number; maxRssMiB: number; findings: number; skipped: string | null }>;
  scanMemory: Array<{ files: number; maxRssMiB: number; ms: number; findings: number }>;
  cancel: { afterMs: number; fileAloneMs: number; answer: Stats; targetMs: number } | null;
}

/** One CLI scan: time, peak RSS, the findings and the first skip reason. */
function scan(path: string, extra: string[] = []): { ms: number; maxRssMiB: number; findings: number; skipped: string | null } {
  const { ms, maxRssMiB, stdout } = cliRun(['scan', path, '--format', 'json', '--fail-on', 'never', ...extra]);
  const out = JSON.parse(stdout) as { findings: unknown[]; files: Array<{ skipped?: string }> };
  return { ms, maxRssMiB, findings: out.findings.length, skipped: out.files.find((f) => f.skipped)?.skipped ?? null };
}

function largest(smoke: boolean): LimitsResult['largest'] {
  const dir = mkdtempSync(join(tmpdir(), 'aia-limits-'));
  const size = smoke ? 50_000 : 1_950_000;
  const rows: LimitsResult['largest'] = [];
  try {
    for (const ext of ['cu', 'c', 'cl', 'py', 'ts', 'js'] as const) {
      const text = largeFileOf(ext, size);
      const file = join(dir, `large.${ext}`);
      writeFileSync(file, text);
      rows.push({ what: `one .${ext} file of the examples repeated`, bytes: Buffer.byteLength(text), ...scan(file) });
    }
    const oneLine = `${'float *d; cudaMalloc(&d, 1 << 20); '.repeat(smoke ? 1000 : 150_000)}\n`;
    writeFileSync(join(dir, 'one-line.cu'), oneLine);
    rows.push({
      what: 'a 1-line .cu file (limit raised to 6 MB)',
      bytes: oneLine.length,
      ...scan(join(dir, 'one-line.cu'), ['--max-file-bytes', '6000000']),
    });
    rows.push({ what: 'the same file at the default 2 MB limit', bytes: oneLine.length, ...scan(join(dir, 'one-line.cu')) });
    const depth = smoke ? 500 : 10_000;
    const deep = `void f(float *d) {\n  size_t n = ${'('.repeat(depth)}1${')'.repeat(depth)};\n  cudaMalloc(&d, n);\n${'  {\n'.repeat(depth)}${'  }\n'.repeat(depth)}}\n`;
    writeFileSync(join(dir, 'deep.cu'), deep);
    rows.push({ what: `${depth}-deep parentheses and blocks in a .cu file`, bytes: deep.length, ...scan(join(dir, 'deep.cu')) });
  } finally {
    removeTree(dir);
  }
  return rows;
}

function scanMemory(sizes: number[]): LimitsResult['scanMemory'] {
  return sizes.map((files) => {
    const root = generateTree(files);
    try {
      const r = scan(root, ['--root', root]);
      return { files, maxRssMiB: r.maxRssMiB, ms: r.ms, findings: r.findings };
    } finally {
      removeTree(root);
    }
  });
}

/** The language server scans a folder holding one slow file; the client cancels `afterMs` in and times the answer. */
async function cancelLatency(runs: number, smoke: boolean): Promise<LimitsResult['cancel']> {
  const dir = mkdtempSync(join(tmpdir(), 'aia-cancel-'));
  writeFileSync(join(dir, 'module.py'), largeFileOf('py', smoke ? 200_000 : 1_500_000));
  const fileAloneMs = scan(dir).ms;
  const afterMs = Math.round(Math.min(800, fileAloneMs / 3));
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { cwd: dir });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  const samples: number[] = [];
  try {
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: null,
      capabilities: {},
    });
    await conn.sendNotification(InitializedNotification.type, {});
    for (let i = 0; i < runs; i++) {
      const source = new CancellationTokenSource();
      const request = conn.sendRequest(SIZING_REPORT_REQUEST, { rootUri: pathToFileURL(dir).href }, source.token).then(
        () => 'answered',
        () => 'cancelled',
      );
      await new Promise((r) => setTimeout(r, afterMs));
      const t = performance.now();
      source.cancel();
      if ((await request) !== 'cancelled') throw new Error('the scan finished before the cancel: make the file larger');
      samples.push(performance.now() - t);
    }
  } finally {
    child.kill();
    removeTree(dir);
  }
  return { afterMs, fileAloneMs, answer: stats(samples), targetMs: 200 };
}

export async function limitsCase(runs: number, smoke: boolean): Promise<LimitsResult> {
  return {
    largest: largest(smoke),
    scanMemory: scanMemory(smoke ? [20, 40] : [1000, 10_000, 30_000]),
    cancel: await cancelLatency(smoke ? 1 : runs, smoke),
  };
}
