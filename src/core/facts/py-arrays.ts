// What a Python array expression holds: its shape (or element count) and dtype, read from the expression and the
// bindings behind it (a name bound once, a member, a parameter every call passes the same array, one element of a
// list of same-sized arrays). Anything not read exactly is null: a size stays unknown rather than guessed.
import type { SyntaxNode } from '../parse/tree-sitter';
import { callArgs } from './py-syntax';
import { children, collapse, field } from './syntax';
import { DEFAULT_DTYPE } from './type-sizes';
import { sameNode, type PyArrayInfo, type PyConstantFolder } from './py-constants';

/** NumPy / CuPy creators whose first argument (or keyword `shape`) is the shape. */
export const CREATORS = /^(zeros|ones|empty|full|arange|rand|randn|randint|random|zeros_like|ones_like|empty_like|full_like|linspace|eye|identity)$/;

/**
 * A sampler of `numpy.random` / `cupy.random` that returns an array (`rand`, `normal`, `choice`), not a generator,
 * bit generator or state call (`Generator`, `XORWOW(seed)`, `default_rng(seed)`, `seed(0)`): their argument is no shape.
 */
export function randomArray(q: string, lib: string): boolean {
  if (!q.startsWith(`${lib}.random.`)) return false;
  const fn = q.slice(lib.length + '.random.'.length);
  return (
    /^[a-z]/.test(fn) &&
    !fn.includes('.') &&
    !/^(seed|default_rng|get_random_state|set_random_state|reset_states|get_state|set_state|bit_generator)$/.test(fn)
  );
}

/** Python scalars in an array literal, by NumPy's promotion order; their default dtypes on a 64-bit platform. */
const SCALAR_KINDS = ['bool', 'int', 'float', 'complex'] as const;
type ScalarKind = (typeof SCALAR_KINDS)[number];
const SCALAR_DTYPE: Readonly<Record<ScalarKind, { item: number; name: string }>> = {
  bool: { item: 1, name: 'bool' },
  int: { item: 8, name: 'int64' },
  float: { item: 8, name: 'float64' },
  complex: { item: 16, name: 'complex128' },
};
const ELEMENTWISE = new Set(['+', '-', '*', '/', '//', '%', '**', '&', '|', '^']);
const COMPARISON = new Set(['<', '>', '<=', '>=', '==', '!=']);
/** Uploads and copies that keep their source's shape and dtype (PyCUDA, CuPy, Numba, PyOpenCL). */
const SAME_AS_SOURCE =
  /^(pycuda\.gpuarray\.(to_gpu|to_gpu_async)|cupy\.(asarray|array|ascontiguousarray|copy)|numba\.cuda\.to_device|numpy\.(copy|ascontiguousarray))$/;
const MAX_DEPTH = 64;

const info = (dims: number[] | null, count: number | null, item: number | null, itemName: string | null): PyArrayInfo => ({
  dims,
  count,
  item,
  itemName,
  bytes: count !== null && item !== null ? count * item : null,
});
const product = (dims: number[]) => dims.reduce((p, d) => p * d, 1);
const ofDims = (dims: number[], item: number | null, itemName: string | null) => info(dims, product(dims), item, itemName);

export class PyArrayReader {
  private readonly memo = new Map<number, PyArrayInfo | null | 'in progress'>();
  private depth = 0;

  constructor(
    private readonly folder: PyConstantFolder,
    private readonly qualify: (text: string) => string | null,
  ) {}

  /** The shape and dtype of an array expression, or null when they are not known exactly. */
  describe(node: SyntaxNode): PyArrayInfo | null {
    const m = this.memo.get(node.id);
    if (m === 'in progress') return null;
    if (m !== undefined) return m;
    if (this.depth >= MAX_DEPTH) return null;
    this.memo.set(node.id, 'in progress');
    this.depth++;
    let r: PyArrayInfo | null;
    try {
      r = this.read(node);
    } finally {
      this.depth--;
    }
    this.memo.set(node.id, r);
    return r;
  }

