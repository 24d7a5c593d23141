// A whole workspace scan on its own worker thread, for the language server. Cancelling must be quick (issue 6: within
// 200 ms), but one file can take seconds to analyse (a 2 MB file at the size limit), and a scan on the server's own
// thread can only look at its cancel signal between files. Here the server's thread stays free: a cancel terminates
// the worker at once, whatever it is doing, and the next scan starts a fresh one. The worker is kept between scans
// (the sizing report re-scans on every edited assumption) and ended after a minute idle, which frees its memory.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnalysisResult, AnalyzeInput } from './analyze';
import { workerScript } from './scan-pool';

export type ScanInput = Pick<AnalyzeInput, 'root' | 'paths' | 'config'>;
type Analyze = (input: AnalyzeInput) => Promise<AnalysisResult>;

type FromWorker = { type: 'progress'; done: number; total: number } | { type: 'done'; result: AnalysisResult } | { type: 'failed'; message: string };

const TAG = 'ai-infra-advisor-scan-thread';
/** How long an idle worker is kept for the next scan. */
const IDLE_MS = 60_000;

export class ScanThread {
  private worker: Worker | undefined;
  private idle: NodeJS.Timeout | undefined;
  private running = false;

  /** A scan is running on this thread. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Runs `analyze` on the worker. Resolves null when `signal` aborts (the worker is terminated, not asked) and
   * rejects when the worker fails; `onProgress` sees "done of total files" as the scan goes.
   */
  async run(
    input: ScanInput,
    options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<AnalysisResult | null> {
    if (this.running) throw new Error('a scan is already running on this thread');
    if (options.signal?.aborted) return null;
    this.running = true;
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    let cleanup = () => {};
    try {
      return await new Promise<AnalysisResult | null>((resolve, reject) => {
        const onAbort = () => {
          this.kill();
          resolve(null);
        };
        const onMessage = (m: FromWorker) => {
          if (m.type === 'progress') options.onProgress?.(m.done, m.total);
          else if (m.type === 'done') resolve(m.result);
          else reject(new Error(m.message));
        };
        const onExit = (code: number) => {
          this.worker = undefined;
          reject(new Error(`the scan thread stopped (exit code ${code})`));
        };
        const onError = (err: Error) => {
          this.worker = undefined;
          reject(err);
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', onMessage).once('exit', onExit).once('error', onError);
        worker.postMessage({ root: input.root, paths: input.paths, config: input.config });
        // Whatever ends the scan, the listeners go with it.
        cleanup = () => {
          options.signal?.removeEventListener('abort', onAbort);
          worker.off('message', onMessage).off('exit', onExit).off('error', onError);
        };
      });
    } finally {
      cleanup();
      this.running = false;
      if (this.worker) this.idle = setTimeout(() => this.kill(), IDLE_MS).unref();
    }
  }

  /** Ends the worker now (a later scan starts another). */
  kill(): void {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }

  private start(): Worker {
    const { file, execArgv } = workerScript();
    const w = new Worker(file, { workerData: { tag: TAG }, execArgv, stdout: false, stderr: false });
    w.unref();
    // A worker that ends between scans (out of memory, say) is not handed the next one.
    w.once('exit', () => {
      if (this.worker === w) this.worker = undefined;
    });
    return w;
  }
}

/**
 * Call first thing in an entry bundle: in a scan thread it runs scans and returns true (the entry then does nothing
 * else); anywhere else it returns false at once.
 */
export function serveScanThread(analyze: Analyze): boolean {
  if (isMainThread || (workerData as { tag?: string } | null)?.tag !== TAG || !parentPort) return false;
  const port = parentPort;
  port.on('message', async (input: ScanInput) => {
    let last = 0;
    try {
      const result = await analyze({
        ...input,
        // At most every 50 ms: the server turns these into work-done progress, which it sends at most every 100 ms.
        afterFile: (done, total) => {
          const now = performance.now();
          if (done === total || now - last >= 50) {
            last = now;
            port.postMessage({ type: 'progress', done, total } satisfies FromWorker);
          }
        },
      });
      port.postMessage({ type: 'done', result } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ type: 'failed', message: (err as Error).message } satisfies FromWorker);
    }
  });
  return true;
}
