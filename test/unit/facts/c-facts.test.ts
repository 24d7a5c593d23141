import assert from 'node:assert/strict';
import type { Language } from '../../../src/core/model/types';
import { allocationsOf as allocs, factsOf, transfersOf as transfers } from '../../helpers/facts';

const facts = (code: string, language: Language = 'cuda') => factsOf(code, language);

describe('C-family facts and constant folding', () => {
  const cases: Array<[string, string, number | null]> = [
    ['#define', '#define N (1 << 20)\nvoid f(){ float* d; cudaMalloc(&d, N * sizeof(float)); }', 4 << 20],
    [
      'nested #define and shifts past 32 bits',
      '#define G (1ULL << 30)\n#define BYTES (5 * G)\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }',
      5 * 2 ** 30,
    ],
    ['const and constexpr', 'constexpr size_t R = 1024;\nconst int C = 3;\nvoid f(){ int* d; cudaMalloc(&d, R * C * sizeof(int)); }', 1024 * 3 * 4],
    ['enum with implicit values', 'enum { A = 10, B, C };\nvoid f(){ char* d; cudaMalloc(&d, C); }', 12],
    ['sizeof of a padded struct', 'struct P { double x; char c; };\nvoid f(){ P* d; cudaMalloc(&d, 100 * sizeof(P)); }', 1600],
    ['typedef struct and arrays in it', 'typedef struct { float v[3]; int id; } Q;\nvoid f(){ Q* d; cudaMalloc(&d, sizeof(Q)); }', 16],
    ['sizeof(*ptr) and sizeof(arr[0])', 'void f(){ double* d; cudaMalloc(&d, 10 * sizeof(*d)); }', 80],
    ['local initialised once', 'void f(){ size_t n = 1000; size_t bytes = n * sizeof(float); float* d; cudaMalloc(&d, bytes); }', 4000],
    ['CUDA vector type', 'void f(){ float4* d; cudaMalloc(&d, 256 * sizeof(float4)); }', 4096],
    ['hex, suffixes and digit separators', "void f(){ char* d; cudaMalloc(&d, 0x10UL + 1'000); }", 1016],
    ['pitch: width x height', 'void f(){ float* d; size_t p; cudaMallocPitch(&d, &p, 512 * sizeof(float), 256); }', 512 * 4 * 256],
    ['3D extent from make_cudaExtent', 'void f(){ cudaPitchedPtr p; cudaMalloc3D(&p, make_cudaExtent(64, 32, 16)); }', 64 * 32 * 16],
    ['thrust::device_vector constant size', 'void f(){ thrust::device_vector<double> v(1000); }', 8000],
  ];
  for (const [name, code, bytes] of cases) {
    it(name, async () => {
      const a = allocs(await facts(code, 'cpp'));
      assert.equal(a.length, 1);
      assert.equal(a[0]!.size.bytes, bytes);
    });
  }

  it('thrust::device_vector: counted, run-time, and copied from host containers', async () => {
    const f = await facts(
      '#define N 256\nvoid f(size_t n) {\n std::vector<float> h(1000);\n thrust::device_vector<float> a(n);\n thrust::device_vector<float> b = h;\n thrust::device_vector<float> c(h.begin(), h.end());\n thrust::device_vector<double> d(N);\n}',
      'cpp',
    );
    const a = allocs(f);
    assert.deepEqual(
      a.map((x) => [x.target, x.size.bytes]),
      [
        ['a', null],
        ['b', 4000],
        ['c', 4000],
        ['d', 2048],
      ],
    );
    assert.deepEqual(a[0]!.size.unknowns, ['n']);
    assert.equal(a[0]!.uploadsFrom, undefined);
    assert.deepEqual(
      transfers(f).map((t) => [t.deviceBuffer, t.hostBuffer, t.size.bytes, t.hostOrigin?.kind]),
      [
        ['b', 'h', 4000, 'pageable'],
        ['c', 'h', 4000, 'pageable'],
      ],
    );
  });

  it('keeps run-time sizes symbolic and names the unknowns', async () => {
    const a = allocs(
      await facts(
        'void f(int argc, char** argv){ size_t n = atoi(argv[1]); size_t m = n; m++; float* d; cudaMalloc(&d, n * sizeof(float)); cudaMalloc(&d, m); }',
      ),
    );
    assert.equal(a[0]!.size.bytes, null);
    assert.deepEqual(a[0]!.size.unknowns, ['atoi(argv[1])']);
    assert.equal(a[0]!.size.expr, 'n * sizeof(float)');
    assert.deepEqual(a[1]!.size.unknowns, ['m'], 'a variable written twice is not folded');
  });

  it('reads copy direction, stream, offsets and loops with trip counts', async () => {
    const f = await facts(
      'void f(float* h, float* d, cudaStream_t s){\n for (int i = 0; i < 16; i += 4) {\n  cudaMemcpyAsync(d, h + i, 64, cudaMemcpyHostToDevice, s);\n }\n cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n}',
    );
    const [a, b] = transfers(f);
    assert.equal(a!.direction, 'host-to-device');
    assert.equal(a!.async, true);
    assert.equal(a!.stream, 's');
    assert.equal(a!.offset, true);
    assert.equal(a!.loop?.tripCount, 4);
    assert.deepEqual(a!.loop?.variables, ['i']);
    assert.equal(b!.direction, 'device-to-host');
    assert.equal(b!.loop, null);
  });

  it('loop variables are identifiers only, whatever the declarator', async () => {
    const f = await facts(
      'void f(std::map<int, float*>& m, float** v){\n for (auto& [k, p] : m) cudaFree(p);\n for (float* *q = v; *q; ++q) cudaFree(*q);\n}',
      'cpp',
    );
    assert.deepEqual(
      f.events.map((e) => e.loop?.variables),
      [['k', 'p'], ['q']],
    );
  });

  it('multiplies nested constant trip counts', async () => {
    const f = await facts('void f(){ for (int i = 0; i < 3; i++) for (int j = 0; j <= 4; j++) cudaDeviceSynchronize(); }');
    assert.equal(f.events[0]!.loop?.tripCount, 5);
    assert.equal(f.events[0]!.loop?.totalTrips, 15);
  });

  it('recognises launches, kernels and whether statuses are checked', async () => {
    const f = await facts(
      '__global__ void k(float* a, int n) {}\nvoid g(float* d){\n if (cudaMemset(d, 0, 4) != cudaSuccess) return;\n k<<<1, 2>>>(d, 4);\n cudaFree(d);\n}',
    );
    assert.deepEqual(
      f.kernels.map((k) => [k.name, k.bufferParams]),
      [['k', ['a']]],
    );
    const launch = f.events.find((e) => e.kind === 'launch');
    assert.equal(launch?.kind === 'launch' && launch.config, '<<<1, 2>>>');
    assert.deepEqual(
      f.apiCalls.map((c) => [c.api, c.checked]),
      [
        ['cudaMemset', true],
        ['kernel launch', false],
        ['cudaFree', false],
      ],
    );
  });

  it('OpenCL: buffer target, flags, host copy, blocking and max-alloc query', async () => {
    const f = await facts(
      'void g(cl_context c, cl_command_queue q, cl_device_id dev, float* h, cl_int* e){\n cl_ulong m; clGetDeviceInfo(dev, CL_DEVICE_MAX_MEM_ALLOC_SIZE, 8, &m, NULL);\n cl_mem b = clCreateBuffer(c, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, 4096, h, e);\n clEnqueueReadBuffer(q, b, CL_TRUE, 0, 4096, h, 0, NULL, NULL);\n}',
      'c',
    );
    const a = allocs(f)[0]!;
    assert.equal(a.target, 'b');
    assert.deepEqual(a.flags, ['CL_MEM_READ_ONLY', 'CL_MEM_COPY_HOST_PTR']);
    const t = transfers(f);
    assert.equal(t.length, 2, 'the COPY_HOST_PTR upload and the read');
    assert.equal(t[1]!.blocking, true);
    assert.ok(f.events.some((e) => e.kind === 'hint' && e.hint === 'max-alloc-query'));
  });

  it('a file with syntax errors still yields what it can', async () => {
    const f = await facts('void f( { float* d; cudaMalloc(&d, 64);\n int x = ;\n cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);');
    assert.equal(allocs(f)[0]?.size.bytes, 64);
    assert.equal(transfers(f).length, 1);
  });
  it('a copy in a loop says why its data changes there, if it does', async () => {
    const t = transfers(
      await facts(
        'void f(float* h, float* d, float* c, FILE* in) {\n  for (int i = 0; i < 4; i++) {\n    fread(h, 4, 16, in);\n    cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n    cudaMemcpy(d, c, 64, cudaMemcpyHostToDevice);\n    k<<<1, 1>>>(d);\n    cudaMemcpy(h, d, 64, cudaMemcpyDeviceToHost);\n  }\n}\n',
      ),
    );
    assert.deepEqual(
      t.map((x) => x.changesInLoop ?? null),
      ['host-written', null, 'device-written'],
    );
  });

  it('code that runs once in a loop is not in it; a benchmark loop is timed', async () => {
    const f = await facts(
      'void f(float* d, float* h) {\n  for (int i = 0; i < 8; i++) {\n    if (i == 0) cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n    for (int j = 0; j < 4; j++) { if (i == 0) cudaMemset(d, 0, 64); }\n    if (ok(i)) { cudaDeviceSynchronize(); break; }\n  }\n  auto t0 = std::chrono::steady_clock::now();\n  for (int r = 0; r < 3; r++) cudaMemcpy(d, h, 64, cudaMemcpyHostToDevice);\n  auto t1 = std::chrono::steady_clock::now();\n}\n',
      'cpp',
    );
    const loops = f.events
      .filter((e) => e.kind === 'transfer' || e.kind === 'sync')
      .map((e) => (e.loop ? `${e.loop.line}${e.loop.timed ? ' timed' : ''}` : null));
    assert.deepEqual(loops, [null, null, '8 timed']);
  });

  it('frees through a macro or a cleanup function of the file, not through a helper that only reads', async () => {
    const f = await facts(
      '#define FREE(p) cudaFree(p)\nvoid done(float* a) { cudaFree(a); }\nvoid show(float* a) { print(a); }\nvoid f() {\n  float *x, *y, *z;\n  FREE(x);\n  done(y);\n  show(z);\n}\n',
    );
    assert.deepEqual(
      f.events.filter((e) => e.kind === 'free' && e.function === 'f').map((e) => (e.kind === 'free' ? e.target : null)),
      ['x', 'y'],
    );
  });
});
