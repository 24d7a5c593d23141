// Where an OpenAI result goes in Python: the tree-sitter adapter of llm-flow-core.ts. Here is what is syntax: the
// taint through attribute/subscript projections, f-strings, `+=` of streamed chunks and `.append` to store writes,
// same-file helpers, caching decorators, a cache read (or @lru_cache) that can skip the call, and the store handles
// of the file.
import { FlowCore, type CacheRead, type ClimbStep, type MemberCall, type StoreCall, type Trace as FlowTrace, type Ttl } from './llm-flow-core';
import type { SyntaxNode } from '../parse/tree-sitter';
import type { CacheLookupFact, StoreKind, StoreWriteFact } from '../model/types';
import {
  ANY_STORE_WRITES,
  RECORD_KEY,
  STORE_NAME_HINTS,
  ENTITY_FIELD,
  MEMO_DECORATORS,
  STORE_FUNCTIONS,
  conversationKeyOf,
  insertColumns,
  mongoTtlIn,
  storeClass,
  storeModule,
  type StoreModule,
} from './llm-api-table';
import { writeFromEffect } from './store-effects';
import { callArgs } from './py-syntax';
import { children, collapse, field, type LineMap } from './syntax';
import type { ImportedLookup, ResolvedSymbol, UseBinding } from '../project/types';

const PASS_THROUGH = new Set([
  'await',
  'attribute',
  'subscript',
  'parenthesized_expression',
  'binary_operator',
  'list',
  'tuple',
  'dictionary',
  'pair',
  'interpolation',
  'string',
  'conditional_expression',
  'boolean_operator',
  'keyword_argument',
  'list_splat',
  'dictionary_splat',
]);
const TRANSPARENT = /^(json\.dumps|str|dict|list|repr|bytes|orjson\.dumps)$/;
const FILE_DUMPS = /^(json\.dump|pickle\.dump|yaml\.dump|yaml\.safe_dump|numpy\.save|numpy\.savez|torch\.save|np\.save)$/;

/** Methods and functions that use a value to look things up (vector search, similarity), not to keep it. */
const SEARCH_METHOD =
  /^(similarity_search\w*|asimilarity_search\w*|max_marginal\w*|search|query|query_points|knn\w*|match\w*|rpc|nearest\w*|retrieve|aggregate|rerank)$/i;
const SEARCH_FUNCTION = /similar|search|cosine|nearest|knn|retriev|rerank|match|distance|dot/i;

export class PyFlow extends FlowCore<SyntaxNode, SyntaxNode, SyntaxNode> {
  private readonly sessions = new Map<string, SyntaxNode>();
  private readonly functionsByName = new Map<string, SyntaxNode>();
  private readonly django: boolean;
  // Memos by tree-sitter node id. Every question below is asked again for each OpenAI call and each call site of its
  // helper; without them a 200 KB module of calls took 32 s (the same scope walked per call, per site, per pass).
  private readonly namesMemo = new Map<number, string[]>();
  private readonly classifyMemo = new Map<number, StoreCall | null>();
  private readonly scopeMemo = new Map<number, Scope>();
  private readonly originsMemo = new Map<string, Set<string>>();
  private readonly traceMemo = new Map<string, Trace>();
  private readonly cacheMemo = new Map<string, CacheLookupFact | null>();
  private readonly sitesMemo = new Map<string, SyntaxNode[]>();
  private byCallee: Map<string, SyntaxNode[]> | undefined;
  private callStarts: number[] | undefined;
  private readonly functionMemo = new Map<number, SyntaxNode | null>();
  private readonly returnedMemo = new Map<string, StoreModule | null>();
  private readonly wrapperMemo = new Map<number, ReturnType<PyFlow['wrapperEffects']>>();

  protected readonly unnamedFunction = 'a function';
  protected readonly selfName = 'self';

  constructor(
    root: SyntaxNode,
    text: string,
    lines: LineMap,
    aliases: Map<string, string>,
    private readonly qualify: (dotted: string) => string | null,
    private readonly str: (n: SyntaxNode | null | undefined) => string | null,
    private readonly numOf: (n: SyntaxNode | null | undefined) => number | null,
    functions: SyntaxNode[],
    private readonly calls: SyntaxNode[],
    assignments: SyntaxNode[],
    /** The project model: names imported from other project files (store helpers, cache readers, store clients). */
    imported?: ImportedLookup,
    /** A summary: the file's import bindings; a write through one waits for a view to type it (StoreModule.deferred). */
    private readonly importBindings?: ReadonlyMap<string, { module: string; name: string | null }>,
  ) {
    super(lines, imported, mongoTtlIn(text, false));
    void root;
    this.django = [...aliases.values()].some((m) => m.startsWith('django'));
    for (const fn of functions) {
      const name = field(fn, 'name')?.text;
      if (name && !this.functionsByName.has(name)) this.functionsByName.set(name, fn);
    }
    // Imported store clients (`from pymongo import MongoClient`, `import redis`); boto3 is decided per call.
    for (const [local, path] of aliases) {
      // LangChain's store classes are typed by the class imported; other libraries by the module (or the project model).
      const known = (/^langchain/.test(path) ? storeClass(path) : null) ?? storeModule(path);
      const boto3 = path.startsWith('boto3');
      if (known) {
        if (!boto3) this.stores.set(local, known);
        continue;
      }
      const b = importBindings?.get(local);
      const deferred: StoreModule | null =
        b && !/^(openai|langchain|langchain_\w+|llama_index)(\.|$)/.test(path)
          ? { kind: 'rdbms', engine: 'deferred', writes: ANY_STORE_WRITES, reads: new Set(), deferred: { module: b.module, name: b.name } }
          : null;
      // The project model is asked only when the code reads the name (see LazyMap).
      const project = imported;
      if (project)
        this.stores.defer(local, () => {
          const m = project.symbol(local, [])?.facts.store ?? null;
          return m ? (boto3 ? null : m) : deferred;
        });
      else if (deferred) this.stores.set(local, deferred);
    }
    // Bindings: `x = <store expr>` and `with <store expr> as x`.
    const bindings: Array<[string, SyntaxNode]> = [];
    for (const a of assignments) {
      const left = field(a, 'left');
      const right = field(a, 'right');
      if (left && right && (left.type === 'identifier' || left.type === 'attribute')) bindings.push([keyName(left.text), right]);
    }
    for (const c of calls) {
      const asPattern = c.parent?.type === 'as_pattern' ? c.parent : null;
      const target = asPattern ? children(asPattern).find((x) => x.type === 'as_pattern_target') : null;
      if (target) bindings.push([keyName(target.text), c]);
    }
    for (let pass = 0; pass < 3; pass++) {
      for (const [key, value] of bindings) {
        if (this.stores.has(key)) continue;
        const m = this.moduleOfExpr(value);
        if (m) this.stores.set(key, m);
      }
    }
    // Parameters annotated with a store type (`db: AsyncSession = Depends(get_db)`) or an imported class
    // (`cache: Optional[CacheProvider]`): a store handle, or an instance whose methods the project model knows.
    for (const fn of functions) {
      for (const p of children(field(fn, 'parameters') ?? fn)) {
        if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
        const name = p.type === 'typed_default_parameter' ? field(p, 'name')?.text : children(p)[0]?.text;
        const type = collapse(field(p, 'type')?.text ?? '')
          .replace(/^(typing\.)?Optional\[(.*)\]$/, '$2')
          .replace(/\s*\|\s*None$/, '');
        if (!name || !/^[\w.]+$/.test(type) || this.stores.has(name)) continue;
        const m = this.stores.get(type.split('.')[0]!);
        if (m) this.stores.set(name, m);
        else if (imported && aliases.has(type) && !this.instances.has(name)) this.instances.set(name, type);
      }
    }
    for (const [key, value] of bindings) if (value.type === 'call' && callArgs(value).keywords.has('timeout')) this.sessions.set(key, value);
    if (imported) {
      for (const [key, value] of bindings) {
        const callee = value.type === 'call' ? field(value, 'function') : null;
        if (callee?.type === 'identifier' && aliases.has(callee.text) && !this.instances.has(key)) this.instances.set(key, callee.text);
      }
    }
  }

