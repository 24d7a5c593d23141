// Worker-thread scans give exactly what a one-thread scan gives, and small scans never start a worker.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { MIN_FILES_PER_WORKER, workerCount } from '../../src/core/scan-pool';
import { generateTree, removeTree } from '../../bench/lib';

describe('worker-thread scans', function () {
  this.timeout(120_000);

  it('workerCount: one thread below the threshold, never more workers than files allow', () => {
    assert.equal(workerCount(4, MIN_FILES_PER_WORKER - 1), 1);
    assert.equal(workerCount(4, MIN_FILES_PER_WORKER * 2), 2);
    assert.equal(workerCount(1, 100_000), 1);
    assert.ok(workerCount(0, 100_000) >= 1 && workerCount(0, 100_000) <= 4);
  });

  it('two workers produce the same result as one thread, in the same order, with progress for every file', async () => {
    const root = generateTree(400);
    try {
      const one = await analyze({ root, workers: 1 });
      const seen: number[] = [];
      const two = await analyze({ root, workers: 2, afterFile: (done) => void seen.push(done) });
      const strip = (r: typeof one) => JSON.stringify({ ...r, stats: { ...r.stats, durationMs: 0 } });
      assert.ok(one.findings.length > 0 && one.gpu.length > 0 && one.llm.length > 0);
      assert.equal(strip(two), strip(one));
      assert.equal(Math.max(...seen), 400);
    } finally {
      removeTree(root);
    }
  });

  it('a cancelled worker scan stops and names the files it did not analyse', async () => {
    const root = generateTree(600);
    try {
      const controller = new AbortController();
      const r = await analyze({ root, workers: 2, signal: controller.signal, afterFile: (done) => void (done >= 50 && controller.abort()) });
      const cancelled = r.skipped.filter((s) => s.reason === 'scan cancelled').length;
      assert.ok(cancelled > 0 && cancelled < 600, `${cancelled} cancelled`);
      assert.equal(r.files.length + cancelled, 600);
    } finally {
      removeTree(root);
    }
  });
});
