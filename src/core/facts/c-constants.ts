// Constant folding for C, C++, CUDA and OpenCL C: `#define`, `const`/`constexpr`, enums, locals that are
// initialised once and never written again, `sizeof` of primitive types, typedefs and simple structs of the
// same file, arithmetic and shifts. What cannot be folded stays symbolic and names the unknown identifiers.
import { nodesOfTypes, type SyntaxNode } from '../parse/tree-sitter';
import type { SizeValue } from '../model/types';
import { C_TYPE_LAYOUTS, POINTER_LAYOUT, normaliseTypeName, type TypeLayout } from './type-sizes';
import { Enclosing, children, collapse, field, type NodeIndex } from './syntax';

export type FoldReason = 'out of range' | 'too deep';

export interface Folded {
  value: number | null;
  unknowns: string[];
  /** Why a value that looked constant is still unknown: outside [0, 2^64) somewhere, or past a folding bound. */
  reason?: FoldReason;
}

interface VarInfo {
  typeText: string;
  /** Pointer depth of the declarator (`float **p` -> 2). */
  pointers: number;
  /** Array element counts of the declarator (`float a[4][8]` -> [a: 4, 8]), as nodes to fold. */
  arrayDims: SyntaxNode[];
  init: SyntaxNode | null;
  /** The initialiser as text, for constants read from an included header (no node in this file's tree). */
  initText?: string;
  isConst: boolean;
}

interface Scope {
  /** The function's start offset; -1 for the file. */
  id: number;
  vars: Map<string, VarInfo>;
  written: Set<string>;
  /** Every write of a name in this scope (assignments, ++/--, &n, stream extraction): one `n = expr;` may be folded. */
  writes: Map<string, SyntaxNode[]>;
  /** The function's text span (the file: everything): calls in it that pass a local by reference write it. */
  start: number;
  end: number;
}

