// GPU facts from a C, C++, CUDA or OpenCL C syntax tree: allocations, transfers, frees, synchronisation,
// launches, hints, host buffer kinds and whether each API call's status is looked at.
import { nodesOfTypes, type ParsedSource, type SyntaxNode } from '../parse/tree-sitter';
import type {
  ApiCallFact, GpuEvent, GpuFileFacts, KernelFact, Language, LoopInfo, MemorySpace, SizeValue, TransferDirection,
} from '../model/types';
import { CConstantFolder, C_CONSTANT_TYPES, FUNCTION_TYPES, type Folded } from './c-constants';
import { C_API_TABLE, CUDA_NON_STATUS_CALLS, OPENCL_ERRCODE_RET_CALLS, OPENCL_UNCHECKED_OK, transferDirectionFromKind, type SizeSpec } from './c-api-table';
import { Enclosing, LineMap, NodeIndex, children, collapse, field, loopInfo, walk, type LoopSyntax } from './syntax';
import {
  HostBufferTable, placeApiCall, placeDefinition, placeEvent, splitSegments, wholeFile,
  type CFactsCache, type DefinitionRecord, type Segment, type SegmentFacts, type Shift,
} from './c-segments';

const C_LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement', 'for_range_loop']);
const IDENTIFIER: ReadonlySet<string> = new Set(['identifier']);

const C_LOOP_SYNTAX = (folder: CConstantFolder): LoopSyntax => ({
  loopTypes: C_LOOP_TYPES,
  functionTypes: FUNCTION_TYPES,
  tripCount: (loop) => (loop.type === 'for_statement' ? forTripCount(loop, folder) : null),
  variables: (loop) => {
    // Names bound by the loop header: `int i = 0`, `i = 0`, `auto& [k, v] : m`. Only identifiers, never text.
    const init = field(loop, loop.type === 'for_range_loop' ? 'declarator' : 'initializer');
    if (!init) return [];
    const target = init.type === 'assignment_expression' ? field(init, 'left') : init;
    const names: string[] = [];
    if (target?.type === 'identifier') names.push(target.text);
    else if (target) {
      for (const d of target.type === 'declaration' ? target.childrenForFieldName('declarator') : [target]) {
        const decl = d?.type === 'init_declarator' ? field(d, 'declarator') : d;
        if (decl) walk(decl, (n) => names.push(n.text), IDENTIFIER);
      }
    }
    return names;
  },
});

/** `for (i = A; i < B; i += S)` with constant A, B, S. */
function forTripCount(loop: SyntaxNode, folder: CConstantFolder): number | null {
  const init = field(loop, 'initializer');
  const cond = field(loop, 'condition');
  const update = field(loop, 'update');
  if (!init || !cond || !update || cond.type !== 'binary_expression') return null;
  let varName: string | null = null;
  let start: Folded | null = null;
  if (init.type === 'declaration') {
    const d = field(init, 'declarator');
    if (d?.type === 'init_declarator') {
      varName = field(d, 'declarator')?.text ?? null;
      const v = field(d, 'value');
      start = v ? folder.evaluate(v) : null;
    }
  } else if (init.type === 'assignment_expression') {
    varName = field(init, 'left')?.text ?? null;
    const v = field(init, 'right');
    start = v ? folder.evaluate(v) : null;
  }
  const left = field(cond, 'left');
  const right = field(cond, 'right');
  const op = field(cond, 'operator')?.text ?? cond.child(1)?.text;
  if (!varName || !start || start.value === null || left?.text !== varName || !right) return null;
  const end = folder.evaluate(right).value;
  if (end === null) return null;
  let step = 0;
  if (update.type === 'update_expression') step = update.text.includes('++') ? 1 : -1;
  else if (update.type === 'assignment_expression') {
    const s = field(update, 'right');
    const sv = s ? folder.evaluate(s).value : null;
    const aop = field(update, 'operator')?.text ?? update.child(1)?.text;
    if (sv === null) return null;
    step = aop === '+=' ? sv : aop === '-=' ? -sv : 0;
  }
  if (step <= 0) return null;
  const span = op === '<' || op === '!=' ? end - start.value : op === '<=' ? end - start.value + 1 : null;
  return span === null ? null : Math.max(0, Math.ceil(span / step));
}

