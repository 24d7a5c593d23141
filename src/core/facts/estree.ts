// Helpers over typescript-estree trees: one iterative traversal that records parents (deep nesting cannot
// overflow the stack), member-chain flattening, constant strings and numbers, and function/loop context.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type Node = TSESTree.Node;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Node types `within` can collect. */
interface ByType {
  CallExpression: TSESTree.CallExpression;
  VariableDeclarator: TSESTree.VariableDeclarator;
  AssignmentExpression: TSESTree.AssignmentExpression;
  ForOfStatement: TSESTree.ForOfStatement;
  ReturnStatement: TSESTree.ReturnStatement;
  IfStatement: TSESTree.IfStatement;
  ConditionalExpression: TSESTree.ConditionalExpression;
  LogicalExpression: TSESTree.LogicalExpression;
  Property: TSESTree.Property;
}

export const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
export const LOOP_TYPES = new Set(['ForStatement', 'ForOfStatement', 'ForInStatement', 'WhileStatement', 'DoWhileStatement']);

export class EstreeIndex {
  readonly parents = new Map<Node, Node | null>();
  /** Every node in document order (pre-order: a node's subtree is the run of nodes that follows it). */
  readonly nodes: Node[] = [];
  private readonly position = new Map<Node, number>();
  private readonly names = new Map<Node, Set<string>>();
  /** Top-level and nested `const x = <literal>` bindings, for folding names into values. */
  readonly constInits = new Map<string, Node>();

  constructor(program: TSESTree.Program) {
    const stack: Array<[Node, Node | null]> = [[program, null]];
    while (stack.length) {
      const [node, parent] = stack.pop()!;
      this.parents.set(node, parent);
      this.position.set(node, this.nodes.length);
      this.nodes.push(node);
      const keys = visitorKeys[node.type] ?? [];
      const kids: Node[] = [];
      for (const key of keys) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value))
          for (const v of value) {
            if (v && typeof v === 'object' && 'type' in v) kids.push(v as Node);
          }
        else if (value && typeof value === 'object' && 'type' in value) kids.push(value as Node);
      }
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, node]);
      if (
        node.type === 'VariableDeclarator' &&
        node.id.type === 'Identifier' &&
        node.init &&
        parent?.type === 'VariableDeclaration' &&
        parent.kind === 'const'
      ) {
        if (!this.constInits.has(node.id.name)) this.constInits.set(node.id.name, node.init);
      }
    }
  }

  parent(node: Node): Node | null {
    return this.parents.get(node) ?? null;
  }

  /** Ancestors, innermost first. */
  *ancestors(node: Node): Generator<Node> {
    let p = this.parent(node);
    while (p) {
      yield p;
      p = this.parent(p);
    }
  }

  enclosingFunction(node: Node): FunctionNode | null {
    for (const a of this.ancestors(node)) if (FUNCTION_TYPES.has(a.type)) return a as FunctionNode;
    return null;
  }

  /** `node` and everything under it, in document order, read off the pre-order list (no walk over the tree). */
  *subtree(node: Node): Generator<Node> {
    const end = node.range[1];
    for (let i = this.position.get(node) ?? this.nodes.length; i < this.nodes.length; i++) {
      const n = this.nodes[i]!;
      if (n !== node && (n.range[0] >= end || n.range[1] > end)) return;
      yield n;
    }
  }

  /** Nodes of one type inside `scope` (document order). */
  within<T extends keyof ByType>(scope: Node, type: T): Array<ByType[T]> {
    const out: Node[] = [];
    for (const n of this.subtree(scope)) if (n.type === type) out.push(n);
    return out as unknown as Array<ByType[T]>;
  }

  private bindings: { decls: Map<string, TSESTree.VariableDeclarator[]>; assigns: Map<string, TSESTree.AssignmentExpression[]> } | undefined;

  /** Declarations and plain assignments of a name anywhere in the file, indexed once. */
  bindingsOf(name: string): { decls: TSESTree.VariableDeclarator[]; assigns: TSESTree.AssignmentExpression[] } {
    if (!this.bindings) {
      const decls = new Map<string, TSESTree.VariableDeclarator[]>();
      const assigns = new Map<string, TSESTree.AssignmentExpression[]>();
      for (const n of this.nodes) {
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') (decls.get(n.id.name) ?? decls.set(n.id.name, []).get(n.id.name)!).push(n);
        else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier')
          (assigns.get(n.left.name) ?? assigns.set(n.left.name, []).get(n.left.name)!).push(n);
      }
      this.bindings = { decls, assigns };
    }
    return { decls: this.bindings.decls.get(name) ?? [], assigns: this.bindings.assigns.get(name) ?? [] };
  }

  /** Identifiers read inside an expression, memoised: the data-flow fixpoints ask about the same nodes repeatedly. */
  namesIn(node: Node): Set<string> {
    let names = this.names.get(node);
    if (!names) this.names.set(node, (names = readNames(node, this)));
    return names;
  }
}

