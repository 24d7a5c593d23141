import assert from 'node:assert/strict';
import { summariseGpuFile } from '../../../src/core/facts/memory';
import { findGpu } from '../../../src/core/sizing/gpu-catalog';
import { sizeGpuFile } from '../../../src/core/sizing/gpu-fit';
import type { GpuFileSummary, Language } from '../../../src/core/model/types';
import { factsOf } from '../../helpers/facts';

const GIB = 1024 ** 3;
const summary = async (code: string, language: Language = 'cuda'): Promise<GpuFileSummary> => summariseGpuFile(await factsOf(code, language));

describe('peak device bytes and strategy', () => {
  it('allocations minus frees in program order', async () => {
    const s = await summary(
      'void f(float* h){\n float *a, *b, *c;\n cudaMalloc(&a, 100);\n cudaMalloc(&b, 200);\n cudaFree(a);\n cudaMalloc(&c, 50);\n cudaMemcpy(b, h, 200, cudaMemcpyHostToDevice);\n}',
    );
    assert.equal(s.peakDeviceBytes, 300);
    assert.equal(s.peakIsLowerBound, false);
    assert.equal(s.strategy, 'whole-dataset');
    assert.deepEqual(
      s.evidence.map((e) => e.line),
      [7],
    );
  });

  it('a lower bound plus the symbolic rest', async () => {
    const s = await summary('void f(size_t n){ float *a, *b; cudaMalloc(&a, 1024); cudaMalloc(&b, n * 4); }');
    assert.equal(s.peakDeviceBytes, 1024);
    assert.equal(s.peakIsLowerBound, true);
    assert.deepEqual(s.peakUnknownExprs, ['n * 4']);
  });

  it('loop allocations without a free count once per trip; pinned memory is not device memory', async () => {
    const s = await summary('void f(){ float* h; cudaMallocHost(&h, 1 << 30); for (int i = 0; i < 4; i++) { float* d; cudaMalloc(&d, 10); } }');
    assert.equal(s.peakDeviceBytes, 40);
  });

  it('the file peak is the largest function peak', async () => {
    const s = await summary('void a(){ float* x; cudaMalloc(&x, 500); cudaFree(x); }\nvoid b(){ float* y; cudaMalloc(&y, 300); cudaFree(y); }');
    assert.equal(s.peakDeviceBytes, 500);
  });

  it('chunked, unified, mapped and mixed', async () => {
    assert.equal(
      (await summary('void f(float* h, float* d, int n){ for (int i = 0; i < n; i += 8) cudaMemcpy(d, h + i, 32, cudaMemcpyHostToDevice); }'))
        .strategy,
      'chunked',
    );
    assert.equal((await summary('void f(){ float* m; cudaMallocManaged(&m, 64); }')).strategy, 'unified');
    assert.equal((await summary('void f(){ float* h; cudaHostAlloc(&h, 64, cudaHostAllocMapped); }')).strategy, 'mapped');
    assert.equal(
      (await summary('void f(float* h, float* d){ float* m; cudaMallocManaged(&m, 64); cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice); }')).strategy,
      'mixed',
    );
    assert.equal((await summary('void f(){ float* d; cudaMalloc(&d, 64); }')).strategy, 'none');
  });

  it('a flag copied each iteration is a control value, and an offset copy outside a loop is part of a whole upload', async () => {
    // BFS: the graph uploaded once, a 1-byte stop flag copied to the device on every level.
    const bfs =
      'void f(char* h_g, char* d_g, bool* d_over, size_t n){ bool stop; cudaMemcpy(d_g, h_g, n, cudaMemcpyHostToDevice);\n  do { stop = false; cudaMemcpy(d_over, &stop, sizeof(bool), cudaMemcpyHostToDevice); } while (stop); }';
    assert.equal((await summary(bfs)).strategy, 'whole-dataset');
    // Row 0 and the rest of a matrix in two calls, outside any loop.
    const rows =
      'void f(int* h, int* d, int* w, size_t cols, size_t n){ cudaMemcpy(d, h, cols * 4, cudaMemcpyHostToDevice); cudaMemcpy(w, h + cols, n * 4, cudaMemcpyHostToDevice); }';
    assert.equal((await summary(rows)).strategy, 'whole-dataset');
    // 64 bytes at a moving offset in a loop are chunks, however small.
    const chunks = 'void f(float* h, float* d, int n){ for (int i = 0; i < n; i += 16) cudaMemcpy(d, h + i, 64, cudaMemcpyHostToDevice); }';
    assert.equal((await summary(chunks)).strategy, 'chunked');
  });

  it('python: whole-dataset upload via cp.asarray', async () => {
    const s = await summary('import numpy as np\nimport cupy as cp\na = np.zeros(1000)\nd = cp.asarray(a)', 'python');
    assert.equal(s.strategy, 'whole-dataset');
    assert.equal(s.peakDeviceBytes, 8000);
  });

  it('two buffers of the same run-time size are two allocations: d_in + d_out of n bytes at 8 GiB is 16 GiB, not 8', async () => {
    const s = await summary(
      'void run(size_t n){ float *d_in, *d_out; cudaMalloc(&d_in, n); cudaMalloc(&d_out, n); cudaFree(d_in); cudaFree(d_out); }',
    );
    assert.deepEqual(s.peakUnknownExprs, ['n', 'n']);
    const sized = sizeGpuFile(s, { dataset: { file: s.path, bytes: 8 * GIB }, safetyFactor: 0.9, target: findGpu('t4')! });
    assert.equal(sized.peakBytes, 16 * GIB);
    // 16 GiB is more than a T4 holds: it must not "fit"
    assert.notEqual(sized.fits.find((f) => f.gpu === 't4')!.cuda, 'fits');
  });

  it('functions that do not run together are not added: 3 × 6 GiB in one, 6 GiB in another peaks at 18 GiB, not 24', async () => {
    const code =
      'void train(size_t nx, size_t ny, size_t nz){ float *x, *y, *z; cudaMalloc(&x, nx); cudaMalloc(&y, ny); cudaMalloc(&z, nz); cudaFree(x); cudaFree(y); cudaFree(z); }\n' +
      'void infer(size_t m){ float* q; cudaMalloc(&q, m); cudaFree(q); }';
    const s = await summary(code);
    const sized = sizeGpuFile(s, { dataset: { file: s.path, bytes: 6 * GIB }, safetyFactor: 0.9, target: findGpu('l4')! });
    assert.equal(sized.peakBytes, 18 * GIB);
    // 18 GiB fits a 24 GB L4; 24 GiB would not have
    assert.equal(sized.fits.find((f) => f.gpu === 'l4')!.cuda, 'fits');
    // the chunk plan divides the budget among the three buffers live at the peak, not the file's four
    assert.equal(sizeGpuFile(s, { dataset: { file: s.path, bytes: 6 * GIB }, safetyFactor: 0.9, target: findGpu('t4')! }).chunkPlan!.dataBuffers, 3);
  });

  it('a run-time size beside a larger known peak elsewhere: the larger of the two functions once bound', async () => {
    const s = await summary('void a(size_t n){ float* x; cudaMalloc(&x, n); }\nvoid b(){ float* y; cudaMalloc(&y, 1 << 20); }');
    assert.equal(s.peakDeviceBytes, 1 << 20);
    assert.equal(s.peakIsLowerBound, true);
    assert.equal(sizeGpuFile(s, { dataset: { file: s.path, bytes: 4 * GIB }, safetyFactor: 0.9, target: findGpu('t4')! }).peakBytes, 4 * GIB);
    assert.equal(sizeGpuFile(s, { dataset: { file: s.path, bytes: 1024 }, safetyFactor: 0.9, target: findGpu('t4')! }).peakBytes, 1 << 20);
  });

  it('a size that folds negative or out of range never cancels a real allocation', async () => {
    const s = await summary('void f(){ float *a, *b, *c; cudaMalloc(&a, 1000); cudaMalloc(&b, 100 - 4096); cudaMalloc(&c, (size_t)1 << 62); }');
    assert.equal(s.peakDeviceBytes, 1000);
    assert.equal(s.peakIsLowerBound, true);
    assert.equal(s.peakUnknownExprs.length, 2);
    assert.ok(s.allocations.every((a) => a.bytes === null || a.bytes >= 0));
  });
});
