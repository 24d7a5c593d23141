// Constant folding for C, C++, CUDA and OpenCL C: `#define`, `const`/`constexpr`, enums, locals that are
// initialised once and never written again, `sizeof` of primitive types, typedefs and simple structs of the
// same file, arithmetic and shifts. What cannot be folded stays symbolic and names the unknown identifiers.
import type { SyntaxNode } from '../parse/tree-sitter';
import type { SizeValue } from '../model/types';
import { C_TYPE_LAYOUTS, POINTER_LAYOUT, normaliseTypeName, type TypeLayout } from './type-sizes';
import { Enclosing, children, collapse, field, type NodeIndex } from './syntax';

export interface Folded {
  value: number | null;
  unknowns: string[];
}

interface VarInfo {
  typeText: string;
  /** Pointer depth of the declarator (`float **p` -> 2). */
  pointers: number;
  /** Array element counts of the declarator (`float a[4][8]` -> [a: 4, 8]), as nodes to fold. */
  arrayDims: SyntaxNode[];
  init: SyntaxNode | null;
  isConst: boolean;
}

interface Scope {
  vars: Map<string, VarInfo>;
  written: Set<string>;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda_expression']);
export const C_CONSTANT_TYPES: ReadonlySet<string> = new Set([
  'preproc_def', 'enumerator_list', 'struct_specifier', 'class_specifier', 'type_definition', 'declaration',
  'assignment_expression', 'update_expression', 'pointer_expression',
]);
const MAX_DEPTH = 64;

const known = (value: number): Folded => ({ value, unknowns: [] });
const unknown = (...names: string[]): Folded => ({ value: null, unknowns: names });

export class CConstantFolder {
  private readonly defines = new Map<string, string>();
  private readonly defineCache = new Map<string, Folded>();
  private readonly enums = new Map<string, SyntaxNode | number>();
  private readonly typedefs = new Map<string, string>();
  private readonly structs = new Map<string, SyntaxNode>();
  private readonly structCache = new Map<string, TypeLayout | null>();
  private readonly scopes = new Map<number, Scope>();
  private readonly global: Scope = { vars: new Map(), written: new Set() };
  /** Every type size the folder relied on, for the report's assumptions. */
  readonly assumedTypeSizes: Record<string, number> = {};
  /** Type sizes relied on since the last takeTypeSizeLog(), including ones already known (a cached segment's share). */
  private typeSizeLog = new Map<string, number>();
  /** Functions and loops of the part of the file being collected or folded: scopes are looked up in it. */
  private functions: Enclosing = new Enclosing([]);

  /**
   * Nothing is collected yet: the caller hands over the file's parts with collect(), file-scope parts first. A
   * function's locals only matter while that function is folded, so a function can be collected just before use.
   */
  constructor(private readonly parseExpression: (text: string, use: (expr: SyntaxNode | null) => Folded) => Folded) {}

  /** Adds the constants, types and variables of one part of the file; `functions` must cover that part. */
  collect(nodes: NodeIndex, functions: Enclosing): void {
    this.functions = functions;
    this.collectNodes(nodes);
  }

  /** Folds within the part of the file whose functions and loops `functions` holds. */
  use(functions: Enclosing): void {
    this.functions = functions;
  }

  /** The type sizes used since the last call, in first-use order. */
  takeTypeSizeLog(): Array<[string, number]> {
    const log = [...this.typeSizeLog];
    this.typeSizeLog = new Map();
    return log;
  }

  /** The enclosing function (or the file) of a node. */
  scopeOf(node: SyntaxNode): Scope {
    const fn = FUNCTION_TYPES.has(node.type) ? node : this.functions.innermost(node, FUNCTION_TYPES);
    return fn ? this.scopeFor(fn) : this.global;
  }

  private scopeFor(fn: SyntaxNode): Scope {
    let scope = this.scopes.get(fn.startIndex);
    if (!scope) {
      scope = { vars: new Map(), written: new Set() };
      this.scopes.set(fn.startIndex, scope);
    }
    return scope;
  }

