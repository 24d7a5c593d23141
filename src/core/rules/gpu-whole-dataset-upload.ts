// One host-to-device copy of a whole buffer whose size is unknown at compile time or large next to the GPU.
import type { GpuEvent, IncludedHeaderFacts, TransferFact } from '../model/types';
import { eventIndex, type EventIndex } from '../facts/memory';
import { deviceBytes } from '../sizing/gpu-catalog';
import { formatBytes, formatPercent } from '../model/units';
import type { GpuRule } from './rule';
import { allocationOf } from './shared/gpu-related';

const PYTHON_FAMILIES: ReadonlySet<string> = new Set(['cupy', 'pycuda', 'pyopencl', 'numba', 'torch']);
/** NumPy readers of a file (facts/py-gpu.ts records the host array with the reader as its api). */
const PYTHON_LOADER = /^numpy\.(load|fromfile|memmap|loadtxt|genfromtxt)$/;
/** A function body that reads a file or stream. */
const READS_INPUT =
  /\b(?:fopen|fopen_s|_wfopen|freopen|fread|fgets|fscanf|getline|mmap|pread|read|open)\s*\(|\b(?:ifstream|fstream|istream)\b|\.read\s*\(/;

export const rule: GpuRule = {
  meta: {
    id: 'gpu-whole-dataset-upload',
    description: 'A device buffer sized to the whole input is filled by one host-to-device copy.',
    category: 'gpu',
    defaultSeverity: 'info',
    messages: {
      large:
        '{{api}} copies {{size}} host-to-device in one call into a buffer of the same size: {{share}} of the {{gpu}} ({{capacity}}), above the {{threshold}} chunking threshold. Stream it in {{chunks}} chunks of {{chunk}} through a reused device buffer.',
      unknownSize:
        '{{api}} copies the whole input ({{expr}}) host-to-device in one call, and its size is known only at run time (it depends on {{unknowns}}). Inputs above {{chunk}} ({{threshold}} of the {{gpu}}) should be streamed in chunks of {{chunk}}: ceil(({{expr}}) / {{chunkBytes}}) chunks through a reused device buffer.',
    },
  },
  check(ctx) {
    const capacity = deviceBytes(ctx.gpu);
    const thresholdBytes = Math.floor(capacity * ctx.config.chunkThreshold);
    const index = eventIndex(ctx.facts.events);
    for (const t of ctx.facts.events) {
      if (t.kind !== 'transfer' || t.direction !== 'host-to-device' || t.loop || t.offset) continue;
      if (!fillsWholeBuffer(t, index)) continue;
      const python = PYTHON_FAMILIES.has(t.family);
      // Python: `cp.asarray(x)` of a parameter may be a no-op on data already on the device, and an array built from
      // a command-line shape is a problem size, not a data set: an unknown size is reported only for data this file
      // loaded from a file (np.load, np.fromfile, np.loadtxt, ...).
      if (t.size.bytes === null && python && !(t.hostOrigin && PYTHON_LOADER.test(t.hostOrigin.api))) continue;
      const common = {
        api: t.api,
        gpu: ctx.gpu.name,
        threshold: formatPercent(ctx.config.chunkThreshold),
        chunk: formatBytes(thresholdBytes, { exact: false }),
        chunkBytes: thresholdBytes,
      };
      // An iterative algorithm (kernels launched in a loop after the upload: BFS, stencils, elimination) keeps its
      // data resident and reads it at random; a multi-phase one (two launches read the buffer, or an upload after
      // results came back: Rodinia backprop's weight update) reuses it. Streaming in chunks is no fix for either.
      const resident = () => !python && (iteratedAfter(t, ctx.facts.events, ctx.text) || multiPhase(t, ctx.facts.events, ctx.text));
      if (t.size.bytes === null) {
        // Bounded below the threshold by its 32-bit type, a benchmark size whose default is small, or planned
        // against the device's free memory (cudaMemGetInfo / CL_DEVICE_GLOBAL_MEM_SIZE) in the same function.
        if ((t.sizeCapBytes !== undefined && t.sizeCapBytes <= thresholdBytes) || (t.defaultBytes !== undefined && t.defaultBytes <= thresholdBytes))
          continue;
        const largeDefault = t.defaultBytes !== undefined && t.defaultBytes > thresholdBytes;
        // (The fact check first: it is cheap and rules most uploads out.)
        if (!python && !largeDefault && !t.sizeReadFrom) continue;
        if (plannedAgainstDeviceMemory(t, ctx.facts.events, ctx.text)) continue;
        if (resident()) continue;
        // True or silent: a run-time size is reported only when the code shows one pass over input that could be
        // streamed: the size is read from a file (its length, a count in it, a loader of this project) and one
        // launch of this function reads the buffer. A size from a parameter, a struct field or the command line is
        // the caller's choice (who may already read in chunks); a buffer handed to a function of another file may
        // be iterated there. A command-line default above the threshold is evidence of its own.
        if (!python && !largeDefault && !(readsInput(t, ctx.text, ctx.facts.headers) && onePass(t, ctx.facts.events, ctx.text, index))) continue;
        ctx.report(
          'unknownSize',
          { ...common, expr: t.size.expr, unknowns: t.size.unknowns.join(', ') || t.size.expr },
          t.range,
          undefined,
          allocationOf(t, ctx.facts.events, ctx.config.lang),
        );
      } else if (t.size.bytes > thresholdBytes && !resident()) {
        ctx.report(
          'large',
          {
            ...common,
            size: formatBytes(t.size.bytes),
            share: formatPercent(t.size.bytes / capacity),
            capacity: formatBytes(capacity, { exact: false }),
            chunks: Math.ceil(t.size.bytes / thresholdBytes),
          },
          t.range,
          undefined,
          allocationOf(t, ctx.facts.events, ctx.config.lang),
        );
      }
    }
  },
};

/**
 * Kernels launched in a loop after the upload, in the same function or in a function of this file that is called
 * after the upload (`compute_tran_temp(...)` of Rodinia hotspot, `calc_path(...)` of pathfinder, which loop over
 * the launches).
 */
function iteratedAfter(t: TransferFact, events: readonly GpuEvent[], text: string): boolean {
  const iterating = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'launch' || e.loop === null) continue;
    if (e.function === t.function && e.order > t.order) return true;
    if (e.function && e.function !== t.function && /^[A-Za-z_]\w*$/.test(e.function)) iterating.add(e.function);
  }
  if (iterating.size === 0) return false;
  const after = text.split('\n').slice(t.range.endLine).join('\n');
  return [...iterating].some((fn) => new RegExp(`\\b${fn}\\s*\\(`).test(after));
}

