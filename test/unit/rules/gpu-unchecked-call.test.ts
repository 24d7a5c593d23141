import { rule } from '../../../src/core/rules/gpu-unchecked-call';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'stored status read after the call',
      language: 'cuda',
      code: 'int f(float** d) {\n  cudaError_t e = cudaMalloc(d, 64);\n  if (e != cudaSuccess) return 1;\n  return 0;\n}\n',
    },
    {
      name: 'stored statuses accumulated and tested',
      language: 'cuda',
      code: 'int f(float* d, float* h) {\n  cudaError_t e = cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n  e |= cudaMemset(d, 0, 64);\n  return e != cudaSuccess;\n}\n',
    },
    {
      name: 'device-side calls in a __global__ function are not host calls',
      language: 'cuda',
      code: '__global__ void parent(float* d) {\n  cudaDeviceSynchronize();\n  float* p;\n  cudaMalloc(&p, 64);\n}\n',
    },
    {
      name: 'device-side call in a __device__ helper',
      language: 'cuda',
      code: 'static __device__ void launchChild(float* d) {\n  cudaStreamSynchronize(0);\n}\n',
    },
    {
      name: 'runtime calls followed by cudaGetLastError',
      language: 'cuda',
      code: 'int f(float* d, float* h) {\n  cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n  cudaError_t e = cudaGetLastError();\n  return e != cudaSuccess;\n}\n',
    },
    {
      name: 'cleanup in an error path',
      language: 'cuda',
      code: 'int f(float* d, float* h) {\n  cudaError_t e = cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n  if (e != cudaSuccess) {\n    cudaFree(d);\n    return 1;\n  }\n  return 0;\n}\n',
    },
    {
      name: 'assigned and tested',
      language: 'cuda',
      code: 'int f(float** d) {\n  cudaError_t e = cudaMalloc(d, 64);\n  if (e != cudaSuccess) return 1;\n  if (cudaFree(*d) != cudaSuccess) return 1;\n  return 0;\n}\n',
    },
    { name: 'wrapped in a macro', language: 'cuda', code: '#define CHECK(x) x\nvoid f(float* d) {\n  CHECK(cudaMemset(d, 0, 64));\n}\n' },
    {
      // A project check macro named like a runtime call (llm.c style): the macro is no API call, the wrapped calls are checked.
      name: 'a check macro named like a CUDA call, its body parenthesised',
      language: 'cuda',
      code: 'void cuda_check(cudaError_t e, const char* f, int l) { if (e != cudaSuccess) exit(1); }\n#define cudaCheck(err) (cuda_check(err, __FILE__, __LINE__))\nint main() {\n  float* d;\n  cudaCheck(cudaMalloc(&d, 64));\n  cudaCheck(cudaMemset(d, 0, 64));\n  cudaCheck(cudaFree(d));\n  return 0;\n}\n',
    },
    {
      name: 'a block macro named like a CUDA call',
      language: 'cuda',
      code: '#define cudaErrCheck(stat) { cudaErrCheck_((stat), __FILE__, __LINE__); }\nvoid cudaErrCheck_(cudaError_t s, const char* f, int l) { if (s) exit(1); }\nvoid g(float* d) {\n  cudaErrCheck(cudaMemset(d, 0, 64));\n}\n',
    },
    {
      name: 'launch followed by cudaGetLastError',
      language: 'cuda',
      code: 'void f(float* d) {\n  k<<<1, 32>>>(d);\n  CHECK(cudaGetLastError());\n}\n',
    },
    {
      name: 'launch followed by a checked synchronize',
      language: 'cuda',
      code: 'int f(float* d) {\n  k<<<1, 32>>>(d);\n  return cudaDeviceSynchronize() == cudaSuccess;\n}\n',
    },
    {
      name: 'cudaLaunchKernelEx followed by cudaPeekAtLastError',
      language: 'cuda',
      code: 'cudaError_t f(cudaLaunchConfig_t* c, void* k) {\n  cudaLaunchKernelEx(c, k);\n  return cudaPeekAtLastError();\n}\n',
    },
    { name: 'explicit (void) discard', language: 'cuda', code: 'void f(float* d) {\n  (void)cudaFree(d);\n}\n' },
    {
      name: 'a cudaXxx helper defined in this file is not the vendor API',
      language: 'cuda',
      code: 'void cudaLaunchWorkaround(void* f) {}\nvoid g(void* f) {\n  cudaLaunchWorkaround(f);\n}\n',
    },
    {
      name: 'launch followed by a helper of this file that asks cudaGetLastError',
      language: 'cuda',
      code: 'void checkLast(const char* m) {\n  cudaError_t e = cudaGetLastError();\n  if (e != cudaSuccess) exit(1);\n}\nvoid f(float* d) {\n  k<<<1, 32>>>(d);\n  checkLast("k");\n}\n',
    },
    {
      name: 'launch followed by a macro over a function that asks cudaPeekAtLastError',
      language: 'cuda',
      code: 'inline void last_(const char* m, int l) {\n  if (cudaPeekAtLastError() != cudaSuccess) exit(1);\n}\n#define LAST_ERROR(m) last_(m, __LINE__)\nvoid f(float* d) {\n  k<<<1, 32>>>(d);\n  LAST_ERROR("k");\n}\n',
    },
    {
      name: 'a launcher whose every caller in the file checks after calling it',
      language: 'cuda',
      code: 'void launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\nvoid f(float* d) {\n  launch_k(d);\n  CHECK(cudaGetLastError());\n}\nvoid g(float* d) {\n  launch_k(d);\n  CHECK(cudaDeviceSynchronize());\n}\n',
    },
    {
      name: 'a launcher passed as a value to a function that calls it and then checks',
      language: 'cuda',
      code: 'typedef void (*Launch)(float*);\nvoid launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\nvoid run(float* d, Launch launch) {\n  launch(d);\n  CHECK(cudaGetLastError());\n}\nint main() {\n  run(0, launch_k);\n  return 0;\n}\n',
    },
    {
      name: 'a launcher passed to a function template that calls it and then checks',
      language: 'cuda',
      code: 'void launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\ntemplate <class Launch>\nvoid run(float* d, Launch launch) {\n  launch(d);\n  CHECK(cudaGetLastError());\n}\nint main() {\n  run(0, launch_k);\n  return 0;\n}\n',
    },
    {
      name: 'a project function named like a CUDA call that the toolkit does not have',
      language: 'cuda',
      code: 'extern "C" void cudaGenerateSpectrumKernel(float* d, int n);\nvoid f(float* d) {\n  cudaGenerateSpectrumKernel(d, 64);\n}\n',
    },
    {
      // cuDLALayerwiseStatsHybrid: a best-effort teardown helper; checking it would report a secondary error.
      name: 'a cleanup helper called only on failure paths: its frees and destroys run after something failed',
      language: 'cuda',
      code: 'struct Res { float* d; float* h; cudaStream_t s; };\nvoid cleanUp(Res* r) {\n  if (r->d != NULL) {\n    cudaFree(r->d);\n    r->d = NULL;\n  }\n  cudaFreeHost(r->h);\n  cudaStreamDestroy(r->s);\n}\nint main() {\n  Res r = {};\n  cudaError_t e = cudaMalloc(&r.d, 64);\n  if (e != cudaSuccess) {\n    cleanUp(&r);\n    return 1;\n  }\n  e = cudaStreamCreate(&r.s);\n  if (e != cudaSuccess) {\n    fprintf(stderr, "stream: %s", cudaGetErrorString(e));\n    cleanUp(&r);\n    return 1;\n  }\n  CHECK(cudaStreamDestroy(r.s));\n  CHECK(cudaFree(r.d));\n  return 0;\n}\n',
    },
    {
      name: 'non-status helpers',
      language: 'cuda',
      code: 'void f(cudaError_t e) {\n  puts(cudaGetErrorString(e));\n  cudaExtent x = make_cudaExtent(1, 2, 3);\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a cleanup helper that the run that succeeded also calls is ordinary teardown (info, as teardown is)',
      language: 'cuda',
      code: 'struct Res { float* d; float* h; cudaStream_t s; };\nvoid cleanUp(Res* r) {\n  if (r->d != NULL) {\n    cudaFree(r->d);\n    r->d = NULL;\n  }\n  cudaFreeHost(r->h);\n  cudaStreamDestroy(r->s);\n}\nint main() {\n  Res r = {};\n  cudaError_t e = cudaMalloc(&r.d, 64);\n  if (e != cudaSuccess) {\n    cleanUp(&r);\n    return 1;\n  }\n  cleanUp(&r);\n  return 0;\n}\n',
      errors: [{ messageId: 'calls', line: 4, severity: 'info', includes: ['3 CUDA calls in cleanUp'] }],
    },
    {
      name: 'a cleanup helper also registered as a value (atexit) runs at a normal exit too',
      language: 'cuda',
      code: 'float* g_d;\nvoid cleanUp() {\n  cudaFree(g_d);\n}\nint main() {\n  atexit(cleanUp);\n  if (cudaMalloc(&g_d, 64) != cudaSuccess) {\n    cleanUp();\n    return 1;\n  }\n  return 0;\n}\n',
      errors: [{ messageId: 'call', line: 3, severity: 'info' }],
    },
    {
      name: 'a failure-only helper: a copy in it is not teardown and stays reported',
      language: 'cuda',
      code: 'void dumpAndFree(float* h, float* d) {\n  cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n  cudaFree(d);\n}\nint main() {\n  float *d, h[16];\n  if (cudaMalloc(&d, 64) != cudaSuccess) return 1;\n  if (cudaMemset(d, 0, 64) != cudaSuccess) {\n    dumpAndFree(h, d);\n    return 1;\n  }\n  CHECK(cudaFree(d));\n  return 0;\n}\n',
      errors: [{ messageId: 'call', line: 2, severity: 'warning', includes: ['cudaMemcpy'] }],
      output:
        'void dumpAndFree(float* h, float* d) {\n  CHECK(cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost));\n  cudaFree(d);\n}\nint main() {\n  float *d, h[16];\n  if (cudaMalloc(&d, 64) != cudaSuccess) return 1;\n  if (cudaMemset(d, 0, 64) != cudaSuccess) {\n    dumpAndFree(h, d);\n    return 1;\n  }\n  CHECK(cudaFree(d));\n  return 0;\n}\n',
    },
    {
      name: 'a launcher with one caller in the file that never checks',
      language: 'cuda',
      code: 'void launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\nvoid f(float* d) {\n  launch_k(d);\n  CHECK(cudaGetLastError());\n}\nvoid g(float* d) {\n  launch_k(d);\n}\n',
      errors: [{ messageId: 'launch', line: 2, includes: ['k'] }],
    },
    {
      name: 'a launcher passed as a value to a function that calls it and never checks',
      language: 'cuda',
      code: 'typedef void (*Launch)(float*);\nvoid launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\nvoid run(float* d, Launch launch) {\n  launch(d);\n}\nint main() {\n  run(0, launch_k);\n  return 0;\n}\n',
      errors: [{ messageId: 'launch', line: 3 }],
    },
    {
      name: 'an allocation followed by more work before the one cudaGetLastError',
      language: 'cuda',
      code: 'void f(float** d, float* h) {\n  cudaMalloc(d, 64);\n  cudaMemcpy(*d, h, 64, cudaMemcpyHostToDevice);\n  CHECK(cudaGetLastError());\n}\n',
      errors: [{ messageId: 'call', line: 2, includes: ['cudaMalloc'] }],
    },
    {
      name: 'an API call of an earlier CUDA release the toolkit no longer declares',
      language: 'cuda',
      code: 'void f() {\n  cudaThreadSynchronize();\n}\n',
      errors: [{ messageId: 'call', line: 2, includes: ['cudaThreadSynchronize'] }],
    },
    {
      name: 'stored status overwritten before it is read: reported, no wrap fix on the stored call',
      language: 'cuda',
      code: '#define CHECK(x) do { if ((x) != cudaSuccess) abort(); } while (0)\nint f(float** d, float* h) {\n  cudaError_t e = cudaMalloc(d, 64);\n  e = cudaMemcpy(*d, h, 64, cudaMemcpyHostToDevice);\n  CHECK(e);\n  return 0;\n}\n',
      errors: [{ messageId: 'stored', line: 3, column: 19, includes: ['cudaMalloc', 'stored in e'], severity: 'warning' }],
    },
    {
      name: 'discarded cudaMalloc status, no checking macro in the file',
      language: 'cuda',
      code: 'void f(float** d) {\n  cudaMalloc(d, 64);\n}\n',
      errors: [{ messageId: 'call', line: 2, column: 3, endColumn: 20, includes: ['cudaMalloc', 'CUDA_CHECK(...)'] }],
    },
    {
      name: "fix wraps the call in the file's own macro",
      language: 'cuda',
      code: 'void f(float* d) {\n  CUDA_CHECK(cudaMemset(d, 0, 64));\n  cudaDeviceSynchronize();\n}\n',
      errors: [{ messageId: 'call', line: 3, includes: ["this file's CUDA_CHECK(...)"] }],
      output: 'void f(float* d) {\n  CUDA_CHECK(cudaMemset(d, 0, 64));\n  CUDA_CHECK(cudaDeviceSynchronize());\n}\n',
    },
    {
      name: 'launch never checked',
      language: 'cuda',
      code: 'void f(float* d) {\n  scale<<<64, 256>>>(d);\n}\n',
      errors: [{ messageId: 'launch', line: 2, column: 3, endColumn: 24, includes: ['scale'] }],
    },
    {
      name: "launch fix: the file's macro reads cudaGetLastError() on the next line",
      language: 'cuda',
      code: '#define CHECK(x) x\nvoid f(float* d) {\n  CHECK(cudaMemset(d, 0, 4));\n    scale<<<64, 256>>>(d);\n}\n',
      errors: [{ messageId: 'launch', line: 4, includes: ['scale'] }],
      output:
        '#define CHECK(x) x\nvoid f(float* d) {\n  CHECK(cudaMemset(d, 0, 4));\n    scale<<<64, 256>>>(d);\n    CHECK(cudaGetLastError());\n}\n',
    },
    {
      name: 'launch fix without a macro: printed through stdio when the file includes it',
      language: 'cuda',
      code: '#include <cstdio>\nvoid f(float* d) {\n  ns::scale<<<64, 256>>>(d);\n}\n',
      errors: [{ messageId: 'launch', line: 3 }],
      output:
        '#include <cstdio>\nvoid f(float* d) {\n  ns::scale<<<64, 256>>>(d);\n  { const cudaError_t launchStatus = cudaGetLastError(); if (launchStatus != cudaSuccess) fprintf(stderr, "kernel launch failed: %s\\n", cudaGetErrorString(launchStatus)); }\n}\n',
    },
    {
      name: 'no launch fix where a second statement would leave an unbraced if',
      language: 'cuda',
      code: '#define CHECK(x) x\nvoid f(float* d, int on) {\n  CHECK(cudaMemset(d, 0, 4));\n  if (on)\n    scale<<<64, 256>>>(d);\n  else\n    return;\n}\n',
      errors: [{ messageId: 'launch', line: 5 }],
    },
    {
      name: 'one finding per function: a launch and a driver call',
      language: 'cuda',
      code: 'void f(float* d, CUdeviceptr p) {\n  scale<<<64, 256>>>(d);\n  cuMemsetD8(p, 0, 64);\n}\n',
      errors: [{ messageId: 'calls', line: 2, includes: ['2 CUDA calls in f', 'scale<<<>>>, cuMemsetD8'] }],
    },
    {
      name: 'events, queries and teardown only: one finding a severity level lower (info)',
      language: 'cuda',
      code: 'void f(float* d, cudaEvent_t a, cudaEvent_t b) {\n  float ms;\n  int n;\n  cudaEventCreate(&a);\n  cudaEventRecord(a);\n  cudaEventElapsedTime(&ms, a, b);\n  cudaGetDeviceCount(&n);\n  cudaFree(d);\n  cudaEventDestroy(a);\n  cudaDeviceReset();\n}\n',
      errors: [{ messageId: 'calls', line: 4, severity: 'info', includes: ['7 CUDA calls in f', 'cudaEventRecord', 'cudaDeviceReset'] }],
    },
    {
      name: 'one finding per function, one fix wraps every call; other functions get their own',
      language: 'cuda',
      code: 'void f(float* d, float* h) {\n  CHECK(cudaMemset(d, 0, 64));\n  cudaMalloc(&d, 64);\n  cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n  cudaEventRecord(e);\n}\nvoid g(float* d) {\n  cudaMemset(d, 0, 64);\n}\n',
      errors: [
        {
          messageId: 'calls',
          line: 3,
          severity: 'warning',
          includes: ['3 CUDA calls in f', 'cudaMalloc, cudaMemcpy, cudaEventRecord', "this file's CHECK(...)"],
        },
        { messageId: 'call', line: 8, severity: 'warning' },
      ],
      output:
        'void f(float* d, float* h) {\n  CHECK(cudaMemset(d, 0, 64));\n  CHECK(cudaMalloc(&d, 64));\n  CHECK(cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice));\n  CHECK(cudaEventRecord(e));\n}\nvoid g(float* d) {\n  CHECK(cudaMemset(d, 0, 64));\n}\n',
    },
    {
      name: 'cudaLaunchKernel never checked',
      language: 'cuda',
      code: 'void f(void** args) {\n  cudaLaunchKernel((void*)scale, 64, 256, args, 0, 0);\n}\n',
      errors: [{ messageId: 'launch', line: 2, includes: ['(void*)scale'] }],
    },
  ],
});
