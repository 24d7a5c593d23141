// A store effect another project file reports (a helper's parameter reaching a write, a caller's write of the returned
// value, a caching decorator's write) as a write fact of the call in this file. One mapping for both OpenAI flows
// (llm-js-flow.ts, llm-py-flow.ts), so a field the summaries carry (entityField, conversationKey) reaches every fact.
import type { CacheLookupFact, SourceRange, StoreWriteFact } from '../model/types';
import type { CallerUse, StoreEffect } from '../project/types';

/** `e` written at `range` of this file, through `via` defined in `path`, with the TTL the caller resolved. */
export function writeFromEffect(e: StoreEffect, range: SourceRange, via: string, path: string, ttl: StoreWriteFact['ttl']): StoreWriteFact {
  return {
    kind: e.kind,
    engine: e.engine,
    api: e.api,
    line: range.startLine,
    range,
    ttl,
    viaHelper: via,
    at: { path, line: e.line },
    ...(e.entityField ? { entityField: e.entityField } : {}),
    ...(e.conversationKey ? { conversationKey: e.conversationKey } : {}),
  };
}

/** What the callers in other files do with a returned result: their writes and the first cache read, at `range`. */
export function callerFacts(uses: readonly CallerUse[], range: SourceRange): { stores: StoreWriteFact[]; cacheLookup: CacheLookupFact | null } {
  const stores: StoreWriteFact[] = [];
  let cacheLookup: CacheLookupFact | null = null;
  for (const u of uses) {
    for (const e of u.stores) stores.push(writeFromEffect(e, range, e.via, e.path, e.ttl && { seconds: e.ttl.seconds, how: e.ttl.how }));
    if (!cacheLookup && u.cacheRead)
      cacheLookup = { kind: u.cacheRead.kind, api: u.cacheRead.api, line: range.startLine, at: { path: u.cacheRead.path, line: u.cacheRead.line } };
  }
  return { stores, cacheLookup };
}
