// The C-family facts of a file, one top-level function at a time, so the editor can keep the facts of every
// function an edit did not touch. A file splits into segments: each top-level declaration with the text before it
// (comments, masked qualifiers). A function definition is a cacheable segment; everything else (declarations,
// #defines, types, namespaces, preprocessor blocks) is context, re-read on every analysis. A cached segment is
// reused when its own text, the file's context and the host buffers it read are all unchanged; its facts are
// then moved to where the segment now starts. The language server keeps one cache per open document.
import type { ApiCallFact, GpuEvent, GpuFileFacts, HostBufferKind, SizeValue } from '../model/types';
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import type { LineMap, NodeIndex } from './syntax';
import { emptyTable } from '../model/lookup';
import type { NameLookup, SegmentIndex, SegmentNames } from './c-constants';

export interface Segment {
  node: SyntaxNode;
  /** Offset where the segment's text starts: the end of the previous segment. */
  start: number;
  end: number;
  /** Line (1-based) of `start`. */
  startLine: number;
  cacheable: boolean;
  /** Column of `start` and the masked launches and qualifiers by position: with the text, all a cacheable segment's facts depend on besides the context. */
  shape: string;
  /** Masked text from `start` to `end`. */
  text: string;
  nodes?: NodeIndex;
  /** The cached facts of the same text and shape, when there are. */
  hit?: SegmentFacts;
  /** Its function definitions, read once per analysis. */
  definitions?: DefinitionRecord[];
}

/**
 * Text that defines something the whole file's folding uses (a macro, a type, an enum): a function holding one is
 * treated as context, so editing it re-reads everything.
 */
const FILE_WIDE_WORD = /#\s*define|\btypedef\b/;
const TAG_KEYWORD = /\b(?:enum|struct|class|union)\b/g;
const TAG_STOP = /[;{}()]/g;

/**
 * `#define`, `typedef`, or `enum|struct|class|union … {` (a definition, not a declaration). One pass: the first of
 * `;{}()` after a keyword is shared by every keyword before it, so a comment full of `struct` is not scanned to its
 * end once per word (the regex `\bstruct\b[^;{}()]*\{` was quadratic there).
 */
export function definesFileWide(text: string): boolean {
  if (FILE_WIDE_WORD.test(text)) return true;
  let stop = -1;
  for (const m of text.matchAll(TAG_KEYWORD)) {
    const from = m.index + m[0].length;
    if (stop < from) {
      TAG_STOP.lastIndex = from;
      const found = TAG_STOP.exec(text);
      if (!found) return false;
      stop = found.index;
    }
    if (text.charCodeAt(stop) === 123 /* { */) return true;
  }
  return false;
}

export function splitSegments(parsed: ParsedSource, lines: LineMap): Segment[] {
  const segments: Segment[] = [];
  const launches = parsed.mask.launches.slice().sort((a, b) => a.open - b.open);
  const qualifiers = parsed.mask.qualifiers;
  let l = 0;
  let q = 0;
  let start = 0;
  for (const node of parsed.tree.rootNode.namedChildren) {
    if (!node || node.type === 'comment') continue;
    const end = node.endIndex;
    const text = parsed.text.slice(start, end);
    const cacheable = node.type === 'function_definition' && !definesFileWide(text);
    // Masked launches and qualifiers leave blanks in the text: they join the key by position.
    let masks = '';
    for (; l < launches.length && launches[l]!.open < end; l++)
      if (launches[l]!.open >= start) masks += `L${launches[l]!.open - start},${launches[l]!.close - start};`;
    for (; q < qualifiers.length && qualifiers[q]!.offset < end; q++)
      if (qualifiers[q]!.offset >= start) masks += `Q${qualifiers[q]!.offset - start}${qualifiers[q]!.text};`;
    const at = lines.position(start);
    segments.push({ node, start, end, startLine: at.line, cacheable, shape: `${at.column}:${masks}`, text });
    start = end;
  }
  return segments;
}

