// Adapter over VS Code's own tree-sitter WASM build: one runtime, the C++ grammar (C, CUDA and OpenCL C parse
// with it after cuda-mask) and the Python grammar. WASM files are looked up next to the bundle first
// (dist/wasm, copied by esbuild.mjs), then in the npm package (tests run from source).
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import { maskGpuDialect, type MaskResult } from './cuda-mask';
import type { Language } from '../model/types';
import { activeBudget, budgetSpent, checkBudget, within, type Budget } from '../budget';

// The package is a UMD bundle whose typings are a module declaration; require keeps esbuild and tsc happy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts: typeof TreeSitter = require('@vscode/tree-sitter-wasm');

export type SyntaxNode = TreeSitter.Node;
export type SyntaxTree = TreeSitter.Tree;

export interface ParsedSource {
  tree: SyntaxTree;
  /** The text the tree was built from: same length and line breaks as the original. */
  text: string;
  mask: MaskResult;
  errorCount: number;
}

/**
 * One tree-sitter runtime: the WASM instance (its own linear memory), the two grammars loaded into it, and the
 * parsers and queries made from them. A trap inside the WASM ("memory access out of bounds", a stack overflow) can
 * leave that memory corrupt, so the runtime that trapped is dropped and the next parse gets a fresh instance: one
 * file that traps never changes the analysis of another.
 */
interface Runtime {
  ts: typeof TreeSitter;
  cpp: TreeSitter.Language;
  python: TreeSitter.Language;
  parsers: Map<'cpp' | 'python', TreeSitter.Parser>;
  /** How many runtimes this process had before this one (0: the first). */
  generation: number;
}

let ready: Promise<Runtime> | null = null;
/** The runtime ready promise resolved to, for the synchronous helpers (withCExpression, nodesOfTypes). */
let current: Runtime | null = null;
let generations = 0;
/** The binding of each language, so a tree of an older runtime still finds its own Query class. */
const bindingOf = new WeakMap<object, typeof TreeSitter>();

function wasmDir(): string {
  const candidates = [join(__dirname, 'wasm'), join(__dirname, '..', 'wasm')];
  for (const dir of candidates) if (existsSync(join(dir, 'tree-sitter.wasm'))) return dir;
  return dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
}

/**
 * A binding whose WASM instance is not the trapped one. The package keeps its instance in a module variable, so a
 * fresh one needs a fresh evaluation of the binding: dist/wasm/tree-sitter.js next to the bundle (esbuild.mjs copies
 * it), or the package's own file when run from source.
 */
function freshBinding(): typeof TreeSitter {
  const bundled = join(wasmDir(), 'tree-sitter.js');
  const file = existsSync(bundled) ? bundled : require.resolve('@vscode/tree-sitter-wasm');
  delete require.cache[file];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as typeof TreeSitter;
}

/** Loads the runtime and grammars once per process (and again after a trap). */
export async function initTreeSitter(): Promise<{ cpp: TreeSitter.Language; python: TreeSitter.Language }> {
  ready ??= (async () => {
    const binding = generations === 0 ? ts : freshBinding();
    const dir = wasmDir();
    await binding.Parser.init({ locateFile: (file: string) => join(dir, file) });
    const [cpp, python] = await Promise.all([
      binding.Language.load(join(dir, 'tree-sitter-cpp.wasm')),
      binding.Language.load(join(dir, 'tree-sitter-python.wasm')),
    ]);
    bindingOf.set(cpp, binding);
    bindingOf.set(python, binding);
    const rt: Runtime = { ts: binding, cpp, python, parsers: new Map(), generation: generations++ };
    current = rt;
    return rt;
  })();
  // A failed start (a missing .wasm) is tried again on the next call instead of failing every later file.
  ready.catch(() => {
    ready = null;
  });
  return ready;
}

/**
 * Drops the current runtime after a trap: its parsers are not used again (nor deleted: that would run code in the
 * corrupt instance), and the next parse loads a fresh instance. Trees of the old runtime that callers still hold
 * (ParseCache) are dropped without calling into it.
 */
export function discardTreeSitterRuntime(): void {
  if (current) retired.add(current.cpp).add(current.python);
  current = null;
  ready = null;
}
const retired = new WeakSet<object>();

/** How many runtimes this process has discarded after traps (the tests read it). */
export function treeSitterGeneration(): number {
  return current?.generation ?? generations;
}

