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
  /** The grammar's if / block / break / return node types, to tell code that runs once in a loop. */
  ifType: string;
  blockTypes: ReadonlySet<string>;
  /** Statement types that end the innermost loop (break) or every loop of the function (return, throw). */
  breakType: string;
  exitTypes: ReadonlySet<string>;
  /** Calls that read a clock (cudaEventRecord, std::chrono, time.perf_counter): a loop bracketed by them is measured. */
  timer: RegExp;
  /** Whether a loop may be a benchmark's repetition loop (Python: not `for x in loader`); default: every loop. */
  countedLoop?: (loop: SyntaxNode) => boolean;
}

/** `i == 0`, `(iter == 0)`, `0 == i`, `i == first`: a test that holds on one iteration of a loop over `vars`. */
function singleIterationTest(condition: SyntaxNode, vars: readonly string[]): boolean {
  const text = collapse(condition.text).replace(/^\(\s*(.*?)\s*\)$/, '$1');
  const m = /^([A-Za-z_]\w*)\s*==\s*([A-Za-z_0-9]\w*)$/.exec(text);
  if (!m) return false;
  return vars.includes(m[1]!) ? !vars.includes(m[2]!) : vars.includes(m[2]!);
}

/**
 * How the node leaves loops early: 'loop' when a `break` follows it in its own block of the innermost loop (it runs
 * once, then the loop ends), 'all' when a `return` does; null otherwise. `if (i == 0)` guards are read by loopChain.
 */
function exitAfter(node: SyntaxNode, syntax: LoopSyntax): 'loop' | 'all' | null {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.parent && !syntax.blockTypes.has(stmt.parent.type)) {
    if (syntax.loopTypes.has(stmt.type) || syntax.functionTypes.has(stmt.type)) return null;
    stmt = stmt.parent;
  }
  if (!stmt?.parent) return null;
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === syntax.breakType) return 'loop';
    if (syntax.exitTypes.has(s.type)) return 'all';
  }
  return null;
}

/**
 * The loops that repeat a node, innermost first, up to its function. A loop does not repeat what runs once in it:
 * code under `if (i == 0)` on that loop's variable, or followed by `break` / `return` in its block.
 */
/** Ancestors looked at for a guard (`if (i == 0)`, `#if DEBUG`) around a node: deeper ones are a hostile file's. */
export const MAX_GUARD_LEVELS = 64;

export function loopChain(node: SyntaxNode, syntax: LoopSyntax, index: Enclosing): SyntaxNode[] {
  const loops: SyntaxNode[] = [];
  for (const p of index.chain(node)) {
    if (syntax.functionTypes.has(p.type)) break;
    if (syntax.loopTypes.has(p.type)) loops.push(p);
  }
  if (!loops.length) return loops;
  const exit = exitAfter(node, syntax);
  if (exit === 'all') return [];
  const once = new Set<SyntaxNode>();
  if (exit === 'loop') once.add(loops[0]!);
  // `if (i == 0) { ... }` between the node and the loop that binds i. Each `.parent` of the WASM tree is found from
  // the root: the walk stops after MAX_GUARD_LEVELS (a loop further up keeps repeating the node, the safe answer).
  let levels = 0;
  for (let p: SyntaxNode | null = node.parent, k = 0; p && k < loops.length && levels++ < MAX_GUARD_LEVELS; p = p.parent) {
    if (p.startIndex === loops[k]!.startIndex && p.type === loops[k]!.type) {
      k++;
      continue;
    }
    if (p.type !== syntax.ifType) continue;
    const cond = field(p, 'condition');
    const consequence = field(p, 'consequence');
    if (!cond || !consequence || node.startIndex < consequence.startIndex || node.endIndex > consequence.endIndex) continue;
    for (const loop of loops.slice(k)) if (singleIterationTest(cond, syntax.variables(loop))) once.add(loop);
  }
  return loops.filter((l) => !once.has(l));
}

const timedLoops = new WeakMap<LoopSyntax, Map<number, boolean>>();
const clockLoops = new WeakMap<LoopSyntax, Map<number, boolean>>();

/** The loop's own text (header and body) reads a clock; remembered per loop, as every call in it asks. */
function readsClock(loop: SyntaxNode, syntax: LoopSyntax): boolean {
  let cache = clockLoops.get(syntax);
  if (!cache) clockLoops.set(syntax, (cache = new Map()));
  const known = cache.get(loop.startIndex);
  if (known !== undefined) return known;
  const reads = syntax.timer.test(loop.text);
  cache.set(loop.startIndex, reads);
  return reads;
}

/**
 * A benchmark measuring `node` in `loop`: clock reads bracket the loop in its block (`cudaEventRecord(start);
 * for (...) {...} cudaEventRecord(stop);`), or, inside the loop, a clock read comes before the node and another after
 * it (`t0 = perf_counter(); copy; t1 = perf_counter()`). A copy made before the timer starts in the loop body is not
 * what is measured.
 */
export function isTimedLoop(loop: SyntaxNode, syntax: LoopSyntax, node?: SyntaxNode): boolean {
  if (syntax.countedLoop && !syntax.countedLoop(loop)) return false;
  if (bracketedByTimers(loop, syntax)) return true;
  if (!readsClock(loop, syntax)) return false;
  if (!node) return true;
  const text = loop.text;
  const start = node.startIndex - loop.startIndex;
  const end = node.endIndex - loop.startIndex;
  return syntax.timer.test(text.slice(0, Math.max(0, start))) && syntax.timer.test(text.slice(Math.min(text.length, end)));
}

function bracketedByTimers(loop: SyntaxNode, syntax: LoopSyntax): boolean {
  let cache = timedLoops.get(syntax);
  if (!cache) timedLoops.set(syntax, (cache = new Map()));
  const known = cache.get(loop.startIndex);
  if (known !== undefined) return known;
  // Up to four statements either side.
  let before = false;
  let after = false;
  let s = loop.previousNamedSibling;
  for (let k = 0; s && k < 4 && !before; k++, s = s.previousNamedSibling) before = syntax.timer.test(s.text);
  s = loop.nextNamedSibling;
  for (let k = 0; s && k < 4 && !after; k++, s = s.nextNamedSibling) after = syntax.timer.test(s.text);
  cache.set(loop.startIndex, before && after);
  return before && after;
}

/** The loops enclosing a node up to its function, innermost first. */
export function loopInfo(node: SyntaxNode, syntax: LoopSyntax, lines: LineMap, index: Enclosing): LoopInfo | null {
  const loops = loopChain(node, syntax, index);
  if (!loops.length) return null;
  let total: number | null = 1;
  const variables: string[] = [];
  let timed = false;
  let clocked = false;
  for (const p of loops) {
    variables.push(...syntax.variables(p));
    const trips = syntax.tripCount(p);
    total = total !== null && trips !== null ? total * trips : null;
    timed ||= isTimedLoop(p, syntax, node);
    clocked ||= isTimedLoop(p, syntax);
  }
  const innermost = loops[0]!;
  const perIteration = (!syntax.countedLoop || syntax.countedLoop(innermost)) && readsClock(innermost, syntax);
  return {
    tripCount: syntax.tripCount(innermost),
    totalTrips: total,
    line: lines.position(innermost.startIndex).line,
    variables,
    ...(timed ? { timed: true } : {}),
    ...(clocked ? { clocked: true } : {}),
    ...(perIteration ? { clockedPerIteration: true } : {}),
  };
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