  private read(node: SyntaxNode): PyArrayInfo | null {
    switch (node.type) {
      case 'parenthesized_expression': {
        const inner = children(node).filter((c) => c.type !== 'comment');
        return inner.length === 1 ? this.describe(inner[0]!) : null;
      }
      case 'identifier':
        return this.name(node);
      case 'attribute': {
        const obj = field(node, 'object');
        const attr = field(node, 'attribute')?.text;
        if (obj?.text === 'self') {
          const v = this.folder.memberValue(node);
          return v ? this.describe(v) : null;
        }
        if (attr === 'T' && obj) {
          const a = this.describe(obj);
          return a?.dims ? ofDims([...a.dims].reverse(), a.item, a.itemName) : null;
        }
        return null;
      }
      case 'call':
        return this.call(node);
      case 'subscript':
        return this.subscript(node);
      case 'unary_operator': {
        const arg = field(node, 'argument');
        return arg ? this.describe(arg) : null;
      }
      case 'binary_operator':
        return this.elementwise(node);
      default:
        return null;
    }
  }

  /** A name: the value it is bound to once, the arrays its callers pass, else the size facts/py-gpu.ts recorded. */
  private name(node: SyntaxNode): PyArrayInfo | null {
    const v = this.folder.valueOf(node.text, node);
    if (v) return this.describe(v);
    const args = this.folder.parameterArguments(node.text, node);
    if (args) return this.same(args.map((a) => this.describe(a)));
    const recorded = this.folder.recordedArray(node.text, node);
    const size = recorded?.size;
    const item = recorded?.item ?? null;
    if (size?.bytes == null) return null;
    return { dims: null, count: item && size.bytes % item === 0 ? size.bytes / item : null, item, itemName: null, bytes: size.bytes };
  }

  /** The one description several values share, or null when any is unknown or they differ. */
  private same(all: Array<PyArrayInfo | null>): PyArrayInfo | null {
    const first = all[0];
    if (!first) return null;
    for (const a of all) {
      if (!a || a.count !== first.count || a.item !== first.item || a.bytes !== first.bytes) return null;
      if (String(a.dims) !== String(first.dims)) return null;
    }
    return first;
  }

  private call(node: SyntaxNode): PyArrayInfo | null {
    const fnNode = field(node, 'function');
    if (!fnNode) return null;
    const a = callArgs(node);
    if (fnNode.type === 'attribute') {
      const method = field(fnNode, 'attribute')?.text;
      const obj = field(fnNode, 'object');
      const q = dotted(fnNode) ? this.qualify(fnNode.text) : null;
      if (!q && obj) {
        // Methods of an array: a cast, copies, flattening, a reshape, PyCUDA/CuPy's get() back to the host.
        if (method === 'astype') {
          const base = this.describe(obj);
          const to = this.dtype(a.positional[0] ?? a.keywords.get('dtype') ?? null);
          return base && to ? info(base.dims, base.count, to.item, to.name) : null;
        }
        if (method === 'copy' || method === 'get') return a.positional.length === 0 ? this.describe(obj) : null;
        if (method === 'flatten' || method === 'ravel') {
          const base = this.describe(obj);
          return base?.count != null ? info([base.count], base.count, base.item, base.itemName) : null;
        }
        if (method === 'reshape') {
          const base = this.describe(obj);
          return base ? this.reshaped(base, a.positional.length === 1 ? a.positional[0]! : null, a.positional) : null;
        }
        return null;
      }
    }
    const q = dotted(fnNode) ? this.qualify(fnNode.text) : null;
    if (!q) return null;
    const lib = q.split('.')[0]!;
    const fn = q.split('.').pop()!;
    if (SAME_AS_SOURCE.test(q)) return a.positional[0] ? this.describe(a.positional[0]) : null;
    if (lib !== 'numpy' && lib !== 'cupy' && !/^pycuda\.gpuarray\.(zeros|empty|ones)$/.test(q)) return null;
    if (fn === 'ravel' || fn === 'resize' || fn === 'array' || fn === 'asarray') {
      const src = a.positional[0];
      const base = src ? (this.literal(src) ?? this.describe(src)) : null;
      if (!base) return null;
      if (fn === 'ravel') return base.count !== null ? info([base.count], base.count, base.item, base.itemName) : null;
      if (fn === 'resize') {
        const dims = a.positional[1] ? this.dims(a.positional[1]) : null;
        return dims ? ofDims(dims, base.item, base.itemName) : null;
      }
      const dtypeNode = a.keywords.get('dtype') ?? a.positional[1] ?? null;
      const to = dtypeNode ? this.dtype(dtypeNode) : { item: base.item, name: base.itemName };
      return to ? info(base.dims, base.count, to.item, to.name) : null;
    }
    if (fn === 'arange') return this.arange(a);
    if (CREATORS.test(fn) || randomArray(q, lib)) return this.creator(q, fn, a);
    // `numpy.uintp(0)`: a 0-d value of that dtype; `numpy.float32(a)` of an array: the array cast (not the removed
    // aliases of Python's int and float).
    const scalar = this.folder.dtypeBytes(fnNode, DEFAULT_DTYPE.numpy);
    if (lib !== 'numpy' || /^(int|float)$/.test(fn) || scalar.bytes === null || a.positional.length > 1 || a.keywords.size > 0) return null;
    const arg = a.positional[0];
    if (!arg || this.scalarKind(arg) || this.numericName(arg)) return info([], 1, scalar.bytes, scalar.name);
    const base = this.describe(arg);
    return base ? info(base.dims, base.count, scalar.bytes, scalar.name) : null;
  }

