// OpenCL status codes (returned, or through errcode_ret) that are never looked at: one finding per function, its
// related locations listing every call.
import type { ApiCallFact, RelatedLocation } from '../model/types';
import type { GpuRule } from './rule';
import { phrase } from './shared/phrases';

/** Queries guard nothing later code relies on (a failed clGetDeviceInfo leaves a string unset): not reported. */
const UNGUARDING_OPENCL_CALL = /^clGet\w*Info$|^clGetPlatformIDs$|^clGetDeviceIDs$|^clFlush$/;

export const rule: GpuRule = {
  meta: {
    id: 'opencl-unchecked-error',
    description: 'The error code of an OpenCL call is never checked.',
    category: 'opencl',
    defaultSeverity: 'warning',
    messages: {
      status:
        'The cl_int status returned by {{api}} is discarded: failures such as CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES or CL_MEM_OBJECT_ALLOCATION_FAILURE go unnoticed and the program continues on bad data. Compare it with CL_SUCCESS.',
      errcode:
        '{{api}} is called with a NULL errcode_ret, so a failure (CL_INVALID_BUFFER_SIZE when a buffer is above CL_DEVICE_MAX_MEM_ALLOC_SIZE, CL_OUT_OF_HOST_MEMORY, ...) only shows later as an invalid handle. Pass &err and check it.',
      stored:
        'The cl_int status of {{api}} is stored in {{name}}, which is overwritten (or left) before anything reads it: failures such as CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES or CL_MEM_OBJECT_ALLOCATION_FAILURE go unnoticed and the program continues on bad data. Compare {{name}} with CL_SUCCESS right after the call.',
      calls:
        '{{count}} OpenCL calls in {{function}} never have their error code checked ({{apis}}): failures such as CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES or CL_MEM_OBJECT_ALLOCATION_FAILURE go unnoticed and the program continues on bad data. Compare each status (or errcode_ret) with CL_SUCCESS; the related locations list them.',
    },
  },
  check(ctx) {
    const groups = new Map<string, ApiCallFact[]>();
    for (const call of ctx.facts.apiCalls) {
      if (call.checked || call.family !== 'opencl' || UNGUARDING_OPENCL_CALL.test(call.api)) continue;
      const key = call.function ?? '';
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(call);
    }
    for (const [fn, calls] of groups) {
      const first = calls[0]!;
      if (calls.length === 1) {
        if (first.storedIn) ctx.report('stored', { api: first.api, name: first.storedIn }, first.range);
        else ctx.report(first.via === 'errcode_ret' ? 'errcode' : 'status', { api: first.api }, first.range);
        continue;
      }
      const related: RelatedLocation[] = calls.map((c) => ({
        range: c.range,
        message: phrase(ctx.config.lang, 'statusDiscardedHere', { api: c.api }),
      }));
      ctx.report(
        'calls',
        { count: calls.length, function: fn || phrase(ctx.config.lang, 'fileScope'), apis: [...new Set(calls.map((c) => c.api))].join(', ') },
        first.range,
        undefined,
        related,
      );
    }
  },
};
