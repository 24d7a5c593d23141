import { rule } from '../../../src/core/rules/gpu-managed-oversubscription';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'managed memory that fits', language: 'cuda', code: 'void f() {\n  float* m;\n  cudaMallocManaged(&m, 8ULL << 30);\n}\n' },
    {
      name: 'oversubscribed but prefetched',
      language: 'cuda',
      code: 'void f(cudaStream_t s) {\n  float* m;\n  cudaMallocManaged(&m, 20ULL << 30);\n  cudaMemPrefetchAsync(m, 4ULL << 30, 0, s);\n}\n',
    },
    {
      name: 'oversubscribed but advised',
      language: 'cuda',
      code: 'void f() {\n  float* m;\n  cudaMallocManaged(&m, 20ULL << 30);\n  cudaMemAdvise(m, 20ULL << 30, cudaMemAdviseSetReadMostly, 0);\n}\n',
    },
    {
      name: 'fits a bigger GPU',
      language: 'cuda',
      config: { targetGpu: 'h100' },
      code: 'void f() {\n  float* m;\n  cudaMallocManaged(&m, 20ULL << 30);\n}\n',
    },
  ],
  invalid: [
    {
      name: '20 GiB managed on a T4',
      language: 'cuda',
      code: 'void f() {\n  float* m;\n  cudaMallocManaged(&m, 20ULL << 30);\n}\n',
      errors: [
        {
          messageId: 'oversubscribed',
          line: 3,
          column: 3,
          endColumn: 37,
          includes: ['20.00 GiB (21,474,836,480 bytes)', '16.00 GiB', 'chunks of at most 14.40 GiB'],
        },
      ],
    },
    {
      name: 'two managed arrays through a struct size',
      language: 'cuda',
      code: 'struct Edge { long long a, b; float w; };\nvoid f() {\n  Edge* e; double* d;\n  cudaMallocManaged(&e, (1ULL << 29) * sizeof(Edge));\n  cudaMallocManaged(&d, (1ULL << 30) * sizeof(double));\n}\n',
      errors: [{ messageId: 'oversubscribed', line: 5, includes: ['20.00 GiB (21,474,836,480 bytes)'] }],
    },
  ],
});
