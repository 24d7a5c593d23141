// Persisted API results with no expiry: storage grows with every call, forever.
import { bytesText, storeText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { phrase, type PhraseId } from './shared/phrases';
import { lookupTable } from '../model/lookup';

/** How to expire results in each store kind (the wording lives in the phrase table, per language). */
const HOW: Readonly<Record<string, PhraseId>> = lookupTable({
  redis: 'ttl_redis',
  mongodb: 'ttl_mongodb',
  dynamodb: 'ttl_dynamodb',
  cassandra: 'ttl_cassandra',
  elasticsearch: 'ttl_elasticsearch',
  rdbms: 'ttl_rdbms',
  file: 'ttl_file',
});

/**
 * Writes that set fields of a record that already exists (`update_one({_id}, {$set: ...})`, `UPDATE ... SET`): the
 * value replaces the last one, so storage grows with the records, not with the calls. (An update that appends, such
 * as Mongo's `$push`, is missed by this.)
 */
const IN_PLACE_UPDATE =
  /(^|\.)(update_one|updateOne|update_many|updateMany|update|find_one_and_update|findOneAndUpdate|replace_one|replaceOne)$|\sUPDATE\b/;

export const rule: LlmRule = {
  meta: {
    id: 'llm-store-without-ttl',
    description: 'LLM API results are persisted with no expiry.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      noTtl:
        'The result of {{operation}} (line {{callLine}}) is written to {{store}} with no expiry: each call adds {{bytes}} and nothing removes it, so storage grows without bound. To expire it, {{how}}.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      for (const store of call.stores) {
        // A record attribute (an agent's name, a title) lives as long as its record: no expiry of its own.
        if (store.ttl || store.entityField || !(store.kind in HOW) || IN_PLACE_UPDATE.test(store.api)) continue;
        ctx.report(
          'noTtl',
          {
            operation: call.operation,
            callLine: call.line,
            store: storeText(store, ctx.config.lang),
            bytes: bytesText(ctx.summary.calls[i]!, ctx.config.lang),
            how: phrase(ctx.config.lang, HOW[store.kind]!),
          },
          store.range,
          undefined,
          [{ range: call.range, message: phrase(ctx.config.lang, 'resultStoredHere', { operation: call.operation }) }],
        );
      }
    });
  },
};
