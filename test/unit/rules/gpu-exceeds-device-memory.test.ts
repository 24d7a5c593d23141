import { rule } from '../../../src/core/rules/gpu-exceeds-device-memory';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'fits on a T4', language: 'cuda', code: 'void f() {\n  float* d;\n  cudaMalloc(&d, (1ULL << 30) * sizeof(float));\n}\n' },
    {
      name: 'freed before the next allocation',
      language: 'cuda',
      code: 'void f() {\n  float *a, *b;\n  cudaMalloc(&a, 10ULL << 30);\n  cudaFree(a);\n  cudaMalloc(&b, 10ULL << 30);\n}\n',
    },
    { name: 'runtime size is never invented', language: 'cuda', code: 'void f(size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n}\n' },
    {
      name: 'fits on an A100 80GB',
      language: 'cuda',
      config: { targetGpu: 'a100-80' },
      code: 'void f() {\n  char *a, *b;\n  cudaMalloc(&a, 12ULL << 30);\n  cudaMalloc(&b, 12ULL << 30);\n}\n',
    },
    { name: 'pinned host memory is not device memory', language: 'cuda', code: 'void f() {\n  float* h;\n  cudaMallocHost(&h, 20ULL << 30);\n}\n' },
    { name: 'python: fits', language: 'python', code: 'import cupy as cp\nx = cp.zeros((1024, 1024), dtype=cp.float32)\n' },
  ],
  invalid: [
    {
      name: 'two 12 GiB buffers on a 16 GB T4',
      language: 'cuda',
      code: 'void f() {\n  char *a, *b;\n  cudaMalloc(&a, 12ULL << 30);\n  cudaMalloc(&b, 12ULL << 30);\n}\n',
      errors: [
        { messageId: 'exceeds', line: 4, column: 3, endColumn: 30, includes: ['24.00 GiB (25,769,803,776 bytes)', 'NVIDIA T4 16 GB', '16.00 GiB'] },
      ],
    },
    {
      name: 'folded through #define, const and sizeof',
      language: 'cuda',
      code: '#define N (1 << 30)\nconst int K = 5;\nvoid f() {\n  float* d;\n  cudaMalloc(&d, (size_t)N * K * sizeof(float));\n}\n',
      errors: [{ messageId: 'exceeds', line: 5, includes: ['20.00 GiB (21,474,836,480 bytes)'] }],
    },
    {
      name: 'allocation in a loop of constant trip count',
      language: 'cuda',
      code: 'void f() {\n  for (int i = 0; i < 8; i++) {\n    float* d;\n    cudaMalloc(&d, 3ULL << 30);\n  }\n}\n',
      errors: [{ messageId: 'exceeds', line: 4, includes: ['24.00 GiB'] }],
    },
    {
      name: 'custom GPU',
      language: 'cuda',
      config: { targetGpu: 'custom', customGpu: { memoryGiB: 2, name: 'Jetson 2GB' } },
      code: 'void f() {\n  float* d;\n  cudaMalloc(&d, 3ULL << 30);\n}\n',
      errors: [{ messageId: 'exceeds', line: 3, includes: ['Jetson 2GB', '3.00 GiB'] }],
    },
    {
      name: 'python: torch tensors on cuda',
      language: 'python',
      code: 'import torch\na = torch.empty(1 << 32, device="cuda")\nb = torch.empty(1 << 30, 2, device="cuda")\n',
      errors: [{ messageId: 'exceeds', line: 3, includes: ['24.00 GiB (25,769,803,776 bytes)'] }],
    },
  ],
});