/** The whole file as one context segment (nothing to reuse). */
export function wholeFile(parsed: ParsedSource): Segment {
  const root = parsed.tree.rootNode;
  return { node: root, start: 0, end: parsed.text.length, startLine: 1, cacheable: false, shape: '', text: parsed.text };
}

export type HostBuffer = GpuFileFacts['hostBuffers'][string];

export interface HostWrite {
  name: string;
  kind: HostBufferKind;
  api: string;
  line: number;
  size?: SizeValue;
}

/**
 * How each host buffer was obtained, in file order. While a segment is being read it logs the entries it read
 * before writing them (by fingerprint, lines relative to the segment) and its writes, so a cached segment can be
 * checked against the table and replayed into it.
 */
export class HostBufferTable {
  readonly entries: Record<string, HostBuffer> = emptyTable();
  private log: { baseLine: number; reads: Map<string, string>; written: Set<string>; writes: HostWrite[] } | null = null;

  begin(baseLine: number): void {
    this.log = { baseLine, reads: new Map(), written: new Set(), writes: [] };
  }

  end(): { reads: Array<[string, string]>; writes: HostWrite[] } {
    const log = this.log;
    this.log = null;
    return { reads: log ? [...log.reads] : [], writes: log?.writes ?? [] };
  }

  get(name: string): HostBuffer | undefined {
    const log = this.log;
    if (log && !log.written.has(name) && !log.reads.has(name)) log.reads.set(name, this.fingerprint(name, log.baseLine));
    return this.entries[name];
  }

  /** A later cudaHostRegister turns a pageable buffer pinned; a pinned buffer stays pinned. */
  record(name: string | null, kind: HostBufferKind, api: string, line: number, size?: SizeValue): void {
    if (!name) return;
    const current = this.get(name);
    if (this.log) {
      this.log.written.add(name);
      this.log.writes.push({ name, kind, api, line, ...(size ? { size } : {}) });
    }
    if (current?.kind === 'pinned' && kind === 'pageable') return;
    this.entries[name] = { kind, api, line, ...(size ? { size } : {}) };
  }

  /** Whether every entry a cached segment read is as it was, for the segment now starting at `baseLine`. */
  holds(reads: Array<[string, string]>, baseLine: number): boolean {
    return reads.every(([name, fingerprint]) => this.fingerprint(name, baseLine) === fingerprint);
  }

  private fingerprint(name: string, baseLine: number): string {
    const h = this.entries[name];
    return h ? JSON.stringify({ ...h, line: h.line - baseLine }) : '';
  }
}

/** A function definition as the kernel list needs it. */
export interface DefinitionRecord {
  start: number;
  /** The declared name's last part (`init` of `Buf::init`), for "defined in this file". */
  definedName: string;
  /** Null when the definition has no function declarator. */
  declarator: { name: string; end: number; bufferParams: string[]; params: string[] } | null;
}

/** What one segment contributed, as computed (absolute lines, offsets and event order of that analysis). */
export interface SegmentFacts {
  shape: string;
  startLine: number;
  start: number;
  orderBase: number;
  orderCount: number;
  events: GpuEvent[];
  apiCalls: ApiCallFact[];
  definitions: DefinitionRecord[];
  hostReads: Array<[string, string]>;
  hostWrites: HostWrite[];
  checkMacroUses: Array<[string, number]>;
  escaping: string[];
  typeSizes: Array<[string, number]>;
}

/** One document's cached segments by text; the context they were computed under is part of the cache. */
export class CFactsCache {
  context = '';
  segments = new Map<string, SegmentFacts>();
  /** Each segment's part of the folder's file index, by text (see CConstantFolder.wholeFileKey). */
  indexes = new Map<string, SegmentIndex>();
  /** How many of the last analysis's segments name each identifier as a value, and which texts were counted. */
  private valueCounts = new Map<string, number>();
  private counted = new Map<string, { names: SegmentNames; times: number }>();

