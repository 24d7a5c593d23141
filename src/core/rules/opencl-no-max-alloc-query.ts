// Buffers sized at run time in a file that never asks the device how large one buffer may be.
import { openclMaxAllocBytes } from '../sizing/gpu-catalog';
import { formatBytes } from '../model/units';
import type { GpuRule } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'opencl-no-max-alloc-query',
    description: 'OpenCL buffers are sized at run time but CL_DEVICE_MAX_MEM_ALLOC_SIZE is never queried.',
    category: 'opencl',
    defaultSeverity: 'info',
    messages: {
      noQuery:
        'The size of this buffer ({{expr}}) depends on {{unknowns}}, known only at run time, and this file never queries CL_DEVICE_MAX_MEM_ALLOC_SIZE. On the {{gpu}} one buffer may hold at most {{limit}}; larger inputs fail with CL_INVALID_BUFFER_SIZE. Query the limit (clGetDeviceInfo / device.max_mem_alloc_size) and split or chunk above it.',
    },
  },
  check(ctx) {
    const queried = ctx.facts.events.some((e) => e.kind === 'hint' && e.hint === 'max-alloc-query');
    if (queried) return;
    for (const e of ctx.facts.events) {
      if (e.kind !== 'allocation' || (e.family !== 'opencl' && e.family !== 'pyopencl') || e.size.bytes !== null) continue;
      ctx.report(
        'noQuery',
        {
          expr: e.size.expr,
          unknowns: e.size.unknowns.join(', ') || e.size.expr,
          gpu: ctx.gpu.name,
          limit: formatBytes(openclMaxAllocBytes(ctx.gpu), { exact: false }),
        },
        e.range,
      );
    }
  },
};
