// Constant folding for Python: names assigned once per scope, integer arithmetic, shapes as tuples, dtypes
// (np.float32, 'float32', torch.float16), and the byte size of arrays the file creates with a literal shape.
import type { SyntaxNode } from '../parse/tree-sitter';
import type { SizeValue } from '../model/types';
// The folding core (values, unknowns, bounds) is shared with the C-family folder; Python adds its scopes and shapes.
import { MAX_FOLD_DEPTH, MAX_FOLD_STEPS, checked, known, merge, shorten, sizeValue, unknown, type Folded } from './c-constants';
import { DTYPE_BYTES } from './type-sizes';
import { callArgs } from './py-syntax';
import { children, collapse, field, type Enclosing, type NodeIndex } from './syntax';

interface PyScope {
  /** The function's start offset; -1 for the module. */
  id: number;
  values: Map<string, SyntaxNode>;
  writes: Map<string, number>;
  /** `rows, cols = a.shape`: a name bound to one element of a value that is no tuple written out. */
  unpacked: Map<string, { source: SyntaxNode; index: number }>;
  /** Every binding of each name: where (the statement, or the function for a parameter) and the value, if one. */
  sites: Map<string, Array<{ at: SyntaxNode; value: SyntaxNode | null }>>;
  /** The function (null: the module). */
  node: SyntaxNode | null;
}

/** What is known of an array expression (facts/py-arrays.ts): its shape, or at least its element count, and dtype. */
export interface PyArrayInfo {
  /** Each dimension (none for a 0-d scalar); null when only the element count is known. */
  dims: number[] | null;
  count: number | null;
  /** Bytes per element and the dtype's name, when the dtype is known. */
  item: number | null;
  itemName: string | null;
  /** nbytes: count x item, or a size known without either. */
  bytes: number | null;
}

/** What the folder asks of the file's imports and arrays (facts/py-arrays.ts answers). */
export interface PyFoldHooks {
  describe(node: SyntaxNode): PyArrayInfo | null;
  qualify(text: string): string | null;
}

/** A name's bindings in one scope, by the index of the body statement each lies in (facts of reachingValue). */
interface BindingStatements {
  statements: Array<{ start: number; end: number }>;
  sites: Array<{ k: number; at: SyntaxNode; value: SyntaxNode | null }>;
  firstPartial: number;
}

/** A function called by name, or a method called through `self` or (`__init__`) through its class's name. */
interface PyHelper {
  name: string;
  params: string[];
  defaults: Map<string, SyntaxNode>;
  node: SyntaxNode;
  /** The class of a method (its first parameter is the instance); null for a plain function. */
  cls: SyntaxNode | null;
}

export const SCOPE_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda']);
export const BINDING_TYPES: ReadonlySet<string> = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);
const PARAMETER_TYPES = new Set([
  'identifier',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'list_splat_pattern',
  'dictionary_splat_pattern',
]);

/**
 * Values by the binding a name resolves to (its own function, the functions around it, then the module; never a
 * same-named variable of another function). `at` is where the name is used or bound.
 */
