// OpenCL status codes (returned, or through errcode_ret) that are never looked at.
import type { GpuRule } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'opencl-unchecked-error',
    description: 'The error code of an OpenCL call is never checked.',
    category: 'opencl',
    defaultSeverity: 'warning',
    messages: {
      status: 'The cl_int status returned by {{api}} is discarded: failures such as CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES or CL_MEM_OBJECT_ALLOCATION_FAILURE go unnoticed and the program continues on bad data. Compare it with CL_SUCCESS.',
      errcode: '{{api}} is called with a NULL errcode_ret, so a failure (CL_INVALID_BUFFER_SIZE when a buffer is above CL_DEVICE_MAX_MEM_ALLOC_SIZE, CL_OUT_OF_HOST_MEMORY, ...) only shows later as an invalid handle. Pass &err and check it.',
    },
  },
  check(ctx) {
    for (const call of ctx.facts.apiCalls) {
      if (call.checked || call.family !== 'opencl') continue;
      ctx.report(call.via === 'errcode_ret' ? 'errcode' : 'status', { api: call.api }, call.range);
    }
  },
};