  /** zeros/ones/empty/full(shape, …), the `_like` forms, rand/randn(d0, d1, …), random samplers (size=). */
  private creator(q: string, fn: string, a: ReturnType<typeof callArgs>): PyArrayInfo | null {
    const dtypeNode = a.keywords.get('dtype') ?? null;
    if (/_like$/.test(fn)) {
      const base = a.positional[0] ? this.describe(a.positional[0]) : null;
      const to = dtypeNode ? this.dtype(dtypeNode) : base ? { item: base.item, name: base.itemName } : null;
      return base && to ? info(base.dims, base.count, to.item, to.name) : null;
    }
    let dims: number[] | null;
    let dtype: SyntaxNode | null = dtypeNode;
    if (/^(rand|randn)$/.test(fn)) dims = this.numbers(a.positional);
    else if (/^(zeros|ones|empty|full)$/.test(fn)) {
      const shape = a.positional[0] ?? a.keywords.get('shape');
      dims = shape ? this.dims(shape) : null;
      dtype ??= fn === 'full' ? null : (a.positional[1] ?? null);
      if (fn === 'full' && !dtype) return dims ? info(dims, product(dims), null, null) : null;
    } else if (randomArray(q, q.split('.')[0]!)) {
      const size = a.keywords.get('size');
      dims = size ? this.dims(size) : null;
    } else return null;
    const to = this.dtype(dtype);
    return dims && to ? ofDims(dims, to.item, to.name) : null;
  }

  /** arange(stop) / arange(start, stop[, step]): ceil((stop - start) / step) elements, as NumPy computes the length. */
  private arange(a: ReturnType<typeof callArgs>): PyArrayInfo | null {
    const v = this.numbers(a.positional.slice(0, 3));
    if (!v || v.length === 0) return null;
    const [start, stop, step] = v.length === 1 ? [0, v[0]!, 1] : [v[0]!, v[1]!, v[2] ?? 1];
    if (step === 0) return null;
    const n = Math.max(0, Math.ceil((stop - start) / step));
    const dtypeNode = a.keywords.get('dtype') ?? a.positional[3] ?? null;
    // Without a dtype the values decide it (int64 or float64), which folded numbers cannot tell apart.
    const to = dtypeNode ? this.dtype(dtypeNode) : { item: null, name: null };
    return to ? info([n], n, to.item, to.name) : null;
  }

