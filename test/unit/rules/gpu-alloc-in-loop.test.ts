import { rule } from '../../../src/core/rules/gpu-alloc-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a sweep over sizes needs a new buffer each time',
      language: 'cuda',
      code: 'void f(const size_t* sizes) {\n  for (int i = 0; i < 8; i++) {\n    size_t bytes = sizes[i] * sizeof(float);\n    float* p;\n    cudaMalloc(&p, bytes);\n    k<<<1, 1>>>(p);\n    cudaFree(p);\n  }\n}\n',
    },
    {
      name: 'python: a sweep over dtypes and shapes',
      language: 'python',
      code: 'import numpy as np\nimport pycuda.gpuarray as gpuarray\nfor power in range(10, 28):\n    size = 1 << power\n    a = gpuarray.empty((size,), dtype=np.float32)\nfor dtype in [np.float32, np.float64]:\n    b = gpuarray.zeros(1000, dtype=dtype)\n',
    },
    {
      name: 'python: cupy allocations come from its caching pool',
      language: 'python',
      code: 'import cupy as cp\nbufs = [cp.zeros((256, 256), dtype=cp.float32) for _ in range(8)]\n',
    },
    {
      name: 'python: one pycuda buffer per stream, kept in a list',
      language: 'python',
      code: 'import pycuda.driver as drv\nd_data = []\nfor k in range(4):\n    d_data.append(drv.mem_alloc(1024))\n',
    },
    {
      name: 'python: pycuda allocation from a pool',
      language: 'python',
      code: 'import numpy as np\nimport pycuda.gpuarray as gpuarray\nfor i in range(8):\n    a = gpuarray.zeros((256, 256), dtype=np.float32, allocator=pool.allocate)\n',
    },
    {
      name: 'stream-ordered pool allocation',
      language: 'cuda',
      code: 'void f(cudaStream_t s) {\n  for (int i = 0; i < 100; i++) {\n    float* t;\n    cudaMallocAsync(&t, 4096, s);\n    cudaFreeAsync(t, s);\n  }\n}\n',
    },
    {
      name: 'allocation from a memory pool',
      language: 'cuda',
      code: 'void f(cudaStream_t s, cudaMemPool_t pool) {\n  for (int i = 0; i < 100; i++) {\n    void* t;\n    cudaMallocFromPoolAsync(&t, 4096, pool, s);\n    cudaFreeAsync(t, s);\n  }\n}\n',
    },
    {
      name: 'one buffer per device kept in an array after the call',
      language: 'cuda',
      code: 'void f(float** bufs, int n) {\n  for (int g = 0; g < n; ++g) {\n    float* p;\n    cudaSetDevice(g);\n    cudaMalloc(&p, 4096);\n    bufs[g] = p;\n  }\n}\n',
    },
    {
      name: 'one buffer per stream pushed into a vector',
      language: 'cpp',
      code: 'void f(std::vector<float*>& v) {\n  for (int s = 0; s < 4; ++s) {\n    float* p;\n    cudaMalloc(&p, 4096);\n    v.push_back(p);\n  }\n}\n',
    },
    {
      name: 'allocation on the first iteration only',
      language: 'cuda',
      code: 'void f(int n) {\n  float* d = 0;\n  for (int it = 0; it < n; ++it) {\n    if (it == 0) cudaMalloc(&d, 4096);\n    k<<<1, 1>>>(d);\n  }\n  cudaFree(d);\n}\n',
    },
    {
      name: 'allocation measured by a benchmark',
      language: 'cuda',
      code: 'void f() {\n  auto t0 = std::chrono::high_resolution_clock::now();\n  for (int r = 0; r < 100; r++) { float* p; cudaMalloc(&p, 4096); cudaFree(p); }\n  auto t1 = std::chrono::high_resolution_clock::now();\n}\n',
    },
    {
      name: 'allocate once',
      language: 'cuda',
      code: 'void f(int n) {\n  float* d;\n  cudaMalloc(&d, 4096);\n  for (int i = 0; i < n; i++) k<<<1, 1>>>(d);\n  cudaFree(d);\n}\n',
    },
    {
      name: 'one buffer per stream in a set-up loop',
      language: 'cuda',
      code: 'void f() {\n  float* d[2];\n  for (int s = 0; s < 2; ++s) cudaMalloc(&d[s], 4096);\n}\n',
    },
    {
      name: 'one buffer per device, indexed by an expression of the loop variable',
      language: 'cuda',
      code: 'void f(float** d, int n) {\n  for (int g = 0; g < n; ++g) cudaMalloc(&d[2 * g + 1], 4096);\n}\n',
    },
    {
      name: "python: upload in a loop is gpu-copy-in-loop's",
      language: 'python',
      code: 'import cupy as cp\nfor i in range(3):\n    d = cp.asarray(h)\n',
    },
  ],
  invalid: [
    {
      name: 'python: a PyCUDA array re-made inside a timed loop that launches the kernel it times',
      language: 'python',
      code: 'import time\nimport numpy\nimport pycuda.autoinit\nimport pycuda.gpuarray as gpuarray\nt0 = time.perf_counter()\nfor _i in range(10):\n    func.prepared_call(grid, block, a_gpu.gpudata, counter.gpudata)\n    counter = gpuarray.zeros(1, dtype=numpy.int32)\nt1 = time.perf_counter()\n',
      errors: [{ messageId: 'allocInTimedLoop', line: 8, includes: ['pycuda.gpuarray.zeros', 'timed region', '10 iterations'] }],
    },
    {
      name: 'python: a Numba device array re-made in a timed loop that launches kernel[grid, block]',
      language: 'python',
      code: 'import time\nimport numpy as np\nfrom numba import cuda\nt0 = time.perf_counter()\nfor step in range(100):\n    out = cuda.device_array(1024, dtype=np.float32)\n    kernel[4, 256](out)\nt1 = time.perf_counter()\n',
      errors: [{ messageId: 'allocInTimedLoop', line: 6 }],
    },
    {
      name: 'an allocation inside a timed loop that also launches the kernel it times: overhead in the timing',
      language: 'cuda',
      code: 'void f(int n) {\n  cudaEvent_t a, b;\n  cudaEventRecord(a);\n  for (int r = 0; r < 10; r++) {\n    float* p;\n    cudaMalloc(&p, 4096);\n    k<<<1, 1>>>(p);\n  }\n  cudaEventRecord(b);\n  cudaEventSynchronize(b);\n  float ms;\n  cudaEventElapsedTime(&ms, a, b);\n}\n',
      errors: [{ messageId: 'allocInTimedLoop', line: 6, includes: ['cudaMalloc', 'timed region', '10 iterations'] }],
    },
    {
      name: 'scratch buffer per iteration',
      language: 'cuda',
      code: 'void f(int n) {\n  for (int it = 0; it < 100; ++it) {\n    float* scratch;\n    cudaMalloc(&scratch, 4096 * sizeof(float));\n    cudaFree(scratch);\n  }\n}\n',
      errors: [
        { messageId: 'allocInLoop', line: 4, column: 5, endColumn: 47, includes: ['16.00 KiB (16,384 bytes) of device memory', '(100 iterations)'] },
      ],
    },
    {
      name: 'pinned memory per iteration',
      language: 'cuda',
      code: 'void f(int n) {\n  while (n--) {\n    float* h;\n    cudaMallocHost(&h, n);\n  }\n}\n',
      errors: [{ messageId: 'allocInLoop', line: 4, includes: ['pinned-host', 'n (size known at run time)'] }],
    },
    {
      name: 'python: pycuda gpuarray per iteration, dropped each time',
      language: 'python',
      code: 'import numpy as np\nimport pycuda.gpuarray as gpuarray\nfor i in range(8):\n    a = gpuarray.zeros((256, 256), dtype=np.float32)\n    step(a)\n',
      errors: [{ messageId: 'allocInLoop', line: 4, includes: ['256.00 KiB (262,144 bytes)', '(8 iterations)'] }],
    },
    {
      name: 'a plain cudaMalloc next to a pool allocation is reported',
      language: 'cuda',
      code: 'void f(cudaStream_t s) {\n  for (int i = 0; i < 4; i++) {\n    float *a, *b;\n    cudaMallocAsync(&a, 64, s);\n    cudaMalloc(&b, 64);\n    cudaFreeAsync(a, s);\n    cudaFree(b);\n  }\n}\n',
      errors: [{ messageId: 'allocInLoop', line: 5 }],
    },
  ],
});