/** What an included header defines, for the folder of a file that includes it (see c-includes.ts). */
export interface HeaderDefinitions {
  /** Object-like macros: name -> body, comments and line continuations removed. */
  defines: ReadonlyMap<string, string>;
  /** Function-like macros: name -> parameters and body. */
  functionMacros: ReadonlyMap<string, { params: string[]; body: string }>;
  /** File-scope const/constexpr variables: name -> type and initialiser text. */
  constants: ReadonlyMap<string, { typeText: string; init: string }>;
  /** Enumerators: name -> value expression text. */
  enums: ReadonlyMap<string, string>;
  /** Layouts of the structs, classes and typedefs the headers define. */
  layouts: ReadonlyMap<string, TypeLayout>;
  /** Parameters taken by non-const reference, by function name (`void parse(size_t& n)` -> [0]). */
  refParams: ReadonlyMap<string, readonly number[]>;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda_expression']);
export const C_CONSTANT_TYPES: ReadonlySet<string> = new Set([
  'preproc_def',
  'enumerator_list',
  'struct_specifier',
  'class_specifier',
  'union_specifier',
  'type_definition',
  'declaration',
  'assignment_expression',
  'update_expression',
  'pointer_expression',
  'preproc_function_def',
  'expression_statement',
]);
/** What collect() reads besides the constant types: signatures and calls (reference out-parameters, helper arguments). */
const COLLECT_TYPES: ReadonlySet<string> = new Set([...C_CONSTANT_TYPES, 'function_definition', 'call_expression']);
/** What the whole-file index holds: signatures (reference parameters) and calls (a helper's arguments). */
export const FILE_INDEX_TYPES: ReadonlySet<string> = new Set([
  'function_definition',
  'declaration',
  'call_expression',
  'assignment_expression',
  'update_expression',
  'pointer_expression',
]);
/** Nested evaluation frames (expression levels plus name look-ups) before a fold gives up as "too deep". */
export const MAX_FOLD_DEPTH = 500;
/** Evaluation steps one folder may take over a whole file: a last bound that no input can get past. */
export const MAX_FOLD_STEPS = 4_000_000;
/** Unknown names kept per folded value: a chain of unknowns must not grow a list per level. */
const MAX_UNKNOWNS = 8;
/** A macro or initialiser longer than this is not parsed as an expression. */
const MAX_EXPRESSION_CHARS = 4096;
/** Sizes are size_t: a value outside [0, 2^64) is no byte count a program can ask for. */
export const SIZE_LIMIT = 2 ** 64;

export const known = (value: number): Folded => ({ value, unknowns: [] });
export const unknown = (...names: string[]): Folded => ({ value: null, unknowns: names.slice(0, MAX_UNKNOWNS).map(shorten) });
export const outOfRange = (text: string): Folded => ({ value: null, unknowns: [shorten(collapse(text))], reason: 'out of range' });
const tooDeep = (text: string): Folded => ({ value: null, unknowns: [shorten(collapse(text))], reason: 'too deep' });
/** A value, or "out of range" when an intermediate leaves what 64-bit C arithmetic can hold (or is not finite). */
export const checked = (value: number, text: string): Folded =>
  Number.isFinite(value) && Math.abs(value) < SIZE_LIMIT ? known(value) : outOfRange(text);

/** Unknown names of several parts, de-duplicated and capped; the first bound hit is kept as the reason. */
export function merge(...parts: Folded[]): Folded {
  const names = new Set<string>();
  let reason: FoldReason | undefined;
  for (const p of parts) {
    reason ??= p.reason;
    for (const n of p.unknowns) if (names.size < MAX_UNKNOWNS) names.add(n);
  }
  return { value: null, unknowns: [...names], ...(reason ? { reason } : {}) };
}

export function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

type Memo = Folded | 'in progress';
/** Names looked up at file scope: a header's initialiser, a helper's argument folded where the helper is called. */
const FILE = 'file' as const;
const LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement', 'for_range_loop']);
type Site = SyntaxNode | typeof FILE;

interface FileIndex {
  refParams: Map<string, Set<number>>;
  calls: Map<string, SyntaxNode[]>;
  /** Names assigned, incremented or address-taken anywhere in the file: a file-scope variable so named is no constant. */
  written: Set<string>;
  /** Names passed bare to a non-const reference parameter, with the offsets of those calls (built when first needed). */
  outArgs: Map<string, number[]> | null;
  /**
   * Built from the editor's per-segment indexes: the calls by callee as text and offsets, resolved to nodes of the
   * current tree (into `calls`) only when a helper's parameter is folded.
   */
  segments: ReadonlyArray<{ start: number; index: SegmentIndex }> | null;
  root: SyntaxNode | null;
}

/** A call as a segment's index keeps it: text and positions only, so it outlives the tree it was read from. */
export interface IndexedCall {
  /** Offset of the call in its segment (in the file, once placed). */
  at: number;
  text: string;
  /** Each argument's name when it is a bare identifier, else null (a bare name may be a reference out-argument). */
  args: Array<string | null>;
}

/**
 * What one top-level part of a file adds to the file index, as text (see CConstantFolder.wholeFileKey): the editor
 * keeps it per segment text, so an edit re-indexes the function edited, not the file.
 */
export interface SegmentIndex {
  refParams: Array<[string, number[]]>;
  written: string[];
  calls: Map<string, IndexedCall[]>;
  /** Its identifiers used other than as a callee (see CConstantFolder.escapes), and how its text starts and ends. */
  names: SegmentNames;
}

/**
 * The identifiers of a text not followed by `(` (whitespace between allowed). `tail`: the last identifier when only
 * whitespace follows it, decided by the next text; `startsWord`/`endsWord`: the text begins or ends with an
 * identifier's character, where two texts joined could make one identifier.
 */
export interface SegmentNames {
  values: string[];
  tail: string | null;
  startsWord: boolean;
  endsWord: boolean;
  /** The first character after leading whitespace is `(`: a previous text's last word is then a callee. */
  opensCall: boolean;
  /** Only whitespace (or nothing): the next text decides a previous text's last word. */
  blank: boolean;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
const WORD_CHAR = /[\w$]/;

export function namesUsedAsValues(text: string): SegmentNames {
  const values = new Set<string>();
  let tail: string | null = null;
  for (const m of text.matchAll(IDENTIFIER)) {
    let j = m.index + m[0].length;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
    if (j === text.length) tail = m[0];
    else if (text[j] !== '(') values.add(m[0]);
  }
  return {
    values: [...values],
    tail,
    startsWord: WORD_CHAR.test(text[0] ?? ''),
    endsWord: WORD_CHAR.test(text[text.length - 1] ?? ''),
    opensCall: text.trimStart().startsWith('('),
    blank: text.trim() === '',
  };
}

/** Names used as values in a file, from its parts' SegmentNames (what escapes() reads instead of scanning the text). */
export interface NameLookup {
  has(name: string): boolean;
}

/**
 * Calls that only read through a pointer argument (`const void*` in their signatures): `&n` passed there does not
 * write n. By callee, the argument positions (0-based). OpenCL 3.0 and CUDA runtime/driver API signatures, C library.
 */
const READ_ONLY_POINTER_ARGS: ReadonlyMap<string, ReadonlySet<number>> = new Map([
  ['clSetKernelArg', new Set([3])],
  ['clEnqueueWriteBuffer', new Set([5])],
  ['clEnqueueWriteBufferRect', new Set([10])],
  ['cudaMemcpy', new Set([1])],
  ['cudaMemcpyAsync', new Set([1])],
  ['cudaMemcpyToSymbol', new Set([0, 1])],
  ['cudaMemcpyToSymbolAsync', new Set([0, 1])],
  ['cuMemcpyHtoD', new Set([1])],
  ['cuMemcpyHtoDAsync', new Set([1])],
  ['cuMemcpyHtoD_v2', new Set([1])],
  ['memcpy', new Set([1])],
  ['fwrite', new Set([0])],
  ['MPI_Send', new Set([0])],
  ['MPI_Isend', new Set([0])],
]);

/** `&n` as an argument a callee only reads (`clSetKernelArg(k, 2, sizeof n, &n)`). */
function addressOnlyRead(node: SyntaxNode): boolean {
  const list = node.parent;
  const call = list?.type === 'argument_list' ? list.parent : null;
  if (call?.type !== 'call_expression') return false;
  const callee = field(call, 'function');
  const name = callee?.type === 'identifier' ? callee.text : callee?.type === 'qualified_identifier' ? callee.text.replace(/^std::/, '') : null;
  const positions = name ? READ_ONLY_POINTER_ARGS.get(name) : undefined;
  if (!positions) return false;
  let i = 0;
  for (const arg of children(list!)) {
    if (!arg.isNamed || arg.type === 'comment') continue;
    if (arg.startIndex === node.startIndex && arg.endIndex === node.endIndex) return positions.has(i);
    i++;
  }
  return false;
}

const emptyIndex = (): FileIndex => ({ refParams: new Map(), calls: new Map(), written: new Set(), outArgs: null, segments: null, root: null });

const argumentNodes = (call: SyntaxNode): SyntaxNode[] => children(field(call, 'arguments') ?? call).filter((c) => c.type !== 'comment');

/** The file-index entries of one segment's nodes (`nodes`: its FILE_INDEX_TYPES nodes in document order). */
export function indexSegment(nodes: readonly SyntaxNode[], segmentStart: number, text: string): SegmentIndex {
  const index = emptyIndex();
  for (const node of nodes) if (FILE_INDEX_TYPES.has(node.type)) indexNode(index, node);
  const calls = new Map<string, IndexedCall[]>();
  for (const [name, list] of index.calls)
    calls.set(
      name,
      list.map((c) => ({
        at: c.startIndex - segmentStart,
        text: c.text,
        args: argumentNodes(c).map((a) => (a.type === 'identifier' ? a.text : null)),
      })),
    );
  return {
    refParams: [...index.refParams].map(([name, set]) => [name, [...set]]),
    written: [...index.written],
    calls,
    names: namesUsedAsValues(text),
  };
}

/** Adds one node to the file index: a write, a call, or a signature (a declarator, or a declaration holding one). */
function indexNode(index: FileIndex, node: SyntaxNode): void {
  switch (node.type) {
    case 'assignment_expression':
    case 'update_expression':
    case 'pointer_expression': {
      const target = field(node, node.type === 'assignment_expression' ? 'left' : 'argument');
      if (target?.type === 'identifier' && (node.type !== 'pointer_expression' || (node.child(0)?.type === '&' && !addressOnlyRead(node))))
        index.written.add(target.text);
      return;
    }
    case 'call_expression': {
      const name = calleeName(node);
      if (!name) return;
      let list = index.calls.get(name);
      if (!list) index.calls.set(name, (list = []));
      list.push(node);
      index.outArgs = null;
      return;
    }
    case 'function_definition':
    case 'declaration':
      for (const decl of node.childrenForFieldName('declarator')) {
        if (decl?.type === 'identifier') continue;
        const d = functionDeclarator(decl);
        if (d) indexNode(index, d);
      }
      return;
    case 'function_declarator': {
      const name = calleeName(field(node, 'declarator'));
      const refs = name ? referenceParams(field(node, 'parameters')) : [];
      if (!name || refs.length === 0) return;
      index.outArgs = null;
      let set = index.refParams.get(name);
      if (!set) index.refParams.set(name, (set = new Set()));
      for (const i of refs) set.add(i);
      return;
    }
    default:
  }
}

export class CConstantFolder {
  private readonly defines = new Map<string, string>();
  private readonly functionMacros = new Map<string, { params: string[]; body: string }>();
  /** Enumerators: the expression they count from (null: 0) and how far past it they are. */
  private readonly enums = new Map<string, { base: SyntaxNode | string | null; offset: number }>();
  private readonly typedefs = new Map<string, string>();
  private readonly structs = new Map<string, SyntaxNode>();
  private readonly structCache = new Map<string, TypeLayout | null>();
  private readonly headerLayouts = new Map<string, TypeLayout>();
  private readonly scopes = new Map<number, Scope>();
  private readonly global: Scope = { id: -1, vars: new Map(), written: new Set(), writes: new Map(), start: 0, end: Infinity };
  /** Parameters taken by non-const reference, by function name, from included headers. */
  private readonly headerRefParams = new Map<string, Set<number>>();
  /** Parameter names of the functions defined in the file (null: defined more than once, overloads). */
  private readonly definitions = new Map<string, { node: SyntaxNode; params: string[] } | null>();
  /**
   * Signatures, calls and writes of the file. Built from the parts collected (a scan collects the whole file before
   * folding), or from one query over the whole tree when the editor collects functions one by one (wholeFileKey).
   */
  private fileIndex: FileIndex = emptyIndex();
  private fileIndexFromTree = false;
  private steps = 0;
  /** Identifiers of the file used other than as a callee (see escapes), read once per file. */
  private namedAsValue: NameLookup | null = null;
  /** Folded names, per definition and scope: each is folded once however often it is used. */
  private memo = new Map<unknown, Memo>();
  /** Every type size the folder relied on, for the report's assumptions. */
  readonly assumedTypeSizes: Record<string, number> = {};
  /** Type sizes relied on since the last takeTypeSizeLog(), including ones already known (a cached segment's share). */
  private typeSizeLog = new Map<string, number>();
  /** Functions and loops of the part of the file being collected or folded: scopes are looked up in it. */
  private functions: Enclosing = new Enclosing([]);

