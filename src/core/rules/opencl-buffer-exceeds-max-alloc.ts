// One OpenCL buffer above CL_DEVICE_MAX_MEM_ALLOC_SIZE fails with CL_INVALID_BUFFER_SIZE, even when the device
// has the memory in total. The same size allocated with CUDA would succeed: the API decides the machine.
import { openclMaxAllocBytes, reportedBytes } from '../sizing/gpu-catalog';
import { phrase } from './shared/phrases';
import { formatBytes, formatPercent } from '../model/units';
import type { GpuRule } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'opencl-buffer-exceeds-max-alloc',
    description: "An OpenCL buffer is larger than the device's maximum single allocation.",
    category: 'opencl',
    defaultSeverity: 'error',
    messages: {
      exceeds:
        '{{api}} asks for {{size}}, above CL_DEVICE_MAX_MEM_ALLOC_SIZE on the {{gpu}} ({{limit}}, {{fraction}} of its {{capacity}}): creation fails with CL_INVALID_BUFFER_SIZE although the device {{cudaVerdict}}. Split it into {{parts}} buffers of at most {{limit}}, or process the data in chunks.',
    },
  },
  check(ctx) {
    const limit = openclMaxAllocBytes(ctx.gpu);
    // The limit is a share of what the driver reports (CL_DEVICE_GLOBAL_MEM_SIZE), not of the nominal size.
    const capacity = reportedBytes(ctx.gpu);
    for (const e of ctx.facts.events) {
      if (e.kind !== 'allocation' || (e.family !== 'opencl' && e.family !== 'pyopencl') || e.size.bytes === null || e.size.bytes <= limit) continue;
      const bytes = e.size.bytes;
      const cudaVerdict = phrase(ctx.config.lang, bytes <= capacity ? 'cudaWouldFit' : 'cudaWouldNotFit', {
        capacity: formatBytes(capacity, { exact: false }),
      });
      ctx.report(
        'exceeds',
        {
          api: e.api,
          size: formatBytes(bytes),
          gpu: ctx.gpu.name,
          limit: formatBytes(limit, { exact: false }),
          fraction: formatPercent(ctx.gpu.openclMaxAllocFraction),
          capacity: formatBytes(capacity, { exact: false }),
          cudaVerdict,
          parts: Math.ceil(bytes / limit),
        },
        e.range,
      );
    }
  },
};
