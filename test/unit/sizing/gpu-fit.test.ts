// GPU fit and chunk plans: the workload's data-set size bound into sizes the code leaves open, CUDA's and OpenCL's
// views side by side, and the chunk arithmetic for the target GPU.
import assert from 'node:assert/strict';
import type { GpuFileSummary } from '../../../src/core/model/types';
import { findGpu } from '../../../src/core/sizing/gpu-catalog';
import { sizeGpuFile } from '../../../src/core/sizing/gpu-fit';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function summary(allocs: Array<[string, number | null, string]>, over: Partial<GpuFileSummary> = {}): GpuFileSummary {
  const known = allocs.reduce((s, [, b]) => s + (b ?? 0), 0);
  const unknown = allocs.filter(([, b]) => b === null).map(([, , e]) => e);
  return {
    path: 'saxpy.cu', language: 'cuda', strategy: 'whole-dataset', kernels: [], evidence: [],
    allocations: allocs.map(([api, bytes, sizeExpr], i) => ({ api, line: 10 + i, sizeExpr, bytes, space: 'device', inLoop: false })),
    transfers: [
      { api: 'cudaMemcpy', line: 20, direction: 'host-to-device', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
      { api: 'cudaMemcpy', line: 21, direction: 'host-to-device', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
      { api: 'cudaMemcpy', line: 22, direction: 'device-to-host', sizeExpr: 'n', bytes: null, async: false, inLoop: false },
    ],
    peakDeviceBytes: known || null, peakIsLowerBound: unknown.length > 0, peakUnknownExprs: unknown, ...over,
  };
}

const t4 = findGpu('t4')!;

describe('GPU fit', () => {
  it('an unknown data-set size is named, and every verdict is unknown, never "fits"', () => {
    const s = sizeGpuFile(summary([['cudaMalloc', null, 'bytes'], ['cudaMalloc', null, 'bytes'], ['cudaMalloc', null, 'bytes']], { peakDeviceBytes: null }), { safetyFactor: 0.9, target: t4 });
    assert.equal(s.peakBytes, null);
    assert.ok(s.fits.every((f) => f.cuda === 'unknown' && f.opencl === 'unknown'));
    assert.equal(s.chunkPlan, null);
    assert.match(s.notes.join(), /gpu\.datasets/);
  });

  it('binds the workload data-set size and plans chunks on a T4 (three data buffers, one fixed)', () => {
    // peak = 3 × 8 GiB (bound) + 1 MiB fixed = 24 GiB + 1 MiB > budget 16 GiB × 0.9 = 14.4 GiB → needs chunking
    // chunk = ⌊(14.4 GiB − 1 MiB) / 3⌋ rounded down to a MiB multiple = 4,914 MiB; chunks = ⌈8 GiB / 4,914 MiB⌉ = 2
    const s = sizeGpuFile(summary([['cudaMalloc', null, 'n * sizeof(float)'], ['cudaMalloc', null, 'n * sizeof(float)'], ['cudaMalloc', null, 'n * sizeof(float)'], ['cudaMalloc', MIB, 'PARAMS']]), {
      dataset: { file: 'saxpy.cu', bytes: 8 * GIB }, safetyFactor: 0.9, target: t4,
    });
    // each unknown expression the peak lists (three buffers here) takes the data-set size
    assert.equal(s.peakBytes, MIB + 3 * 8 * GIB);
    assert.equal(s.peakIsLowerBound, false);
    const row = s.fits.find((f) => f.gpu === 't4')!;
    assert.equal(row.cuda, 'needs-chunking');
    assert.equal(s.fits.find((f) => f.gpu === 'mi300x')!.cuda, 'fits');
    const plan = s.chunkPlan!;
    const budget = Math.floor(16 * GIB * 0.9);
    assert.equal(plan.budgetBytes, budget);
    assert.equal(plan.fixedBytes, MIB);
    assert.equal(plan.dataBuffers, 3);
    assert.equal(plan.chunkBytes, Math.floor(Math.floor((budget - MIB) / 3) / MIB) * MIB);
    assert.equal(plan.chunkBytes, 4914 * MIB);
    assert.equal(plan.chunks, 2);
    // OpenCL on a T4 (1/4 of 16 GiB = 4 GiB per buffer): chunk capped at 4 GiB → 2 chunks of the 8 GiB array
    assert.equal(plan.openclChunkBytes, 4 * GIB);
    assert.equal(plan.openclChunks, 2);
    // 2 uploads + 1 download per pass; chunked: chunks × 3 copies
    assert.equal(plan.transfersWhole, 3);
    assert.equal(plan.transfersChunked, plan.chunks * 3);
  });

  it('the same math fits under CUDA and fails under OpenCL: one 6 GiB buffer on a 16 GB GPU', () => {
    const s = sizeGpuFile(summary([['clCreateBuffer', 6 * GIB, '6 * GIB'], ['clCreateBuffer', 1024, 'BINS * 4']]), { safetyFactor: 0.9, target: t4 });
    const row = s.fits.find((f) => f.gpu === 't4')!;
    assert.equal(s.api, 'opencl');
    assert.equal(row.cuda, 'fits');
    assert.equal(row.opencl, 'needs-chunking');
    assert.match(row.why, /per-buffer limit/);
    // ROCm's 85% limit on the MI300X takes it whole
    assert.equal(s.fits.find((f) => f.gpu === 'mi300x')!.opencl, 'fits');
  });

  it('a known lower bound above the budget is already "needs chunking"; below it stays unknown', () => {
    const over = sizeGpuFile(summary([['cudaMalloc', 20 * GIB, 'A'], ['cudaMalloc', null, 'n']]), { safetyFactor: 0.9, target: t4 });
    assert.equal(over.fits.find((f) => f.gpu === 't4')!.cuda, 'needs-chunking');
    assert.match(over.chunkPlan!.note, /from the known sizes only \(n left out/);
    const under = sizeGpuFile(summary([['cudaMalloc', GIB, 'A'], ['cudaMalloc', null, 'n']]), { safetyFactor: 0.9, target: t4 });
    const row = under.fits.find((f) => f.gpu === 't4')!;
    assert.equal(row.cuda, 'unknown');
    assert.match(row.why, /fits only if n </);
  });

  it('fixed buffers alone above the budget do not fit at all', () => {
    // two fixed 10 GiB tables next to a 40 GiB data buffer: fixed 20 GiB > 14.4 GiB
    const s = sizeGpuFile(summary([['cudaMalloc', 40 * GIB, 'DATA'], ['cudaMalloc', 10 * GIB, 'T1'], ['cudaMalloc', 10 * GIB, 'T2']]), { safetyFactor: 0.9, target: t4 });
    assert.equal(s.fits.find((f) => f.gpu === 't4')!.cuda, 'does-not-fit');
    assert.equal(s.fits.find((f) => f.gpu === 'h200')!.cuda, 'fits');
  });
});
