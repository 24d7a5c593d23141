// GPU facts of a C, C++, CUDA or OpenCL C file: which top-level segments to read and which to take from the editor's
// cache (c-segments.ts), the reader of a segment (c-gpu-reader.ts) run over the others in source order, and the passes
// over the whole file's events (escapes, checked launches, helper frees, benchmark loops, kernels).
import { nodesOfTypes, type ParsedSource, type SyntaxNode } from '../parse/tree-sitter';
import type { ApiCallFact, GpuEvent, GpuFileFacts, KernelFact, Language } from '../model/types';
import {
  CConstantFolder,
  C_CONSTANT_TYPES,
  FILE_INDEX_TYPES,
  FUNCTION_TYPES,
  indexSegment,
  namesUsedAsValues,
  type Folded,
  type SegmentIndex,
} from './c-constants';
import type { IncludedHeaders } from './c-includes';
import { callSitesOfAll, lastErrorHelpers } from './c-error-checks';
import { C_API_TABLE } from './c-api-table';
import {
  C_LOOP_TYPES,
  C_TIMER,
  C_TIMER_WITH_EVENTS,
  FUNCTION_DEFINITION,
  INIT_DECLARATOR,
  MAIN_TYPES,
  definitionRecord,
  inErrorPath,
  readSegment,
  type SegmentReaderEnv,
} from './c-gpu-reader';
import { Enclosing, LineMap, NodeIndex } from './syntax';
import {
  HostBufferTable,
  placeApiCall,
  placeDefinition,
  placeEvent,
  splitSegments,
  wholeFile,
  type CFactsCache,
  type DefinitionRecord,
  type Segment,
  type SegmentFacts,
  type Shift,
} from './c-segments';

const ENCLOSING_TYPES: ReadonlySet<string> = new Set([...FUNCTION_TYPES, ...C_LOOP_TYPES]);
const BASE_TYPES: ReadonlySet<string> = new Set(
  [
    ...ENCLOSING_TYPES,
    ...C_CONSTANT_TYPES,
    ...MAIN_TYPES,
    'init_declarator',
    'return_statement',
    'assignment_expression',
    'preproc_function_def',
  ].filter((t) => t !== 'identifier' && t !== 'type_identifier'),
);
const WITH_IDENTIFIERS: ReadonlySet<string> = new Set([...BASE_TYPES, 'identifier', 'type_identifier']);

/**
 * Identifiers are the most common node: collect them only when the text names an OpenCL device query
 * (getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>() names it as a template argument, hence type_identifier).
 */
function segmentTypes(text: string): ReadonlySet<string> {
  return text.includes('CL_DEVICE_') ? WITH_IDENTIFIERS : BASE_TYPES;
}

