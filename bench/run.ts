// `npm run bench`: whole-tree scans of real trees present on every machine (the Python standard library, the
// CUDA headers) and of a generated GPU-heavy tree, plus analysis time vs parse-only time on the files the
// prefilter lets through. Each case runs several times; medians and min-max go to bench/results.json and
// bench/results.md. `--smoke` runs tiny sizes once (CI keeps the harness from rotting; numbers not asserted).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseJsTs } from '../src/core/parse/typescript-estree';
import { analyze, analyzeText } from '../src/core/analyze';
import { resolveConfig } from '../src/core/config';
import { discoverFiles } from '../src/core/files/discover';
import { mayBeRelevant } from '../src/core/files/prefilter';
import { grammarFor, initTreeSitter, parseSource } from '../src/core/parse/tree-sitter';
import { RULE_IDS } from '../src/core/rules';

const smoke = process.argv.includes('--smoke');
const RUNS = smoke ? 1 : 5;
const OUT_DIR = join(__dirname);

interface Stats {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { medianMs: round(s[Math.floor(s.length / 2)]!), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!) };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** A tree where 5% of the files use GPU APIs, like a real repository. */
function generateTree(files: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'aia-bench-'));
  const cuda = readFileSync(join(__dirname, '..', 'examples', 'cuda', 'whole_dataset_saxpy.cu'), 'utf8');
  const py = readFileSync(join(__dirname, '..', 'examples', 'python', 'cupy_features.py'), 'utf8');
  const plainC = 'static int add(int a, int b) { return a + b; }\n'.repeat(40);
  const plainPy = 'def add(a, b):\n    return a + b\n\n'.repeat(40);
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `d${i % 50}`);
    mkdirSync(sub, { recursive: true });
    const gpu = i % 20 === 0;
    if (i % 2 === 0) writeFileSync(join(sub, `f${i}.${gpu ? 'cu' : 'c'}`), gpu ? cuda : plainC);
    else writeFileSync(join(sub, `f${i}.py`), gpu ? py : plainPy);
  }
  return dir;
}

function pythonStdlib(): string | null {
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function cudaInclude(): string | null {
  const dirs = existsSync('/usr/local') ? readdirSync('/usr/local').filter((d) => /^cuda/.test(d)).map((d) => `/usr/local/${d}/include`) : [];
  return dirs.find((d) => existsSync(d)) ?? null;
}

async function benchTree(name: string, root: string) {
  const loaded = resolveConfig(undefined, RULE_IDS);
  const discovered = await discoverFiles({ root, include: loaded.config.include, exclude: loaded.config.exclude, respectGitignore: false, maxFileBytes: loaded.config.maxFileBytes });
  const bytes = discovered.files.reduce((s, f) => s + f.bytes, 0);
  const scan = stats(await time(() => analyze({ root, config: loaded })));
  // Relevant files only: full analysis vs tree-sitter parse of the same text.
  const relevant = discovered.files
    .map((f) => ({ f, text: readFileSync(f.absolutePath, 'utf8') }))
    .filter(({ f, text }) => (grammarFor(f.language) || f.language === 'javascript' || f.language === 'typescript') && mayBeRelevant(text, f.language));
  const relevantBytes = relevant.reduce((s, r) => s + r.f.bytes, 0);
  const analysis = stats(await time(async () => {
    for (const r of relevant) await analyzeText(r.f.path, r.text, r.f.language, loaded);
  }));
  const parseOnly = stats(await time(async () => {
    for (const r of relevant) {
      if (grammarFor(r.f.language)) (await parseSource(r.text, r.f.language)).tree.delete();
      else parseJsTs(r.text, r.f.path, r.f.language);
    }
  }));
  return {
    name, root, files: discovered.files.length, bytes, relevantFiles: relevant.length, relevantBytes,
    scan, filesPerSecond: Math.round(discovered.files.length / (scan.medianMs / 1000)), mbPerSecond: round(bytes / 1e6 / (scan.medianMs / 1000)),
    analysisRelevant: analysis, parseOnlyRelevant: parseOnly,
    analysisOverParse: parseOnly.medianMs > 0 ? round(analysis.medianMs / parseOnly.medianMs) : null,
  };
}

async function main() {
  await initTreeSitter();
  const trees: Array<[string, string | null]> = smoke
    ? [['generated (40 files, 5% GPU)', generateTree(40)]]
    : process.argv.includes('--node-modules')
    ? [['project node_modules (JS/TS-heavy)', join(__dirname, '..', 'node_modules')]]
    : [
        ['python3 lib dir (stdlib + site-packages)', pythonStdlib()],
        ['cuda-include', cudaInclude()],
        ['generated (2,000 files, 5% GPU)', generateTree(2000)],
        ['project node_modules (JS/TS-heavy)', join(__dirname, '..', 'node_modules')],
      ];
  const results = [];
  for (const [name, root] of trees) {
    if (!root || !existsSync(root)) {
      console.log(`${name}: not on this machine, skipped`);
      continue;
    }
    const r = await benchTree(name, root);
    results.push(r);
    console.log(`${name}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB, scan median ${r.scan.medianMs} ms (${r.filesPerSecond} files/s, ${r.mbPerSecond} MB/s); relevant ${r.relevantFiles}: analysis ${r.analysisRelevant.medianMs} ms vs parse-only ${r.parseOnlyRelevant.medianMs} ms (x${r.analysisOverParse})`);
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
  const file = smoke ? join(tmpdir(), 'aia-bench-smoke.json') : join(OUT_DIR, 'results.json');
  writeFileSync(file, `${JSON.stringify({ machine, runs: RUNS, results }, null, 2)}\n`);
  const md = [
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}. Runs per case: ${RUNS}.`, '',
    '| tree | files | MB | scan median (min-max) ms | files/s | MB/s | relevant files | analysis ms | parse-only ms | analysis/parse |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.files} | ${(r.bytes / 1e6).toFixed(1)} | ${r.scan.medianMs} (${r.scan.minMs}-${r.scan.maxMs}) | ${r.filesPerSecond} | ${r.mbPerSecond} | ${r.relevantFiles} | ${r.analysisRelevant.medianMs} | ${r.parseOnlyRelevant.medianMs} | ${r.analysisOverParse ?? '-'} |`),
  ].join('\n');
  if (!smoke) writeFileSync(join(OUT_DIR, 'results.md'), `${md}\n`);
  console.log(`\n${md}\n\nwrote ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
