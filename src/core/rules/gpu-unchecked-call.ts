// CUDA calls whose cudaError_t / CUresult is dropped, and kernel launches never followed by an error check.
import type { Fix } from '../model/types';
import { eventIndex } from '../facts/memory';
import type { GpuRule } from './rule';
import { phrase } from './shared/phrases';

export const rule: GpuRule = {
  meta: {
    id: 'gpu-unchecked-call',
    description: 'The status of a CUDA API call or kernel launch is never checked.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      call: 'The status returned by {{api}} is discarded: if it fails (out of memory, invalid argument, an earlier asynchronous error) the program continues with a bad pointer or stale data and fails later somewhere unrelated. Check it{{macro}}.',
      launch: 'The launch of {{kernel}} is never checked: a bad launch configuration or too many resources only shows through cudaGetLastError() (or the status of the next synchronising call), which this function never reads after the launch.',
    },
  },
  check(ctx) {
    const macro = ctx.facts.checkMacros[0] ?? null;
    for (const call of ctx.facts.apiCalls) {
      if (call.checked || (call.family !== 'cuda' && call.family !== 'cuda-driver')) continue;
      if (call.via === 'launch') {
        const launch = eventIndex(ctx.facts.events).launchAt.get(`${call.range.startLine}:${call.range.startColumn}`);
        ctx.report('launch', { kernel: launch ? launch.kernel : phrase(ctx.config.lang, 'theKernel') }, call.range);
        continue;
      }
      const fixes: Fix[] = [];
      if (macro) {
        const start = call.startOffset;
        const end = call.endOffset;
        fixes.push({ description: phrase(ctx.config.lang, 'fix_wrapIn', { macro }), edits: [{ startOffset: start, endOffset: start, newText: `${macro}(` }, { startOffset: end, endOffset: end, newText: ')' }] });
      }
      ctx.report('call', { api: call.api, macro: macro ? phrase(ctx.config.lang, 'checkWithMacro', { macro }) : phrase(ctx.config.lang, 'checkSuggestMacro') }, call.range, fixes);
    }
  },
};

