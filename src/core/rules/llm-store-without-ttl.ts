// Persisted API results with no expiry: storage grows with every call, forever.
import { bytesText, storeName } from './shared/llm-text';
import type { LlmRule } from './rule';

const HOW: Record<string, string> = {
  redis: 'pass EX (or use SETEX / EXPIRE)',
  mongodb: 'create a TTL index (expireAfterSeconds) on a date field',
  dynamodb: 'write an epoch-seconds TTL attribute and enable TTL on the table',
  cassandra: 'add USING TTL (or a table default_time_to_live)',
  elasticsearch: 'write to a rollover alias with an ILM delete phase',
  rdbms: 'add a retention job (DELETE ... WHERE created_at < ...) or move the results to a store with TTL',
  file: 'rotate or prune the files',
};

export const rule: LlmRule = {
  meta: {
    id: 'llm-store-without-ttl',
    description: 'OpenAI results are persisted with no expiry.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      noTtl: 'The result of {{operation}} (line {{callLine}}) is written to {{store}} with no expiry: each call adds {{bytes}} and nothing removes it, so storage grows without bound. To expire it, {{how}}.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      for (const store of call.stores) {
        if (store.ttl || !(store.kind in HOW)) continue;
        ctx.report('noTtl', { operation: call.operation, callLine: call.line, store: storeName(store), bytes: bytesText(ctx.summary.calls[i]!), how: HOW[store.kind]! }, store.range, undefined, [{ range: call.range, message: `the ${call.operation} call whose result is stored here` }]);
      }
    });
  },
};