/** An error that means the WASM instance itself failed, not the input: a trap, or a stack overflow inside it. */
export function isWasmTrap(err: unknown): boolean {
  return (
    err instanceof WebAssembly.RuntimeError ||
    err instanceof RangeError ||
    (err instanceof Error && /memory access out of bounds|unreachable|table index is out of bounds|null function/.test(err.message.slice(0, 200)))
  );
}

async function parserFor(grammar: 'cpp' | 'python'): Promise<{ parser: TreeSitter.Parser; rt: Runtime }> {
  const rt = await initTreeSitter().then(() => current!);
  let parser = rt.parsers.get(grammar);
  if (!parser) {
    parser = new rt.ts.Parser();
    parser.setLanguage(grammar === 'cpp' ? rt.cpp : rt.python);
    rt.parsers.set(grammar, parser);
  }
  return { parser, rt };
}

/**
 * Test seam (AI_INFRA_ADVISOR_TEST_TRAP=<marker>): parsing a text that contains the marker behaves as a real trap
 * does, including what made it dangerous: the runtime that "trapped" fails every later parse. No input found for this
 * build traps reliably, so the containment is tested through this.
 */
const poisoned = new WeakSet<Runtime>();
function testTrap(rt: Runtime, text: string): void {
  const marker = process.env.AI_INFRA_ADVISOR_TEST_TRAP;
  if (!marker) return;
  if (poisoned.has(rt) || text.includes(marker)) {
    poisoned.add(rt);
    throw new WebAssembly.RuntimeError('memory access out of bounds');
  }
}

export function grammarFor(language: Language): 'cpp' | 'python' | null {
  if (language === 'python') return 'python';
  if (language === 'cuda' || language === 'opencl-c' || language === 'c' || language === 'cpp') return 'cpp';
  return null;
}

/**
 * Parses C-family or Python source. The caller must call tree.delete() when done (WASM memory). With `previous`
 * (the same document's last parse, same grammar), the change between the two texts is applied to the old tree and
 * tree-sitter reuses every subtree outside it; `previous.tree` is edited in place and must still be deleted.
 */
export async function parseSource(text: string, language: Language, previous?: ParsedSource | null, budget?: Budget | null): Promise<ParsedSource> {
  const grammar = grammarFor(language);
  if (!grammar) throw new Error(`no tree-sitter grammar for ${language}`);
  const mask: MaskResult =
    grammar === 'cpp'
      ? maskGpuDialect(text, language === 'opencl-c' ? 'opencl-c' : language === 'cuda' ? 'cuda' : 'plain')
      : { text, launches: [], qualifiers: [] };
  const { parser, rt } = await parserFor(grammar);
  let old: SyntaxTree | null = null;
  if (previous && previous.tree.language === parser.language) {
    previous.tree.edit(editBetween(previous.text, mask.text));
    old = previous.tree;
  }
  let tree: SyntaxTree | null;
  try {
    // The time budget (budget.ts) is checked while tree-sitter parses: returning true cancels the parse.
    tree = within(budget ?? activeBudget(), () => {
      testTrap(rt, mask.text);
      return parser.parse(mask.text, old, { progressCallback: budgetSpent });
    });
  } catch (err) {
    if (isWasmTrap(err)) discardTreeSitterRuntime();
    throw err;
  }
  if (!tree) {
    parser.reset();
    (budget ?? activeBudget())?.check();
    throw new Error('tree-sitter returned no tree');
  }
  if (bracketDepth(mask.text) > DEEP_NESTING) deepTrees.add(tree);
  return { tree, text: mask.text, mask, errorCount: countErrors(tree.rootNode) };
}

/**
 * The last parse of each open document, for incremental re-parsing (the language server keeps one). A tree stays in
 * WASM memory until it is replaced or the document is dropped.
 */
export class ParseCache {
  private readonly parsed = new Map<string, ParsedSource>();
  get(key: string): ParsedSource | null {
    return this.parsed.get(key) ?? null;
  }
  set(key: string, parsed: ParsedSource): void {
    const old = this.parsed.get(key);
    if (old && old !== parsed) deleteTree(old.tree);
    this.parsed.set(key, parsed);
  }
  delete(key: string): void {
    const old = this.parsed.get(key);
    if (old) deleteTree(old.tree);
    this.parsed.delete(key);
  }
  get size(): number {
    return this.parsed.size;
  }
}

/** Frees a tree's WASM memory, unless its runtime was discarded after a trap (its memory is not touched again). */
export function deleteTree(tree: SyntaxTree): void {
  if (retired.has(tree.language)) return;
  try {
    tree.delete();
  } catch (err) {
    if (isWasmTrap(err)) discardTreeSitterRuntime();
  }
}

