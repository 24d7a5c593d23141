import { rule } from '../../../src/core/rules/gpu-copy-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'copy outside the loop', language: 'cuda', code: 'void f(float* h, float* d) {\n  cudaMemcpy(d, h, 4096, cudaMemcpyHostToDevice);\n  for (int i = 0; i < 10; i++) step<<<1, 1>>>(d);\n}\n' },
    { name: 'chunk at an offset', language: 'cuda', code: 'void f(float* h, float* d, int n) {\n  for (int i = 0; i < n; i += 1024)\n    cudaMemcpy(d, h + i, 1024 * sizeof(float), cudaMemcpyHostToDevice);\n}\n' },
    { name: 'size depends on the loop variable', language: 'cuda', code: 'void f(float* h, float* d, int n) {\n  for (int i = 1; i < n; i++)\n    cudaMemcpy(d, h, i * sizeof(float), cudaMemcpyHostToDevice);\n}\n' },
    { name: 'python: batches from a loader', language: 'python', code: 'import torch\nfor x, y in loader:\n    x = x.cuda()\n' },
    { name: 'python: slices of a big array', language: 'python', code: 'import cupy as cp\nfor i in range(10):\n    d = cp.asarray(big[i * 100:(i + 1) * 100])\n' },
    { name: 'blocking OpenCL read is left to opencl-blocking-transfer-in-loop', language: 'c', code: 'void f(cl_command_queue q, cl_mem b, float* h) {\n  for (int i = 0; i < 4; i++) clEnqueueReadBuffer(q, b, CL_TRUE, 0, 64, h, 0, NULL, NULL);\n}\n' },
  ],
  invalid: [
    {
      name: 'constant matrix re-uploaded every iteration', language: 'cuda',
      code: 'void f(float* h, float* d) {\n  for (int it = 0; it < 100; ++it) {\n    cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n  }\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 3, column: 5, endColumn: 54, includes: ['1.00 MiB (1,048,576 bytes)', 'loop at line 2 (100 iterations)', '100.00 MiB (104,857,600 bytes) in all'] }],
    },
    {
      name: 'result read back every iteration of a while loop', language: 'cuda',
      code: 'void f(float* h, float* d, int n) {\n  while (n--) {\n    cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n  }\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 3, includes: ['64 bytes device-to-host', 'loop at line 2'] }],
    },
    {
      name: 'python: numba re-upload of constants', language: 'python',
      code: 'import numpy as np\nfrom numba import cuda\nc = np.ones(9, dtype=np.float32)\nfor step in range(500):\n    d = cuda.to_device(c)\n',
      errors: [{ messageId: 'copyInLoop', line: 5, includes: ['36 bytes', '500 iterations', '17.58 KiB (18,000 bytes) in all'] }],
    },
  ],
});