  private collectNodes(nodes: NodeIndex): void {
    for (const node of nodes.of(C_CONSTANT_TYPES)) {
      switch (node.type) {
        case 'preproc_def': {
          const name = field(node, 'name')?.text;
          const value = field(node, 'value')?.text;
          if (name && value !== undefined) this.defines.set(name, value.trim());
          break;
        }
        case 'enumerator_list': {
          // Implicit enumerators count up from the last explicit value.
          let base: SyntaxNode | number = 0;
          let offset = 0;
          for (const e of children(node)) {
            if (e.type !== 'enumerator') continue;
            const name = field(e, 'name')?.text;
            const value = field(e, 'value');
            if (value) {
              base = value;
              offset = 0;
            }
            if (name) this.enums.set(name, typeof base === 'number' ? base + offset : offset === 0 ? base : this.enumOffset(base, offset));
            offset++;
          }
          break;
        }
        case 'struct_specifier':
        case 'class_specifier': {
          const name = field(node, 'name')?.text;
          if (name && field(node, 'body')) this.structs.set(name, node);
          break;
        }
        case 'type_definition': {
          const type = field(node, 'type');
          for (const d of node.childrenForFieldName('declarator')) {
            if (!d || !type) continue;
            if (d.type === 'type_identifier') {
              if (type.type === 'struct_specifier' && field(type, 'body')) this.structs.set(d.text, type);
              else this.typedefs.set(d.text, type.text);
            }
          }
          break;
        }
        case 'declaration':
          this.collectDeclaration(node);
          break;
        case 'assignment_expression': {
          const left = field(node, 'left');
          if (left?.type === 'identifier') this.scopeOf(node).written.add(left.text);
          break;
        }
        case 'update_expression': {
          const arg = field(node, 'argument');
          if (arg?.type === 'identifier') this.scopeOf(node).written.add(arg.text);
          break;
        }
        case 'pointer_expression': {
          // `&n` handed to a function (scanf, cudaMalloc) may write n.
          const arg = field(node, 'argument');
          if (node.child(0)?.type === '&' && arg?.type === 'identifier') this.scopeOf(node).written.add(arg.text);
          break;
        }
        default:
          break;
      }
    }
  }

  private enumOffset(base: SyntaxNode, offset: number): number {
    const v = this.evaluate(base).value;
    return v === null ? Number.NaN : v + offset;
  }

  private collectDeclaration(node: SyntaxNode): void {
    const typeNode = field(node, 'type');
    if (!typeNode) return;
    const isConst = node.children.some((c) => c?.type === 'type_qualifier' && /const/.test(c.text));
    const scope = this.scopeOf(node);
    for (const decl of node.childrenForFieldName('declarator')) {
      if (!decl) continue;
      let d: SyntaxNode | null = decl;
      let init: SyntaxNode | null = null;
      if (d.type === 'init_declarator') {
        init = field(d, 'value');
        if (init?.type === 'initializer_list' || init?.type === 'argument_list') init = null;
        d = field(d, 'declarator');
      }
      let pointers = 0;
      const arrayDims: SyntaxNode[] = [];
      while (d && d.type !== 'identifier') {
        if (d.type === 'pointer_declarator' || d.type === 'reference_declarator') pointers += d.type === 'pointer_declarator' ? 1 : 0;
        if (d.type === 'array_declarator') {
          const size = field(d, 'size');
          if (size) arrayDims.unshift(size);
        }
        d = field(d, 'declarator') ?? children(d).find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
      }
      if (d) scope.vars.set(d.text, { typeText: typeNode.text, pointers, arrayDims, init, isConst });
    }
  }

  private lookupVar(name: string, at: SyntaxNode): { info: VarInfo; scope: Scope } | null {
    const scope = this.scopeOf(at);
    const local = scope.vars.get(name);
    if (local) return { info: local, scope };
    if (scope.written.has(name)) return { info: { typeText: '', pointers: 0, arrayDims: [], init: null, isConst: false }, scope };
    const g = this.global.vars.get(name);
    return g ? { info: g, scope: this.global } : null;
  }

