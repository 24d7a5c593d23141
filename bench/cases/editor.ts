// Case 4: what typing costs. A CUDA file of 1k or 10k lines is edited one line at a time (a different function
// each time, like a user moving through the file): every other edit changes a statement, the others add or remove a
// line (moving everything below it). Each is re-analysed the way the language server does it (the document's last
// tree re-parsed incrementally, the facts of untouched functions reused) and from scratch for comparison. The first
// edits after opening run while the JIT warms up: they are reported apart (cold) and not in p50/p95.
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { DocumentCache } from '../../src/core/document-cache';
import { RULE_IDS } from '../../src/core/rules';
import { cudaFileOfLines, stats, type Stats } from '../lib';

export interface LatencyRow {
  lines: number;
  bytes: number;
  edits: number;
  warmupEdits: number;
  findings: number;
  /** The first analysis after opening the file (fresh parse, nothing cached). */
  openMs: number;
  /** The warm-up edits, in order: what the first keystrokes after opening cost. */
  coldEditsMs: number[];
  /** The server's path; targets p95 ≤ 5 ms (1k lines), ≤ 30 ms (10k lines). */
  incremental: Stats;
  /** Functions whose facts were reused, per edit (median). */
  reusedFunctions: number;
  fresh: Stats;
  targetP95Ms: number;
}

export async function editorCase(sizes: number[], edits: number, warmupEdits: number): Promise<LatencyRow[]> {
  const loaded = resolveConfig(undefined, RULE_IDS);
  const rows: LatencyRow[] = [];
  for (const lines of sizes) {
    const base = cudaFileOfLines(lines).split('\n');
    const cache = new DocumentCache();
    let t = performance.now();
    const first = await analyzeText('bench.cu', base.join('\n'), 'cuda', loaded, { cache, key: 'bench' });
    const openMs = performance.now() - t;
    const incremental: number[] = [];
    const cold: number[] = [];
    const fresh: number[] = [];
    const reused: number[] = [];
    const texts: string[] = [];
    let current = [...base];
    const inserted = new Set<number>();
    for (let i = 0; i < warmupEdits + edits; i++) {
      const kernel = Math.floor((i * 7919) % Math.max(1, Math.floor(lines / 16)));
      current = [...current];
      // Lines of earlier blocks may have moved by the blank lines added: find this block's kernel by name.
      const at = current.indexOf(`__global__ void scale${kernel}(float *x, int n) {`);
      if (at >= 0 && i % 2 === 0) current[at + 2] = `  if (i < n) x[i] = x[i] * ${(i % 9) + 2}.0f + 1.0f;`;
      else if (at >= 0 && inserted.has(kernel)) {
        current.splice(at + 3, 1);
        inserted.delete(kernel);
      } else if (at >= 0) {
        current.splice(at + 3, 0, '');
        inserted.add(kernel);
      }
      const text = current.join('\n');
      t = performance.now();
      await analyzeText('bench.cu', text, 'cuda', loaded, { cache, key: 'bench' });
      const ms = performance.now() - t;
      if (i < warmupEdits) {
        cold.push(Math.round(ms * 100) / 100);
        continue;
      }
      incremental.push(ms);
      reused.push(cache.factsFor('bench').reused);
      texts.push(text);
    }
    cache.delete('bench');
    // The same texts from scratch, afterwards: interleaved, their garbage would land on the edits' timings, and the
    // server never does both.
    for (const text of texts) {
      t = performance.now();
      await analyzeText('bench.cu', text, 'cuda', loaded);
      fresh.push(performance.now() - t);
    }
    reused.sort((a, b) => a - b);
    rows.push({
      lines,
      bytes: Buffer.byteLength(base.join('\n')),
      edits,
      warmupEdits,
      findings: first.findings.length,
      openMs: Math.round(openMs * 10) / 10,
      coldEditsMs: cold,
      incremental: stats(incremental),
      reusedFunctions: reused[Math.floor(reused.length / 2)] ?? 0,
      fresh: stats(fresh),
      targetP95Ms: lines <= 1000 ? 5 : 30,
    });
  }
  return rows;
}
