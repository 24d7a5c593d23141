import { rule } from '../../../src/core/rules/opencl-blocking-transfer-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'benchmark loop timed with a helper clock (wtime)',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem d, float* h) {\n  for (int i = 0; i < 10; i++) {\n    double t0 = wtime();\n    run(q);\n    clFinish(q);\n    double t = wtime() - t0;\n    clEnqueueReadBuffer(q, d, CL_TRUE, 0, 64, h, 0, NULL, NULL);\n  }\n}\n',
    },
    {
      name: 'python: benchmark loop timed with time() from `from time import time`',
      language: 'python',
      code: 'from time import time\nimport pyopencl as cl\nfor i in range(10):\n    t0 = time()\n    run(queue)\n    cl.enqueue_copy(queue, h, d)\n    print(time() - t0)\n',
    },
    {
      name: 'non-blocking in a loop',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem b, char* h, size_t n) {\n  for (size_t o = 0; o < n; o += 64)\n    clEnqueueWriteBuffer(q, b, CL_FALSE, o, 64, h + o, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'blocking once after the loop',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem b, char* h) {\n  for (int i = 0; i < 4; i++) run(q);\n  clEnqueueReadBuffer(q, b, CL_TRUE, 0, 64, h, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'pyopencl non-blocking',
      language: 'python',
      code: 'import pyopencl as cl\nd = cl.Buffer(ctx, cl.mem_flags.READ_ONLY, size=64)\nfor i in range(4):\n    cl.enqueue_copy(q, d, h, is_blocking=False)\n',
    },
  ],
  invalid: [
    {
      name: 'OpenCL C++ wrapper: queue.enqueueWriteBuffer in a loop',
      language: 'cpp',
      code: 'void f(cl::CommandQueue queue, cl::Buffer d_a, std::vector<float>& h) {\n  for (int i = 0; i < 10; i++) {\n    queue.enqueueWriteBuffer(d_a, CL_TRUE, 0, 4096, h.data());\n    queue.enqueueNDRangeKernel(k, cl::NullRange, cl::NDRange(1024));\n  }\n}\n',
      errors: [{ messageId: 'blocking', line: 3, includes: ['enqueueWriteBuffer', '4.00 KiB', '(10 iterations)'] }],
    },
    {
      name: 'blocking read per iteration',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem b, char* h) {\n  for (int i = 0; i < 16; i++) {\n    clEnqueueReadBuffer(q, b, CL_TRUE, 0, 1024, h, 0, NULL, NULL);\n  }\n}\n',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 5,
          endColumn: 66,
          includes: ['clEnqueueReadBuffer', '1.00 KiB (1,024 bytes)', 'loop at line 2 (16 iterations)'],
        },
      ],
    },
    {
      name: 'pyopencl defaults to blocking',
      language: 'python',
      code: 'import numpy as np\nimport pyopencl as cl\nh = np.empty(256, dtype=np.float32)\nd = cl.Buffer(ctx, cl.mem_flags.WRITE_ONLY, h.nbytes)\nfor i in range(3):\n    cl.enqueue_copy(q, h, d)\n',
      errors: [{ messageId: 'blocking', line: 6, includes: ['1.00 KiB (1,024 bytes)', '(3 iterations)'] }],
    },
  ],
});
