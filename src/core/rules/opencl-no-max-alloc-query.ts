// Buffers sized at run time in a file that never asks the device how large one buffer may be.
import { openclMaxAllocBytes } from '../sizing/gpu-catalog';
import { formatBytes } from '../model/units';
import type { GpuRule } from './rule';

/**
 * The least CL_DEVICE_MAX_MEM_ALLOC_SIZE a conformant full-profile device may report: max(1/4 of
 * CL_DEVICE_GLOBAL_MEM_SIZE, 128 MiB) (Khronos OpenCL 1.2 specification, table 4.3 "OpenCL Device Queries",
 * khronos.org/registry/OpenCL/specs/opencl-1.2.pdf, read 2026-12-04); OpenCL 3.0 allows less on small devices.
 */
const PORTABLE_MAX_ALLOC_BYTES = 128 * 1024 * 1024;

export const rule: GpuRule = {
  meta: {
    id: 'opencl-no-max-alloc-query',
    description: 'OpenCL buffers are sized at run time (or above the 128 MiB every device allows) but CL_DEVICE_MAX_MEM_ALLOC_SIZE is never queried.',
    category: 'opencl',
    defaultSeverity: 'info',
    messages: {
      aboveMinimum:
        'This buffer takes {{size}}, more than the {{minimum}} every OpenCL device must allow for one buffer, and this file never queries CL_DEVICE_MAX_MEM_ALLOC_SIZE. The {{gpu}} allows {{limit}}; a device with less memory reports a smaller limit and fails with CL_INVALID_BUFFER_SIZE. Query the limit (clGetDeviceInfo / device.max_mem_alloc_size) and split or chunk above it.',
      noQuery:
        'The size of this buffer ({{expr}}) depends on {{unknowns}}, known only at run time, and this file never queries CL_DEVICE_MAX_MEM_ALLOC_SIZE. On the {{gpu}} one buffer may hold at most {{limit}}; larger inputs fail with CL_INVALID_BUFFER_SIZE. Query the limit (clGetDeviceInfo / device.max_mem_alloc_size) and split or chunk above it.',
    },
  },
  check(ctx) {
    const queried = ctx.facts.events.some((e) => e.kind === 'hint' && e.hint === 'max-alloc-query');
    if (queried) return;
    const limit = openclMaxAllocBytes(ctx.gpu);
    for (const e of ctx.facts.events) {
      if (e.kind !== 'allocation' || (e.family !== 'opencl' && e.family !== 'pyopencl')) continue;
      if (e.size.bytes !== null) {
        // A known size above the portable minimum but within the target's limit (above it, opencl-buffer-exceeds-max-alloc
        // reports an error): it runs here and fails on a smaller conformant device.
        if (e.size.bytes > PORTABLE_MAX_ALLOC_BYTES && e.size.bytes <= limit)
          ctx.report(
            'aboveMinimum',
            {
              size: formatBytes(e.size.bytes),
              minimum: formatBytes(PORTABLE_MAX_ALLOC_BYTES, { exact: false }),
              gpu: ctx.gpu.name,
              limit: formatBytes(limit, { exact: false }),
            },
            e.range,
          );
        continue;
      }
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