/**
 * A memory query earlier in the function whose result the size is computed from (`n = free_b / 2` after
 * `cudaMemGetInfo(&free_b, &total_b)`). A query that only guards the input (Rodinia nn: exit when the records do not
 * fit) plans nothing: the whole input is still uploaded at once. A query whose out-variables cannot be read from its
 * line counts as planning.
 */
function multiPhase(t: TransferFact, events: readonly GpuEvent[], text: string): boolean {
  const same = events.filter((e) => e.function === t.function);
  const roundTrip = same.some(
    (l) =>
      l.kind === 'launch' &&
      l.order < t.order &&
      same.some((d) => d.kind === 'transfer' && d.direction === 'device-to-host' && d.order > l.order && d.order < t.order),
  );
  if (roundTrip) return true;
  const buffer = t.deviceBuffer;
  if (!buffer || !/^[A-Za-z_]\w*$/.test(buffer)) return false;
  const lines = text.split('\n');
  const word = new RegExp(`\\b${buffer}\\b`);
  const readers = same.filter(
    (l) => l.kind === 'launch' && l.order > t.order && word.test(lines.slice(l.range.startLine - 1, l.range.endLine).join('\n')),
  );
  return readers.length >= 2;
}

function plannedAgainstDeviceMemory(t: TransferFact, events: readonly GpuEvent[], text: string): boolean {
  // Split only when a query is there to read: this runs per upload, and the text can be megabytes.
  let lines: string[] | null = null;
  return events.some((e) => {
    if (e.kind !== 'hint' || (e.hint !== 'global-mem-query' && e.hint !== 'max-alloc-query') || e.function !== t.function || e.order >= t.order)
      return false;
    lines ??= text.split('\n');
    const queryText = lines.slice(e.range.startLine - 1, e.range.endLine).join('\n');
    const outs = [...queryText.matchAll(/&\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!);
    if (outs.length === 0) return true;
    const depends = [t.size.expr, ...t.size.unknowns].join(' ');
    return outs.some((name) => new RegExp(`\\b${name}\\b`).test(depends));
  });
}

/** The copy fills a device buffer allocated with the same size (same expression or same bytes), or it is an upload-allocation (cp.asarray). */
function fillsWholeBuffer(t: TransferFact, index: EventIndex): boolean {
  const upload = index.allocationAtOrder.get(t.order - 1);
  if (upload && upload.uploadsFrom !== undefined && upload.line === t.line) return true;
  if (!t.deviceBuffer) return false;
  return (index.allocationsOf.get(t.deviceBuffer) ?? []).some((a) => {
    if (a.order > t.order) return false;
    if (a.size.bytes !== null && t.size.bytes !== null) return a.size.bytes === t.size.bytes;
    return a.size.expr.replace(/\s/g, '') === t.size.expr.replace(/\s/g, '');
  });
}

/** The size was read from input: a file's length or a count in a file, or returned by a function of the project that reads one. */
function readsInput(t: TransferFact, text: string, headers: IncludedHeaderFacts | undefined): boolean {
  const from = t.sizeReadFrom;
  if (!from) return false;
  if (from.direct) return true;
  return from.calls.some((name) => {
    const body = headers?.functions.get(name)?.text ?? definitionText(text, name);
    return body !== null && READS_INPUT.test(body);
  });
}

/**
 * One pass over the buffer: it is a local of this function that does not escape, a launch of this function after
 * the upload reads it (its arguments name the buffer; in OpenCL a kernel the buffer is bound to with clSetKernelArg),
 * and every function it is handed to is defined in this file (a function of another file may loop over it).
 */
function onePass(t: TransferFact, events: readonly GpuEvent[], text: string, index: EventIndex): boolean {
  const buffer = t.deviceBuffer;
  if (!buffer || !/^[A-Za-z_]\w*$/.test(buffer)) return false;
  if ((t.handedTo ?? []).some((h) => !h.definedHere)) return false;
  // A buffer held in a global or a member, or handed back to the caller, may be read again by code launched elsewhere.
  const allocation = (index.allocationsOf.get(buffer) ?? []).filter((a) => a.order < t.order).pop();
  if (!allocation || !allocation.localTarget || allocation.escapes) return false;
  const lines = text.split('\n');
  const word = new RegExp(`\\b${buffer}\\b`);
  const bound = new Set(
    [...text.matchAll(new RegExp(`\\bclSetKernelArg\\s*\\(\\s*([A-Za-z_]\\w*)\\s*,[^;]*&\\s*${buffer}\\b`, 'g'))].map((m) => m[1]!),
  );
  const helpers = new Set((t.handedTo ?? []).map((h) => h.name));
  return events.some(
    (l) =>
      l.kind === 'launch' &&
      ((l.function === t.function &&
        l.order > t.order &&
        (bound.has(l.kernel) || word.test(lines.slice(l.range.startLine - 1, l.range.endLine).join('\n')))) ||
        (l.function !== null && helpers.has(l.function))),
  );
}

/** The text of a function defined in this file, from its name to its closing brace; null when it is not defined here. */
function definitionText(text: string, name: string): string | null {
  const head = new RegExp(`(?:^|[\\s*&:])${name}\\s*\\([^;{}()]*(?:\\([^()]*\\)[^;{}()]*)*\\)\\s*(?:const\\s*)?\\{`, 'g');
  for (const m of text.matchAll(head)) {
    let depth = 0;
    const start = m.index + m[0].length - 1;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return text.slice(m.index, i + 1);
    }
  }
  return null;
}
