// A request handler that asks the model and drops the answer: the same question is paid again every time.
import { costText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { lookupTable } from '../model/lookup';

const FRAMEWORKS: Readonly<Record<string, string>> = lookupTable({
  express: 'Express',
  fastify: 'Fastify',
  next: 'Next.js',
  fastapi: 'FastAPI',
  flask: 'Flask',
  django: 'Django',
});

export const rule: LlmRule = {
  meta: {
    id: 'llm-response-not-persisted',
    description: 'A request handler calls an LLM API and keeps nothing of the answer for reuse.',
    category: 'llm',
    defaultSeverity: 'info',
    messages: {
      dropped:
        '{{operation}} runs in the {{framework}} request handler at line {{handlerLine}} and the answer is used once and dropped: nothing stores it and no cache is read first, so repeated questions are paid again at {{cost}}. If answers repeat, store them keyed by a hash of the prompt, with a TTL.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      // A multi-turn reply answers a history that never repeats: the prompt-keyed cache this advises would never hit.
      if (!call.handler || call.stores.length || call.cacheLookup || call.conversation || !['chat', 'responses', 'completions'].includes(call.api))
        return;
      ctx.report(
        'dropped',
        {
          operation: call.operation,
          framework: FRAMEWORKS[call.handler.framework] ?? call.handler.framework,
          handlerLine: call.handler.line,
          cost: costText(ctx.summary.calls[i]!, ctx.config.lang),
        },
        call.range,
      );
    });
  },
};
