// Case 5: start-up and size. Bundle sizes (the extension JS against its 1.5 MB target; the server, the CLI and the
// WASM files listed apart), the language server's time to answer `initialize`, peak RSS of a 10k-file scan (target
// ≤ 150 MB), and the activation time the end-to-end run measured in a real VS Code (test-results/e2e/activation.json).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateTree, removeTree, ROOT, round, stats, type Stats } from '../lib';

export interface StartupResult {
  bundles: Array<{ file: string; bytes: number; targetBytes?: number }>;
  serverInitialize: Stats | null;
  scanRss: Array<{ files: number; jobs: number; maxRssMiB: number; ms: number; targetMiB: number }>;
  /** Peak RSS of smaller runs, to show what each part of a scan adds. */
  rssSteps?: Array<{ what: string; maxRssMiB: number; ms: number }>;
  activation: { activateMs: number; serverReadyMs: number; firstFindingsAfterOpenMs: number; measuredAt: string; editor: string } | null;
}

function bundleSizes(): StartupResult['bundles'] {
  const dist = join(ROOT, 'dist');
  const out: StartupResult['bundles'] = [];
  for (const file of ['extension.js', 'server.js', 'cli.js', 'webview/report-page.js', 'report-charts.js']) {
    const p = join(dist, file);
    if (existsSync(p)) out.push({ file: `dist/${file}`, bytes: statSync(p).size, ...(file === 'extension.js' ? { targetBytes: 1.5e6 } : {}) });
  }
  const wasm = join(dist, 'wasm');
  if (existsSync(wasm)) for (const f of readdirSync(wasm).sort()) out.push({ file: `dist/wasm/${f}`, bytes: statSync(join(wasm, f)).size });
  return out;
}

/** Spawns the server on stdio and times the answer to `initialize` (loading the bundle included). */
function timeInitialize(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let seen = '';
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString('utf8');
      if (seen.includes('"id":1')) {
        const ms = performance.now() - started;
        child.kill();
        resolve(ms);
      }
    });
    child.on('error', reject);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

/** Peak RSS (MiB), time and output of one CLI run; the RSS is read from the process itself at exit (bench/max-rss.cjs). */
export function cliRun(args: string[]): { maxRssMiB: number; ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(__dirname, '..', 'max-rss.cjs'), join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  const kb = Number(/AIA_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0 || !Number.isFinite(kb)) throw new Error(`CLI run for RSS failed (${args.join(' ')}): ${r.stderr.slice(0, 500)}`);
  return { maxRssMiB: round(kb / 1024, 1), ms: round(ms), stdout: r.stdout };
}

function cliRss(args: string[]): { maxRssMiB: number; ms: number } {
  const { maxRssMiB, ms } = cliRun(args);
  return { maxRssMiB, ms };
}

/**
 * Peak RSS of the CLI scanning a generated tree, with and without worker threads; then the same tree without its
 * OpenAI files (no TypeScript compiler, no BPE tables), one CUDA file, and `--version`: the steps show where the
 * memory goes.
 */
function scanRss(files: number, jobs: number[]): Pick<StartupResult, 'scanRss' | 'rssSteps'> {
  const root = generateTree(files);
  try {
    const scan = (dir: string, j = 1) => cliRss(['scan', dir, '--root', dir, '--format', 'json', '--fail-on', 'never', '--jobs', String(j)]);
    const scanRssRows = jobs.map((j) => ({ files, jobs: j, ...scan(root, j), targetMiB: 150 }));
    const version = cliRss(['--version']);
    const oneCuda = scan(join(ROOT, 'examples', 'cuda', 'whole_dataset_saxpy.cu'));
    let removed = 0;
    for (const dir of readdirSync(root)) {
      for (const f of readdirSync(join(root, dir))) {
        const p = join(root, dir, f);
        if (/openai|OpenAI/.test(readFileSync(p, 'utf8'))) {
          rmSync(p);
          removed++;
        }
      }
    }
    const noLlm = scan(root);
    return {
      scanRss: scanRssRows,
      rssSteps: [
        { what: 'cli --version (Node and the bundle)', ...version },
        { what: 'scan of one CUDA file (tree-sitter and its C++ grammar compiled)', ...oneCuda },
        { what: `scan of the ${files}-file tree without its ${removed} OpenAI files (no TypeScript compiler, no BPE tables)`, ...noLlm },
        { what: `scan of the whole ${files}-file tree`, maxRssMiB: scanRssRows[0]!.maxRssMiB, ms: scanRssRows[0]!.ms },
      ],
    };
  } finally {
    removeTree(root);
  }
}

export async function startupCase(runs: number, rssFiles: number): Promise<StartupResult> {
  const initialize: number[] = [];
  if (existsSync(join(ROOT, 'dist', 'server.js'))) for (let i = 0; i < runs; i++) initialize.push(await timeInitialize());
  const activationFile = join(ROOT, 'test-results', 'e2e', 'activation.json');
  return {
    bundles: bundleSizes(),
    serverInitialize: initialize.length ? stats(initialize) : null,
    ...scanRss(rssFiles, [1, 0]),
    activation: existsSync(activationFile) ? JSON.parse(readFileSync(activationFile, 'utf8')) : null,
  };
}