  /**
   * Nothing is collected yet: the caller hands over the file's parts with collect(), file-scope parts first. A
   * function's locals only matter while that function is folded, so a function can be collected just before use.
   * `headers`: what the file's project includes define, read before the file's own definitions (which win).
   */
  constructor(
    private readonly parseExpression: (text: string, use: (expr: SyntaxNode | null) => Folded) => Folded,
    headers?: HeaderDefinitions,
  ) {
    if (headers) this.seed(headers);
  }

  private seed(h: HeaderDefinitions): void {
    for (const [name, body] of h.defines) this.defines.set(name, body);
    for (const [name, m] of h.functionMacros) this.functionMacros.set(name, m);
    for (const [name, c] of h.constants)
      this.global.vars.set(name, { typeText: c.typeText, pointers: 0, arrayDims: [], init: null, initText: c.init, isConst: true });
    for (const [name, text] of h.enums) this.enums.set(name, { base: text, offset: 0 });
    for (const [name, layout] of h.layouts) this.headerLayouts.set(name, layout);
    for (const [name, params] of h.refParams) this.headerRefParams.set(name, new Set(params));
  }

  /** Adds the constants, types and variables of one part of the file; `functions` must cover that part. */
  collect(nodes: NodeIndex, functions: Enclosing): void {
    this.functions = functions;
    // What is folded depends on what is collected (a write found later makes a name unknown): fold afresh.
    this.memo = new Map();
    this.collectNodes(nodes);
  }

  /**
   * What folding reads from the whole file besides the context parts: the signatures that take a parameter by
   * reference and the calls of the file's own functions (their arguments fold the callee's parameters). A cached
   * function's facts are valid while this text is unchanged (c-gpu.ts adds it to the context key).
   */
  wholeFileKey(
    root: SyntaxNode,
    definedHere: ReadonlySet<string>,
    segments?: ReadonlyArray<{ start: number; index: SegmentIndex }>,
    names?: NameLookup | null,
  ): string {
    const index = emptyIndex();
    // Per segment (the editor: each cached by its text) or, without them, from one query over the tree.
    const parts0 = segments ?? [{ start: 0, index: indexSegment(nodesOfTypes(root, FILE_INDEX_TYPES), 0, root.text) }];
    for (const { index: part } of parts0) {
      for (const [name, refs] of part.refParams) {
        let set = index.refParams.get(name);
        if (!set) index.refParams.set(name, (set = new Set()));
        for (const i of refs) set.add(i);
      }
      for (const name of part.written) index.written.add(name);
    }
    index.segments = parts0;
    index.root = root;
    this.fileIndex = index;
    this.fileIndexFromTree = true;
    if (names) this.namedAsValue = names;
    const parts = [...index.refParams].map(([name, set]) => `${name}&${[...set].join(',')}`).sort();
    parts.push([...index.written].sort().join(' '), [...this.outArgs().keys()].sort().join(' '));
    const helpers = new Set<string>();
    for (const { index: part } of parts0)
      for (const [name, calls] of part.calls) {
        if (!definedHere.has(name)) continue;
        helpers.add(name);
        parts.push(name);
        for (const c of calls) parts.push(c.text);
      }
    // Whether the helper is also used as a value decides whether its parameters fold (see escapes).
    for (const name of helpers) parts.push(`${name}:${this.escapes(name, root)}`);
    return parts.join('\u0001');
  }

  /**
   * Whether the file calls `name` or uses it other than as a callee (passes it, takes its address), from the file
   * index the editor keeps per segment: where neither holds, no text search for its callers is needed.
   */
  calledOrNamed(name: string, root: SyntaxNode): boolean {
    if (!this.calleeNames) {
      const index = this.index();
      const names = new Set(index.calls.keys());
      for (const { index: part } of index.segments ?? []) for (const callee of part.calls.keys()) names.add(callee);
      this.calleeNames = names;
    }
    return this.calleeNames.has(name) || this.escapes(name, root);
  }

  /** Every callee name of the file (see calledOrNamed), gathered once. */
  private calleeNames: Set<string> | null = null;

  /** The calls of a function in the file, as nodes of the current tree. */
  private callsOf(name: string): SyntaxNode[] {
    const index = this.index();
    const cached = index.calls.get(name);
    if (cached || !index.segments || !index.root) return cached ?? [];
    const nodes: SyntaxNode[] = [];
    for (const { start, index: part } of index.segments)
      for (const site of part.calls.get(name) ?? []) {
        const at = start + site.at;
        let n: SyntaxNode | null = index.root.descendantForIndex(at);
        while (n && !(n.type === 'call_expression' && n.startIndex === at)) n = n.parent;
        if (n) nodes.push(n);
      }
    index.calls.set(name, nodes);
    return nodes;
  }

  private index(): FileIndex {
    return this.fileIndex;
  }

