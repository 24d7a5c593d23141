// Constant folding: the byte counts issue 17 lists as not folded, sizes outside [0, 2^64) (issue 18 class 5), and
// folding that stays linear on chains of names that each use the previous twice (issue 18 class 4).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Language, SizeValue } from '../../../src/core/model/types';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';
import { describeSize } from '../../../src/core/facts/memory';
import { sizeText } from '../../../src/core/rules/shared/phrases';
import { allocationsOf, factsOf, transfersOf } from '../../helpers/facts';

const sizes = async (code: string, language: Language = 'cuda'): Promise<SizeValue[]> =>
  allocationsOf(await factsOf(code, language)).map((a) => a.size);
const bytes = async (code: string, language: Language = 'cuda') => (await sizes(code, language)).map((s) => s.bytes);

describe('constant folding: sizes issue 17 lists', () => {
  const exact: Array<[string, string, number]> = [
    ['#define with a trailing // comment', '#define N (1ull << 36)  // 64 Gi\nvoid f(){ char* d; cudaMalloc(&d, N); }', 2 ** 36],
    ['#define with a trailing /* */ comment', '#define N (1ull << 36) /* 64 Gi */\nvoid f(){ char* d; cudaMalloc(&d, N); }', 2 ** 36],
    [
      '#define continued over lines, then a comment',
      '#define N (1024 * \\\n  1024) // 1 Mi\nvoid f(){ char* d; cudaMalloc(&d, N * sizeof(float)); }',
      4 << 20,
    ],
    ['const global', 'const size_t N = 1 << 20;\nvoid f(){ float* d; cudaMalloc(&d, N * sizeof(float)); }', 4 << 20],
    ['static const global', 'static const size_t N = 3000;\nvoid f(){ float* d; cudaMalloc(&d, N * sizeof(float)); }', 12000],
    [
      'constexpr in a namespace, used qualified',
      'namespace cfg { constexpr int N = 512; }\nvoid f(){ float* d; cudaMalloc(&d, cfg::N * sizeof(float)); }',
      2048,
    ],
    ['brace-initialised local', 'void f(){ size_t n{4096}; char* d; cudaMalloc(&d, n); }', 4096],
    ['sizeof(struct S)', 'struct S { int a; double b; };\nvoid f(){ char* d; cudaMalloc(&d, 10 * sizeof(struct S)); }', 160],
    ['sizeof(cuDoubleComplex)', 'void f(){ cuDoubleComplex* d; cudaMalloc(&d, 1000 * sizeof(cuDoubleComplex)); }', 16000],
    [
      'sizeof(cuComplex), cufftComplex',
      'void f(){ cuComplex* a; cudaMalloc(&a, 10 * sizeof(cuComplex)); cufftComplex* b; cudaMalloc(&b, 10 * sizeof(cufftComplex)); }',
      80,
    ],
    [
      'double2 / float4 / half sizes',
      'void f(){ char* d; cudaMalloc(&d, sizeof(double2) + sizeof(float4) + sizeof(half) + sizeof(float3)); }',
      16 + 16 + 2 + 12,
    ],
    [
      'sizeof(curandStatePhilox4_32_10_t) in a struct',
      'struct G { char tag; curandStatePhilox4_32_10_t s; };\nvoid f(){ G* d; cudaMalloc(&d, sizeof(G)); }',
      80,
    ],
    ["struct padded to a vector type's alignment", 'struct P { char tag; float4 v; };\nvoid f(){ P* d; cudaMalloc(&d, 2 * sizeof(P)); }', 64],
    [
      'struct padded to double2 inside cuDoubleComplex',
      'typedef struct { float w; cuDoubleComplex z; } Z;\nvoid f(){ Z* d; cudaMalloc(&d, sizeof(Z)); }',
      32,
    ],
    [
      'member functions and static members take no room',
      'struct S { float a; void scale(float k); static int count; double b; };\nvoid f(){ char* d; cudaMalloc(&d, sizeof(S)); }',
      16,
    ],
    ['union: the largest member', 'union U { double d; char c[12]; };\nvoid f(){ char* x; cudaMalloc(&x, sizeof(union U)); }', 16],
    ['function-like macro', '#define BYTES(n) ((n) * sizeof(float))\nvoid f(){ char* d; cudaMalloc(&d, BYTES(1 << 20)); }', 4 << 20],
    [
      'helper: every call passes the same literal',
      'void alloc(size_t n){ float* d; cudaMalloc(&d, n * sizeof(float)); }\nint main(){ alloc(1024); alloc(1024); }',
      4096,
    ],
    [
      'helper: the same value as a macro and a literal',
      '#define N 1024\nvoid alloc(size_t n){ float* d; cudaMalloc(&d, n * sizeof(float)); }\nint main(){ alloc(N); alloc(1 << 10); }',
      4096,
    ],
    [
      'an int assigned a float quotient truncates, with float literals in float32 (1999, not 2000)',
      'void f(){ float lo = -2, hi = 2, step = .002f; int n; n = (hi - lo) / step; float* d; cudaMalloc(&d, sizeof(float) * n); }',
      7996,
    ],
    ['an integer cast truncates', 'void f(){ char* d; cudaMalloc(&d, (size_t)(1000 * 1.5f + 0.7)); }', 1500],
    [
      'a double quotient kept in a double is not truncated before the int cast',
      'void f(){ double r = 4 / .5; char* d; cudaMalloc(&d, (int)r * 3); }',
      24,
    ],
  ];
  for (const [name, code, want] of exact) {
    it(`exact: ${name}`, async () => assert.deepEqual(await bytes(code), code.includes('cufftComplex') ? [80, 80] : [want]));
  }

  it('exact: sizeof(curandState) and sizeof(curandStateXORWOW) are 48 bytes (cuRAND 10.4 of CUDA 13.0)', async () => {
    assert.deepEqual(
      await bytes(
        '#include <curand_kernel.h>\n#define N 216\n#define T 256\nvoid f(){ curandState* s; cudaMalloc((void**)&s, N * T * sizeof(curandState));\n curandStateXORWOW* x; cudaMalloc(&x, N * T * sizeof(curandStateXORWOW)); }',
      ),
      [216 * 256 * 48, 216 * 256 * 48],
    );
  });

  it('a macro body names what the function using it holds: the n of each function', async () => {
    assert.deepEqual(
      await bytes(
        '#define BYTES (n * sizeof(float))\nvoid f(){ size_t n = 100; char* d; cudaMalloc(&d, BYTES); }\nvoid g(){ size_t n = 200; char* d; cudaMalloc(&d, BYTES); }',
      ),
      [400, 800],
    );
  });

  const unknownCases: Array<[string, string, string]> = [
    [
      'a local set through a size_t& out-parameter (prototype)',
      'void parse(int argc, size_t& n);\nvoid f(int argc){ size_t n = 10; parse(argc, n); char* d; cudaMalloc(&d, n); }',
      'n',
    ],
    [
      'a local set through a reference out-parameter (definition after the use)',
      'void f(){ size_t n = 10; read(n); char* d; cudaMalloc(&d, n); }\nvoid read(size_t &n){ n = 99; }',
      'n',
    ],
    ['a local whose address is taken', 'void f(){ size_t n = 10; scanf("%zu", &n); char* d; cudaMalloc(&d, n); }', 'n'],
    ['a local written in a [&] lambda', 'void f(){ size_t n = 10; auto grow = [&]{ n = 20; }; grow(); char* d; cudaMalloc(&d, n); }', 'n'],
    ['a local read by cin >>', 'void f(){ size_t n = 10; std::cin >> n; char* d; cudaMalloc(&d, n); }', 'n'],
    ['a local written through a reference alias', 'void f(){ size_t n = 10; size_t& r = n; r = 30; char* d; cudaMalloc(&d, n); }', 'n'],
    ['helper: call sites pass different values', 'void alloc(size_t n){ char* d; cudaMalloc(&d, n); }\nint main(){ alloc(1024); alloc(2048); }', 'n'],
    ['helper: a call site passes a local', 'void alloc(size_t n){ char* d; cudaMalloc(&d, n); }\nint main(int c){ size_t m = 8; alloc(m); }', 'n'],
    ['helper that writes its parameter', 'void alloc(size_t n){ n *= 2; char* d; cudaMalloc(&d, n); }\nint main(){ alloc(1024); }', 'n'],
  ];
  for (const [name, code, unknown] of unknownCases) {
    it(`unknown, with its expression: ${name}`, async () => {
      const [s] = await sizes(code);
      assert.equal(s!.bytes, null);
      assert.deepEqual(s!.unknowns, [unknown]);
    });
  }

  it('an address handed to a call that only reads through it (clSetKernelArg, the source of a copy) stays folded', async () => {
    assert.deepEqual(
      await bytes(
        '#define DATA_SIZE (1024)\nvoid f(cl_kernel k, cl_command_queue q, cl_mem in, float* data){ unsigned int count = DATA_SIZE; clSetKernelArg(k, 2, sizeof(unsigned int), &count); cudaMemcpy(data, &count, 4, cudaMemcpyHostToDevice); char* d; cudaMalloc(&d, sizeof(float) * count); }',
      ),
      [4096],
    );
    // the destination of a copy is written
    const [s] = await sizes('void f(int* dev){ size_t n = 10; cudaMemcpy(&n, dev, sizeof n, cudaMemcpyDeviceToHost); char* d; cudaMalloc(&d, n); }');
    assert.equal(s!.bytes, null);
  });

  it('a value passed by const reference or by value stays folded', async () => {
    assert.deepEqual(
      await bytes('void show(const size_t& n); void log(size_t n);\nvoid f(){ size_t n = 10; show(n); log(n); char* d; cudaMalloc(&d, n); }'),
      [10],
    );
  });

  it('a struct with a base class, a virtual function or a bit-field stays unknown rather than guessed', async () => {
    for (const s of ['struct B { int x; }; struct S : B { int y; };', 'struct S { virtual void f(); int y; };', 'struct S { int a : 3; int b; };']) {
      const [v] = await sizes(`${s}\nvoid f(){ char* d; cudaMalloc(&d, sizeof(S)); }`);
      assert.equal(v!.bytes, null, s);
    }
  });

  describe('Python', () => {
    const py: Array<[string, string, number]> = [
      [
        'NumPy shape from literals, uploaded',
        'import numpy as np\nimport cupy as cp\nh = np.zeros((1024, 1024), dtype=np.float32)\nd = cp.asarray(h)',
        4 << 20,
      ],
      [
        "a NumPy creator cast with astype: the cast's dtype",
        'import numpy as np\nimport cupy as cp\nh = np.random.randn(1024, 1024).astype(np.float32)\nd = cp.asarray(h)',
        4 << 20,
      ],
      [
        'astype with a dtype held in a name, a module-level count',
        'import numpy\nimport cupy as cp\nn = 16 * 256 * 33\ndtype = numpy.float32\nh = numpy.random.randn(n).astype(dtype)\nd = cp.asarray(h)',
        16 * 256 * 33 * 4,
      ],
      [
        'a shape tuple held in a name',
        'import numpy as np\nimport cupy as cp\nshape = (1024, 1024)\nh = np.empty(shape, dtype=np.float32)\nd = cp.asarray(h)',
        4 << 20,
      ],
      ['a shape through two names', 'import cupy as cp\nshape = (512, 512)\ns2 = shape\nd = cp.zeros(s2, dtype=cp.float64)', 2 << 20],
      [
        'tuple unpacking of the dimensions',
        'import cupy as cp\nrows, cols = 1024, 768\nd = cp.zeros((rows, cols), dtype=cp.float32)',
        1024 * 768 * 4,
      ],
      [
        'PyCUDA gpuarray from a literal shape',
        'import pycuda.gpuarray as gpuarray\nimport numpy as np\nd = gpuarray.zeros((1024, 1024), np.float32)',
        4 << 20,
      ],
      ['Numba device_array with shape=', 'from numba import cuda\nimport numpy as np\nd = cuda.device_array(shape=(1024,), dtype=np.float64)', 8192],
      [
        'a size set in the constructor, used in a method',
        'import cupy as cp\nclass Model:\n    def __init__(self):\n        self.n = 1 << 20\n    def run(self):\n        d = cp.zeros(self.n, dtype=cp.float32)',
        4 << 20,
      ],
      [
        'a shape set in the constructor',
        'import cupy as cp\nclass Model:\n    def __init__(self):\n        self.shape = (256, 256)\n    def run(self):\n        d = cp.empty(self.shape, dtype=cp.float16)',
        256 * 256 * 2,
      ],
      [
        'a name of the enclosing function, before the module',
        'import cupy as cp\nn = 1\ndef outer():\n    n = 4096\n    def inner():\n        return cp.zeros(n, dtype=cp.uint8)\n    return inner',
        4096,
      ],
    ];
    for (const [name, code, want] of py) {
      it(`exact: ${name}`, async () => assert.deepEqual(await bytes(code, 'python'), [want]));
    }
    it("exact: a NumPy array made in the upload's own argument (cast or not)", async () => {
      assert.deepEqual(
        await bytes(
          'import numpy as np\nimport pycuda.gpuarray as gpuarray\nN = 5\nd = gpuarray.to_gpu(np.random.rand(N).astype(np.float32))\ne = gpuarray.to_gpu(np.zeros((4, 4)))',
          'python',
        ),
        [20, 128],
      );
    });

    it('a name resolves in its own function, then the module; never in another function', async () => {
      // g's n is g's; f has none of its own, so the module's n applies (not g's 100).
      assert.deepEqual(
        await bytes(
          'import cupy as cp\nn = 10\ndef g():\n    n = 100\n    return cp.zeros(n, dtype=cp.uint8)\ndef f():\n    return cp.zeros(n, dtype=cp.uint8)',
          'python',
        ),
        [100, 10],
      );
      const [s] = await sizes('import cupy as cp\ndef g():\n    n = 100\ndef f():\n    d = cp.zeros(n, dtype=cp.float32)', 'python');
      assert.equal(s!.bytes, null);
    });

    it('a parameter is not the module variable of the same name', async () => {
      const [s] = await sizes('import cupy as cp\nn = 10\ndef f(n):\n    return cp.zeros(n, dtype=cp.float32)', 'python');
      assert.equal(s!.bytes, null);
      assert.deepEqual(s!.unknowns, ['n']);
    });

    it('a member written twice, or from outside the class, is unknown', async () => {
      for (const extra of ['    def grow(self):\n        self.n *= 2\n', '']) {
        const outside = extra ? '' : 'm = Model()\nm.n = 5\n';
        const [s] = await sizes(
          `import cupy as cp\nclass Model:\n    def __init__(self):\n        self.n = 1 << 20\n${extra}    def run(self):\n        d = cp.zeros(self.n, dtype=cp.float32)\n${outside}`,
          'python',
        );
        assert.equal(s!.bytes, null);
      }
    });

    it('nbytes and the host buffer origin come from the same function, not a same-named array elsewhere', async () => {
      const f = await factsOf(
        'import torch\nimport cupy as cp\nimport numpy as np\ndef a():\n    x = torch.empty(1024, pin_memory=True)\n    y = x.to("cuda", non_blocking=True)\ndef b(x):\n    y = x.to("cuda", non_blocking=True)\ndef c():\n    h = np.zeros(256, dtype=np.float32)\ndef d(h):\n    g = cp.asarray(h)\n',
        'python',
      );
      assert.deepEqual(
        transfersOf(f).map((t) => [t.hostBuffer, t.hostOrigin?.kind ?? null, t.size.bytes]),
        [
          ['x', 'pinned', 4096],
          ['x', null, null],
          ['h', null, null],
        ],
      );
    });
  });
});

