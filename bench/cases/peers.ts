// Case 3: the tools users already run, on the same files, each as the command a user types (a fresh process, so
// every tool pays its own start-up): our CLI on one thread, cppcheck on the C/C++/CUDA files, ESLint with a minimal
// config (bench/peer-eslint.config.mjs) on the JS/TS files. Ratio = ours / theirs: below 1 we are faster.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { resolveConfig } from '../../src/core/config';
import { discoverFiles } from '../../src/core/files/discover';
import { RULE_IDS } from '../../src/core/rules';
import { ROOT, round, stats, timeCommand, version, type Stats } from '../lib';

export interface PeerRow {
  corpus: string;
  peer: 'cppcheck' | 'eslint';
  peerVersion: string | null;
  files: number;
  bytes: number;
  ours: Stats;
  theirs: Stats | null;
  /** ours / theirs; target < 1. */
  ratio: number | null;
}

const C_FAMILY = new Set(['c', 'cpp', 'cuda', 'opencl-c']);
const JS_TS = new Set(['javascript', 'typescript']);

export async function peersCase(corpus: string, root: string, runs: number, limit = 400): Promise<PeerRow[]> {
  const loaded = resolveConfig(undefined, RULE_IDS);
  const discovered = await discoverFiles({
    root,
    include: loaded.config.include,
    exclude: loaded.config.exclude,
    respectGitignore: false,
    maxFileBytes: loaded.config.maxFileBytes,
  });
  const cli = join(ROOT, 'dist', 'cli.js');
  const rows: PeerRow[] = [];
  for (const [peer, languages] of [
    ['cppcheck', C_FAMILY],
    ['eslint', JS_TS],
  ] as const) {
    // The first `limit` files in path order, so every run and every tool sees the same list.
    const files = discovered.files
      .filter((f) => languages.has(f.language))
      .sort((a, b) => a.path.localeCompare(b.path))
      .slice(0, limit);
    if (!files.length) continue;
    const paths = files.map((f) => relative(root, f.absolutePath));
    const ours: number[] = [];
    const theirs: number[] = [];
    const list = join(tmpdir(), `aia-bench-${peer}-files.txt`);
    writeFileSync(list, `${paths.join('\n')}\n`);
    for (let i = 0; i < runs; i++) {
      ours.push(
        timeCommand(process.execPath, [cli, 'scan', ...paths, '--root', root, '--format', 'json', '--fail-on', 'never', '--jobs', '1'], {
          cwd: root,
        })!.ms,
      );
      const t =
        peer === 'cppcheck'
          ? // C++ for every file: cppcheck has no CUDA mode, and C headers parse as C++.
            timeCommand('cppcheck', ['--quiet', '--language=c++', '-j', '1', `--file-list=${list}`], { cwd: root })
          : // ESLint exits 1 when it reports problems.
            timeCommand(
              process.execPath,
              [
                join(ROOT, 'node_modules/eslint/bin/eslint.js'),
                '--no-warn-ignored',
                '-c',
                join(ROOT, 'bench/peer-eslint.config.mjs'),
                '--format',
                'json',
                ...paths,
              ],
              { cwd: root, okStatus: [0, 1] },
            );
      if (t) theirs.push(t.ms);
    }
    const o = stats(ours);
    const p = theirs.length ? stats(theirs) : null;
    rows.push({
      corpus,
      peer,
      peerVersion:
        peer === 'cppcheck' ? version('cppcheck') : version(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--version']),
      files: files.length,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      ours: o,
      theirs: p,
      ratio: p ? round(o.medianMs / p.medianMs) : null,
    });
  }
  return rows;
}
