// Managed memory above device memory without prefetch/advise: demand paging thrashes.
import { deviceBytes } from '../sizing/gpu-catalog';
import { formatBytes } from '../model/units';
import { liveTimeline } from '../facts/memory';
import type { GpuRule } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-managed-oversubscription',
    description: 'Managed (unified) allocations exceed device memory and the code never prefetches or advises.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      oversubscribed:
        "Managed allocations reach {{total}} here, more than the {{gpu}}'s {{capacity}}, and this file never calls cudaMemPrefetchAsync or cudaMemAdvise: pages fault and migrate on demand and kernels stall on page faults. Prefetch the slice each kernel uses (cudaMemPrefetchAsync) or set cudaMemAdviseSetPreferredLocation / SetReadMostly; better, process the data in chunks of at most {{budget}}.",
    },
  },
  check(ctx) {
    const hinted = ctx.facts.events.some((e) => e.kind === 'hint' && (e.hint === 'prefetch' || e.hint === 'advise'));
    if (hinted) return;
    const capacity = deviceBytes(ctx.gpu);
    const crossing = liveTimeline(ctx.facts, (a) => a.space === 'managed').find((p) => p.liveBytes > capacity);
    if (!crossing) return;
    ctx.report(
      'oversubscribed',
      {
        total: formatBytes(crossing.liveBytes),
        gpu: ctx.gpu.name,
        capacity: formatBytes(capacity, { exact: false }),
        budget: formatBytes(Math.floor(capacity * ctx.config.safetyFactor), { exact: false }),
      },
      crossing.allocation.range,
    );
  },
};