  /** Folds an expression node to a number, or names what is unknown. */
  evaluate(node: SyntaxNode, depth = 0): Folded {
    if (depth > MAX_DEPTH) return unknown(collapse(node.text));
    const ev = (n: SyntaxNode | null): Folded => (n ? this.evaluate(n, depth + 1) : unknown('?'));
    switch (node.type) {
      case 'number_literal':
        return parseNumber(node.text);
      case 'char_literal': {
        const inner = node.text.slice(1, -1);
        return inner.length === 1 ? known(inner.charCodeAt(0)) : unknown(node.text);
      }
      case 'true':
        return known(1);
      case 'false':
        return known(0);
      case 'parenthesized_expression':
      case 'condition_clause': {
        const inner = children(node).filter((c) => c.type !== 'comment');
        return inner.length === 1 ? ev(inner[0]!) : unknown(collapse(node.text));
      }
      case 'parameter_declaration': {
        // `thrust::device_vector<float> v(N);` parses as a function declaration (C++'s most vexing parse):
        // the constructor argument arrives as a parameter whose "type" is the name N.
        const type = field(node, 'type');
        return type && !field(node, 'declarator') ? ev(type) : unknown(collapse(node.text));
      }
      case 'type_identifier':
      case 'identifier':
      case 'qualified_identifier':
        return this.evaluateName(node.type === 'qualified_identifier' ? node.text.split('::').pop()! : node.text, node, depth);
      case 'binary_expression': {
        const l = ev(field(node, 'left'));
        const r = ev(field(node, 'right'));
        const op = field(node, 'operator')?.text ?? node.child(1)?.text ?? '';
        if (l.value === null || r.value === null) return unknown(...l.unknowns, ...r.unknowns);
        const v = binary(op, l.value, r.value);
        return v === null ? unknown(collapse(node.text)) : known(v);
      }
      case 'unary_expression': {
        const a = ev(field(node, 'argument'));
        const op = field(node, 'operator')?.text ?? node.child(0)?.text;
        if (a.value === null) return a;
        if (op === '-') return known(-a.value);
        if (op === '+') return a;
        if (op === '~') return known(Number(~BigInt(Math.trunc(a.value))));
        if (op === '!') return known(a.value ? 0 : 1);
        return unknown(collapse(node.text));
      }
      case 'cast_expression':
        return ev(field(node, 'value'));
      case 'conditional_expression': {
        const c = ev(field(node, 'condition'));
        if (c.value === null) return c;
        return ev(field(node, c.value ? 'consequence' : 'alternative'));
      }
      case 'sizeof_expression':
        return this.evaluateSizeof(node, depth);
      case 'call_expression': {
        const fn = field(node, 'function')?.text.split('::').pop();
        const args = children(field(node, 'arguments') ?? node).filter((c) => c.type !== 'comment');
        if ((fn === 'min' || fn === 'max' || fn === 'MIN' || fn === 'MAX') && args.length === 2) {
          const a = ev(args[0]!);
          const b = ev(args[1]!);
          if (a.value === null || b.value === null) return unknown(...a.unknowns, ...b.unknowns);
          return known(fn.toLowerCase() === 'min' ? Math.min(a.value, b.value) : Math.max(a.value, b.value));
        }
        return unknown(collapse(node.text));
      }
      default:
        return unknown(collapse(node.text));
    }
  }

  private evaluateName(name: string, at: SyntaxNode, depth: number): Folded {
    const v = this.lookupVar(name, at);
    if (v) {
      const writable = !v.info.isConst && v.scope.written.has(name);
      if (!writable && v.info.init) {
        // Unknown initialisers name their own unknowns: `bytes = n * 4; n = file_size(path)` -> file_size(path).
        return this.evaluate(v.info.init, depth + 1);
      }
      if (v.info.init || writable || v.info.typeText) return unknown(name);
    }
    const e = this.enums.get(name);
    if (e !== undefined) return typeof e === 'number' ? (Number.isNaN(e) ? unknown(name) : known(e)) : this.evaluate(e, depth + 1);
    const def = this.defines.get(name);
    if (def !== undefined) return this.evaluateDefine(name, def, depth);
    return unknown(name);
  }

