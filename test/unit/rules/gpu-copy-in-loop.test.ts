import { rule } from '../../../src/core/rules/gpu-copy-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      // Sampling loop: each step reads another row of the output (the row pointer is set from the step).
      name: 'a device pointer set inside the loop from the step: another row each trip',
      language: 'cuda',
      code: 'void sample(float* out, float* probs, int steps, int v) {\n  for (int t = 1; t < steps; t++) {\n    forward(out, t);\n    float* row = out + (t - 1) * v;\n    cudaMemcpy(probs, row, v * sizeof(float), cudaMemcpyDeviceToHost);\n    pick(probs, v);\n  }\n}\n',
    },
    {
      name: 'one host frame replicated into a batch of device slots: the device pointer advances each trip',
      language: 'cuda',
      code: 'void f(char* d, const char* h, int batch, size_t bytes) {\n  char* slot = d;\n  for (int i = 0; i < batch; i++) {\n    cudaMemcpy(slot, h, bytes, cudaMemcpyHostToDevice);\n    slot += bytes;\n  }\n}\n',
    },
    {
      name: 'the advancing device pointer passed through a cast',
      language: 'cuda',
      code: 'void f(unsigned char* d, const char* h, int batch, size_t pitch, size_t rows) {\n  unsigned char* slot = d;\n  for (int i = 0; i < batch; i++) {\n    cudaMemcpy2D((void *)slot, pitch, h, pitch, pitch, rows, cudaMemcpyHostToDevice);\n    slot += pitch * rows;\n  }\n}\n',
    },
    {
      name: 'host refills the buffer each iteration',
      language: 'cuda',
      code: 'void f(float* h, float* d, FILE* in) {\n  for (int it = 0; it < 100; ++it) {\n    fread(h, sizeof(float), 1024, in);\n    cudaMemcpy(d, h, 4096, cudaMemcpyHostToDevice);\n  }\n}\n',
    },
    {
      name: 'host writes elements before the upload',
      language: 'cuda',
      code: 'void f(unsigned* h, unsigned* d) {\n  for (int c = 0; c < 8; c++) {\n    for (int i = 0; i < 32; i++) h[i] = rand();\n    cudaMemcpy(d, h, 128, cudaMemcpyHostToDevice);\n  }\n}\n',
    },
    {
      name: 'round trip: the host updates what it read back',
      language: 'cuda',
      code: 'void f(float* buf, float* d_buf, int n) {\n  for (int it = 0; it < 10; it++) {\n    cudaMemcpy(d_buf, buf, 4096, cudaMemcpyHostToDevice);\n    step<<<4, 256>>>(d_buf);\n    cudaMemcpy(buf, d_buf, 4096, cudaMemcpyDeviceToHost);\n  }\n}\n',
    },
    {
      name: 'convergence value written by a kernel, read back and tested',
      language: 'cuda',
      code: 'void f(float* d_err, float* d_x) {\n  float err = 1;\n  while (err > 1e-6f) {\n    jacobi<<<64, 256>>>(d_x, d_err);\n    cudaMemcpy(&err, d_err, sizeof(float), cudaMemcpyDeviceToHost);\n  }\n}\n',
    },
    {
      name: 'host pointer moves to the next chunk',
      language: 'cuda',
      code: 'void f(float* base, float* d, int n) {\n  float* p = base;\n  for (int c = 0; c < 16; c++) {\n    cudaMemcpy(d, p, 4096, cudaMemcpyHostToDevice);\n    p += 1024;\n  }\n}\n',
    },
    {
      name: 'benchmark loop between CUDA events',
      language: 'cuda',
      code: 'void f(float* h, float* d, cudaEvent_t a, cudaEvent_t b, float* ms) {\n  cudaEventRecord(a);\n  for (int r = 0; r < 100; r++)\n    cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n  cudaEventRecord(b);\n  cudaEventSynchronize(b);\n  cudaEventElapsedTime(ms, a, b);\n}\n',
    },
    {
      name: 'benchmark loop timed with std::chrono',
      language: 'cpp',
      code: 'void f(float* h, float* d) {\n  auto t0 = std::chrono::steady_clock::now();\n  for (int r = 0; r < 100; r++) cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n  auto t1 = std::chrono::steady_clock::now();\n}\n',
    },
    {
      name: 'copy only on the first iteration',
      language: 'cuda',
      code: 'void f(float* h, float* d) {\n  for (int iter = 0; iter < 100; iter++) {\n    if (iter == 0) cudaMemcpy(d, h, 4096, cudaMemcpyHostToDevice);\n    step<<<1, 1>>>(d);\n  }\n}\n',
    },
    {
      name: 'python: host array rebuilt every iteration',
      language: 'python',
      code: 'import numpy as np\nimport pycuda.gpuarray as gpuarray\nfor i in range(10):\n    a = np.random.rand(100).astype(np.float32)\n    a_gpu = gpuarray.to_gpu(a)\n',
    },
    {
      name: 'python: result read back after a kernel writes it',
      language: 'python',
      code: 'import cupy as cp\nx = cp.zeros(100)\nfor i in range(10):\n    step(x)\n    h = cp.asnumpy(x)\n',
    },
    {
      name: 'python: benchmark loop between perf_counter reads',
      language: 'python',
      code: 'import time\nimport numpy as np\nfrom numba import cuda\nc = np.ones(9, dtype=np.float32)\nt0 = time.perf_counter()\nfor step in range(500):\n    d = cuda.to_device(c)\nt1 = time.perf_counter()\n',
    },
    {
      name: 'copy outside the loop',
      language: 'cuda',
      code: 'void f(float* h, float* d) {\n  cudaMemcpy(d, h, 4096, cudaMemcpyHostToDevice);\n  for (int i = 0; i < 10; i++) step<<<1, 1>>>(d);\n}\n',
    },
    {
      name: 'chunk at an offset',
      language: 'cuda',
      code: 'void f(float* h, float* d, int n) {\n  for (int i = 0; i < n; i += 1024)\n    cudaMemcpy(d, h + i, 1024 * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'size depends on the loop variable',
      language: 'cuda',
      code: 'void f(float* h, float* d, int n) {\n  for (int i = 1; i < n; i++)\n    cudaMemcpy(d, h, i * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    { name: 'python: batches from a loader', language: 'python', code: 'import torch\nfor x, y in loader:\n    x = x.cuda()\n' },
    {
      name: 'python: slices of a big array',
      language: 'python',
      code: 'import cupy as cp\nfor i in range(10):\n    d = cp.asarray(big[i * 100:(i + 1) * 100])\n',
    },
    {
      name: 'blocking OpenCL read is left to opencl-blocking-transfer-in-loop',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem b, float* h) {\n  for (int i = 0; i < 4; i++) clEnqueueReadBuffer(q, b, CL_TRUE, 0, 64, h, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'a copy between clock reads inside the loop body is what is measured',
      language: 'cuda',
      code: 'void f(float* h, float* d, cudaEvent_t a, cudaEvent_t b, float* ms) {\n  for (int r = 0; r < 100; r++) {\n    cudaEventRecord(a);\n    cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n    cudaEventRecord(b);\n    cudaEventElapsedTime(ms, a, b);\n  }\n}\n',
    },
    {
      name: 'python: to_gpu of a NumPy array built from the loop variable is new data each trip',
      language: 'python',
      code: 'import numpy as np\nfrom pycuda import gpuarray\nfor k in range(10):\n    a = gpuarray.to_gpu(np.array(k, dtype=np.float32))\n',
    },
    {
      name: 'python: to_gpu of a random array is new data each trip',
      language: 'python',
      code: 'import numpy as np\nfrom pycuda import gpuarray\nfor k in range(10):\n    a = gpuarray.to_gpu(np.random.rand(16))\n',
    },
  ],
  invalid: [
    {
      name: 'a copy before the timer starts in a benchmark loop is not measured',
      language: 'cuda',
      code: 'void f(float* h, float* d, cudaEvent_t a, cudaEvent_t b, float* ms) {\n  for (int r = 0; r < 100; r++) {\n    cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n    cudaEventRecord(a);\n    k<<<1, 32>>>(d);\n    cudaEventRecord(b);\n    cudaEventElapsedTime(ms, a, b);\n  }\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 3 }],
    },
    {
      name: 'python: the same constant uploaded on every trip of a benchmark-size loop, before its timer starts',
      language: 'python',
      code: 'import numpy\nimport pycuda.driver as drv\nfrom pycuda import gpuarray\ndef main(dtype):\n    for size_exp in range(10, 26):\n        a = gpuarray.to_gpu(numpy.array(5, dtype=dtype))\n        start = drv.Event()\n        stop = drv.Event()\n        start.record()\n        stop.record()\n        stop.synchronize()\n        print(stop.time_since(start))\n',
      errors: [{ messageId: 'copyInLoop', line: 6 }],
    },
    {
      name: 'D2H with no kernel in the loop reads the same bytes again',
      language: 'cuda',
      code: 'void f(float* h, float* d) {\n  step<<<1, 1>>>(d);\n  for (int i = 0; i < 4; i++) {\n    cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n    printf("%f", h[0]);\n  }\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 4 }],
    },
    {
      name: 'a clock read after the loop alone is not a benchmark bracket',
      language: 'cuda',
      code: 'void f(float* h, float* d) {\n  for (int i = 0; i < 4; i++) {\n    cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n    step<<<1, 1>>>(d);\n  }\n  clock_t t = clock();\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 3 }],
    },
    {
      name: 'constant matrix re-uploaded every iteration',
      language: 'cuda',
      code: 'void f(float* h, float* d) {\n  for (int it = 0; it < 100; ++it) {\n    cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n  }\n}\n',
      errors: [
        {
          messageId: 'copyInLoop',
          line: 3,
          column: 5,
          endColumn: 54,
          includes: ['1.00 MiB (1,048,576 bytes)', 'loop at line 2 (100 iterations)', '100.00 MiB (104,857,600 bytes) in all'],
        },
      ],
    },
    {
      name: 'result read back every iteration of a while loop',
      language: 'cuda',
      code: 'void f(float* h, float* d, int n) {\n  while (n--) {\n    cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n  }\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 3, includes: ['64 bytes device-to-host', 'loop at line 2'] }],
    },
    {
      name: 'python: numba re-upload of constants',
      language: 'python',
      code: 'import numpy as np\nfrom numba import cuda\nc = np.ones(9, dtype=np.float32)\nfor step in range(500):\n    d = cuda.to_device(c)\n',
      errors: [
        {
          messageId: 'copyInLoop',
          line: 5,
          includes: ['36 bytes', '500 iterations', '17.58 KiB (18,000 bytes) in all, into a new device array it allocates each time'],
        },
      ],
    },
    {
      name: 'a copy into a buffer allocated once: no allocation said',
      language: 'cuda',
      code: 'void f(float* h, int n) {\n  float* d;\n  cudaMalloc(&d, 64);\n  for (int i = 0; i < n; i++) cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n}\n',
      errors: [{ messageId: 'copyInLoop', line: 4, excludes: ['allocates'] }],
    },
  ],
});
