// Blocking reads/writes inside a loop serialise transfers and kernels.
import { sizeText } from './shared/phrases';
import type { GpuRule } from './rule';
import { tripsText } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'opencl-blocking-transfer-in-loop',
    description: 'A blocking OpenCL buffer transfer runs inside a loop.',
    category: 'opencl',
    defaultSeverity: 'warning',
    messages: {
      blocking:
        'Blocking {{api}} ({{size}}) inside the loop at line {{loopLine}}{{trips}}: every iteration waits for the copy to finish before queueing more work, so transfers never overlap kernels. Enqueue it non-blocking (CL_FALSE / is_blocking=False), wait on its event only where the data is used, and double-buffer with two buffers and two queues.',
    },
  },
  check(ctx) {
    for (const t of ctx.facts.events) {
      if (t.kind !== 'transfer' || !t.loop || t.blocking !== true || t.loop.timed || t.loop.clocked) continue;
      if (t.family !== 'opencl' && t.family !== 'pyopencl') continue;
      ctx.report(
        'blocking',
        { api: t.api, size: sizeText(t.size, ctx.config.lang), loopLine: t.loop.line, trips: tripsText(t.loop.tripCount, ctx.config.lang) },
        t.range,
      );
    }
  },
};
