// cudaMemcpyAsync / non_blocking=True from pageable memory runs synchronously: the async API buys nothing.
import type { GpuEvent, TransferFact } from '../model/types';
import type { GpuRule } from './rule';
import { phrase } from './shared/phrases';

/** A call in host code that is neither a CUDA call, a check nor printing: work the copy could overlap. */
const HOST_WORK_CALL =
  /\b(?!(?:cuda|cu|check|CHECK|printf|fprintf|puts|sizeof|if|while|for|switch|return)\w*\s*\()[A-Za-z_]\w*\s*\(|\b(for|while|do)\b/;

/**
 * Outside a loop, the function waits after the copy with no kernel launched and no host work in between (other copies
 * may come first): nothing could overlap the copy, so pinning the buffer buys nothing (a readback synchronised at once).
 */
function waitedAtOnce(t: TransferFact, events: readonly GpuEvent[], lines: () => string[]): boolean {
  let next: GpuEvent | null = null;
  for (const e of events) {
    if (e.order <= t.order || e.function !== t.function || (e.kind !== 'launch' && e.kind !== 'sync')) continue;
    if (!next || e.order < next.order) next = e;
  }
  if (next?.kind !== 'sync') return false;
  // Host code between the copy and the wait (a CPU solve) is what an async copy overlaps: the advice holds then.
  const between = lines()
    .slice(t.range.endLine, next.range.startLine - 1)
    .map((l) => l.replace(/\/\/.*$/, ''))
    .join('\n');
  return !HOST_WORK_CALL.test(between);
}

export const rule: GpuRule = {
  meta: {
    id: 'gpu-async-copy-pageable',
    description: 'An asynchronous copy uses a pageable host buffer, so it runs synchronously.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      pageable:
        "{{api}} is asynchronous, but its host buffer '{{buffer}}' is pageable ({{origin}} at line {{originLine}}): the driver stages it through a pinned bounce buffer and the copy cannot overlap kernels. {{remedy}}",
    },
  },
  check(ctx) {
    let split: string[] | undefined;
    const lines = () => (split ??= ctx.text.split('\n'));
    for (const t of ctx.facts.events) {
      // OpenCL has no pinned/pageable split in its API: a non-blocking write from malloc'd memory is the usual form.
      if (t.kind !== 'transfer' || !t.async || !t.hostBuffer || t.family === 'opencl' || t.family === 'pyopencl') continue;
      if (t.direction !== 'host-to-device' && t.direction !== 'device-to-host' && t.direction !== 'default') continue;
      const host = t.hostOrigin;
      if (!host || host.kind !== 'pageable') continue;
      if (!t.loop && waitedAtOnce(t, ctx.facts.events, lines)) continue;
      const remedy = phrase(ctx.config.lang, t.family === 'torch' ? 'pinTorch' : t.family === 'pycuda' ? 'pinPycuda' : 'pinCuda', {
        buffer: t.hostBuffer,
      });
      ctx.report('pageable', { api: t.api, buffer: t.hostBuffer, origin: host.api, originLine: host.line, remedy }, t.range);
    }
  },
};
