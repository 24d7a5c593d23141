// Runs the benchmark harness at tiny sizes so it never rots; its numbers are not asserted here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('bench harness (smoke)', function () {
  this.timeout(120_000);
  it('runs and writes a result with the generated tree', () => {
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, '..', 'bench', 'run.ts'), '--smoke'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(readFileSync(join(tmpdir(), 'aia-bench-smoke.json'), 'utf8'));
    assert.equal(result.results.length, 1);
    assert.equal(result.results[0].files, 40);
    assert.equal(result.results[0].relevantFiles, 2);
  });
});