/** Strips `await`, `?.`, `!`, `as T`, `satisfies T` and parentheses. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'AwaitExpression') n = n.argument;
    else if (
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'ChainExpression'
    )
      n = n.expression;
    else return n;
  }
}

/** `a.b.c` -> ['a','b','c']; `this.x.y` -> ['this','x','y']; computed parts become '[]'. Null when the root is not a name. */
export function memberChain(node: Node): string[] | null {
  const parts: string[] = [];
  let n = unwrap(node);
  while (n.type === 'MemberExpression') {
    parts.unshift(
      !n.computed && n.property.type === 'Identifier'
        ? n.property.name
        : n.property.type === 'Literal' && typeof n.property.value === 'string'
          ? n.property.value
          : '[]',
    );
    n = unwrap(n.object);
  }
  if (n.type === 'Identifier') parts.unshift(n.name);
  else if (n.type === 'ThisExpression') parts.unshift('this');
  else return null;
  return parts;
}

/** The name a value hangs off: `client` for `client.db('x').collection('y')`, `redis` for `this.redis`. */
export function rootKey(node: Node): string | null {
  let n = unwrap(node);
  for (;;) {
    if (n.type === 'MemberExpression') {
      const obj = unwrap(n.object);
      if (obj.type === 'ThisExpression') return !n.computed && n.property.type === 'Identifier' ? n.property.name : null;
      n = obj;
    } else if (n.type === 'CallExpression' || n.type === 'NewExpression') n = unwrap(n.callee);
    else if (n.type === 'Identifier') return n.name;
    else return null;
  }
}

export function propertyName(p: TSESTree.Property | TSESTree.SpreadElement | TSESTree.ObjectLiteralElement): string | null {
  if (p.type !== 'Property') return null;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal') return String(p.key.value);
  return null;
}

export function objectProps(obj: Node | null | undefined): Map<string, Node> {
  const props = new Map<string, Node>();
  if (obj?.type !== 'ObjectExpression') return props;
  for (const p of obj.properties) {
    const name = propertyName(p);
    if (name && p.type === 'Property') props.set(name, p.value as Node);
  }
  return props;
}

/** A constant string (literal, template without expressions, const name bound to one), else null. */
export function constString(node: Node | null | undefined, index: EstreeIndex, depth = 0): string | null {
  if (!node || depth > 4) return null;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis.map((q) => q.value.cooked ?? '').join('');
  if (n.type === 'Identifier') {
    const init = index.constInits.get(n.name);
    return init ? constString(init, index, depth + 1) : null;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const a = constString(n.left as Node, index, depth + 1);
    const b = constString(n.right, index, depth + 1);
    return a !== null && b !== null ? a + b : null;
  }
  return null;
}