describe('constant folding: numbers that cannot be sizes', () => {
  const outOfRange: Array<[string, string, Language]> = [
    ['a negative size', 'void f(){ char* d; cudaMalloc(&d, -4096); }', 'cuda'],
    ['a difference below zero', '#define A 10\n#define B 20\nvoid f(){ char* d; cudaMalloc(&d, (A - B) * 1024); }', 'cuda'],
    ['2^64 and above', 'void f(){ char* d; cudaMalloc(&d, (1ull << 63) * 2); }', 'cuda'],
    ['a literal past 2^64', 'void f(){ char* d; cudaMalloc(&d, 100000000000000000000); }', 'cuda'],
    ['~(1e300*1e300): not finite, then ~ of it', 'void f(){ char* d; cudaMalloc(&d, ~(1e300*1e300)); }', 'cuda'],
    ['1e400 (Infinity as a literal)', 'void f(){ char* d; cudaMalloc(&d, 1e400); }', 'cuda'],
    ['a negative array count', '#define N -5\nvoid f(){ float* d; cudaMalloc(&d, N * sizeof(float)); }', 'cuda'],
    ['Python: 2**100 elements', 'import cupy as cp\nd = cp.zeros(2**100, dtype=cp.float32)', 'python'],
    ['Python: a negative mem_alloc', 'import pycuda.driver as drv\nd = drv.mem_alloc(-64)', 'python'],
    ['Python: 10**400 (past a float)', 'import pycuda.driver as drv\nd = drv.mem_alloc(10**400)', 'python'],
  ];
  const loaded = resolveConfig(undefined, RULE_IDS);
  for (const [name, code, language] of outOfRange) {
    it(`${name}: unknown (out of range) with its expression; the file is analysed`, async () => {
      const [s] = await sizes(code, language);
      assert.equal(s!.bytes, null);
      assert.equal(s!.reason, 'out of range');
      assert.ok(s!.unknowns.length > 0 && s!.unknowns.every((u) => u.startsWith('out of range')), JSON.stringify(s));
      const r = await analyzeText(language === 'python' ? 'x.py' : 'x.cu', code, language, loaded);
      assert.equal(r.entry.skipped, undefined);
      assert.ok(r.gpu, 'the file keeps its GPU summary');
      assert.ok(r.gpu!.allocations.every((a) => a.bytes === null));
      assert.ok(r.gpu!.peakDeviceBytes === null || r.gpu!.peakDeviceBytes >= 0);
    });
  }

  it("~ of an integer is two's complement without BigInt; of a fraction it is unknown, not a throw", async () => {
    assert.deepEqual(await bytes('void f(){ char* d; cudaMalloc(&d, -(~1023)); }'), [1024]);
    const [s] = await sizes('void f(){ char* d; cudaMalloc(&d, ~(1.5)); }');
    assert.equal(s!.bytes, null);
  });

  it('a negative allocation never cancels a real one in the peak', async () => {
    const r = await analyzeText('x.cu', 'void f(){ char *a, *b; cudaMalloc(&a, -(19ull << 30)); cudaMalloc(&b, 20ull << 30); }', 'cuda', loaded);
    assert.equal(r.gpu!.peakDeviceBytes, 20 * 2 ** 30);
  });
});