  private reshaped(base: PyArrayInfo, one: SyntaxNode | null, args: SyntaxNode[]): PyArrayInfo | null {
    const dims = one && (one.type === 'tuple' || one.type === 'list') ? this.numbers(children(one)) : this.numbers(args);
    if (!dims || base.count === null) return null;
    const free = dims.filter((d) => d === -1).length;
    const known = product(dims.filter((d) => d !== -1));
    if (free > 1 || known === 0) return null;
    const full = free === 1 ? dims.map((d) => (d === -1 ? base.count! / known : d)) : dims;
    return product(full) === base.count && full.every((d) => Number.isInteger(d) && d >= 0) ? ofDims(full, base.item, base.itemName) : null;
  }

  /** A shape argument: an int, a tuple or list of ints, `a.shape`, or a name bound to one of those. */
  private dims(node: SyntaxNode, hops = 0): number[] | null {
    if (hops > 8) return null;
    if (node.type === 'tuple' || node.type === 'list') return this.numbers(children(node));
    if (node.type === 'parenthesized_expression' && node.namedChild(0)?.type === 'tuple') return this.numbers(children(node.namedChild(0)!));
    if (node.type === 'attribute' && field(node, 'attribute')?.text === 'shape') {
      const obj = field(node, 'object');
      return obj ? (this.describe(obj)?.dims ?? null) : null;
    }
    const bound =
      node.type === 'identifier'
        ? this.folder.valueOf(node.text, node)
        : field(node, 'object')?.text === 'self'
          ? this.folder.memberValue(node)
          : null;
    if (bound && (bound.type === 'tuple' || bound.type === 'list' || bound.type === 'attribute' || bound.type === 'identifier'))
      return this.dims(bound, hops + 1);
    const v = this.folder.evaluate(node).value;
    return v !== null && Number.isInteger(v) && v >= 0 ? [v] : null;
  }

  private numbers(nodes: SyntaxNode[]): number[] | null {
    const out: number[] = [];
    for (const n of nodes) {
      if (n.type === 'comment') continue;
      const v = this.folder.evaluate(n).value;
      if (v === null) return null;
      out.push(v);
    }
    return out;
  }

  private dtype(node: SyntaxNode | null): { item: number; name: string } | null {
    const d = this.folder.dtypeBytes(node, DEFAULT_DTYPE.numpy);
    return d.bytes === null ? null : { item: d.bytes, name: d.name };
  }

  /** A list or tuple written out (`[1, 2, 3]`, `[0.0] * n`, nested rows of one length) or a scalar, as NumPy reads it. */
  private literal(node: SyntaxNode, depth = 0): PyArrayInfo | null {
    if (depth > 16) return null;
    const kind = this.scalarKind(node);
    if (kind) return info([], 1, SCALAR_DTYPE[kind].item, SCALAR_DTYPE[kind].name);
    if (node.type === 'binary_operator' && field(node, 'operator')?.text === '*') {
      // `[x] * n` / `n * [x]`: the list repeated.
      const l = field(node, 'left');
      const r = field(node, 'right');
      const [list, times] = l?.type === 'list' ? [l, r] : r?.type === 'list' ? [r, l] : [null, null];
      const base = list ? this.literal(list, depth + 1) : null;
      const n = times ? this.folder.evaluate(times).value : null;
      if (!base?.dims || base.dims.length === 0 || n === null || !Number.isInteger(n) || n < 0) return null;
      return ofDims([base.dims[0]! * n, ...base.dims.slice(1)], base.item, base.itemName);
    }
    if (node.type !== 'list' && node.type !== 'tuple') return null;
    const items = children(node).filter((c) => c.type !== 'comment');
    if (items.length === 0) return null;
    const parts = items.map((i) => this.literal(i, depth + 1));
    const first = parts[0];
    if (!first?.dims || parts.some((p) => !p?.dims || String(p.dims) !== String(first.dims))) return null;
    // The widest scalar kind of all elements decides the dtype (NumPy's promotion of Python scalars).
    const widest = SCALAR_KINDS.map((k) => SCALAR_DTYPE[k]).filter((d) => parts.some((p) => p!.itemName === d.name));
    const dtype = widest[widest.length - 1]!;
    return ofDims([items.length, ...first.dims], dtype.item, dtype.name);
  }

