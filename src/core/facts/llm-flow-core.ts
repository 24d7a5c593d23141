// Where an OpenAI result goes, once for every language: the call's result followed to store writes (through same-file
// callers, a caching decorator, callers in other files), a store call classified against the store tables, its expiry
// read from the forms of llm-api-table.ts, and the result handed to a helper another project file defines. What is
// syntax lives in a small adapter per language (llm-js-flow.ts over ESTree, llm-py-flow.ts over tree-sitter Python):
// the taint inside one function, the cache check before the call, and the primitives this file asks for (a call's
// receiver, its arguments, the function around a node).
import { callerFacts, writeFromEffect } from './store-effects';
import {
  DYNAMO_TTL_ATTRIBUTES,
  ENTITY_FIELD,
  READ_METHODS,
  REDIS_TTL_FORMS,
  SQL_METHODS,
  SQL_READ,
  SQL_TTL,
  SQL_VECTOR,
  SQL_WRITE,
  WRITE_METHODS,
  dedupeStores,
  type StoreModule,
} from './llm-api-table';
import { LazyMap } from './lazy-map';
import type { LineMap } from './syntax';
import type { CacheLookupFact, StoreWriteFact } from '../model/types';
import type { ImportedLookup, ResolvedSymbol, ResultUse, StoreEffect, UseBinding } from '../project/types';

/** An expiry; `param`: the seconds are a parameter of the function the write is in (a helper's `ttl` argument). */
export type Ttl = { seconds: number | null; how: string; param?: string };

export interface StoreCall {
  module: StoreModule;
  op: 'write' | 'read';
  api: string;
  ttl: Ttl | null;
}

/**
 * Same-file helpers followed from a call site (`route -> saveNewMessages -> saveOpenaiMessage` is two): a store
 * helper often delegates once to a smaller one; the bound keeps recursion and helper chains cheap.
 */
export const MAX_HELPER_DEPTH = 2;

export interface FlowResult {
  stores: StoreWriteFact[];
  cacheLookup: CacheLookupFact | null;
  /** The first lookup the result is passed to at once (a query embedding to a vector search). */
  searchUse: { api: string; line: number } | null;
  returnedTo: { function: string; line: number } | null;
}

/** What the taint inside one function found: the writes reached, whether the value is returned, a lookup it feeds. */
export interface Trace<C> {
  stores: StoreWriteFact[];
  returned: boolean;
  search: C | null;
}

/** A write as the call site reports it: an expiry left to an unseen caller's argument is just unknown. */
export function withoutParam(s: StoreWriteFact): StoreWriteFact {
  return s.ttl && 'param' in s.ttl ? { ...s, ttl: { seconds: s.ttl.seconds, how: s.ttl.how } } : s;
}

/**
 * One step of the climb from a call to where its value lands, as the adapter reads the parent `p` of `cur`: go on
 * (`pass`: a projection, a wrapper), stop (`stop`: a binding, whose names the adapter has tainted, or anything the
 * value goes nowhere from), the value is returned (`returned`), or it is an argument of `outer`.
 */
export type ClimbStep<N, C> = 'pass' | 'stop' | 'returned' | { outer: C; arg: N };

/** A read before an OpenAI call that may be its cache: a store read, an in-memory cache, an imported cache helper. */
export interface CacheRead<C> {
  call: C;
  store: StoreCall | null;
  /** The in-memory cache's name in a message (`cache.get`). */
  memoryApi: string;
  /** An imported helper whose summary reads a cache keyed by its argument. */
  helper: ResolvedSymbol | null;
}

/** A method call on a receiver, as the store tables read it. */
export interface MemberCall<N> {
  method: string;
  receiver: N;
  /** The last two names of the callee without `this`/`self` (`redis.set`): the fact's api. */
  api: string;
  /** The names matched against two-part table rows (`json.set`); the method alone where the syntax has none. */
  tail2: string;
}

