// Constant folding for Python: names assigned once per scope, integer arithmetic, shapes as tuples, dtypes
// (np.float32, 'float32', torch.float16), and the byte size of arrays the file creates with a literal shape.
import type { SyntaxNode } from '../parse/tree-sitter';
import type { SizeValue } from '../model/types';
import type { Folded } from './c-constants';
import { DTYPE_BYTES } from './type-sizes';
import { children, collapse, field, walk, type Enclosing, type NodeIndex } from './syntax';

const known = (value: number): Folded => ({ value, unknowns: [] });
const unknown = (...names: string[]): Folded => ({ value: null, unknowns: names });

interface PyScope {
  values: Map<string, SyntaxNode>;
  writes: Map<string, number>;
}

export const SCOPE_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda']);
export const BINDING_TYPES: ReadonlySet<string> = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);
const IDENTIFIER = new Set(['identifier']);

export class PyConstantFolder {
  private readonly scopes = new Map<number, PyScope>();
  private readonly module: PyScope = { values: new Map(), writes: new Map() };
  /** nbytes of arrays whose shape and dtype are known, by variable name (host or device). */
  readonly arrayBytes = new Map<string, SizeValue>();

  constructor(nodes: NodeIndex, private readonly functions: Enclosing) {
    for (const node of nodes.of(BINDING_TYPES)) {
      if (node.type === 'assignment') {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left?.type === 'identifier') {
          const scope = this.scopeOf(node);
          scope.writes.set(left.text, (scope.writes.get(left.text) ?? 0) + 1);
          if (right) scope.values.set(left.text, right);
        } else if (left) {
          for (const id of identifiersIn(left)) this.bump(node, id);
        }
      } else if (node.type === 'augmented_assignment') {
        const left = field(node, 'left');
        if (left?.type === 'identifier') this.bump(node, left.text, 2);
      } else if (node.type === 'for_statement' || node.type === 'for_in_clause') {
        const left = field(node, 'left');
        if (left) for (const id of identifiersIn(left)) this.bump(node, id, 2);
      }
    }
  }

  private bump(node: SyntaxNode, name: string, by = 1): void {
    const scope = this.scopeOf(node);
    scope.writes.set(name, (scope.writes.get(name) ?? 0) + by);
  }

  scopeOf(node: SyntaxNode): PyScope {
    const fn = this.functions.innermost(node, SCOPE_TYPES);
    if (!fn) return this.module;
    let s = this.scopes.get(fn.startIndex);
    if (!s) {
      s = { values: new Map(), writes: new Map() };
      this.scopes.set(fn.startIndex, s);
    }
    return s;
  }

  /** The single expression a name was bound to, when it is bound exactly once in its scope (or the module). */
  valueOf(name: string, at: SyntaxNode): SyntaxNode | null {
    const scope = this.scopeOf(at);
    if (scope.writes.has(name)) return scope.writes.get(name) === 1 ? scope.values.get(name) ?? null : null;
    return this.module.writes.get(name) === 1 ? this.module.values.get(name) ?? null : null;
  }

  evaluate(node: SyntaxNode, depth = 0): Folded {
    if (depth > 48) return unknown(collapse(node.text));
    const ev = (n: SyntaxNode | null) => (n ? this.evaluate(n, depth + 1) : unknown('?'));
    switch (node.type) {
      case 'integer': {
        const t = node.text.replace(/_/g, '').toLowerCase();
        const v = t.startsWith('0x') ? parseInt(t.slice(2), 16) : t.startsWith('0b') ? parseInt(t.slice(2), 2) : t.startsWith('0o') ? parseInt(t.slice(2), 8) : Number(t);
        return Number.isFinite(v) ? known(v) : unknown(node.text);
      }
      case 'float': {
        const v = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(v) ? known(v) : unknown(node.text);
      }
      case 'true':
        return known(1);
      case 'false':
        return known(0);
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? ev(node.namedChild(0)) : unknown(collapse(node.text));
      case 'identifier': {
        const v = this.valueOf(node.text, node);
        if (!v) return unknown(node.text);
        return this.evaluate(v, depth + 1);
      }
      case 'unary_operator': {
        const a = ev(field(node, 'argument'));
        const op = field(node, 'operator')?.text ?? node.child(0)?.text;
        if (a.value === null) return a;
        return op === '-' ? known(-a.value) : op === '+' ? a : op === '~' ? known(-a.value - 1) : unknown(collapse(node.text));
      }
      case 'binary_operator': {
        const l = ev(field(node, 'left'));
        const r = ev(field(node, 'right'));
        const op = field(node, 'operator')?.text ?? node.child(1)?.text;
        if (l.value === null || r.value === null) return unknown(...l.unknowns, ...r.unknowns);
        const a = l.value;
        const b = r.value;
        switch (op) {
          case '+': return known(a + b);
          case '-': return known(a - b);
          case '*': return known(a * b);
          case '/': return b === 0 ? unknown(collapse(node.text)) : known(a / b);
          case '//': return b === 0 ? unknown(collapse(node.text)) : known(Math.floor(a / b));
          case '%': return b === 0 ? unknown(collapse(node.text)) : known(((a % b) + b) % b);
          case '**': return known(a ** b);
          case '<<': return known(a * 2 ** b);
          case '>>': return known(Math.floor(a / 2 ** b));
          default: return unknown(collapse(node.text));
        }
      }
      case 'call': {
        const fn = field(node, 'function')?.text;
        const args = children(field(node, 'arguments') ?? node);
        if ((fn === 'int' || fn === 'round') && args.length === 1) {
          const v = ev(args[0]!);
          return v.value === null ? v : known(Math.trunc(v.value));
        }
        if ((fn === 'min' || fn === 'max') && args.length >= 2) {
          const vs = args.map(ev);
          if (vs.some((v) => v.value === null)) return unknown(...vs.flatMap((v) => v.unknowns));
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
          const size = this.arrayBytes.get(obj.text);
          if (size?.bytes != null) return known(size.bytes);
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
    if (node.type === 'identifier') {
      const v = this.valueOf(node.text, node);
      if (v && (v.type === 'tuple' || v.type === 'list')) node = v;
    }
    if (node.type === 'tuple' || node.type === 'list' || (node.type === 'parenthesized_expression' && node.namedChild(0)?.type === 'tuple')) {
      const items = node.type === 'parenthesized_expression' ? children(node.namedChild(0)!) : children(node);
      let product = 1;
      const unknowns: string[] = [];
      for (const item of items) {
        const v = this.evaluate(item);
        if (v.value === null) unknowns.push(...v.unknowns);
        else product *= v.value;
      }
      return unknowns.length ? unknown(...unknowns) : known(product);
    }
    return this.evaluate(node);
  }

  /** Item size of a dtype expression: np.float32, cp.float16, torch.half, 'float32', float, int. */
  dtypeBytes(node: SyntaxNode | null, fallback: string): { bytes: number | null; name: string } {
    if (!node) return { bytes: DTYPE_BYTES[fallback] ?? null, name: fallback };
    let text = node.text.replace(/^['"]|['"]$/g, '');
    if (node.type === 'identifier' && text === 'float') text = 'float64';
    else if (node.type === 'identifier' && text === 'int') text = 'int64';
    else if (node.type === 'identifier' && text === 'bool') text = 'bool';
    const name = text.split('.').pop()!;
    const bytes = DTYPE_BYTES[name] ?? null;
    return { bytes, name };
  }

  /** Bytes of an array from its shape and dtype expressions. */
  arraySize(shape: SyntaxNode | null, dtype: SyntaxNode | null, fallbackDtype: string, exprText: string): SizeValue {
    if (!shape) return { expr: exprText, bytes: null, unknowns: ['shape'] };
    const count = this.elementCount(shape);
    const item = this.dtypeBytes(dtype, fallbackDtype);
    const expr = `${collapse(shape.text)} x ${item.name}`;
    if (count.value === null || item.bytes === null) {
      return { expr, bytes: null, unknowns: [...count.unknowns, ...(item.bytes === null ? [`dtype ${item.name}`] : [])] };
    }
    return { expr, bytes: Math.ceil(count.value * item.bytes), unknowns: [] };
  }

  /** A size argument given directly in bytes. */
  size(node: SyntaxNode | null): SizeValue {
    if (!node) return { expr: '?', bytes: null, unknowns: ['?'] };
    const r = this.evaluate(node);
    const expr = collapse(node.text);
    return r.value === null ? { expr, bytes: null, unknowns: [...new Set(r.unknowns)] } : { expr, bytes: Math.ceil(r.value), unknowns: [] };
  }
}

function identifiersIn(node: SyntaxNode): string[] {
  const names: string[] = [];
  walk(node, (n) => {
    if (n.parent?.type !== 'attribute') names.push(n.text);
  }, IDENTIFIER);
  return names;
}
