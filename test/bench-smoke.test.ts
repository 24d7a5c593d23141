// Runs the benchmark harness at tiny sizes so it never rots; its numbers are not asserted here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('bench harness (smoke)', function () {
  this.timeout(120_000);
  it('runs every case and writes a result', () => {
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, '..', 'bench', 'run.ts'), '--smoke'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(readFileSync(join(tmpdir(), 'aia-bench-smoke.json'), 'utf8'));
    // The generated tree: 40 files, one in 20 using GPU or OpenAI APIs.
    assert.equal(result.scan.length, 1);
    assert.equal(result.scan[0].files, 40);
    assert.equal(result.scan[0].relevantFiles, 2);
    assert.ok(result.scan[0].scan.medianMs > 0);
    // ripgrep (installed by .ci/run) finds the same two files the prefilter lets through.
    if (result.tools.rg) assert.equal(result.scan[0].rgMatches, 2);
    assert.deepEqual(result.peers.map((p: { peer: string }) => p.peer).sort(), ['cppcheck', 'eslint']);
    for (const p of result.peers) assert.ok(p.ours.medianMs > 0 && p.files > 0);
    assert.equal(result.editor[0].lines, 200);
    assert.ok(result.editor[0].findings > 0, 'the latency file has findings to re-compute');
    assert.ok(result.startup.bundles.some((b: { file: string }) => b.file === 'dist/extension.js'));
    assert.ok(result.startup.serverInitialize.medianMs > 0);
    assert.ok(result.startup.scanRss.every((x: { maxRssMiB: number }) => x.maxRssMiB > 10));
    // The steps: --version, one CUDA file, the tree without OpenAI files, the whole tree; the tree without its
    // OpenAI files never needs more than the whole tree's peak plus noise.
    const steps = result.startup.rssSteps as Array<{ maxRssMiB: number }>;
    assert.equal(steps.length, 4);
    assert.ok(steps.every((x) => x.maxRssMiB > 10));
    assert.ok(steps[0]!.maxRssMiB < steps[3]!.maxRssMiB);
    assert.deepEqual(
      result.scaling.map((s: { files: number }) => s.files),
      [20, 40],
    );
    assert.match(r.stdout, /## 4\. Editor latency/);
  });
});