/**
 * The shared analysis. `N` is a syntax node, `C` a call node, `F` a function node of the adapter's tree. The
 * adapter fills `stores` (import-derived and bound store handles) and `instances` (names holding an imported class)
 * in its constructor, and answers the syntax questions below.
 */
export abstract class FlowCore<N extends object, C extends N, F extends N> {
  protected readonly stores = new LazyMap<string, StoreModule>();
  /** Project model: names holding an instance of an imported class (`this.repo = new ChatRepo()`), -> the class. */
  protected readonly instances = new Map<string, string>();
  /** Project model, while a summary asks `resultUse`: the imported calls the traced value is passed to. */
  protected passed: ResultUse['passedTo'] | null = null;

  protected constructor(
    protected readonly lines: LineMap,
    protected readonly imported: ImportedLookup | undefined,
    protected readonly mongoTtl: { seconds: number | null; how: string } | null,
  ) {}

  // ---- syntax, from the adapter ----
  protected abstract start(n: N): number;
  protected abstract end(n: N): number;
  /** The innermost function around a node; null at module level. */
  protected abstract functionOf(n: N): F | null;
  /** A function's name as messages and caller lookups use it; null when it has none. */
  protected abstract functionLabel(fn: F): string | null;
  /** How a function without a name is called in a message. */
  protected abstract readonly unnamedFunction: string;
  /** The name a receiver is a member of in a method call (`this` / `self`). */
  protected abstract readonly selfName: string;
  /** Taint from one call inside `fn` (cached where the adapter caches); `seed`: names already tainted (a helper's parameter). */
  protected abstract trace(call: N, fn: F | null, viaHelper: string | null, seed?: Set<string>, depth?: number): Trace<C>;
  protected abstract parentOf(n: N): N | null;
  protected abstract climbStep(p: N, cur: N, keys: string[], tainted: Set<string>): ClimbStep<N, C>;
  /** A call that passes a value through unchanged for our purpose (serialisation, wrapping). */
  protected abstract isTransparent(call: C): boolean;
  abstract isSearch(call: C): boolean;
  /** Whether a node mentions a tainted name. */
  protected abstract mentioner(tainted: Set<string>): (n: N | null | undefined) => boolean;
  /** The calls of the function (or module) the taint runs in, in document order. */
  protected abstract scopeCalls(fn: F | null, call: N): readonly C[];
  /**
   * Taints what the tainted names flow to in the scope (bindings, containers filled with them) until nothing changes;
   * returns, per record name, the entity attribute it got the value in (`chat.name = title`).
   */
  protected abstract propagate(fn: F | null, call: N, tainted: Set<string>, mentions: (n: N | null | undefined) => boolean): Map<string, string>;
  /** A record built from the value saved by a method of its own (`doc.save()`): the write, or null. */
  protected abstract savedRecord(c: C, tainted: Set<string>, entityOf: Map<string, string>, viaHelper: string | null): StoreWriteFact | null;
  protected abstract mentionedArguments(c: C, mentions: (n: N | null | undefined) => boolean): N[];
  protected abstract entityFieldIn(c: C, mentions: (n: N | null | undefined) => boolean): string | null;
  /** The properties of an object-literal argument the value is in (null: not an object literal, or no such syntax). */
  protected abstract taintedProps(arg: N, mentions: (n: N | null | undefined) => boolean): string[] | null;
  /** Whether `fn` returns a tainted value. */
  protected abstract returnsTainted(fn: F | null, call: N, mentions: (n: N | null | undefined) => boolean): boolean;
  /** Store and cache reads among the scope's calls that end before `call` starts, in document order. */
  protected abstract cacheReads(fn: F | null, call: N): Iterable<CacheRead<C>>;
  /** What a read is keyed by: its key argument, or every argument of a cache helper. */
  protected abstract keyArguments(read: CacheRead<C>): N[];
  /** The names a node's value is built from in the scope (through its bindings). */
  protected abstract originsIn(fn: F | null, call: N): (n: N) => Set<string>;
  /** The names a read's value is bound to (`agent = db.agents.find_one(...)`). */
  protected abstract readInto(read: C): string[];
  /** The read's value is tested before the call (if / conditional / `or`): a hit can skip it. */
  protected abstract decides(read: C, fn: F | null, call: N): boolean;
  /** A memoizing decorator on the calling function (`@lru_cache`): a cache keyed by its arguments (Python). */
  protected memoDecorator(fn: F): CacheLookupFact | null {
    void fn;
    return null;
  }
  /** The same-file function a call calls (`save(x)`, `this.save(x)`, `self.save(x)`). */
  protected abstract sameFileHelper(call: C): { name: string; fn: F } | null;
  /** The helper's names the argument holding `arg` binds (`props`: only those properties of an object literal). */
  protected abstract parameterSeed(call: C, helper: F, arg: N, props: string[] | null): Set<string> | null;
  /** What `call` passes for the helper's parameter `param` (undefined: nothing); null when `param` is none of its parameters. */
  protected abstract argumentForParameter(call: C, helper: F, param: string): { arg: N | undefined } | null;
  /** The same, never from a cache: a summary's `resultUse` collects the imported calls the value is passed to. */
  protected abstract traceFresh(call: C, fn: F | null): Trace<C>;
  protected abstract cacheBefore(call: N, fn: F | null, prompt: N): CacheLookupFact | null;
  abstract storedCheck(call: N, fn: F | null): CacheLookupFact | null;
  abstract callSitesOf(name: string, fn: F): C[];
  /** The call's name in a search-use message (`index.query`). */
  protected abstract searchApi(call: C): string;
  protected abstract argumentCount(call: C): number;
  /** The store behind a receiver: a handle made from a store import, else a receiver named like one. */
  protected abstract storeOf(receiver: N): StoreModule | null;
  /** Language-only store calls (file dumps, DynamoDB commands, Django managers): a fact or null, undefined to go on. */
  protected abstract specialStoreCall(call: C): StoreCall | null | undefined;
  protected abstract memberCall(call: C): MemberCall<N> | null;
  /** The SQL text a query method runs (its first argument, or a prepared statement's). */
  protected abstract sqlText(call: C, receiver: N): string | null;
  protected abstract positional(call: C, i: number): N | undefined;
  protected abstract keyword(call: C, name: string): N | undefined;
  protected abstract num(n: N | null | undefined): number | null;
  /** A Redis `set` option by its upper-case name (REDIS_TTL_FORMS.setOptions), and how the message names it. */
  protected abstract setOption(call: C, name: string): { value: N | undefined; how: string } | null;
  /** The parameter of the function around `at` (or, where the language nests, of one around it) that `arg` names. */
  protected abstract parameterNamed(arg: N | undefined, at: N): string | null;
  /** Calls after `call` inside the function around it, in document order. */
  protected abstract callsAfter(call: C): Iterable<C>;
  protected abstract methodName(call: C): string | null;
  /** The keys of a DynamoDB item the call writes (`Item={...}` / `{ Item: {...} }`). */
  protected abstract itemKeys(call: C): string[];
  protected abstract conversationKeyIn(call: N): { conversationKey?: string };
  /** The callee as names (`store.saveChat` -> [store, saveChat]); null when it is not a plain name chain. */
  protected abstract calleeParts(call: C): string[] | null;
  protected abstract importBinding(local: string): UseBinding | undefined;
  /** Which argument of `call` holds `arg`: its index, or the keyword it is passed as; null when it is in none. */
  protected abstract argumentSlot(call: C, arg: N): { index: number } | { keyword: string } | null;
  /** Constant numeric arguments by position and keyword (a helper's expiry parameter set by one). */
  protected abstract constArgs(call: C): Record<string, number>;
  /** Effects of a caching decorator on the function that returns the result (Python); none elsewhere. */
  protected decoratorEffects(fn: F): Array<{ stores: StoreWriteFact[]; cache: CacheLookupFact | null }> {
    void fn;
    return [];
  }

