// Worker-thread scans give exactly what a one-thread scan gives, and small scans never start a worker; the language
// server's scan thread gives the same, and an abort ends it at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type AnalysisResult } from '../../src/core/analyze';
import { ScanThread } from '../../src/core/scan-thread';
import { MIN_FILES_PER_WORKER, workerCount } from '../../src/core/scan-pool';
import { generateTree, largeFileOf, removeTree } from '../../bench/lib';

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

describe("the language server's scan thread", function () {
  this.timeout(120_000);
  const EXAMPLES = join(__dirname, '..', '..', 'examples');

  it('gives what an in-thread scan gives, with progress up to the last file; the thread is reused', async () => {
    const thread = new ScanThread();
    try {
      const strip = (r: AnalysisResult) => JSON.stringify({ ...r, stats: { ...r.stats, durationMs: 0 } });
      const here = await analyze({ root: EXAMPLES });
      const seen: Array<[number, number]> = [];
      const there = await thread.run({ root: EXAMPLES }, { onProgress: (done, total) => void seen.push([done, total]) });
      assert.ok(there && here.findings.length > 0);
      assert.equal(strip(there), strip(here));
      assert.equal(seen.at(-1)![0], seen.at(-1)![1]);
      assert.equal(strip((await thread.run({ root: EXAMPLES }))!), strip(here), 'a second scan on the same thread');
    } finally {
      thread.kill();
    }
  });

  it('an abort ends the scan at once, in the middle of a file; the next scan starts a fresh thread', async () => {
    const slow = mkdtempSync(join(tmpdir(), 'aia-thread-'));
    // Files are scanned in path order: the small one first, so its progress says the thread is in the large one.
    writeFileSync(join(slow, 'a-small.py'), largeFileOf('py', 1));
    writeFileSync(join(slow, 'b-module.py'), largeFileOf('py', 1_900_000));
    const thread = new ScanThread();
    try {
      const controller = new AbortController();
      let t = 0;
      const run = thread.run(
        { root: slow },
        {
          signal: controller.signal,
          onProgress: (done) => {
            if (done !== 1) return;
            t = performance.now();
            controller.abort();
          },
        },
      );
      assert.equal(await run, null);
      const ms = performance.now() - t;
      assert.ok(ms < 100, `${ms} ms`);
      assert.equal(thread.busy, false);
      const again = await thread.run({ root: EXAMPLES });
      assert.ok(again && again.findings.length > 0);
    } finally {
      thread.kill();
      rmSync(slow, { recursive: true, force: true });
    }
  });

  it('a thread that died between scans is replaced, not handed the next scan', async () => {
    const thread = new ScanThread();
    try {
      assert.ok(await thread.run({ root: EXAMPLES }));
      // As if it ran out of memory while idle: the worker ends without the thread being told.
      const worker = (thread as unknown as { worker: import('node:worker_threads').Worker }).worker;
      await new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        void worker.terminate();
      });
      const again = await thread.run({ root: EXAMPLES });
      assert.ok(again && again.findings.length > 0);
    } finally {
      thread.kill();
    }
  });
});
