// Where an OpenAI result goes in JavaScript/TypeScript: the ESTree adapter of llm-flow-core.ts. Here is what is
// syntax: intra-procedural taint from the call's result through its projections (`.choices[0].message.content`,
// destructuring, template strings, `+=` of stream chunks) to store writes, same-file helpers in both directions,
// whether a store read keyed by the prompt, whose hit skips the call, precedes it, and the store handles of the file.
import { FlowCore, type CacheRead, type ClimbStep, type MemberCall, type StoreCall, type Trace, type Ttl } from './llm-flow-core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CacheLookupFact, StoreWriteFact } from '../model/types';
import {
  ANY_STORE_WRITES,
  RECORD_KEY,
  DYNAMO_READ_COMMANDS,
  DYNAMO_WRITE_COMMANDS,
  STORE_NAME_HINTS,
  WRITE_METHODS,
  ENTITY_FIELD,
  conversationKeyOf,
  insertColumns,
  mongoTtlIn,
  storeClass,
  storeModule,
  type StoreModule,
} from './llm-api-table';
import {
  EstreeIndex,
  bindingValues,
  boundNames,
  propertyName,
  constNumber,
  constString,
  functionName,
  memberChain,
  objectProps,
  rootKey,
  unwrap,
  FUNCTION_TYPES,
  type FunctionNode,
  type Node,
} from './estree';
import type { LineMap } from './syntax';
import type { ImportedLookup, UseBinding } from '../project/types';

/** Methods that write the object they are called on. */
const SAVE_METHODS = new Set(['save', 'insert', 'put']);

/** Properties that give a size, not the value. */
const SIZE_PROPS = new Set(['length', 'size', 'byteLength']);
const COMPARISONS = new Set(['<', '>', '<=', '>=', '==', '===', '!=', '!==', 'instanceof', 'in']);

/** Whether a returned expression hands the value on (not its length, a comparison or a negation of it). */
function carries(expr: Node, mentions: (n: Node) => boolean): boolean {
  const n = unwrap(expr);
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && SIZE_PROPS.has(n.property.name)) return false;
  if ((n.type === 'BinaryExpression' && COMPARISONS.has(n.operator)) || n.type === 'UnaryExpression') return false;
  return mentions(n);
}

/** Methods and functions that use a value to look things up (vector search, similarity), not to keep it. */
const SEARCH_METHOD =
  /^(similarity_?search\w*|similaritySearch\w*|max_?marginal\w*|search|query|knn\w*|match\w*|rpc|nearest\w*|retrieve|findSimilar\w*|aggregate|rerank)$/i;
const SEARCH_FUNCTION = /similar|search|cosine|nearest|knn|retriev|rerank|match|distance|dot_?product/i;

const TRANSPARENT_CALLS = /^(JSON\.stringify|String|Buffer\.from|Object\.assign|encodeURIComponent)$/;

const NO_READS: ReadonlySet<string> = new Set();

/** The names a destructuring pattern binds for the given keys (`{ a, b: c }` with [b] -> [c]). */
function propNames(pattern: TSESTree.ObjectPattern, keys: readonly string[]): string[] {
  return pattern.properties.flatMap((p) => (p.type === 'Property' && keys.includes(propertyName(p) ?? '') ? boundNames(p.value as Node) : []));
}

export class JsFlow extends FlowCore<Node, TSESTree.CallExpression, FunctionNode> {
  private readonly functions = new Map<string, FunctionNode>();
  private byCallee: Map<string, TSESTree.CallExpression[]> | undefined;
  private byArgument: Map<string, TSESTree.CallExpression[]> | undefined;
  private readonly importBindings: Map<string, { source: string; imported: string }>;
  protected readonly unnamedFunction = 'an anonymous function';
  protected readonly selfName = 'this';