  /** Follows one API call's result. `prompt` is what the call was asked (for the cache-key check). */
  follow(call: C, prompt: N | null): FlowResult {
    const fn = this.functionOf(call);
    const local = this.trace(call, fn, null);
    let stores = local.stores;
    let search = local.search;
    let cacheLookup = this.cacheBefore(call, fn, prompt ?? call) ?? this.storedCheck(call, fn);
    let returnedTo: FlowResult['returnedTo'] = null;
    if (local.returned && fn) {
      // A caching decorator on the function that returns the result: its wrapper reads before and writes after.
      for (const w of this.decoratorEffects(fn)) {
        stores = [...stores, ...w.stores];
        cacheLookup ??= w.cache;
      }
      // The result leaves through `return`: follow it at the same-file call sites of this function (one level).
      const name = this.functionLabel(fn);
      const sites = name ? this.callSitesOf(name, fn) : [];
      if (!sites.length) returnedTo = { function: name ?? this.unnamedFunction, line: this.lines.position(this.start(fn)).line };
      for (const site of sites) {
        const outerFn = this.functionOf(site);
        const outer = this.trace(site, outerFn, `${name}()`);
        stores = [...stores, ...outer.stores];
        search ??= outer.search;
        // Returned again by the caller: it goes further up than this one level follows.
        if (outer.returned && outerFn && !returnedTo)
          returnedTo = { function: this.functionLabel(outerFn) ?? this.unnamedFunction, line: this.lines.position(this.start(outerFn)).line };
        cacheLookup ??= this.cacheBefore(site, outerFn, site) ?? this.storedCheck(site, outerFn);
      }
      // Project model: callers in other files of the function that returns the result (one file hop).
      if (this.imported?.callers) {
        const r = this.lines.range(this.start(call), this.end(call));
        const callers = callerFacts(name ? this.imported.callers(name, this.lines.position(this.start(fn)).line) : [], r);
        stores = [...stores, ...callers.stores];
        cacheLookup ??= callers.cacheLookup;
      }
    }
    const searchUse = search ? { api: this.searchApi(search), line: this.lines.position(this.start(search)).line } : null;
    return { stores: dedupeStores(stores).map(withoutParam), cacheLookup, searchUse, returnedTo };
  }