/** A constant number (`3600`, `60 * 60 * 24`, `1_000`, a const bound to one), else null. */
export function constNumber(node: Node | null | undefined, index: EstreeIndex, depth = 0): number | null {
  if (!node || depth > 4) return null;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'number') return n.value;
  if (n.type === 'UnaryExpression' && n.operator === '-') {
    const v = constNumber(n.argument, index, depth + 1);
    return v === null ? null : -v;
  }
  if (n.type === 'Identifier') {
    const init = index.constInits.get(n.name);
    return init ? constNumber(init, index, depth + 1) : null;
  }
  if (n.type === 'BinaryExpression') {
    const a = constNumber(n.left as Node, index, depth + 1);
    const b = constNumber(n.right, index, depth + 1);
    if (a === null || b === null) return null;
    switch (n.operator) {
      case '*':
        return a * b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '/':
        return b === 0 ? null : a / b;
      default:
        return null;
    }
  }
  return null;
}

export function constBoolean(node: Node | null | undefined): boolean | null {
  const n = node ? unwrap(node) : null;
  return n?.type === 'Literal' && typeof n.value === 'boolean' ? n.value : null;
}

/** Identifiers read inside an expression (not property keys or member property names). */
function readNames(node: Node, index: EstreeIndex): Set<string> {
  const names = new Set<string>();
  for (const n of index.subtree(node)) {
    if (n.type === 'Identifier') {
      const p = index.parent(n);
      if (p?.type === 'MemberExpression' && p.property === n && !p.computed) continue;
      if (p?.type === 'Property' && p.key === n && !p.shorthand) continue;
      names.add(n.name);
    } else if (n.type === 'MemberExpression' && unwrap(n.object).type === 'ThisExpression' && !n.computed && n.property.type === 'Identifier') {
      names.add(`this.${n.property.name}`);
    }
  }
  return names;
}

/** Names a binding pattern introduces: `x`, `{ a, b: c }`, `[d, ...e]`. */
export function boundNames(pattern: Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => (p.type === 'RestElement' ? boundNames(p.argument) : boundNames(p.value as Node)));
    case 'ArrayPattern':
      return pattern.elements.flatMap((el) => (el ? boundNames(el) : []));
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    case 'RestElement':
      return boundNames(pattern.argument);
    case 'MemberExpression':
      return unwrap(pattern.object).type === 'ThisExpression' && pattern.property.type === 'Identifier' ? [`this.${pattern.property.name}`] : [];
    default:
      return [];
  }
}