  constructor(
    private readonly index: EstreeIndex,
    text: string,
    lines: LineMap,
    imports: Map<string, { source: string; imported: string }>,
    imported?: ImportedLookup,
    deferImports = false,
  ) {
    super(lines, imported, mongoTtlIn(text, true));
    this.importBindings = imports;
    for (const [local, i] of imports) {
      // LangChain's store classes are typed by the class imported; other libraries by the package.
      const known =
        (/^(@langchain\/|langchain)/.test(i.source) ? storeClass(i.imported === 'default' || i.imported === '*' ? local : i.imported) : null) ??
        storeModule(i.source);
      // A summary: a project import may be a store handle; its writes wait for a view to type them.
      const deferred: StoreModule | null =
        deferImports && !/^(openai|@langchain\/|langchain|ai$|@ai-sdk\/)/.test(i.source)
          ? { kind: 'rdbms', engine: 'deferred', writes: ANY_STORE_WRITES, reads: NO_READS, deferred: { source: i.source, imported: i.imported } }
          : null;
      const project = imported;
      if (known) this.stores.set(local, known);
      // The project model is asked only when the code reads the name (see LazyMap).
      else if (project) this.stores.defer(local, () => project.symbol(local, [])?.facts.store ?? deferred);
      else if (deferred) this.stores.set(local, deferred);
    }
    // Parameters and fields typed with a store library's type (`private repo: Repository<Chat>`, `redis: Redis`).
    for (const n of index.nodes) {
      const id = n.type === 'TSParameterProperty' ? n.parameter : n.type === 'Identifier' || n.type === 'PropertyDefinition' ? n : null;
      const name = id?.type === 'Identifier' ? id.name : id?.type === 'PropertyDefinition' && id.key.type === 'Identifier' ? id.key.name : null;
      const annotation = id && 'typeAnnotation' in id ? id.typeAnnotation?.typeAnnotation : undefined;
      if (!name || annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' || this.stores.has(name)) continue;
      const m = this.stores.get(annotation.typeName.name);
      if (m) this.stores.set(name, m);
    }
    // Instances of imported classes, made here or injected (`constructor(private repo: ChatRepo)`): their methods
    // are the class's methods in the project model.
    if (imported) {
      const newOf = (v: Node | null | undefined) => {
        const x = v ? unwrap(v) : null;
        return x?.type === 'NewExpression' && x.callee.type === 'Identifier' ? x.callee.name : null;
      };
      const typeOf = (t: TSESTree.TSTypeAnnotation | undefined) =>
        t?.typeAnnotation.type === 'TSTypeReference' && t.typeAnnotation.typeName.type === 'Identifier' ? t.typeAnnotation.typeName.name : null;
      for (const n of index.nodes) {
        let key: string | null = null;
        let cls: string | null = null;
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') [key, cls] = [n.id.name, newOf(n.init) ?? typeOf(n.id.typeAnnotation)];
        else if (n.type === 'PropertyDefinition' && n.key.type === 'Identifier')
          [key, cls] = [n.key.name, newOf(n.value) ?? typeOf(n.typeAnnotation)];
        else if (
          n.type === 'AssignmentExpression' &&
          n.left.type === 'MemberExpression' &&
          unwrap(n.left.object).type === 'ThisExpression' &&
          n.left.property.type === 'Identifier'
        )
          [key, cls] = [n.left.property.name, newOf(n.right)];
        else if (n.type === 'TSParameterProperty' && n.parameter.type === 'Identifier')
          [key, cls] = [n.parameter.name, typeOf(n.parameter.typeAnnotation)];
        if (key && cls && imports.has(cls) && !this.instances.has(key)) this.instances.set(key, cls);
      }
    }
    // Values derived from a store client are store handles too: client.db('x').collection('y'), mongoose.model(...).
    for (let pass = 0; pass < 3; pass++) {
      for (const n of index.nodes) {
        let key: string | null = null;
        let value: Node | null = null;
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) [key, value] = [n.id.name, n.init];
        else if (n.type === 'PropertyDefinition' && n.key.type === 'Identifier' && n.value) [key, value] = [n.key.name, n.value];
        else if (
          n.type === 'AssignmentExpression' &&
          n.left.type === 'MemberExpression' &&
          unwrap(n.left.object).type === 'ThisExpression' &&
          n.left.property.type === 'Identifier'
        )
          [key, value] = [n.left.property.name, n.right];
        if (!key || !value || this.stores.has(key)) continue;
        const root = rootKey(value);
        const m = root ? this.stores.get(root) : undefined;
        if (m) this.stores.set(key, m.ttlOption ? { ...m, ttl: this.constructorTtl(m, value) } : m);
      }
    }
    // ORM model classes: `class Message extends Model` (Sequelize), `extends BaseEntity` (TypeORM) are store handles.
    for (let pass = 0; pass < 2; pass++) {
      for (const n of index.nodes) {
        if ((n.type !== 'ClassDeclaration' && n.type !== 'ClassExpression') || !n.id || !n.superClass || this.stores.has(n.id.name)) continue;
        const base = rootKey(n.superClass as Node);
        const m = base ? this.stores.get(base) : undefined;
        if (m) this.stores.set(n.id.name, m);
      }
    }
    for (const n of index.nodes) {
      if (FUNCTION_TYPES.has(n.type)) {
        const name = functionName(n as FunctionNode, index);
        if (name && !this.functions.has(name)) this.functions.set(name, n as FunctionNode);
      }
    }
  }

  /** The expiry a store client is made with (`new RedisChatMessageHistory({ sessionTTL: 300 })`), null when none. */
  private constructorTtl(m: StoreModule, value: Node): { seconds: number | null; how: string } | null {
    const v = unwrap(value);
    if (!m.ttlOption || (v.type !== 'NewExpression' && v.type !== 'CallExpression')) return null;
    for (const a of v.arguments) {
      const t = objectProps(unwrap(a as Node)).get(m.ttlOption.name);
      if (t) {
        const x = constNumber(t, this.index);
        return { seconds: x === null ? null : m.ttlOption.unit === 'ms' ? x / 1000 : x, how: m.ttlOption.name };
      }
    }
    return null;
  }