  private takesReference(callee: string, i: number): boolean {
    return (this.index().refParams.get(callee)?.has(i) ?? false) || (this.headerRefParams.get(callee)?.has(i) ?? false);
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
      scope = { id: fn.startIndex, vars: new Map(), written: new Set(), writes: new Map(), start: fn.startIndex, end: fn.endIndex };
      this.scopes.set(fn.startIndex, scope);
    }
    return scope;
  }

  /** Marks a name written in its function and, from a lambda, in the functions around it (`[&]{ n = 2; }`). */
  private markWritten(node: SyntaxNode, name: string, indexed = false): void {
    // The file index counts exactly what indexNode counts (assignments, ++/--, &), whichever way it is built.
    if (indexed && !this.fileIndexFromTree) this.fileIndex.written.add(name);
    const scope = this.scopeOf(node);
    scope.written.add(name);
    const list = scope.writes.get(name);
    if (list) list.push(node);
    else scope.writes.set(name, [node]);
    if (scope === this.global || scope.vars.has(name)) return;
    for (const fn of this.functions.chain(node)) if (FUNCTION_TYPES.has(fn.type)) this.scopeFor(fn).written.add(name);
  }

  private collectNodes(nodes: NodeIndex): void {
    for (const node of nodes.of(COLLECT_TYPES)) {
      if (!this.fileIndexFromTree && node.type === 'call_expression') indexNode(this.fileIndex, node);
      switch (node.type) {
        case 'preproc_def': {
          // The body is the rest of the directive: tree-sitter ends its value at a comment (`N (1 << 20 /* x */) * 4`).
          const name = field(node, 'name');
          if (name) this.defines.set(name.text, macroBody(node.text.slice(name.endIndex - node.startIndex)));
          break;
        }
        case 'preproc_function_def': {
          const name = field(node, 'name')?.text;
          const params = field(node, 'parameters');
          if (name && params)
            this.functionMacros.set(name, {
              params: children(params).map((p) => p.text),
              body: macroBody(node.text.slice(params.endIndex - node.startIndex)),
            });
          break;
        }
        case 'enumerator_list': {
          // Implicit enumerators count up from the last explicit value.
          let base: SyntaxNode | null = null;
          let offset = 0;
          for (const e of children(node)) {
            if (e.type !== 'enumerator') continue;
            const name = field(e, 'name')?.text;
            const value = field(e, 'value');
            if (value) {
              base = value;
              offset = 0;
            }
            if (name) this.enums.set(name, { base, offset });
            offset++;
          }
          break;
        }
        case 'struct_specifier':
        case 'class_specifier':
        case 'union_specifier': {
          const name = field(node, 'name')?.text;
          if (name && field(node, 'body')) this.structs.set(name, node);
          break;
        }
        case 'type_definition': {
          const type = field(node, 'type');
          for (const d of node.childrenForFieldName('declarator')) {
            if (!d || !type) continue;
            if (d.type === 'type_identifier') {
              if ((type.type === 'struct_specifier' || type.type === 'class_specifier' || type.type === 'union_specifier') && field(type, 'body'))
                this.structs.set(d.text, type);
              else this.typedefs.set(d.text, type.text);
            }
          }
          break;
        }
        case 'declaration':
          this.collectDeclaration(node);
          break;
        case 'function_definition':
          this.collectDefinition(node);
          break;
        case 'assignment_expression': {
          const left = field(node, 'left');
          if (left?.type === 'identifier') this.markWritten(node, left.text, true);
          break;
        }
        case 'update_expression': {
          const arg = field(node, 'argument');
          if (arg?.type === 'identifier') this.markWritten(node, arg.text, true);
          break;
        }
        case 'pointer_expression': {
          // `&n` handed to a function (scanf, cudaMalloc) or kept in a pointer may write n.
          const arg = field(node, 'argument');
          if (node.child(0)?.type === '&' && arg?.type === 'identifier' && !addressOnlyRead(node)) this.markWritten(node, arg.text, true);
          break;
        }
        case 'expression_statement': {
          // `std::cin >> n;` / `in >> rows >> cols;`: a shift as a statement is a stream extraction.
          let e = node.namedChild(0);
          while (e?.type === 'binary_expression' && field(e, 'operator')?.text === '>>') {
            const right = field(e, 'right');
            if (right?.type === 'identifier') this.markWritten(node, right.text);
            e = field(e, 'left');
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private collectDeclaration(node: SyntaxNode): void {
    const typeNode = field(node, 'type');
    if (!typeNode) return;
    const isConst = node.children.some((c) => c?.type === 'type_qualifier' && /const/.test(c.text));
    const scope = this.scopeOf(node);
    for (const decl of node.childrenForFieldName('declarator')) {
      if (!decl) continue;
      const fd = decl.type === 'identifier' ? null : functionDeclarator(decl);
      if (fd) {
        if (!this.fileIndexFromTree) indexNode(this.fileIndex, fd);
        continue;
      }
      let d: SyntaxNode | null = decl;
      let init: SyntaxNode | null = null;
      if (d.type === 'init_declarator') {
        init = field(d, 'value');
        if (init?.type === 'initializer_list' && init.namedChildCount === 1)
          init = init.namedChild(0); // `size_t n{1024};`
        else if (init?.type === 'initializer_list' || init?.type === 'argument_list') init = null;
        d = field(d, 'declarator');
      }
      let pointers = 0;
      let reference = false;
      const arrayDims: SyntaxNode[] = [];
      while (d && d.type !== 'identifier') {
        if (d.type === 'pointer_declarator') pointers++;
        if (d.type === 'reference_declarator') reference = true;
        if (d.type === 'array_declarator') {
          const size = field(d, 'size');
          if (size) arrayDims.unshift(size);
        }
        d = field(d, 'declarator') ?? children(d).find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
      }
      // `size_t& r = n;` writes through r are writes to n.
      if (reference && !isConst && init?.type === 'identifier') this.markWritten(node, init.text);
      if (d) scope.vars.set(d.text, { typeText: typeNode.text, pointers, arrayDims, init: reference ? null : init, isConst });
    }
  }

  private collectDefinition(node: SyntaxNode): void {
    const d = functionDeclarator(field(node, 'declarator'));
    if (d && !this.fileIndexFromTree) indexNode(this.fileIndex, d);
    const name = d ? calleeName(field(d, 'declarator')) : null;
    if (!d || !name) return;
    const params = children(field(d, 'parameters') ?? d)
      .filter((p) => p.type === 'parameter_declaration')
      .map((p) => declaredName(field(p, 'declarator')) ?? '');
    this.definitions.set(name, this.definitions.has(name) ? null : { node, params });
  }

  private isWritten(scope: Scope, name: string): boolean {
    if (scope.written.has(name)) return true;
    const calls = this.outArgs().get(name);
    return !!calls && calls.some((at) => at >= scope.start && at < scope.end);
  }

  /** Names handed bare to a non-const reference parameter (`parse(argc, n)` with `void parse(int, size_t&)`). */
  private outArgs(): Map<string, number[]> {
    const index = this.index();
    if (index.outArgs) return index.outArgs;
    const out = new Map<string, number[]>();
    const add = (name: string, at: number) => {
      let list = out.get(name);
      if (!list) out.set(name, (list = []));
      list.push(at);
    };
    const segments = index.segments;
    const callees = segments ? new Set([...index.refParams.keys(), ...this.headerRefParams.keys()]) : index.calls.keys();
    for (const callee of callees) {
      const refs = new Set([...(index.refParams.get(callee) ?? []), ...(this.headerRefParams.get(callee) ?? [])]);
      if (refs.size === 0) continue;
      if (segments) {
        for (const { start, index: part } of segments)
          for (const call of part.calls.get(callee) ?? []) call.args.forEach((a, i) => a !== null && refs.has(i) && add(a, start + call.at));
        continue;
      }
      for (const call of index.calls.get(callee)!)
        argumentNodes(call).forEach((a, i) => {
          if (a.type === 'identifier' && refs.has(i)) add(a.text, call.startIndex);
        });
    }
    index.outArgs = out;
    return out;
  }

  private lookupVar(name: string, at: Site): { info: VarInfo; scope: Scope; written: boolean } | null {
    const scope = at === FILE ? this.global : this.scopeOf(at);
    const local = scope.vars.get(name);
    if (local) return { info: local, scope, written: this.isWritten(scope, name) };
    if (this.isWritten(scope, name)) return { info: { typeText: '', pointers: 0, arrayDims: [], init: null, isConst: false }, scope, written: true };
    const g = this.global.vars.get(name);
    return g ? { info: g, scope: this.global, written: this.isWritten(this.global, name) || this.writtenAnywhere(name) } : null;
  }

  /**
   * `int n; ... n = 8 / 4; ... use(n)`: a local declared without a value and written exactly once, by a plain
   * assignment that is a statement of the function body itself (not in a loop or branch) before `at`: its value is
   * the assignment's right side. Anything else (two writes, `&n`, a write in an if) stays unknown.
   */
  private assignedOnceBefore(scope: Scope, name: string, at: Site): SyntaxNode | null {
    if (
      at === FILE ||
      scope === this.global ||
      !scope.vars.has(name) ||
      this.outArgs()
        .get(name)
        ?.some((c) => c >= scope.start && c < scope.end)
    )
      return null;
    const writes = [...(scope.writes.get(name) ?? [])].sort((a, b) => a.startIndex - b.startIndex);
    const w = writes[0];
    if (!w || w.type !== 'assignment_expression' || field(w, 'operator')?.text !== '=') return null;
    if (w.endIndex > at.startIndex) return null;
    // Later writes (`&n` to a call after the use) do not change the value read here, unless a loop brings it back.
    if (writes.slice(1).some((o) => o.startIndex < at.endIndex)) return null;
    if (writes.length > 1) for (let p = at.parent; p && p.startIndex >= scope.start; p = p.parent) if (LOOP_TYPES.has(p.type)) return null;
    const statement = w.parent;
    const body = statement?.parent;
    if (statement?.type !== 'expression_statement' || body?.type !== 'compound_statement' || !body.parent || !FUNCTION_TYPES.has(body.parent.type))
      return null;
    return field(w, 'right');
  }

  /** A file-scope variable written in any function of the file (`imWidth = w;` in a loader), or through a reference. */
  private writtenAnywhere(name: string): boolean {
    const index = this.index();
    return index.written.has(name) || this.outArgs().has(name);
  }

  /** Folds an expression node to a number, or names what is unknown. */
  evaluate(node: SyntaxNode, depth = 0): Folded {
    return this.ev(node, depth, null);
  }

  /**
   * `site`: where a macro being expanded is used; names in a macro body are looked up there (`#define BYTES (n * 4)`
   * means the n of the function that uses BYTES).
   */
  private ev(node: SyntaxNode, depth: number, site: Site | null): Folded {
    if (depth > MAX_FOLD_DEPTH || ++this.steps > MAX_FOLD_STEPS) return tooDeep(node.text.slice(0, 200));
    const ev = (n: SyntaxNode | null): Folded => (n ? this.ev(n, depth + 1, site) : unknown('?'));
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
        return this.evaluateName(node.type === 'qualified_identifier' ? node.text.split('::').pop()! : node.text, node, depth, site);
      case 'binary_expression': {
        const l = ev(field(node, 'left'));
        const r = ev(field(node, 'right'));
        const op = field(node, 'operator')?.text ?? node.child(1)?.text ?? '';
        if (l.value === null || r.value === null) return merge(l, r);
        const v = binary(op, l.value, r.value);
        return v === null ? unknown(collapse(node.text)) : checked(v, node.text);
      }
      case 'unary_expression': {
        const a = ev(field(node, 'argument'));
        const op = field(node, 'operator')?.text ?? node.child(0)?.text;
        if (a.value === null) return a;
        if (op === '-') return known(-a.value);
        if (op === '+') return a;
        // C has no ~ of a floating value; of an integer it is -x - 1 (two's complement), no BigInt needed.
        if (op === '~') return Number.isInteger(a.value) ? checked(-a.value - 1, node.text) : unknown(collapse(node.text));
        if (op === '!') return known(a.value ? 0 : 1);
        return unknown(collapse(node.text));
      }
      case 'cast_expression': {
        const type = field(node, 'type')?.text ?? '';
        return type.includes('*') ? ev(field(node, 'value')) : convertTo(type, ev(field(node, 'value')));
      }
      case 'conditional_expression': {
        const c = ev(field(node, 'condition'));
        if (c.value === null) return c;
        return ev(field(node, c.value ? 'consequence' : 'alternative'));
      }
      case 'sizeof_expression':
        return this.evaluateSizeof(node, depth, site);
      case 'call_expression': {
        const fn = field(node, 'function')?.text.split('::').pop();
        const args = children(field(node, 'arguments') ?? node).filter((c) => c.type !== 'comment');
        if ((fn === 'min' || fn === 'max' || fn === 'MIN' || fn === 'MAX') && args.length === 2 && !this.functionMacros.has(fn)) {
          const a = ev(args[0]!);
          const b = ev(args[1]!);
          if (a.value === null || b.value === null) return merge(a, b);
          return known(fn.toLowerCase() === 'min' ? Math.min(a.value, b.value) : Math.max(a.value, b.value));
        }
        const macro = fn ? this.functionMacros.get(fn) : undefined;
        if (macro && macro.params.length === args.length) return this.expandMacro(fn!, macro, args, depth, site ?? node);
        return unknown(collapse(node.text));
      }
      default:
        return unknown(collapse(node.text));
    }
  }

  /** Memoised: each key is folded once; a key met again while it is being folded (a cycle) is unknown. */
  private memoised(key: unknown, name: string, compute: () => Folded): Folded {
    const m = this.memo.get(key);
    if (m === 'in progress') return unknown(name);
    if (m) return m;
    this.memo.set(key, 'in progress');
    const r = compute();
    this.memo.set(key, r);
    return r;
  }

  private evaluateName(name: string, at: SyntaxNode, depth: number, site: Site | null): Folded {
    const where = site ?? at;
    const v = this.lookupVar(name, where);
    if (v) {
      const writable = !v.info.isConst && v.written;
      const info = v.info;
      // The value as the variable holds it: an int truncates, a float rounds to float32.
      const stored = (f: Folded) => (info.pointers === 0 ? convertTo(info.typeText, f) : f);
      if (!writable && info.init) {
        // Unknown initialisers name their own unknowns: `bytes = n * 4; n = file_size(path)` -> file_size(path).
        return stored(this.memoised(info, name, () => this.ev(info.init!, depth + 1, null)));
      }
      if (!writable && info.initText !== undefined) {
        return stored(this.memoised(info, name, () => this.parseText(info.initText!, name, depth, FILE)));
      }
      const once = writable && !info.init && !info.isConst ? this.assignedOnceBefore(v.scope, name, where) : null;
      if (once) return stored(this.memoised(once, name, () => this.ev(once, depth + 1, null)));
      if (info.init || writable || info.typeText) return unknown(name);
    }
    const e = this.enums.get(name);
    if (e !== undefined) {
      return this.memoised(`enum:${name}`, name, () => {
        const base =
          e.base === null ? known(0) : typeof e.base === 'string' ? this.parseText(e.base, name, depth, FILE) : this.ev(e.base, depth + 1, null);
        return base.value === null ? (base.reason ? base : unknown(name)) : checked(base.value + e.offset, name);
      });
    }
    const def = this.defines.get(name);
    if (def !== undefined) {
      const scope = where === FILE ? this.global : this.scopeOf(where);
      return this.memoised(`define:${name}@${scope.id}`, name, () => {
        const r = def === '' ? unknown(name) : this.parseText(def, name, depth, where);
        return r.value === null && !r.reason ? unknown(name) : r;
      });
    }
    return this.evaluateParameter(name, where, depth);
  }

  /** Parses text (a macro body, a header's initialiser) as an expression and folds it. */
  private parseText(text: string, name: string, depth: number, site: Site | null): Folded {
    if (text.length > MAX_EXPRESSION_CHARS) return unknown(name);
    return this.parseExpression(text, (expr) => (expr ? this.ev(expr, depth + 1, site) : unknown(name)));
  }

  /** `BYTES(n)` of `#define BYTES(n) ((n) * sizeof(float))`: the arguments' texts replace the parameters. */
  private expandMacro(name: string, macro: { params: string[]; body: string }, args: SyntaxNode[], depth: number, site: Site): Folded {
    const byName = new Map(macro.params.map((p, i) => [p, args[i]!.text]));
    // One pass over the body's identifiers: linear in the body, and no argument text is scanned again.
    const text = macro.body.replace(/[A-Za-z_]\w*/g, (id) => (byName.has(id) ? `(${byName.get(id)})` : id));
    if (text.length > MAX_EXPRESSION_CHARS) return unknown(`${name}(...)`);
    // The same expansion in the same scope folds once: `D(D(D(1)))` with `D(x) ((x) + (x))` stays linear.
    const scope = site === FILE ? this.global : this.scopeOf(site);
    return this.memoised(`macro:${scope.id}:${text}`, `${name}(...)`, () => this.parseText(text, `${name}(...)`, depth, site));
  }

  /**
   * A parameter of the function folded, when every call of that function in the file passes the same constant
   * (literals, macros, enums, sizeof of a type) at its position, and the function never writes the parameter.
   */
  private evaluateParameter(name: string, at: Site, depth: number): Folded {
    const fn = at === FILE ? null : this.functions.innermost(at, FUNCTION_TYPES);
    if (!fn || fn.type !== 'function_definition') return unknown(name);
    let d: SyntaxNode | null = field(fn, 'declarator');
    while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
    const fnName = d ? calleeName(field(d, 'declarator')) : null;
    const def = fnName ? this.definitions.get(fnName) : null;
    if (!fnName || !def || def.node.startIndex !== fn.startIndex || fnName === 'main') return unknown(name);
    const index = def.params.indexOf(name);
    if (index < 0 || this.isWritten(this.scopeFor(fn), name) || this.takesReference(fnName, index)) return unknown(name);
    return this.memoised(`param:${fn.startIndex}:${index}`, name, () => {
      const calls = this.callsOf(fnName);
      if (calls.length === 0 || this.escapes(fnName, fn)) return unknown(name);
      let value: number | null = null;
      for (const call of calls) {
        const args = children(field(call, 'arguments') ?? call).filter((c) => c.type !== 'comment');
        const arg = args[index];
        if (!arg || args.length !== def.params.length || !isClosedConstant(arg)) return unknown(name);
        const r = this.ev(arg, depth + 1, FILE);
        if (r.value === null) return r.reason ? r : unknown(name);
        if (value !== null && r.value !== value) return unknown(name);
        value = r.value;
      }
      return value === null ? unknown(name) : known(value);
    });
  }

  /**
   * A function named other than as a callee (`std::thread t(work, n)`, `qsort(…, cmp)`, `cb = &work`): it may be
   * called where we cannot see. Every whole-word occurrence must be followed by `(` (a call or the definition); a
   * mention in a comment counts too, which only keeps a size unknown. One pass over the file's text finds every name
   * used otherwise (a scan per name was quadratic on files with many similar names: `scale1`, `scale10`, …).
   */
  private escapes(fnName: string, inFile: SyntaxNode): boolean {
    if (!this.namedAsValue) {
      const names = namesUsedAsValues(inFile.tree.rootNode.text);
      const set = new Set(names.values);
      if (names.tail) set.add(names.tail); // the file's last word: nothing follows it
      this.namedAsValue = set;
    }
    return this.namedAsValue.has(fnName);
  }

  private evaluateSizeof(node: SyntaxNode, depth: number, site: Site | null): Folded {
    const type = field(node, 'type');
    if (type) {
      const name = type.text;
      const asVar = /^[A-Za-z_]\w*$/.test(name) ? this.lookupVar(name, site ?? node) : null;
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
      const v = this.lookupVar(base.text, site ?? node);
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
      const v = this.ev(d, depth + 1, null);
      if (v.value === null) return v;
      count *= v.value;
    }
    const pointers = info.pointers - remaining;
    if (pointers > 0) return known(POINTER_LAYOUT.size * count);
    if (pointers < 0) return unknown(`sizeof element of ${collapse(info.typeText)}`);
    const size = this.typeSize(info.typeText);
    return size === null ? unknown(`sizeof(${collapse(info.typeText)})`) : checked(size * count, `sizeof(${info.typeText})`);
  }

  /** Size in bytes of a type name, or null when the file does not define it. */
  typeSize(typeText: string): number | null {
    return this.layout(typeText, 0)?.size ?? null;
  }

  /** Size and alignment of a type name, or null when neither the file nor its headers define it. */
  typeLayout(typeText: string): TypeLayout | null {
    return this.layout(typeText, 0);
  }

  /** The names of the structs, classes and typedefs collected (for a header's definitions). */
  typeNames(): string[] {
    return [...this.structs.keys(), ...this.typedefs.keys()];
  }

  private layout(typeText: string, depth: number): TypeLayout | null {
    if (depth > 16) return null;
    const name = normaliseTypeName(typeText);
    if (name.endsWith('*') || name.endsWith('&')) return this.note(name, POINTER_LAYOUT);
    const builtin = Object.prototype.hasOwnProperty.call(C_TYPE_LAYOUTS, name) ? C_TYPE_LAYOUTS[name] : undefined;
    if (builtin) return this.note(name, builtin);
    const alias = this.typedefs.get(name);
    if (alias !== undefined) return this.layout(alias, depth + 1);
    const struct = this.structs.get(name);
    if (struct) return this.structLayout(name, struct, depth);
    const fromHeader = this.headerLayouts.get(name);
    if (fromHeader) return this.note(`struct ${name}`, fromHeader);
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
    const layout = this.computeStructLayout(node, depth);
    this.structCache.set(name, layout);
    return layout ? this.note(`struct ${name}`, layout) : null;
  }

  /**
   * Data members in order with C's padding (each at a multiple of its alignment, the size a multiple of the largest).
   * Member functions, static members and type declarations take no room; a base class, a virtual function, a
   * bit-field or an alignas keeps the layout unknown rather than guessed.
   */
  private computeStructLayout(node: SyntaxNode, depth: number): TypeLayout | null {
    if (children(node).some((c) => c.type === 'base_class_clause')) return null;
    const body = field(node, 'body');
    const isUnion = node.type === 'union_specifier';
    let offset = 0;
    let maxAlign = 1;
    for (const member of body ? children(body) : []) {
      if (member.type !== 'field_declaration') continue;
      if (/\bvirtual\b|\balignas\b|__align__|__attribute__/.test(member.text.slice(0, 200))) return null;
      if (member.children.some((c) => c?.type === 'storage_class_specifier' && c.text === 'static')) continue;
      if (children(member).some((c) => c.type === 'bitfield_clause')) return null;
      const type = field(member, 'type');
      if (!type) return null;
      for (const decl of member.childrenForFieldName('declarator')) {
        if (!decl) continue;
        let count = 1;
        let isPointer = false;
        let isFunction = false;
        let d: SyntaxNode | null = decl;
        while (d && d.type !== 'field_identifier') {
          if (d.type === 'function_declarator') isFunction = true;
          if (d.type === 'pointer_declarator' || d.type === 'reference_declarator') isPointer = true;
          if (d.type === 'array_declarator') {
            const size = field(d, 'size');
            const v = size ? this.evaluate(size).value : null;
            if (v === null) return null;
            count *= v;
          }
          d = field(d, 'declarator');
        }
        if (isFunction && !isPointer) continue;
        const member = isPointer
          ? POINTER_LAYOUT
          : (type.type === 'struct_specifier' || type.type === 'union_specifier') && field(type, 'body')
            ? this.computeStructLayout(type, depth + 1)
            : this.layout(type.text, depth + 1);
        if (!member) return null;
        if (isUnion) offset = Math.max(offset, member.size * count);
        else offset = Math.ceil(offset / member.align) * member.align + member.size * count;
        maxAlign = Math.max(maxAlign, member.align);
      }
    }
    return { size: Math.ceil(offset / maxAlign) * maxAlign, align: maxAlign };
  }

  /**
   * A size argument as the report shows it: folded bytes, or the symbolic expression and its unknowns. A value
   * outside [0, 2^64) (negative, past size_t, not finite) is unknown with the reason "out of range", never a size.
   */
  size(node: SyntaxNode | null, scale = 1): SizeValue {
    if (!node) return { expr: '?', bytes: null, unknowns: ['?'] };
    const r = this.evaluate(node);
    const expr = shortenExpr(collapse(node.text));
    return sizeValue(expr, r, scale);
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

  /** What this folder collected, as an included header's definitions (c-includes.ts). */
  definitionsForIncluders(): HeaderDefinitions {
    const constants = new Map<string, { typeText: string; init: string }>();
    for (const [name, v] of this.global.vars) {
      if (v.isConst && v.init && v.pointers === 0 && v.arrayDims.length === 0)
        constants.set(name, { typeText: v.typeText, init: macroBody(v.init.text) });
      else if (v.initText !== undefined) constants.set(name, { typeText: v.typeText, init: v.initText });
    }
    const enums = new Map<string, string>();
    for (const [name, e] of this.enums) {
      const base = e.base === null ? '0' : typeof e.base === 'string' ? e.base : macroBody(e.base.text);
      enums.set(name, e.offset === 0 ? base : `(${base}) + ${e.offset}`);
    }
    const layouts = new Map(this.headerLayouts);
    for (const name of this.typeNames()) {
      const l = this.typeLayout(name);
      if (l) layouts.set(name, l);
    }
    return {
      defines: new Map(this.defines),
      functionMacros: new Map(this.functionMacros),
      constants,
      enums,
      layouts,
      refParams: new Map([...this.headerRefParams, ...this.index().refParams].map(([k, v]) => [k, [...v]])),
    };
  }

  /** Adds a function-like macro (`#define BYTES(n) ((n) * 4)`). */
  defineFunctionMacro(name: string, params: string[], body: string): void {
    this.functionMacros.set(name, { params, body: macroBody(body) });
  }
}

/** Folded -> SizeValue, with the range check every byte count passes. */
export function sizeValue(expr: string, r: Folded, scale = 1): SizeValue {
  if (r.value === null) {
    const unknowns = dedupe(r.unknowns);
    if (r.reason === 'out of range') return { expr, bytes: null, unknowns: unknowns.map((u) => `out of range: ${u}`), reason: 'out of range' };
    if (r.reason === 'too deep') return { expr, bytes: null, unknowns: unknowns.map((u) => `too deep to fold: ${u}`), reason: 'too deep' };
    return { expr, bytes: null, unknowns };
  }
  const bytes = Math.ceil(r.value * scale);
  if (!Number.isFinite(bytes) || bytes < 0 || bytes >= SIZE_LIMIT)
    return { expr, bytes: null, unknowns: [`out of range: ${expr} = ${formatValue(r.value * scale)}`], reason: 'out of range' };
  return { expr, bytes, unknowns: [] };
}

function formatValue(v: number): string {
  return Number.isFinite(v) ? (Math.abs(v) < 1e15 ? String(v) : v.toExponential(3)) : String(v);
}

function shortenExpr(text: string): string {
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}

/** The function declarator inside a declarator (`float *make(size_t& n)`), or null for a variable's. */
function functionDeclarator(decl: SyntaxNode | null): SyntaxNode | null {
  let d = decl;
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  return d;
}

/** The name a call or declarator names: `f`, `ns::f` -> f, `obj.f` / `obj->f` -> f. */
function calleeName(node: SyntaxNode | null): string | null {
  if (!node) return null;
  const fn = node.type === 'call_expression' ? field(node, 'function') : node;
  if (!fn) return null;
  if (fn.type === 'identifier' || fn.type === 'field_identifier') return fn.text;
  if (fn.type === 'qualified_identifier') return fn.text.split('::').pop() ?? null;
  if (fn.type === 'field_expression') return field(fn, 'field')?.text ?? null;
  if (fn.type === 'template_function') return calleeName(field(fn, 'name'));
  return null;
}

function declaredName(d: SyntaxNode | null): string | null {
  while (d && d.type !== 'identifier')
    d = field(d, 'declarator') ?? children(d).find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
  return d?.text ?? null;
}

/** Positions of the parameters taken by non-const reference (`size_t& n`, `int &n`). */
function referenceParams(params: SyntaxNode | null): number[] {
  if (!params) return [];
  const refs: number[] = [];
  children(params)
    .filter((p) => p.type === 'parameter_declaration' || p.type === 'optional_parameter_declaration')
    .forEach((p, i) => {
      const isConst = p.children.some((c) => c?.type === 'type_qualifier' && /const/.test(c.text));
      let d = field(p, 'declarator');
      let ref = false;
      while (d) {
        if (d.type === 'reference_declarator') ref = true;
        if (d.type === 'pointer_declarator') break; // `size_t*&`-like forms are not a size's out-parameter
        d = field(d, 'declarator') ?? children(d).find((c) => c.type.endsWith('declarator')) ?? null;
      }
      if (ref && !isConst) refs.push(i);
    });
  return refs;
}

/** An argument that means the same wherever the call is: no variable of the calling function in it. */
function isClosedConstant(arg: SyntaxNode): boolean {
  let closed = true;
  const visit = (n: SyntaxNode, depth: number): void => {
    if (!closed) return;
    if (depth > 64) {
      closed = false;
      return;
    }
    if (n.type === 'identifier') {
      // Macros and enumerators are written in capitals by convention; a lower-case name may be a local.
      if (!/^[A-Z_][A-Z0-9_]*$/.test(n.text)) closed = false;
      return;
    }
    for (const c of children(n)) visit(c, depth + 1);
  };
  visit(arg, 0);
  return closed;
}

/**
 * A macro body as an expression: comments and line continuations removed (`#define N (1ull << 36)  // 64 Gi`).
 * One left-to-right scan that skips string and character literals, so it is linear whatever the text.
 */
export function macroBody(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      out += ' ';
      i += text[i + 1] === '\n' ? 2 : 3;
    } else if (c === '/' && text[i + 1] === '/') {
      // To the end of the line; a continued line continues the comment (C's phases: splices come first).
      i += 2;
      while (i < n && text[i] !== '\n') i += text[i] === '\\' && text[i + 1] === '\n' ? 2 : 1;
      out += ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out.trim();
}

function parseNumber(raw: string): Folded {
  let text = raw.replace(/'/g, '').toLowerCase();
  const isHex = text.startsWith('0x');
  // A float literal (`.002f`) is the nearest float32, as C computes it (`4 / .002f` is 1999.9999, not 2000).
  const isFloat = !isHex && /f$/.test(text) && /[.e]/.test(text);
  text = isHex ? text.replace(/[ul]+$/, '') : text.replace(/[ulf]+$/, '');
  let value: number;
  if (isHex) value = parseInt(text.slice(2), 16);
  else if (text.startsWith('0b')) value = parseInt(text.slice(2), 2);
  else if (/^0[0-7]+$/.test(text)) value = parseInt(text.slice(1), 8);
  else value = Number(text);
  if (Number.isNaN(value)) return unknown(raw);
  return checked(isFloat ? Math.fround(value) : value, raw);
}

const INTEGER_TYPE = /\b(int|long|short|char|unsigned|signed|size_t|ssize_t|ptrdiff_t|bool|u?int(8|16|32|64)_t|cl_u?(int|long|short|char)|uint)\b/;

/**
 * A value stored in (or cast to) a C type: an integer type truncates toward zero (`int n = 4 / .002f` is 1999), a
 * float rounds to float32; other types (double, unknown) keep it. Pointers are never folded here.
 */
function convertTo(typeText: string, f: Folded): Folded {
  if (f.value === null || !Number.isFinite(f.value)) return f;
  if (/\b(float|cl_float)\b/.test(typeText) && !/\bdouble\b/.test(typeText))
    return Math.fround(f.value) === f.value ? f : { ...f, value: Math.fround(f.value) };
  if (INTEGER_TYPE.test(typeText) && !/\b(float|double)\b/.test(typeText) && !Number.isInteger(f.value)) return { ...f, value: Math.trunc(f.value) };
  return f;
}

function binary(op: string, a: number, b: number): number | null {
  const bothInt = Number.isInteger(a) && Number.isInteger(b);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : bothInt ? Math.trunc(a / b) : a / b;
    case '%':
      return b === 0 || !bothInt ? null : a % b;
    // Shifts and bit operations through multiplication / BigInt: JS `<<` wraps at 32 bits, C's size_t does not.
    case '<<':
      return bothInt && b >= 0 && b < 64 ? a * 2 ** b : null;
    case '>>':
      return bothInt && b >= 0 && b < 64 ? Math.floor(a / 2 ** b) : null;
    case '&':
      return bothInt ? Number(BigInt(a) & BigInt(b)) : null;
    case '|':
      return bothInt ? Number(BigInt(a) | BigInt(b)) : null;
    case '^':
      return bothInt ? Number(BigInt(a) ^ BigInt(b)) : null;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&&':
      return a && b ? 1 : 0;
    case '||':
      return a || b ? 1 : 0;
    default:
      return null;
  }
}