export function functionName(fn: FunctionNode, index: EstreeIndex): string | null {
  if (fn.id) return fn.id.name;
  const p = index.parent(fn);
  if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
  if (p?.type === 'Property' || p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition')
    return p.key.type === 'Identifier' ? p.key.name : null;
  return null;
}

export function shortText(text: string, node: Node, max = 40): string {
  const t = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The values a name can hold where it is read: the initialiser of the declaration in scope (innermost function or
 * the module, block-scoped bindings only where their block holds the use) plus every later assignment to it in that
 * scope. Null when the name is a parameter or is not declared in this file: its value comes from a caller not seen.
 */
export function bindingValues(use: TSESTree.Identifier, index: EstreeIndex): Node[] | null {
  const name = use.name;
  const scopes: Node[] = [];
  for (const a of index.ancestors(use)) {
    if (FUNCTION_TYPES.has(a.type)) {
      if ((a as FunctionNode).params.some((p) => boundNames(p as Node).includes(name))) return null;
      scopes.push(a);
    } else if (a.type === 'Program') scopes.push(a);
  }
  const all = index.bindingsOf(name);
  const inside = (n: Node, scope: Node) => n.range[0] >= scope.range[0] && n.range[1] <= scope.range[1];
  for (const scope of scopes) {
    const decls = all.decls.filter((d) => inside(d, scope) && ownScope(d, index) === scope && blockHolds(d, use, index));
    if (!decls.length) continue;
    const decl = decls[decls.length - 1]!;
    const values: Node[] = decl.init ? [decl.init] : [];
    for (const a of all.assigns) if (inside(a, scope)) values.push(a.right);
    return values;
  }
  return null;
}

function ownScope(node: Node, index: EstreeIndex): Node {
  for (const a of index.ancestors(node)) if (FUNCTION_TYPES.has(a.type) || a.type === 'Program') return a;
  return node;
}

/** A `let`/`const` declared inside a block is visible only inside that block. */
function blockHolds(decl: TSESTree.VariableDeclarator, use: Node, index: EstreeIndex): boolean {
  const d = index.parent(decl);
  if (d?.type === 'VariableDeclaration' && d.kind === 'var') return true;
  const block = index.parent(d ?? decl);
  if (!block || block.type === 'Program' || FUNCTION_TYPES.has(block.type) || block.type === 'ExportNamedDeclaration') return true;
  const inner = block.type === 'BlockStatement' && FUNCTION_TYPES.has(index.parent(block)?.type ?? '') ? null : block;
  return !inner || (use.range[0] >= inner.range[0] && use.range[1] <= inner.range[1]);
}

/**
 * Every string an expression can evaluate to, each unresolved part as `{}`: literals, templates, `+`, `?:`, `??`/`||`
 * and names through `bindingValues`. Capped so a long chain of alternatives stays small.
 */
export function stringCandidates(node: Node | null | undefined, index: EstreeIndex, depth = 0): string[] {
  if (!node || depth > 5) return ['{}'];
  const n = unwrap(node);
  const cap = (xs: string[]) => [...new Set(xs)].slice(0, 16);
  if (n.type === 'Literal') return typeof n.value === 'string' ? [n.value] : ['{}'];
  if (n.type === 'TemplateLiteral') {
    let acc = [n.quasis[0]?.value.cooked ?? ''];
    n.expressions.forEach((e, i) => {
      const parts = stringCandidates(e as Node, index, depth + 1);
      acc = cap(acc.flatMap((a) => parts.map((p) => a + p + (n.quasis[i + 1]?.value.cooked ?? ''))));
    });
    return acc;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const a = stringCandidates(n.left as Node, index, depth + 1);
    const b = stringCandidates(n.right, index, depth + 1);
    return cap(a.flatMap((x) => b.map((y) => x + y)));
  }
  if (n.type === 'ConditionalExpression')
    return cap([...stringCandidates(n.consequent, index, depth + 1), ...stringCandidates(n.alternate, index, depth + 1)]);
  if (n.type === 'LogicalExpression' && n.operator !== '&&')
    return cap([...stringCandidates(n.left, index, depth + 1), ...stringCandidates(n.right, index, depth + 1)]);
  if (n.type === 'Identifier') {
    const values = bindingValues(n, index);
    if (!values || !values.length) return ['{}'];
    return cap(values.flatMap((v) => stringCandidates(v, index, depth + 1)));
  }
  return ['{}'];
}

/** The object literal an options argument is, through a name bound to one in scope; null when not seen. */
export function objectLiteralOf(node: Node | null | undefined, index: EstreeIndex): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const n = unwrap(node);
  if (n.type === 'ObjectExpression') return n;
  if (n.type === 'Identifier') {
    const values = bindingValues(n, index);
    const v = values?.length === 1 ? unwrap(values[0]!) : null;
    return v?.type === 'ObjectExpression' ? v : null;
  }
  return null;
}

/** `null`, `undefined` or `void 0`: a parameter passed with no value. */
export function isNullish(node: Node | null | undefined): boolean {
  const n = node ? unwrap(node) : null;
  return (
    !!n &&
    ((n.type === 'Literal' && n.value === null && !('regex' in n)) ||
      (n.type === 'Identifier' && n.name === 'undefined') ||
      (n.type === 'UnaryExpression' && n.operator === 'void'))
  );
}
