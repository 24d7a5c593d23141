// clCreateBuffer results never passed to clReleaseMemObject.
import { isReleased } from '../facts/memory';
import { sizeText } from './shared/phrases';
import type { GpuRule } from './rule';

export const rule: GpuRule = {
  meta: {
    id: 'opencl-unreleased-mem-object',
    description: 'An OpenCL memory object is never released.',
    category: 'opencl',
    defaultSeverity: 'warning',
    messages: {
      unreleased:
        "{{api}} creates '{{target}}' ({{size}}) but this file never calls clReleaseMemObject({{target}}): the buffer holds device memory until the context is released, and repeated calls exhaust it.",
    },
  },
  check(ctx) {
    for (const e of ctx.facts.events) {
      if (e.kind !== 'allocation' || e.family !== 'opencl' || e.api === 'cl::Buffer' || !e.target) continue;
      if (isReleased(ctx.facts, e) || e.escapes || /->|\./.test(e.target)) continue;
      ctx.report('unreleased', { api: e.api, target: e.target, size: sizeText(e.size, ctx.config.lang) }, e.range);
    }
  },
};
