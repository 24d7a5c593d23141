// Device or pinned allocations inside a loop: each one is a driver call that may synchronise the device.
import { sizeText } from './shared/phrases';
import { mentionsName } from '../facts/syntax';
import type { GpuRule } from './rule';
import { tripsText } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-alloc-in-loop',
    description: 'A device or pinned allocation runs on every iteration of a loop.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      allocInLoop:
        '{{api}} allocates {{size}} of {{space}} memory on every iteration of the loop at line {{loopLine}}{{trips}}. Allocation is slow, can synchronise the device and fragments memory: allocate once before the loop and reuse the buffer (or use a stream-ordered pool: cudaMallocAsync, CuPy/PyTorch caching allocators).',
      allocInTimedLoop:
        '{{api}} allocates {{size}} of {{space}} memory on every iteration of the benchmark loop at line {{loopLine}}{{trips}}, inside its timed region: the time measured includes the allocation, not only the kernel. Allocate once before the loop and reuse the buffer (clear it with a memset/fill if it must start empty).',
    },
  },
  check(ctx) {
    for (const e of ctx.facts.events) {
      // Uploads that allocate (cp.asarray, x.cuda()) are reported by gpu-copy-in-loop instead.
      if (e.kind !== 'allocation' || !e.loop || e.uploadsFrom !== undefined) continue;
      // A pool (cudaMallocAsync, CuPy's and PyTorch's allocators) is what the advice recommends; a benchmark measures
      // the allocation; a buffer kept per iteration (`bufs[i] = p`) is set-up, not a reallocation.
      // A sweep over sizes or dtypes (`for power...: size = 1 << power`) needs a new buffer each time.
      if (e.pooled || e.keptPerIteration || e.sizeVaries) continue;
      // In a timed loop the allocation is what is measured, unless the loop also launches work: then it is overhead
      // inside the timing (a counter array re-made next to the kernel it times), reported as such.
      const timedWithWork =
        e.loop.timed && ctx.facts.events.some((w) => w.kind === 'launch' && w.function === e.function && w.loop?.line === e.loop!.line);
      if (e.loop.timed && !timedWithWork) continue;
      // `cudaMalloc(&buf[s], ...)` in `for (s...)`: one distinct buffer per iteration (set-up), not a reallocation.
      const subscripts = e.targetExpr ? [...e.targetExpr.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!) : [];
      const perIteration = subscripts.some((index) => e.loop!.variables.some((v) => mentionsName(index, v)));
      if (perIteration) continue;
      ctx.report(
        timedWithWork ? 'allocInTimedLoop' : 'allocInLoop',
        {
          api: e.api,
          size: sizeText(e.size, ctx.config.lang),
          space: e.space,
          loopLine: e.loop.line,
          trips: tripsText(e.loop.tripCount, ctx.config.lang),
        },
        e.range,
      );
    }
  },
};
