// `npm run bench`: the performance cases of issue 5, each measured side by side in the same run, medians and
// min-max (p95 for latency) to bench/results.json and bench/results.md. Nothing here is a test: targets are
// reported with the figures, met or not. `--smoke` runs tiny sizes once (CI keeps the harness from rotting).
//   npm run bench                       all cases (≈ 10 min on 2 cores)
//   npm run bench -- --only scan,peers  some cases: scan, peers, editor, startup, scaling, limits
//   npm run bench -- --runs 3           runs per case (default 5)
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { initTreeSitter } from '../src/core/parse/tree-sitter';
import { editorCase } from './cases/editor';
import { peersCase } from './cases/peers';
import { scalingCase, scanCase } from './cases/scan';
import { startupCase } from './cases/startup';
import { limitsCase } from './cases/limits';
import { cudaInclude, generateTree, machine, pythonStdlib, removeTree, ROOT, version, writeJson } from './lib';
import { toMarkdown } from './results-md';

const CASES = ['scan', 'peers', 'editor', 'startup', 'scaling', 'limits'] as const;
type CaseName = (typeof CASES)[number];

async function main() {
  const { values } = parseArgs({
    options: { smoke: { type: 'boolean' }, only: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } },
  });
  const smoke = !!values.smoke;
  const runs = smoke ? 1 : Number(values.runs ?? 5);
  const only = new Set((values.only?.split(',') ?? CASES) as CaseName[]);
  for (const c of only) if (!CASES.includes(c)) throw new Error(`unknown case '${c}': ${CASES.join(', ')}`);
  await initTreeSitter();
  const log = (s: string) => console.log(s);
  const result: Record<string, unknown> = { machine: machine(), runs, smoke, tools: { rg: version('rg'), cppcheck: version('cppcheck') } };

  const generated = generateTree(smoke ? 40 : 2000);
  try {
    if (only.has('scan')) {
      const trees: Array<[string, string | null]> = smoke
        ? [['generated (40 files, 5% GPU/OpenAI)', generated]]
        : [
            ['python3 lib dir (stdlib + site-packages)', pythonStdlib()],
            ['CUDA headers', cudaInclude()],
            ['project node_modules', join(ROOT, 'node_modules')],
            ['generated (2,000 files, 5% GPU/OpenAI)', generated],
          ];
      const rows = [];
      for (const [name, root] of trees) {
        if (!root) {
          log(`scan: ${name}: not on this machine, skipped`);
          continue;
        }
        // The big real trees get fewer runs: each takes seconds.
        const r = await scanCase(name, root, smoke ? 1 : Math.min(runs, 3), smoke ? 1 : 2);
        log(
          `scan: ${name}: ${r.files} files, ours ${r.scan.medianMs} ms (2 workers ${r.scanWorkers?.medianMs ?? '-'} ms), rg ${r.rg?.medianMs ?? '-'} ms → ×${r.overRg ?? '-'}; analysis/parse ×${r.analysisOverParse ?? '-'}`,
        );
        rows.push(r);
      }
      result.scan = rows;
    }
    if (only.has('peers')) {
      const corpora: Array<[string, string | null]> = smoke
        ? [['generated (40 files)', generated]]
        : [
            ['generated (2,000 files, 5% GPU/OpenAI)', generated],
            ['CUDA headers', cudaInclude()],
            ['this project (src, test, bench)', ROOT],
          ];
      const rows = [];
      for (const [name, root] of corpora) if (root) rows.push(...(await peersCase(name, root, smoke ? 1 : Math.min(runs, 3), smoke ? 20 : 400)));
      for (const r of rows)
        log(
          `peers: ${r.corpus} vs ${r.peer}: ${r.files} files, ours ${r.ours.medianMs} ms, theirs ${r.theirs?.medianMs ?? '-'} ms → ×${r.ratio ?? '-'}`,
        );
      result.peers = rows;
    }
    if (only.has('editor')) {
      const rows = await editorCase(smoke ? [200] : [1000, 10000], smoke ? 5 : 300, smoke ? 2 : 30);
      for (const r of rows)
        log(
          `editor: ${r.lines} lines: open ${r.openMs} ms, first edit ${r.coldEditsMs[0] ?? '-'} ms; incremental p50 ${r.incremental.medianMs} p95 ${r.incremental.p95Ms} ms (target ${r.targetP95Ms}), ${r.reusedFunctions} functions reused; fresh p95 ${r.fresh.p95Ms} ms`,
        );
      result.editor = rows;
    }
    if (only.has('startup')) {
      const r = await startupCase(smoke ? 1 : runs, smoke ? 40 : 10_000);
      log(
        `startup: extension.js ${r.bundles.find((b) => b.file.endsWith('extension.js'))?.bytes ?? '-'} B; initialize ${r.serverInitialize?.medianMs ?? '-'} ms; RSS ${r.scanRss.map((x) => `${x.maxRssMiB} MiB (jobs ${x.jobs})`).join(', ')}`,
      );
      result.startup = r;
    }
    if (only.has('scaling')) {
      const rows = await scalingCase(smoke ? [20, 40] : [1000, 10_000, 50_000], smoke ? 1 : Math.min(runs, 3), 2);
      for (const r of rows)
        log(
          `scaling: ${r.files} files: ${r.oneWorker.medianMs} ms (${r.msPerFile} ms/file), 2 workers ${r.workers?.medianMs ?? '-'} ms (×${r.speedup ?? '-'})`,
        );
      result.scaling = rows;
    }
    if (only.has('limits')) {
      const r = await limitsCase(runs, smoke);
      for (const x of r.largest)
        log(`limits: ${x.what}: ${x.bytes} B, ${x.ms} ms, ${x.maxRssMiB} MiB, ${x.findings} findings${x.skipped ? ` (skipped: ${x.skipped})` : ''}`);
      for (const x of r.scanMemory) log(`limits: scan of ${x.files} files: ${x.maxRssMiB} MiB peak, ${x.ms} ms`);
      if (r.cancel)
        log(
          `limits: cancel answered in ${r.cancel.answer.medianMs} ms (p95 ${r.cancel.answer.p95Ms}), ${r.cancel.afterMs} ms into a file that alone takes ${r.cancel.fileAloneMs} ms`,
        );
      result.limits = r;
    }
  } finally {
    removeTree(generated);
  }

  const file = values.out ?? (smoke ? join(tmpdir(), 'aia-bench-smoke.json') : join(__dirname, 'results.json'));
  // Some cases re-run into the committed results: the other cases keep their figures, and the run says which are new.
  if (values.only && !smoke && !values.out && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const rerun = { ...(previous.rerun as Record<string, string> | undefined) };
    for (const c of only) rerun[c] = new Date().toISOString();
    Object.assign(result, { ...previous, ...result, machine: previous.machine, rerun });
  }
  writeJson(file, result);
  const md = toMarkdown(result);
  if (!smoke && !values.out) writeFileSync(join(__dirname, 'results.md'), md);
  log(`\n${md}\nwrote ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
