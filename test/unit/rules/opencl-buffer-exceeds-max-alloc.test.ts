import { rule } from '../../../src/core/rules/opencl-buffer-exceeds-max-alloc';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'under a quarter of the memory a T4 reports (14.76 GiB)',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_WRITE, 3ULL << 30, NULL, e);\n}\n',
    },
    {
      name: 'same size fits the ROCm limit of an MI300X',
      language: 'c',
      config: { targetGpu: 'mi300x' },
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_WRITE, 6ULL << 30, NULL, e);\n}\n',
    },
    {
      name: 'custom GPU with the limit the device reports',
      language: 'c',
      config: { targetGpu: 'custom', customGpu: { memoryGiB: 16, openclMaxAllocBytes: 8589934592 } },
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_WRITE, 6ULL << 30, NULL, e);\n}\n',
    },
    { name: 'CUDA allocations are not limited per buffer', language: 'cuda', code: 'void f() {\n  float* d;\n  cudaMalloc(&d, 6ULL << 30);\n}\n' },
    {
      name: "run-time size is opencl-no-max-alloc-query's",
      language: 'c',
      code: 'void f(cl_context c, size_t n, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, n, NULL, e);\n}\n',
    },
  ],
  invalid: [
    {
      name: '6 GiB on a T4: fits CUDA, fails OpenCL',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_WRITE, 6ULL << 30, NULL, e);\n}\n',
      errors: [
        {
          messageId: 'exceeds',
          line: 2,
          column: 14,
          endColumn: 71,
          includes: ['6.00 GiB (6,442,450,944 bytes)', '3.69 GiB, 25% of its 14.76 GiB', 'would succeed under CUDA', '2 buffers'],
        },
      ],
    },
    {
      name: 'bigger than the whole device',
      language: 'c',
      code: '#define FRAMES 4096\n#define PIXELS (3840 * 2160)\nvoid f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, (size_t)FRAMES * PIXELS * sizeof(cl_float), NULL, e);\n}\n',
      errors: [{ messageId: 'exceeds', line: 4, includes: ['126.56 GiB (135,895,449,600 bytes)', 'would not fit under CUDA either', '35 buffers'] }],
    },
    {
      name: 'C++ bindings',
      language: 'cpp',
      code: 'void f(cl::Context& ctx) {\n  cl::Buffer big(ctx, CL_MEM_READ_ONLY, 5ULL << 30);\n}\n',
      errors: [{ messageId: 'exceeds', line: 2, includes: ['cl::Buffer', '5.00 GiB'] }],
    },
    {
      name: 'C++ bindings with a #define size (most vexing parse)',
      language: 'cpp',
      code: '#define BIG (6ULL << 30)\nvoid f(cl::Context& ctx) {\n  cl::Buffer big(ctx, CL_MEM_READ_ONLY, BIG);\n}\n',
      errors: [{ messageId: 'exceeds', line: 3, includes: ['6.00 GiB'] }],
    },
    {
      name: 'pyopencl',
      language: 'python',
      code: 'import pyopencl as cl\nbuf = cl.Buffer(ctx, cl.mem_flags.READ_WRITE, size=6 * (1 << 30))\n',
      errors: [{ messageId: 'exceeds', line: 2, column: 7, includes: ['pyopencl.Buffer', '6.00 GiB'] }],
    },
  ],
});
