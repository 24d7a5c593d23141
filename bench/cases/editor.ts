// Case 4: what typing costs. A CUDA file of 1k or 10k lines is edited one line at a time (a different line each
// time, like a user moving through the file) and re-analysed the way the language server does it (the document's
// last tree re-parsed incrementally), and from scratch for comparison. p50 and p95 over the edits.
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { DocumentCache } from '../../src/core/document-cache';
import { RULE_IDS } from '../../src/core/rules';
import { cudaFileOfLines, stats, type Stats } from '../lib';

export interface LatencyRow {
  lines: number;
  bytes: number;
  edits: number;
  findings: number;
  /** The server's path; targets p95 ≤ 5 ms (1k lines), ≤ 30 ms (10k lines). */
  incremental: Stats;
  fresh: Stats;
  targetP95Ms: number;
}

export async function editorCase(sizes: number[], edits: number): Promise<LatencyRow[]> {
  const loaded = resolveConfig(undefined, RULE_IDS);
  const rows: LatencyRow[] = [];
  for (const lines of sizes) {
    const base = cudaFileOfLines(lines).split('\n');
    const cache = new DocumentCache();
    const first = await analyzeText('bench.cu', base.join('\n'), 'cuda', loaded, { cache, key: 'bench' });
    const incremental: number[] = [];
    const fresh: number[] = [];
    let current = [...base];
    for (let i = 0; i < edits; i++) {
      // Change the scale factor of one kernel (a one-line edit that keeps the file valid), spread over the file.
      const kernel = Math.floor((i * 7919) % Math.max(1, Math.floor(lines / 16)));
      const line = 3 + kernel * 16 + 2;
      current = [...current];
      if (current[line]?.includes('x[i] =')) current[line] = `  if (i < n) x[i] = x[i] * ${(i % 9) + 2}.0f + 1.0f;`;
      const text = current.join('\n');
      let t = performance.now();
      await analyzeText('bench.cu', text, 'cuda', loaded, { cache, key: 'bench' });
      incremental.push(performance.now() - t);
      t = performance.now();
      await analyzeText('bench.cu', text, 'cuda', loaded);
      fresh.push(performance.now() - t);
    }
    cache.delete('bench');
    rows.push({ lines, bytes: Buffer.byteLength(base.join('\n')), edits, findings: first.findings.length, incremental: stats(incremental), fresh: stats(fresh), targetP95Ms: lines <= 1000 ? 5 : 30 });
  }
  return rows;
}