export class ScopedTable<T> {
  private readonly entries = new Map<string, T>();
  private readonly counts = new Map<string, number>();
  constructor(private readonly key: (name: string, at: SyntaxNode) => string) {}
  /** How many times the binding's entry was set (once per binding statement that recorded it). */
  sets(name: string, at: SyntaxNode): number {
    return this.counts.get(this.key(name, at)) ?? 0;
  }
  get(name: string, at: SyntaxNode): T | undefined {
    return this.entries.get(this.key(name, at));
  }
  has(name: string, at: SyntaxNode): boolean {
    return this.entries.has(this.key(name, at));
  }
  set(name: string, at: SyntaxNode, value: T): void {
    const key = this.key(name, at);
    this.entries.set(key, value);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

export class PyConstantFolder {
  private readonly scopes = new Map<number, PyScope>();
  private readonly module: PyScope = { id: -1, values: new Map(), writes: new Map(), unpacked: new Map(), sites: new Map(), node: null };
  /** `self.x = …` in a class's methods: writes and the value, by class and attribute. */
  private readonly members = new Map<string, { writes: number; value: SyntaxNode | null }>();
  /** Attributes assigned on something other than `self` (obj.x = …): a member of that name may change anywhere. */
  private readonly foreignAttributes = new Set<string>();
  private steps = 0;
  /** Folded bindings: each is folded once however often it is used (chains of names stay linear). */
  private readonly memo = new Map<number | string, Folded | 'in progress'>();
  /** Functions and methods by the start of their scope: name, parameter names and defaults. */
  private readonly helpers = new Map<number, PyHelper>();
  /** How many functions of each name the file defines (methods per class), and classes of each name. */
  private readonly definedCount = new Map<string, number>();
  private readonly classes = new Map<string, SyntaxNode[]>();
  /** `x = …` in a class body: writes and the value, by class and name (`Cls.x`). */
  private readonly classAttributes = new Map<string, { writes: number; value: SyntaxNode | null }>();
  /** Where each helper is called, with how many leading parameters the call does not pass (the instance); null: unknown. */
  private readonly sites = new Map<number, Array<{ call: SyntaxNode; shift: number }> | null>();
  private readonly referenceMemo = new Map<string, SyntaxNode[]>();
  private wordOffsets: Map<string, number[]> | null = null;
  private readonly scopeChains = new Map<string, SyntaxNode[]>();
  private readonly bodies = new Map<number, Array<{ start: number; end: number }>>();
  private readonly reaching = new Map<string, BindingStatements | null>();
  /** The file's imports and arrays, when facts/py-gpu.ts gives them. */
  hooks: PyFoldHooks | null = null;
  /** nbytes of arrays whose shape and dtype are known, by the binding of their name (host or device). */
  readonly arrayBytes: ScopedTable<SizeValue>;
  /** Bytes per element of those arrays whose dtype is known (facts/py-gpu.ts fills both). */
  readonly arrayItems: ScopedTable<number>;

  constructor(
    nodes: NodeIndex,
    private readonly functions: Enclosing,
    /** The file's tree and text, to find every use of a helper's name (none: helpers are never folded). */
    private readonly source: { root: SyntaxNode; text: string } | null = null,
  ) {
    this.arrayBytes = this.table<SizeValue>();
    this.arrayItems = this.table<number>();
    for (const fn of nodes.of(SCOPE_TYPES)) {
      // Parameters are bound by every call: never one known value.
      const params = field(fn, 'parameters');
      if (!params) continue;
      const scope = this.scopeFor(fn);
      const names: string[] = [];
      const defaults = new Map<string, SyntaxNode>();
      let plain = fn.type === 'function_definition';
      for (const p of children(params)) {
        if (!PARAMETER_TYPES.has(p.type)) {
          plain = false; // `*`, `/` markers: positions no longer map one to one
          continue;
        }
        const id =
          p.type === 'identifier'
            ? p
            : p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern'
              ? p.namedChild(0)
              : (field(p, 'name') ?? p.namedChild(0));
        if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') plain = false;
        if (id?.type === 'identifier') {
          this.bindIn(scope, fn, id.text, 2, null);
          names.push(id.text);
          const value = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? field(p, 'value') : null;
          if (value) defaults.set(id.text, value);
        }
      }
      const name = fn.type === 'function_definition' ? field(fn, 'name')?.text : undefined;
      // A method's class: the function sits in the class's block (a decorated one may be a static or class method).
      const decorated = fn.parent?.type === 'decorated_definition';
      const holder = decorated ? fn.parent!.parent : fn.parent;
      const cls = holder?.type === 'block' && holder.parent?.type === 'class_definition' ? holder.parent : null;
      if (cls) this.addClass(cls);
      const key = cls ? `${cls.startIndex}:${name}` : name;
      if (key) this.definedCount.set(key, (this.definedCount.get(key) ?? 0) + 1);
      if (name && plain && !(cls && decorated)) this.helpers.set(fn.startIndex, { name, params: names, defaults, node: fn, cls });
    }
    for (const node of nodes.of(BINDING_TYPES)) {
      const body = node.parent?.type === 'expression_statement' ? node.parent.parent : null;
      const cls = body?.type === 'block' && body.parent?.type === 'class_definition' ? body.parent : null;
      if (cls) {
        // A class body binds class attributes (`Cls.x`), not names of the module or of its methods.
        this.addClass(cls);
        const left = field(node, 'left');
        if (left?.type !== 'identifier') continue;
        const key = `${cls.startIndex}:${left.text}`;
        const a = this.classAttributes.get(key);
        if (a) {
          a.writes++;
          a.value = null;
        } else this.classAttributes.set(key, { writes: node.type === 'assignment' ? 1 : 2, value: field(node, 'right') });
        continue;
      }
      if (node.type === 'assignment') {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left?.type === 'identifier') {
          const scope = this.scopeOf(node);
          this.bindIn(scope, node, left.text, 1, right);
          if (right) scope.values.set(left.text, right);
        } else if (left?.type === 'attribute') {
          this.member(node, left, right);
        } else if (left) {
          // `rows, cols = 1024, 768`: element by element when both sides are flat lists of the same length;
          // `rows, cols = a.shape`: each name is one element of the right side.
          const names = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? children(left) : [];
          const values = right && (right.type === 'expression_list' || right.type === 'tuple') ? children(right) : [];
          const scope = this.scopeOf(node);
          // `a[i, :] = …` rebinds no name: it writes into what `a` holds.
          const flat = names.length > 0 && names.length === values.length && names.every((n) => n.type === 'identifier');
          if (flat) names.forEach((n, i) => this.bindIn(scope, node, n.text, 1, values[i]!));
          else for (const id of boundNames(left)) this.bump(node, id);
          if (flat) names.forEach((n, i) => scope.values.set(n.text, values[i]!));
          else if (right && values.length === 0 && names.length > 0 && names.every((n) => n.type === 'identifier'))
            names.forEach((n, i) => scope.unpacked.set(n.text, { source: right, index: i }));
        }
      } else if (node.type === 'augmented_assignment') {
        const left = field(node, 'left');
        if (left?.type === 'identifier') this.bump(node, left.text, 2);
        else if (left?.type === 'attribute') {
          this.member(node, left, null);
          this.member(node, left, null);
        }
      } else if (node.type === 'for_statement' || node.type === 'for_in_clause') {
        const left = field(node, 'left');
        if (left) for (const id of boundNames(left)) this.bump(node, id, 2);
      }
    }
  }

  /**
   * The size facts/py-gpu.ts recorded for an array name, when every binding of the name recorded one (the last one
   * so far is then the one that reaches a use in the same order) or binds another such name of the same size (the
   * swap of double buffers, `a, b = b, a`); a name also bound to what records nothing (`ys = ys[mask]`, a loop
   * variable, a parameter) gives undefined, as the entry may be another binding's.
   */
  recordedArray(name: string, at: SyntaxNode): { size: SizeValue; item: number | undefined } | undefined {
    const size = this.arrayBytes.get(name, at);
    if (!size || !this.recordedEverywhere(name, at, size.bytes, new Set())) return undefined;
    return { size, item: this.arrayItems.get(name, at) };
  }

  private recordedEverywhere(name: string, at: SyntaxNode, bytes: number | null, seen: Set<string>): boolean {
    const scope = this.bindingScope(name, at);
    const key = `${scope.id}:${name}`;
    if (seen.has(key)) return true;
    seen.add(key);
    const writes = scope.writes.get(name) ?? 0;
    const sets = this.arrayBytes.sets(name, at);
    if (sets >= writes) return true;
    const aliases = (scope.sites.get(name) ?? []).filter((s) => s.value?.type === 'identifier');
    if (sets + aliases.length < writes) return false;
    return aliases.every(({ value }) => {
      const other = this.arrayBytes.get(value!.text, value!);
      return other !== undefined && other.bytes === bytes && this.recordedEverywhere(value!.text, value!, bytes, seen);
    });
  }

  /** A table whose entries follow this folder's scopes (see ScopedTable). */
  table<T>(): ScopedTable<T> {
    return new ScopedTable<T>((name, at) => `${this.bindingScope(name, at).id}:${name}`);
  }

  /** The scope whose binding of `name` is seen at `at`: its function, the functions around it, else the module. */
  bindingScope(name: string, at: SyntaxNode): PyScope {
    const chain = this.scopeChain(at);
    if (chain.length === 0) return this.module;
    for (const fn of chain) {
      const scope = this.scopes.get(fn.startIndex);
      if (scope?.writes.has(name)) return scope;
    }
    // Not bound in any function around it: the module's, or (bound nowhere yet) its own function's name.
    return this.module.writes.has(name) ? this.module : this.scopeFor(chain[0]!);
  }

  /** The functions around a node, innermost first; kept per node, as one node is looked up for several names. */
  private scopeChain(at: SyntaxNode): SyntaxNode[] {
    const key = `${at.startIndex}:${at.endIndex}:${at.type}`;
    let chain = this.scopeChains.get(key);
    if (!chain) {
      chain = this.functions.chain(at).filter((n) => SCOPE_TYPES.has(n.type));
      this.scopeChains.set(key, chain);
    }
    return chain;
  }

  private member(node: SyntaxNode, left: SyntaxNode, right: SyntaxNode | null): void {
    const obj = field(left, 'object');
    const attr = field(left, 'attribute')?.text;
    if (!attr) return;
    const cls = obj?.type === 'identifier' && obj.text === 'self' ? this.classOf(node) : null;
    if (!cls) {
      this.foreignAttributes.add(attr);
      return;
    }
    const key = `${cls.startIndex}:${attr}`;
    const m = this.members.get(key);
    if (m) {
      m.writes++;
      m.value = null;
    } else this.members.set(key, { writes: 1, value: right });
  }

  /** The class whose method contains a node (the method's parent block belongs to the class). */
  private classOf(node: SyntaxNode): SyntaxNode | null {
    const fn = this.functions.innermost(node, SCOPE_TYPES);
    if (!fn || fn.type !== 'function_definition') return null;
    let p = fn.parent;
    if (p?.type === 'decorated_definition') p = p.parent;
    p = p?.type === 'block' ? p.parent : null;
    return p?.type === 'class_definition' ? p : null;
  }

  private addClass(cls: SyntaxNode): void {
    const name = field(cls, 'name')?.text;
    if (!name) return;
    const list = this.classes.get(name) ?? [];
    if (!list.some((c) => c.startIndex === cls.startIndex)) list.push(cls);
    this.classes.set(name, list);
  }

  /** Every identifier of the file spelled `name` (any scope), found by its text; memoised. */
  references(name: string): SyntaxNode[] {
    const m = this.referenceMemo.get(name);
    if (m) return m;
    if (!this.wordOffsets && this.source) {
      // One pass over the text gives every word's offsets; a name's nodes are then looked up only when asked for.
      this.wordOffsets = new Map();
      for (const match of this.source.text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
        const list = this.wordOffsets.get(match[0]);
        if (list) list.push(match.index);
        else this.wordOffsets.set(match[0], [match.index]);
      }
    }
    const refs: SyntaxNode[] = [];
    for (const at of this.wordOffsets?.get(name) ?? []) {
      const node = this.source!.root.descendantForIndex(at, at + name.length);
      if (node?.type === 'identifier' && node.startIndex === at && node.text === name) refs.push(node);
    }
    this.referenceMemo.set(name, refs);
    return refs;
  }

  /**
   * Every call of a helper, or null when it may be called in a way we cannot see: a function by its name, or
   * through a dispatch dict (`table = {"a": f}; g = table[key]; g(…)`); `__init__` through its class's name; a method
   * through `self` in its own class. Any other use of the name (handed to a call, stored, a subclass) gives null.
   */
  private callSites(h: PyHelper): Array<{ call: SyntaxNode; shift: number }> | null {
    if (this.sites.has(h.node.startIndex)) return this.sites.get(h.node.startIndex)!;
    this.sites.set(h.node.startIndex, null); // a helper met again while its calls are gathered: unknown
    const r = this.gatherCallSites(h);
    this.sites.set(h.node.startIndex, r);
    return r;
  }

  private gatherCallSites(h: PyHelper): Array<{ call: SyntaxNode; shift: number }> | null {
    const sites: Array<{ call: SyntaxNode; shift: number }> = [];
    const isDefinition = (ref: SyntaxNode) =>
      (ref.parent?.type === 'function_definition' || ref.parent?.type === 'class_definition') &&
      field(ref.parent, 'name')?.startIndex === ref.startIndex;
    const calledAs = (ref: SyntaxNode) => {
      const p = ref.parent;
      return p?.type === 'call' && field(p, 'function')?.startIndex === ref.startIndex ? p : null;
    };
    if (!h.cls) {
      if (this.definedCount.get(h.name) !== 1) return null;
      for (const ref of this.references(h.name)) {
        const p = ref.parent;
        if (isDefinition(ref)) continue;
        if (p?.type === 'attribute' && field(p, 'attribute')?.startIndex === ref.startIndex) continue; // x.name: another thing
        if (p?.type === 'keyword_argument' && field(p, 'name')?.startIndex === ref.startIndex) continue;
        const call = calledAs(ref);
        if (call) {
          sites.push({ call, shift: 0 });
          continue;
        }
        const dispatched = this.dispatchCalls(ref);
        if (!dispatched) return null;
        sites.push(...dispatched.map((call) => ({ call, shift: 0 })));
      }
      return sites;
    }
    const className = field(h.cls, 'name')?.text;
    if (!className || this.classes.get(className)?.length !== 1 || this.definedCount.get(`${h.cls.startIndex}:${h.name}`) !== 1) return null;
    // A subclass (or any use of the class other than a call) may call the method with other values.
    for (const ref of this.references(className)) if (!isDefinition(ref) && !calledAs(ref)) return null;
    if (h.name === '__init__') {
      for (const ref of this.references(className)) {
        const call = calledAs(ref);
        if (call) sites.push({ call, shift: 1 });
      }
      // `Cls.__init__(obj, …)` or `self.__init__(…)` call it with other values (a base's `Base.__init__(self)` does not).
      for (const ref of this.references('__init__')) {
        const obj = ref.parent?.type === 'attribute' ? field(ref.parent, 'object')?.text : undefined;
        if (obj === className || obj === 'self') return null;
      }
      return sites;
    }
    for (const ref of this.references(h.name)) {
      const p = ref.parent;
      if (p?.type !== 'attribute' || field(p, 'attribute')?.startIndex !== ref.startIndex) continue; // a plain name is another binding
      const call = p.parent?.type === 'call' && field(p.parent, 'function')?.startIndex === p.startIndex ? p.parent : null;
      if (!call || field(p, 'object')?.text !== 'self' || !sameNode(this.classOf(call), h.cls)) return null;
      sites.push({ call, shift: 1 });
    }
    return sites;
  }

  /** `table = {"a": f, …}` bound once, used only as `table[k](…)` or `g = table[k]; g(…)`: those calls; else null. */
  private dispatchCalls(ref: SyntaxNode): SyntaxNode[] | null {
    const pair = ref.parent;
    const dict = pair?.type === 'pair' && field(pair, 'value')?.startIndex === ref.startIndex ? pair.parent : null;
    const bind = dict?.type === 'dictionary' ? dict.parent : null;
    const table = bind?.type === 'assignment' && field(bind, 'right')?.startIndex === dict!.startIndex ? field(bind, 'left') : null;
    if (table?.type !== 'identifier' || !sameNode(this.valueOf(table.text, table), dict)) return null;
    const calls: SyntaxNode[] = [];
    for (const use of this.references(table.text)) {
      if (use.startIndex === table.startIndex) continue;
      const sub = use.parent;
      if (sub?.type !== 'subscript' || field(sub, 'value')?.startIndex !== use.startIndex || !sameNode(this.valueOf(table.text, use), dict))
        return null;
      const p = sub.parent;
      if (p?.type === 'call' && field(p, 'function')?.startIndex === sub.startIndex) {
        calls.push(p);
        continue;
      }
      const alias = p?.type === 'assignment' && field(p, 'right')?.startIndex === sub.startIndex ? field(p, 'left') : null;
      if (alias?.type !== 'identifier' || !sameNode(this.valueOf(alias.text, alias), sub)) return null;
      for (const a of this.references(alias.text)) {
        if (a.startIndex === alias.startIndex) continue;
        const call = a.parent?.type === 'call' && field(a.parent, 'function')?.startIndex === a.startIndex ? a.parent : null;
        if (!call || !sameNode(this.valueOf(alias.text, a), sub)) return null;
        calls.push(call);
      }
    }
    return calls;
  }

  private bump(node: SyntaxNode, name: string, by = 1): void {
    this.bindIn(this.scopeOf(node), node, name, by, null);
  }

  private bindIn(scope: PyScope, at: SyntaxNode, name: string, writes: number, value: SyntaxNode | null): void {
    scope.writes.set(name, (scope.writes.get(name) ?? 0) + writes);
    const list = scope.sites.get(name);
    if (list) list.push({ at, value });
    else scope.sites.set(name, [{ at, value }]);
  }

  private scopeFor(fn: SyntaxNode): PyScope {
    let s = this.scopes.get(fn.startIndex);
    if (!s) {
      s = { id: fn.startIndex, values: new Map(), writes: new Map(), unpacked: new Map(), sites: new Map(), node: fn };
      this.scopes.set(fn.startIndex, s);
    }
    return s;
  }

  scopeOf(node: SyntaxNode): PyScope {
    const fn = this.scopeChain(node)[0];
    return fn ? this.scopeFor(fn) : this.module;
  }

  /**
   * The expression a name holds at `at`: its one binding in the scope it resolves to, or, in straight-line code, the
   * last of several bindings that are each a statement of the function's (or module's) own body before the one
   * holding `at` (`y = arange(n); y = y.astype(f)`). A binding in a loop, a branch or a nested function before it,
   * or a use from a nested function (which runs later), gives null.
   */
  valueOf(name: string, at: SyntaxNode): SyntaxNode | null {
    const scope = this.bindingScope(name, at);
    const writes = scope.writes.get(name);
    if (writes === 1) return scope.values.get(name) ?? null;
    return writes ? this.reachingValue(scope, name, at) : null;
  }

  private reachingValue(scope: PyScope, name: string, at: SyntaxNode): SyntaxNode | null {
    if ((this.scopeChain(at)[0]?.startIndex ?? -1) !== scope.id) return null;
    const r = this.bindingStatements(scope, name);
    if (!r) return null;
    const use = statementAt(r.statements, at.startIndex);
    if (use < 0 || r.firstPartial <= use) return null;
    // The bindings are in document order: the last one before the use's statement, past any in that statement.
    let lo = 0;
    let hi = r.sites.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r.sites[mid]!.k < use) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < r.sites.length && r.sites[i]!.k === use; i++) {
      // `y = y.astype(f)`: its right side reads the binding before it.
      const right = field(r.sites[i]!.at, 'right');
      if (!right || at.startIndex < right.startIndex || at.endIndex > right.endIndex) return null;
    }
    return lo > 0 ? r.sites[lo - 1]!.value : null;
  }

  /**
   * A name's bindings in a scope by the body statement each is (k), and the first statement holding one that is not
   * a whole `name = value` statement of the body (a loop, a branch, a parameter: -1); kept per scope and name.
   */
  private bindingStatements(scope: PyScope, name: string): BindingStatements | null {
    const key = `${scope.id}:${name}`;
    if (this.reaching.has(key)) return this.reaching.get(key)!;
    const sites = scope.sites.get(name);
    const body = scope.node ? field(scope.node, 'body') : (this.source?.root ?? null);
    let r = null;
    if (sites && body) {
      const statements = this.statementsOf(body);
      let firstPartial = Infinity;
      const out: BindingStatements['sites'] = [];
      for (const site of sites) {
        const k = statementAt(statements, site.at.startIndex);
        const s = statements[k];
        const whole = !!s && site.value !== null && site.at.type === 'assignment' && s.start === site.at.startIndex && s.end === site.at.endIndex;
        if (!whole) firstPartial = Math.min(firstPartial, k);
        out.push({ k, at: site.at, value: site.value });
      }
      r = { statements, sites: out, firstPartial };
    }
    this.reaching.set(key, r);
    return r;
  }

  /** The statements of a body, as offset ranges in order (kept per body). */
  private statementsOf(body: SyntaxNode): Array<{ start: number; end: number }> {
    let list = this.bodies.get(body.startIndex);
    if (!list) {
      list = children(body)
        .filter((c) => c.type !== 'comment')
        .map((c) => ({ start: c.startIndex, end: c.endIndex }));
      this.bodies.set(body.startIndex, list);
    }
    return list;
  }

  /** `self.n` in a method: the one value the class's methods ever give it (`self.n = 1 << 20` in __init__). */
  memberValue(node: SyntaxNode): SyntaxNode | null {
    const attr = field(node, 'attribute')?.text;
    if (!attr || this.foreignAttributes.has(attr)) return null;
    const cls = this.classOf(node);
    const m = cls ? this.members.get(`${cls.startIndex}:${attr}`) : undefined;
    return m && m.writes === 1 ? m.value : null;
  }

  /**
   * The expressions a parameter that is never rebound receives, one per call (positionally, by keyword, or the
   * default), when every call of its function or method is known (callSites); null otherwise.
   */
  parameterArguments(name: string, at: SyntaxNode): SyntaxNode[] | null {
    const scope = this.bindingScope(name, at);
    const fn = scope === this.module ? undefined : this.helpers.get(scope.id);
    if (!fn || scope.writes.get(name) !== 2) return null;
    const index = fn.params.indexOf(name);
    if (index < 0 || (fn.cls && index === 0)) return null;
    const sites = this.callSites(fn);
    if (!sites || sites.length === 0) return null;
    const args: SyntaxNode[] = [];
    for (const { call, shift } of sites) {
      const a = callArgs(call);
      if (a.positional.some((x) => x.type === 'list_splat' || x.type === 'dictionary_splat') || a.positional.length + shift > fn.params.length)
        return null;
      const arg = a.positional[index - shift] ?? a.keywords.get(name) ?? fn.defaults.get(name);
      if (!arg) return null;
      args.push(arg);
    }
    return args;
  }

  /** A parameter's value when every call passes the same one: `def alloc(n): cp.zeros(n)` called `alloc(1 << 20)`. */
  private parameterValue(name: string, at: SyntaxNode, depth: number): Folded {
    const key = `param:${this.bindingScope(name, at).id}:${name}`;
    const m = this.memo.get(key);
    if (m === 'in progress') return unknown(name);
    if (m) return m;
    this.memo.set(key, 'in progress');
    const r = ((): Folded => {
      const args = this.parameterArguments(name, at);
      if (!args) return unknown(name);
      let value: number | null = null;
      for (const arg of args) {
        const v = this.evaluate(arg, depth + 1);
        if (v.value === null) return v.reason ? v : unknown(name);
        if (value !== null && v.value !== value) return unknown(name);
        value = v.value;
      }
      return value === null ? unknown(name) : known(value);
    })();
    this.memo.set(key, r);
    return r;
  }

  /** `rows, cols = a.shape` bound once: the element's value (a dimension of an array of known shape). */
  private unpackedValue(name: string, at: SyntaxNode): Folded | null {
    const scope = this.bindingScope(name, at);
    const u = scope.writes.get(name) === 1 ? scope.unpacked.get(name) : undefined;
    if (!u) return null;
    const dims = this.shapeOf(u.source);
    const v = dims?.[u.index];
    return v === undefined ? unknown(name) : known(v);
  }

  /** The dimensions of `a.shape` for an array of known shape. */
  private shapeOf(node: SyntaxNode): number[] | null {
    if (node.type !== 'attribute' || field(node, 'attribute')?.text !== 'shape') return null;
    const obj = field(node, 'object');
    return obj ? (this.hooks?.describe(obj)?.dims ?? null) : null;
  }

  /** `Cls.x` for a class of the file whose body binds x once and whose instances never set it. */
  private classAttribute(node: SyntaxNode): SyntaxNode | null {
    const obj = field(node, 'object');
    const attr = field(node, 'attribute')?.text;
    const cls = obj?.type === 'identifier' ? this.classes.get(obj.text) : undefined;
    if (!attr || !cls || cls.length !== 1 || this.foreignAttributes.has(attr) || this.members.has(`${cls[0]!.startIndex}:${attr}`)) return null;
    const a = this.classAttributes.get(`${cls[0]!.startIndex}:${attr}`);
    return a && a.writes === 1 ? a.value : null;
  }

  /** Folds a bound value once; a binding met again while it is folded (a cycle) is unknown. */
  private memoised(value: SyntaxNode, name: string, depth: number): Folded {
    const m = this.memo.get(value.id);
    if (m === 'in progress') return unknown(name);
    if (m) return m;
    this.memo.set(value.id, 'in progress');
    const r = this.evaluate(value, depth + 1);
    this.memo.set(value.id, r);
    return r;
  }

  evaluate(node: SyntaxNode, depth = 0): Folded {
    if (depth > MAX_FOLD_DEPTH || ++this.steps > MAX_FOLD_STEPS)
      return { value: null, unknowns: [shorten(collapse(node.text.slice(0, 200)))], reason: 'too deep' };
    const ev = (n: SyntaxNode | null) => (n ? this.evaluate(n, depth + 1) : unknown('?'));
    switch (node.type) {
      case 'integer': {
        const t = node.text.replace(/_/g, '').toLowerCase().replace(/[lj]$/, '');
        const v = t.startsWith('0x')
          ? parseInt(t.slice(2), 16)
          : t.startsWith('0b')
            ? parseInt(t.slice(2), 2)
            : t.startsWith('0o')
              ? parseInt(t.slice(2), 8)
              : Number(t);
        return Number.isNaN(v) ? unknown(node.text) : checked(v, node.text);
      }
      case 'float': {
        const v = Number(node.text.replace(/_/g, ''));
        return Number.isNaN(v) ? unknown(node.text) : checked(v, node.text);
      }
      case 'true':
        return known(1);
      case 'false':
        return known(0);
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? ev(node.namedChild(0)) : unknown(collapse(node.text));
      case 'identifier': {
        const v = this.valueOf(node.text, node);
        if (!v) return this.unpackedValue(node.text, node) ?? this.parameterValue(node.text, node, depth);
        return this.memoised(v, node.text, depth);
      }
      case 'subscript': {
        // `a.shape[0]`, `a.shape[-1]`: a dimension of an array of known shape.
        const dims = this.shapeOf(field(node, 'value') ?? node);
        const index = children(node).slice(1);
        if (dims && index.length === 1) {
          const i = ev(index[0]!).value;
          const d = i !== null && Number.isInteger(i) ? dims[i < 0 ? dims.length + i : i] : undefined;
          if (d !== undefined) return known(d);
        }
        return unknown(collapse(node.text));
      }
      case 'unary_operator': {
        const a = ev(field(node, 'argument'));
        const op = field(node, 'operator')?.text ?? node.child(0)?.text;
        if (a.value === null) return a;
        if (op === '-') return known(-a.value);
        if (op === '+') return a;
        if (op === '~') return Number.isInteger(a.value) ? checked(-a.value - 1, node.text) : unknown(collapse(node.text));
        return unknown(collapse(node.text));
      }
      case 'binary_operator': {
        const l = ev(field(node, 'left'));
        const r = ev(field(node, 'right'));
        const op = field(node, 'operator')?.text ?? node.child(1)?.text;
        if (l.value === null || r.value === null) return merge(l, r);
        const a = l.value;
        const b = r.value;
        const bothInt = Number.isInteger(a) && Number.isInteger(b);
        let v: number | null;
        switch (op) {
          case '+':
            v = a + b;
            break;
          case '-':
            v = a - b;
            break;
          case '*':
            v = a * b;
            break;
          case '/':
            v = b === 0 ? null : a / b;
            break;
          case '//':
            v = b === 0 ? null : Math.floor(a / b);
            break;
          case '%':
            v = b === 0 ? null : ((a % b) + b) % b;
            break;
          case '**':
            v = b < 0 && a === 0 ? null : a ** b;
            break;
          case '<<':
            v = bothInt && b >= 0 ? (b < 1100 ? a * 2 ** b : Infinity) : null;
            break;
          case '>>':
            v = bothInt && b >= 0 ? Math.floor(a / 2 ** b) : null;
            break;
          default:
            v = null;
        }
        return v === null ? unknown(collapse(node.text)) : checked(v, node.text);
      }
      case 'call': {
        const fn = field(node, 'function')?.text;
        const args = children(field(node, 'arguments') ?? node);
        if ((fn === 'int' || fn === 'round') && args.length === 1) {
          const v = ev(args[0]!);
          return v.value === null ? v : known(fn === 'round' ? Math.round(v.value) : Math.trunc(v.value));
        }
        const q = fn && this.hooks ? this.hooks.qualify(fn) : null;
        if ((q === 'math.ceil' || q === 'math.floor' || q === 'numpy.ceil' || q === 'numpy.floor') && args.length === 1) {
          const v = ev(args[0]!);
          return v.value === null ? v : known(q.endsWith('ceil') ? Math.ceil(v.value) : Math.floor(v.value));
        }
        if (fn === 'len' && args.length === 1) {
          const d = this.hooks?.describe(args[0]!)?.dims?.[0];
          return d === undefined ? unknown(collapse(node.text)) : known(d);
        }
        if ((fn === 'min' || fn === 'max') && args.length >= 2) {
          const vs = args.map(ev);
          if (vs.some((v) => v.value === null)) return merge(...vs);
          const nums = vs.map((v) => v.value!);
          return known(fn === 'min' ? Math.min(...nums) : Math.max(...nums));
        }
        return unknown(collapse(node.text));
      }
      case 'attribute': {
        // a.nbytes for arrays the file created with a known shape
        const obj = field(node, 'object');
        const attr = field(node, 'attribute')?.text;
        if (attr === 'nbytes' && obj?.type === 'identifier') {
          const size = this.recordedArray(obj.text, node)?.size;
          if (size?.bytes != null) return known(size.bytes);
        }
        // a.size (elements) and a.itemsize / a.dtype.itemsize, for arrays of known size and dtype
        const array = attr === 'itemsize' && obj?.type === 'attribute' && field(obj, 'attribute')?.text === 'dtype' ? field(obj, 'object') : obj;
        if ((attr === 'size' || attr === 'itemsize') && array?.type === 'identifier') {
          const recorded = this.recordedArray(array.text, node);
          const size = recorded?.size;
          const item = recorded?.item;
          if (item && attr === 'itemsize') return known(item);
          if (item && size?.bytes != null && size.bytes % item === 0) return known(size.bytes / item);
        }
        if (obj?.type === 'identifier' && obj.text === 'self') {
          const v = this.memberValue(node);
          if (v) return this.memoised(v, collapse(node.text), depth);
        }
        // The same of any array expression whose shape or dtype facts/py-arrays.ts knows (a parameter, `x[k]`, a call).
        if ((attr === 'nbytes' || attr === 'size' || attr === 'itemsize') && array && this.hooks) {
          const info = this.hooks.describe(array);
          const v = attr === 'nbytes' ? info?.bytes : attr === 'size' ? info?.count : info?.item;
          if (v != null) return known(v);
        }
        const classValue = this.classAttribute(node);
        if (classValue) return this.memoised(classValue, collapse(node.text), depth);
        return unknown(collapse(node.text));
      }
      default:
        return unknown(collapse(node.text));
    }
  }

  /** Number of elements of a shape argument: an int, or a tuple/list of ints. */
  elementCount(shape: SyntaxNode): Folded {
    const dims = this.shapeOf(shape);
    if (dims) return known(dims.reduce((p, d) => p * d, 1));
    let node = shape;
    for (let hops = 0; hops < 8; hops++) {
      // A shape held in a name (`shape = (1024, 1024)`) or a member (`self.shape`), possibly through another name.
      const v =
        node.type === 'identifier'
          ? this.valueOf(node.text, node)
          : node.type === 'attribute' && field(node, 'object')?.text === 'self'
            ? this.memberValue(node)
            : null;
      if (
        !v ||
        !(v.type === 'tuple' || v.type === 'list' || v.type === 'identifier' || v.type === 'attribute' || v.type === 'parenthesized_expression')
      )
        break;
      node = v;
    }
    if (node.type === 'tuple' || node.type === 'list' || (node.type === 'parenthesized_expression' && node.namedChild(0)?.type === 'tuple')) {
      const items = node.type === 'parenthesized_expression' ? children(node.namedChild(0)!) : children(node);
      let product = 1;
      const missing: Folded[] = [];
      for (const item of items) {
        const v = this.evaluate(item);
        if (v.value === null) missing.push(v);
        else product *= v.value;
      }
      return missing.length ? merge(...missing) : checked(product, shape.text);
    }
    return this.evaluate(node);
  }

  /** Item size of a dtype expression: np.float32, cp.float16, torch.half, 'float32', float, int. */
  dtypeBytes(node: SyntaxNode | null, fallback: string, depth = 0): { bytes: number | null; name: string } {
    // A dtype held in a name (`dtype = numpy.float32`): the value bound to it in this scope (a short chain only).
    if (
      node?.type === 'identifier' &&
      depth < 8 &&
      !/^(float|int|bool)$/.test(node.text) &&
      !Object.prototype.hasOwnProperty.call(DTYPE_BYTES, node.text)
    ) {
      const bound = this.valueOf(node.text, node);
      if (bound) return this.dtypeBytes(bound, fallback, depth + 1);
    }
    if (!node) return { bytes: Object.prototype.hasOwnProperty.call(DTYPE_BYTES, fallback) ? DTYPE_BYTES[fallback]! : null, name: fallback };
    let text = node.text.replace(/^['"]|['"]$/g, '');
    if (node.type === 'identifier' && text === 'float') text = 'float64';
    else if (node.type === 'identifier' && text === 'int') text = 'int64';
    else if (node.type === 'identifier' && text === 'bool') text = 'bool';
    const name = text.split('.').pop()!;
    const vector = /(?:^|\.)vec\.([a-z]+?)([1-4])$/.exec(text);
    if (vector) return { bytes: pycudaVectorBytes(vector[1]!, Number(vector[2])), name };
    const bytes = Object.prototype.hasOwnProperty.call(DTYPE_BYTES, name) ? DTYPE_BYTES[name]! : null;
    return { bytes, name };
  }

  /** Bytes of an array from its shape and dtype expressions. */
  arraySize(shape: SyntaxNode | null, dtype: SyntaxNode | null, fallbackDtype: string, exprText: string): SizeValue {
    if (!shape) return { expr: exprText, bytes: null, unknowns: ['shape'] };
    const count = this.elementCount(shape);
    const item = this.dtypeBytes(dtype, fallbackDtype);
    const expr = `${collapse(shape.text)} x ${item.name}`;
    if (count.value === null && count.reason) return sizeValue(expr, count);
    if (count.value === null || item.bytes === null) {
      return { expr, bytes: null, unknowns: [...count.unknowns, ...(item.bytes === null ? [`dtype ${item.name}`] : [])] };
    }
    return sizeValue(expr, count, item.bytes);
  }

  /** A size argument given directly in bytes. */
  size(node: SyntaxNode | null): SizeValue {
    if (!node) return { expr: '?', bytes: null, unknowns: ['?'] };
    return sizeValue(collapse(node.text), this.evaluate(node));
  }
}

/** The index of the statement holding an offset (statements in order), or -1. */
function statementAt(statements: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Two handles of one node (tree-sitter hands out a new object on every access). */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** The names a binding target rebinds: `a`, `a, (b, *c)`; not those of `a[i]` or `obj.x` (those write into a value). */
function boundNames(node: SyntaxNode): string[] {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'subscript' || node.type === 'attribute') return [];
  return children(node).flatMap(boundNames);
}

/**
 * PyCUDA's vector dtypes (`gpuarray.vec.float3`): NumPy structured dtypes of `count` fields of the base type, with no
 * padding (pycuda/gpuarray.py, _create_vector_types, read 2026-12-04 in the inducer/pycuda mirror). `long` is the
 * 64-bit platform's int64 (LP64, as the rest of the folding assumes).
 */
function pycudaVectorBytes(base: string, count: number): number | null {
  const size: Record<string, number> = {
    char: 1,
    uchar: 1,
    short: 2,
    ushort: 2,
    int: 4,
    uint: 4,
    long: 8,
    ulong: 8,
    longlong: 8,
    ulonglong: 8,
    float: 4,
    double: 8,
  };
  return Object.prototype.hasOwnProperty.call(size, base) ? size[base]! * count : null;
}