  private moduleOfExpr(value: SyntaxNode): StoreModule | null {
    let n: SyntaxNode | null = value;
    while (n && (n.type === 'await' || n.type === 'parenthesized_expression')) n = children(n)[0] ?? null;
    if (!n) return null;
    if (n.type === 'call') {
      const fn = field(n, 'function');
      if (fn?.text === 'open') return { kind: 'file', engine: 'file' };
      const q = fn ? this.qualify(collapse(fn.text)) : null;
      if (q) {
        const m = storeModule(q);
        if (m && q.startsWith('boto3')) return /dynamodb/.test(n.text) ? m : null;
        if (m) return m;
      }
    }
    const root = rootName(n);
    const m = root ? (this.stores.get(root) ?? null) : null;
    // The expiry a store client is made with (`RedisChatMessageHistory(..., ttl=600)`), null when none.
    if (m?.ttlOption && n.type === 'call') {
      const t = callArgs(n).keywords.get(m.ttlOption.name);
      const x = t ? this.num(t) : null;
      return { ...m, ttl: t ? { seconds: x === null ? null : m.ttlOption.unit === 'ms' ? x / 1000 : x, how: `${m.ttlOption.name}=` } : null };
    }
    return m;
  }

  /** A same-file function or method that returns a store handle (`def cursor(self): return self.conn.cursor()`). */
  private returnedStore(name: string): StoreModule | null {
    const memo = this.returnedMemo.get(name);
    if (memo !== undefined) return memo;
    this.returnedMemo.set(name, null); // a function that returns its own call stops here
    const fn = this.functionsByName.get(name);
    const body = fn ? field(fn, 'body') : null;
    let found: StoreModule | null = null;
    for (const r of body ? body.descendantsOfType('return_statement') : []) {
      const value = r ? children(r).find((x) => x.type !== 'return') : undefined;
      const m = value ? this.moduleOfExpr(value) : null;
      if (!m) {
        found = null;
        break;
      }
      found ??= m;
    }
    this.returnedMemo.set(name, found);
    return found;
  }