  /**
   * Project model, for a summary: what this file does with the result of `call` (a call of an imported name) — the
   * stores it reaches here, the imported helpers it is passed to, a cache read keyed by its arguments before it.
   */
  resultUse(call: C): { stores: StoreWriteFact[]; passedTo: ResultUse['passedTo']; cacheRead: CacheLookupFact | null } {
    this.passed = [];
    try {
      const fn = this.functionOf(call);
      const t = this.traceFresh(call, fn);
      return {
        stores: t.stores.filter((x) => !x.at),
        passedTo: this.passed,
        cacheRead: (this.argumentCount(call) ? this.cacheBefore(call, fn, call) : null) ?? this.storedCheck(call, fn),
      };
    } finally {
      this.passed = null;
    }
  }

  /** Project model: the store a name is a handle of (an import-derived client, `this.x`/`self.x` set from one). */
  storeHandle(name: string): StoreModule | null {
    const m = this.stores.get(name);
    return m && !m.deferred ? m : null;
  }

  /** Whether a call writes or reads a store, which one, through which API, with which expiry. */
  classify(call: C): StoreCall | null {
    const special = this.specialStoreCall(call);
    if (special !== undefined) return special;
    const m = this.memberCall(call);
    if (!m) return null;
    const module = this.storeOf(m.receiver);
    if (!module) return null;
    if ((module.kind === 'rdbms' || module.kind === 'cassandra') && SQL_METHODS.has(m.method)) {
      const sql = this.sqlText(call, m.receiver);
      if (!sql) return null;
      const ttl = SQL_TTL.exec(sql);
      const mod: StoreModule = SQL_VECTOR.test(sql) && module.kind === 'rdbms' ? { kind: 'vector', engine: 'pgvector' } : module;
      if (SQL_WRITE.test(sql))
        return {
          module: mod,
          op: 'write',
          api: `${m.api} ${sql.trim().split(/\s+/).slice(0, 3).join(' ')}`,
          ttl: ttl ? { seconds: Number(ttl[1]), how: 'USING TTL' } : null,
        };
      if (SQL_READ.test(sql) && !mod.deferred) return { module: mod, op: 'read', api: m.api, ttl: null };
      return null;
    }
    const writes = module.writes ?? WRITE_METHODS[module.kind];
    const reads = module.reads ?? READ_METHODS[module.kind];
    // A deferred write keeps the Redis expiry forms (`set(k, v, 'EX', n)`, `setex`): kept if the handle is typed Redis.
    if (writes.has(m.method) || writes.has(m.tail2))
      return {
        module,
        op: 'write',
        api: m.api,
        ttl:
          module.ttl !== undefined
            ? module.ttl
            : this.ttlOf(module.deferred && WRITE_METHODS.redis.has(m.method) ? 'redis' : module.kind, m.method, call),
      };
    if ((reads.has(m.method) || reads.has(m.tail2)) && !module.deferred) return { module, op: 'read', api: m.api, ttl: null };
    return null;
  }

