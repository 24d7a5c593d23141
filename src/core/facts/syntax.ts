// Small helpers over tree-sitter nodes shared by the C-family and Python fact extractors.
import type { SyntaxNode } from '../parse/tree-sitter';
import type { LoopInfo, SourceRange } from '../model/types';

/** Maps UTF-16 offsets to 1-based line/column: the same convention as VS Code and the report. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
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

/** Visits nodes in document order (pre-order), without recursion so deep nesting cannot overflow the stack. */
export function walk(root: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  const cursor = root.walk();
  let done = false;
  while (!done) {
    visit(cursor.currentNode);
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

export interface LoopSyntax {
  loopTypes: ReadonlySet<string>;
  functionTypes: ReadonlySet<string>;
  tripCount: (loop: SyntaxNode) => number | null;
  variables: (loop: SyntaxNode) => string[];
}

/** The loops enclosing a node up to its function, innermost first. */
export function loopInfo(node: SyntaxNode, syntax: LoopSyntax, lines: LineMap): LoopInfo | null {
  let innermost: SyntaxNode | null = null;
  let total: number | null = 1;
  const variables: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
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
