import { rule } from '../../../src/core/rules/opencl-no-max-alloc-query';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'constant size', language: 'c', code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, 4096, NULL, e);\n}\n' },
    {
      name: 'a known 128 MiB buffer: what every device allows',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, 128 << 20, NULL, e);\n}\n',
    },
    {
      name: "a known size above the target limit is opencl-buffer-exceeds-max-alloc's error, not this advice",
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, 8ULL << 30, NULL, e);\n}\n',
    },
    {
      name: 'run-time size with a query',
      language: 'c',
      code: 'void f(cl_device_id d, cl_context c, size_t n, cl_int* e) {\n  cl_ulong max;\n  clGetDeviceInfo(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE, sizeof(max), &max, NULL);\n  cl_mem b = clCreateBuffer(c, 0, n < max ? n : max, NULL, e);\n}\n',
    },
    {
      name: 'C++ bindings query',
      language: 'cpp',
      code: 'void f(cl::Device& d, cl::Context& c, size_t n) {\n  auto max = d.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>();\n  cl::Buffer b(c, CL_MEM_READ_ONLY, n);\n}\n',
    },
    {
      name: 'pyopencl query',
      language: 'python',
      code: 'import pyopencl as cl\nlimit = dev.max_mem_alloc_size\nb = cl.Buffer(ctx, cl.mem_flags.READ_ONLY, size=n)\n',
    },
  ],
  invalid: [
    {
      name: 'a known 400 MB buffer: above the 128 MiB every device allows, within the T4 limit',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  long long n = 100000000;\n  size_t bytes = n * sizeof(float);\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_ONLY, bytes, NULL, e);\n}\n',
      errors: [{ messageId: 'aboveMinimum', line: 4, includes: ['400,000,000 bytes', 'more than the 128.00 MiB'] }],
    },
    {
      name: 'OpenCL C++ wrapper: cl::Buffer sized at run time, as an expression and from iterators',
      language: 'cpp',
      code: 'void f(cl::Context context, std::vector<float>& h, size_t count) {\n  cl::Buffer d_a = cl::Buffer(context, CL_MEM_READ_ONLY, sizeof(float) * count);\n  cl::Buffer d_b(context, begin(h), end(h), true);\n}\n',
      errors: [
        { messageId: 'noQuery', line: 2, includes: ['sizeof(float) * count'] },
        { messageId: 'noQuery', line: 3, includes: ['size of h'] },
      ],
    },
    {
      name: 'size from a parameter',
      language: 'c',
      code: 'void f(cl_context c, size_t n, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, CL_MEM_READ_ONLY, n * sizeof(float), NULL, e);\n}\n',
      errors: [{ messageId: 'noQuery', line: 2, column: 14, endColumn: 77, includes: ['n * sizeof(float)', 'depends on n', '3.69 GiB'] }],
    },
    {
      name: 'C++ bindings, constructor arguments that parse as a declaration',
      language: 'cpp',
      code: 'void f(cl::Context& ctx, size_t n) {\n  cl::Buffer b(ctx, CL_MEM_READ_ONLY, n);\n}\n',
      errors: [{ messageId: 'noQuery', line: 2, includes: ['depends on n'] }],
    },
    {
      name: 'pyopencl buffer from a file',
      language: 'python',
      code: 'import numpy as np\nimport pyopencl as cl\ndata = np.fromfile("x.bin", dtype=np.float32)\nb = cl.Buffer(ctx, cl.mem_flags.COPY_HOST_PTR, hostbuf=data)\n',
      errors: [{ messageId: 'noQuery', line: 4, includes: ['numpy.fromfile("x.bin")'] }],
    },
  ],
});
