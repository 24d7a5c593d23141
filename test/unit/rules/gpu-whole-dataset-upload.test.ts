import { rule } from '../../../src/core/rules/gpu-whole-dataset-upload';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'small constant upload', language: 'cuda', code: 'void f(float* h) {\n  float* d;\n  cudaMalloc(&d, 1024 * sizeof(float));\n  cudaMemcpy(d, h, 1024 * sizeof(float), cudaMemcpyHostToDevice);\n}\n' },
    { name: 'chunked copies in a loop', language: 'cuda', code: 'void f(float* h, size_t n, size_t chunk) {\n  float* d;\n  cudaMalloc(&d, chunk * sizeof(float));\n  for (size_t off = 0; off < n; off += chunk)\n    cudaMemcpy(d, h + off, chunk * sizeof(float), cudaMemcpyHostToDevice);\n}\n' },
    { name: 'partial upload of a bigger buffer', language: 'cuda', code: 'void f(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, 16 * sizeof(float), cudaMemcpyHostToDevice);\n}\n' },
    { name: 'device-to-host is not an upload', language: 'cuda', code: 'void f(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n);\n  cudaMemcpy(h, d, n, cudaMemcpyDeviceToHost);\n}\n' },
    { name: 'python: small known array', language: 'python', code: 'import numpy as np\nimport cupy as cp\na = np.zeros((1000, 1000), dtype=np.float32)\nd = cp.asarray(a)\n' },
    { name: 'python: asarray of a parameter of unknown origin (may already be on the device)', language: 'python', code: 'import cupy as cp\ndef to_gpu(x):\n    return cp.asarray(x)\n' },
    { name: 'python: threshold raised', language: 'python', config: { chunkThreshold: 0.5 }, code: 'import numpy as np\nimport cupy as cp\na = np.zeros((20_000_000, 64), dtype=np.float32)\nd = cp.asarray(a)\n' },
  ],
  invalid: [
    {
      name: 'size from the input file', language: 'cuda',
      code: 'void f(const char* path, float* h) {\n  size_t n = file_size(path) / sizeof(float);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 5, column: 3, endColumn: 62, includes: ['file_size(path)', '4.00 GiB', 'ceil((n * sizeof(float)) / 4294967296)'] }],
    },
    {
      name: 'known 8 GiB upload on a T4', language: 'cuda',
      code: '#define BYTES (8ULL << 30)\nvoid f(char* h) {\n  char* d;\n  cudaMalloc(&d, BYTES);\n  cudaMemcpy(d, h, BYTES, cudaMemcpyHostToDevice);\n}\n',
      errors: [{ messageId: 'large', line: 5, includes: ['8.00 GiB (8,589,934,592 bytes)', '50%', '2 chunks of 4.00 GiB'] }],
    },
    {
      name: 'OpenCL buffer filled at creation', language: 'c',
      code: 'cl_mem f(cl_context ctx, void* host, size_t n, cl_int* err) {\n  return clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, n, host, err);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 2, includes: ['depends on n'] }],
    },
    {
      name: 'python: np.load then cp.asarray', language: 'python',
      code: 'import numpy as np\nimport cupy as cp\nx = np.load("big.npy")\nd = cp.asarray(x)\n',
      errors: [{ messageId: 'unknownSize', line: 4, column: 5, endColumn: 18, includes: ['numpy.load("big.npy")'] }],
    },
    {
      name: 'python: numba to_device of a 4.77 GiB array', language: 'python',
      code: 'import numpy as np\nfrom numba import cuda\na = np.zeros((20_000_000, 64), dtype=np.float32)\nd = cuda.to_device(a)\n',
      errors: [{ messageId: 'large', line: 4, includes: ['4.77 GiB (5,120,000,000 bytes)', '30%'] }],
    },
  ],
});