/** The nodes of a context segment whose text the cached functions depend on (see CConstantFolder.collect). */
// A function-like macro's body can read a status variable of a function (`#define CHECK(msg) if (err) ...`).
const CONTEXT_KEY_TYPES: ReadonlySet<string> = new Set([...C_CONSTANT_TYPES, 'init_declarator', 'preproc_function_def']);

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
export function extractCGpuFacts(
  parsed: ParsedSource,
  path: string,
  language: Language,
  parseExpression: (text: string, use: (expr: SyntaxNode | null) => Folded) => Folded,
  cache?: CFactsCache,
  headers?: IncludedHeaders | null,
): GpuFileFacts {
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
  const folder = new CConstantFolder(parseExpression, headers?.definitions);
  const lastErrorReaders = lastErrorHelpers(parsed, headers);
  if (cache) {
    // The file index per segment: an edit re-indexes the segments whose text changed, not the whole tree.
    const indexes = new Map<string, SegmentIndex>();
    const parts = segments.map((seg) => {
      const index = cache.indexes.get(seg.text) ?? indexSegment(nodesOf(seg).of(FILE_INDEX_TYPES), seg.start, seg.text);
      indexes.set(seg.text, index);
      return { start: seg.start, text: seg.text, index, names: index.names };
    });
    cache.indexes = indexes;
    const lastEnd = segments.length ? segments[segments.length - 1]!.end : 0;
    const names = cache.namesUsedAsValues(parts, namesUsedAsValues(parsed.text.slice(lastEnd)));
    context.push(
      [...definedHere].sort().join(' '),
      folder.wholeFileKey(parsed.tree.rootNode, definedHere, parts, names),
      headers?.key ?? '',
      lastErrorReaders.join(' '),
    );
  }
  const contextKey = cache ? context.join('\u0000') : '';
  if (cache && cache.context !== contextKey) {
    cache.context = contextKey;
    cache.segments.clear();
    for (const seg of segments) seg.hit = undefined;
    if (!wholeFileQuery && segments.length > WHOLE_FILE_QUERY_FROM) indexWholeFile(parsed, segments);
  }
  const enclosingOf = (seg: Segment) => new Enclosing(nodesOf(seg).of(ENCLOSING_TYPES));
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
  const { byParam: freeMacros, byName: namedFreeMacros } = freeMacrosOf(parsed.text);
  const usesClCpp = parsed.text.includes('cl::');
  const env: SegmentReaderEnv = {
    parsed,
    lines,
    folder,
    parseExpression,
    hostBuffers,
    definedHere,
    headers,
    launchOpens,
    freeMacros,
    namedFreeMacros,
    lastErrorReaders: new Set(lastErrorReaders),
    contextInits,
    usesClCpp,
    nodesOf,
  };
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
      facts = readSegment(env, seg, enclosing, order);
    }
    const shift: Shift = { lines: seg.startLine - facts.startLine, offset: seg.start - facts.start, order: order - facts.orderBase };
    const moved = shift.lines !== 0 || shift.offset !== 0 || shift.order !== 0;
    const placed = moved ? rebase(facts, seg, order, shift) : facts;
    // Kept at its new place: the next edit finds it unmoved unless something above it moves again.
    if (seg.cacheable && cache) kept.set(seg.text, placed);
    for (const e of placed.events) events.push(e);
    for (const c of placed.apiCalls) apiCalls.push(c);
    for (const d of placed.definitions) definitions.push(d);
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
  markTimedSyncs(events, parsed, definedHere);
  markCheckedLaunches(events, apiCalls, parsed, lines, (name) => folder.calledOrNamed(name, parsed.tree.rootNode));
  markFailureCleanup(apiCalls, parsed);
  resolveHelperFrees(events, definitions, freeMacros);
  const checkMacros = [...checkMacroUses.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return {
    path,
    language,
    events,
    apiCalls,
    kernels: kernels(parsed, definitions, lines),
    hostBuffers: hostBuffers.entries,
    checkMacros,
    assumedTypeSizes,
    ...(headers ? { headers: { macros: headers.macros, functions: headers.functions, files: headers.files, notRead: headers.notRead } } : {}),
  };
}

/** A segment's facts at the place it now has in the file (a new object: cached facts are never changed). */
function rebase(facts: SegmentFacts, seg: Segment, order: number, shift: Shift): SegmentFacts {
  return {
    ...facts,
    startLine: seg.startLine,
    start: seg.start,
    orderBase: order,
    events: facts.events.map((e) => placeEvent(e, shift)),
    apiCalls: facts.apiCalls.map((c) => placeApiCall(c, shift)),
    definitions: facts.definitions.map((d) => placeDefinition(d, shift)),
    hostWrites: shift.lines === 0 ? facts.hostWrites : facts.hostWrites.map((w) => ({ ...w, line: w.line + shift.lines })),
  };
}

const FREE_API_NAMES = Object.keys(C_API_TABLE).filter((k) => C_API_TABLE[k]!.kind === 'free');
const FREE_CALL = new RegExp(`\\b(${FREE_API_NAMES.join('|')})\\s*\\(\\s*(?:\\([^()]*\\)\\s*)?&?\\s*\\(?\\s*([A-Za-z_]\\w*)`, 'g');

/**
 * `#define SAFE_FREE(p) if (p) { cudaFree(p); p = 0; }`: macros that free a parameter, with that parameter's index;
 * and `#define CLEANUP() do { cudaFree(d_a); … } while (0)`: macros that free names of their own, with the names.
 */
function freeMacrosOf(text: string): { byParam: Map<string, Set<number>>; byName: Map<string, string[]> } {
  const byParam = new Map<string, Set<number>>();
  const byName = new Map<string, string[]>();
  if (!text.includes('#')) return { byParam, byName };
  for (const m of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(([^)]*)\)((?:[^\n]*\\\r?\n)*[^\n]*)/gm)) {
    const params = m[2]!.split(',').map((p) => p.trim());
    for (const call of m[3]!.matchAll(FREE_CALL)) {
      const k = params.indexOf(call[2]!);
      if (k >= 0) (byParam.get(m[1]!) ?? byParam.set(m[1]!, new Set()).get(m[1]!)!).add(k);
      else (byName.get(m[1]!) ?? byName.set(m[1]!, []).get(m[1]!)!).push(call[2]!);
    }
  }
  return { byParam, byName };
}

