// GPU fit and chunk plans: the workload's data-set size bound into sizes the code leaves open, CUDA's and OpenCL's
// views side by side, and the chunk arithmetic for the target GPU.
import assert from 'node:assert/strict';
import type { GpuFileSummary } from '../../../src/core/model/types';
import { budgetBytes, findGpu, GPU_CATALOG, openclMaxAllocBytes, reportedBytes, type GpuSpec } from '../../../src/core/sizing/gpu-catalog';
import { sizeGpuFile } from '../../../src/core/sizing/gpu-fit';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function summary(allocs: Array<[string, number | null, string]>, over: Partial<GpuFileSummary> = {}): GpuFileSummary {
  const known = allocs.reduce((s, [, b]) => s + (b ?? 0), 0);
  const unknown = allocs.filter(([, b]) => b === null).map(([, , e]) => e);
  return {
    path: 'saxpy.cu',
    language: 'cuda',
    strategy: 'whole-dataset',
    kernels: [],
    evidence: [],
    allocations: allocs.map(([api, bytes, sizeExpr], i) => ({ api, line: 10 + i, sizeExpr, bytes, space: 'device', inLoop: false })),
    transfers: [
      { api: 'cudaMemcpy', line: 20, direction: 'host-to-device', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
      { api: 'cudaMemcpy', line: 21, direction: 'host-to-device', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
      { api: 'cudaMemcpy', line: 22, direction: 'device-to-host', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
    ],
    peakDeviceBytes: known || null,
    peakIsLowerBound: unknown.length > 0,
    peakUnknownExprs: unknown,
    ...over,
  };
}

const t4 = findGpu('t4')!;

describe('GPU fit', () => {
  it('an unknown data-set size is named, and every verdict is unknown, never "fits"', () => {
    const s = sizeGpuFile(
      summary(
        [
          ['cudaMalloc', null, 'bytes'],
          ['cudaMalloc', null, 'bytes'],
          ['cudaMalloc', null, 'bytes'],
        ],
        { peakDeviceBytes: null },
      ),
      { safetyFactor: 0.9, target: t4 },
    );
    assert.equal(s.peakBytes, null);
    assert.ok(s.fits.every((f) => f.cuda === 'unknown' && f.opencl === 'unknown'));
    assert.equal(s.chunkPlan, null);
    assert.match(s.notes.join(), /gpu\.datasets/);
  });

  it('binds the workload data-set size and plans chunks on a T4 (three data buffers, one fixed)', () => {
    // peak = 3 × 8 GiB (bound) + 1 MiB fixed = 24 GiB + 1 MiB > budget → needs chunking
    // budget = 14.76 GiB reported by CUDA − 781 MiB context − 10% fragmentation margin (≥ 1 GiB) ≈ 12.60 GiB
    // chunk = ⌊(budget − 1 MiB) / 3⌋ rounded down to a MiB multiple = 4,299 MiB; chunks = ⌈8 GiB / 4,299 MiB⌉ = 2
    const s = sizeGpuFile(
      summary([
        ['cudaMalloc', null, 'n * sizeof(float)'],
        ['cudaMalloc', null, 'n * sizeof(float)'],
        ['cudaMalloc', null, 'n * sizeof(float)'],
        ['cudaMalloc', MIB, 'PARAMS'],
      ]),
      {
        dataset: { file: 'saxpy.cu', bytes: 8 * GIB },
        safetyFactor: 0.9,
        target: t4,
      },
    );
    // each unknown expression the peak lists (three buffers here) takes the data-set size
    assert.equal(s.peakBytes, MIB + 3 * 8 * GIB);
    assert.equal(s.peakIsLowerBound, false);
    const row = s.fits.find((f) => f.gpu === 't4')!;
    assert.equal(row.cuda, 'needs-chunking');
    assert.equal(s.fits.find((f) => f.gpu === 'mi300x')!.cuda, 'fits');
    const plan = s.chunkPlan!;
    const usable = Math.round(14.76 * GIB) - 781 * MIB;
    const budget = usable - Math.max(1024 * MIB, Math.ceil(usable * 0.1));
    assert.equal(plan.budgetBytes, budget);
    assert.equal(plan.fixedBytes, MIB);
    assert.equal(plan.dataBuffers, 3);
    assert.equal(plan.chunkBytes, Math.floor(Math.floor((budget - MIB) / 3) / MIB) * MIB);
    assert.equal(plan.chunkBytes, 4299 * MIB);
    assert.equal(plan.chunks, 2);
    // OpenCL on a T4 (1/4 of the 14.76 GiB it reports = 3.69 GiB per buffer, 3,778 MiB): 3 chunks of the 8 GiB array
    assert.equal(plan.openclChunkBytes, 3778 * MIB);
    assert.equal(plan.openclChunks, 3);
    // the T4 is PCIe Gen3: 3 copies of 8 GiB at 15.75 GB/s
    assert.equal(plan.link, 'PCIe 3.0 x16');
    assert.equal(plan.transferSeconds, (3 * 8 * GIB) / 15.75e9);
    // 2 uploads + 1 download per pass; chunked: chunks × 3 copies
    assert.equal(plan.transfersWhole, 3);
    assert.equal(plan.transfersChunked, plan.chunks * 3);
  });

  it('the same math fits under CUDA and fails under OpenCL: one 6 GiB buffer on a 16 GB GPU', () => {
    const s = sizeGpuFile(
      summary([
        ['clCreateBuffer', 6 * GIB, '6 * GIB'],
        ['clCreateBuffer', 1024, 'BINS * 4'],
      ]),
      { safetyFactor: 0.9, target: t4 },
    );
    const row = s.fits.find((f) => f.gpu === 't4')!;
    assert.equal(s.api, 'opencl');
    assert.equal(row.cuda, 'fits');
    assert.equal(row.opencl, 'needs-chunking');
    assert.match(row.why, /per-buffer limit/);
    // ROCm's 85% limit on the MI300X takes it whole
    assert.equal(s.fits.find((f) => f.gpu === 'mi300x')!.opencl, 'fits');
  });

  it('a known lower bound above the budget is already "needs chunking"; below it stays unknown', () => {
    const over = sizeGpuFile(
      summary([
        ['cudaMalloc', 20 * GIB, 'A'],
        ['cudaMalloc', null, 'n'],
      ]),
      { safetyFactor: 0.9, target: t4 },
    );
    assert.equal(over.fits.find((f) => f.gpu === 't4')!.cuda, 'needs-chunking');
    assert.match(over.chunkPlan!.note, /from the known sizes only \(n left out/);
    const under = sizeGpuFile(
      summary([
        ['cudaMalloc', GIB, 'A'],
        ['cudaMalloc', null, 'n'],
      ]),
      { safetyFactor: 0.9, target: t4 },
    );
    const row = under.fits.find((f) => f.gpu === 't4')!;
    assert.equal(row.cuda, 'unknown');
    assert.match(row.why, /fits only if n </);
  });

  it('fixed buffers alone above the budget do not fit at all', () => {
    // two fixed 10 GiB tables next to a 40 GiB data buffer: fixed 20 GiB > 14.4 GiB
    const s = sizeGpuFile(
      summary([
        ['cudaMalloc', 40 * GIB, 'DATA'],
        ['cudaMalloc', 10 * GIB, 'T1'],
        ['cudaMalloc', 10 * GIB, 'T2'],
      ]),
      { safetyFactor: 0.9, target: t4 },
    );
    assert.equal(s.fits.find((f) => f.gpu === 't4')!.cuda, 'does-not-fit');
    assert.equal(s.fits.find((f) => f.gpu === 'h200')!.cuda, 'fits');
    // The plan for the T4 says no chunk works, never that the data set fits in one chunk.
    assert.equal(s.chunkPlan!.chunks, 0);
    assert.match(s.chunkPlan!.note, /no chunk size works on this GPU: the fixed buffers \(20\.00 GiB\)/);
    assert.doesNotMatch(s.chunkPlan!.note, /fits in one chunk/);
  });

  it('budgets start from what the driver reports, less a CUDA context and a fragmentation margin', () => {
    // T4: CUDA reports 14.76 GiB of the 16 (ECC); OpenCL's cap is 1/4 of that, 3.69 GiB, not 4.00
    assert.equal(reportedBytes(t4), Math.round(14.76 * GIB));
    assert.equal((openclMaxAllocBytes(t4) / GIB).toFixed(2), '3.69');
    assert.ok(budgetBytes(t4, 0.9) < 13 * GIB && budgetBytes(t4, 0.9) > 12 * GIB);
    // H100: nvidia-smi 81,559 MiB; at 0.95 the margin is 5% of the rest, no longer 10% of the nominal 80 GiB
    const h100 = findGpu('h100')!;
    assert.equal(reportedBytes(h100), 81_559 * MIB);
    assert.equal(budgetBytes(h100, 0.95), (81_559 - 781) * MIB - Math.ceil((81_559 - 781) * MIB * 0.05));
    // every budget leaves at least 1 GiB of margin and one context below the reported size
    for (const g of GPU_CATALOG) assert.ok(budgetBytes(g, 1) <= reportedBytes(g) - 781 * MIB - 1024 * MIB, g.id);
    // ROCm: ≈ 85% of reported; Intel's runtime: 4 GiB per allocation whatever the size
    assert.equal(openclMaxAllocBytes(findGpu('mi300x')!), Math.floor(192 * GIB * 0.85));
    const intel: GpuSpec = {
      id: 'max1550',
      name: 'Intel GPU',
      vendor: 'intel',
      memoryGiB: 128,
      openclMaxAllocFraction: 1,
      hostLink: null,
      source: 'test',
      sourceDate: 'n/a',
    };
    assert.equal(openclMaxAllocBytes(intel), 4 * GIB);
  });

  it('a GPU whose reported size was not found says its budget is an upper bound; no link, no transfer time', () => {
    const mi300x = findGpu('mi300x')!;
    const s = sizeGpuFile(
      summary([
        ['cudaMalloc', 300 * GIB, 'BIG'],
        ['cudaMalloc', MIB, 'P'],
      ]),
      { safetyFactor: 0.9, target: mi300x },
    );
    assert.match(s.notes.join(' '), /nominal size stands in/);
    assert.equal(s.chunkPlan!.transferSeconds, null);
    assert.match(s.chunkPlan!.note, /transfer time unknown/);
  });
});
