// GPU sizing per file: peak device bytes (with the workload's data-set sizes bound to the sizes code leaves open)
// against every GPU in the catalog, under CUDA's view (all of device memory) and OpenCL's (also every buffer ≤
// CL_DEVICE_MAX_MEM_ALLOC_SIZE); and for the target GPU a chunk plan: fixed buffers + k data buffers × chunk ≤
// memory × safety factor, with the extra transfers chunking costs.
import type { AdvisorConfig } from '../config';
import { gpuFitText } from './gpu-fit-text';
import type { GpuFileSummary } from '../model/types';
import { formatBytes } from '../model/units';
import { TRANSFER_SETUP_SECONDS } from './engine-facts';
import {
  budgetBytes,
  CUDA_CONTEXT_BYTES,
  deviceBytes,
  fragmentationMarginBytes,
  GPU_CATALOG,
  openclMaxAllocBytes,
  reportedBytes,
  type GpuSpec,
} from './gpu-catalog';
import type { GpuDataset } from './workload';
import { own } from '../model/lookup';

export type FitVerdict = 'fits' | 'needs-chunking' | 'does-not-fit' | 'unknown';

export interface GpuFitRow {
  gpu: string;
  name: string;
  /** Nominal memory, what the driver reports, and the budget: reported − CUDA context − fragmentation margin. */
  memoryBytes: number;
  reportedBytes: number;
  budgetBytes: number;
  openclMaxAllocBytes: number;
  cuda: FitVerdict;
  opencl: FitVerdict;
  why: string;
}

export interface ChunkPlan {
  gpu: string;
  budgetBytes: number;
  fixedBytes: number;
  dataBuffers: number;
  datasetBytes: number;
  chunkBytes: number;
  chunks: number;
  /** OpenCL: a chunk is also capped by the per-buffer limit. */
  openclChunkBytes: number;
  openclChunks: number;
  formula: string;
  transfersWhole: number;
  transfersChunked: number;
  /** The host link the transfer time assumes (the target GPU's), and the time; null when the link is not known. */
  link: string | null;
  transferSeconds: number | null;
  extraSetupSeconds: number;
  note: string;
}

export interface GpuFileSizing {
  path: string;
  api: 'cuda' | 'opencl';
  strategy: GpuFileSummary['strategy'];
  peakBytes: number | null;
  peakIsLowerBound: boolean;
  /** Sizes the workload supplied for expressions the code leaves open. */
  bound: Array<{ expr: string; bytes: number }>;
  /** Expressions still unknown: named, never counted as 0. */
  unknowns: string[];
  largestBufferBytes: number | null;
  fits: GpuFitRow[];
  chunkPlan: ChunkPlan | null;
  notes: string[];
}

const MIB = 1024 * 1024;
const DEVICE_SPACES = new Set(['device', 'managed']);

