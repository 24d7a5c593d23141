// CUDA allocations never released in the file.
import { isReleased } from '../facts/memory';
import { sizeText } from './shared/phrases';
import type { GpuRule } from './rule';
import { lookupTable } from '../model/lookup';

const FREE_API: Readonly<Record<string, string>> = lookupTable({
  device: 'cudaFree',
  managed: 'cudaFree',
  'pinned-host': 'cudaFreeHost',
  mapped: 'cudaFreeHost',
});

/** C/C++/CUDA header files. */
const HEADER = /\.(h|hh|hpp|hxx|cuh)$/i;

export const rule: GpuRule = {
  meta: {
    id: 'gpu-missing-free',
    description: 'A CUDA allocation is never freed in the file.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      missingFree:
        "{{api}} allocates {{size}} into '{{target}}', but this file never frees it ({{freeApi}}): the memory stays reserved until the process exits, and if this code runs more than once it leaks every time.",
    },
  },
  check(ctx) {
    for (const e of ctx.facts.events) {
      if (e.kind !== 'allocation' || (e.family !== 'cuda' && e.family !== 'cuda-driver') || !e.target) continue;
      // Members and pointers handed back to the caller are released elsewhere: no guess.
      if (isReleased(ctx.facts, e) || e.escapes || /->|\./.test(e.target)) continue;
      // A header's file-scope buffer is shared state of every file that includes it: they free it, not the header.
      if (!e.localTarget && HEADER.test(ctx.path)) continue;
      const freeApi =
        e.family === 'cuda-driver' ? (e.space === 'device' || e.space === 'managed' ? 'cuMemFree' : 'cuMemFreeHost') : FREE_API[e.space]!;
      ctx.report('missingFree', { api: e.api, size: sizeText(e.size, ctx.config.lang), target: e.target, freeApi }, e.range);
    }
  },
};
