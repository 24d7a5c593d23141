// Worker threads for workspace scans. The main thread discovers the files; each worker loads the analyzer once and
// reads, prefilters and analyses the batches of files it is handed, and sends back only what a scan keeps (the
// entry, findings and summaries), so nothing big crosses threads. A small hand-written pool rather than piscina or
// tinypool: those start their own worker script from node_modules, which the single-file bundles (dist/cli.js,
// dist/server.js) and the .vsix do not ship; here a worker runs the very bundle it was started from.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LoadedConfig } from './config';
import type { DiscoveredFile } from './files/discover';
import type { FileEntry, Finding, GpuFileSummary, LlmFileSummary } from './model/types';

/** What a scan keeps of one file. */
export interface FileOutcome {
  entry: FileEntry;
  findings: Finding[];
  gpu: GpuFileSummary | null;
  llm: LlmFileSummary | null;
  assumedTypeSizes: Record<string, number> | null;
  bytesRead: number;
}

export type AnalyseFile = (
  file: Pick<DiscoveredFile, 'path' | 'absolutePath' | 'language' | 'confineTo' | 'projectRoot'>,
  loaded: LoadedConfig,
) => Promise<FileOutcome>;

/** Files per message: large enough that messaging costs little, small enough that both workers finish together. */
const BATCH = 16;
/** Below this many files a worker's start-up (loading the bundle, the grammars) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 150;

/** How many workers a scan of `files` files gets when the caller asked for `requested` (0: one per core, at most 4). */
export function workerCount(requested: number | undefined, files: number): number {
  const wanted = requested === undefined || requested <= 0 ? Math.min(4, availableParallelism()) : requested;
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** The script a worker runs: the bundle this code is in, or from source the .ts entry under tsx (scan-thread.ts too). */
export function workerScript(): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'scan-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  return { file: __filename, execArgv: [] };
}

const WORKER_TAG = 'ai-infra-advisor-scan-worker';

/**
 * Analyses `files` on `count` worker threads. `onDone` sees each file's outcome as it arrives (any order); a signal
 * stops handing out files and ends the workers, and the files not analysed are returned by index.
 */
export async function analyseInWorkers(
  files: readonly DiscoveredFile[],
  loaded: LoadedConfig,
  count: number,
  onDone: (index: number, outcome: FileOutcome) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<{ notDone: number[] }> {
  const { file, execArgv } = workerScript();
  let next = 0;
  const pending = new Set<number>();
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve) => {
      let running = 0;
      const stop = () => {
        for (const w of workers) void w.terminate();
        resolve();
      };
      signal?.addEventListener('abort', stop, { once: true });
      const feed = (w: Worker): boolean => {
        if (signal?.aborted || next >= files.length) return false;
        const batch = files.slice(next, next + BATCH).map((f, i) => ({
          index: next + i,
          path: f.path,
          absolutePath: f.absolutePath,
          language: f.language,
          confineTo: f.confineTo,
          projectRoot: f.projectRoot,
        }));
        next += batch.length;
        for (const t of batch) pending.add(t.index);
        w.postMessage(batch);
        return true;
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(file, { workerData: { tag: WORKER_TAG, loaded }, execArgv, stdout: false, stderr: false });
        workers.push(w);
        running++;
        w.on('message', async (results: Array<{ index: number; outcome: FileOutcome }>) => {
          for (const r of results) {
            pending.delete(r.index);
            await onDone(r.index, r.outcome);
          }
          if (!feed(w)) {
            running--;
            void w.terminate();
            if (running === 0) resolve();
          }
        });
        // A worker that dies (out of memory in WASM, say) leaves its files pending: the caller analyses them itself.
        w.on('error', () => {
          running--;
          if (running === 0) resolve();
        });
        feed(w);
      }
    });
  } finally {
    for (const w of workers) void w.terminate();
  }
  const notDone = [...pending];
  for (let i = next; i < files.length; i++) notDone.push(i);
  return { notDone: notDone.sort((a, b) => a - b) };
}

/**
 * Call first thing in an entry bundle: in a scan worker it serves batches and returns true (the entry then does
 * nothing else); on the main thread it returns false at once.
 */
export function serveScanWorker(analyse: AnalyseFile): boolean {
  if (isMainThread || (workerData as { tag?: string } | null)?.tag !== WORKER_TAG || !parentPort) return false;
  const { loaded } = workerData as { loaded: LoadedConfig };
  const port = parentPort;
  port.on(
    'message',
    async (
      batch: Array<{
        index: number;
        path: string;
        absolutePath: string;
        language: DiscoveredFile['language'];
        confineTo?: string;
        projectRoot?: string;
      }>,
    ) => {
      const results = [];
      for (const t of batch) results.push({ index: t.index, outcome: await analyse(t, loaded) });
      port.postMessage(results);
    },
  );
  return true;
}
