// Rule outcomes that change with the folding (issue 17 "sizes not folded", issue 18 class 5): a size folded from a
// commented #define, a helper's constant argument or a constructor's member now reports; a size set through an
// out-parameter or written at run time, or outside [0, 2^64), no longer reports a guessed number.
import { rule } from '../../../src/core/rules/gpu-exceeds-device-memory';
import { ruleTester } from '../../helpers/rule-tester';

const chain = (depth: number) =>
  [
    '#define A0 1',
    ...Array.from({ length: depth }, (_, i) => `#define A${i + 1} (A${i} + A${i})`),
    'void f() {',
    '  char* d;',
    `  cudaMalloc(&d, A${depth});`,
    '}',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a size set through a size_t& out-parameter is unknown, not its initial 20 GiB',
      language: 'cuda',
      code: 'void parse(int argc, char** argv, size_t& bytes);\nint main(int argc, char** argv) {\n  size_t bytes = 20ull << 30;\n  parse(argc, argv, bytes);\n  char* d;\n  cudaMalloc(&d, bytes);\n}\n',
    },
    {
      name: 'a file-scope size changed by another function is unknown',
      language: 'cuda',
      code: 'size_t bytes = 20ull << 30;\nvoid configure(size_t b) { bytes = b; }\nvoid f() {\n  char* d;\n  cudaMalloc(&d, bytes);\n}\n',
    },
    {
      name: 'a helper called with different sizes is not guessed',
      language: 'cuda',
      code: 'void alloc(size_t n) {\n  char* d;\n  cudaMalloc(&d, n);\n}\nint main() {\n  alloc(1 << 20);\n  alloc(20ull << 30);\n}\n',
    },
    { name: 'a size past 2^64 (70 doublings) is out of range, not "exceeds"', language: 'cuda', code: chain(70) },
    {
      name: 'python: the same name in another function is not this one',
      language: 'python',
      code: 'import cupy as cp\ndef big():\n    n = 20 << 30\n    return n\ndef small(n):\n    return cp.zeros(n, dtype=cp.uint8)\n',
    },
  ],
  invalid: [
    {
      name: '#define with a trailing comment: 64 GiB on a T4',
      language: 'cuda',
      code: '#define N (1ull << 36)  // 64 Gi\nvoid f() {\n  char* d;\n  cudaMalloc(&d, N);\n}\n',
      errors: [{ messageId: 'exceeds', line: 4, includes: ['64.00 GiB'] }],
    },
    {
      name: 'static const count x sizeof(cuDoubleComplex)',
      language: 'cuda',
      code: 'static const size_t COUNT = 1ull << 31;\nvoid f() {\n  cuDoubleComplex* d;\n  cudaMalloc(&d, COUNT * sizeof(cuDoubleComplex));\n}\n',
      errors: [{ messageId: 'exceeds', line: 4, includes: ['32.00 GiB (34,359,738,368 bytes)'] }],
    },
    {
      name: 'a constant passed into a helper by every caller',
      language: 'cuda',
      code: 'void alloc(size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n}\nint main() {\n  alloc(5ull << 30);\n}\n',
      errors: [{ messageId: 'exceeds', line: 3, includes: ['20.00 GiB'] }],
    },
    {
      name: 'a negative allocation does not cancel a real one',
      language: 'cuda',
      code: 'void f() {\n  char *a, *b;\n  cudaMalloc(&a, -(19ull << 30));\n  cudaMalloc(&b, 20ull << 30);\n}\n',
      errors: [{ messageId: 'exceeds', line: 4, includes: ['20.00 GiB'] }],
    },
    {
      name: 'python: a size set in the constructor, used in a method',
      language: 'python',
      code: 'import cupy as cp\nclass Model:\n    def __init__(self):\n        self.n = 5 << 30\n    def run(self):\n        return cp.zeros(self.n, dtype=cp.float32)\n',
      errors: [{ messageId: 'exceeds', line: 6, includes: ['20.00 GiB'] }],
    },
    {
      name: 'python: a NumPy shape held in a tuple, uploaded',
      language: 'python',
      code: 'import numpy as np\nimport cupy as cp\nshape = (1 << 16, 1 << 16)\nh = np.zeros(shape, dtype=np.float64)\nd = cp.asarray(h)\n',
      errors: [{ messageId: 'exceeds', line: 5, includes: ['32.00 GiB'] }],
    },
  ],
});
