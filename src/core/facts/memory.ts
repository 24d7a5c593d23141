// Derived facts per file: live device bytes in program order, the peak, and the memory strategy with evidence.
// Accounting model (documented in ARCHITECTURE.md): each function is walked in source order; an allocation adds
// its bytes, a free of the same name removes them; an allocation in a loop with no free of that name counts once
// per trip (C-family) or once (Python, where rebinding a name releases the old array to the pool). Every allocation
// counts on its own: two buffers of the same run-time size (`d_in`, `d_out` of `n` bytes) are two unknowns, not one.
// The file's peak is the largest peak of any one function: the facts hold no call graph, so functions are taken to
// run one at a time (never added together). A size that folds to a negative, non-finite or > 2^53 value is a
// mis-read, not a size: it is kept as an unknown and never cancels other allocations.
import type {
  AllocationFact,
  EvidenceLine,
  FreeFact,
  GpuEvent,
  LaunchFact,
  SizeValue,
  GpuFileFacts,
  GpuFileSummary,
  MemoryStrategy,
  PeakDeviceBytes,
  PeakPoint,
  TransferFact,
} from '../model/types';
import { formatSize } from '../model/units';

export interface LivePoint {
  allocation: AllocationFact;
  /** Known device bytes live right after this allocation, in its function. */
  liveBytes: number;
  /** Symbolic allocations live at that point, one entry per allocation (an expression repeats when two buffers share it). */
  unknownExprs: string[];
  /** Sizes of the live allocations whose size is known, one entry per allocation. */
  knownSizes: number[];
}

/** A folded size that can be a real byte count: finite, whole, ≥ 0 and exactly representable. */
export function plausibleBytes(bytes: number | null): number | null {
  return bytes !== null && Number.isFinite(bytes) && bytes >= 0 && bytes <= Number.MAX_SAFE_INTEGER ? bytes : null;
}

/**
 * Whether the file frees an allocation: a local pointer only by a free in its own function (the same name in
 * another function is another variable); a global or member pointer by any free of that name in the file.
 */
export function isReleased(facts: GpuFileFacts, a: AllocationFact): boolean {
  if (a.target === null) return false;
  const frees = eventIndex(facts.events).freesOf;
  if ((frees.get(a.target) ?? []).some((f) => !a.localTarget || f.function === a.function)) return true;
  // Kept in a container whose elements are freed (`for (…) cudaFree(ptrs[i])`): released through it.
  return (a.keptIn ?? []).some((c) => (frees.get(c) ?? []).length > 0);
}

export interface EventIndex {
  /** Allocations by target name, in file order. */
  allocationsOf: Map<string, AllocationFact[]>;
  freesOf: Map<string, FreeFact[]>;
  allocationAtOrder: Map<number, AllocationFact>;
  /** Launches by 'line:column' of their start. */
  launchAt: Map<string, LaunchFact>;
}

const indexes = new WeakMap<readonly GpuEvent[], EventIndex>();

/**
 * Events looked up by name, order and position, built once per file's event list: rules ask "the allocation of this
 * copy's buffer" for every copy, which is quadratic in a 10k-line file without it. Facts are not changed after
 * extraction, so the index stays valid for the list it was built from.
 */
