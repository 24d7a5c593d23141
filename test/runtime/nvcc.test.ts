// The CUDA examples and fixtures are real programs: they compile with `nvcc -c` (no GPU needed). Skipped, with
// the reason, where nvcc is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { RULE_IDS } from '../../src/core/rules';

const ROOT = join(__dirname, '..', '..');

function findNvcc(): string | null {
  const candidates = [
    process.env.NVCC,
    '/usr/local/cuda/bin/nvcc',
    ...(existsSync('/usr/local')
      ? readdirSync('/usr/local')
          .filter((d) => d.startsWith('cuda'))
          .map((d) => `/usr/local/${d}/bin/nvcc`)
      : []),
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('which', ['nvcc'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

describe('CUDA examples compile with nvcc -c', function () {
  this.timeout(300_000);
  const nvcc = findNvcc();
  const sources = [
    ...readdirSync(join(ROOT, 'examples/cuda'))
      .filter((f) => f.endsWith('.cu'))
      .map((f) => join(ROOT, 'examples/cuda', f)),
    join(ROOT, 'test/fixtures/fix/checked.cu'),
    join(ROOT, 'test/fixtures/fix/unchecked-launch.cu'),
  ];
  const compile = (src: string): void => {
    const out = join(mkdtempSync(join(tmpdir(), 'aia-nvcc-')), 'x.o');
    const r = spawnSync(nvcc!, ['-c', '-std=c++17', src, '-o', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  for (const src of sources) {
    it(src.slice(ROOT.length + 1), function () {
      if (!nvcc) {
        console.warn('  skipped: nvcc not found');
        this.skip();
      }
      compile(src);
    });
  }
  // Every quick fix the analysis offers on them (wrapping calls in the file's macro, checking launches) applied
  // together: the fixed program still compiles.
  for (const src of sources) {
    it(`${src.slice(ROOT.length + 1)} with every fix applied`, async function () {
      if (!nvcc) this.skip();
      const text = readFileSync(src, 'utf8');
      const { findings } = await analyzeText(basename(src), text, 'cuda', resolveConfig(undefined, RULE_IDS));
      const edits = findings
        .flatMap((f) => f.fixes ?? [])
        .flatMap((f) => f.edits)
        .sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset);
      for (let i = 1; i < edits.length; i++)
        assert.ok(edits[i]!.endOffset <= edits[i - 1]!.startOffset || edits[i]!.startOffset === edits[i - 1]!.startOffset, 'fixes overlap');
      let fixed = text;
      for (const e of edits) fixed = fixed.slice(0, e.startOffset) + e.newText + fixed.slice(e.endOffset);
      if (src.endsWith('unchecked-launch.cu')) assert.match(fixed, /cudaGetLastError\(\)/, 'the launch fix was offered');
      const copy = join(mkdtempSync(join(tmpdir(), 'aia-nvcc-fixed-')), basename(src));
      writeFileSync(copy, fixed);
      compile(copy);
    });
  }
});