/** `#define A1 (A0 + A0)` ... : each name uses the previous twice, so unmemoised folding doubles per level. */
function chain(kind: 'define' | 'const' | 'constexpr-local' | 'enum' | 'python', depth: number): { code: string; language: Language } {
  const lines: string[] = [];
  if (kind === 'python') {
    lines.push('import cupy as cp', 'A0 = 1');
    for (let i = 1; i <= depth; i++) lines.push(`A${i} = A${i - 1} + A${i - 1}`);
    lines.push(`d = cp.zeros(A${depth}, dtype=cp.uint8)`);
    return { code: lines.join('\n'), language: 'python' };
  }
  if (kind === 'define') {
    lines.push('#define A0 1');
    for (let i = 1; i <= depth; i++) lines.push(`#define A${i} (A${i - 1} + A${i - 1})`);
  } else if (kind === 'const') {
    lines.push('const size_t A0 = 1;');
    for (let i = 1; i <= depth; i++) lines.push(`const size_t A${i} = A${i - 1} + A${i - 1};`);
  } else if (kind === 'enum') {
    lines.push('enum { A0 = 1,');
    for (let i = 1; i <= depth; i++) lines.push(`  A${i} = A${i - 1} + A${i - 1},`);
    lines.push('};');
  }
  const body =
    kind === 'constexpr-local'
      ? ['  constexpr size_t A0 = 1;', ...Array.from({ length: depth }, (_, i) => `  constexpr size_t A${i + 1} = A${i} + A${i};`)]
      : [];
  lines.push('void f() {', ...body, `  char* d; cudaMalloc(&d, A${depth});`, '}');
  return { code: lines.join('\n'), language: 'cuda' };
}

