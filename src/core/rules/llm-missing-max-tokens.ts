// A generation call with no output bound: its cost and the bytes stored per response are capped only by the
// model's maximum output, which is what the estimate has to assume.
import { formatBytes } from '../model/units';
import type { Fix } from '../model/types';
import { modelLimits } from '../sizing/llm-models';
import { PROVIDER_NAMES } from '../facts/llm-providers';
import { costText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { phrase } from './shared/phrases';

/** What the quick fix writes: a cap the user is expected to tune (most chat answers are well under 1k tokens). */
export const FIX_MAX_TOKENS = 1024;

export const rule: LlmRule = {
  meta: {
    id: 'llm-missing-max-tokens',
    description: 'An LLM generation call (OpenAI, Anthropic, Google Gemini, AWS Bedrock, LiteLLM) sets no maximum number of output tokens.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      unbounded:
        "{{operation}} sets no {{param}}: each response may run to {{model}}'s maximum of {{limit}} output tokens ({{bytes}} of text to store), so the cost per call is bounded only at {{cost}}. Set {{param}} to what the feature needs.",
      unknownModel:
        '{{operation}} sets no {{param}}: with the model not known here, neither the cost per call nor the bytes stored per response has an upper bound. Set {{param}} to what the feature needs.',
      noModelLimit:
        "{{operation}} sets no {{param}}: each response runs to {{model}}'s own output limit, which the {{provider}} price data does not state, so neither the cost per call nor the bytes stored per response has a known upper bound. Set {{param}} to what the feature needs.",
      fromCallers:
        '{{operation}} sets no {{param}}, and its options come from its callers ({{callers}}), which pass only {{keys}}: with the model not known here, neither the cost per call nor the bytes stored per response has an upper bound. Set {{param}} here or in the callers.',
      partial:
        '{{operation}} sets {{param}} only when {{condition}}: on the other path it sends null, so those responses have no upper bound on cost per call or bytes stored. Set {{param}} on every path.',
      required:
        '{{operation}} sets no {{param}}: the {{provider}} API requires it, so this request is rejected (HTTP 400; a type error in the TypeScript SDK) before any output is produced. Set {{param}} to what the feature needs.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      if (call.maxTokensOnlyWhen && call.maxTokensParam && ['chat', 'responses', 'completions'].includes(call.api)) {
        ctx.report('partial', { operation: call.operation, param: call.maxTokensParam, condition: call.maxTokensOnlyWhen }, call.range);
        return;
      }
      // Options spread from a value not seen here (`...options`, `**kwargs`) may carry the bound: unknown, not missing.
      // A library that fills the bound itself (LangChain's ChatAnthropic) leaves no call unbounded.
      if (
        !['chat', 'responses', 'completions'].includes(call.api) ||
        call.maxTokensParam ||
        !call.maxTokensName ||
        call.optionsSpread ||
        call.maxTokensDefaulted
      )
        return;
      const summary = ctx.summary.calls[i]!;
      const param = call.maxTokensName;
      const shown = call.maxTokensIn ? `${call.maxTokensIn}.${param}` : param;
      const provider = call.provider ?? null;
      const fixes: Fix[] = call.optionsSlot
        ? [
            {
              description: phrase(ctx.config.lang, 'fix_add', { what: `${param}: ${FIX_MAX_TOKENS}` }),
              edits: [
                {
                  startOffset: call.optionsSlot.offset,
                  endOffset: call.optionsSlot.offset,
                  newText: `${call.optionsSlot.prefix}${param}${call.optionsSlot.syntax === 'py' ? '=' : ': '}${FIX_MAX_TOKENS}${call.optionsSlot.suffix}`,
                },
              ],
            },
          ]
        : [];
      if (call.maxTokensRequired) {
        ctx.report('required', { operation: call.operation, param: shown, provider: PROVIDER_NAMES[provider ?? 'openai'] }, call.range, fixes);
        return;
      }
      const limit = modelLimits(call.model, provider).maxOutputTokens;
      if (limit === null && !call.model && call.optionsFromCallers) {
        const { at, keys } = call.optionsFromCallers;
        const callers = at.length > 3 ? `${at.slice(0, 3).join(', ')} (+${at.length - 3})` : at.join(', ');
        ctx.report(
          'fromCallers',
          { operation: call.operation, param: shown, callers, keys: keys.length ? keys.join(', ') : 'no options' },
          call.range,
          fixes,
        );
        return;
      }
      if (limit === null) {
        if (call.model && provider && provider !== 'openai' && provider !== 'azure-openai')
          ctx.report(
            'noModelLimit',
            { operation: call.operation, param: shown, model: call.model, provider: PROVIDER_NAMES[provider] },
            call.range,
            fixes,
          );
        else ctx.report('unknownModel', { operation: call.operation, param: shown }, call.range, fixes);
        return;
      }
      ctx.report(
        'unbounded',
        {
          operation: call.operation,
          param: shown,
          model: call.model!,
          limit: limit.toLocaleString('en-US'),
          bytes: formatBytes(limit * 4, { exact: false }),
          cost: costText(summary, ctx.config.lang),
        },
        call.range,
        fixes,
      );
    });
  },
};