/**
 * Keeps the candidate frees at calls of this file's helpers that do free that argument: a macro that frees its
 * parameter, or a function whose body frees its parameter (one level: a helper of a helper is not followed).
 */
function resolveHelperFrees(events: GpuEvent[], definitions: DefinitionRecord[], macros: ReadonlyMap<string, ReadonlySet<number>>): void {
  if (!events.some((e) => e.kind === 'free' && e.helper)) return;
  const byFunction = new Map<string, DefinitionRecord>();
  for (const d of definitions) if (d.declarator) byFunction.set(d.declarator.name, d);
  const frees = new Map<string, Set<number>>();
  for (const e of events) {
    if (e.kind !== 'free' || e.helper || !e.target || !e.function) continue;
    const d = byFunction.get(e.function);
    const k = d?.declarator?.params.indexOf(e.target) ?? -1;
    if (d && k >= 0) (frees.get(d.definedName) ?? frees.set(d.definedName, new Set()).get(d.definedName)!).add(k);
  }
  let w = 0;
  for (const e of events) {
    if (e.kind === 'free' && e.helper && !(macros.get(e.helper.name)?.has(e.helper.arg) || frees.get(e.helper.name)?.has(e.helper.arg))) continue;
    events[w++] = e;
  }
  events.length = w;
}

/**
 * Whether a file's function reads the last error (or checks a synchronize) at or after a line: what makes a launch
 * before that line checked. By the last such line of each function, so a lookup costs nothing per check.
 */
export function launchCheckedFrom(events: readonly GpuEvent[], apiCalls: readonly ApiCallFact[]): (line: number, fn: string | null) => boolean {
  const last = new Map<string | null, number>();
  const note = (fn: string | null, line: number) => last.set(fn, Math.max(last.get(fn) ?? -1, line));
  for (const e of events) if (e.kind === 'hint' && e.hint === 'error-check') note(e.function, e.line);
  for (const c of apiCalls) if (c.checked && /Synchronize$/.test(c.api)) note(c.function, c.line);
  return (line, fn) => (last.get(fn) ?? -1) >= line;
}

/** The sorted lines of each function's entries. */
function linesByFunction<T extends { function: string | null; line: number }>(items: Iterable<T>): Map<string | null, number[]> {
  const out = new Map<string | null, number[]>();
  for (const it of items) (out.get(it.function) ?? out.set(it.function, []).get(it.function)!).push(it.line);
  for (const lines of out.values()) lines.sort((a, b) => a - b);
  return out;
}

/** The first of the sorted `lines` above `line` (or at it, with `orAt`), else null. */
function firstAfter(lines: readonly number[] | undefined, line: number, orAt: boolean): number | null {
  if (!lines) return null;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orAt ? lines[mid]! < line : lines[mid]! <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length ? lines[lo]! : null;
}

/**
 * A launch counts as checked when the same function later asks cudaGetLastError / cudaPeekAtLastError (or calls a
 * helper that does, c-error-checks.ts) or checks a synchronize: the launch's error stays until it is read. A runtime
 * call counts as checked when that check comes next, before any other CUDA call of the function: one read after
 * more work has run on a failed allocation reports it somewhere unrelated.
 */
