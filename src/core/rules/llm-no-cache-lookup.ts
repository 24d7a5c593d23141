// Results are written to a store but never read back before calling again: the store grows with duplicates and
// every repeat is paid in full.
import { bytesText, costText, storeText } from './shared/llm-text';
import type { LlmRule } from './rule';

export const rule: LlmRule = {
  meta: {
    id: 'llm-no-cache-lookup',
    description: 'LLM API results are stored, but the store is not checked before calling the API again.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      noLookup:
        'The result of {{operation}} is written to {{store}} (line {{storeLine}}) but no read keyed by the prompt happens before the call: every repeat pays {{cost}} again and stores another {{bytes}}. Look the prompt (or its hash) up first and call only on a miss.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      // A record attribute (an agent's name) is the app's own data, not an answer to look up again.
      const store = call.stores.find((s) => s.kind !== 'vector' && s.kind !== 'file' && !s.entityField);
      // A multi-turn reply answers a history that never repeats: a prompt-keyed cache would never hit.
      if (!store || call.cacheLookup || call.api === 'batch' || call.conversation) return;
      // The whole request comes from a caller (`{ ...options }`, no literal prompt), seen or not: whether it ever
      // repeats (or is a conversation) is unknown here; the callers only say which option names they pass.
      if ((call.optionsSpread || call.optionsFromCallers) && call.promptLiteralTokens === 0 && !call.promptUnknowns.length) return;
      const s = ctx.summary.calls[i]!;
      ctx.report(
        'noLookup',
        {
          operation: call.operation,
          store: storeText(store, ctx.config.lang),
          storeLine: store.line,
          cost: costText(s, ctx.config.lang),
          bytes: bytesText(s, ctx.config.lang),
        },
        call.range,
      );
    });
  },
};
