import assert from 'node:assert/strict';
import { summariseGpuFile } from '../../../src/core/facts/memory';
import type { GpuFileSummary, Language } from '../../../src/core/model/types';
import { factsOf } from '../../helpers/facts';

const summary = async (code: string, language: Language = 'cuda'): Promise<GpuFileSummary> => summariseGpuFile(await factsOf(code, language));

describe('peak device bytes and strategy', () => {
  it('allocations minus frees in program order', async () => {
    const s = await summary('void f(float* h){\n float *a, *b, *c;\n cudaMalloc(&a, 100);\n cudaMalloc(&b, 200);\n cudaFree(a);\n cudaMalloc(&c, 50);\n cudaMemcpy(b, h, 200, cudaMemcpyHostToDevice);\n}');
    assert.equal(s.peakDeviceBytes, 300);
    assert.equal(s.peakIsLowerBound, false);
    assert.equal(s.strategy, 'whole-dataset');
    assert.deepEqual(s.evidence.map((e) => e.line), [7]);
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
    assert.equal((await summary('void f(float* h, float* d, int n){ for (int i = 0; i < n; i += 8) cudaMemcpy(d, h + i, 32, cudaMemcpyHostToDevice); }')).strategy, 'chunked');
    assert.equal((await summary('void f(){ float* m; cudaMallocManaged(&m, 64); }')).strategy, 'unified');
    assert.equal((await summary('void f(){ float* h; cudaHostAlloc(&h, 64, cudaHostAllocMapped); }')).strategy, 'mapped');
    assert.equal((await summary('void f(float* h, float* d){ float* m; cudaMallocManaged(&m, 64); cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice); }')).strategy, 'mixed');
    assert.equal((await summary('void f(){ float* d; cudaMalloc(&d, 64); }')).strategy, 'none');
  });

  it('python: whole-dataset upload via cp.asarray', async () => {
    const s = await summary('import numpy as np\nimport cupy as cp\na = np.zeros(1000)\nd = cp.asarray(a)', 'python');
    assert.equal(s.strategy, 'whole-dataset');
    assert.equal(s.peakDeviceBytes, 8000);
  });
});
