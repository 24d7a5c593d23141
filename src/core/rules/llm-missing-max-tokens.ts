// A generation call with no output bound: its cost and the bytes stored per response are capped only by the
// model's maximum output, which is what the estimate has to assume.
import { formatBytes } from '../model/units';
import type { Fix } from '../model/types';
import { modelLimits } from '../sizing/llm-models';
import { costText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { phrase } from './shared/phrases';

/** What the quick fix writes: a cap the user is expected to tune (most chat answers are well under 1k tokens). */
export const FIX_MAX_TOKENS = 1024;

export const rule: LlmRule = {
  meta: {
    id: 'llm-missing-max-tokens',
    description: 'An OpenAI generation call sets no maximum number of output tokens.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      unbounded: '{{operation}} sets no {{param}}: each response may run to {{model}}\'s maximum of {{limit}} output tokens ({{bytes}} of text to store), so the cost per call is bounded only at {{cost}}. Set {{param}} to what the feature needs.',
      unknownModel: '{{operation}} sets no {{param}}: with the model not known here, neither the cost per call nor the bytes stored per response has an upper bound. Set {{param}} to what the feature needs.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      // Options spread from a value not seen here (`...options`, `**kwargs`) may carry the bound: unknown, not missing.
      if (!['chat', 'responses', 'completions'].includes(call.api) || call.maxTokensParam || !call.maxTokensName || call.optionsSpread) return;
      const summary = ctx.summary.calls[i]!;
      const param = call.maxTokensName;
      const fixes: Fix[] = call.optionsSlot ? [{
        description: phrase(ctx.config.lang, 'fix_add', { what: `${param}: ${FIX_MAX_TOKENS}` }),
        edits: [{ startOffset: call.optionsSlot.offset, endOffset: call.optionsSlot.offset, newText: `${call.optionsSlot.prefix}${param}${call.optionsSlot.syntax === 'py' ? '=' : ': '}${FIX_MAX_TOKENS}${call.optionsSlot.suffix}` }],
      }] : [];
      const limit = modelLimits(call.model).maxOutputTokens;
      if (limit === null) {
        ctx.report('unknownModel', { operation: call.operation, param }, call.range, fixes);
        return;
      }
      ctx.report('unbounded', {
        operation: call.operation, param, model: call.model!, limit: limit.toLocaleString('en-US'),
        bytes: formatBytes(limit * 4, { exact: false }), cost: costText(summary, ctx.config.lang),
      }, call.range, fixes);
    });
  },
};