describe('constant folding stays linear and bounded (issue 18 class 4)', () => {
  for (const kind of ['define', 'const', 'constexpr-local', 'enum', 'python'] as const) {
    it(`${kind}: 60 names, each using the previous twice, fold at once to 2^60`, async () => {
      const { code, language } = chain(kind, 60);
      const started = performance.now();
      const [s] = await sizes(code, language);
      assert.ok(performance.now() - started < 2000, 'folds in well under a second of work');
      assert.equal(s!.bytes, 2 ** 60);
    });
    it(`${kind}: 70 names overflow 2^64: out of range, not exact`, async () => {
      const { code, language } = chain(kind, 70);
      const [s] = await sizes(code, language);
      assert.equal(s!.bytes, null);
      assert.equal(s!.reason, 'out of range');
    });
  }

  it('a chain deeper than the folding bound is unknown with the reason "too deep", and finishes', async () => {
    const lines = ['#define A0 1'];
    for (let i = 1; i <= 400; i++) lines.push(`#define A${i} (A${i - 1} + 1)`);
    lines.push('void f(){ char* d; cudaMalloc(&d, A400); }');
    const [s] = await sizes(lines.join('\n'));
    assert.equal(s!.bytes, null);
    assert.equal(s!.reason, 'too deep');
  });

  it('a cycle of macros, enumerators or Python names is unknown', async () => {
    assert.deepEqual(await bytes('#define A (B + 1)\n#define B (A + 1)\nvoid f(){ char* d; cudaMalloc(&d, A); }'), [null]);
    assert.deepEqual(await bytes('enum { A = B, B = A };\nvoid f(){ char* d; cudaMalloc(&d, A); }'), [null]);
    assert.deepEqual(await bytes('import cupy as cp\nA = B\nB = A\nd = cp.zeros(A)', 'python'), [null]);
  });

  it('the unknown names of a chain over an unknown stay a short list', async () => {
    const lines = ['void f(size_t n) {', '  const size_t A0 = n;'];
    for (let i = 1; i <= 60; i++) lines.push(`  const size_t A${i} = A${i - 1} * A${i - 1} + A${i - 1};`);
    lines.push('  char* d; cudaMalloc(&d, A60);', '}');
    const [s] = await sizes(lines.join('\n'));
    assert.equal(s!.bytes, null);
    assert.deepEqual(s!.unknowns, ['n']);
  });
});