  /** The expiry of a write, from the forms its store kind has (REDIS_TTL_FORMS, a TTL index, a TTL attribute). */
  protected ttlOf(kind: StoreModule['kind'], method: string, call: C): Ttl | null {
    if (kind === 'redis') {
      for (const f of REDIS_TTL_FORMS.expiryArgument)
        if (f.methods.includes(method))
          return this.seconds(this.positional(call, f.position) ?? (f.keyword ? this.keyword(call, f.keyword) : undefined), method, call, f.per);
      if (method === 'set')
        for (const o of REDIS_TTL_FORMS.setOptions) {
          const opt = this.setOption(call, o.name);
          if (opt) return o.per === null ? { seconds: null, how: opt.how } : this.seconds(opt.value, opt.how, call, o.per);
        }
      // An expire of the key later in the function.
      for (const c of this.callsAfter(call)) {
        const m = this.methodName(c);
        const form = m ? REDIS_TTL_FORMS.laterExpire.find((f) => f.methods.includes(m)) : undefined;
        if (form) return form.per === null ? { seconds: null, how: m! } : this.seconds(this.positional(c, 1), m!, call, form.per);
      }
      return null;
    }
    if (kind === 'mongodb') return this.mongoTtl;
    if (kind === 'dynamodb') return this.dynamoTtl(this.itemKeys(call));
    return null;
  }

  protected dynamoTtl(keys: readonly string[]): Ttl | null {
    for (const k of keys) if (DYNAMO_TTL_ATTRIBUTES.test(k)) return { seconds: null, how: `TTL attribute '${k}'` };
    return null;
  }

  /** Seconds from a TTL argument: a constant, or (`param`) a parameter of the function the write is in, which the caller sets. */
  protected seconds(arg: N | undefined, how: string, at: N, per: number | null = 1): Ttl {
    const v = this.num(arg);
    if (v !== null) return { seconds: per === null ? null : v / per, how };
    const param = per === 1 ? this.parameterNamed(arg, at) : null;
    return param ? { seconds: null, how, param } : { seconds: null, how };
  }

  /** A store write as a fact of the call that writes. */
  protected fact(store: StoreCall, call: N, viaHelper: string | null, entityField: string | null = null): StoreWriteFact {
    const r = this.lines.range(this.start(call), this.end(call));
    return {
      kind: store.module.kind,
      engine: store.module.engine,
      api: store.api,
      line: r.startLine,
      range: r,
      ttl: store.ttl,
      viaHelper,
      ...(entityField ? { entityField } : {}),
      ...(store.module.kind === 'rdbms' ? this.conversationKeyIn(call) : {}),
      ...(store.module.deferred ? { deferred: store.module.deferred } : {}),
    };
  }