export function sizeGpuFile(
  summary: GpuFileSummary,
  options: { dataset?: GpuDataset; safetyFactor: number; target: GpuSpec; catalog?: readonly GpuSpec[]; lang?: AdvisorConfig['lang'] },
): GpuFileSizing {
  const { dataset, safetyFactor, target } = options;
  const lang = options.lang;
  const catalog = options.catalog ?? GPU_CATALOG;
  const bindingOf = (expr: string): number | null => own(dataset?.sizes, expr) ?? dataset?.bytes ?? null;
  const api: 'cuda' | 'opencl' = summary.allocations.some((a) => /^cl|^pyopencl\./.test(a.api)) ? 'opencl' : 'cuda';
  const notes: string[] = [];

  // Allocations with the workload's sizes bound in.
  const allocs = summary.allocations.filter((a) => DEVICE_SPACES.has(a.space)).map((a) => ({ ...a, size: a.bytes ?? bindingOf(a.sizeExpr) }));
  // The peak with the workload's sizes bound in: the largest candidate point, each point's own allocations only
  // (a run-time size counts once per allocation; points of different functions are never added).
  const points = summary.peakPoints ?? [
    { function: null, line: 0, knownBytes: summary.peakDeviceBytes ?? 0, unknownExprs: summary.peakUnknownExprs, knownSizes: [] },
  ];
  const bound: GpuFileSizing['bound'] = [];
  const unknowns: string[] = [];
  let peak: number | null = null;
  let peakUnbound: string[] = [];
  let peakPoint: (typeof points)[number] | null = null;
  for (const p of points) {
    let total = p.knownBytes;
    const unbound: string[] = [];
    for (const expr of p.unknownExprs) {
      const b = bindingOf(expr);
      if (b === null) {
        unbound.push(expr);
        if (!unknowns.includes(expr)) unknowns.push(expr);
        continue;
      }
      total += b;
      if (!bound.some((x) => x.expr === expr)) bound.push({ expr, bytes: b });
    }
    const anything = p.knownBytes > 0 || unbound.length < p.unknownExprs.length || summary.peakDeviceBytes !== null;
    if (anything && (peak === null || total > peak || (total === peak && unbound.length > peakUnbound.length))) {
      peak = total;
      peakUnbound = unbound;
      peakPoint = p;
    }
  }
  const unknownSum = (peakUnbound.length ? peakUnbound : unknowns).join(' + ');
  const peakIsLowerBound = unknowns.length > 0;
  // The buffers live at the peak (one function's): the chunk plan divides the budget among them, not among every
  // allocation of the file. Without candidate points (a summary built by hand), every allocation of the file.
  const sizes =
    summary.peakPoints && peakPoint
      ? [...peakPoint.knownSizes, ...peakPoint.unknownExprs.map(bindingOf).filter((s): s is number => s !== null)]
      : allocs.map((a) => a.size).filter((s): s is number => s !== null);
  const atPeak = sizes.length ? Math.max(...sizes) : null;
  // Every buffer must pass OpenCL's per-buffer cap, wherever it is allocated.
  const allSizes = allocs.map((a) => a.size).filter((s): s is number => s !== null);
  const largest = allSizes.length ? Math.max(...allSizes) : atPeak;
  // Data buffers: those at least half the largest at the peak (x, y, out of a saxpy); the rest is fixed (histograms, params).
  const dataBuffers = atPeak ? sizes.filter((s) => s >= atPeak / 2) : [];
  const dataBytes = dataBuffers.reduce((s, b) => s + b, 0);
  const fixed = peak !== null ? Math.max(0, peak - dataBytes) : 0;

  const verdict = (budget: number, maxBuffer: number | null): { v: FitVerdict; why: string } => {
    if (peak === null) return { v: 'unknown', why: gpuFitText(lang, 'peakUnknown', { unknowns: unknowns.join(', ') }) };
    const bufferOk = maxBuffer === null || largest === null || largest <= maxBuffer;
    if (peak <= budget && bufferOk) {
      if (peakIsLowerBound)
        return {
          v: 'unknown',
          why: gpuFitText(lang, 'lowerBound', {
            peak: formatBytes(peak, { exact: false }),
            unknowns: unknownSum,
            room: formatBytes(budget - peak, { exact: false }),
          }),
        };
      return { v: 'fits', why: `${formatBytes(peak, { exact: false })} ≤ ${formatBytes(budget, { exact: false })}` };
    }
    const minChunkTotal = fixed + Math.max(1, dataBuffers.length) * MIB;
    if (minChunkTotal <= budget) {
      return {
        v: 'needs-chunking',
        why:
          peak > budget
            ? `${formatBytes(peak, { exact: false })} > ${formatBytes(budget, { exact: false })}`
            : gpuFitText(lang, 'overBuffer', { largest: formatBytes(largest!, { exact: false }), max: formatBytes(maxBuffer!, { exact: false }) }),
      };
    }
    return {
      v: 'does-not-fit',
      why: gpuFitText(lang, 'fixedExceed', { fixed: formatBytes(fixed, { exact: false }), budget: formatBytes(budget, { exact: false }) }),
    };
  };

  const fits: GpuFitRow[] = catalog.map((g) => {
    const budget = budgetBytes(g, safetyFactor);
    const maxAlloc = openclMaxAllocBytes(g);
    const c = verdict(budget, null);
    const o = verdict(budget, maxAlloc);
    return {
      gpu: g.id,
      name: g.name,
      memoryBytes: deviceBytes(g),
      reportedBytes: reportedBytes(g),
      budgetBytes: budget,
      openclMaxAllocBytes: maxAlloc,
      cuda: c.v,
      opencl: o.v,
      why: api === 'opencl' ? o.why : c.why,
    };
  });
  if (summary.strategy === 'unified') notes.push(gpuFitText(lang, 'managed'));
  if (!target.reported) notes.push(gpuFitText(lang, 'reportedUnknown', { gpu: target.name }));

  let chunkPlan: ChunkPlan | null = null;
  if (peak !== null && largest !== null) {
    const budget = budgetBytes(target, safetyFactor);
    const k = Math.max(1, dataBuffers.length);
    const raw = Math.floor((budget - fixed) / k);
    const chunkBytes = Math.max(0, Math.floor(raw / MIB) * MIB);
    const maxAlloc = openclMaxAllocBytes(target);
    const openclChunkBytes = Math.min(chunkBytes, Math.floor(maxAlloc / MIB) * MIB);
    const datasetBytes = largest;
    const chunks = chunkBytes > 0 ? Math.ceil(datasetBytes / chunkBytes) : 0;
    const openclChunks = openclChunkBytes > 0 ? Math.ceil(datasetBytes / openclChunkBytes) : 0;
    const uploads = Math.max(1, summary.transfers.filter((t) => t.direction === 'host-to-device' && !t.inLoop).length);
    const downloads = summary.transfers.filter((t) => t.direction === 'device-to-host' && !t.inLoop).length;
    const perPass = uploads + downloads;
    const n = api === 'opencl' ? openclChunks : chunks;
    const link = target.hostLink;
    const seconds = link ? (datasetBytes * perPass) / (link.gbps * 1e9) : null;
    const setupMs = (Math.max(0, n - 1) * perPass * TRANSFER_SETUP_SECONDS * 1000).toFixed(2);
    chunkPlan = {
      gpu: target.id,
      budgetBytes: budget,
      fixedBytes: fixed,
      dataBuffers: k,
      datasetBytes,
      chunkBytes,
      chunks,
      openclChunkBytes,
      openclChunks,
      formula: gpuFitText(lang, 'formula', {
        budget: formatBytes(budget, { exact: false }),
        budgetOf: gpuFitText(lang, 'budgetOf', {
          reported: formatBytes(reportedBytes(target), { exact: false }),
          by: gpuFitText(lang, `reportedBy.${target.reported ? target.reported.kind : 'nominal'}`),
          context: formatBytes(CUDA_CONTEXT_BYTES, { exact: false }),
          margin: formatBytes(fragmentationMarginBytes(target, safetyFactor), { exact: false }),
          safety: safetyFactor,
        }),
        fixed: formatBytes(fixed, { exact: false }),
        k,
        chunk: formatBytes(chunkBytes, { exact: false }),
        dataset: formatBytes(datasetBytes, { exact: false }),
        chunks,
        maxAlloc: formatBytes(maxAlloc, { exact: false }),
        clChunk: formatBytes(openclChunkBytes, { exact: false }),
        clChunks: openclChunks,
      }),
      transfersWhole: perPass,
      transfersChunked: n * perPass,
      link: link?.name ?? null,
      transferSeconds: seconds,
      extraSetupSeconds: Math.max(0, n - 1) * perPass * TRANSFER_SETUP_SECONDS,
      note:
        (peakIsLowerBound ? gpuFitText(lang, 'knownOnly', { unknowns: unknowns.join(', ') }) : '') +
        (n === 0
          ? gpuFitText(lang, 'noRoom', { fixed: formatBytes(fixed, { exact: false }) })
          : n === 1
            ? gpuFitText(lang, 'oneChunk')
            : gpuFitText(lang, 'chunked', {
                n,
                copies: n * perPass,
                whole: perPass,
                moved: formatBytes(datasetBytes * perPass, { exact: false }),
                time:
                  link && seconds !== null
                    ? gpuFitText(lang, 'linkTime', { seconds: seconds.toFixed(2), link: link.name, gbps: link.gbps })
                    : gpuFitText(lang, 'linkUnknown', { gpu: target.name }),
                setupMs,
              })),
    };
  }
  if (peak === null || peakIsLowerBound) notes.push(gpuFitText(lang, 'setDataset', { path: summary.path, unknowns: unknowns.join(', ') }));
  return {
    path: summary.path,
    api,
    strategy: summary.strategy,
    peakBytes: peak,
    peakIsLowerBound,
    bound,
    unknowns,
    largestBufferBytes: largest,
    fits,
    chunkPlan,
    notes,
  };
}
