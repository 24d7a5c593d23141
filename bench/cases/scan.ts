// Cases 1, 2 and 6: whole-tree scans against ripgrep with the same keyword prefilter, analysis of the relevant files
// against parsing them alone, and scan time as the tree grows (one worker vs both cores).
import { readFileSync } from 'node:fs';
import { analyze, analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { discoverFiles, SOURCE_EXTENSIONS } from '../../src/core/files/discover';
import { mayBeRelevant, PREFILTER_PATTERN } from '../../src/core/files/prefilter';
import { grammarFor, parseSource } from '../../src/core/parse/tree-sitter';
import { parseJsTs } from '../../src/core/parse/typescript-estree';
import { RULE_IDS } from '../../src/core/rules';
import { generateTree, removeTree, round, stats, time, timeCommand, type Stats } from '../lib';

const config = () => resolveConfig(undefined, RULE_IDS);

/** ripgrep over the same files our discovery reads: our extensions, our always-excluded folders, our size limit. */
export function rgArgs(root: string, maxFileBytes: number, threads?: number): string[] {
  return [
    '--files-with-matches',
    '--no-ignore',
    '--hidden',
    '--no-messages',
    `--max-filesize=${maxFileBytes}`,
    ...(threads ? ['--threads', String(threads)] : []),
    ...SOURCE_EXTENSIONS.flatMap((e) => ['-g', `*${e}`]),
    '-g',
    '!*.d.ts',
    ...['node_modules', '.git', '.hg', '.svn'].flatMap((d) => ['-g', `!${d}/`]),
    '-e',
    PREFILTER_PATTERN,
    root,
  ];
}

export interface ScanCase {
  name: string;
  files: number;
  bytes: number;
  relevantFiles: number;
  relevantBytes: number;
  scan: Stats;
  scanWorkers: Stats | null;
  filesPerSecond: number;
  mbPerSecond: number;
  rg: Stats | null;
  rgSingleThread: Stats | null;
  rgMatches: number | null;
  /** Our scan (both cores) / ripgrep (its default threads); target ≤ 2 on mostly-irrelevant trees. */
  overRg: number | null;
  analysisRelevant: Stats;
  parseOnlyRelevant: Stats;
  /** Target ≤ 1.3. */
  analysisOverParse: number | null;
}

export async function scanCase(name: string, root: string, runs: number, workers: number): Promise<ScanCase> {
  const loaded = config();
  const discovered = await discoverFiles({
    root,
    include: loaded.config.include,
    exclude: loaded.config.exclude,
    respectGitignore: false,
    maxFileBytes: loaded.config.maxFileBytes,
  });
  const bytes = discovered.files.reduce((s, f) => s + f.bytes, 0);
  const scan = stats(await time(runs, () => analyze({ root, config: loaded, workers: 1 })));
  const scanWorkers = workers > 1 ? stats(await time(runs, () => analyze({ root, config: loaded, workers }))) : null;
  let rgMatches: number | null = null;
  const rgSamples: number[] = [];
  const rg1Samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // ripgrep exits 1 when nothing matched: still a valid run.
    const r = timeCommand('rg', rgArgs(root, loaded.config.maxFileBytes), { okStatus: [0, 1] });
    const r1 = timeCommand('rg', rgArgs(root, loaded.config.maxFileBytes, 1), { okStatus: [0, 1] });
    if (!r || !r1) break;
    rgSamples.push(r.ms);
    rg1Samples.push(r1.ms);
    rgMatches = r.stdout.split('\n').filter(Boolean).length;
  }
  const rg = rgSamples.length ? stats(rgSamples) : null;

  // Relevant files only: full analysis vs parsing the same text (tree-sitter, or typescript-estree for JS/TS).
  const relevant = discovered.files
    .map((f) => ({ f, text: readFileSync(f.absolutePath, 'utf8') }))
    .filter(({ f, text }) => mayBeRelevant(text, f.language));
  const relevantBytes = relevant.reduce((s, r) => s + r.f.bytes, 0);
  const analysis = stats(
    await time(runs, async () => {
      for (const r of relevant) await analyzeText(r.f.path, r.text, r.f.language, loaded);
    }),
  );
  const parseOnly = stats(
    await time(runs, async () => {
      for (const r of relevant) {
        if (grammarFor(r.f.language)) (await parseSource(r.text, r.f.language)).tree.delete();
        else parseJsTs(r.text, r.f.path, r.f.language);
      }
    }),
  );
  const best = scanWorkers && scanWorkers.medianMs < scan.medianMs ? scanWorkers : scan;
  return {
    name,
    files: discovered.files.length,
    bytes,
    relevantFiles: relevant.length,
    relevantBytes,
    scan,
    scanWorkers,
    filesPerSecond: Math.round(discovered.files.length / (best.medianMs / 1000)),
    mbPerSecond: round(bytes / 1e6 / (best.medianMs / 1000)),
    rg,
    rgSingleThread: rg1Samples.length ? stats(rg1Samples) : null,
    rgMatches,
    overRg: rg ? round(best.medianMs / rg.medianMs) : null,
    analysisRelevant: analysis,
    parseOnlyRelevant: parseOnly,
    analysisOverParse: parseOnly.medianMs > 0 ? round(analysis.medianMs / parseOnly.medianMs) : null,
  };
}

export interface ScalingPoint {
  files: number;
  oneWorker: Stats;
  workers: Stats | null;
  /** Milliseconds per file with one worker: flat when the scan grows linearly. */
  msPerFile: number;
  speedup: number | null;
}

export async function scalingCase(sizes: number[], runs: number, workers: number): Promise<ScalingPoint[]> {
  const loaded = config();
  const out: ScalingPoint[] = [];
  for (const files of sizes) {
    const root = generateTree(files);
    try {
      const one = stats(await time(runs, () => analyze({ root, config: loaded, workers: 1 })));
      const many = workers > 1 ? stats(await time(runs, () => analyze({ root, config: loaded, workers }))) : null;
      out.push({
        files,
        oneWorker: one,
        workers: many,
        msPerFile: round(one.medianMs / files, 4),
        speedup: many ? round(one.medianMs / many.medianMs) : null,
      });
    } finally {
      removeTree(root);
    }
  }
  return out;
}