  /**
   * Taint from one call inside `fn` (or, with `seed`, from a helper's parameters): the store writes the value
   * reaches, whether it is returned, and the lookup it is passed to at once.
   */
  protected traceIn(call: N, fn: F | null, viaHelper: string | null, seed: Set<string> | undefined, depth: number): Trace<C> {
    const tainted = new Set<string>(seed ?? []);
    const stores: StoreWriteFact[] = [];
    let returned = false;
    let search: C | null = null;
    if (!seed) {
      // Climb from the call through projections and wrappers to where its value lands.
      const keys: string[] = [];
      let cur: N = call;
      for (let p = this.parentOf(cur); p;) {
        const step = this.climbStep(p, cur, keys, tainted);
        if (step === 'pass') {
          cur = p;
          p = this.parentOf(p);
          continue;
        }
        if (step === 'returned') returned = true;
        if (typeof step === 'string') break;
        const outer = step.outer;
        const store = this.classify(outer);
        if (store?.op === 'write') {
          stores.push(this.fact(store, outer, viaHelper, keys[0] && ENTITY_FIELD.test(keys[0]) ? keys[0] : null));
          break;
        }
        const helper = this.helperWrites(outer, step.arg, viaHelper, depth);
        if (helper.length) {
          stores.push(...helper);
          break;
        }
        if (this.isSearch(outer)) {
          search = outer;
          break;
        }
        if (!this.isTransparent(outer)) break;
        cur = outer;
        p = this.parentOf(outer);
      }
    }
    if (tainted.size === 0) return { stores, returned, search };
    const mentions = this.mentioner(tainted);
    const entityOf = this.propagate(fn, call, tainted, mentions);
    for (const c of this.scopeCalls(fn, call)) {
      if (!seed && this.start(c) < this.start(call)) continue;
      const saved = this.savedRecord(c, tainted, entityOf, viaHelper);
      if (saved) {
        stores.push(saved);
        continue;
      }
      const args = this.mentionedArguments(c, mentions);
      if (!args.length) continue;
      const store = this.classify(c);
      if (store?.op === 'write') stores.push(this.fact(store, c, viaHelper, this.entityFieldIn(c, mentions)));
      else if (depth < MAX_HELPER_DEPTH)
        for (const a of args) stores.push(...this.helperWrites(c, a, viaHelper, depth, this.taintedProps(a, mentions)));
      if (!search && store?.op !== 'write' && this.isSearch(c)) search = c;
    }
    if (this.returnsTainted(fn, call, mentions)) returned = true;
    return { stores, returned, search };
  }

  /** A store read before the call, keyed by what the prompt is built from, whose result decides whether to call. */
  protected cacheLookup(call: N, fn: F | null, prompt: N): CacheLookupFact | null {
    const memo = fn ? this.memoDecorator(fn) : null;
    if (memo) return memo;
    const origins = this.originsIn(fn, call);
    const promptOrigins = origins(prompt);
    for (const r of this.cacheReads(fn, call)) {
      if (!this.keyArguments(r).some((k) => [...origins(k)].some((x) => promptOrigins.has(x)))) continue;
      // A record the prompt is built from (an agent's instructions, a user's profile) is input, not a cached answer.
      if (this.readInto(r.call).some((x) => promptOrigins.has(x))) continue;
      if (!this.decides(r.call, fn, call)) continue;
      const line = this.lines.position(this.start(r.call)).line;
      const h = r.helper;
      if (h?.facts.cacheRead) return { kind: h.facts.cacheRead.kind, api: h.name, line, at: { path: h.path, line: h.facts.cacheRead.line } };
      return r.store ? { kind: r.store.module.kind, api: r.store.api, line } : { kind: 'memory', api: r.memoryApi, line };
    }
    return null;
  }

