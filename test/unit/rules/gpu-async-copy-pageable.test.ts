import { rule } from '../../../src/core/rules/gpu-async-copy-pageable';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'OpenCL non-blocking write from malloc memory',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_mem b, size_t n) {\n  float* h = (float*)malloc(n);\n  clEnqueueWriteBuffer(q, b, CL_FALSE, 0, n, h, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'pinned with cudaMallocHost',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h;\n  cudaMallocHost(&h, 4096);\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n}\n',
    },
    {
      name: 'malloc then cudaHostRegister',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(4096);\n  cudaHostRegister(h, 4096, cudaHostRegisterDefault);\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n}\n',
    },
    {
      name: 'synchronous copy from malloc memory is fine',
      language: 'cuda',
      code: 'void f(float* d) {\n  float* h = (float*)malloc(4096);\n  cudaMemcpy(d, h, 4096, cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'unknown origin: no guess',
      language: 'cuda',
      code: 'void f(float* d, float* h, cudaStream_t s) {\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n}\n',
    },
    {
      name: 'python: pinned tensor',
      language: 'python',
      code: 'import torch\nt = torch.zeros(1024, pin_memory=True)\ng = t.to("cuda", non_blocking=True)\n',
    },
    {
      name: 'python: pinned DataLoader',
      language: 'python',
      code: 'import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, pin_memory=True)\nfor x in loader:\n    x = x.cuda(non_blocking=True)\n',
    },
    {
      name: 'a one-shot readback waited for at once: no kernel could overlap it',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(4096);\n  float* r = (float*)malloc(64);\n  cudaMemcpyAsync(h, d, 4096, cudaMemcpyDeviceToHost, s);\n  cudaMemcpyAsync(r, d, 64, cudaMemcpyDeviceToHost, s);\n  cudaStreamSynchronize(s);\n}\n',
    },
  ],
  invalid: [
    {
      name: 'python: device held in a plain string, then .to(device, non_blocking=True)',
      language: 'python',
      code: 'import torch\ndevice = "cuda" if torch.cuda.is_available() else "cpu"\nt = torch.randn(1024)\ng = t.to(device, non_blocking=True)\n',
      errors: [{ messageId: 'pageable', line: 4, includes: ["'t'"] }],
    },
    {
      name: 'python: numba to_device with a positional stream',
      language: 'python',
      code: 'import numpy as np\nfrom numba import cuda\nh = np.zeros(1024, dtype=np.float32)\ns = cuda.stream()\nd = cuda.to_device(h, s)\n',
      errors: [{ messageId: 'pageable', line: 5, includes: ["'h'"] }],
    },
    {
      name: 'python: cupy runtime memcpy2DAsync from a NumPy array',
      language: 'python',
      code: 'import numpy as np\nimport cupy as cp\nh = np.zeros((64, 64), dtype=np.float32)\nd = cp.empty((64, 64), dtype=cp.float32)\ncp.cuda.runtime.memcpy2DAsync(d.data.ptr, 256, h.ctypes.data, 256, 256, 64, cp.cuda.runtime.memcpyHostToDevice, s.ptr)\n',
      errors: [{ messageId: 'pageable', line: 5, includes: ["'h'"] }],
    },
    {
      name: 'python: pycuda set_async from pageable memory',
      language: 'python',
      code: 'import numpy as np\nimport pycuda.gpuarray as gpuarray\nh = np.zeros(1024, dtype=np.float32)\na_gpu = gpuarray.empty(1024, dtype=np.float32)\na_gpu.set_async(h, stream)\n',
      errors: [{ messageId: 'pageable', line: 5, includes: ["'h'", 'pagelocked'] }],
    },
    {
      name: 'malloc buffer',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(4096);\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n}\n',
      errors: [
        { messageId: 'pageable', line: 3, column: 3, endColumn: 57, includes: ["host buffer 'h' is pageable (malloc at line 2)", 'cudaMallocHost'] },
      ],
    },
    {
      name: 'new[] and std::vector, device-to-host',
      language: 'cpp',
      code: '#include <vector>\nvoid f(float* d, cudaStream_t s) {\n  float* a = new float[256];\n  std::vector<float> v(256);\n  cudaMemcpyAsync(a, d, 1024, cudaMemcpyDeviceToHost, s);\n  cudaMemcpyAsync(d, v.data(), 1024, cudaMemcpyHostToDevice, s);\n}\n',
      errors: [
        { messageId: 'pageable', line: 5, includes: ["'a'", 'new at line 3'] },
        { messageId: 'pageable', line: 6, includes: ["'v'", 'std::vector at line 4'] },
      ],
    },
    {
      name: 'an upload a kernel follows before the wait: it could have overlapped',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(4096);\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n  k<<<1, 32, 0, s>>>(d);\n  cudaStreamSynchronize(s);\n}\n',
      errors: [{ messageId: 'pageable', line: 3 }],
    },
    {
      name: 'an upload meant to overlap host work before the wait (a CPU solve in between)',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(4096);\n  cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n  solve_on_cpu(h);\n  cudaStreamSynchronize(s);\n}\n',
      errors: [{ messageId: 'pageable', line: 3 }],
    },
    {
      name: 'in a loop the copies pipeline with the work of other trips: reported even when waited for',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s, int n) {\n  float* h = (float*)malloc(4096);\n  for (int i = 0; i < n; i++) {\n    cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n    cudaStreamSynchronize(s);\n  }\n}\n',
      errors: [{ messageId: 'pageable', line: 4 }],
    },
    {
      name: 'registered only after the copy',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s) {\n  float* h = (float*)malloc(64);\n  cudaMemcpyAsync(d, h, 64, cudaMemcpyHostToDevice, s);\n  cudaHostRegister(h, 64, 0);\n}\n',
      errors: [{ messageId: 'pageable', line: 3 }],
    },
    {
      name: 'python: non_blocking from a plain tensor',
      language: 'python',
      code: 'import torch\nt = torch.randn(1024, 1024)\ng = t.to("cuda", non_blocking=True)\n',
      errors: [{ messageId: 'pageable', line: 3, column: 5, includes: ["'t'", 'torch.randn at line 2', 'pin_memory'] }],
    },
  ],
});