/** The name an argument refers to: `(void**)&d_a` -> d_a, `h.data()` -> h, `&h[i]` -> h (offset), `h + off` -> h (offset). */
export function bufferName(node: SyntaxNode | null | undefined): { name: string | null; offset: boolean } {
  let n: SyntaxNode | null | undefined = node;
  let offset = false;
  for (let guard = 0; n && guard < 16; guard++) {
    switch (n.type) {
      case 'cast_expression':
        n = field(n, 'value');
        continue;
      case 'parenthesized_expression':
        n = n.namedChild(0);
        continue;
      case 'pointer_expression':
        n = field(n, 'argument');
        continue;
      case 'pointer_declarator':
      case 'reference_declarator':
        n = field(n, 'declarator') ?? n.namedChild(0);
        continue;
      case 'subscript_expression': {
        const idx = field(n, 'indices') ?? field(n, 'index');
        if (idx && !/^\[?\s*0\s*\]?$/.test(idx.text)) offset = true;
        n = field(n, 'argument');
        continue;
      }
      case 'binary_expression':
        offset = true;
        n = field(n, 'left');
        continue;
      case 'call_expression': {
        const fn = field(n, 'function');
        const args = children(field(n, 'arguments') ?? n);
        if (fn?.type === 'field_expression' && /^(data|get)$/.test(field(fn, 'field')?.text ?? '')) {
          n = field(fn, 'argument');
          continue;
        }
        if (/raw_pointer_cast|reinterpret_cast|static_cast/.test(fn?.text ?? '') && args.length === 1) {
          n = args[0];
          continue;
        }
        return { name: null, offset };
      }
      case 'identifier':
      case 'field_expression':
      case 'qualified_identifier':
        return { name: collapse(n.text).replace(/\s/g, ''), offset };
      default:
        return { name: null, offset };
    }
  }
  return { name: null, offset };
}

const FUNCTION_DEFINITION: ReadonlySet<string> = new Set(['function_definition']);

/** The declared name of a function definition (`Buf::init`, `cudaMalloc`). */
function definitionName(fn: SyntaxNode): string | null {
  let d = field(fn, 'declarator');
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  return d ? collapse(field(d, 'declarator')?.text ?? d.text) : null;
}

function functionName(node: SyntaxNode, index: Enclosing): string | null {
  const fn = index.innermost(node, FUNCTION_DEFINITION);
  return fn ? definitionName(fn) : null;
}

function calleeName(call: SyntaxNode): string | null {
  let fn = field(call, 'function');
  if (fn?.type === 'template_function') fn = field(fn, 'name');
  if (!fn) return null;
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'qualified_identifier') return fn.text.split('::').pop() ?? null;
  if (fn.type === 'field_expression') return field(fn, 'field')?.text ?? null;
  return null;
}

/** Is the value a call returns looked at (assigned, tested, passed to a checking macro, returned)? */
function resultUsed(call: SyntaxNode): boolean {
  let p = call.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  if (!p) return false;
  if (p.type === 'expression_statement') return false;
  if (p.type === 'comma_expression') return field(p, 'right')?.startIndex === call.startIndex && resultUsed(p);
  return true;
}

const INIT_DECLARATOR = new Set(['init_declarator']);
const ESCAPE_TYPES = new Set(['return_statement', 'assignment_expression']);

const NULL_ARG = /^(NULL|nullptr|0|\(\s*cl_int\s*\*\s*\)\s*(NULL|0))$/;
/** The nodes the extraction visits; identifiers only matter as OpenCL device queries (see segmentTypes). */
const MAIN_TYPES: ReadonlySet<string> = new Set(['call_expression', 'declaration', 'parameter_declaration', 'new_expression', 'identifier', 'type_identifier']);
const ENCLOSING_TYPES: ReadonlySet<string> = new Set([...FUNCTION_TYPES, ...C_LOOP_TYPES]);
const BASE_TYPES: ReadonlySet<string> = new Set([...ENCLOSING_TYPES, ...C_CONSTANT_TYPES, ...MAIN_TYPES, 'init_declarator', 'return_statement', 'assignment_expression']
  .filter((t) => t !== 'identifier' && t !== 'type_identifier'));
const WITH_IDENTIFIERS: ReadonlySet<string> = new Set([...BASE_TYPES, 'identifier', 'type_identifier']);

/**
 * Identifiers are the most common node: collect them only when the text names an OpenCL device query
 * (getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>() names it as a template argument, hence type_identifier).
 */
function segmentTypes(text: string): ReadonlySet<string> {
  return text.includes('CL_DEVICE_') ? WITH_IDENTIFIERS : BASE_TYPES;
}

/** The nodes of a context segment whose text the cached functions depend on (see CConstantFolder.collect). */
const CONTEXT_KEY_TYPES: ReadonlySet<string> = new Set([...C_CONSTANT_TYPES, 'init_declarator']);

/** Above this many segments to read, one query over the whole file replaces a query per segment. */
const WHOLE_FILE_QUERY_FROM = 8;
const IDENTIFIER_TYPES: ReadonlySet<string> = new Set(['identifier', 'type_identifier']);