  /** The store behind a receiver: an import-derived handle, else a receiver named like one (`this.redis`). */
  protected storeOf(recv: Node): StoreModule | null {
    const root = rootKey(recv);
    const known = root ? this.stores.get(root) : undefined;
    if (known && !known.deferred) return known;
    const chain = memberChain(recv);
    const names = chain ? chain.filter((p) => p !== 'this' && p !== '[]') : root ? [root] : [];
    for (const h of STORE_NAME_HINTS) if (names.some((nm) => h.pattern.test(nm))) return h.module;
    if (known) return known;
    return null;
  }

  private sqlOf(node: Node | undefined): string | null {
    if (!node) return null;
    const n = unwrap(node);
    if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked ?? '').join('?');
    return constString(n, this.index);
  }

  protected specialStoreCall(call: TSESTree.CallExpression): StoreCall | null | undefined {
    const callee = unwrap(call.callee);
    const args = call.arguments as Node[];
    if (callee.type === 'Identifier') {
      const m = this.stores.get(callee.name);
      if (m?.kind === 'file' && WRITE_METHODS.file.has(callee.name)) return { module: m, op: 'write', api: callee.name, ttl: null };
      return null;
    }
    if (callee.type !== 'MemberExpression') return null;
    // DynamoDB v3: client.send(new PutCommand({ TableName, Item }))
    const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
    if (method === 'send' && args[0] && unwrap(args[0]).type === 'NewExpression') {
      const cmd = memberChain((unwrap(args[0]) as TSESTree.NewExpression).callee)?.pop() ?? '';
      const input = (unwrap(args[0]) as TSESTree.NewExpression).arguments[0] as Node | undefined;
      if (DYNAMO_WRITE_COMMANDS.has(cmd))
        return {
          module: { kind: 'dynamodb', engine: 'dynamodb' },
          op: 'write',
          api: `send(new ${cmd})`,
          ttl: this.dynamoTtl(this.itemKeysOf(input)),
        };
      if (DYNAMO_READ_COMMANDS.has(cmd)) return { module: { kind: 'dynamodb', engine: 'dynamodb' }, op: 'read', api: `send(new ${cmd})`, ttl: null };
    }
    return undefined;
  }

  protected memberCall(call: TSESTree.CallExpression): MemberCall<Node> | null {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return null;
    const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
    const chain = memberChain(callee) ?? [];
    const api =
      chain
        .filter((p) => p !== 'this')
        .slice(-2)
        .join('.') || method;
    return { method, receiver: callee.object as Node, api, tail2: chain.slice(-2).join('.') };
  }

  protected sqlText(call: TSESTree.CallExpression, receiver: Node): string | null {
    // better-sqlite3: db.prepare('INSERT ...').run(x)
    const r = unwrap(receiver);
    return (
      this.sqlOf(call.arguments[0] as Node | undefined) ??
      (r.type === 'CallExpression' && memberChain(r.callee)?.pop() === 'prepare' ? this.sqlOf(r.arguments[0] as Node) : null)
    );
  }

  protected positional(call: TSESTree.CallExpression, i: number): Node | undefined {
    return call.arguments[i] as Node | undefined;
  }

  protected keyword(): undefined {
    return undefined;
  }

  protected num(n: Node | null | undefined): number | null {
    return constNumber(n ?? undefined, this.index);
  }

  /** ioredis `set(k, v, 'EX', n)`, node-redis `set(k, v, { EX: n })`. */
  protected setOption(call: TSESTree.CallExpression, name: string): { value: Node | undefined; how: string } | null {
    const third = call.arguments[2] as Node | undefined;
    if (!third) return null;
    const opt = unwrap(third);
    if (constString(opt, this.index)?.toUpperCase() === name) return { value: call.arguments[3] as Node | undefined, how: `SET ... ${name}` };
    const props = objectProps(opt);
    return props.has(name) ? { value: props.get(name), how: `SET ... { ${name} }` } : null;
  }

  protected parameterNamed(arg: Node | undefined, at: Node): string | null {
    const a = arg ? unwrap(arg) : null;
    const fn = this.index.enclosingFunction(at);
    return a?.type === 'Identifier' && !!fn && fn.params.some((p) => boundNames(p as Node).includes(a.name)) ? a.name : null;
  }

  protected *callsAfter(call: TSESTree.CallExpression): Iterable<TSESTree.CallExpression> {
    const fn = this.index.enclosingFunction(call) ?? this.index.nodes[0]!;
    for (const c of this.index.within(fn, 'CallExpression')) if (c.range[0] > call.range[0]) yield c;
  }

  protected methodName(call: TSESTree.CallExpression): string | null {
    return memberChain(call.callee)?.pop() ?? null;
  }

  protected itemKeys(call: TSESTree.CallExpression): string[] {
    return this.itemKeysOf(call.arguments[0] as Node | undefined);
  }

  /** The keys of `{ Item: { ... } }`. */
  private itemKeysOf(input: Node | undefined): string[] {
    const item = objectProps(input ? unwrap(input) : null).get('Item');
    return [...objectProps(item ? unwrap(item) : null).keys()];
  }

  protected start(n: Node): number {
    return n.range[0];
  }

  protected end(n: Node): number {
    return n.range[1];
  }

  protected functionOf(n: Node): FunctionNode | null {
    return this.index.enclosingFunction(n);
  }

  protected functionLabel(fn: FunctionNode): string | null {
    return functionName(fn, this.index);
  }

  protected traceFresh(call: TSESTree.CallExpression, fn: FunctionNode | null): Trace<TSESTree.CallExpression> {
    return this.trace(call, fn, null);
  }

  protected argumentCount(call: TSESTree.CallExpression): number {
    return call.arguments.length;
  }

  protected searchApi(call: TSESTree.CallExpression): string {
    return this.callName(call);
  }

  /** A call that uses a value at once to look something up: a store read, a vector search, a similarity function. */
  isSearch(call: TSESTree.CallExpression): boolean {
    if (this.classify(call)?.op === 'read') return true;
    const chain = memberChain(call.callee);
    const last = chain?.[chain.length - 1] ?? '';
    return SEARCH_METHOD.test(last) || (chain?.length === 1 && SEARCH_FUNCTION.test(last));
  }

  private callName(call: TSESTree.CallExpression): string {
    const chain = memberChain(call.callee);
    return chain
      ? chain
          .filter((p) => p !== 'this')
          .slice(-2)
          .join('.')
      : 'a call';
  }

  /** The same-file function of that name (the first one declared). */
  functionNamed(name: string): FunctionNode | undefined {
    return this.functions.get(name);
  }

  /** Same-file calls of a function (`name(...)` or `this.name(...)`) from outside its body. */
  callSitesOf(name: string, fn: FunctionNode): TSESTree.CallExpression[] {
    // Indexed once by callee name: asked per call site, per helper and per loop/handler hop.
    if (!this.byCallee) {
      this.byCallee = new Map();
      for (const x of this.index.nodes) {
        if (x.type !== 'CallExpression') continue;
        const c = unwrap(x.callee);
        const nm =
          c.type === 'Identifier'
            ? c.name
            : c.type === 'MemberExpression' && unwrap(c.object).type === 'ThisExpression' && c.property.type === 'Identifier'
              ? c.property.name
              : null;
        if (nm) (this.byCallee.get(nm) ?? this.byCallee.set(nm, []).get(nm)!).push(x);
      }
    }
    return (this.byCallee.get(name) ?? []).filter((x) => !(x.range[0] >= fn.range[0] && x.range[1] <= fn.range[1]));
  }

  /** Calls that pass a function by name as an argument (`items.map(summarise)`), by that name. */
  passedAsValue(name: string): TSESTree.CallExpression[] {
    if (!this.byArgument) {
      this.byArgument = new Map();
      for (const x of this.index.nodes) {
        if (x.type !== 'CallExpression') continue;
        for (const a of x.arguments)
          if (a.type === 'Identifier') (this.byArgument.get(a.name) ?? this.byArgument.set(a.name, []).get(a.name)!).push(x);
      }
    }
    return this.byArgument.get(name) ?? [];
  }

  protected trace(call: Node, fn: FunctionNode | null, viaHelper: string | null, seed?: Set<string>, depth = 0): Trace<TSESTree.CallExpression> {
    return this.traceIn(call, fn, viaHelper, seed, depth);
  }

  protected parentOf(n: Node): Node | null {
    return this.index.parent(n);
  }

  protected climbStep(p: Node, cur: Node, keys: string[], tainted: Set<string>): ClimbStep<Node, TSESTree.CallExpression> {
    if (p.type === 'Property' && p.value === cur) keys.push(propertyName(p) ?? '');
    // `.length` of a result is a number, not the result: it carries nothing further.
    if (p.type === 'MemberExpression' && p.object === cur && !p.computed && p.property.type === 'Identifier' && SIZE_PROPS.has(p.property.name))
      return 'stop';
    if (
      p.type === 'AwaitExpression' ||
      p.type === 'ChainExpression' ||
      p.type === 'TSNonNullExpression' ||
      p.type === 'TSAsExpression' ||
      (p.type === 'MemberExpression' && p.object === cur) ||
      p.type === 'TemplateLiteral' ||
      p.type === 'ArrayExpression' ||
      p.type === 'BinaryExpression' ||
      p.type === 'LogicalExpression' ||
      p.type === 'ConditionalExpression' ||
      p.type === 'Property' ||
      p.type === 'ObjectExpression' ||
      p.type === 'SpreadElement'
    )
      return 'pass';
    if (p.type === 'CallExpression' && p.callee === cur) {
      // r.then(x => ...): the callback's parameter carries the result; other methods on it pass it along.
      const cb = p.arguments[0] as Node | undefined;
      const method = cur.type === 'MemberExpression' && !cur.computed && cur.property.type === 'Identifier' ? cur.property.name : '';
      if (method === 'then' && cb && FUNCTION_TYPES.has(cb.type) && (cb as FunctionNode).params[0]) {
        for (const nm of boundNames((cb as FunctionNode).params[0] as Node)) tainted.add(nm);
      }
      return 'pass';
    }
    if (p.type === 'CallExpression') return { outer: p, arg: cur };
    if (p.type === 'VariableDeclarator') {
      for (const nm of boundNames(p.id)) tainted.add(nm);
      return 'stop';
    }
    if (p.type === 'AssignmentExpression') {
      for (const nm of boundNames(p.left as Node)) tainted.add(nm);
      const r = rootKey(p.left as Node);
      if (r) tainted.add(r);
      return 'stop';
    }
    if (p.type === 'ForOfStatement') {
      for (const nm of p.left.type === 'VariableDeclaration' ? p.left.declarations.flatMap((d) => boundNames(d.id)) : boundNames(p.left as Node))
        tainted.add(nm);
      return 'stop';
    }
    if (p.type === 'ReturnStatement' || (p.type === 'ArrowFunctionExpression' && p.body === cur)) return 'returned';
    // An expression statement (fire-and-forget) or anything else: the value goes nowhere we follow.
    return 'stop';
  }

  protected isTransparent(call: TSESTree.CallExpression): boolean {
    return TRANSPARENT_CALLS.test(memberChain(call.callee)?.join('.') ?? '');
  }

  protected mentioner(tainted: Set<string>): (n: Node | null | undefined) => boolean {
    return (n) => !!n && [...this.index.namesIn(n)].some((x) => tainted.has(x));
  }

  protected scopeCalls(fn: FunctionNode | null): readonly TSESTree.CallExpression[] {
    return this.index.within(fn ?? this.index.nodes[0]!, 'CallExpression');
  }

  /** Assignments, declarations, `for...of` and container fills (`list.push(x)`) in the scope, to a fixpoint. */
  protected propagate(
    fn: FunctionNode | null,
    _call: Node,
    tainted: Set<string>,
    mentions: (n: Node | null | undefined) => boolean,
  ): Map<string, string> {
    const scope: Node = fn ?? this.index.nodes[0]!;
    const decls = this.index.within(scope, 'VariableDeclarator');
    const assigns = this.index.within(scope, 'AssignmentExpression');
    const calls = this.index.within(scope, 'CallExpression');
    // Records the value reaches only as an entity attribute (`chat.name = title; chat.save()`), by record name.
    const entityOf = new Map<string, string>();
    const seen = new Set<Node>();
    for (let changed = true, guard = 0; changed && guard < 10; guard++) {
      changed = false;
      const add = (names: string[]) => {
        for (const nm of names)
          if (!tainted.has(nm)) {
            tainted.add(nm);
            changed = true;
          }
      };
      for (const d of decls) if (d.init && mentions(d.init)) add(boundNames(d.id));
      for (const a of assigns) {
        if (!mentions(a.right)) continue;
        const l = a.left as Node;
        const r = rootKey(l);
        const prop = l.type === 'MemberExpression' && !l.computed && l.property.type === 'Identifier' ? l.property.name : null;
        if (!seen.has(a)) {
          seen.add(a);
          if (r && prop && ENTITY_FIELD.test(prop) && !tainted.has(r)) entityOf.set(r, prop);
          else if (r && entityOf.has(r)) entityOf.delete(r);
        }
        add(boundNames(l));
        if (r) add([r]);
      }
      for (const c of calls) {
        const m = memberChain(c.callee);
        if (m && /^(push|unshift|set|add)$/.test(m[m.length - 1]!) && !this.classify(c) && c.arguments.some((a) => mentions(a as Node))) {
          const r = rootKey(c.callee);
          if (r) add([r]);
        }
      }
      for (const f of this.index.within(scope, 'ForOfStatement'))
        if (mentions(f.right))
          add(f.left.type === 'VariableDeclaration' ? f.left.declarations.flatMap((d) => boundNames(d.id)) : boundNames(f.left as Node));
    }
    return entityOf;
  }

  /** `doc.save()` of a document built from the result (Mongoose, TypeORM entities). */
  protected savedRecord(
    c: TSESTree.CallExpression,
    tainted: Set<string>,
    entityOf: Map<string, string>,
    viaHelper: string | null,
  ): StoreWriteFact | null {
    const recv = c.callee.type === 'MemberExpression' ? unwrap(c.callee.object) : null;
    if (
      recv?.type !== 'Identifier' ||
      !tainted.has(recv.name) ||
      c.callee.type !== 'MemberExpression' ||
      c.callee.property.type !== 'Identifier' ||
      !SAVE_METHODS.has(c.callee.property.name)
    )
      return null;
    const store = this.classify(c);
    return store?.op === 'write' ? this.fact(store, c, viaHelper, entityOf.get(recv.name) ?? null) : null;
  }

  protected mentionedArguments(c: TSESTree.CallExpression, mentions: (n: Node | null | undefined) => boolean): Node[] {
    return (c.arguments as Node[]).filter((a) => mentions(a));
  }

  protected returnsTainted(fn: FunctionNode | null, _call: Node, mentions: (n: Node | null | undefined) => boolean): boolean {
    for (const r of this.index.within(fn ?? this.index.nodes[0]!, 'ReturnStatement'))
      if (r.argument && carries(r.argument, mentions) && this.index.enclosingFunction(r) === fn) return true;
    return fn?.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement' && carries(fn.body, mentions);
  }

  /** The property names of an object literal argument whose values carry the value (null: not an object literal). */
  protected taintedProps(arg: Node, mentions: (n: Node | null | undefined) => boolean): string[] | null {
    const a = unwrap(arg);
    if (a.type !== 'ObjectExpression' || a.properties.some((p) => p.type !== 'Property')) return null;
    return a.properties.flatMap((p) => (p.type === 'Property' && mentions(p.value as Node) ? [propertyName(p) ?? ''] : []));
  }

  /** Project model: per property of a destructured parameter, the stores that property reaches. */
  paramPropStores(fn: FunctionNode, position: number): Record<string, Array<StoreWriteFact & { ttl: Ttl | null }>> | null {
    const param = fn.params[position];
    if (param?.type !== 'ObjectPattern') return null;
    const out: Record<string, Array<StoreWriteFact & { ttl: Ttl | null }>> = {};
    for (const p of param.properties) {
      const k = p.type === 'Property' ? propertyName(p) : null;
      if (k) out[k] = this.trace(fn, fn, functionName(fn, this.index) ?? 'helper', new Set(boundNames(p.value as Node)), 0).stores;
    }
    return out;
  }

  /** Project model: the stores parameter `position` of `fn` reaches (the same-file helper taint, for a summary). A write's `ttl.param` names the parameter its expiry comes from. */
  paramStores(fn: FunctionNode, position: number): Array<StoreWriteFact & { ttl: Ttl | null }> {
    const param = fn.params[position];
    return param ? this.trace(fn, fn, functionName(fn, this.index) ?? 'helper', new Set(boundNames(param as Node))).stores : [];
  }

  protected sameFileHelper(call: TSESTree.CallExpression): { name: string; fn: FunctionNode } | null {
    const c = unwrap(call.callee);
    const name =
      c.type === 'Identifier'
        ? c.name
        : c.type === 'MemberExpression' && unwrap(c.object).type === 'ThisExpression' && c.property.type === 'Identifier'
          ? c.property.name
          : null;
    const fn = name ? this.functions.get(name) : undefined;
    return name && fn ? { name, fn } : null;
  }

  protected parameterSeed(call: TSESTree.CallExpression, helper: FunctionNode, arg: Node, props: string[] | null): Set<string> | null {
    const param = helper.params[this.argumentSlot(call, arg).index];
    if (!param) return null;
    // An object literal into a destructured parameter: only the properties the value is in.
    return new Set(props && param.type === 'ObjectPattern' ? propNames(param, props) : boundNames(param as Node));
  }

  protected argumentForParameter(call: TSESTree.CallExpression, helper: FunctionNode, param: string): { arg: Node | undefined } | null {
    const i = helper.params.findIndex((p) => boundNames(p as Node).includes(param));
    return i < 0 ? null : { arg: call.arguments[i] as Node | undefined };
  }

  protected calleeParts(call: TSESTree.CallExpression): string[] | null {
    return memberChain(call.callee);
  }

  protected importBinding(local: string): UseBinding | undefined {
    return this.importBindings.get(local);
  }

  protected argumentSlot(call: TSESTree.CallExpression, arg: Node): { index: number } {
    return { index: (call.arguments as Node[]).findIndex((a) => a.range[0] <= arg.range[0] && a.range[1] >= arg.range[1]) };
  }

  /** Constant arguments by position: a helper's expiry parameter is set by one (`cacheSet(k, v, 600)`). */
  protected constArgs(call: TSESTree.CallExpression): Record<string, number> {
    const out: Record<string, number> = {};
    call.arguments.forEach((x, i) => {
      const v = constNumber(x as Node, this.index);
      if (v !== null) out[i] = v;
    });
    return out;
  }

  /** A relational write of a conversation turn: the row's columns (object keys, a model built here, an INSERT's column list). */
  protected conversationKeyIn(call: Node): { conversationKey?: string } {
    const keys: string[] = [];
    const rowOf = (node: Node | null | undefined, depth: number): void => {
      const n = node ? unwrap(node) : null;
      if (!n || depth > 2) return;
      if (n.type === 'ObjectExpression') {
        for (const p of n.properties) {
          if (p.type !== 'Property') continue;
          keys.push(propertyName(p) ?? '');
          // Prisma's `{ data: { chatId, role, content } }`, Knex/Drizzle `values({...})` rows held one level down.
          const v = unwrap(p.value as Node);
          if (v.type === 'ObjectExpression' || v.type === 'ArrayExpression') rowOf(v, depth + 1);
        }
      } else if (n.type === 'Identifier') {
        const values = bindingValues(n, this.index);
        if (values?.length === 1) rowOf(values[0], depth + 1);
      } else if (n.type === 'NewExpression' || n.type === 'CallExpression') for (const a of n.arguments) rowOf(a as Node, depth + 1);
      else if (n.type === 'ArrayExpression') for (const x of n.elements) rowOf(x as Node | null, depth + 1);
      else if (n.type === 'Literal' && typeof n.value === 'string') keys.push(...insertColumns(n.value));
      else if (n.type === 'TemplateLiteral') keys.push(...insertColumns(n.quasis.map((q) => q.value.cooked ?? '').join('?')));
    };
    if (call.type === 'CallExpression') {
      for (const a of call.arguments) rowOf(a as Node, 0);
      // `row.save()` of a record built from the result: the record's own fields.
      const callee = unwrap(call.callee);
      if (callee.type === 'MemberExpression') rowOf(callee.object as Node, 0);
    }
    const key = conversationKeyOf(keys);
    return key ? { conversationKey: key } : {};
  }

  /** The record field the value lands in when every place it is written is an entity attribute (`{ name }`). */
  protected entityFieldIn(call: TSESTree.CallExpression, mentions: (n: Node | null | undefined) => boolean): string | null {
    const keys: string[] = [];
    for (const a of call.arguments as Node[]) {
      if (!mentions(a)) continue;
      const leaves = this.index
        .within(a, 'Property')
        .filter((p) => mentions(p.value as Node) && !['ObjectExpression', 'ArrayExpression'].includes(unwrap(p.value as Node).type));
      if (!leaves.length) return null;
      for (const p of leaves) keys.push(propertyName(p) ?? '');
    }
    return keys.length && keys.every((k) => ENTITY_FIELD.test(k)) ? keys[0]! : null;
  }

  protected cacheBefore(call: Node, fn: FunctionNode | null, prompt: Node): CacheLookupFact | null {
    return this.cacheLookup(call, fn, prompt);
  }

  protected originsIn(fn: FunctionNode | null): (n: Node) => Set<string> {
    const decls = this.index.within(fn ?? this.index.nodes[0]!, 'VariableDeclarator');
    return (n) => {
      const out = new Set(this.index.namesIn(n));
      for (let changed = true, g = 0; changed && g < 6; g++) {
        changed = false;
        for (const d of decls) {
          if (!d.init || !boundNames(d.id).some((x) => out.has(x))) continue;
          for (const x of this.index.namesIn(d.init))
            if (!out.has(x)) {
              out.add(x);
              changed = true;
            }
        }
      }
      return out;
    };
  }

  protected *cacheReads(fn: FunctionNode | null, call: Node): Iterable<CacheRead<TSESTree.CallExpression>> {
    for (const c of this.index.within(fn ?? this.index.nodes[0]!, 'CallExpression')) {
      if (c.range[1] > call.range[0]) break;
      const chain = memberChain(c.callee);
      const store = this.classify(c);
      const memory =
        !store && !!chain && chain.length >= 2 && /cache|memo/i.test(chain[chain.length - 2]!) && /^(get|has)$/.test(chain[chain.length - 1]!);
      // Project model: an imported helper that reads a cache keyed by its argument (`await cachedReply(prompt)`).
      const helper = !store && !memory ? this.importedCallee(c) : null;
      if (store?.op === 'read' || memory || helper?.facts.cacheRead)
        yield { call: c, store, memoryApi: memory ? chain!.slice(-2).join('.') : '', helper: helper?.facts.cacheRead ? helper : null };
    }
  }

  protected keyArguments(r: CacheRead<TSESTree.CallExpression>): Node[] {
    const args = r.call.arguments as Node[];
    return r.helper ? args : args.slice(0, 1);
  }

  /**
   * A stored-result check before the call: a test that guards it (the call in its branch, or an early `continue` /
   * `return`) reads a field `F` of a record (`!page.summary`, `page?.checksum === checksum`) that a store write after
   * the call in the same function writes (`{ summary }`, `.update({ checksum })`): the call runs only when the stored
   * result is missing or stale. Entity attributes (`name`, `title`) are left out: a record's own data, not a result.
   */
  storedCheck(call: Node, fn: FunctionNode | null): CacheLookupFact | null {
    const scope: Node = fn ?? this.index.nodes[0]!;
    const written = new Map<string, StoreCall['module']['kind']>();
    let firstKind: StoreCall['module']['kind'] | null = null;
    for (const c of this.index.within(scope, 'CallExpression')) {
      const w = c.range[0] > call.range[1] ? this.classify(c) : null;
      if (w?.op !== 'write') continue;
      firstKind ??= w.module.kind;
      // Leaf fields only (not `where`/`data`), and not keys that identify the record (`id`, `userId`).
      for (const a of c.arguments)
        for (const p of this.index.within(a as Node, 'Property')) {
          const k = propertyName(p);
          if (k && unwrap(p.value as Node).type !== 'ObjectExpression' && !RECORD_KEY.test(k) && !ENTITY_FIELD.test(k) && !written.has(k))
            written.set(k, w.module.kind);
        }
    }
    if (!firstKind) return null;
    for (const a of this.index.within(scope, 'AssignmentExpression')) {
      const l = a.left;
      if (
        a.range[0] > call.range[1] &&
        l.type === 'MemberExpression' &&
        !l.computed &&
        l.property.type === 'Identifier' &&
        !RECORD_KEY.test(l.property.name) &&
        !ENTITY_FIELD.test(l.property.name) &&
        !written.has(l.property.name)
      )
        written.set(l.property.name, firstKind);
    }
    const fieldRead = (test: Node): string | null => {
      for (const m of [test, ...this.index.subtree(test)])
        if (m.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' && written.has(m.property.name)) return m.property.name;
      return null;
    };
    const exits = (n: Node) =>
      [n, ...this.index.subtree(n)].some((x) => x.type === 'ContinueStatement' || x.type === 'ReturnStatement' || x.type === 'BreakStatement');
    const inside = (n: Node | null | undefined) => !!n && n.range[0] <= call.range[0] && n.range[1] >= call.range[1];
    for (const t of [...this.index.within(scope, 'IfStatement'), ...this.index.within(scope, 'ConditionalExpression')]) {
      if (t.range[0] > call.range[0]) continue;
      const guards = inside(t.consequent) || inside(t.alternate) || (t.type === 'IfStatement' && t.range[1] < call.range[0] && exits(t.consequent));
      const f = guards ? fieldRead(t.test) : null;
      if (f) return { kind: written.get(f)!, api: `stored ${f} checked`, line: this.lines.position(t.range[0]).line };
    }
    return null;
  }

  /** The names a read's value is bound to (`const agent = await db.agent.findUnique(...)`). */
  protected readInto(read: TSESTree.CallExpression): string[] {
    let p = this.index.parent(read);
    while (
      p &&
      (p.type === 'AwaitExpression' ||
        p.type === 'MemberExpression' ||
        p.type === 'ChainExpression' ||
        p.type === 'TSAsExpression' ||
        p.type === 'TSNonNullExpression')
    )
      p = this.index.parent(p);
    return p?.type === 'VariableDeclarator' ? boundNames(p.id) : p?.type === 'AssignmentExpression' ? boundNames(p.left as Node) : [];
  }

  /** The read's value is tested (if / ?: / || / ??) before the call: a hit can skip it. */
  protected decides(read: TSESTree.CallExpression, fn: FunctionNode | null, call: Node): boolean {
    const scope: Node = fn ?? this.index.nodes[0]!;
    let cur: Node = read;
    let p = this.index.parent(cur);
    while (
      p &&
      (p.type === 'AwaitExpression' ||
        p.type === 'MemberExpression' ||
        p.type === 'ChainExpression' ||
        p.type === 'TSAsExpression' ||
        p.type === 'TSNonNullExpression')
    ) {
      cur = p;
      p = this.index.parent(p);
    }
    if (p?.type === 'LogicalExpression' && p.left === cur) return true;
    if ((p?.type === 'IfStatement' || p?.type === 'ConditionalExpression') && p.test === cur) return true;
    const names = p?.type === 'VariableDeclarator' ? boundNames(p.id) : [];
    if (!names.length) return false;
    for (const t of [
      ...this.index.within(scope, 'IfStatement'),
      ...this.index.within(scope, 'ConditionalExpression'),
      ...this.index.within(scope, 'LogicalExpression'),
    ]) {
      const test = t.type === 'LogicalExpression' ? t.left : t.test;
      if (t.range[0] > call.range[0] || t.range[0] < read.range[0]) continue;
      if ([...this.index.namesIn(test as Node)].some((x) => names.includes(x))) return true;
    }
    return false;
  }
}
