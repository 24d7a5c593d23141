import { rule } from '../../../src/core/rules/gpu-missing-free';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      // A workspace set up by a header's helper and freed by the programs that include it.
      name: "a header's file-scope buffer: the including files free it",
      language: 'cuda',
      path: 'common.cuh',
      code: 'void* workspace;\nvoid setup() {\n  cudaMalloc(&workspace, 1 << 20);\n}\n',
    },
    {
      name: 'freed through a macro',
      language: 'cuda',
      code: '#define SAFE_FREE(p) do { if (p) cudaFree(p); (p) = 0; } while (0)\nvoid f() {\n  float* d;\n  cudaMalloc(&d, 64);\n  SAFE_FREE(d);\n}\n',
    },
    {
      name: 'freed through a multi-line macro wrapping a check',
      language: 'cuda',
      code: '#define CUDA_FREE(ctx, x) \\\n  CHECK(cudaFree(x))\nvoid f() {\n  float* d;\n  cudaMalloc(&d, 64);\n  CUDA_FREE(0, d);\n}\n',
    },
    {
      name: 'freed by a cleanup function of the file',
      language: 'cuda',
      code: 'static void cleanup(float* a, float* b) {\n  cudaFree(a);\n  cudaFreeHost(b);\n}\nvoid f() {\n  float *d, *h;\n  cudaMalloc(&d, 64);\n  cudaMallocHost(&h, 64);\n  cleanup(d, h);\n}\n',
    },
    {
      name: 'freed in a loop over an array of pointers',
      language: 'cuda',
      code: 'void f(int n) {\n  float* d[8];\n  for (int i = 0; i < 8; i++) cudaMalloc(&d[i], 64);\n  for (int i = 0; i < 8; i++) cudaFree(d[i]);\n}\n',
    },
    {
      name: 'freed after goto cleanup',
      language: 'cuda',
      code: 'int f() {\n  float* d = 0;\n  if (cudaMalloc(&d, 64) != cudaSuccess) goto cleanup;\n  k<<<1, 1>>>(d);\ncleanup:\n  cudaFree(d);\n  return 0;\n}\n',
    },
    {
      name: 'owned by a unique_ptr with cudaFree as deleter',
      language: 'cpp',
      code: 'void f() {\n  float* raw;\n  cudaMalloc(&raw, 64);\n  std::unique_ptr<float, decltype(&cudaFree)> p(raw, cudaFree);\n}\n',
    },
    {
      name: 'handed to a smart pointer through reset',
      language: 'cpp',
      code: 'void f(std::unique_ptr<float, CudaDeleter>& p) {\n  float* raw;\n  cudaMalloc(&raw, 64);\n  p.reset(raw);\n}\n',
    },
    {
      name: 'kept in a container whose elements a later loop frees',
      language: 'cuda',
      code: 'void f(int n) {\n  std::vector<void*> ptrs;\n  for (int i = 0; i < n; i++) {\n    void* p = NULL;\n    cudaMalloc(&p, 64);\n    ptrs.push_back(p);\n  }\n  for (int i = 0; i < n; i++) cudaFree(ptrs[i]);\n}\n',
    },
    {
      name: 'freed by a cleanup macro of its own names (no parameters)',
      language: 'cuda',
      code: '#define CLEANUP() \\\n  do { \\\n    if (d_a) cudaFree(d_a); \\\n  } while (0)\nint f() {\n  float* d_a = 0;\n  if (cudaMalloc(&d_a, 64) != cudaSuccess) return 1;\n  CLEANUP();\n  return 0;\n}\n',
    },
    { name: 'thrust vectors free themselves', language: 'cuda', code: 'void f() {\n  thrust::device_vector<float> v(1024);\n}\n' },
    { name: 'freed', language: 'cuda', code: 'void f() {\n  float* d;\n  cudaMalloc(&d, 64);\n  cudaFree(d);\n}\n' },
    { name: 'pinned freed with cudaFreeHost', language: 'cuda', code: 'void f() {\n  float* h;\n  cudaMallocHost(&h, 64);\n  cudaFreeHost(h);\n}\n' },
    { name: 'returned to the caller', language: 'cuda', code: 'float* make(size_t n) {\n  float* d;\n  cudaMalloc(&d, n);\n  return d;\n}\n' },
    {
      name: 'stored through an out-parameter',
      language: 'cuda',
      code: 'void make(float** out) {\n  float* d;\n  cudaMalloc(&d, 64);\n  *out = d;\n}\n',
    },
    { name: 'member freed elsewhere', language: 'cpp', code: 'void Buf::init() {\n  cudaMalloc(&this->ptr, 64);\n}\n' },
    {
      name: 'global freed in another function',
      language: 'cuda',
      code: 'float* g;\nvoid init() { cudaMalloc(&g, 64); }\nvoid done() { cudaFree(g); }\n',
    },
    {
      name: 'wrapper writing through a pointer parameter',
      language: 'cuda',
      code: 'template <class T>\ncudaError_t alloc(T** devPtr, size_t size) {\n  return ::cudaMalloc((void**)devPtr, size);\n}\n',
    },
    {
      name: 'returned inside an expression',
      language: 'cuda',
      code: 'thrust::pointer<float> make(size_t n) {\n  float* p;\n  cudaMalloc(&p, n);\n  return thrust::pointer<float>(p);\n}\n',
    },
    { name: 'driver API', language: 'cpp', code: 'void f() {\n  CUdeviceptr p;\n  cuMemAlloc(&p, 64);\n  cuMemFree(p);\n}\n' },
  ],
  invalid: [
    {
      name: 'kept in a container that nothing frees',
      language: 'cuda',
      code: 'void f(int n) {\n  std::vector<void*> ptrs;\n  for (int i = 0; i < n; i++) {\n    void* p = NULL;\n    cudaMalloc(&p, 64);\n    ptrs.push_back(p);\n  }\n}\n',
      errors: [{ messageId: 'missingFree', line: 5 }],
    },
    {
      name: "a header function's own local, never freed",
      language: 'cuda',
      path: 'common.cuh',
      code: 'void leak() {\n  float* d;\n  cudaMalloc(&d, 1 << 20);\n  k<<<1, 32>>>(d);\n}\n',
      errors: [{ messageId: 'missingFree', line: 3 }],
    },
    {
      name: 'a helper that does not free its parameter does not count',
      language: 'cuda',
      code: 'static void show(float* a) {\n  printf("%p", a);\n}\nvoid f() {\n  float* d;\n  cudaMalloc(&d, 64);\n  show(d);\n}\n',
      errors: [{ messageId: 'missingFree', line: 6 }],
    },
    {
      name: 'a macro that frees another argument',
      language: 'cuda',
      code: '#define FREE_FIRST(a, b) cudaFree(a)\nvoid f(float* x) {\n  float* d;\n  cudaMalloc(&d, 64);\n  FREE_FIRST(x, d);\n}\n',
      errors: [{ messageId: 'missingFree', line: 4 }],
    },
    {
      name: 'never freed',
      language: 'cuda',
      code: 'void f(size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n}\n',
      errors: [
        { messageId: 'missingFree', line: 3, column: 3, endColumn: 36, includes: ["'d'", 'cudaFree', 'n * sizeof(float) (size known at run time)'] },
      ],
    },
    {
      name: 'same name freed in another function is another variable',
      language: 'cuda',
      code: 'void a() {\n  float* d;\n  cudaMalloc(&d, 64);\n}\nvoid b() {\n  float* d;\n  cudaMalloc(&d, 64);\n  cudaFree(d);\n}\n',
      errors: [{ messageId: 'missingFree', line: 3 }],
    },
    {
      name: 'pinned memory needs cudaFreeHost',
      language: 'cuda',
      code: 'void f() {\n  float* h;\n  cudaHostAlloc(&h, 1 << 20, cudaHostAllocDefault);\n}\n',
      errors: [{ messageId: 'missingFree', line: 3, includes: ['cudaFreeHost', '1.00 MiB'] }],
    },
  ],
});
