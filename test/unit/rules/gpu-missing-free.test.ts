import { rule } from '../../../src/core/rules/gpu-missing-free';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'freed', language: 'cuda', code: 'void f() {\n  float* d;\n  cudaMalloc(&d, 64);\n  cudaFree(d);\n}\n' },
    { name: 'pinned freed with cudaFreeHost', language: 'cuda', code: 'void f() {\n  float* h;\n  cudaMallocHost(&h, 64);\n  cudaFreeHost(h);\n}\n' },
    { name: 'returned to the caller', language: 'cuda', code: 'float* make(size_t n) {\n  float* d;\n  cudaMalloc(&d, n);\n  return d;\n}\n' },
    { name: 'stored through an out-parameter', language: 'cuda', code: 'void make(float** out) {\n  float* d;\n  cudaMalloc(&d, 64);\n  *out = d;\n}\n' },
    { name: 'member freed elsewhere', language: 'cpp', code: 'void Buf::init() {\n  cudaMalloc(&this->ptr, 64);\n}\n' },
    { name: 'global freed in another function', language: 'cuda', code: 'float* g;\nvoid init() { cudaMalloc(&g, 64); }\nvoid done() { cudaFree(g); }\n' },
    { name: 'wrapper writing through a pointer parameter', language: 'cuda', code: 'template <class T>\ncudaError_t alloc(T** devPtr, size_t size) {\n  return ::cudaMalloc((void**)devPtr, size);\n}\n' },
    { name: 'returned inside an expression', language: 'cuda', code: 'thrust::pointer<float> make(size_t n) {\n  float* p;\n  cudaMalloc(&p, n);\n  return thrust::pointer<float>(p);\n}\n' },
    { name: 'driver API', language: 'cpp', code: 'void f() {\n  CUdeviceptr p;\n  cuMemAlloc(&p, 64);\n  cuMemFree(p);\n}\n' },
  ],
  invalid: [
    {
      name: 'never freed', language: 'cuda',
      code: 'void f(size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n}\n',
      errors: [{ messageId: 'missingFree', line: 3, column: 3, endColumn: 36, includes: ["'d'", 'cudaFree', 'n * sizeof(float) (size known at run time)'] }],
    },
    {
      name: 'same name freed in another function is another variable', language: 'cuda',
      code: 'void a() {\n  float* d;\n  cudaMalloc(&d, 64);\n}\nvoid b() {\n  float* d;\n  cudaMalloc(&d, 64);\n  cudaFree(d);\n}\n',
      errors: [{ messageId: 'missingFree', line: 3 }],
    },
    {
      name: 'pinned memory needs cudaFreeHost', language: 'cuda',
      code: 'void f() {\n  float* h;\n  cudaHostAlloc(&h, 1 << 20, cudaHostAllocDefault);\n}\n',
      errors: [{ messageId: 'missingFree', line: 3, includes: ['cudaFreeHost', '1.00 MiB'] }],
    },
  ],
});
