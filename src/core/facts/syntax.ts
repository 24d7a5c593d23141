// Small helpers over tree-sitter nodes shared by the C-family and Python fact extractors.
import { nodesOfTypes, type SyntaxNode } from '../parse/tree-sitter';

/**
 * Every node of the types a file's extractors need, found by ONE tree-sitter query (a query's cost is the
 * traversal, whatever the number of patterns) and handed out per consumer in document order, parents first.
 */
export class NodeIndex {
  private readonly nodes: SyntaxNode[];
  private readonly types: string[];
  constructor(root: SyntaxNode | SyntaxNode[], types?: ReadonlySet<string>) {
    // A list: nodes an earlier query found, already in document order.
    this.nodes = Array.isArray(root) ? root : nodesOfTypes(root, types ?? new Set());
    this.types = this.nodes.map((n) => n.type);
  }
  of(types: ReadonlySet<string>): SyntaxNode[] {
    return this.nodes.filter((_, i) => types.has(this.types[i]!));
  }
}
import type { LoopInfo, SourceRange } from '../model/types';

/**
 * Maps UTF-16 offsets to 1-based line/column: the same convention as VS Code and the report. Lines end where VS
 * Code ends them: at `\n`, `\r\n` and a lone `\r` (old Mac files; tree-sitter counts `\n` only, which is why positions
 * never come from its rows).
 */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (const m of text.matchAll(/\r\n?|\n/g)) this.starts.push(m.index + m[0].length);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  range(startOffset: number, endOffset: number): SourceRange {
    const s = this.position(startOffset);
    const e = this.position(endOffset);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

export function children(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null);
}

export function field(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.childForFieldName(name);
}

/**
 * Visits nodes in document order (pre-order), without recursion so deep nesting cannot overflow the stack.
 * With `types`, only nodes of those types are materialised (the cursor's type is read without creating a Node).
 * For whole files use NodeIndex: one query is cheaper than a JavaScript-driven walk.
 */
export function walk(root: SyntaxNode, visit: (node: SyntaxNode) => void, types?: ReadonlySet<string>): void {
  const cursor = root.walk();
  let done = false;
  while (!done) {
    if (!types || types.has(cursor.nodeType)) visit(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cursor.delete();
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The functions and loops of a file as offset ranges, so "which function / loops contain this node" is answered
 * in JavaScript instead of by Node.parent, which tree-sitter computes by descending from the root on every call.
 */
export class Enclosing {
  private readonly items: Array<{ start: number; end: number; node: SyntaxNode }>;
  constructor(nodes: SyntaxNode[]) {
    this.items = nodes.map((node) => ({ start: node.startIndex, end: node.endIndex, node })).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Nodes strictly containing `node` (or equal to it in span but of another type), innermost first. */
  chain(node: SyntaxNode): SyntaxNode[] {
    const start = node.startIndex;
    const end = node.endIndex;
    const result: Array<{ start: number; end: number; node: SyntaxNode }> = [];
    for (const it of this.items) {
      if (it.start > start) break;
      if (it.end >= end && !(it.start === start && it.end === end && it.node.type === node.type)) result.push(it);
    }
    return result.sort((a, b) => b.start - a.start || a.end - b.end).map((r) => r.node);
  }

  innermost(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode | null {
    for (const n of this.chain(node)) if (types.has(n.type)) return n;
    return null;
  }
}

export interface LoopSyntax {
  loopTypes: ReadonlySet<string>;
  functionTypes: ReadonlySet<string>;
  tripCount: (loop: SyntaxNode) => number | null;
  variables: (loop: SyntaxNode) => string[];
}

/** The loops enclosing a node up to its function, innermost first. */
export function loopInfo(node: SyntaxNode, syntax: LoopSyntax, lines: LineMap, index: Enclosing): LoopInfo | null {
  let innermost: SyntaxNode | null = null;
  let total: number | null = 1;
  const variables: string[] = [];
  for (const p of index.chain(node)) {
    if (syntax.functionTypes.has(p.type)) break;
    if (!syntax.loopTypes.has(p.type)) continue;
    // A call in the loop's header (its condition or iterable) runs once per trip too; that is the usual case.
    innermost ??= p;
    variables.push(...syntax.variables(p));
    const trips = syntax.tripCount(p);
    total = total !== null && trips !== null ? total * trips : null;
  }
  if (!innermost) return null;
  return { tripCount: syntax.tripCount(innermost), totalTrips: total, line: lines.position(innermost.startIndex).line, variables };
}

/** Whether `text` mentions the identifier `name` as a whole word (names are escaped: never a pattern). */
export function mentionsName(text: string, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  return new RegExp(`(^|[^\\w])${name}($|[^\\w])`).test(text);
}

/**
 * The spaces and tabs between the line start and `offset` when nothing else is there (null otherwise). Reads back
 * from `offset` only: a regex over the text before it made every call site cost the length of the file.
 */
export function indentBefore(text: string, offset: number): string | null {
  const nl = text.lastIndexOf('\n', offset - 1);
  if (nl < 0) return null;
  const between = text.slice(nl + 1, offset);
  return /^[ \t]*$/.test(between) ? between : null;
}