  private evaluateDefine(name: string, text: string, depth: number): Folded {
    const cached = this.defineCache.get(name);
    if (cached) return cached;
    this.defineCache.set(name, unknown(name)); // guards against self-referencing macros
    const result = text === '' ? unknown(name) : this.parseExpression(text, (expr) => (expr ? this.evaluate(expr, depth + 1) : unknown(name)));
    const named = result.value === null ? unknown(name) : result;
    this.defineCache.set(name, named);
    return named;
  }

  private evaluateSizeof(node: SyntaxNode, depth: number): Folded {
    const type = field(node, 'type');
    if (type) {
      const name = type.text;
      const asVar = /^[A-Za-z_]\w*$/.test(name) ? this.lookupVar(name, node) : null;
      if (asVar && asVar.info.typeText) return this.sizeofVar(asVar.info, 0, depth);
      const size = this.typeSize(name);
      return size === null ? unknown(`sizeof(${collapse(name)})`) : known(size);
    }
    let value = field(node, 'value');
    while (value?.type === 'parenthesized_expression' && value.namedChildCount === 1) value = value.namedChild(0);
    if (!value) return unknown(collapse(node.text));
    // sizeof(x), sizeof(*x), sizeof(x[0]) for variables declared in this file.
    let derefs = 0;
    let base: SyntaxNode | null = value;
    while (base && (base.type === 'pointer_expression' || base.type === 'subscript_expression')) {
      if (base.type === 'pointer_expression' && base.child(0)?.type !== '*') break;
      derefs++;
      base = field(base, 'argument') ?? base.namedChild(0);
    }
    if (base?.type === 'identifier') {
      const v = this.lookupVar(base.text, node);
      if (v && v.info.typeText) return this.sizeofVar(v.info, derefs, depth);
      // `sizeof(Particle)` parses as an expression when the grammar cannot tell a typedef name from a variable.
      const size = derefs === 0 && !v ? this.typeSize(base.text) : null;
      if (size !== null) return known(size);
    }
    return unknown(collapse(node.text));
  }

  private sizeofVar(info: VarInfo, derefs: number, depth: number): Folded {
    let remaining = derefs;
    let count = 1;
    const dims = info.arrayDims.slice();
    while (remaining > 0 && dims.length > 0) {
      dims.shift();
      remaining--;
    }
    for (const d of dims) {
      const v = this.evaluate(d, depth + 1);
      if (v.value === null) return v;
      count *= v.value;
    }
    const pointers = info.pointers - remaining;
    if (pointers > 0) return known(POINTER_LAYOUT.size * count);
    if (pointers < 0) return unknown(`sizeof element of ${collapse(info.typeText)}`);
    const size = this.typeSize(info.typeText);
    return size === null ? unknown(`sizeof(${collapse(info.typeText)})`) : known(size * count);
  }

  /** Size in bytes of a type name, or null when the file does not define it. */
  typeSize(typeText: string): number | null {
    return this.layout(typeText, 0)?.size ?? null;
  }

  private layout(typeText: string, depth: number): TypeLayout | null {
    if (depth > 16) return null;
    const name = normaliseTypeName(typeText);
    if (name.endsWith('*')) return this.note(name, POINTER_LAYOUT);
    const builtin = C_TYPE_LAYOUTS[name];
    if (builtin) return this.note(name, builtin);
    const alias = this.typedefs.get(name);
    if (alias !== undefined) return this.layout(alias, depth + 1);
    const struct = this.structs.get(name);
    if (struct) return this.structLayout(name, struct, depth);
    return null;
  }

  private note(name: string, layout: TypeLayout): TypeLayout {
    this.assumedTypeSizes[name] = layout.size;
    if (!this.typeSizeLog.has(name)) this.typeSizeLog.set(name, layout.size);
    return layout;
  }

