// `npm run fuzz`: the pipeline properties (test/fuzz/pipeline.ts) over many inputs per language; prints each
// language's count and time, and for a failure the seed and path that replay it:
//   npm run fuzz                                   100,000 inputs per language, a random seed
//   npm run fuzz -- --runs 2000 --lang cuda,python
//   npm run fuzz -- --runs 2000 --name-runs 200     hostile file names on disk: 200 scans (default runs/10)
//   npm run fuzz -- --lang cuda --seed 123 --path 4:2:0   replay one failure
// Writes test-results/fuzz.json (or --out FILE). Exit status 1 when any property failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { initTreeSitter } from '../../src/core/parse/tree-sitter';
import { FUZZ_LANGUAGES, namesProperty, pipelineProperty, reached, warmUp, type FuzzLanguage } from './pipeline';

interface LanguageResult {
  language: FuzzLanguage;
  runs: number;
  seed: number;
  ms: number;
  failed: boolean;
  /** Of the inputs checked (shrinking included): parsed past the prefilter, with findings; the slowest analysis. */
  parsed: number;
  withFindings: number;
  slowestMs: number;
  counterexamplePath?: string;
  error?: string;
  counterexample?: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      lang: { type: 'string' },
      seed: { type: 'string' },
      path: { type: 'string' },
      out: { type: 'string' },
      'name-runs': { type: 'string' },
    },
  });
  const runs = Number(values.runs ?? 100_000);
  const languages = (values.lang?.split(',') ?? FUZZ_LANGUAGES) as FuzzLanguage[];
  for (const l of languages) if (!FUZZ_LANGUAGES.includes(l)) throw new Error(`unknown language '${l}': ${FUZZ_LANGUAGES.join(', ')}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  await initTreeSitter();
  await warmUp();
  const results: LanguageResult[] = [];
  for (const language of languages) {
    const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
    Object.assign(reached, { inputs: 0, parsed: 0, withFindings: 0, slowestMs: 0 });
    const started = performance.now();
    const details = await fc.check(pipelineProperty(language), { numRuns: runs, seed, ...(values.path ? { path: values.path } : {}) });
    const ms = Math.round(performance.now() - started);
    const share = (n: number) => Math.round((100 * n) / Math.max(1, reached.inputs));
    const r: LanguageResult = {
      language,
      runs: details.numRuns,
      seed,
      ms,
      failed: details.failed,
      parsed: reached.parsed,
      withFindings: reached.withFindings,
      slowestMs: Math.round(reached.slowestMs),
    };
    if (details.failed) {
      r.counterexamplePath = details.counterexamplePath ?? undefined;
      r.error = String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance);
      r.counterexample = JSON.stringify(details.counterexample).slice(0, 2000);
    }
    results.push(r);
    console.log(
      `${language.padEnd(11)} ${r.runs.toLocaleString('en-US').padStart(8)} inputs in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(1, r.runs)).toFixed(2)} ms each), seed ${seed}: ${r.failed ? 'FAILED' : 'ok'}; ${share(r.parsed)}% parsed, ${share(r.withFindings)}% with findings, slowest ${r.slowestMs} ms`,
    );
    if (r.failed) {
      console.log(`  ${r.error}`);
      console.log(`  replay: npm run fuzz -- --lang ${language} --seed ${seed} --path ${r.counterexamplePath} --runs 1`);
      console.log(`  input: ${r.counterexample}`);
    }
  }
  // Hostile file names on disk (one scan each): a tenth of the runs, at least 50, unless --name-runs says.
  const nameRuns = Number(values['name-runs'] ?? Math.max(50, Math.floor(runs / 10)));
  let names: { runs: number; seed: number; ms: number; failed: boolean; error?: string; counterexample?: string } | null = null;
  if (nameRuns > 0 && !values.lang) {
    const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
    const started = performance.now();
    const details = await fc.check(namesProperty(), { numRuns: nameRuns, seed });
    names = { runs: details.numRuns, seed, ms: Math.round(performance.now() - started), failed: details.failed };
    if (details.failed) {
      names.error = String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance);
      names.counterexample = JSON.stringify(details.counterexample).slice(0, 2000);
    }
    console.log(
      `${'file names'.padEnd(11)} ${names.runs.toLocaleString('en-US').padStart(8)} scans in ${(names.ms / 1000).toFixed(1)} s, seed ${seed}: ${names.failed ? `FAILED: ${names.error}` : 'ok'}`,
    );
  }
  const out = values.out ?? join(__dirname, '..', '..', 'test-results', 'fuzz.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), runsPerLanguage: runs, results, names }, null, 2)}\n`);
  return results.some((r) => r.failed) || names?.failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`fuzz: ${err.message}`);
    process.exitCode = 2;
  },
);