export function eventIndex(events: readonly GpuEvent[]): EventIndex {
  let index = indexes.get(events);
  if (index) return index;
  index = { allocationsOf: new Map(), freesOf: new Map(), allocationAtOrder: new Map(), launchAt: new Map() };
  for (const e of events) {
    if (e.kind === 'allocation') {
      if (e.target !== null) push(index.allocationsOf, e.target, e);
      if (!index.allocationAtOrder.has(e.order)) index.allocationAtOrder.set(e.order, e);
    } else if (e.kind === 'free' && e.target !== null) {
      push(index.freesOf, e.target, e);
    } else if (e.kind === 'launch') {
      const at = `${e.range.startLine}:${e.range.startColumn}`;
      if (!index.launchAt.has(at)) index.launchAt.set(at, e);
    }
  }
  indexes.set(events, index);
  return index;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const countsAsDevice = (a: AllocationFact): boolean => a.space === 'device' || a.space === 'managed';

/** Live device bytes after each device allocation, in program order per function. */
export function liveTimeline(facts: GpuFileFacts, filter: (a: AllocationFact) => boolean = countsAsDevice): LivePoint[] {
  const byFunction = new Map<string, typeof facts.events>();
  for (const e of facts.events) {
    const key = e.function ?? '<module>';
    let list = byFunction.get(key);
    if (!list) byFunction.set(key, (list = []));
    list.push(e);
  }
  const points: LivePoint[] = [];
  const python = facts.language === 'python';
  for (const events of byFunction.values()) {
    const live = new Map<string, { bytes: number | null; expr: string }>();
    let anon = 0;
    for (const e of events) {
      if (e.kind === 'allocation' && filter(e)) {
        const freedInLoop = e.loop !== null && events.some((f) => f.kind === 'free' && f.target === e.target && f.loop?.line === e.loop?.line);
        const trips = e.loop && !freedInLoop && !python ? e.loop.totalTrips : 1;
        const size = plausibleBytes(e.size.bytes);
        const bytes = size !== null && trips !== null ? plausibleBytes(size * trips) : null;
        const expr = trips === null && size !== null ? `${e.size.expr} x (iterations of the loop at line ${e.loop!.line})` : e.size.expr;
        live.set(e.target ?? `#${anon++}`, { bytes, expr });
        let sum = 0;
        const unknownExprs: string[] = [];
        const knownSizes: number[] = [];
        for (const v of live.values()) {
          if (v.bytes === null) unknownExprs.push(v.expr);
          else {
            sum += v.bytes;
            knownSizes.push(v.bytes);
          }
        }
        points.push({ allocation: e, liveBytes: sum, unknownExprs, knownSizes });
      } else if (e.kind === 'free' && e.target) {
        live.delete(e.target);
      }
    }
  }
  return points;
}

/**
 * The live points that can be the peak once run-time sizes are known: per function, every point not dominated by
 * another of the same function (as many known bytes or more and every unknown of it too). Sizing binds the
 * workload's sizes into each and takes the largest; functions are never added together.
 */
export function peakPoints(points: readonly LivePoint[]): PeakPoint[] {
  const byFunction = new Map<string, PeakPoint[]>();
  for (const p of [...points].sort((x, y) => y.liveBytes - x.liveBytes || y.unknownExprs.length - x.unknownExprs.length)) {
    const key = p.allocation.function ?? '<module>';
    const kept = byFunction.get(key) ?? [];
    const candidate: PeakPoint = {
      function: p.allocation.function,
      line: p.allocation.line,
      knownBytes: p.liveBytes,
      unknownExprs: [...p.unknownExprs].sort(),
      knownSizes: [...p.knownSizes].sort((a, b) => b - a),
    };
    if (!kept.some((k) => k.knownBytes >= candidate.knownBytes && containsAll(k.unknownExprs, candidate.unknownExprs))) kept.push(candidate);
    byFunction.set(key, kept);
  }
  return [...byFunction.values()]
    .flat()
    .sort((x, y) => y.knownBytes - x.knownBytes || y.unknownExprs.length - x.unknownExprs.length || x.line - y.line);
}

/** Whether the multiset `outer` holds every entry of `inner`, counting repeats (both sorted). */
function containsAll(outer: readonly string[], inner: readonly string[]): boolean {
  let i = 0;
  for (const e of outer) if (i < inner.length && inner[i] === e) i++;
  return i === inner.length;
}

export function peakDeviceBytes(facts: GpuFileFacts): PeakDeviceBytes & { points: PeakPoint[] } {
  const points = liveTimeline(facts);
  if (points.length === 0) return { bytes: 0, lowerBound: false, unknownExprs: [], points: [] };
  const candidates = peakPoints(points);
  // The summary's single figure: the point with the most known bytes (a lower bound of the peak), with the
  // run-time sizes live beside it; when it has none but another point has, that point's sizes are named.
  const best = candidates[0]!;
  const withUnknowns = candidates.find((c) => c.unknownExprs.length > 0);
  const anyKnown = points.some((p) => p.liveBytes > 0) || points.some((p) => p.allocation.size.bytes === 0);
  return {
    bytes: anyKnown ? best.knownBytes : null,
    lowerBound: withUnknowns !== undefined,
    unknownExprs: best.unknownExprs.length ? best.unknownExprs : (withUnknowns?.unknownExprs ?? []),
    points: candidates,
  };
}

/** At most this many bytes per copy is a flag or a few scalars (eight doubles). */
const CONTROL_VALUE_BYTES = 64;

const isUpload = (t: TransferFact) => t.direction === 'host-to-device' || (t.direction === 'default' && t.hostBuffer !== null);

export function memoryStrategy(facts: GpuFileFacts): { strategy: MemoryStrategy; evidence: EvidenceLine[] } {
  const evidence: EvidenceLine[] = [];
  const found = new Set<MemoryStrategy>();
  for (const e of facts.events) {
    if (e.kind === 'allocation' && e.space === 'managed') {
      found.add('unified');
      evidence.push({ line: e.line, note: `${e.api}: managed (unified) memory, ${describeSize(e.size)}` });
    } else if (e.kind === 'allocation' && e.space === 'mapped') {
      found.add('mapped');
      evidence.push({ line: e.line, note: `${e.api}: host memory mapped into the device's address space` });
    } else if (e.kind === 'hint' && e.hint === 'map') {
      found.add('mapped');
      evidence.push({ line: e.line, note: `${e.api}: maps a buffer for host access` });
    } else if (e.kind === 'transfer' && isUpload(e)) {
      // A few bytes copied to the same place each iteration (a stop flag, a counter) are control values, not data.
      if (e.loop && !e.offset && e.size.bytes !== null && e.size.bytes <= CONTROL_VALUE_BYTES) continue;
      // Streaming needs a loop: an offset copy outside one is part of a whole upload (row 0, then the rest).
      if (e.loop) {
        found.add('chunked');
        evidence.push({
          line: e.line,
          note: `${e.api}: host-to-device copy of ${describeSize(e.size)} inside the loop at line ${e.loop.line}`,
        });
      } else {
        found.add('whole-dataset');
        evidence.push({ line: e.line, note: `${e.api}: host-to-device copy of ${describeSize(e.size)} in one call, outside any loop` });
      }
    }
  }
  const strategy: MemoryStrategy = found.size === 0 ? 'none' : found.size === 1 ? [...found][0]! : 'mixed';
  return { strategy, evidence: evidence.sort((a, b) => a.line - b.line) };
}

export function describeSize(size: Pick<SizeValue, 'bytes' | 'expr' | 'reason'>): string {
  if (size.bytes !== null) return formatSize(size.bytes, size.expr);
  return size.reason ? `${size.expr} (unknown (${size.reason}))` : `${size.expr} (size known at run time)`;
}

export function summariseGpuFile(facts: GpuFileFacts): GpuFileSummary {
  const peak = peakDeviceBytes(facts);
  const { strategy, evidence } = memoryStrategy(facts);
  return {
    path: facts.path,
    language: facts.language,
    allocations: facts.events
      .filter((e): e is AllocationFact => e.kind === 'allocation')
      .map((a) => ({
        api: a.api,
        line: a.line,
        sizeExpr: a.size.expr,
        bytes: plausibleBytes(a.size.bytes),
        ...(a.size.reason ? { sizeReason: a.size.reason } : {}),
        space: a.space,
        inLoop: a.loop !== null,
      })),
    transfers: facts.events
      .filter((e): e is TransferFact => e.kind === 'transfer')
      .map((t) => ({
        api: t.api,
        line: t.line,
        direction: t.direction,
        sizeExpr: t.size.expr,
        bytes: plausibleBytes(t.size.bytes),
        ...(t.size.reason ? { sizeReason: t.size.reason } : {}),
        async: t.async,
        inLoop: t.loop !== null,
      })),
    strategy,
    kernels: facts.kernels.map((k) => ({ name: k.name, line: k.line, bufferParams: k.bufferParams })),
    peakDeviceBytes: peak.bytes,
    peakIsLowerBound: peak.lowerBound,
    peakUnknownExprs: peak.unknownExprs,
    peakPoints: peak.points,
    evidence,
  };
}