function markCheckedLaunches(
  events: GpuEvent[],
  apiCalls: ApiCallFact[],
  parsed: ParsedSource,
  lines: LineMap,
  calledOrNamed: (name: string) => boolean,
): void {
  const checkLines = linesByFunction(events.filter((e) => e.kind === 'hint' && e.hint === 'error-check'));
  const callLines = linesByFunction(apiCalls);
  const checkedFrom = launchCheckedFrom(events, apiCalls);
  // A launcher (`void launch_k(...) { k<<<g, b>>>(...); }`) is checked by its callers: every call of it in this file
  // followed by a check in the caller. Callers in other files are not seen: there the launch stays reported.
  // The launchers' call sites, from one pass over the file for all of them (an edit of a big file reruns this).
  const lastPart = (fn: string) => fn.split('::').pop()!.trim();
  const launchers = [
    ...new Set(
      apiCalls.filter((c) => c.via === 'launch' && !c.checked && c.function !== null && !checkedFrom(c.line, c.function)).map((c) => c.function!),
    ),
  ];
  // Only names the file calls or passes somewhere are searched for: a launcher nothing here names is called elsewhere.
  const named = [...new Set(launchers.map(lastPart))].filter((n) => calledOrNamed(n));
  const sitesByName = named.length ? callSitesOfAll(parsed, named, (at) => lines.position(at).line) : new Map();
  const callersCheck = new Map<string, boolean | 'elsewhere'>();
  const checkedByCallers = (fn: string) => {
    let known = callersCheck.get(fn);
    if (known === undefined) {
      const sites = ((sitesByName.get(lastPart(fn)) ?? []) as Array<{ line: number; function: string | null }>).filter((s) => s.function !== fn);
      known = sites.length === 0 ? 'elsewhere' : sites.every((s) => checkedFrom(s.line, s.function));
      callersCheck.set(fn, known);
    }
    return known;
  };
  apiCalls.forEach((call, i) => {
    // cudaGetLastError reports the last error of any runtime call (CUDA Runtime API, "Error Handling"), not only launches.
    if (call.checked || (call.via !== 'launch' && call.family !== 'cuda')) return;
    if (call.via === 'launch') {
      if (checkedFrom(call.line, call.function)) {
        apiCalls[i] = { ...call, checked: true };
        return;
      }
      const byCallers = call.function !== null ? checkedByCallers(call.function) : false;
      if (byCallers === 'elsewhere') {
        const name = lastPart(call.function!);
        if (/^[A-Za-z_]\w*$/.test(name) && name !== 'main') apiCalls[i] = { ...call, launcher: name };
      } else if (byCallers) apiCalls[i] = { ...call, checked: true };
      return;
    }
    // The next check at or after the call, and no other CUDA call of the function before it.
    const check = firstAfter(checkLines.get(call.function), call.line, true);
    const other = firstAfter(callLines.get(call.function), call.line, false);
    if (check !== null && (other === null || other >= check)) apiCalls[i] = { ...call, checked: true };
  });
}

const DEVICE_WIDE_SYNC = /^(cudaDeviceSynchronize|cudaThreadSynchronize|cuCtxSynchronize)$/;

/**
 * Benchmark loops seen from the whole file. A function whose every call site in this file is bracketed by clock reads
 * (`gettimeofday(&t0); calc_path(...); gettimeofday(&t1);`) is what the benchmark measures: its loops are timed. In a
 * timed loop a device-wide sync that more GPU work follows in the same iteration, with no clock read between
 * (`k1<<<>>>; sync; k2<<<>>>; sync;`), is not what the timing needs: it is marked `beforeMoreWork`.
 */
function markTimedSyncs(events: GpuEvent[], parsed: ParsedSource, definedHere: ReadonlySet<string>): void {
  const loopSyncs = events.filter((e) => e.kind === 'sync' && e.loop && e.family !== 'opencl');
  if (loopSyncs.length === 0) return;
  const timer = /\b(cudaEventElapsedTime|cuEventElapsedTime)\b/.test(parsed.text) ? C_TIMER_WITH_EVENTS : C_TIMER;
  const timedByCallers = new Map<string, boolean>();
  for (const s of loopSyncs) {
    const fn = s.function;
    if (!fn || s.loop!.timed || s.loop!.clocked || timedByCallers.has(fn) || !definedHere.has(fn) || !/^[A-Za-z_]\w*$/.test(fn)) continue;
    timedByCallers.set(fn, callSitesTimed(parsed, fn, timer));
  }
  const lines = parsed.text.split('\n');
  events.forEach((e, i) => {
    if (!e.loop) return;
    let loop = e.loop;
    if (!loop.timed && e.function && timedByCallers.get(e.function)) loop = { ...loop, timed: true };
    let beforeMoreWork = false;
    // Device-wide waits only: an event or stream wait in a pipelined loop waits for one earlier result, as advised.
    if (e.kind === 'sync' && (loop.timed || loop.clocked) && DEVICE_WIDE_SYNC.test(e.api))
      beforeMoreWork = events.some(
        (w) =>
          (w.kind === 'launch' || w.kind === 'transfer') &&
          w.function === e.function &&
          w.order > e.order &&
          w.loop?.line === e.loop!.line &&
          !timer.test(lines.slice(e.range.endLine, w.range.startLine - 1).join('\n')),
      );
    if (loop !== e.loop || beforeMoreWork) events[i] = { ...e, loop, ...(beforeMoreWork ? { beforeMoreWork: true } : {}) } as GpuEvent;
  });
}

