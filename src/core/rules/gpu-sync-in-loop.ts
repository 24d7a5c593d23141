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
      syncInTimedLoop:
        '{{api}} inside the loop at line {{loopLine}}{{trips}} blocks the host until the GPU is idle on every iteration. The loop is timed from outside, so the time measured includes a host round trip per step and the next launch is never queued ahead: synchronise once after the loop, before the clock is read.',
    },
  },
  check(ctx) {
    for (const e of ctx.facts.events) {
      if (e.kind !== 'sync' || !e.loop || e.family === 'opencl' || e.family === 'pyopencl') continue;
      const benchmark = Boolean(e.loop.timed || e.loop.clocked);
      // A trip that reads the clock itself: the wait ends (or starts) its timed region, unless more work follows it in
      // the same trip with no clock read between (then it only stalls the queue). A loop timed only as a whole from
      // outside does not need a wait per trip: one after the loop makes the timing valid.
      if (e.loop.clockedPerIteration && !e.beforeMoreWork) continue;
      // A wait the code says is there for the measurement; a loop that only waits (one device or stream per trip)
      // after the work is queued is the one synchronisation the advice asks for.
      if ((benchmark && e.forTiming) || e.waitsOnly || e.debugOnly) continue;
      // Timed from outside: reported when the trip launches kernels the file shows before the wait and reads nothing
      // back: the timing then includes one host round trip per kernel. A trip that also copies its result to the host
      // is an end-to-end request (upload, compute, read back), where one request completing before the next starts is
      // what a latency benchmark measures; work queued only through a library (nvJPEG's decode phases) may need the
      // wait as part of the library's pipeline.
      const trip = ctx.facts.events.filter((t) => t.function === e.function && t.loop?.line === e.loop!.line);
      if (benchmark) {
        const launchesBefore = trip.some((t) => t.kind === 'launch' && t.order < e.order);
        const readsBack = trip.some((t) => t.kind === 'transfer' && t.direction === 'device-to-host');
        if (!launchesBefore || readsBack) continue;
      }
      // Double buffering, or a host buffer refilled or read each trip: the wait guards the buffer's reuse. A hand-off
      // to another process or device (a barrier, a semaphore signal) needs the work complete first.
      // Graphics interop in the same loop (GL/EGL/Vulkan read what the kernel wrote): the wait orders the two APIs.
      if (e.guardsHostBuffer || e.handsOff || e.sharedWithGraphics) continue;
      // A blocking copy in the same trip waits for the device anyway (CUDA Runtime API, "API synchronization
      // behavior"): a read-back "returns only once the copy has completed"; a CUDA upload from pageable memory performs
      // "a stream sync ... before the copy is initiated" (from pinned memory it is synchronous), so an upload that
      // follows the wait with no GPU work between them waits for the same work: this wait costs nothing more.
      const blocking = (t: (typeof trip)[number]) => t.kind === 'transfer' && !t.async && t.blocking !== false;
      const uploadNext = trip.filter((t) => t.order > e.order && (t.kind === 'launch' || t.kind === 'transfer')).sort((a, b) => a.order - b.order)[0];
      const blockingCopy =
        trip.some((t) => blocking(t) && t.kind === 'transfer' && t.direction === 'device-to-host') ||
        (uploadNext !== undefined &&
          blocking(uploadNext) &&
          uploadNext.kind === 'transfer' &&
          uploadNext.direction === 'host-to-device' &&
          (uploadNext.family === 'cuda' || uploadNext.family === 'cuda-driver'));
      // A cuBLAS reduction into a host scalar blocks the same way (host pointer mode: it returns with the result).
      if (blockingCopy || e.blockingLibraryResult) continue;
      ctx.report(
        benchmark ? 'syncInTimedLoop' : 'syncInLoop',
        { api: e.api, loopLine: e.loop.line, trips: tripsText(e.loop.tripCount, ctx.config.lang) },
        e.range,
      );
    }
  },
};
