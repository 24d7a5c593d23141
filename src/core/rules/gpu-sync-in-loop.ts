// A device-wide or stream synchronisation inside a loop: the host waits for the GPU every iteration.
import type { GpuRule } from './rule';
import { tripsText } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-sync-in-loop',
    description: 'A synchronisation call inside a loop stalls the host every iteration.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      syncInLoop:
        '{{api}} inside the loop at line {{loopLine}}{{trips}} blocks the host until the GPU is idle on every iteration, so the next launch or copy is never queued ahead. Synchronise once after the loop, or wait on an event for just the result you need.',
    },
  },
  check(ctx) {
    for (const e of ctx.facts.events) {
      if (e.kind !== 'sync' || !e.loop || e.family === 'opencl' || e.family === 'pyopencl') continue;
      // A benchmark's loop waits to measure (unless more work follows the wait in the same iteration: then the wait
      // only stalls the queue); a loop that only waits (one device or stream per trip) after the work is queued is
      // the one synchronisation the advice asks for.
      if (((e.loop.timed || e.loop.clocked) && !e.beforeMoreWork) || e.waitsOnly || e.debugOnly) continue;
      // Double buffering, or a host buffer refilled or read each trip: the wait guards the buffer's reuse. A hand-off
      // to another process or device (a barrier, a semaphore signal) needs the work complete first.
      if (e.guardsHostBuffer || e.handsOff) continue;
      // A blocking device-to-host copy in the same trip waits for the device anyway ("returns only once the copy has
      // completed", CUDA Runtime API, API synchronization behavior): this wait costs nothing more.
      const blockingCopy = ctx.facts.events.some(
        (t) =>
          t.kind === 'transfer' &&
          t.direction === 'device-to-host' &&
          !t.async &&
          t.blocking !== false &&
          t.function === e.function &&
          t.loop?.line === e.loop!.line,
      );
      if (blockingCopy) continue;
      ctx.report('syncInLoop', { api: e.api, loopLine: e.loop.line, trips: tripsText(e.loop.tripCount, ctx.config.lang) }, e.range);
    }
  },
};
