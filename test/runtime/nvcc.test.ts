// The CUDA examples and fixtures are real programs: they compile with `nvcc -c` (no GPU needed). Skipped, with
// the reason, where nvcc is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function findNvcc(): string | null {
  const candidates = [process.env.NVCC, '/usr/local/cuda/bin/nvcc', ...(existsSync('/usr/local') ? readdirSync('/usr/local').filter((d) => d.startsWith('cuda')).map((d) => `/usr/local/${d}/bin/nvcc`) : [])];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('which', ['nvcc'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

describe('CUDA examples compile with nvcc -c', function () {
  this.timeout(300_000);
  const nvcc = findNvcc();
  const sources = [
    ...readdirSync(join(ROOT, 'examples/cuda')).filter((f) => f.endsWith('.cu')).map((f) => join(ROOT, 'examples/cuda', f)),
    join(ROOT, 'test/fixtures/fix/checked.cu'),
  ];
  for (const src of sources) {
    it(src.slice(ROOT.length + 1), function () {
      if (!nvcc) {
        console.warn('  skipped: nvcc not found');
        this.skip();
      }
      const out = join(mkdtempSync(join(tmpdir(), 'aia-nvcc-')), 'x.o');
      const r = spawnSync(nvcc!, ['-c', '-std=c++17', src, '-o', out], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
  }
});
