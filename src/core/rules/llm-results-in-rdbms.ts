// API results written into the service's relational database: large, write-once blobs that grow without
// bound belong in a document or key-value store with TTL; the RDBMS keeps the service's own data.
import { bytesText, storeText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { phrase } from './shared/phrases';

export const rule: LlmRule = {
  meta: {
    id: 'llm-results-in-rdbms',
    description: 'LLM API results are written into a relational database.',
    category: 'llm',
    defaultSeverity: 'info',
    messages: {
      rdbms:
        "The result of {{operation}} (line {{callLine}}, {{bytes}} per response) is written to {{store}}{{helper}}. Keep the relational database for the service's own data and put API results in a document or key-value store (MongoDB, DynamoDB, Redis) with a TTL, so they scale and expire on their own.",
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      for (const store of call.stores) {
        // A record attribute (an agent's name, a title) or a turn of a conversation kept with its chat or session rows
        // is the service's own data: it belongs in its database.
        if (store.kind !== 'rdbms' || store.entityField || store.conversationKey) continue;
        ctx.report(
          'rdbms',
          {
            operation: call.operation,
            callLine: call.line,
            bytes: bytesText(ctx.summary.calls[i]!, ctx.config.lang),
            store: storeText(store, ctx.config.lang),
            helper: store.viaHelper && !store.at ? phrase(ctx.config.lang, 'viaHelper', { helper: store.viaHelper }) : '',
          },
          store.range,
          undefined,
          [{ range: call.range, message: phrase(ctx.config.lang, 'resultStoredHere', { operation: call.operation }) }],
        );
      }
    });
  },
};