/** Calls that release what was made: frees, destroys, resets, unregisters, unloads, unmaps. */
const TEARDOWN_CALL = /^(cuda|cu)\w*?(Free|Destroy|Reset|Unregister|Unload|Release|Unmap|Close)\w*$/;
/** Mentions of one cleanup helper read, at most: past this many the helper is left as it is (reported). */
const MAX_CLEANUP_SITES = 256;

/**
 * Best-effort cleanup: the frees and destroys of a helper of this file (not main) whose every call in the file, at
 * least one, is on a failure path (the body of an `if` that tests a status and leaves, as inErrorPath reads it). They
 * run after something already failed: stopping at their status would report a secondary error instead of the one
 * that sent the program there, so they count as checked, as the same calls written inline in that branch do. A helper
 * also called on the way out of a run that succeeded, or used as a value (`atexit(cleanup)`), keeps its findings.
 */
function markFailureCleanup(apiCalls: ApiCallFact[], parsed: ParsedSource): void {
  const helpers = new Set<string>();
  for (const c of apiCalls) {
    if (c.checked || c.via !== 'return' || (c.family !== 'cuda' && c.family !== 'cuda-driver') || !c.function || !TEARDOWN_CALL.test(c.api)) continue;
    const name = c.function.split('::').pop()!.trim();
    if (name !== 'main' && /^[A-Za-z_]\w*$/.test(name)) helpers.add(name);
  }
  if (!helpers.size) return;
  const sites = new Map<string, number>([...helpers].map((h) => [h, 0]));
  for (const m of parsed.text.matchAll(new RegExp(`\\b(${[...helpers].join('|')})\\b(\\s*\\()?`, 'g'))) {
    const name = m[1]!;
    const seen = sites.get(name);
    if (seen === undefined || seen < 0) continue;
    let node: SyntaxNode | null = parsed.tree.rootNode.descendantForIndex(m.index);
    if (node && /comment|string|char_literal/.test(node.type)) continue;
    for (let levels = 0; node && node.type !== 'call_expression' && node.type !== 'function_declarator' && levels < 8; levels++) node = node.parent;
    if (node?.type === 'function_declarator' && m[2]) continue;
    const onFailure =
      m[2] !== undefined &&
      node?.type === 'call_expression' &&
      node.childForFieldName('function')?.text === name &&
      seen < MAX_CLEANUP_SITES &&
      inErrorPath(node);
    sites.set(name, onFailure ? seen + 1 : -1);
  }
  apiCalls.forEach((c, i) => {
    if (c.checked || c.via !== 'return' || !c.function || !TEARDOWN_CALL.test(c.api)) return;
    if ((sites.get(c.function.split('::').pop()!.trim()) ?? 0) > 0) apiCalls[i] = { ...c, checked: true };
  });
}

/** Every call of `fn` in the file (at least one) is a statement with a clock read among the four before and after it. */
function callSitesTimed(parsed: ParsedSource, fn: string, timer: RegExp): boolean {
  let sites = 0;
  for (const m of parsed.text.matchAll(new RegExp(`\\b${fn}\\s*\\(`, 'g'))) {
    let node: SyntaxNode | null = parsed.tree.rootNode.descendantForIndex(m.index);
    while (node && node.type !== 'call_expression' && node.type !== 'function_declarator') node = node.parent;
    if (!node || node.type === 'function_declarator') continue;
    let stmt: SyntaxNode = node;
    while (stmt.parent && stmt.parent.type !== 'compound_statement' && stmt.parent.type !== 'translation_unit') stmt = stmt.parent;
    if (stmt.parent?.type !== 'compound_statement') return false;
    let before = false;
    let after = false;
    let p = stmt.previousNamedSibling;
    for (let k = 0; p && k < 4 && !before; k++, p = p.previousNamedSibling) before = timer.test(p.text);
    p = stmt.nextNamedSibling;
    for (let k = 0; p && k < 4 && !after; k++, p = p.nextNamedSibling) after = timer.test(p.text);
    if (!before || !after) return false;
    sites++;
  }
  return sites > 0;
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