type Def = { refs: number[]; op: '+' | '*'; literal: number };

/** Random DAG of definitions: each is a literal or an expression over up to three earlier ones. */
const dagOf = (max: number) =>
  fc.array(
    fc.record({
      refs: fc.array(fc.nat({ max: 1000 }), { minLength: 0, maxLength: 3 }),
      op: fc.constantFrom<'+' | '*'>('+', '*'),
      literal: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 1, maxLength: max },
  );

/** The text of each definition's expression: refs point back to earlier definitions only. */
function expressions(defs: Def[]): string[] {
  return defs.map((d, i) =>
    i === 0 || d.refs.length === 0
      ? String(d.literal)
      : d.refs.map((r) => `A${r % i}`).join(` ${d.op} `) + ` ${d.op === '+' ? '+' : '*'} ${d.literal}`,
  );
}

/** Exact evaluation with BigInt, no memo (the inputs are small): what the folder must agree with. */
function naive(defs: Def[], i: number): bigint {
  const d = defs[i]!;
  if (i === 0 || d.refs.length === 0) return BigInt(d.literal);
  let v = naive(defs, d.refs[0]! % i);
  for (const r of d.refs.slice(1)) v = d.op === '+' ? v + naive(defs, r % i) : v * naive(defs, r % i);
  return d.op === '+' ? v + BigInt(d.literal) : v * BigInt(d.literal);
}

function program(defs: Def[], kind: 'define' | 'const' | 'python'): { code: string; language: Language } {
  const exprs = expressions(defs);
  const last = defs.length - 1;
  if (kind === 'python')
    return {
      code: ['import pycuda.driver as drv', ...exprs.map((e, i) => `A${i} = ${e}`), `d = drv.mem_alloc(A${last})`].join('\n'),
      language: 'python',
    };
  const decls = exprs.map((e, i) => (kind === 'define' ? `#define A${i} (${e})` : `const unsigned long long A${i} = ${e};`));
  return { code: [...decls, `void f(){ char* d; cudaMalloc(&d, A${last}); }`].join('\n'), language: 'cuda' };
}

describe('constant folding: random DAGs of definitions (fast-check)', () => {
  for (const kind of ['define', 'const', 'python'] as const) {
    it(`${kind}: the same value as a naive evaluator on small DAGs (or out of range past 2^53)`, async () => {
      await fc.assert(
        fc.asyncProperty(dagOf(12), async (defs) => {
          const { code, language } = program(defs, kind);
          const [s] = await sizes(code, language);
          const want = naive(defs, defs.length - 1);
          if (want < 2n ** 53n) assert.equal(s!.bytes, Number(want), code);
          else if (want >= 2n ** 64n) assert.equal(s!.reason, 'out of range', code);
        }),
        { numRuns: 60, seed: 17 },
      );
    });
  }

  it('folding time grows linearly: 10x the definitions take far less than 100x the time', async () => {
    // Each definition uses the two before it: 2^n evaluations without a memo, 2n with one.
    const twice = (n: number): Def[] => Array.from({ length: n }, (_, i) => ({ refs: i < 2 ? [] : [i - 1, i - 2], op: '+' as const, literal: 1 }));
    const time = async (defs: Def[], kind: 'define' | 'const' | 'python') => {
      const { code, language } = program(defs, kind);
      const started = performance.now();
      for (let k = 0; k < 3; k++) await sizes(code, language);
      return performance.now() - started;
    };
    // And random DAGs (fast-check's generator, fixed seed): up to three references anywhere earlier, + and *.
    const random = (n: number): Def[] =>
      fc.sample(
        fc.array(
          fc.record({
            refs: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
            op: fc.constantFrom<'+' | '*'>('+', '*'),
            literal: fc.integer({ min: 0, max: 3 }),
          }),
          { minLength: n, maxLength: n },
        ),
        { numRuns: 1, seed: n },
      )[0]!;
    for (const kind of ['define', 'const', 'python'] as const) {
      for (const [label, make] of [
        ['each using the two before', twice],
        ['random', random],
      ] as const) {
        await time(make(40), kind); // warm-up
        const small = await time(make(40), kind);
        const large = await time(make(400), kind);
        assert.ok(
          large < Math.max(small, 5) * 40,
          `${kind}, ${label}: 40 definitions ${small.toFixed(1)} ms, 400 definitions ${large.toFixed(1)} ms`,
        );
      }
    }
  });
});

describe('constant folding: file-scope variables', () => {
  it('a file-scope variable written in any function is unknown everywhere (not its initial 0)', async () => {
    const [s] = await sizes('static int width = 0;\nvoid load(int w){ width = w; }\nvoid f(){ char* d; cudaMalloc(&d, width * 4); }');
    assert.equal(s!.bytes, null);
    assert.deepEqual(s!.unknowns, ['width']);
    assert.deepEqual(await bytes('static int width = 0;\nvoid f(){ char* d; cudaMalloc(&d, width * 4); }\nvoid load(int* w){ (*w)++; }'), [0]);
    assert.deepEqual(await bytes('size_t n = 64;\nvoid f(){ char* d; cudaMalloc(&d, n); }\nvoid g(){ n++; }'), [null]);
    assert.deepEqual(await bytes('size_t n = 64;\nvoid parse(size_t& out);\nvoid g(){ parse(n); }\nvoid f(){ char* d; cudaMalloc(&d, n); }'), [null]);
    assert.deepEqual(await bytes('size_t n = 64;\nvoid f(){ char* d; cudaMalloc(&d, n); }'), [64]);
  });
});

describe('out-of-range sizes on the surfaces', () => {
  it('the summary carries the reason; messages and evidence say "unknown (out of range)", not "known at run time"', async () => {
    const r = await analyzeText(
      'x.cu',
      'void f(float* h){ char* d; cudaMalloc(&d, -4096); cudaMemcpy(d, h, -4096, cudaMemcpyHostToDevice); }',
      'cuda',
      resolveConfig(undefined, RULE_IDS),
    );
    assert.equal(r.gpu!.allocations[0]!.sizeReason, 'out of range');
    assert.equal(r.gpu!.transfers[0]!.sizeReason, 'out of range');
    const size = allocationsOf(r.facts!)[0]!.size;
    assert.equal(describeSize(size), '-4096 (unknown (out of range))');
    assert.equal(sizeText(size, 'en'), '-4096 (unknown (out of range))');
    assert.equal(sizeText(size, 'ko'), '-4096 (알 수 없음(범위 밖))');
    assert.ok(
      r.gpu!.evidence.every((e) => !/run time/.test(e.note)),
      JSON.stringify(r.gpu!.evidence),
    );
  });
});

describe('constant folding: function-like macros nested in themselves', () => {
  it('D(D(D(...))) 40 deep with D(x) ((x) + (x)) folds once per level (2^40), not 2^40 times', async () => {
    const arg = Array.from({ length: 40 }, () => 'D(').join('') + '1' + ')'.repeat(40);
    const started = performance.now();
    const [s] = await sizes(`#define D(x) ((x) + (x))\nvoid f(){ char* d; cudaMalloc(&d, ${arg}); }`);
    assert.ok(performance.now() - started < 3000);
    assert.equal(s!.bytes, 2 ** 40);
  });
});

describe('constant folding: helper parameters', () => {
  it('C: a helper also handed to std::thread or qsort is called with what we cannot see: unknown', async () => {
    assert.deepEqual(await bytes('void work(size_t n){ char* d; cudaMalloc(&d, n); }\nint main(){ work(64); std::thread t(work, 128); }'), [null]);
    assert.deepEqual(await bytes('void work(size_t n){ char* d; cudaMalloc(&d, n); }\nint main(){ work(64); register_cb(&work); }'), [null]);
  });
  const py: Array<[string, string, number | null]> = [
    [
      'every call passes the same value',
      'import cupy as cp\ndef alloc(n):\n    return cp.zeros(n, dtype=cp.float32)\nalloc(1 << 20)\nalloc(1048576)\n',
      4 << 20,
    ],
    [
      'by keyword, and from a module constant at the call site',
      'import cupy as cp\nN = 1024\ndef alloc(rows, cols=N):\n    return cp.zeros((rows, cols), dtype=cp.float32)\ndef main():\n    alloc(rows=N)\n',
      4 << 20,
    ],
    ['different values', 'import cupy as cp\ndef alloc(n):\n    return cp.zeros(n)\nalloc(1)\nalloc(2)\n', null],
    ['never called', 'import cupy as cp\ndef alloc(n):\n    return cp.zeros(n)\n', null],
    ['rebound in the body', 'import cupy as cp\ndef alloc(n):\n    n = n * 2\n    return cp.zeros(n)\nalloc(8)\n', null],
    [
      'also handed to a thread',
      'import cupy as cp\nimport threading\ndef alloc(n):\n    return cp.zeros(n, dtype=cp.uint8)\nalloc(8)\nthreading.Thread(target=alloc, args=(16,))\n',
      null,
    ],
    ['called with *args', 'import cupy as cp\ndef alloc(n):\n    return cp.zeros(n, dtype=cp.uint8)\nalloc(8)\nalloc(*sizes)\n', null],
  ];
  for (const [name, code, want] of py) it(`Python: ${name}`, async () => assert.deepEqual(await bytes(code, 'python'), [want]));
});

describe('constant folding: Python arrays through bindings, parameters, members and lists (issue 17)', () => {
  const head = 'import sys\nimport numpy as np\nimport pycuda.driver as cuda\nfrom pycuda import gpuarray\n';
  const cases: Array<[string, string, Array<number | null>]> = [
    [
      'a module array read in a function written above its binding',
      'def run():\n    d = cuda.mem_alloc(a.nbytes)\na = np.ones((1, 512), dtype=np.float32)\n',
      [2048],
    ],
    [
      'an array parameter every call passes the same array: its shape unpacked, padded with np.ceil, and `p[:h, :w] = m` rebinds neither h nor w',
      'def mul(m, block=16):\n    h, w = m.shape\n    hp = int(np.ceil(h / block)) * block\n    p = np.zeros((hp, w), np.float32)\n    p[:h, :w] = m\n    return gpuarray.to_gpu(p)\na = np.random.randn(1000, 1024).astype(np.float32)\nmul(a)\nmul(a)\n',
      [1008 * 1024 * 4],
    ],
    [
      'an array parameter given arrays of two shapes is unknown',
      'def mul(m):\n    h, w = m.shape\n    return gpuarray.zeros((h, w), np.float32)\nmul(np.zeros((4, 4)))\nmul(np.zeros((8, 8)))\n',
      [null],
    ],
    [
      'a constructor argument kept as a member: one row of a 2-D array (`rows[i, :]`), uploaded and sized in a method',
      'class Worker:\n    def __init__(self, number, data):\n        self.data = data\n    def run(self):\n        a = gpuarray.empty((self.data.size,), dtype=np.complex64)\n        b = gpuarray.to_gpu(self.data)\nrows = np.zeros([4, 1024], dtype=np.complex64)\nfor i in range(4):\n    Worker(i, rows[i, :])\n',
      [8192, 8192],
    ],
    [
      'a constructor whose class is subclassed, or whose __init__ is called directly, is unknown',
      'class Worker:\n    def __init__(self, data):\n        self.data = data\n    def run(self):\n        b = gpuarray.to_gpu(self.data)\nclass Big(Worker):\n    pass\nWorker(np.zeros(8))\n',
      [null],
    ],
    [
      'a method called through self: the literal its one caller passes',
      'class M:\n    def draw(self, n):\n        d = cuda.mem_alloc(n * 4)\n    def show(self):\n        self.draw(1000)\n',
      [4000],
    ],
    [
      'a method also called from outside the class is unknown',
      'class M:\n    def draw(self, n):\n        d = cuda.mem_alloc(n * 4)\n    def show(self):\n        self.draw(1000)\nM().draw(5)\n',
      [null],
    ],
    [
      'functions called through a dispatch dict bound once: the calls of the looked-up name',
      'def f(n):\n    d = cuda.mem_alloc(n)\ndef g(n):\n    e = cuda.mem_alloc(2 * n)\nroutine = {"f": f, "g": g}\nrun = routine[sys.argv[1]]\nrun(64)\n',
      [64, 128],
    ],
    [
      'a dispatch dict written to later is unknown',
      'def f(n):\n    d = cuda.mem_alloc(n)\nroutine = {"f": f}\nroutine["h"] = print\nrun = routine[sys.argv[1]]\nrun(64)\n',
      [null],
    ],
    [
      'a class attribute bound once in the class body, with a NumPy scalar nbytes (uintp: 8 bytes)',
      'class S:\n    size = 8 + np.uintp(0).nbytes\n    def __init__(self):\n        pass\nd = cuda.mem_alloc(2 * S.size)\n',
      [32],
    ],
    ['a class attribute set from outside the class is unknown', 'class S:\n    size = 16\nS.size = 4\nd = cuda.mem_alloc(S.size)\n', [null]],
    [
      'one element of a list that is only appended the same array: its nbytes',
      'data = []\nfor k in range(2):\n    data.append(np.random.randn(400).astype(np.float32))\n    d = cuda.mem_alloc(data[k].nbytes)\n',
      [1600],
    ],
    [
      'a list appended arrays of two sizes, or handed to a call, is unknown',
      'data = []\ndata.append(np.zeros(4))\ndata.append(np.zeros(8))\nd = cuda.mem_alloc(data[0].nbytes)\nxs = [np.zeros(4)]\nfill(xs)\ne = cuda.mem_alloc(xs[0].nbytes)\n',
      [null, null],
    ],
    [
      'NumPy array literals: `[2.0] * n` float64 cast, `[0 + 0j] * n` complex128, `[False] * n` bool, resize of a 0-d int to a shape',
      'n = 1000\na = gpuarray.to_gpu(np.array([2.0] * n).astype(np.float32))\nb = gpuarray.to_gpu(np.array([0 + 0j] * n))\nc = gpuarray.to_gpu(np.array([False] * n))\nz = gpuarray.to_gpu(np.resize(np.array(0,), (10, 10)))\n',
      [4000, 16000, 1000, 800],
    ],
    [
      'an element-wise expression with an operand of unknown shape is unknown (not the known operand alone)',
      'x = load()\nd = gpuarray.to_gpu((np.zeros(400) + x[:, None]).astype(np.float32))\n',
      [null],
    ],
    [
      'a name rebound to a masked selection is unknown, not the size of the array it held before',
      'ys = np.arange(0, 10)\nys = ys[ys > 5]\nu = gpuarray.to_gpu(ys)\nv = cuda.mem_alloc(ys.nbytes)\n',
      [null, null],
    ],
    [
      'a NumPy scalar type called on an array casts the array (not a 0-d value); double buffers swapped keep their size',
      'o = np.random.rand(768, 1024) * 255\no = np.float32(o)\nd = gpuarray.to_gpu(o)\na = gpuarray.to_gpu(o)\nb = gpuarray.to_gpu(o)\nfor s in range(3):\n    a, b = b, a\nc = cuda.mem_alloc(a.nbytes)\n',
      [768 * 1024 * 4, 768 * 1024 * 4, 768 * 1024 * 4, 768 * 1024 * 4],
    ],
    [
      'straight-line rebinding: each use reads the binding before its statement',
      'n = 1024\nd = cuda.mem_alloc(n)\nn = 2 * n\ne = cuda.mem_alloc(n)\n',
      [1024, 2048],
    ],
    [
      'a rebinding in a branch or a loop before the use, or a use from a function, is unknown',
      'n = 1024\nif flag:\n    n = 2048\nd = cuda.mem_alloc(n)\nm = 8\nfor i in range(3):\n    m = m * 2\ne = cuda.mem_alloc(m)\nk = 1\ndef f():\n    return cuda.mem_alloc(k)\nk = 2\n',
      [null, null, null],
    ],
    [
      // NumPy 2.4 gives xs and ys 501 elements each (ceil of the float quotient), the grid 501 x 501 complex64.
      'float aranges from a method’s arguments, rebound in straight-line code, broadcast with newaxis, raveled, passed through a dispatch dict',
      'w = 1000\nclass View:\n    def render(self, lo, hi):\n        xs = np.arange(lo, hi, (hi - lo) / w * 2)\n        ys = np.arange(hi, lo, (lo - hi) / w * 2) * 1j\n        ys = ys.astype(np.complex64)\n        grid = np.ravel(xs + ys[:, np.newaxis]).astype(np.complex64)\n        run(grid)\n    def show(self):\n        self.render(-1.3, 1.3)\ndef upload(g):\n    d = gpuarray.to_gpu(g)\nkinds = {"gpu": upload}\nrun = kinds[sys.argv[1]]\nView().show()\n',
      [2008008],
    ],
  ];
  for (const [name, code, want] of cases) {
    it(name, async () => assert.deepEqual(await bytes(head + code, 'python'), want));
  }
});