/** The one contiguous change from `before` to `after`: their common prefix and suffix are left alone. */
export function editBetween(before: string, after: string): TreeSitter.Edit {
  const max = Math.min(before.length, after.length);
  // Whole blocks first (a native string compare), then character by character: a 10k-line file is 400 KB.
  const BLOCK = 512;
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail + BLOCK <= max - start &&
    before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)
  )
    tail += BLOCK;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const startPosition = pointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAt(before, oldEnd, start, startPosition),
    newEndPosition: pointAt(after, newEnd, start, startPosition),
  };
}

/** Row and column (UTF-16 units, as the WASM binding counts) of `index`, counting on from a known point. */
function pointAt(text: string, index: number, from = 0, at: TreeSitter.Point = { row: 0, column: 0 }): TreeSitter.Point {
  let row = at.row;
  let lineStart = from - at.column;
  // indexOf, not a loop over characters: an edit near the end of a 400 KB file counts every line before it.
  for (let nl = text.indexOf('\n', from); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    row++;
    lineStart = nl + 1;
  }
  return { row, column: index - lineStart };
}

function countErrors(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  let count = 0;
  const cursor = root.walk();
  let done = false;
  while (!done) {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing) count++;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  cursor.delete();
  return count;
}

/**
 * Parses a C expression given as text (a `#define` body) and hands its node to `use` while the snippet tree is
 * alive. Needs initTreeSitter() to have finished; analyze() awaits it before extracting facts.
 */
export function withCExpression<T>(text: string, use: (expr: SyntaxNode | null) => T): T {
  const parser = current?.parsers.get('cpp');
  if (!parser) return use(null);
  checkBudget();
  const prefix = 'long long __aia_value = (';
  let tree: SyntaxTree | null;
  try {
    tree = parser.parse(`${prefix}${text}\n);`, null, { progressCallback: budgetSpent });
  } catch (err) {
    if (isWasmTrap(err)) discardTreeSitterRuntime();
    throw err;
  }
  if (!tree) {
    parser.reset();
    checkBudget();
    return use(null);
  }
  try {
    const decl = tree.rootNode.namedChild(0);
    const init = decl?.childForFieldName('declarator');
    const value = init?.type === 'init_declarator' ? init.childForFieldName('value') : null;
    const inner = value?.type === 'parenthesized_expression' && value.namedChildCount === 1 ? value.namedChild(0) : null;
    return use(tree.rootNode.hasError ? null : inner);
  } finally {
    deleteTree(tree);
  }
}

const queries = new WeakMap<object, Map<string, TreeSitter.Query>>();

/**
 * All nodes of the given types under `root`, in document order. A tree-sitter query runs inside WASM and hands
 * back only the matches, which is several times cheaper than walking every node from JavaScript.
 */
export function nodesOfTypes(root: SyntaxNode, types: ReadonlySet<string>): SyntaxNode[] {
  checkBudget();
  const language = root.tree.language;
  let byKey = queries.get(language);
  if (!byKey) queries.set(language, (byKey = new Map()));
  const key = [...types].sort().join(' ');
  let query = byKey.get(key);
  if (!query) {
    query = new (bindingOf.get(language) ?? ts).Query(language, [...types].map((t) => `(${t}) @n`).join('\n'));
    byKey.set(key, query);
  }
  // The query cursor slows down with nesting depth (50,000 nested launches: 44 s, and its progress callback is not
  // called meanwhile), so a deeply nested tree is walked instead, which is linear at any depth.
  if (deepTrees.has(root.tree)) return walkForTypes(root, types);
  const captures = query.captures(root);
  checkBudget();
  return captures.map((c) => c.node);
}

/** Trees whose text nests brackets deeper than DEEP_NESTING (parseSource marks them). */
const deepTrees = new WeakSet<object>();
const DEEP_NESTING = 500;

/** The deepest nesting of (, [ and { in `text`, by one pass over its characters (strings are not skipped: a bound, not a parse). */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/** The nodes of `types` under `root` in document order, by a cursor walk (no recursion, linear in the nodes). */
function walkForTypes(root: SyntaxNode, types: ReadonlySet<string>): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const cursor = root.walk();
  try {
    for (let visited = 0; ; visited++) {
      if ((visited & 4095) === 0) checkBudget();
      if (types.has(cursor.nodeType)) found.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return found;
    }
  } finally {
    cursor.delete();
  }
}
