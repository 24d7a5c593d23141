// Peak device bytes (known part) above the target GPU's memory: the program cannot run there as written.
import { deviceBytes } from '../sizing/gpu-catalog';
import { formatBytes } from '../model/units';
import { liveTimeline } from '../facts/memory';
import type { GpuRule } from './rule';
import { phrase } from './shared/phrases';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-exceeds-device-memory',
    description: "Device memory live at one time exceeds the target GPU's memory.",
    category: 'gpu',
    defaultSeverity: 'error',
    messages: {
      exceeds:
        'Device memory live here reaches {{live}}, more than the {{gpu}} has ({{capacity}}){{unknown}}. Process the data in chunks that fit, or target a larger GPU.',
    },
  },
  check(ctx) {
    const capacity = deviceBytes(ctx.gpu);
    // Report once, at the first allocation that crosses the capacity.
    const crossing = liveTimeline(ctx.facts).find((p) => p.liveBytes > capacity);
    if (!crossing) return;
    const unknown = crossing.unknownExprs.length ? phrase(ctx.config.lang, 'plusUnknown', { exprs: crossing.unknownExprs.join(', ') }) : '';
    ctx.report(
      'exceeds',
      { live: formatBytes(crossing.liveBytes), gpu: ctx.gpu.name, capacity: formatBytes(capacity, { exact: false }), unknown },
      crossing.allocation.range,
    );
  },
};
