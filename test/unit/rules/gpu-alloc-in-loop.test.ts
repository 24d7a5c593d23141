import { rule } from '../../../src/core/rules/gpu-alloc-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'allocate once', language: 'cuda', code: 'void f(int n) {\n  float* d;\n  cudaMalloc(&d, 4096);\n  for (int i = 0; i < n; i++) k<<<1, 1>>>(d);\n  cudaFree(d);\n}\n' },
    { name: 'one buffer per stream in a set-up loop', language: 'cuda', code: 'void f() {\n  float* d[2];\n  for (int s = 0; s < 2; ++s) cudaMalloc(&d[s], 4096);\n}\n' },
    { name: 'one buffer per device, indexed by an expression of the loop variable', language: 'cuda', code: 'void f(float** d, int n) {\n  for (int g = 0; g < n; ++g) cudaMalloc(&d[2 * g + 1], 4096);\n}\n' },
    { name: 'python: upload in a loop is gpu-copy-in-loop\'s', language: 'python', code: 'import cupy as cp\nfor i in range(3):\n    d = cp.asarray(h)\n' },
  ],
  invalid: [
    {
      name: 'scratch buffer per iteration', language: 'cuda',
      code: 'void f(int n) {\n  for (int it = 0; it < 100; ++it) {\n    float* scratch;\n    cudaMalloc(&scratch, 4096 * sizeof(float));\n    cudaFree(scratch);\n  }\n}\n',
      errors: [{ messageId: 'allocInLoop', line: 4, column: 5, endColumn: 47, includes: ['16.00 KiB (16,384 bytes) of device memory', '(100 iterations)'] }],
    },
    {
      name: 'pinned memory per iteration', language: 'cuda',
      code: 'void f(int n) {\n  while (n--) {\n    float* h;\n    cudaMallocHost(&h, n);\n  }\n}\n',
      errors: [{ messageId: 'allocInLoop', line: 4, includes: ['pinned-host', 'n (size known at run time)'] }],
    },
    {
      name: 'python: cupy zeros in a comprehension', language: 'python',
      code: 'import cupy as cp\nbufs = [cp.zeros((256, 256), dtype=cp.float32) for _ in range(8)]\n',
      errors: [{ messageId: 'allocInLoop', line: 2, includes: ['256.00 KiB (262,144 bytes)'] }],
    },
  ],
});