  protected storeOf(recv: SyntaxNode): StoreModule | null {
    const root = rootName(recv);
    const known = root ? (this.stores.get(root) ?? (isCallOf(recv, root) ? (this.returnedStore(root) ?? undefined) : undefined)) : undefined;
    if (known && !known.deferred) return known;
    const names = collapse(recv.text)
      .split(/[.([\]]/)
      .filter((p) => /^\w+$/.test(p) && p !== 'self');
    for (const h of STORE_NAME_HINTS) if (names.some((nm) => h.pattern.test(nm))) return h.module;
    if (known) return known;
    return null;
  }

  sessionHasTimeout(recv: SyntaxNode | null): boolean {
    const root = recv ? rootName(recv) : null;
    return !!root && this.sessions.has(root);
  }

  classify(call: SyntaxNode): StoreCall | null {
    const known = this.classifyMemo.get(call.id);
    if (known !== undefined) return known;
    const store = super.classify(call);
    this.classifyMemo.set(call.id, store);
    return store;
  }

  protected specialStoreCall(call: SyntaxNode): StoreCall | null | undefined {
    const fn = field(call, 'function');
    if (!fn) return null;
    const q = this.qualify(collapse(fn.text)) ?? collapse(fn.text);
    if (FILE_DUMPS.test(q)) return { module: { kind: 'file', engine: 'file' }, op: 'write', api: q, ttl: null };
    const fnStore = STORE_FUNCTIONS[q];
    if (fnStore) return { module: fnStore, op: 'write', api: q.split('.').slice(-2).join('.'), ttl: null };
    if (fn.type !== 'attribute') return null;
    const m = this.memberCall(call)!;
    if (m.method === 'write_text' || m.method === 'write_bytes')
      return { module: { kind: 'file', engine: 'file' }, op: 'write', api: m.api, ttl: null };
    if (this.django && /\.objects$/.test(collapse(m.receiver.text))) {
      if (/^(create|update_or_create|get_or_create|bulk_create)$/.test(m.method))
        return { module: { kind: 'rdbms', engine: 'django' }, op: 'write', api: m.api, ttl: null };
      if (/^(get|filter|first)$/.test(m.method)) return { module: { kind: 'rdbms', engine: 'django' }, op: 'read', api: m.api, ttl: null };
    }
    return undefined;
  }

  protected memberCall(call: SyntaxNode): MemberCall<SyntaxNode> | null {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute') return null;
    const method = field(fn, 'attribute')?.text ?? '';
    const api = collapse(fn.text)
      .split('.')
      .filter((p) => p !== 'self')
      .slice(-2)
      .join('.');
    return { method, receiver: field(fn, 'object')!, api, tail2: method };
  }

  protected sqlText(call: SyntaxNode): string | null {
    const first = callArgs(call).positional[0];
    return (
      this.str(first) ??
      (first?.type === 'call' ? this.str(callArgs(first).positional[0]) : null) ??
      (first?.type === 'string' ? first.text.replace(/^[a-zA-Z]*['"]+|['"]+$/g, '') : null)
    );
  }

  protected positional(call: SyntaxNode, i: number): SyntaxNode | undefined {
    return callArgs(call).positional[i];
  }

  protected keyword(call: SyntaxNode, name: string): SyntaxNode | undefined {
    return callArgs(call).keywords.get(name);
  }

  /** redis-py `set(k, v, ex=n)`: the options are keywords, in lower case. */
  protected setOption(call: SyntaxNode, name: string): { value: SyntaxNode | undefined; how: string } | null {
    const kw = name.toLowerCase();
    const a = callArgs(call);
    return a.keywords.has(kw) ? { value: a.keywords.get(kw), how: `set(..., ${kw}=)` } : null;
  }

  /** A parameter of the function the write is in, or of one around it (a decorator factory's `ttl`). */
  protected parameterNamed(arg: SyntaxNode | undefined, at: SyntaxNode): string | null {
    if (arg?.type !== 'identifier') return null;
    for (let fn = this.functionOf(at); fn; fn = this.functionOf(fn)) {
      const params = children(field(fn, 'parameters') ?? fn).map((p) =>
        p.type === 'identifier' ? p.text : (field(p, 'name')?.text ?? children(p)[0]?.text),
      );
      if (params.includes(arg.text)) return arg.text;
    }
    return null;
  }

  protected *callsAfter(call: SyntaxNode): Iterable<SyntaxNode> {
    const fn = enclosing(call, 'function_definition');
    for (const c of this.calls) if (!(c.startIndex <= call.startIndex || (fn && (c.startIndex < fn.startIndex || c.endIndex > fn.endIndex)))) yield c;
  }

  protected methodName(call: SyntaxNode): string | null {
    return field(field(call, 'function') ?? call, 'attribute')?.text ?? null;
  }

  protected itemKeys(call: SyntaxNode): string[] {
    const item = callArgs(call).keywords.get('Item');
    if (item?.type !== 'dictionary') return [];
    return children(item).flatMap((pair) => {
      const k = pair.type === 'pair' ? this.str(field(pair, 'key')) : null;
      return k ? [k] : [];
    });
  }

  protected start(n: SyntaxNode): number {
    return n.startIndex;
  }

  protected end(n: SyntaxNode): number {
    return n.endIndex;
  }

  protected functionLabel(fn: SyntaxNode): string | null {
    return field(fn, 'name')?.text ?? null;
  }

  protected traceFresh(call: SyntaxNode, fn: SyntaxNode | null): Trace {
    return this.traceUncached(call, fn, null, undefined, 0);
  }

  protected argumentCount(): number {
    // A Python call's cache key may be any argument, or none the lookup names: always asked.
    return 1;
  }

  protected searchApi(call: SyntaxNode): string {
    return collapse(field(call, 'function')?.text ?? '')
      .split('.')
      .filter((x) => x !== 'self')
      .slice(-2)
      .join('.');
  }

  /** The calls of `name` (or `self.name`) outside `fn`, in document order; once per function (llm-py.ts asks too). */
  callSitesOf(name: string, fn: SyntaxNode): SyntaxNode[] {
    const key = `${name}|${fn.id}`;
    let sites = this.sitesMemo.get(key);
    if (!sites) {
      this.byCallee ??= indexByCallee(this.calls);
      sites = [...(this.byCallee.get(name) ?? []), ...(this.byCallee.get(`self.${name}`) ?? [])]
        .filter((c) => !(c.startIndex >= fn.startIndex && c.endIndex <= fn.endIndex))
        .sort((a, b) => a.startIndex - b.startIndex);
      this.sitesMemo.set(key, sites);
    }
    return sites;
  }

  /** What a scope (a function, or the module) holds, collected once. */
  private scope(fn: SyntaxNode | null, anyNode: SyntaxNode): Scope {
    const node = fn ?? anyNode.tree.rootNode;
    let s = this.scopeMemo.get(node.id);
    if (!s) {
      const of = (types: string | string[]) => node.descendantsOfType(types).filter((x): x is SyntaxNode => !!x);
      // The calls are in document order, and a call that starts inside a function ends inside it.
      const calls = fn ? this.calls.slice(this.firstCallFrom(fn.startIndex), this.firstCallFrom(fn.endIndex)) : this.calls;
      s = {
        node,
        calls,
        callEnds: calls.map((c) => c.endIndex),
        bindings: of(['assignment', 'augmented_assignment', 'for_statement']),
        assigns: of('assignment'),
        returns: of('return_statement'),
        tests: of(['if_statement', 'conditional_expression', 'boolean_operator']),
      };
      this.scopeMemo.set(node.id, s);
    }
    return s;
  }

  /** The index in `calls` of the first call that starts at or after `offset`. */
  private firstCallFrom(offset: number): number {
    const starts = (this.callStarts ??= this.calls.map((c) => c.startIndex));
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The scope's calls that read a store or an in-memory cache (`cache.get(k)`), by index in `scope.calls`. */
  private readsOf(scope: Scope): NonNullable<Scope['reads']> {
    return (scope.reads ??= scope.calls.flatMap((c, index) => {
      const f = field(c, 'function');
      const store = this.classify(c);
      const method = f?.type === 'attribute' ? field(f, 'attribute')?.text : null;
      const memory = !store && method && /^(get|__contains__)$/.test(method) && /cache|memo/i.test(field(f!, 'object')?.text ?? '');
      // Project model: an imported helper that reads a cache keyed by its argument.
      const helper = !store && !memory ? this.importedCallee(c) : null;
      return store?.op === 'read' || memory
        ? [{ index, call: c, store, f: f! }]
        : helper?.facts.cacheRead
          ? [{ index, call: c, store: null, f: f!, helper }]
          : [];
    }));
  }

  /** The function around a node, once per node (a parent step costs a walk down from the root in tree-sitter). */
  /**
   * What the decorators of `fn` do with what it returns (`@cached`, `@cached(ttl=60)`, defined in this file or, through
   * the project model, in another): the wrapper's cache read before it calls `fn` and the writes of its result. A TTL
   * that is the factory's parameter comes from the decorator's arguments here, else the parameter's default.
   */
  protected decoratorEffects(fn: SyntaxNode): Array<{ stores: StoreWriteFact[]; cache: CacheLookupFact | null }> {
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    const out: Array<{ stores: StoreWriteFact[]; cache: CacheLookupFact | null }> = [];
    for (const d of holder ? children(holder).filter((x) => x.type === 'decorator') : []) {
      const expr = children(d).find((x) => x.type !== '@');
      const factoryCall = expr?.type === 'call' ? expr : null;
      const name = collapse((factoryCall ? field(factoryCall, 'function') : expr)?.text ?? '');
      const local = /^\w+$/.test(name) ? this.functionsByName.get(name) : undefined;
      const seconds = (t: Ttl | null, params: string[]): StoreWriteFact['ttl'] => {
        if (!t) return null;
        const i = t.param ? params.indexOf(t.param) : -1;
        const arg =
          t.param && factoryCall ? (this.keyword(factoryCall, t.param) ?? (i >= 0 ? this.positional(factoryCall, i) : undefined)) : undefined;
        return { seconds: arg ? this.num(arg) : t.seconds, how: t.how };
      };
      if (local && local !== fn) {
        const w = this.wrapperEffects(local);
        if (w) out.push({ stores: w.stores.map((s) => ({ ...s, ttl: seconds(s.ttl, w.params) })), cache: w.cache });
        continue;
      }
      const parts = name.split('.');
      const sym = this.imported && parts.every((p) => /^\w+$/.test(p)) ? this.imported.symbol(parts[0]!, parts.slice(1)) : null;
      const w = sym?.facts.decorator;
      if (!w) continue;
      const r = this.lines.range(d.startIndex, d.endIndex);
      out.push({
        stores: w.stores.map((e) =>
          writeFromEffect(
            e,
            r,
            `@${sym!.name}`,
            sym!.path,
            seconds(
              e.ttl && { seconds: e.ttl.seconds, how: e.ttl.how, ...(typeof e.ttl.param === 'string' ? { param: e.ttl.param } : {}) },
              w.params,
            ),
          ),
        ),
        cache: w.cacheRead
          ? { kind: w.cacheRead.kind, api: w.cacheRead.api, line: r.startLine, at: { path: sym!.path, line: w.cacheRead.line } }
          : null,
      });
    }
    return out;
  }

  /**
   * A decorator's wrapper (`def cached(func): def wrapper(*a): ... out = func(*a) ...`, or one level further down
   * for a factory `def cached(ttl=300)`): the stores of the wrapped function's result and the cache read before the
   * call. A TTL that is a parameter of the decorator keeps its name (`param`) and the parameter's default as seconds.
   * Null when the decorator never calls a function parameter or does nothing with the result.
   */
  wrapperEffects(deco: SyntaxNode): { stores: Array<StoreWriteFact & { ttl: Ttl | null }>; cache: CacheLookupFact | null; params: string[] } | null {
    const memo = this.wrapperMemo.get(deco.id);
    if (memo !== undefined) return memo;
    // Cheap gate first: a wrapper is a function defined inside this one.
    if (!/\bdef\s/.test(field(deco, 'body')?.text ?? '')) {
      this.wrapperMemo.set(deco.id, null);
      return null;
    }
    const paramsOf = (f: SyntaxNode) =>
      children(field(f, 'parameters') ?? f).map((p) => (p.type === 'identifier' ? p.text : (field(p, 'name')?.text ?? children(p)[0]?.text ?? '')));
    const params = paramsOf(deco);
    const defaults = new Map<string, number | null>();
    for (const p of children(field(deco, 'parameters') ?? deco)) {
      const nm = field(p, 'name')?.text;
      if (nm && field(p, 'value')) defaults.set(nm, this.num(field(p, 'value')));
    }
    let stores: Array<StoreWriteFact & { ttl: Ttl | null }> = [];
    let cache: CacheLookupFact | null = null;
    // The calls inside the decorator (calls are in document order): a summary asks this of every function.
    for (const c of this.calls.slice(this.firstCallFrom(deco.startIndex), this.firstCallFrom(deco.endIndex))) {
      const callee = field(c, 'function');
      if (callee?.type !== 'identifier') continue;
      const wrapper = this.functionOf(c);
      if (!wrapper || wrapper === deco) continue;
      // The wrapped function: a parameter of a function around the wrapper inside the decorator, not the wrapper's own.
      let owner: SyntaxNode | null = this.functionOf(wrapper);
      while (owner && owner !== deco && !paramsOf(owner).includes(callee.text)) owner = this.functionOf(owner);
      if (!owner || !paramsOf(owner).includes(callee.text)) continue;
      const t = this.trace(c, wrapper, null);
      stores = [
        ...stores,
        ...t.stores.map((s) => {
          const ttl = s.ttl as Ttl | null;
          return ttl?.param && defaults.has(ttl.param) ? { ...s, ttl: { ...ttl, seconds: defaults.get(ttl.param) ?? null } } : { ...s, ttl };
        }),
      ];
      cache ??= this.cacheBefore(c, wrapper, c);
    }
    const r = stores.length || cache ? { stores, cache, params } : null;
    this.wrapperMemo.set(deco.id, r);
    return r;
  }

  protected functionOf(node: SyntaxNode): SyntaxNode | null {
    let fn = this.functionMemo.get(node.id);
    if (fn === undefined) this.functionMemo.set(node.id, (fn = enclosing(node, 'function_definition')));
    return fn;
  }

  /** namesIn, once per node. */
  private names(node: SyntaxNode): string[] {
    let n = this.namesMemo.get(node.id);
    if (!n) this.namesMemo.set(node.id, (n = namesIn(node)));
    return n;
  }

  /** A call that uses a value at once to look something up: a store read, a vector search, a similarity function. */
  isSearch(call: SyntaxNode): boolean {
    if (this.classify(call)?.op === 'read') return true;
    const f = field(call, 'function');
    if (f?.type === 'attribute') return SEARCH_METHOD.test(field(f, 'attribute')?.text ?? '');
    return f?.type === 'identifier' && SEARCH_FUNCTION.test(f.text);
  }

  protected trace(call: SyntaxNode, fn: SyntaxNode | null, viaHelper: string | null, seed?: Set<string>, depth = 0): Trace {
    const key = `${call.id}|${fn?.id ?? ''}|${viaHelper ?? ''}|${seed ? [...seed].join(',') : ''}|${depth}`;
    let r = this.traceMemo.get(key);
    if (!r) this.traceMemo.set(key, (r = this.traceUncached(call, fn, viaHelper, seed, depth)));
    return r;
  }

  private traceUncached(call: SyntaxNode, fn: SyntaxNode | null, viaHelper: string | null, seed: Set<string> | undefined, depth: number): Trace {
    return this.traceIn(call, fn, viaHelper, seed, depth);
  }

  protected parentOf(n: SyntaxNode): SyntaxNode | null {
    return n.parent;
  }

  protected climbStep(p: SyntaxNode, cur: SyntaxNode, keys: string[], tainted: Set<string>): ClimbStep<SyntaxNode, SyntaxNode> {
    if (p.type === 'keyword_argument') keys.push(field(p, 'name')?.text ?? '');
    if (p.type === 'pair' && field(p, 'value')?.startIndex === cur.startIndex) keys.push(this.str(field(p, 'key')) ?? '');
    if (PASS_THROUGH.has(p.type)) return 'pass';
    if (p.type === 'argument_list' && p.parent?.type === 'call') return { outer: p.parent, arg: cur };
    if (p.type === 'assignment' || p.type === 'augmented_assignment' || p.type === 'for_statement' || p.type === 'for_in_clause') {
      for (const nm of targetNames(field(p, 'left'))) tainted.add(nm);
      return 'stop';
    }
    if (p.type === 'as_pattern') {
      const t = children(p).find((x) => x.type === 'as_pattern_target');
      for (const nm of targetNames(t ?? null)) tainted.add(nm);
      return 'stop';
    }
    if (p.type === 'return_statement') return 'returned';
    // An expression statement (fire-and-forget) or anything else: the value goes nowhere we follow.
    return 'stop';
  }

  protected isTransparent(call: SyntaxNode): boolean {
    return TRANSPARENT.test(this.qualify(collapse(field(call, 'function')?.text ?? '')) ?? field(call, 'function')?.text ?? '');
  }

  protected mentioner(tainted: Set<string>): (n: SyntaxNode | null | undefined) => boolean {
    return (n) => !!n && this.names(n).some((x) => tainted.has(x));
  }

  protected scopeCalls(fn: SyntaxNode | null, call: SyntaxNode): readonly SyntaxNode[] {
    return this.scope(fn, call).calls;
  }

  /** Bindings (`=`, `+=`, `for`) and container fills (`items.append(x)`) in the scope, to a fixpoint. */
  protected propagate(
    fn: SyntaxNode | null,
    call: SyntaxNode,
    tainted: Set<string>,
    mentions: (n: SyntaxNode | null | undefined) => boolean,
  ): Map<string, string> {
    const { calls, bindings } = this.scope(fn, call);
    for (let changed = true, guard = 0; changed && guard < 10; guard++) {
      changed = false;
      const add = (names: string[]) => {
        for (const nm of names)
          if (!tainted.has(nm)) {
            tainted.add(nm);
            changed = true;
          }
      };
      for (const b of bindings) if (mentions(field(b, 'right'))) add(targetNames(field(b, 'left')));
      for (const c of calls) {
        const f = field(c, 'function');
        const m = f?.type === 'attribute' ? field(f, 'attribute')?.text : null;
        if (m && /^(append|extend|add|update|insert)$/.test(m) && !this.classify(c) && mentions(field(c, 'arguments')))
          add([rootName(field(f!, 'object')!) ?? '']);
      }
    }
    return new Map();
  }

  /** `obj.save()` of a Django model built from the result. */
  protected savedRecord(c: SyntaxNode, tainted: Set<string>, _entityOf: Map<string, string>, viaHelper: string | null): StoreWriteFact | null {
    const f = field(c, 'function');
    const recv = f?.type === 'attribute' ? field(f, 'object') : null;
    if (recv?.type !== 'identifier' || !tainted.has(recv.text) || !/^(save|insert|asave)$/.test(field(f!, 'attribute')?.text ?? '') || !this.django)
      return null;
    return this.fact({ module: { kind: 'rdbms', engine: 'django' }, op: 'write', api: `${recv.text}.save`, ttl: null }, c, viaHelper);
  }

  protected mentionedArguments(c: SyntaxNode, mentions: (n: SyntaxNode | null | undefined) => boolean): SyntaxNode[] {
    const args = field(c, 'arguments');
    return args && mentions(args) ? children(args).filter((a) => mentions(a)) : [];
  }

  protected taintedProps(): null {
    return null;
  }

  protected returnsTainted(fn: SyntaxNode | null, call: SyntaxNode, mentions: (n: SyntaxNode | null | undefined) => boolean): boolean {
    return this.scope(fn, call).returns.some((r) => carriesPy(r, mentions) && this.functionOf(r)?.startIndex === fn?.startIndex);
  }

  /** Project model: the stores parameter `param` of function `fn` reaches (the same-file helper taint, for a summary). A write's `ttl.param` names the parameter its expiry comes from. */
  paramStores(fn: SyntaxNode, param: string): Array<StoreWriteFact & { ttl: Ttl | null }> {
    return this.trace(fn, fn, `${field(fn, 'name')?.text ?? 'helper'}()`, new Set([param])).stores;
  }

  protected sameFileHelper(call: SyntaxNode): { name: string; fn: SyntaxNode } | null {
    const name = field(call, 'function')?.text.replace(/^self\./, '');
    const fn = name ? this.functionsByName.get(name) : undefined;
    return name && fn ? { name, fn } : null;
  }

  /** A helper's parameters by position, `self` left out. */
  private parameterNames(helper: SyntaxNode): Array<string | undefined> {
    return children(field(helper, 'parameters')!)
      .filter((p) => p.text !== 'self')
      .map((p) => (p.type === 'identifier' ? p.text : (field(p, 'name')?.text ?? children(p)[0]?.text)));
  }

  protected parameterSeed(call: SyntaxNode, helper: SyntaxNode, arg: SyntaxNode): Set<string> | null {
    const slot = this.argumentSlot(call, arg);
    if (!slot) return null;
    const param = 'keyword' in slot ? slot.keyword : this.parameterNames(helper)[slot.index];
    return param ? new Set([param]) : null;
  }

  protected argumentForParameter(call: SyntaxNode, helper: SyntaxNode, param: string): { arg: SyntaxNode | undefined } {
    const i = this.parameterNames(helper).indexOf(param);
    const a = callArgs(call);
    return { arg: a.keywords.get(param) ?? (i >= 0 ? a.positional[i] : undefined) };
  }

  protected num(n: SyntaxNode | null | undefined): number | null {
    return this.numOf(n);
  }

  protected calleeParts(call: SyntaxNode): string[] | null {
    const f = field(call, 'function');
    const parts = f && (f.type === 'identifier' || f.type === 'attribute') ? collapse(f.text).split('.') : [];
    return parts.length && parts.every((p) => /^\w+$/.test(p)) ? parts : null;
  }

  protected importBinding(local: string): UseBinding | undefined {
    const b = this.importBindings?.get(local);
    return b && { module: b.module, name: b.name };
  }

  protected argumentSlot(call: SyntaxNode, arg: SyntaxNode): { index: number } | { keyword: string } | null {
    let a: SyntaxNode | null = arg;
    while (a && a.parent && a.parent.type !== 'argument_list') a = a.parent;
    if (!a) return null;
    if (a.type === 'keyword_argument') return { keyword: field(a, 'name')?.text ?? '' };
    return {
      index: children(field(call, 'arguments')!)
        .filter((x) => x.type !== 'keyword_argument' && x.type !== 'comment')
        .findIndex((x) => x.startIndex === a!.startIndex),
    };
  }

  /** Constant arguments, by position and keyword: a helper's expiry parameter is set by one (`ttl=600`). */
  protected constArgs(call: SyntaxNode): Record<string, number> {
    const ca = callArgs(call);
    const out: Record<string, number> = {};
    ca.positional.forEach((x, i) => {
      const v = this.num(x);
      if (v !== null) out[i] = v;
    });
    for (const [k, x] of ca.keywords) {
      const v = this.num(x);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  /** A relational write of a conversation turn: the row's columns (keywords, dict keys, a model built here, an INSERT's column list). */
  protected conversationKeyIn(call: SyntaxNode): { conversationKey?: string } {
    const keys: string[] = [];
    const { bindings } = this.scope(this.functionOf(call), call);
    const rowOf = (n: SyntaxNode | null | undefined, depth: number): void => {
      if (!n || depth > 2) return;
      if (n.type === 'keyword_argument') keys.push(field(n, 'name')?.text ?? '');
      else if (n.type === 'dictionary') {
        for (const p of children(n)) if (p.type === 'pair') keys.push(this.str(field(p, 'key')) ?? '');
      } else if (n.type === 'call') for (const a of children(field(n, 'arguments') ?? n)) rowOf(a, depth + 1);
      else if (n.type === 'list' || n.type === 'tuple') for (const x of children(n)) rowOf(x, depth + 1);
      else if (n.type === 'string' || n.type === 'concatenated_string') keys.push(...insertColumns(this.str(n) ?? n.text));
      else if (n.type === 'identifier') {
        // `row = Model(chat_id=..., ...)` then `session.add(row)`: the last binding of the name before the write.
        const b = bindings.filter((x) => x.startIndex < call.startIndex && field(x, 'left')?.text === n.text).pop();
        if (b) rowOf(field(b, 'right'), depth + 1);
      }
    };
    for (const a of children(field(call, 'arguments') ?? call)) rowOf(a, 0);
    const key = conversationKeyOf(keys);
    return key ? { conversationKey: key } : {};
  }

  /** The record field the value lands in when every place it is written is an entity attribute (`title=...`). */
  protected entityFieldIn(call: SyntaxNode, mentions: (n: SyntaxNode | null | undefined) => boolean): string | null {
    const keys: string[] = [];
    for (const a of children(field(call, 'arguments') ?? call)) {
      if (!mentions(a)) continue;
      if (a.type === 'keyword_argument' && !['dictionary', 'call'].includes(field(a, 'value')?.type ?? '')) {
        keys.push(field(a, 'name')?.text ?? '');
        continue;
      }
      const pairs = [a, ...a.descendantsOfType(['pair', 'keyword_argument']).filter((x): x is SyntaxNode => !!x)].filter(
        (x) =>
          (x.type === 'pair' || x.type === 'keyword_argument') &&
          mentions(field(x, 'value')) &&
          !['dictionary', 'call', 'list'].includes(field(x, 'value')!.type),
      );
      if (!pairs.length) return null;
      for (const x of pairs) keys.push(x.type === 'pair' ? (this.str(field(x, 'key')) ?? '') : (field(x, 'name')?.text ?? ''));
    }
    return keys.length && keys.every((k) => ENTITY_FIELD.test(k)) ? keys[0]! : null;
  }

  protected cacheBefore(call: SyntaxNode, fn: SyntaxNode | null, prompt: SyntaxNode): CacheLookupFact | null {
    const key = `${call.id}|${fn?.id ?? ''}|${prompt.id}`;
    let r = this.cacheMemo.get(key);
    if (r === undefined) this.cacheMemo.set(key, (r = this.cacheBeforeUncached(call, fn, prompt)));
    return r;
  }

  private cacheBeforeUncached(call: SyntaxNode, fn: SyntaxNode | null, prompt: SyntaxNode): CacheLookupFact | null {
    return this.cacheLookup(call, fn, prompt);
  }

  /** functools.lru_cache / cache on the calling function: an in-process cache keyed by the arguments. */
  protected memoDecorator(fn: SyntaxNode): CacheLookupFact | null {
    const dec = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    for (const d of dec ? children(dec).filter((c) => c.type === 'decorator') : []) {
      const expr = children(d).find((x) => x.type !== '@');
      const name = collapse((expr?.type === 'call' ? field(expr, 'function') : expr)?.text ?? '');
      if (/^@\s*(functools\.)?(lru_cache|cache)\b/.test(collapse(d.text)) || MEMO_DECORATORS.has(this.qualify(name) ?? ''))
        return { kind: 'memory', api: collapse(d.text).slice(1).split('(', 1)[0], line: this.lines.position(d.startIndex).line };
    }
    return null;
  }

  protected originsIn(fn: SyntaxNode | null, call: SyntaxNode): (n: SyntaxNode) => Set<string> {
    const scope = this.scope(fn, call);
    const scopeNode = scope.node;
    return (n) => {
      const key = `${scopeNode.id}|${n.id}`;
      const known = this.originsMemo.get(key);
      if (known) return known;
      const out = new Set(this.names(n));
      const flows = (scope.flows ??= scope.assigns.map((a) => ({ to: targetNames(field(a, 'left')), from: this.names(field(a, 'right') ?? a) })));
      for (let changed = true, g = 0; changed && g < 6; g++) {
        changed = false;
        for (const a of flows) {
          if (!a.to.some((x) => out.has(x))) continue;
          for (const x of a.from)
            if (!out.has(x)) {
              out.add(x);
              changed = true;
            }
        }
      }
      this.originsMemo.set(key, out);
      return out;
    };
  }

  protected *cacheReads(fn: SyntaxNode | null, call: SyntaxNode): Iterable<CacheRead<SyntaxNode>> {
    const scope = this.scope(fn, call);
    // Reads among the scope's calls up to the first one that has not ended where this call starts.
    let end = 0;
    while (end < scope.callEnds.length && scope.callEnds[end]! <= call.startIndex) end++;
    for (const r of this.readsOf(scope)) {
      if (r.index >= end) break;
      yield {
        call: r.call,
        store: r.store,
        memoryApi: collapse(r.f.text).split('.').slice(-2).join('.'),
        helper: r.helper ?? null,
      };
    }
  }

  protected keyArguments(r: CacheRead<SyntaxNode>): SyntaxNode[] {
    const args = callArgs(r.call);
    if (r.helper) return [...args.positional, ...args.keywords.values()];
    const first =
      args.positional[0] ?? args.keywords.get('Key') ?? args.keywords.get('key') ?? args.keywords.get('name') ?? [...args.keywords.values()][0];
    return first ? [first] : [];
  }

  /**
   * A stored-result check before the call (as llm-js-flow.ts storedCheck): a test guarding it reads a field `F` of a
   * record (`"summary" not in doc`, `not doc.get("summary")`), or a read before it selects records lacking `F`
   * (`{"summary": {"$exists": False}}`), and a store write after the call (or `doc["summary"] = ...`) writes `F`.
   */
  storedCheck(call: SyntaxNode, fn: SyntaxNode | null): CacheLookupFact | null {
    const facts = this.storedFieldFacts(this.scope(fn, call));
    // The first write after the call: without one nothing is stored, so no field of it can be checked.
    const first = firstAfter(facts.writes, call.endIndex);
    if (!first) return null;
    // A field's kind: the first write after the call that names it, else the first write's when a later assignment
    // sets it (the rows the result goes into name it).
    const kindOf = (k: string): StoreKind | null =>
      firstAfter(facts.writesByKey.get(k) ?? [], call.endIndex)?.kind ??
      (firstAfter(facts.assignsByKey.get(k) ?? [], call.endIndex) ? first.kind : null);
    const inside = (n: SyntaxNode | null | undefined) => !!n && n.startIndex <= call.startIndex && n.endIndex >= call.endIndex;
    for (const t of facts.tests) {
      if (t.node.startIndex > call.startIndex) break;
      const exits = t.exits && !!t.body && t.body.endIndex < call.startIndex;
      if (!(inside(t.body) || inside(t.alternative) || exits)) continue;
      for (const k of t.reads) {
        const kind = kindOf(k);
        if (kind) return { kind, api: `stored ${k} checked`, line: this.lines.position(t.node.startIndex).line };
      }
    }
    // A read that selects only the records still lacking the field (`find({"f": {"$exists": False}})`).
    for (const c of facts.missingSelects) {
      if (c.endIndex > call.startIndex) continue;
      for (const k of c.keys) {
        const kind = kindOf(k);
        if (kind) return { kind, api: `stored ${k} checked`, line: this.lines.position(c.startIndex).line };
      }
    }
    return null;
  }

  /**
   * What storedCheck reads of a scope, read once per scope (a module-level scope of a big file holds every call: per
   * call site, re-reading every later write and test was quadratic): write calls with the field names their arguments
   * give, field assignments, `if` tests with the fields they read, and `$exists: False` selections.
   */
  private storedFieldFacts(scope: Scope): StoredFieldFacts {
    if (scope.stored) return scope.stored;
    const key = (n: SyntaxNode | null | undefined) => (n ? this.str(n) : null);
    const usable = (k: string | null): k is string => !!k && !RECORD_KEY.test(k) && !ENTITY_FIELD.test(k);
    const writes: StoredFieldFacts['writes'] = [];
    for (const c of scope.calls) {
      const w = this.classify(c);
      if (w?.op !== 'write') continue;
      const args = field(c, 'arguments');
      const keys: string[] = [];
      for (const x of args ? [args, ...args.descendantsOfType(['pair', 'keyword_argument'])] : []) {
        const k = x?.type === 'pair' ? key(field(x, 'key')) : x?.type === 'keyword_argument' ? (field(x, 'name')?.text ?? null) : null;
        if (usable(k) && field(x!, 'value')?.type !== 'dictionary') keys.push(k);
      }
      writes.push({ at: c.startIndex, kind: w.module.kind, keys });
    }
    const assigns: Array<{ at: number; key: string }> = [];
    for (const a of scope.assigns) {
      const l = field(a, 'left');
      const k = l?.type === 'subscript' ? key(field(l, 'subscript')) : l?.type === 'attribute' ? (field(l, 'attribute')?.text ?? null) : null;
      if (usable(k)) assigns.push({ at: a.startIndex, key: k });
    }
    const tests: StoredFieldFacts['tests'] = [];
    for (const t of scope.tests) {
      if (t.type !== 'if_statement') continue;
      const body = field(t, 'consequence');
      const test = field(t, 'condition') ?? t;
      const reads: string[] = [];
      for (const n of [test, ...test.descendantsOfType(['string', 'attribute'])]) {
        const k = n?.type === 'string' ? key(n) : n?.type === 'attribute' ? (field(n, 'attribute')?.text ?? null) : null;
        if (k) reads.push(k);
      }
      if (!reads.length) continue;
      const exits = !!body && body.descendantsOfType(['continue_statement', 'return_statement', 'break_statement']).length > 0;
      tests.push({ node: t, body, alternative: field(t, 'alternative'), exits, reads });
    }
    const missingSelects: StoredFieldFacts['missingSelects'] = [];
    for (const c of scope.calls) {
      if (!/\$exists/.test(c.text)) continue;
      const keys: string[] = [];
      for (const pair of c.descendantsOfType('pair')) {
        const k = pair ? key(field(pair, 'key')) : null;
        const v = pair ? field(pair, 'value') : null;
        if (k && v && /["']\$exists["']\s*:\s*False/.test(v.text)) keys.push(k);
      }
      if (keys.length) missingSelects.push({ startIndex: c.startIndex, endIndex: c.endIndex, keys });
    }
    const byKey = <T extends { at: number }>(rows: Array<{ row: T; keys: string[] }>) => {
      const out = new Map<string, T[]>();
      for (const { row, keys } of rows) for (const k of keys) (out.get(k) ?? out.set(k, []).get(k)!).push(row);
      return out;
    };
    tests.sort((x, y) => x.node.startIndex - y.node.startIndex);
    scope.stored = {
      writes,
      writesByKey: byKey(writes.map((w) => ({ row: w, keys: w.keys }))),
      assignsByKey: byKey(assigns.map((a) => ({ row: a, keys: [a.key] }))),
      tests,
      missingSelects,
    };
    return scope.stored;
  }

  /** The names a read's value is assigned to (`agent = db.agents.find_one(...)`). */
  protected readInto(read: SyntaxNode): string[] {
    let cur = read;
    let p = cur.parent;
    while (
      p &&
      (p.type === 'await' || p.type === 'parenthesized_expression' || p.type === 'attribute' || p.type === 'call' || p.type === 'subscript')
    ) {
      cur = p;
      p = p.parent;
    }
    return p?.type === 'assignment' && field(p, 'right')?.startIndex === cur.startIndex ? targetNames(field(p, 'left')) : [];
  }

  protected decides(read: SyntaxNode, fn: SyntaxNode | null, call: SyntaxNode): boolean {
    const scope = this.scope(fn, call);
    let p = read.parent;
    while (p && (p.type === 'await' || p.type === 'parenthesized_expression' || p.type === 'attribute' || p.type === 'call')) p = p.parent;
    if (p?.type === 'boolean_operator' || p?.type === 'if_statement' || p?.type === 'conditional_expression' || p?.type === 'not_operator')
      return true;
    const names = p?.type === 'assignment' ? targetNames(field(p, 'left')) : [];
    if (!names.length) return false;
    for (const t of scope.tests) {
      if (t.startIndex > call.startIndex || t.startIndex < read.startIndex) continue;
      const test = t.type === 'if_statement' ? field(t, 'condition') : t;
      if (test && this.names(test).some((x) => names.includes(x))) return true;
    }
    return false;
  }
}

/** Calls grouped by the text of what they call (`ask`, `self.ask`), in document order. */
function indexByCallee(calls: readonly SyntaxNode[]): Map<string, SyntaxNode[]> {
  const out = new Map<string, SyntaxNode[]>();
  for (const c of calls) {
    const t = field(c, 'function')?.text ?? '';
    const list = out.get(t);
    if (list) list.push(c);
    else out.set(t, [c]);
  }
  return out;
}

/** Whether a `return` hands the value on (not `len(x)`, a comparison or `not x`). */
function carriesPy(ret: SyntaxNode, mentions: (n: SyntaxNode | null) => boolean): boolean {
  const e = children(ret).find((c) => c.type !== 'return');
  if (!e) return false;
  if (e.type === 'comparison_operator' || e.type === 'not_operator') return false;
  if (e.type === 'call' && /^(len|bool|int|float|round|sum|min|max|any|all)$/.test(field(e, 'function')?.text ?? '')) return false;
  return mentions(e);
}

type Trace = FlowTrace<SyntaxNode>;

/** The first row of a list in document order that starts after `offset` (binary search). */
function firstAfter<T extends { at: number }>(rows: readonly T[], offset: number): T | null {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.at > offset) hi = mid;
    else lo = mid + 1;
  }
  return rows[lo] ?? null;
}

/** What storedCheck reads of a scope (PyFlow.storedFieldFacts). */
interface StoredFieldFacts {
  /** In document order (scope.calls is), as are the lists by key. */
  writes: Array<{ at: number; kind: StoreKind; keys: string[] }>;
  writesByKey: Map<string, Array<{ at: number; kind: StoreKind; keys: string[] }>>;
  assignsByKey: Map<string, Array<{ at: number; key: string }>>;
  tests: Array<{ node: SyntaxNode; body: SyntaxNode | null; alternative: SyntaxNode | null; exits: boolean; reads: string[] }>;
  missingSelects: Array<{ startIndex: number; endIndex: number; keys: string[] }>;
}

interface Scope {
  /** storedCheck's reading of the scope, made on first use. */
  stored?: StoredFieldFacts;
  node: SyntaxNode;
  calls: SyntaxNode[];
  callEnds: number[];
  /** Each assignment's target names and the names its value reads. */
  flows?: Array<{ to: string[]; from: string[] }>;
  reads?: Array<{ index: number; call: SyntaxNode; store: StoreCall | null; f: SyntaxNode; helper?: ResolvedSymbol }>;
  bindings: SyntaxNode[];
  assigns: SyntaxNode[];
  returns: SyntaxNode[];
  tests: SyntaxNode[];
}

/** Whether an expression's leftmost name is a call's (`self.cursor().execute`, `cursor().execute`). */
function isCallOf(node: SyntaxNode, root: string): boolean {
  let n: SyntaxNode | null = node;
  while (n && (n.type === 'attribute' || n.type === 'subscript')) n = field(n, n.type === 'attribute' ? 'object' : 'value');
  const f = n?.type === 'call' ? field(n, 'function') : null;
  return !!f && (f.text === root || f.text === `self.${root}`);
}

function keyName(text: string): string {
  const parts = collapse(text).split('.');
  return parts[0] === 'self' && parts[1] ? parts[1] : parts[0]!;
}

/** The leftmost name of an expression: `client` in `client["db"].chats.insert_one`, `cache` in `self.cache`. */
function rootName(node: SyntaxNode): string | null {
  let n: SyntaxNode | null = node;
  while (n) {
    if (n.type === 'identifier') return n.text;
    if (n.type === 'attribute') {
      const obj = field(n, 'object');
      if (obj?.type === 'identifier' && obj.text === 'self') return field(n, 'attribute')?.text ?? null;
      n = obj;
    } else if (n.type === 'call') n = field(n, 'function');
    else if (n.type === 'subscript') n = field(n, 'value');
    else if (n.type === 'await' || n.type === 'parenthesized_expression') n = children(n)[0] ?? null;
    else return null;
  }
  return null;
}

function enclosing(node: SyntaxNode, type: string): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return null;
}

function targetNames(node: SyntaxNode | null): string[] {
  if (!node) return [];
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute') {
    const root = rootName(node);
    return root ? [root] : [];
  }
  if (node.type === 'subscript') {
    const root = rootName(node);
    return root ? [root] : [];
  }
  return children(node).flatMap(targetNames);
}

/** Names read in an expression (attribute names and keyword names excluded; `self.x` counts as `x`). */
function namesIn(node: SyntaxNode): string[] {
  const out: string[] = [];
  const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier');
  for (const id of ids) {
    if (!id) continue;
    const p = id.parent;
    if (p?.type === 'keyword_argument' && field(p, 'name')?.startIndex === id.startIndex) continue;
    if (p?.type === 'attribute' && field(p, 'attribute')?.startIndex === id.startIndex) {
      if (field(p, 'object')?.text === 'self') out.push(id.text);
      continue;
    }
    out.push(id.text);
  }
  return out;
}