/** Gives every segment its nodes from one query over the file: the same nodes, in the same order, as its own query. */
function indexWholeFile(parsed: ParsedSource, segments: Segment[]): void {
  const all = nodesOfTypes(parsed.tree.rootNode, segmentTypes(parsed.text));
  let i = 0;
  for (const seg of segments) {
    const own: SyntaxNode[] = [];
    const keepIdentifiers = segmentTypes(seg.text) === WITH_IDENTIFIERS;
    while (i < all.length && all[i]!.startIndex < seg.node.startIndex) i++;
    for (; i < all.length && all[i]!.endIndex <= seg.node.endIndex && all[i]!.startIndex >= seg.node.startIndex; i++) {
      if (keepIdentifiers || !IDENTIFIER_TYPES.has(all[i]!.type)) own.push(all[i]!);
    }
    seg.nodes = new NodeIndex(own);
  }
}

/**
 * The GPU facts of one C-family file. With `cache` (the editor's, one per document), the facts of every top-level
 * function whose text and context did not change since the last call are reused instead of re-read (c-segments.ts);
 * the result is the same as without it.
 */
export function extractCGpuFacts(parsed: ParsedSource, path: string, language: Language,
  parseExpression: (text: string, use: (expr: SyntaxNode | null) => Folded) => Folded, cache?: CFactsCache): GpuFileFacts {
  const lines = new LineMap(parsed.text);
  // Without a cache (a workspace scan) the file is one context segment: splitting only pays when facts are kept.
  const segments = cache ? splitSegments(parsed, lines) : [wholeFile(parsed)];
  const nodesOf = (seg: Segment) => (seg.nodes ??= new NodeIndex(seg.node, segmentTypes(seg.text)));
  for (const seg of segments) seg.hit = cache?.find(seg);
  const misses = segments.filter((seg) => !seg.hit);
  // Many segments to read (a first analysis, a changed context): one query over the file is cheaper than one each.
  const wholeFileQuery = misses.length > WHOLE_FILE_QUERY_FROM;
  if (wholeFileQuery) indexWholeFile(parsed, segments);
  // Which functions this file defines, from the cache where a segment's text is unchanged.
  const definedHere = new Set<string>();
  const context: string[] = [language];
  for (const seg of segments) {
    const definitions = seg.hit ? seg.hit.definitions : (seg.definitions ??= nodesOf(seg).of(FUNCTION_DEFINITION).map(definitionRecord));
    for (const d of definitions) definedHere.add(d.definedName);
    // What a function can see of a context part: its constants, types, declarations and writes at file scope (a
    // call or comment there changes nothing, so typing in a function the parser cannot read keeps the others). Only
    // a cache compares it: a scan skips the texts.
    if (cache && !seg.cacheable) for (const n of nodesOf(seg).of(CONTEXT_KEY_TYPES)) context.push(n.text);
  }
  if (cache) context.push([...definedHere].sort().join(' '));
  const contextKey = cache ? context.join('\u0000') : '';
  if (cache && cache.context !== contextKey) {
    cache.context = contextKey;
    cache.segments.clear();
    for (const seg of segments) seg.hit = undefined;
    if (!wholeFileQuery && segments.length > WHOLE_FILE_QUERY_FROM) indexWholeFile(parsed, segments);
  }
  const enclosingOf = (seg: Segment) => new Enclosing(nodesOf(seg).of(ENCLOSING_TYPES));
  const folder = new CConstantFolder(parseExpression);
  const contextEnclosing = new Map<Segment, Enclosing>();
  const contextInits: SyntaxNode[] = [];
  for (const seg of segments) {
    if (seg.cacheable) continue;
    const enclosing = enclosingOf(seg);
    contextEnclosing.set(seg, enclosing);
    folder.collect(nodesOf(seg), enclosing);
    contextInits.push(...nodesOf(seg).of(INIT_DECLARATOR));
  }
  const preludeTypeSizes = folder.takeTypeSizeLog();
  const hostBuffers = new HostBufferTable();
  const events: GpuEvent[] = [];
  const apiCalls: ApiCallFact[] = [];
  const definitions: DefinitionRecord[] = [];
  const escaping = new Set<string>();
  const checkMacroUses = new Map<string, number>();
  const assumedTypeSizes: Record<string, number> = Object.fromEntries(preludeTypeSizes);
  const kept = new Map<string, SegmentFacts>();
  const launchOpens = new Map(parsed.mask.launches.map((l) => [l.open, l]));
  let order = 0;
  let reused = 0;
  for (const seg of segments) {
    let facts = seg.hit;
    if (facts && hostBuffers.holds(facts.hostReads, seg.startLine)) {
      reused++;
      // Replayed: the host buffers it wrote, at its new place.
      for (const w of facts.hostWrites) hostBuffers.record(w.name, w.kind, w.api, w.line + seg.startLine - facts.startLine, w.size);
    } else {
      let enclosing = contextEnclosing.get(seg);
      if (!enclosing) {
        enclosing = enclosingOf(seg);
        folder.collect(nodesOf(seg), enclosing);
      }
      facts = readSegment(seg, enclosing, order);
    }
    if (seg.cacheable && cache) kept.set(seg.text, facts);
    const shift: Shift = { lines: seg.startLine - facts.startLine, offset: seg.start - facts.start, order: order - facts.orderBase };
    for (const e of facts.events) events.push(placeEvent(e, shift));
    for (const c of facts.apiCalls) apiCalls.push(placeApiCall(c, shift));
    for (const d of facts.definitions) definitions.push(placeDefinition(d, shift));
    for (const [name, uses] of facts.checkMacroUses) checkMacroUses.set(name, (checkMacroUses.get(name) ?? 0) + uses);
    for (const key of facts.escaping) escaping.add(key);
    for (const [name, size] of facts.typeSizes) assumedTypeSizes[name] = size;
    order += facts.orderCount;
  }
  if (cache) {
    cache.segments = kept;
    cache.reused = reused;
  }

  // Allocations whose pointer is returned or stored through `*out = p` / `obj->p = p` belong to someone else.
  // Objects may be shared with the cache: replaced, never changed.
  events.forEach((e, i) => {
    if (e.kind === 'allocation' && !e.escapes && e.target && escaping.has(`${e.function}:${e.target}`)) events[i] = { ...e, escapes: true };
  });
  markCheckedLaunches(events, apiCalls);
  const checkMacros = [...checkMacroUses.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return { path, language, events, apiCalls, kernels: kernels(parsed, definitions, lines), hostBuffers: hostBuffers.entries, checkMacros, assumedTypeSizes };

  /** Reads one segment's facts; it logs what it read from and wrote to the host-buffer table. */
  function readSegment(seg: Segment, index: Enclosing, orderBase: number): SegmentFacts {
    const nodes = nodesOf(seg);
    folder.use(index);
    hostBuffers.begin(seg.startLine);
    const functionOf = (node: SyntaxNode) => functionName(node, index);
    const loopSyntax = C_LOOP_SYNTAX(folder);
    const events: GpuEvent[] = [];
    const apiCalls: ApiCallFact[] = [];
    const checkMacroUses = new Map<string, number>();
    let order = orderBase;

    const base = (node: SyntaxNode, api: string, family: GpuEvent['family']) => {
      const range = lines.range(node.startIndex, node.endIndex);
      return { api, family, line: range.startLine, range, function: functionOf(node), loop: loopInfo(node, loopSyntax, lines, index) as LoopInfo | null, order: order++ };
    };

    const sizeOf = (spec: SizeSpec | null, args: SyntaxNode[]): SizeValue => {
      if (spec === null) return { expr: '?', bytes: null, unknowns: ['size not in the call'] };
      if (typeof spec === 'number') return folder.size(args[spec] ?? null);
      if ('product' in spec) {
        const parts = spec.product.map((i) => folder.size(args[i] ?? null));
        const expr = parts.map((p) => p.expr).join(' * ');
        if (parts.some((p) => p.bytes === null)) return { expr, bytes: null, unknowns: parts.flatMap((p) => p.unknowns) };
        return { expr, bytes: parts.reduce((a, p) => a * p.bytes!, 1), unknowns: [] };
      }
      return extentSize(args[spec.extent] ?? null);
    };

    // cudaMalloc3D(&p, make_cudaExtent(w, h, d)) or an extent variable initialised that way.
    const extentSize = (arg: SyntaxNode | null): SizeValue => {
      let call: SyntaxNode | null = arg;
      if (arg?.type === 'identifier') {
        const named = (n: SyntaxNode) => field(n, 'declarator')?.text === arg.text;
        const decl = nodes.of(INIT_DECLARATOR).find(named) ?? contextInits.find(named);
        call = decl ? field(decl, 'value') : null;
      }
      if (call?.type === 'call_expression' && calleeName(call) === 'make_cudaExtent') {
        const a = children(field(call, 'arguments')!);
        const parts = a.map((x) => folder.size(x));
        const expr = collapse(call.text);
        if (parts.length === 3 && parts.every((p) => p.bytes !== null)) return { expr, bytes: parts.reduce((s, p) => s * p.bytes!, 1), unknowns: [] };
        return { expr, bytes: null, unknowns: parts.flatMap((p) => p.unknowns) };
      }
      return { expr: arg ? collapse(arg.text) : '?', bytes: null, unknowns: [arg ? collapse(arg.text) : '?'] };
    };

    const assignedName = (call: SyntaxNode): string | null => {
      let p = call.parent;
      while (p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression')) p = p.parent;
      if (p?.type === 'init_declarator') return bufferName(field(p, 'declarator')).name;
      if (p?.type === 'assignment_expression') return bufferName(field(p, 'left')).name;
      return null;
    };

    const recordHostBuffer = (name: string | null, kind: 'pageable' | 'pinned', api: string, node: SyntaxNode, size?: SizeValue) =>
      hostBuffers.record(name, kind, api, lines.position(node.startIndex).line, size);

    const originOf = (name: string) => {
      const h = hostBuffers.get(name);
      return h ? { kind: h.kind, api: h.api, line: h.line } : null;
    };

    const visitCall = (call: SyntaxNode) => {
      const fnNode = field(call, 'function');
      const argsNode = field(call, 'arguments');
      const args = argsNode ? children(argsNode).filter((c) => c.type !== 'comment') : [];
      // A launch: the masked `kernel<<<cfg>>>` is the callee call, this call holds the kernel arguments.
      if (fnNode?.type === 'call_expression') {
        const innerArgs = field(fnNode, 'arguments');
        const launch = innerArgs ? launchOpens.get(innerArgs.startIndex) : undefined;
        if (launch) {
          const kernel = calleeName(fnNode) ?? collapse(field(fnNode, 'function')?.text ?? '?');
          events.push({ kind: 'launch', ...base(call, `${kernel}<<<>>>`, 'cuda'), kernel, config: collapse(parsed.text.slice(launch.open, launch.close)).replace(/^\(\s*/, '<<<').replace(/\s*\)$/, '>>>') });
          const range = lines.range(call.startIndex, call.endIndex);
          apiCalls.push({ api: 'kernel launch', family: 'cuda', range, line: range.startLine, checked: false, function: functionOf(call), via: 'launch', startOffset: call.startIndex, endOffset: call.endIndex });
          return;
        }
      }
      const name = calleeName(call);
      if (!name) return;
      if (name === 'malloc' || name === 'calloc' || name === 'aligned_alloc' || name === 'realloc') {
        const size = name === 'calloc' && args.length === 2 ? productSize(folder, args[0]!, args[1]!) : folder.size(args[name === 'aligned_alloc' || name === 'realloc' ? 1 : 0] ?? null);
        recordHostBuffer(assignedName(call), 'pageable', name, call, size);
        return;
      }
      const family = name.startsWith('cl') ? 'opencl' : name.startsWith('cu') && !name.startsWith('cuda') ? 'cuda-driver' : 'cuda';
      const isGpuApi = /^(cuda|cu|cl)[A-Z]/.test(name);
      if (isGpuApi) recordApiCall(call, name, family, args);
      const spec = C_API_TABLE[name];
      if (!spec) return;
      switch (spec.kind) {
        case 'alloc': {
          const size = sizeOf(spec.size, args);
          const flags = spec.flagsArg !== undefined && args[spec.flagsArg] ? collapse(args[spec.flagsArg]!.text) : '';
          let space: MemorySpace = spec.space;
          if (spec.mappedFlags?.test(flags)) space = 'mapped';
          const target = spec.target === 'result' ? assignedName(call) : bufferName(args[spec.target]).name;
          const hostArg = spec.hostPtrArg !== undefined ? args[spec.hostPtrArg] : undefined;
          const copiesHost = /CL_MEM_COPY_HOST_PTR/.test(flags) && hostArg && !NULL_ARG.test(hostArg.text.trim());
          const targetNode = spec.target === 'result' ? null : args[spec.target];
          events.push({
            kind: 'allocation', ...base(call, name, spec.family), target, targetExpr: targetNode ? collapse(targetNode.text) : target,
            ...(target && folder.isLocal(target, call) ? { localTarget: true } : {}),
            // Written through a parameter (`cudaMalloc(devPtr, n)` in a wrapper) or into a name this file does not
            // declare: the caller owns the memory.
            ...(target && !folder.isLocal(target, call) && !folder.isFileGlobal(target) ? { escapes: true } : {}), size, space,
            ...(flags ? { flags: flags.split('|').map((f) => f.trim()).filter(Boolean) } : {}),
            ...(copiesHost ? { hostSource: bufferName(hostArg).name, uploadsFrom: bufferName(hostArg).name } : {}),
          });
          if (copiesHost) {
            // CL_MEM_COPY_HOST_PTR fills the whole buffer from the host at creation: an upload of the buffer's size.
            const host = bufferName(hostArg).name;
            events.push({ kind: 'transfer', ...base(call, name, spec.family), direction: 'host-to-device', size, async: false, stream: null, blocking: true, hostBuffer: host, deviceBuffer: target, offset: false, hostOrigin: host ? hostBuffers.get(host) ?? null : null });
          }
          if (space === 'pinned-host' || (space === 'mapped' && spec.family !== 'opencl')) recordHostBuffer(target, 'pinned', name, call, size);
          break;
        }
        case 'transfer': {
          const size = sizeOf(spec.size, args);
          let direction: TransferDirection = spec.direction ?? 'unknown';
          if (spec.kindArg !== undefined) direction = args[spec.kindArg] ? transferDirectionFromKind(args[spec.kindArg]!.text) : 'unknown';
          const dst = spec.dst !== null ? bufferName(args[spec.dst]) : { name: null, offset: false };
          const src = spec.src !== null ? bufferName(args[spec.src]) : { name: null, offset: false };
          const hostSide = direction === 'host-to-device' ? src : direction === 'device-to-host' ? dst : null;
          const deviceSide = direction === 'host-to-device' ? dst : direction === 'device-to-host' ? src : dst;
          const offsetArg = spec.offsetArg !== undefined ? args[spec.offsetArg] : undefined;
          const offsetNonZero = offsetArg ? folder.evaluate(offsetArg).value !== 0 : false;
          const blockingText = spec.blockingArg !== undefined ? args[spec.blockingArg]?.text.trim() : undefined;
          const blocking = blockingText === undefined ? null : /^(CL_TRUE|1|true)$/.test(blockingText) ? true : /^(CL_FALSE|0|false)$/.test(blockingText) ? false : null;
          const stream = spec.streamArg !== undefined && args[spec.streamArg] ? collapse(args[spec.streamArg]!.text) : null;
          events.push({
            kind: 'transfer', ...base(call, name, spec.family), direction, size, async: /Async$/.test(name) || blocking === false, stream,
            blocking, hostBuffer: hostSide?.name ?? null, deviceBuffer: deviceSide?.name ?? null,
            offset: Boolean(offsetNonZero || src.offset || dst.offset),
            hostOrigin: hostSide?.name ? originOf(hostSide.name) : null,
          });
          break;
        }
        case 'free':
          events.push({ kind: 'free', ...base(call, name, spec.family), target: bufferName(args[spec.target]).name });
          break;
        case 'sync':
          events.push({ kind: 'sync', ...base(call, name, spec.family) });
          break;
        case 'launch': {
          const kernelNode = args[spec.kernelArg ?? 0];
          events.push({ kind: 'launch', ...base(call, name, spec.family), kernel: kernelNode ? collapse(kernelNode.text) : '?', config: '' });
          break;
        }
        case 'hint': {
          const target = spec.target !== undefined ? bufferName(args[spec.target]).name : null;
          events.push({ kind: 'hint', ...base(call, name, spec.family), hint: spec.hint!, target });
          if (spec.hint === 'host-register') recordHostBuffer(target, 'pinned', name, call);
          break;
        }
      }
    };

    const recordApiCall = (call: SyntaxNode, name: string, family: 'opencl' | 'cuda' | 'cuda-driver', args: SyntaxNode[]) => {
      if (family === 'opencl' ? OPENCL_UNCHECKED_OK.test(name) : CUDA_NON_STATUS_CALLS.has(name)) return;
      // A cudaXxx / clXxx function defined in this very file is the project's own helper, not the vendor API.
      if (definedHere.has(name) && !C_API_TABLE[name]) return;
      let checked: boolean;
      // A CUDA launch API's status may be read later through cudaGetLastError, like a <<<>>> launch.
      const isCudaLaunch = C_API_TABLE[name]?.kind === 'launch' && family !== 'opencl';
      const via = family === 'opencl' && OPENCL_ERRCODE_RET_CALLS.has(name) ? 'errcode_ret' : isCudaLaunch ? 'launch' : 'return';
      if (via === 'errcode_ret') {
        const last = args[args.length - 1];
        checked = Boolean(last && !NULL_ARG.test(last.text.trim()));
      } else {
        checked = resultUsed(call);
      }
      const range = lines.range(call.startIndex, call.endIndex);
      apiCalls.push({ api: name, family, range, line: range.startLine, checked, function: functionOf(call), via, startOffset: call.startIndex, endOffset: call.endIndex });
      const wrapper = call.parent?.type === 'argument_list' ? call.parent.parent : null;
      if (wrapper?.type === 'call_expression' && family !== 'opencl') {
        const w = calleeName(wrapper);
        if (w && /check|safe_call|cuda_call/i.test(w)) checkMacroUses.set(w, (checkMacroUses.get(w) ?? 0) + 1);
      }
    };

    const visitDeclaration = (decl: SyntaxNode) => {
      const type = field(decl, 'type');
      if (!type) return;
      const typeText = collapse(type.text);
      // Template arguments by a scan, not `<\s*(.+?)\s*(,.*)?>$` (quadratic on a long `std::vector<a,a,…`).
      const thrust = templateOf(typeText, /^thrust::(device_vector|host_vector)\s*</);
      const stdVector = templateOf(typeText, /^std::vector\s*</);
      const clBuffer = /^cl::Buffer$/.test(typeText);
      for (const d of decl.childrenForFieldName('declarator')) {
        if (!d) continue;
        // `T v(n)` with a name n parses as a function declarator (the most vexing parse): read it as a constructor.
        const vexing = d.type === 'function_declarator';
        const nameNode = d.type === 'init_declarator' || vexing ? field(d, 'declarator') : d;
        const name = bufferName(nameNode).name;
        const init = d.type === 'init_declarator' ? field(d, 'value') : null;
        const ctorArgs = vexing ? children(field(d, 'parameters') ?? d)
          : init?.type === 'argument_list' || init?.type === 'initializer_list' ? children(init) : [];
        if (thrust && thrust[1] === 'device_vector') {
          const elemType = thrust[2]!;
          const first = ctorArgs[0];
          // Copy-constructed from host data: `= h`, `(h)` with h a known host container, or `(h.begin(), h.end())`.
          const source = init && init.type !== 'argument_list' && init.type !== 'initializer_list' ? init
            : (first?.type === 'identifier' || first?.type === 'parameter_declaration') && hostBuffers.get(first.text) ? first
            : first && ctorArgs.length === 2 && /\.begin\(\)$/.test(first.text) ? first : null;
          // `h.begin()` names h: the callee is the field expression `h.begin`, whose argument is h.
          const hostName = source ? bufferName(source.type === 'call_expression' ? field(field(source, 'function') ?? source, 'argument') : source).name : null;
          let size: SizeValue;
          if (source) {
            const known = hostName ? hostBuffers.get(hostName)?.size : undefined;
            size = known ?? { expr: `size of ${collapse(source.text)}`, bytes: null, unknowns: [collapse(source.text)] };
          } else if (first) {
            const count = folder.size(first);
            const elem = folder.typeSize(elemType);
            const expr = `${count.expr} * sizeof(${elemType})`;
            size = count.bytes !== null && elem !== null ? { expr, bytes: count.bytes * elem, unknowns: [] }
              : { expr, bytes: null, unknowns: [...count.unknowns, ...(elem === null ? [`sizeof(${elemType})`] : [])] };
          } else {
            size = { expr: '0', bytes: 0, unknowns: [] };
          }
          events.push({ kind: 'allocation', ...base(decl, 'thrust::device_vector', 'thrust'), target: name, targetExpr: name, size, space: 'device', ...(source ? { uploadsFrom: hostName ?? collapse(source.text) } : {}) });
          if (source) {
            events.push({ kind: 'transfer', ...base(decl, 'thrust::device_vector', 'thrust'), direction: 'host-to-device', size, async: false, stream: null, blocking: null, hostBuffer: hostName, deviceBuffer: name, offset: false, hostOrigin: hostName ? originOf(hostName) : null });
          }
        } else if (clBuffer && ctorArgs.length >= 3) {
          const size = folder.size(ctorArgs[2]!);
          const flags = collapse(ctorArgs[1]!.text);
          events.push({ kind: 'allocation', ...base(decl, 'cl::Buffer', 'opencl'), target: name, targetExpr: name, size, space: /CL_MEM_(ALLOC|USE)_HOST_PTR/.test(flags) ? 'mapped' : 'device', flags: flags.split('|').map((f) => f.trim()) });
        } else if ((stdVector || (thrust && thrust[1] === 'host_vector')) && name) {
          const elemType = stdVector ? stdVector[1]! : thrust![2]!;
          const elem = folder.typeSize(elemType);
          const count = ctorArgs[0] ? folder.size(ctorArgs[0]) : null;
          const size = count && count.bytes !== null && elem !== null ? { expr: `${count.expr} * sizeof(${elemType})`, bytes: count.bytes * elem, unknowns: [] } : undefined;
          recordHostBuffer(name, 'pageable', stdVector ? 'std::vector' : 'thrust::host_vector', decl, size);
        }
      }
    };

    const visitNew = (node: SyntaxNode) => {
      let p = node.parent;
      while (p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression')) p = p.parent;
      const target = p?.type === 'init_declarator' ? bufferName(field(p, 'declarator')).name : p?.type === 'assignment_expression' ? bufferName(field(p, 'left')).name : null;
      const declarator = field(node, 'declarator');
      const type = field(node, 'type');
      let size: SizeValue | undefined;
      if (declarator?.type === 'new_declarator' && type) {
        const count = children(declarator)[0];
        const elem = folder.typeSize(type.text);
        if (count && elem !== null) {
          const c = folder.size(count);
          if (c.bytes !== null) size = { expr: `${c.expr} * sizeof(${type.text})`, bytes: c.bytes * elem, unknowns: [] };
        }
      }
      recordHostBuffer(target, 'pageable', 'new', node, size);
    };

    const definitions = seg.definitions ??= nodes.of(FUNCTION_DEFINITION).map(definitionRecord);
    for (const node of nodes.of(MAIN_TYPES)) {
      switch (node.type) {
        case 'call_expression':
          visitCall(node);
          break;
        case 'declaration':
        case 'parameter_declaration':
          visitDeclaration(node);
          break;
        case 'new_expression':
          visitNew(node);
          break;
        case 'identifier':
        case 'type_identifier':
          if (node.text === 'CL_DEVICE_MAX_MEM_ALLOC_SIZE' || node.text === 'CL_DEVICE_GLOBAL_MEM_SIZE') {
            events.push({ kind: 'hint', ...base(node, node.text, 'opencl'), hint: node.text.endsWith('ALLOC_SIZE') ? 'max-alloc-query' : 'global-mem-query', target: null });
          }
          break;
        default:
          break;
      }
    }

    const escaping = escapingPointers(nodes, functionOf);
    const host = hostBuffers.end();
    return {
      shape: seg.shape, startLine: seg.startLine, start: seg.start, orderBase, orderCount: order - orderBase, events, apiCalls, definitions,
      hostReads: host.reads, hostWrites: host.writes, checkMacroUses: [...checkMacroUses], escaping, typeSizes: folder.takeTypeSizeLog(),
    };
  }
}

/** `fn:name` of every pointer that is returned or stored through `*out = p` / `obj->p = p` in this part of the file. */
function escapingPointers(nodes: NodeIndex, functionName: (n: SyntaxNode) => string | null): string[] {
  const escaping = new Set<string>();
  for (const n of nodes.of(ESCAPE_TYPES)) {
    if (n.type === 'return_statement') {
      // `return p;`, `return pointer<T>(p);`, `return {p, n};`: the pointer goes back to the caller.
      const fn = functionName(n);
      for (const child of children(n)) walk(child, (id) => escaping.add(`${fn}:${id.text}`), IDENTIFIER);
    } else if (n.type === 'assignment_expression') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (right?.type === 'identifier' && left && left.type !== 'identifier') escaping.add(`${functionName(n)}:${right.text}`);
    }
  }
  return [...escaping];
}

function productSize(folder: CConstantFolder, a: SyntaxNode, b: SyntaxNode): SizeValue {
  const x = folder.size(a);
  const y = folder.size(b);
  const expr = `${x.expr} * ${y.expr}`;
  return x.bytes !== null && y.bytes !== null ? { expr, bytes: x.bytes * y.bytes, unknowns: [] } : { expr, bytes: null, unknowns: [...x.unknowns, ...y.unknowns] };
}

/** A launch counts as checked when the same function later asks cudaGetLastError / cudaPeekAtLastError or checks a synchronize (the call is replaced, not changed). */
function markCheckedLaunches(events: GpuEvent[], apiCalls: ApiCallFact[]): void {
  const checks = events.filter((e) => (e.kind === 'hint' && e.hint === 'error-check'));
  const checkedSyncs = apiCalls.filter((c) => c.checked && /Synchronize$/.test(c.api));
  apiCalls.forEach((call, i) => {
    if (call.via !== 'launch' || call.checked) return;
    const after = (line: number, fn: string | null) => line >= call.line && fn === call.function;
    if (checks.some((c) => after(c.line, c.function)) || checkedSyncs.some((s) => after(s.line, s.function))) apiCalls[i] = { ...call, checked: true };
  });
}

/** What the kernel list needs of a function definition, read while its tree is alive. */
function definitionRecord(def: SyntaxNode): DefinitionRecord {
  const definedName = definitionName(def)?.split('::').pop() ?? '';
  let d = field(def, 'declarator');
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  if (!d) return { start: def.startIndex, definedName, declarator: null };
  const params = children(field(d, 'parameters') ?? d).filter((p) => p.type === 'parameter_declaration' && p.text.includes('*'));
  return {
    start: def.startIndex, definedName,
    declarator: { name: collapse(field(d, 'declarator')?.text ?? '?'), end: d.endIndex, bufferParams: params.map((p) => bufferName(field(p, 'declarator')).name ?? collapse(p.text)) },
  };
}

/** A kernel: a function definition after a __global__ / __kernel qualifier, with no `;` in between. */
function kernels(parsed: ParsedSource, defs: DefinitionRecord[], lines: LineMap): KernelFact[] {
  const result: KernelFact[] = [];
  const seen = new Set<string>();
  const sorted = defs.slice().sort((a, b) => a.start - b.start);
  for (const q of parsed.mask.qualifiers) {
    if (!/^(__global__|__kernel|kernel)$/.test(q.text)) continue;
    // The first definition at or after the qualifier (binary search: a 10k-line file has thousands of each).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < q.offset) lo = mid + 1;
      else hi = mid;
    }
    const def = sorted[lo];
    if (!def || parsed.text.slice(q.offset, def.start).includes(';')) continue;
    const d = def.declarator;
    if (!d) continue;
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    result.push({ name: d.name, line: lines.position(def.start).line, range: lines.range(q.offset, d.end), bufferParams: d.bufferParams });
  }
  return result;
}

/**
 * `[whole, group 1 of head, first template argument]` when `typeText` is `head … >` (the regex match's shape the
 * callers read), found by one scan: the first top-level comma ends the element type.
 */
function templateOf(typeText: string, head: RegExp): [string, string, string] | null {
  const m = head.exec(typeText);
  if (!m || !typeText.endsWith('>')) return null;
  const inner = typeText.slice(m[0].length, -1);
  let depth = 0;
  let end = inner.length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      end = i;
      break;
    }
  }
  const element = inner.slice(0, end).trim();
  return element ? [typeText, m[1] ?? element, element] : null;
}
