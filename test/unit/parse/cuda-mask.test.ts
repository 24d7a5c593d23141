import assert from 'node:assert/strict';
import { maskGpuDialect } from '../../../src/core/parse/cuda-mask';
import { parseSource } from '../../../src/core/parse/tree-sitter';

describe('cuda-mask', () => {
  it('rewrites a launch to a same-length call of a call', () => {
    const src = 'k<<<grid, block, 0, s>>>(a, b);';
    const m = maskGpuDialect(src, 'cuda');
    assert.equal(m.text.length, src.length);
    assert.equal(m.text, 'k(  grid, block, 0, s  )(a, b);');
    assert.deepEqual(m.launches, [{ open: 1, close: 24 }]);
  });

  it('leaves template closers, comments and strings alone', () => {
    const src = 'std::vector<std::vector<std::pair<int,int>>> v; // a<<<b>>>\nconst char* s = "x<<<y>>>";';
    const m = maskGpuDialect(src, 'cuda');
    assert.equal(m.text, src);
    assert.equal(m.launches.length, 0);
  });

  it('blanks CUDA qualifiers and records them by offset', () => {
    const src = '__global__ void k(float* __restrict__ a) {}\n__launch_bounds__(256, 2) __global__ void j() {}';
    const m = maskGpuDialect(src, 'cuda');
    assert.equal(m.text.length, src.length);
    assert.ok(!m.text.includes('__global__') && !m.text.includes('__launch_bounds__'));
    assert.deepEqual(
      m.qualifiers.map((q) => q.text),
      ['__global__', '__restrict__', '__launch_bounds__', '__global__'],
    );
  });

  it('blanks OpenCL C address spaces only before a type', () => {
    const m = maskGpuDialect('__kernel void k(__global float* a, global int* b) { int global = 1; }', 'opencl-c');
    assert.deepEqual(
      m.qualifiers.map((q) => q.text),
      ['__kernel', '__global', 'global'],
    );
    assert.ok(m.text.includes('int global = 1'));
  });

  it('parses a launch without syntax errors and keeps positions exact, after non-ASCII text', async () => {
    const src = '// héllo 한국어 😀\n__global__ void k(float* a) {}\nint main() { float* d; k<<<1, 32>>>(d); return 0; }\n';
    const parsed = await parseSource(src, 'cuda');
    try {
      assert.equal(parsed.errorCount, 0);
      const launchAt = src.indexOf('k<<<');
      let found = false;
      const visit = (n: import('../../../src/core/parse/tree-sitter').SyntaxNode) => {
        if (n.type === 'call_expression' && n.startIndex === launchAt && n.endIndex === src.indexOf(';', launchAt)) found = true;
        for (const c of n.namedChildren) if (c) visit(c);
      };
      visit(parsed.tree.rootNode);
      assert.ok(found, 'launch call spans exactly the original launch text');
    } finally {
      parsed.tree.delete();
    }
  });
});
