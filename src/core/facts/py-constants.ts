// Constant folding for Python: names assigned once per scope, integer arithmetic, shapes as tuples, dtypes
// (np.float32, 'float32', torch.float16), and the byte size of arrays the file creates with a literal shape.
import type { SyntaxNode } from '../parse/tree-sitter';
import type { SizeValue } from '../model/types';
// The folding core (values, unknowns, bounds) is shared with the C-family folder; Python adds its scopes and shapes.
import { MAX_FOLD_DEPTH, MAX_FOLD_STEPS, checked, known, merge, shorten, sizeValue, unknown, type Folded } from './c-constants';
import { DTYPE_BYTES } from './type-sizes';
import { callArgs } from './py-syntax';
import { children, collapse, field, walk, type Enclosing, type NodeIndex } from './syntax';

interface PyScope {
  /** The function's start offset; -1 for the module. */
  id: number;
  values: Map<string, SyntaxNode>;
  writes: Map<string, number>;
}

export const SCOPE_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda']);
export const BINDING_TYPES: ReadonlySet<string> = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);
const IDENTIFIER = new Set(['identifier']);
const CALL_TYPES: ReadonlySet<string> = new Set(['call']);
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
  constructor(private readonly key: (name: string, at: SyntaxNode) => string) {}
  get(name: string, at: SyntaxNode): T | undefined {
    return this.entries.get(this.key(name, at));
  }
  has(name: string, at: SyntaxNode): boolean {
    return this.entries.has(this.key(name, at));
  }
  set(name: string, at: SyntaxNode, value: T): void {
    this.entries.set(this.key(name, at), value);
  }
}

export class PyConstantFolder {
  private readonly scopes = new Map<number, PyScope>();
  private readonly module: PyScope = { id: -1, values: new Map(), writes: new Map() };
  /** `self.x = …` in a class's methods: writes and the value, by class and attribute. */
  private readonly members = new Map<string, { writes: number; value: SyntaxNode | null }>();
  /** Attributes assigned on something other than `self` (obj.x = …): a member of that name may change anywhere. */
  private readonly foreignAttributes = new Set<string>();
  private steps = 0;
  /** Folded bindings: each is folded once however often it is used (chains of names stay linear). */
  private readonly memo = new Map<number | string, Folded | 'in progress'>();
  /** Plain functions by the start of their scope: name, parameter names and defaults (helpers called by name). */
  private readonly helpers = new Map<number, { name: string; params: string[]; defaults: Map<string, SyntaxNode> }>();
  /** How many functions of each name the file defines, and the calls of each plain name. */
  private readonly definedCount = new Map<string, number>();
  private readonly callsByName = new Map<string, SyntaxNode[]>();
  private readonly allCalls: SyntaxNode[] = [];
  /** Helpers handed to another call as a value (`Thread(target=work)`, `map(work, xs)`): called with what we cannot see. */
  private escaped: Set<string> | null = null;
  /** nbytes of arrays whose shape and dtype are known, by the binding of their name (host or device). */
  readonly arrayBytes: ScopedTable<SizeValue>;
  /** Bytes per element of those arrays whose dtype is known (facts/py-gpu.ts fills both). */
  readonly arrayItems: ScopedTable<number>;