  private structLayout(name: string, node: SyntaxNode, depth: number): TypeLayout | null {
    if (this.structCache.has(name)) {
      const cached = this.structCache.get(name) ?? null;
      if (cached) this.note(`struct ${name}`, cached);
      return cached;
    }
    this.structCache.set(name, null);
    const body = field(node, 'body');
    let offset = 0;
    let maxAlign = 1;
    for (const member of body ? children(body) : []) {
      if (member.type !== 'field_declaration') continue;
      const type = field(member, 'type');
      if (!type) return null;
      for (const decl of member.childrenForFieldName('declarator')) {
        if (!decl) continue;
        let count = 1;
        let isPointer = false;
        let d: SyntaxNode | null = decl;
        while (d && d.type !== 'field_identifier') {
          if (d.type === 'pointer_declarator') isPointer = true;
          if (d.type === 'array_declarator') {
            const size = field(d, 'size');
            const v = size ? this.evaluate(size).value : null;
            if (v === null) return null;
            count *= v;
          }
          d = field(d, 'declarator');
        }
        const member = isPointer ? POINTER_LAYOUT : this.layout(type.text, depth + 1);
        if (!member) return null;
        offset = Math.ceil(offset / member.align) * member.align + member.size * count;
        maxAlign = Math.max(maxAlign, member.align);
      }
    }
    const layout = { size: Math.ceil(offset / maxAlign) * maxAlign, align: maxAlign };
    this.structCache.set(name, layout);
    return this.note(`struct ${name}`, layout);
  }

  /** A size argument as the report shows it: folded bytes or the symbolic expression and its unknowns. */
  size(node: SyntaxNode | null, scale = 1): SizeValue {
    if (!node) return { expr: '?', bytes: null, unknowns: ['?'] };
    const r = this.evaluate(node);
    const expr = collapse(node.text);
    if (r.value === null || !Number.isFinite(r.value)) return { expr, bytes: null, unknowns: dedupe(r.unknowns) };
    return { expr, bytes: Math.ceil(r.value * scale), unknowns: [] };
  }

  /** Declared as a local variable of the function that contains `at` (parameters are not locals). */
  isLocal(name: string, at: SyntaxNode): boolean {
    const scope = this.scopeOf(at);
    return scope !== this.global && scope.vars.has(name);
  }

  /** Declared at file scope in this file. */
  isFileGlobal(name: string): boolean {
    return this.global.vars.has(name);
  }
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}

function parseNumber(raw: string): Folded {
  let text = raw.replace(/'/g, '').toLowerCase();
  const isHex = text.startsWith('0x');
  text = isHex ? text.replace(/[ul]+$/, '') : text.replace(/[ulf]+$/, '');
  let value: number;
  if (isHex) value = parseInt(text.slice(2), 16);
  else if (text.startsWith('0b')) value = parseInt(text.slice(2), 2);
  else if (/^0[0-7]+$/.test(text)) value = parseInt(text.slice(1), 8);
  else value = Number(text);
  return Number.isFinite(value) ? known(value) : unknown(raw);
}

function binary(op: string, a: number, b: number): number | null {
  const bothInt = Number.isInteger(a) && Number.isInteger(b);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? null : bothInt ? Math.trunc(a / b) : a / b;
    case '%': return b === 0 ? null : a % b;
    // Shifts and bit operations through multiplication / BigInt: JS `<<` wraps at 32 bits, C's size_t does not.
    case '<<': return bothInt && b >= 0 && b < 64 ? a * 2 ** b : null;
    case '>>': return bothInt && b >= 0 && b < 64 ? Math.floor(a / 2 ** b) : null;
    case '&': return bothInt ? Number(BigInt(a) & BigInt(b)) : null;
    case '|': return bothInt ? Number(BigInt(a) | BigInt(b)) : null;
    case '^': return bothInt ? Number(BigInt(a) ^ BigInt(b)) : null;
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '||': return a || b ? 1 : 0;
    default: return null;
  }
}
