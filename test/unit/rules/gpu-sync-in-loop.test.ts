import { rule } from '../../../src/core/rules/gpu-sync-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      // cuBLAS in host pointer mode returns a reduction only once its result is in host memory: the trip waits there anyway.
      name: 'a convergence loop whose cuBLAS dot product returns to a host scalar (conjugate gradient)',
      language: 'cuda',
      code: 'void cg(cublasHandle_t h, float* d_p, float* d_r, float* d_x, int n, float tol) {\n  float r1 = 1.0f, dot = 0.0f, a;\n  int k = 1;\n  while (r1 > tol && k < 100) {\n    step<<<n / 256, 256>>>(d_p, d_r);\n    cublasSdot(h, n, d_p, 1, d_r, 1, &dot);\n    a = r1 / dot;\n    cublasSaxpy(h, n, &a, d_p, 1, d_x, 1);\n    cublasSdot(h, n, d_r, 1, d_r, 1, &r1);\n    cudaDeviceSynchronize();\n    k++;\n  }\n}\n',
    },
    {
      name: 'CUDA-GL interop: the wait orders the kernel before OpenGL reads the shared texture next trip',
      language: 'cuda',
      code: 'void run(CUsurfObject w, CUsurfObject r, int n) {\n  for (int z = 0; z < n; z++) {\n    glCopyImageSubData(t0, GL_TEXTURE_2D, 0, 0, 0, 0, t1, GL_TEXTURE_2D, 0, 0, 0, 0, 64, 64, 1);\n    glFinish();\n    update<<<16, 256>>>(w, r);\n    cuCtxSynchronize();\n  }\n}\n',
    },
    {
      // Double buffering (host I/O on one pinned buffer while the copy fills the other): the wait guards the swap.
      name: 'double-buffered device-to-file copy: the wait guards the host buffer the next trip reuses',
      language: 'cuda',
      code: 'void dump(char* rd, char* wr, const char* src, size_t n, size_t b, FILE* f, cudaStream_t s) {\n  while (n > 0) {\n    cudaMemcpyAsync(rd, src, b, cudaMemcpyDeviceToHost, s);\n    fwrite(wr, 1, b, f);\n    cudaStreamSynchronize(s);\n    char* t = rd; rd = wr; wr = t;\n    src += b; n -= b;\n  }\n}\n',
    },
    {
      name: 'a host buffer refilled every trip before its async upload',
      language: 'cuda',
      code: 'void feed(float* h, float* d, int n, cudaStream_t s) {\n  for (int i = 0; i < n; i++) {\n    fill(h, i);\n    cudaMemcpyAsync(d, h, 4096, cudaMemcpyHostToDevice, s);\n    k<<<1, 32, 0, s>>>(d);\n    cudaStreamSynchronize(s);\n  }\n}\n',
    },
    {
      name: 'a sync compiled only in debug builds',
      language: 'cpp',
      code: 'void f(Layer** layers, int n) {\n  for (int l = 0; l < n; l++) {\n    layers[l]->forward();\n#if (DEBUG_FORWARD)\n    cudaDeviceSynchronize();\n#endif\n  }\n}\n',
    },
    {
      name: 'per-device wait after all work is queued',
      language: 'cuda',
      code: 'void f(float** d, int n) {\n  for (int g = 0; g < n; g++) { cudaSetDevice(g); k<<<1, 32>>>(d[g]); }\n  for (int g = 0; g < n; g++) {\n    cudaSetDevice(g);\n    cudaDeviceSynchronize();\n  }\n}\n',
    },
    {
      name: 'per-device wait that reads the last error through a helper of the file',
      language: 'cuda',
      code: 'void lastError(const char* m) {\n  if (cudaGetLastError() != cudaSuccess) exit(1);\n}\nvoid f(float** d, int n) {\n  for (int g = 0; g < n; g++) { cudaSetDevice(g); k<<<1, 32>>>(d[g]); }\n  for (int g = 0; g < n; g++) {\n    cudaSetDevice(g);\n    cudaDeviceSynchronize();\n    lastError("k");\n  }\n}\n',
    },
    {
      name: 'per-device wait over a container of devices (its iterator is no work)',
      language: 'cuda',
      code: 'void f(std::vector<int>& ids, cudaStream_t* s) {\n  auto it = ids.begin();\n  int c = 0;\n  while (it != ids.end()) {\n    cudaSetDevice(*it);\n    cudaStreamSynchronize(s[c++]);\n    it++;\n  }\n}\n',
    },
    {
      name: 'teardown per stream: wait, then destroy what the stream used',
      language: 'cuda',
      code: 'void f(cudaStream_t* s, cudaGraphExec_t* g, cudaMemPool_t* p, int n) {\n  for (int i = 0; i < n; i++) {\n    cudaStreamSynchronize(s[i]);\n    cudaGraphExecDestroy(g[i]);\n    cudaMemPoolDestroy(p[i]);\n    cudaStreamDestroy(s[i]);\n  }\n}\n',
    },
    {
      name: 'a wait before a barrier with sibling processes: the hand-off needs the work complete',
      language: 'cuda',
      code: 'void f(float* d, cudaStream_t s, int n) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32, 0, s>>>(d);\n    cudaStreamSynchronize(s);\n    // wait for the others\n    barrierWait(&shm->barrier, n);\n  }\n}\n',
    },
    {
      name: 'a blocking copy in the same trip already waits for the device',
      language: 'cuda',
      code: 'void f(float* d, float* h, int n) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n    cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n    use(h);\n  }\n}\n',
    },
    {
      name: 'benchmark: sync inside a timed loop',
      language: 'cuda',
      code: 'void f(float* d, cudaEvent_t a, cudaEvent_t b) {\n  float ms;\n  for (int r = 0; r < 10; r++) {\n    cudaEventRecord(a);\n    k<<<1, 32>>>(d);\n    cudaEventRecord(b);\n    cudaEventSynchronize(b);\n    cudaEventElapsedTime(&ms, a, b);\n  }\n}\n',
    },
    {
      name: 'timed from outside (clock_gettime around the loop): no launch of the file in the trip, only a call it does not show',
      language: 'c',
      code: 'void f(float* d) {\n  struct timespec t0, t1;\n  clock_gettime(CLOCK_MONOTONIC, &t0);\n  for (int r = 0; r < 10; r++) { step(d); cudaDeviceSynchronize(); }\n  clock_gettime(CLOCK_MONOTONIC, &t1);\n}\n',
    },
    {
      name: 'sync once on the first iteration',
      language: 'cuda',
      code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) {\n    k<<<1, 32>>>(d);\n    if (i == 0) cudaDeviceSynchronize();\n  }\n}\n',
    },
    {
      name: 'sync then break',
      language: 'cuda',
      code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) {\n    k<<<1, 32>>>(d);\n    if (done(i)) {\n      cudaDeviceSynchronize();\n      break;\n    }\n  }\n}\n',
    },
    {
      name: 'python: torch.cuda.Event timing loop',
      language: 'python',
      code: 'import torch\nstart = torch.cuda.Event(enable_timing=True)\nend = torch.cuda.Event(enable_timing=True)\nfor i in range(10):\n    start.record()\n    y = model(x)\n    end.record()\n    torch.cuda.synchronize()\n    ms = start.elapsed_time(end)\n',
    },
    {
      // A warm-up stage then a measured one: the stages are written out, each timed with its closing sync.
      name: 'python: stages over a written-out list, each timed (t0 … sync; t1)',
      language: 'python',
      code: 'import time\nimport torch\nfor stage, steps in enumerate([10, 20]):\n    t0 = time.time()\n    for k in range(steps):\n        y = model(x)\n    torch.cuda.synchronize()\n    t1 = time.time()\n',
    },
    {
      name: 'python: time.time around a counted loop whose work is a model call (no kernel launch the file shows)',
      language: 'python',
      code: 'import time\nimport torch\nt0 = time.time()\nfor i in range(10):\n    y = model(x)\n    torch.cuda.synchronize()\nprint(time.time() - t0)\n',
    },
    {
      name: 'sync after the loop',
      language: 'cuda',
      code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) k<<<1, 32>>>(d);\n  cudaDeviceSynchronize();\n}\n',
    },
    { name: 'stream sync outside any loop', language: 'cuda', code: 'void f() {\n  cudaStreamSynchronize(0);\n}\n' },
    {
      name: 'python: torch sync outside',
      language: 'python',
      code: 'import torch\nfor i in range(3):\n    y = model(x)\ntorch.cuda.synchronize()\n',
    },
    {
      name: 'python: a sync before the timer starts in a benchmark loop (so the timing starts on an idle device)',
      language: 'python',
      code: 'import pycuda.driver as cuda\nfor n in range(10):\n    start = cuda.Event()\n    stop = cuda.Event()\n    cuda.Context.synchronize()\n    start.record()\n    stop.record()\n    stop.synchronize()\n    print(stop.time_since(start))\n',
    },
    {
      // The author says the per-step wait is deliberate (as `// falls through` marks a deliberate case in ESLint).
      name: 'benchmark: a helper timed by its only caller, whose wait a comment says is there for the measurement',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nint steps(float* d, int n) {\n  for (int t = 0; t < n; t++) {\n    k<<<1, 32>>>(d);\n    // for the measurement fairness\n    cudaDeviceSynchronize();\n  }\n  return 0;\n}\nint main() {\n  struct timeval t0, t1;\n  float* d = 0;\n  gettimeofday(&t0, NULL);\n  int r = steps(d, 10);\n  gettimeofday(&t1, NULL);\n  return r;\n}\n',
    },
    ...(
      [
        ['second()', 'double t0 = second();', 'double t1 = second();'],
        ['gettimeofday', 'gettimeofday(&a, NULL);', 'gettimeofday(&b, NULL);'],
        ['sdkStopTimer', 'sdkStartTimer(&timer);', 'sdkStopTimer(&timer);'],
        ['std::chrono', 'auto t0 = std::chrono::steady_clock::now();', 'auto t1 = std::chrono::steady_clock::now();'],
      ] as const
    ).map(([timer, start, stop]) => ({
      // batchCUBLAS: each test configuration is timed on its own; the checked wait is what makes the reading valid.
      name: `benchmark: a wait that ends each trip's timed region (${timer} read right after it)`,
      language: 'cuda' as const,
      code: `__global__ void k(float* d) {}\nint run(float* d, Params* p, double* total) {\n  struct timeval a, b;\n  while (nextTest(p) == 0) {\n    fill(d, p);\n    ${start}\n    k<<<1, 32>>>(d);\n    cudaError_t status = cudaDeviceSynchronize();\n    if (status != cudaSuccess) {\n      cleanup();\n      return 1;\n    }\n    ${stop}\n    report(p);\n  }\n  return 0;\n}\n`,
    })),
    {
      // UnifiedMemoryStreams: small tasks run on the host, on managed memory attached to the host on a stream.
      name: 'a stream wait before the host touches managed memory it attached to the host on that stream',
      language: 'cuda',
      code: 'void run(Task* tasks, int n, cudaStream_t* stream) {\n  for (int i = 0; i < n; i++) {\n    Task& t = tasks[i];\n    cudaStreamAttachMemAsync(stream[0], t.data, 0, cudaMemAttachHost);\n    cudaStreamSynchronize(stream[0]);\n    gemv(t.size, t.data);\n  }\n}\n',
    },
    {
      name: 'a stream wait before the host reads managed memory prefetched to the CPU on that stream',
      language: 'cuda',
      code: '__global__ void k(float* m) {}\nvoid run(float* m, size_t bytes, int n, cudaStream_t s) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32, 0, s>>>(m);\n    cudaMemPrefetchAsync(m, bytes, cudaCpuDeviceId, s);\n    cudaStreamSynchronize(s);\n    total += m[0];\n  }\n}\n',
    },
    {
      // cudaNvSciBufMultiplanar: a plane per trip, each uploaded with a blocking copy from pageable memory.
      name: 'per-plane loop: a blocking upload to a CUDA array follows the wait (it syncs the stream before it starts)',
      language: 'cuda',
      code: 'void upload(cudaArray_t* arr, unsigned char* buf, size_t* off, size_t* w, size_t* h, int planes) {\n  for (int i = 0; i < planes; i++) {\n    cuCtxSynchronize();\n    cudaMemcpy2DToArray(arr[i], 0, 0, buf + off[i], w[i], w[i], h[i], cudaMemcpyHostToDevice);\n  }\n}\n',
    },
    {
      name: 'per-plane loop: a blocking read-back from a CUDA array precedes the wait',
      language: 'cuda',
      code: 'void dump(cudaArray_t* arr, unsigned char* buf, size_t* w, size_t* h, int planes, FILE* f) {\n  for (int i = 0; i < planes; i++) {\n    cudaMemcpy2DFromArray(buf, w[i], arr[i], 0, 0, w[i], h[i], cudaMemcpyDeviceToHost);\n    cuCtxSynchronize();\n    fwrite(buf, 1, w[i] * h[i], f);\n  }\n}\n',
    },
    {
      // streamOrderedAllocation: each timed trip copies its result back asynchronously; the wait completes the copy.
      name: 'timed from outside: a trip that reads its result back asynchronously times that round trip',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid f(float* h, float* d, size_t bytes, cudaStream_t s, cudaEvent_t a, cudaEvent_t b) {\n  float ms;\n  cudaEventRecord(a, s);\n  for (int i = 0; i < 20; i++) {\n    k<<<1, 32, 0, s>>>(d);\n    cudaMemcpyAsync(h, d, bytes, cudaMemcpyDeviceToHost, s);\n    cudaStreamSynchronize(s);\n  }\n  cudaEventRecord(b, s);\n  cudaEventSynchronize(b);\n  cudaEventElapsedTime(&ms, a, b);\n}\n',
    },
    {
      // nvJPEG's decoupled decode: the host phase, a wait, then the device phases; the library sets the protocol.
      name: 'timed from outside: a trip whose GPU work is queued only through a library',
      language: 'cpp',
      code: 'void decode(Params& p, int n, cudaStream_t s, cudaEvent_t a, cudaEvent_t b) {\n  float ms;\n  cudaEventRecord(a, s);\n  for (int i = 0; i < n; i++) {\n    nvjpegDecodeJpegHost(p.handle, p.state, p.streams[i % 2]);\n    cudaStreamSynchronize(s);\n    nvjpegDecodeJpegTransferToDevice(p.handle, p.state, p.streams[i % 2], s);\n  }\n  cudaEventRecord(b, s);\n  cudaEventSynchronize(b);\n  cudaEventElapsedTime(&ms, a, b);\n}\n',
    },
    {
      name: 'benchmark: an event wait for an earlier cycle of a pipelined multi-stream loop is the targeted wait advised',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid f(float** d, cudaStream_t* s, cudaEvent_t* done, cudaEvent_t t0, int n) {\n  cudaEventRecord(t0, 0);\n  for (int i = 0; i < n; ++i) {\n    int next = (i + 1) % 2;\n    cudaEventSynchronize(done[next]);\n    k<<<1, 32, 0, s[i % 2]>>>(d[i % 2]);\n    cudaEventRecord(done[i % 2], s[i % 2]);\n  }\n  cudaEventRecord(t0, 0);\n  float ms;\n  cudaEventElapsedTime(&ms, t0, t0);\n}\n',
    },
    {
      name: 'benchmark: each kernel timed on its own (a clock read between the sync and the next launch)',
      language: 'cuda',
      code: '__global__ void a(float* d) {}\n__global__ void b(float* d) {}\nvoid f(float* d, double* ta, double* tb) {\n  for (int r = 0; r < 10; r++) {\n    double t0 = seconds();\n    a<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n    double t1 = seconds();\n    b<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n    *ta += t1 - t0;\n    *tb += seconds() - t1;\n  }\n}\n',
    },
  ],
  invalid: [
    {
      // Device pointer mode: the reductions write device memory and return at once; the wait is the only one per trip.
      name: 'the same loop with cuBLAS in device pointer mode',
      language: 'cuda',
      code: 'void cg(cublasHandle_t h, float* d_p, float* d_r, float* d_x, int n, float tol) {\n  float r1 = 1.0f, dot = 0.0f, a;\n  cublasSetPointerMode(h, CUBLAS_POINTER_MODE_DEVICE);\n  int k = 1;\n  while (r1 > tol && k < 100) {\n    step<<<n / 256, 256>>>(d_p, d_r);\n    cublasSdot(h, n, d_p, 1, d_r, 1, &dot);\n    a = r1 / dot;\n    cublasSaxpy(h, n, &a, d_p, 1, d_x, 1);\n    cublasSdot(h, n, d_r, 1, d_r, 1, &r1);\n    cudaDeviceSynchronize();\n    k++;\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 11 }],
    },
    {
      // Each trip copies into its own slice of the host buffer and nothing on the host reads it in the loop.
      name: 'async copies into distinct slices, nothing on the host uses them in the loop: the wait can move after it',
      language: 'cuda',
      code: 'void get(float* h, float* d, int n, cudaStream_t s) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32, 0, s>>>(d + i * 1024);\n    cudaMemcpyAsync(h + i * 1024, d + i * 1024, 4096, cudaMemcpyDeviceToHost, s);\n    cudaStreamSynchronize(s);\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 5 }],
    },
    {
      // Rodinia gaussian: the loop is timed as a whole; both waits serialise host and device every step.
      name: 'a loop timed from outside: a wait per launch is in the measured time, and one after the loop would do',
      language: 'cuda',
      code: '__global__ void a(float* d) {}\n__global__ void b(float* d) {}\nvoid f(float* d, int n) {\n  struct timeval t0, t1;\n  gettimeofday(&t0, NULL);\n  for (int t = 0; t < n; t++) {\n    a<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n    b<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n  }\n  gettimeofday(&t1, NULL);\n}\n',
      errors: [
        { messageId: 'syncInTimedLoop', line: 8, includes: ['loop at line 6', 'timed from outside'] },
        { messageId: 'syncInTimedLoop', line: 10 },
      ],
    },
    {
      name: 'a helper whose only call is bracketed by clock reads: its loop is timed from outside',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nint steps(float* d, int n) {\n  for (int t = 0; t < n; t++) {\n    k<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n  }\n  return 0;\n}\nint main() {\n  struct timeval t0, t1;\n  float* d = 0;\n  gettimeofday(&t0, NULL);\n  int r = steps(d, 10);\n  gettimeofday(&t1, NULL);\n  return r;\n}\n',
      errors: [{ messageId: 'syncInTimedLoop', line: 5 }],
    },
    {
      name: 'python: a Numba kernel launched and waited for on every step of a loop timed from outside',
      language: 'python',
      code: 'import time\nfrom numba import cuda\n\n@cuda.jit\ndef step(d):\n    pass\n\nd = cuda.device_array(1024)\nt0 = time.perf_counter()\nfor i in range(100):\n    step[8, 128](d)\n    cuda.synchronize()\nprint(time.perf_counter() - t0)\n',
      errors: [{ messageId: 'syncInTimedLoop', line: 12, includes: ['(100 iterations)'] }],
    },
    {
      name: 'a comment beside the wait that says nothing about the measurement',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid f(float* d, int n) {\n  double t0 = second();\n  for (int t = 0; t < n; t++) {\n    k<<<1, 32>>>(d);\n    // wait for the kernel\n    cudaDeviceSynchronize();\n  }\n  double t1 = second();\n}\n',
      errors: [{ messageId: 'syncInTimedLoop', line: 7 }],
    },
    {
      name: 'the inner loop of a trip timed per iteration is timed from outside: its own waits are reported',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid f(float* d, int reps, int steps) {\n  for (int r = 0; r < reps; r++) {\n    double t0 = second();\n    for (int s = 0; s < steps; s++) {\n      k<<<1, 32>>>(d);\n      cudaDeviceSynchronize();\n    }\n    double t1 = second();\n  }\n}\n',
      errors: [{ messageId: 'syncInTimedLoop', line: 7 }],
    },
    {
      name: 'managed memory attached to the host that the host never touches in the loop: the wait guards nothing',
      language: 'cuda',
      code: '__global__ void k(float* m) {}\nvoid run(float* m, float* other, int n, cudaStream_t s) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32, 0, s>>>(other);\n    cudaStreamAttachMemAsync(s, m, 0, cudaMemAttachHost);\n    cudaStreamSynchronize(s);\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 6 }],
    },
    {
      name: 'managed memory attached to one stream (not the host): the host read does not need this wait',
      language: 'cuda',
      code: '__global__ void k(float* m) {}\nvoid run(Task* tasks, int n, cudaStream_t s) {\n  for (int i = 0; i < n; i++) {\n    cudaStreamAttachMemAsync(s, tasks[i].data, 0, cudaMemAttachSingle);\n    k<<<1, 32, 0, s>>>(tasks[i].data);\n    cudaStreamSynchronize(s);\n    log(tasks[i].data);\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 6 }],
    },
    {
      name: 'a blocking device-to-device copy does not wait for the host side: the wait is reported',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid f(float* a, float* b, size_t bytes, int n) {\n  for (int i = 0; i < n; i++) {\n    k<<<1, 32>>>(a);\n    cudaMemcpy(b, a, bytes, cudaMemcpyDeviceToDevice);\n    cudaDeviceSynchronize();\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 6 }],
    },
    {
      name: 'a helper called once under a timer and once without is not only a benchmark',
      language: 'cuda',
      code: '__global__ void k(float* d) {}\nvoid steps(float* d, int n) {\n  for (int t = 0; t < n; t++) {\n    k<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n  }\n}\nvoid run(float* d) {\n  steps(d, 4);\n  double t0 = seconds();\n  steps(d, 10);\n  double t1 = seconds();\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 5 }],
    },
    {
      name: 'the #else branch of a debug #if is the release build',
      language: 'cpp',
      code: 'void f(Layer** layers, int n) {\n  for (int l = 0; l < n; l++) {\n    layers[l]->forward();\n#ifdef _DEBUG\n    check();\n#else\n    cudaDeviceSynchronize();\n#endif\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 7 }],
    },
    {
      name: 'python: .item() every batch waits for the GPU',
      language: 'python',
      code: 'import torch\ndevice = "cuda"\nmodel = model.to(device)\nfor x in loader:\n    loss = model(x.to(device))\n    total += loss.item()\n',
      errors: [{ messageId: 'syncInLoop', line: 6, includes: ['Tensor.item'] }],
    },
    {
      name: 'a wall clock around an epoch over a loader is not a benchmark',
      language: 'python',
      code: 'import time\nimport torch\nt0 = time.time()\nfor x in loader:\n    y = model(x)\n    torch.cuda.synchronize()\nprint(time.time() - t0)\n',
      errors: [{ messageId: 'syncInLoop', line: 6 }],
    },
    {
      name: 'a loop that calls work of its own and waits per trip',
      language: 'cuda',
      code: 'void f(Layer** layers, int n) {\n  for (int l = 0; l < n; l++) {\n    layers[l]->forward();\n    cudaDeviceSynchronize();\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 4 }],
    },
    {
      name: 'device sync per iteration',
      language: 'cuda',
      code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) {\n    k<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 4, column: 5, endColumn: 28, includes: ['loop at line 2 (10 iterations)'] }],
    },
    {
      name: 'driver API stream sync in a do-while',
      language: 'cpp',
      code: 'void f(CUstream s) {\n  do {\n    cuStreamSynchronize(s);\n  } while (more());\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 3, includes: ['cuStreamSynchronize', 'loop at line 2'] }],
    },
    {
      name: 'python: cupy and torch',
      language: 'python',
      code: 'import cupy as cp\nimport torch\nfor i in range(5):\n    cp.cuda.Device(0).synchronize()\n    torch.cuda.synchronize()\n',
      errors: [
        { messageId: 'syncInLoop', line: 4, includes: ['(5 iterations)'] },
        { messageId: 'syncInLoop', line: 5 },
      ],
    },
  ],
});