  constructor(
    nodes: NodeIndex,
    private readonly functions: Enclosing,
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
          scope.writes.set(id.text, (scope.writes.get(id.text) ?? 0) + 2);
          names.push(id.text);
          const value = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? field(p, 'value') : null;
          if (value) defaults.set(id.text, value);
        }
      }
      const name = fn.type === 'function_definition' ? field(fn, 'name')?.text : undefined;
      if (name) this.definedCount.set(name, (this.definedCount.get(name) ?? 0) + 1);
      if (name && plain) this.helpers.set(fn.startIndex, { name, params: names, defaults });
    }
    for (const call of nodes.of(CALL_TYPES)) {
      this.allCalls.push(call);
      const fn = field(call, 'function');
      if (fn?.type !== 'identifier') continue;
      let list = this.callsByName.get(fn.text);
      if (!list) this.callsByName.set(fn.text, (list = []));
      list.push(call);
    }
    for (const node of nodes.of(BINDING_TYPES)) {
      if (node.type === 'assignment') {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left?.type === 'identifier') {
          const scope = this.scopeOf(node);
          scope.writes.set(left.text, (scope.writes.get(left.text) ?? 0) + 1);
          if (right) scope.values.set(left.text, right);
        } else if (left?.type === 'attribute') {
          this.member(node, left, right);
        } else if (left) {
          // `rows, cols = 1024, 768`: element by element when both sides are flat lists of the same length.
          const names = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? children(left) : [];
          const values = right && (right.type === 'expression_list' || right.type === 'tuple') ? children(right) : [];
          const scope = this.scopeOf(node);
          for (const id of identifiersIn(left)) this.bump(node, id);
          if (names.length > 0 && names.length === values.length && names.every((n) => n.type === 'identifier'))
            names.forEach((n, i) => scope.values.set(n.text, values[i]!));
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
        if (left) for (const id of identifiersIn(left)) this.bump(node, id, 2);
      }
    }
  }

  /** A table whose entries follow this folder's scopes (see ScopedTable). */
  table<T>(): ScopedTable<T> {
    return new ScopedTable<T>((name, at) => `${this.bindingScope(name, at).id}:${name}`);
  }

  /** The scope whose binding of `name` is seen at `at`: its function, the functions around it, else the module. */
  bindingScope(name: string, at: SyntaxNode): PyScope {
    const own = this.functions.innermost(at, SCOPE_TYPES);
    if (!own) return this.module;
    for (const fn of this.functions.chain(at)) {
      if (!SCOPE_TYPES.has(fn.type)) continue;
      const scope = this.scopes.get(fn.startIndex);
      if (scope?.writes.has(name)) return scope;
    }
    // Not bound in any function around it: the module's, or (bound nowhere yet) its own function's name.
    return this.module.writes.has(name) ? this.module : this.scopeFor(own);
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

  private bump(node: SyntaxNode, name: string, by = 1): void {
    const scope = this.scopeOf(node);
    scope.writes.set(name, (scope.writes.get(name) ?? 0) + by);
  }

  private scopeFor(fn: SyntaxNode): PyScope {
    let s = this.scopes.get(fn.startIndex);
    if (!s) {
      s = { id: fn.startIndex, values: new Map(), writes: new Map() };
      this.scopes.set(fn.startIndex, s);
    }
    return s;
  }

  scopeOf(node: SyntaxNode): PyScope {
    const fn = this.functions.innermost(node, SCOPE_TYPES);
    return fn ? this.scopeFor(fn) : this.module;
  }

  /** The single expression a name was bound to, when it is bound exactly once in the scope it resolves to. */
  valueOf(name: string, at: SyntaxNode): SyntaxNode | null {
    const scope = this.bindingScope(name, at);
    return scope.writes.get(name) === 1 ? (scope.values.get(name) ?? null) : null;
  }

  /** `self.n` in a method: the one value the class's methods ever give it (`self.n = 1 << 20` in __init__). */
  private memberValue(node: SyntaxNode): SyntaxNode | null {
    const attr = field(node, 'attribute')?.text;
    if (!attr || this.foreignAttributes.has(attr)) return null;
    const cls = this.classOf(node);
    const m = cls ? this.members.get(`${cls.startIndex}:${attr}`) : undefined;
    return m && m.writes === 1 ? m.value : null;
  }

  /**
   * A parameter of a plain function that is never rebound, when every call of the function by name passes the same
   * value (positionally, by keyword, or by leaving the default): `def alloc(n): cp.zeros(n)` called `alloc(1 << 20)`.
   */
  private parameterValue(name: string, at: SyntaxNode, depth: number): Folded {
    const scope = this.bindingScope(name, at);
    const fn = scope === this.module ? undefined : this.helpers.get(scope.id);
    if (!fn || scope.writes.get(name) !== 2 || this.definedCount.get(fn.name) !== 1 || this.escapedHelpers().has(fn.name)) return unknown(name);
    const index = fn.params.indexOf(name);
    if (index < 0) return unknown(name);
    const key = `param:${scope.id}:${name}`;
    const m = this.memo.get(key);
    if (m === 'in progress') return unknown(name);
    if (m) return m;
    this.memo.set(key, 'in progress');
    const r = ((): Folded => {
      const calls = this.callsByName.get(fn.name) ?? [];
      if (calls.length === 0) return unknown(name);
      let value: number | null = null;
      for (const call of calls) {
        const args = callArgs(call);
        if (args.positional.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat') || args.positional.length > fn.params.length)
          return unknown(name);
        const arg = args.positional[index] ?? args.keywords.get(name) ?? fn.defaults.get(name);
        if (!arg) return unknown(name);
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

  private escapedHelpers(): Set<string> {
    if (this.escaped) return this.escaped;
    const names = new Set([...this.helpers.values()].map((h) => h.name));
    const escaped = new Set<string>();
    for (const call of this.allCalls) {
      const args = callArgs(call);
      for (const a of [...args.positional, ...args.keywords.values()]) if (a.type === 'identifier' && names.has(a.text)) escaped.add(a.text);
    }
    this.escaped = escaped;
    return escaped;
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
        if (!v) return this.parameterValue(node.text, node, depth);
        return this.memoised(v, node.text, depth);
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
          const size = this.arrayBytes.get(obj.text, node);
          if (size?.bytes != null) return known(size.bytes);
        }
        // a.size (elements) and a.itemsize / a.dtype.itemsize, for arrays of known size and dtype
        const array = attr === 'itemsize' && obj?.type === 'attribute' && field(obj, 'attribute')?.text === 'dtype' ? field(obj, 'object') : obj;
        if ((attr === 'size' || attr === 'itemsize') && array?.type === 'identifier') {
          const size = this.arrayBytes.get(array.text, node);
          const item = this.arrayItems.get(array.text, node);
          if (item && attr === 'itemsize') return known(item);
          if (item && size?.bytes != null && size.bytes % item === 0) return known(size.bytes / item);
        }
        if (obj?.type === 'identifier' && obj.text === 'self') {
          const v = this.memberValue(node);
          if (v) return this.memoised(v, collapse(node.text), depth);
        }
        return unknown(collapse(node.text));
      }
      default:
        return unknown(collapse(node.text));
    }
  }

  /** Number of elements of a shape argument: an int, or a tuple/list of ints. */
  elementCount(shape: SyntaxNode): Folded {
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

function identifiersIn(node: SyntaxNode): string[] {
  const names: string[] = [];
  walk(
    node,
    (n) => {
      if (n.parent?.type !== 'attribute') names.push(n.text);
    },
    IDENTIFIER,
  );
  return names;
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