  /**
   * The identifiers the file uses other than as a callee, from its segments (`trailing`: the text after the last
   * one), kept up to date by counting only what changed since the last analysis. Null when two segments meet inside
   * a word (the caller then scans the whole text): joined, their words could differ from either part's.
   */
  namesUsedAsValues(parts: ReadonlyArray<{ text: string; names: SegmentNames }>, trailing: SegmentNames): NameLookup | null {
    const now = new Map<string, { names: SegmentNames; times: number }>();
    for (const p of parts) {
      const e = now.get(p.text);
      if (e) e.times++;
      else now.set(p.text, { names: p.names, times: 1 });
    }
    const add = (names: SegmentNames, times: number) => {
      for (const v of names.values) {
        const c = (this.valueCounts.get(v) ?? 0) + times;
        if (c === 0) this.valueCounts.delete(v);
        else this.valueCounts.set(v, c);
      }
    };
    for (const [text, e] of this.counted) if (now.get(text)?.times !== e.times) add(e.names, -e.times);
    for (const [text, e] of now) if (this.counted.get(text)?.times !== e.times) add(e.names, e.times);
    this.counted = now;
    // A segment's last word is a value unless the next text (after whitespace) opens a parenthesis.
    const tails = new Set<string>();
    const all = [...parts.map((p) => p.names), trailing];
    for (let i = 0; i < all.length - 1; i++) {
      const here = all[i]!;
      const next = all[i + 1]!;
      if (here.endsWord && next.startsWord) return null;
      if (!here.tail) continue;
      let k = i + 1;
      while (k < all.length - 1 && all[k]!.blank) k++;
      if (!all[k]!.opensCall) tails.add(here.tail);
    }
    const last = all[all.length - 1]!;
    if (last.tail) tails.add(last.tail);
    for (const v of trailing.values) tails.add(v);
    const counts = this.valueCounts;
    return { has: (name) => (counts.get(name) ?? 0) > 0 || tails.has(name) };
  }

  /** The facts cached for this segment's text and shape (one look-up: the text is the key, and it is long). */
  find(seg: Segment): SegmentFacts | undefined {
    if (!seg.cacheable) return undefined;
    const facts = this.segments.get(seg.text);
    return facts && facts.shape === seg.shape ? facts : undefined;
  }

  /** Segments reused by the last analysis (for tests and the bench). */
  reused = 0;
}

export interface Shift {
  lines: number;
  offset: number;
  order: number;
}

/**
 * A segment's facts moved by `d`. Facts that do not move are handed out as they are, so an edit allocates only for
 * what it changed: facts are never modified after extraction (the file's later passes replace an object instead).
 */
const unmoved = (d: Shift) => d.lines === 0 && d.offset === 0 && d.order === 0;

export function placeEvent(e: GpuEvent, d: Shift): GpuEvent {
  if (unmoved(d)) return e;
  const copy = {
    ...e,
    line: e.line + d.lines,
    range: shiftRange(e.range, d.lines),
    loop: e.loop ? { ...e.loop, line: e.loop.line + d.lines } : null,
    order: e.order + d.order,
  };
  if (copy.kind === 'transfer' && copy.hostOrigin) copy.hostOrigin = { ...copy.hostOrigin, line: copy.hostOrigin.line + d.lines };
  return copy;
}

export function placeApiCall(c: ApiCallFact, d: Shift): ApiCallFact {
  if (unmoved(d)) return c;
  return {
    ...c,
    range: shiftRange(c.range, d.lines),
    line: c.line + d.lines,
    startOffset: c.startOffset + d.offset,
    endOffset: c.endOffset + d.offset,
  };
}

export function placeDefinition(r: DefinitionRecord, d: Shift): DefinitionRecord {
  if (unmoved(d)) return r;
  return { ...r, start: r.start + d.offset, declarator: r.declarator ? { ...r.declarator, end: r.declarator.end + d.offset } : null };
}

function shiftRange<R extends { startLine: number; endLine: number }>(r: R, lines: number): R {
  return { ...r, startLine: r.startLine + lines, endLine: r.endLine + lines };
}