  private scalarKind(node: SyntaxNode): ScalarKind | null {
    switch (node.type) {
      case 'true':
      case 'false':
        return 'bool';
      case 'integer':
        return /[jJ]$/.test(node.text) ? 'complex' : 'int';
      case 'float':
        return /[jJ]$/.test(node.text) ? 'complex' : 'float';
      case 'unary_operator': {
        const arg = field(node, 'argument');
        return arg ? this.scalarKind(arg) : null;
      }
      case 'parenthesized_expression': {
        const inner = children(node);
        return inner.length === 1 ? this.scalarKind(inner[0]!) : null;
      }
      case 'binary_operator': {
        const l = field(node, 'left');
        const r = field(node, 'right');
        const a = l ? this.scalarKind(l) : null;
        const b = r ? this.scalarKind(r) : null;
        if (!a || !b) return null;
        const k = SCALAR_KINDS[Math.max(SCALAR_KINDS.indexOf(a), SCALAR_KINDS.indexOf(b), SCALAR_KINDS.indexOf('int'))]!;
        return field(node, 'operator')?.text === '/' && k === 'int' ? 'float' : k;
      }
      default:
        return null;
    }
  }

  /**
   * `a + b`, `2 * a`, `a > b`: NumPy broadcasting of the two shapes. The dtype is kept only where it is plain (the
   * same on both sides, a scalar of no wider kind, a comparison's bool); otherwise only the shape is known.
   */
  private elementwise(node: SyntaxNode): PyArrayInfo | null {
    const op = field(node, 'operator')?.text ?? '';
    if (!ELEMENTWISE.has(op) && !COMPARISON.has(op)) return null;
    const l = field(node, 'left');
    const r = field(node, 'right');
    if (!l || !r) return null;
    const ls = this.scalarKind(l) ?? this.numericName(l);
    const rs = this.scalarKind(r) ?? this.numericName(r);
    if (ls && rs) return null; // two scalars: no array
    const a = ls ? null : this.describe(l);
    const b = rs ? null : this.describe(r);
    if ((!ls && !a) || (!rs && !b)) return null; // an operand of unknown shape: the result's is unknown too
    const dims = a && b ? broadcast(a.dims, b.dims) : (a ?? b)?.dims;
    if (!dims) return null;
    if (COMPARISON.has(op)) return ofDims(dims, 1, 'bool');
    const arr = (a ?? b)!;
    const scalar = ls ?? rs;
    const plain = a && b ? a.item === b.item && a.itemName === b.itemName : scalar !== 'complex' && scalar !== 'float' && op !== '/';
    return plain ? ofDims(dims, arr.item, arr.itemName) : ofDims(dims, null, null);
  }

  /** A name or expression that folds to a number: a scalar operand (its kind is not known, only that it is one). */
  private numericName(node: SyntaxNode): ScalarKind | null {
    if (node.type === 'list' || node.type === 'tuple' || node.type === 'call' || node.type === 'subscript') return null;
    const v = this.folder.evaluate(node).value;
    return v === null ? null : Number.isInteger(v) ? 'int' : 'float';
  }

  /** `a[i, :]`, `a[:, None]`, and `xs[k]` of a list every element of which is the same array. */
  private subscript(node: SyntaxNode): PyArrayInfo | null {
    const value = field(node, 'value');
    const index = children(node)
      .slice(1)
      .filter((c) => c.type !== 'comment');
    if (!value || index.length === 0) return null;
    const list = index.length === 1 && this.integral(index[0]!) ? this.listElement(value) : null;
    if (list) return list;
    const base = this.describe(value);
    if (!base?.dims) return null;
    const dims: number[] = [];
    let axis = 0;
    for (const i of index) {
      if (i.type === 'none' || (i.type === 'attribute' && field(i, 'attribute')?.text === 'newaxis')) dims.push(1);
      else if (i.type === 'slice' && i.namedChildCount === 0) {
        if (axis >= base.dims.length) return null;
        dims.push(base.dims[axis++]!);
      } else if (this.integral(i)) {
        if (axis >= base.dims.length) return null;
        axis++;
      } else return null; // a partial slice, an ellipsis, an index array or mask
    }
    dims.push(...base.dims.slice(axis));
    return ofDims(dims, base.item, base.itemName);
  }

