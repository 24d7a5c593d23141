// The same buffer copied between host and device on every iteration: loop-invariant traffic over PCIe.
import { sizeText } from './shared/phrases';
import { mentionsName } from '../facts/syntax';
import { formatBytes } from '../model/units';
import type { GpuRule } from './rule';
import { tripsText } from './rule';
import { allocationOf } from './shared/gpu-related';
import { phrase } from './shared/phrases';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-copy-in-loop',
    description: 'A host-device copy of the same buffer runs on every iteration of a loop.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      copyInLoop:
        '{{api}} copies {{size}} {{direction}} on every iteration of the loop at line {{loopLine}}{{trips}}, always the same buffer from its start{{total}}{{allocates}}. Copy once outside the loop, or if the data changes per iteration, copy only the changed part (an offset/chunk) and overlap copies with kernels on streams.',
    },
  },
  check(ctx) {
    for (const t of ctx.facts.events) {
      if (t.kind !== 'transfer' || !t.loop || t.offset) continue;
      // New data each iteration (the host refills it, a kernel writes what is read back), or a benchmark measuring the copy.
      if (t.changesInLoop || t.loop.timed) continue;
      if (t.direction !== 'host-to-device' && t.direction !== 'device-to-host') continue;
      // Blocking OpenCL copies in loops are reported by opencl-blocking-transfer-in-loop, which covers this too.
      if ((t.family === 'opencl' || t.family === 'pyopencl') && t.blocking === true) continue;
      // A buffer bound by the loop itself (`for batch in loader`) is new data each time, not repeated traffic.
      const loopVars = t.loop.variables;
      const names = [t.hostBuffer, t.deviceBuffer, ...t.size.unknowns];
      if (names.some((n) => n && loopVars.some((v) => mentionsName(n, v)))) continue;
      if (loopVars.some((v) => mentionsName(t.size.expr, v))) continue;
      const total =
        t.size.bytes !== null && t.loop.totalTrips !== null
          ? phrase(ctx.config.lang, 'copyTotal', { bytes: formatBytes(t.size.bytes * t.loop.totalTrips) })
          : '';
      // An upload that makes its own device array (Numba's create_xoroshiro128p_states, cuda.to_device): one finding
      // for both costs, as gpu-alloc-in-loop leaves these calls to this rule. A caching pool makes the allocation cheap.
      const allocates = ctx.facts.events.some(
        (a) =>
          a.kind === 'allocation' &&
          a.uploadsFrom !== undefined &&
          !a.pooled &&
          a.range.startLine === t.range.startLine &&
          a.range.startColumn === t.range.startColumn,
      );
      ctx.report(
        'copyInLoop',
        {
          api: t.api,
          size: sizeText(t.size, ctx.config.lang),
          direction:
            t.direction === 'host-to-device'
              ? phrase(ctx.config.lang, 'direction_host_to_device')
              : phrase(ctx.config.lang, 'direction_device_to_host'),
          loopLine: t.loop.line,
          trips: tripsText(t.loop.tripCount, ctx.config.lang),
          total,
          allocates: allocates ? phrase(ctx.config.lang, 'uploadAllocates') : '',
        },
        t.range,
        undefined,
        allocationOf(t, ctx.facts.events, ctx.config.lang),
      );
    }
  },
};