  /** Same-file helpers (up to MAX_HELPER_DEPTH): `save(answer)` where `save` writes its parameter to a store. */
  protected helperWrites(call: C, arg: N, viaHelper: string | null, depth: number, props: string[] | null = null): StoreWriteFact[] {
    if (depth >= MAX_HELPER_DEPTH) return [];
    const h = this.sameFileHelper(call);
    if (!h) return this.importedWrites(call, arg, props);
    if (this.start(call) >= this.start(h.fn) && this.end(call) <= this.end(h.fn)) return [];
    const seed = this.parameterSeed(call, h.fn, arg, props);
    if (!seed) return [];
    const stores = this.trace(h.fn, h.fn, viaHelper ?? `${h.name}()`, seed, depth + 1).stores;
    // An expiry the helper takes as a parameter (`cacheSet(key, value, ttl)`): the argument this call passes.
    return stores.map((s) => {
      const t = s.ttl as Ttl | null;
      const given = t?.param ? this.argumentForParameter(call, h.fn, t.param) : null;
      return given ? { ...s, ttl: { seconds: this.num(given.arg), how: t!.how } } : s;
    });
  }

  /** Project model: what a call calls when it is imported (`saveChat`, `store.saveChat`, `this.repo.save` of an imported class). */
  protected importedCallee(call: C): ResolvedSymbol | null {
    const parts = this.imported ? this.calleeParts(call) : null;
    if (!parts) return null;
    const self = parts[0] === this.selfName;
    const key = self ? parts[1] : parts[0];
    const cls = key ? this.instances.get(key) : undefined;
    if (cls) return this.imported!.symbol(cls, parts.slice(self ? 2 : 1));
    return self ? null : this.imported!.symbol(parts[0]!, parts.slice(1));
  }

  /**
   * Project model: `saveChat(answer)` / `store.save_chat(reply=answer)` where the imported helper stores that
   * parameter; `props`: an object literal's properties the value is in (a destructured parameter's).
   */
  protected importedWrites(call: C, arg: N, props: string[] | null = null): StoreWriteFact[] {
    const slot = this.argumentSlot(call, arg);
    if (!slot) return [];
    if (this.passed) {
      const parts = this.calleeParts(call);
      const binding = parts ? this.importBinding(parts[0]!) : undefined;
      const at = 'keyword' in slot ? slot.keyword : slot.index;
      const constArgs = this.constArgs(call);
      if (parts && binding && at !== '' && at !== -1)
        this.passed.push({
          local: parts[0]!,
          members: parts.slice(1),
          binding,
          position: at,
          line: this.lines.position(this.start(call)).line,
          ...(Object.keys(constArgs).length ? { constArgs } : {}),
          ...(props ? { props } : {}),
        });
    }
    const sym = this.importedCallee(call);
    if (!sym) return [];
    const facts = sym.facts;
    const params = facts.params ?? [];
    const position = 'keyword' in slot ? params.indexOf(slot.keyword) : slot.index;
    const byProp = props ? facts.paramPropStores?.[position] : undefined;
    const effects = byProp ? props!.flatMap((k) => byProp[k] ?? []) : (facts.paramStores?.[position] ?? []);
    const r = this.lines.range(this.start(call), this.end(call));
    // An expiry the helper takes as a parameter: the constant this call passes for it (by position, or by name).
    const ttlOf = (t: StoreEffect['ttl']): StoreWriteFact['ttl'] => {
      if (!t) return t;
      if (typeof t.param === 'number') return { seconds: this.num(this.positional(call, t.param)), how: t.how };
      if (typeof t.param === 'string') {
        const i = params.indexOf(t.param);
        return { seconds: this.num(this.keyword(call, t.param) ?? (i >= 0 ? this.positional(call, i) : undefined)), how: t.how };
      }
      return { seconds: t.seconds, how: t.how };
    };
    return effects.map((e) => writeFromEffect(e, r, sym.name, sym.path, ttlOf(e.ttl)));
  }
}
