import { rule } from '../../../src/core/rules/gpu-whole-dataset-upload';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'an iterative algorithm: kernels launched in a loop after the upload keep the data resident',
      language: 'cuda',
      code: '__global__ void step(float* g, int n) {}\nvoid bfs(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  for (int it = 0; it < 100; it++) step<<<64, 256>>>(d, n);\n}\n',
    },
    {
      name: 'byte count held in an int (under 2 GiB by its type)',
      language: 'cuda',
      code: 'void f(unsigned char* h, long w, long hgt) {\n  unsigned char* d;\n  int size = w * hgt * sizeof(unsigned char);\n  cudaMalloc(&d, size);\n  cudaMemcpy(d, h, size, cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'byte count as an int parameter',
      language: 'cuda',
      code: 'void up(float* d, const float* h, int bytes) {\n  cudaMalloc(&d, bytes);\n  cudaMemcpy(d, h, bytes, cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'benchmark size from argv with a small default',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  size_t n = argc > 1 ? atoi(argv[1]) : 1024;\n  float *h = (float*)malloc(n * sizeof(float)), *d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  return 0;\n}\n',
    },
    {
      name: 'benchmark size set from argv after a literal default',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  size_t n = 4096;\n  if (argc > 1) n = atol(argv[1]);\n  float *h = (float*)malloc(n * 4), *d;\n  cudaMalloc(&d, n * 4);\n  cudaMemcpy(d, h, n * 4, cudaMemcpyHostToDevice);\n  return 0;\n}\n',
    },
    {
      name: 'size planned from cudaMemGetInfo',
      language: 'cuda',
      code: 'void f(float* h) {\n  size_t free_b, total_b;\n  cudaMemGetInfo(&free_b, &total_b);\n  size_t n = free_b / 2;\n  float* d;\n  cudaMalloc(&d, n);\n  cudaMemcpy(d, h, n, cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'small constant upload',
      language: 'cuda',
      code: 'void f(float* h) {\n  float* d;\n  cudaMalloc(&d, 1024 * sizeof(float));\n  cudaMemcpy(d, h, 1024 * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'chunked copies in a loop',
      language: 'cuda',
      code: 'void f(float* h, size_t n, size_t chunk) {\n  float* d;\n  cudaMalloc(&d, chunk * sizeof(float));\n  for (size_t off = 0; off < n; off += chunk)\n    cudaMemcpy(d, h + off, chunk * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'partial upload of a bigger buffer',
      language: 'cuda',
      code: 'void f(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, 16 * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'device-to-host is not an upload',
      language: 'cuda',
      code: 'void f(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n);\n  cudaMemcpy(h, d, n, cudaMemcpyDeviceToHost);\n}\n',
    },
    {
      name: 'python: small known array',
      language: 'python',
      code: 'import numpy as np\nimport cupy as cp\na = np.zeros((1000, 1000), dtype=np.float32)\nd = cp.asarray(a)\n',
    },
    {
      name: 'python: asarray of a parameter of unknown origin (may already be on the device)',
      language: 'python',
      code: 'import cupy as cp\ndef to_gpu(x):\n    return cp.asarray(x)\n',
    },
    {
      name: 'python: threshold raised',
      language: 'python',
      config: { chunkThreshold: 0.5 },
      code: 'import numpy as np\nimport cupy as cp\na = np.zeros((20_000_000, 64), dtype=np.float32)\nd = cp.asarray(a)\n',
    },
    {
      name: 'OpenCL: a local assigned a constant after its declaration is a known, small size',
      language: 'c',
      code: 'void f(cl_context ctx, float* host, cl_int* err) {\n  size_t global_size, local_size;\n  cl_int groups;\n  global_size = 8;\n  local_size = 4;\n  groups = global_size / local_size;\n  cl_mem b = clCreateBuffer(ctx, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, groups * sizeof(float), host, err);\n  clEnqueueNDRangeKernel(0, 0, 1, NULL, &global_size, &local_size, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'argv-tunable exponent through locals (nBytes = nElem * 4, nElem = 1 << ipower, ipower 10 by default)',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  int ipower = 10;\n  if (argc > 1) ipower = atoi(argv[1]);\n  int nElem = 1 << ipower;\n  size_t nBytes = nElem * sizeof(float);\n  float *h = (float*)malloc(nBytes), *d;\n  cudaMalloc(&d, nBytes);\n  cudaMemcpy(d, h, nBytes, cudaMemcpyHostToDevice);\n  return 0;\n}\n',
    },
    {
      name: 'argv-tunable matrix with expression defaults set several statements earlier',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  int nx = 1 << 11;\n  int ny = 1 << 11;\n  int k = 0;\n  if (argc > 1) k = atoi(argv[1]);\n  if (argc > 4) nx = atoi(argv[4]);\n  if (argc > 5) ny = atoi(argv[5]);\n  size_t nBytes = nx * ny * sizeof(float);\n  float *h = (float*)malloc(nBytes), *d;\n  cudaMalloc(&d, nBytes);\n  cudaMemcpy(d, h, nBytes, cudaMemcpyHostToDevice);\n  return k;\n}\n',
    },
    {
      name: 'an iterative algorithm in a helper: the helper that loops over launches is called after the upload',
      language: 'cuda',
      code: '__global__ void step(float* g, int n) {}\nvoid run(float* d, int n, int iters) {\n  for (int it = 0; it < iters; it++) step<<<64, 256>>>(d, n);\n}\nvoid f(float* h, size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  run(d, n, 100);\n}\n',
    },
    {
      name: 'multi-phase: the uploaded buffer is read by two launches (forward pass, then weight update)',
      language: 'cuda',
      code: '__global__ void fwd(float* a, float* o) {}\n__global__ void adj(float* a, float* w) {}\nvoid train(float* h, float* o, float* w, size_t n) {\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  fwd<<<64, 256>>>(d,\n    o);\n  adj<<<64, 256>>>(d, w);\n}\n',
    },
    {
      name: 'multi-phase: an upload after a launch whose results the host read back',
      language: 'cuda',
      code: '__global__ void fwd(float* o) {}\nvoid train(float* h, float* part, float* o, size_t n) {\n  float* d;\n  fwd<<<64, 256>>>(o);\n  cudaMemcpy(part, o, 1024, cudaMemcpyDeviceToHost);\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n}\n',
    },
    {
      name: 'size from a parameter: the caller chooses it (and may already read the input in chunks)',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nvoid up(const float* h, size_t bytes) {\n  float* d;\n  cudaMalloc(&d, bytes);\n  cudaMemcpy(d, h, bytes, cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d);\n}\nvoid feed(FILE* f, float* h) {\n  size_t got;\n  while ((got = fread(h, 1, 1 << 20, f)) > 0) up(h, got);\n}\n',
    },
    {
      name: 'size from struct fields filled from the command line or a config',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nstruct Opts { size_t n; };\nvoid f(struct Opts* o, const struct Opts cfg, float* h) {\n  float* d;\n  cudaMalloc(&d, o->n * cfg.n * sizeof(float));\n  cudaMemcpy(d, h, o->n * cfg.n * sizeof(float), cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d);\n}\n',
    },
    {
      name: 'size from the command line with no default: a problem size the user picks, not a data set',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nint main(int argc, char** argv) {\n  int n;\n  sscanf(argv[1], "%d", &n);\n  size_t m = atol(argv[2]);\n  float *h = (float*)malloc(m), *d;\n  cudaMalloc(&d, m * n);\n  cudaMemcpy(d, h, m * n, cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d);\n  return 0;\n}\n',
    },
    {
      name: 'size returned through an out-argument of a library call',
      language: 'c',
      code: 'void f(cl_context ctx, cl_command_queue q, cl_kernel k, int items, cl_int* err) {\n  size_t bytes;\n  void* states = make_states(items, &bytes);\n  cl_mem b = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, states, err);\n  clSetKernelArg(k, 0, sizeof(cl_mem), &b);\n  clEnqueueNDRangeKernel(q, k, 1, NULL, NULL, NULL, 0, NULL, NULL);\n}\n',
    },
    {
      name: 'input-sized, but the buffer is handed to a function of another file (which may iterate over it)',
      language: 'cuda',
      code: 'void solve(float* d, size_t n);\nvoid f(FILE* fp, float* h) {\n  fseek(fp, 0, SEEK_END);\n  size_t bytes = ftell(fp);\n  float* d;\n  cudaMalloc(&d, bytes);\n  cudaMemcpy(d, h, bytes, cudaMemcpyHostToDevice);\n  solve(d, bytes / 4);\n}\n',
    },
    {
      name: 'input-sized, but no launch of this function reads the buffer (it is returned to the caller)',
      language: 'cuda',
      code: 'float* f(FILE* fp, float* h) {\n  fseek(fp, 0, SEEK_END);\n  size_t bytes = ftell(fp);\n  float* d;\n  cudaMalloc(&d, bytes);\n  cudaMemcpy(d, h, bytes, cudaMemcpyHostToDevice);\n  return d;\n}\n',
    },
    {
      name: 'input-sized, but the buffer is a global that a step launched in a loop elsewhere reads again',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nfloat* d_grid;\nvoid load(FILE* fp, float* h) {\n  fseek(fp, 0, SEEK_END);\n  size_t bytes = ftell(fp);\n  cudaMalloc(&d_grid, bytes);\n  cudaMemcpy(d_grid, h, bytes, cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d_grid);\n}\nvoid step(void) { k<<<64, 256>>>(d_grid); }\nint main(void) {\n  load(stdin, 0);\n  for (int i = 0; i < 100; i++) step();\n  return 0;\n}\n',
    },
    {
      name: 'a chunk read with fread: its count bounds the size',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nvoid f(FILE* fp, float* h, float* d) {\n  size_t got = fread(h, 1, 1 << 20, fp);\n  cudaMalloc(&d, got);\n  cudaMemcpy(d, h, got, cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d);\n}\n',
    },
    {
      name: 'a count returned by a function of this file that reads no file',
      language: 'cuda',
      code: '__global__ void k(float* g) {}\nsize_t count_items(const int* list) {\n  size_t n = 0;\n  while (list[n]) n++;\n  return n;\n}\nvoid f(const int* list, float* h) {\n  size_t n = count_items(list);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  k<<<1, 1>>>(d);\n}\n',
    },
    {
      name: 'input-sized data an iterative algorithm keeps resident (launches in a loop after the upload)',
      language: 'cuda',
      code: '__global__ void relax(float* g) {}\nvoid f(FILE* fp, float* h) {\n  size_t n;\n  fscanf(fp, "%zu", &n);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  for (int it = 0; it < 50; it++) relax<<<64, 256>>>(d);\n}\n',
    },
    {
      name: 'a known 8 GiB upload an iterative algorithm keeps resident (launches in a loop after it): streaming is no fix',
      language: 'cuda',
      code: '#define BYTES (8ULL << 30)\n__global__ void relax(char* g) {}\nvoid f(char* h) {\n  char* d;\n  cudaMalloc(&d, BYTES);\n  cudaMemcpy(d, h, BYTES, cudaMemcpyHostToDevice);\n  for (int it = 0; it < 50; it++) relax<<<64, 256>>>(d);\n}\n',
    },
    {
      name: 'python: an array built from a command-line shape is a problem size, not a loaded data set',
      language: 'python',
      code: 'import sys\nimport numpy as np\nimport cupy as cp\nn = int(sys.argv[1])\na = np.random.rand(n, n)\nd = cp.asarray(a)\n',
    },
    {
      name: 'OpenCL buffer filled at creation with a size from a parameter',
      language: 'c',
      code: 'cl_mem f(cl_context ctx, void* host, size_t n, cl_int* err) {\n  return clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, n, host, err);\n}\n',
    },
    {
      name: "a local assigned from a parameter in a branch stays the caller's choice",
      language: 'c',
      code: 'void f(cl_context ctx, float* host, size_t n, cl_int* err) {\n  size_t groups;\n  groups = 2;\n  if (n > 4) groups = n;\n  cl_mem b = clCreateBuffer(ctx, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, groups * sizeof(float), host, err);\n}\n',
    },
  ],
  invalid: [
    {
      name: 'two launches, only one of which reads the uploaded buffer: still one pass over it',
      language: 'cuda',
      code: '__global__ void dist(float* g, int n) {}\n__global__ void clear(float* o) {}\nvoid f(FILE* fp, float* h, float* o) {\n  size_t n;\n  fread(&n, sizeof n, 1, fp);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  clear<<<1, 32>>>(o);\n  dist<<<64, 256>>>(d, n);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 8 }],
    },
    {
      name: 'a memory query that only guards the input plans nothing; the count comes from a loader that reads the file (Rodinia nn)',
      language: 'cuda',
      code: '__global__ void dist(float* g) {}\nsize_t load(const char* path, float* h) {\n  FILE* fp = fopen(path, "r");\n  size_t n = 0;\n  while (fscanf(fp, "%f", &h[n]) == 1) n++;\n  return n;\n}\nvoid f(const char* path, float* h) {\n  size_t free_b, total_b;\n  cudaMemGetInfo(&free_b, &total_b);\n  size_t n = load(path, h);\n  if (n * sizeof(float) > free_b) exit(1);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  dist<<<64, 256>>>(d);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 15, includes: ['load(path, h)'] }],
    },
    {
      name: 'a helper that loops over launches, not called after the upload, does not make it resident',
      language: 'cuda',
      code: '__global__ void step(float* g, int n) {}\nvoid run(float* d, int n, int iters) {\n  for (int it = 0; it < iters; it++) step<<<64, 256>>>(d, n);\n}\nvoid f(FILE* fp, float* h) {\n  fseek(fp, 0, SEEK_END);\n  size_t n = ftell(fp) / sizeof(float);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  step<<<64, 256>>>(d, n);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 10 }],
    },
    {
      name: 'one pass through a helper of this file that launches once',
      language: 'cuda',
      code: '__global__ void dist(float* g) {}\nvoid once(float* d) {\n  dist<<<64, 256>>>(d);\n}\nvoid f(std::ifstream& in, float* h) {\n  size_t n;\n  in >> n;\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  once(d);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 10 }],
    },
    {
      name: 'argv-tunable exponent through locals with a large default (2^32 floats)',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  int ipower = 32;\n  if (argc > 1) ipower = atoi(argv[1]);\n  size_t nElem = 1ULL << ipower;\n  size_t nBytes = nElem * sizeof(float);\n  float *h = (float*)malloc(nBytes), *d;\n  cudaMalloc(&d, nBytes);\n  cudaMemcpy(d, h, nBytes, cudaMemcpyHostToDevice);\n  return 0;\n}\n',
      errors: [{ messageId: 'unknownSize', line: 8 }],
    },
    {
      name: 'argv-tunable with a large default',
      language: 'cuda',
      code: 'int main(int argc, char** argv) {\n  size_t n = argc > 1 ? atoll(argv[1]) : 40000000000;\n  float *h = (float*)malloc(n), *d;\n  cudaMalloc(&d, n);\n  cudaMemcpy(d, h, n, cudaMemcpyHostToDevice);\n  return 0;\n}\n',
      errors: [{ messageId: 'unknownSize', line: 5 }],
    },
    {
      name: "size from the input file's length",
      language: 'cuda',
      code: '__global__ void scan(float* g) {}\nvoid f(const char* path, float* h) {\n  size_t n = file_size(path) / sizeof(float);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  scan<<<64, 256>>>(d);\n}\n',
      errors: [
        {
          messageId: 'unknownSize',
          line: 6,
          column: 3,
          endColumn: 62,
          includes: ['file_size(path)', '4.00 GiB', 'ceil((n * sizeof(float)) / 4294967296)'],
        },
      ],
    },
    {
      name: 'known 8 GiB upload on a T4',
      language: 'cuda',
      code: '#define BYTES (8ULL << 30)\nvoid f(char* h) {\n  char* d;\n  cudaMalloc(&d, BYTES);\n  cudaMemcpy(d, h, BYTES, cudaMemcpyHostToDevice);\n}\n',
      errors: [{ messageId: 'large', line: 5, includes: ['8.00 GiB (8,589,934,592 bytes)', '50%', '2 chunks of 4.00 GiB'] }],
    },
    {
      name: 'OpenCL buffer filled at creation from a file read whole, bound to a kernel enqueued once',
      language: 'c',
      code: 'void f(cl_context ctx, cl_command_queue q, cl_kernel k, FILE* fp, void* host, cl_int* err) {\n  fseek(fp, 0, SEEK_END);\n  long bytes = ftell(fp);\n  cl_mem b = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, host, err);\n  clSetKernelArg(k, 0, sizeof(cl_mem), &b);\n  clEnqueueNDRangeKernel(q, k, 1, NULL, NULL, NULL, 0, NULL, NULL);\n}\n',
      errors: [{ messageId: 'unknownSize', line: 4, includes: ['depends on ftell(fp)'] }],
    },
    {
      name: 'python: np.load then cp.asarray',
      language: 'python',
      code: 'import numpy as np\nimport cupy as cp\nx = np.load("big.npy")\nd = cp.asarray(x)\n',
      errors: [{ messageId: 'unknownSize', line: 4, column: 5, endColumn: 18, includes: ['numpy.load("big.npy")'] }],
    },
    {
      name: 'python: numba to_device of a 4.77 GiB array',
      language: 'python',
      code: 'import numpy as np\nfrom numba import cuda\na = np.zeros((20_000_000, 64), dtype=np.float32)\nd = cuda.to_device(a)\n',
      errors: [{ messageId: 'large', line: 4, includes: ['4.77 GiB (5,120,000,000 bytes)', '30%'] }],
    },
  ],
});