  /**
   * An index that is one integer: a folded integer, or arithmetic (+ - * // %) of those and of the variables of
   * enclosing `for … in range(…)` loops.
   */
  private integral(node: SyntaxNode, depth = 0): boolean {
    if (depth > 16) return false;
    const v = this.folder.evaluate(node).value;
    if (v !== null) return Number.isInteger(v);
    if (node.type === 'parenthesized_expression') return node.namedChildCount === 1 && this.integral(node.namedChild(0)!, depth + 1);
    if (node.type === 'binary_operator') {
      const op = field(node, 'operator')?.text ?? '';
      const l = field(node, 'left');
      const r = field(node, 'right');
      return /^(\+|-|\*|\/\/|%)$/.test(op) && !!l && !!r && this.integral(l, depth + 1) && this.integral(r, depth + 1);
    }
    if (node.type !== 'identifier') return false;
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda') return false;
      if (p.type !== 'for_statement') continue;
      const left = field(p, 'left');
      const right = field(p, 'right');
      if (left?.type === 'identifier' && left.text === node.text) return right?.type === 'call' && field(right, 'function')?.text === 'range';
    }
    return false;
  }

  /**
   * `xs[k]` where `xs` is bound once to a list written out and is otherwise only appended to, indexed, iterated or
   * measured with len(): every element, when all are the same array.
   */
  private listElement(value: SyntaxNode): PyArrayInfo | null {
    if (value.type !== 'identifier') return null;
    const bound = this.folder.valueOf(value.text, value);
    if (bound?.type !== 'list') return null;
    const elements = children(bound).filter((c) => c.type !== 'comment');
    for (const ref of this.folder.references(value.text)) {
      if (!sameNode(this.folder.valueOf(value.text, ref), bound)) continue; // another binding of the same name
      const p = ref.parent;
      if (!p) return null;
      if (p.type === 'assignment' && field(p, 'left')?.startIndex === ref.startIndex) continue; // the binding itself
      if (p.type === 'pattern_list' || p.type === 'tuple_pattern') continue;
      if (p.type === 'subscript' && field(p, 'value')?.startIndex === ref.startIndex) {
        const target = p.parent;
        if ((target?.type === 'assignment' || target?.type === 'augmented_assignment') && field(target, 'left')?.startIndex === p.startIndex)
          return null;
        continue;
      }
      if (p.type === 'attribute' && field(p, 'object')?.startIndex === ref.startIndex && field(p, 'attribute')?.text === 'append') {
        const call = p.parent;
        const args = call?.type === 'call' ? callArgs(call) : null;
        if (!args || args.positional.length !== 1 || args.keywords.size > 0) return null;
        elements.push(args.positional[0]!);
        continue;
      }
      if (p.type === 'for_statement' && field(p, 'right')?.startIndex === ref.startIndex) continue;
      const call = p.type === 'argument_list' ? p.parent : null;
      if (call?.type === 'call' && field(call, 'function')?.text === 'len') continue;
      return null; // handed to a call, aliased, extended, returned: its elements may be anything
    }
    return elements.length > 0 ? this.same(elements.map((e) => this.describe(e))) : null;
  }
}

/** `np.zeros`, `cuda.to_device`: a name or a chain of names, not a method of a value (`f(x).astype`). */
function dotted(node: SyntaxNode): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(node.text);
}

/** NumPy broadcasting: shapes aligned on the right, each pair equal or one of them 1. */
function broadcast(a: number[] | null, b: number[] | null): number[] | null {
  if (!a || !b) return null;
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** The expression of a size read from an array's description, for the report. */
export function describedExpr(node: SyntaxNode, a: PyArrayInfo): string {
  const shape = a.dims ? `(${a.dims.join(', ')})` : a.count !== null ? `${a.count}` : 'size';
  return `${collapse(node.text)}: ${shape} x ${a.itemName ?? `${a.item ?? '?'} bytes`}`;
}
