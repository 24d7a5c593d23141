import assert from 'node:assert/strict';
import { allocationsOf as allocs, factsOf, transfersOf as transfers } from '../../helpers/facts';

const facts = (code: string) => factsOf(code, 'python');

describe('Python GPU facts', () => {
  const sizes: Array<[string, string, number | null]> = [
    ['cupy default dtype is float64', 'import cupy as cp\nx = cp.zeros((100, 10))', 8000],
    ['cupy dtype keyword and string', 'import cupy\nx = cupy.empty((1 << 10,), dtype="float16")', 2048],
    ['module constants in shapes', 'import cupy as cp\nN = 1_000\nM = N * 2\nx = cp.ones((N, M), cp.int32)', 8_000_000],
    ['torch default float32 with positional dims', 'import torch\nx = torch.zeros(256, 256, device="cuda")', 262144],
    ['torch device object', 'import torch\ndev = torch.device("cuda:0")\nx = torch.empty((10,), dtype=torch.float64, device=dev)', 80],
    [
      'pycuda mem_alloc of nbytes',
      'import numpy as np\nimport pycuda.driver as drv\na = np.zeros(1000, dtype=np.float32)\nd = drv.mem_alloc(a.nbytes)',
      4000,
    ],
    ['numba device_array', 'from numba import cuda\nimport numpy as np\nd = cuda.device_array((64, 64), dtype=np.float32)', 16384],
    [
      'pyopencl buffer from hostbuf',
      'import numpy as np\nimport pyopencl as cl\nh = np.ones(50, dtype=np.int64)\nb = cl.Buffer(ctx, cl.mem_flags.COPY_HOST_PTR, hostbuf=h)',
      400,
    ],
    ['cp.cuda.alloc of a byte count', 'import cupy as cp\np = cp.cuda.alloc(1 << 20)', 1048576],
    ['torch tensor on a device held in a plain string', 'import torch\ndevice = "cuda:0"\nx = torch.zeros(256, device=device)', 1024],
    [
      'np.array of a random array converted by a dtype keyword',
      'import numpy as np\nfrom pycuda import gpuarray\nn = 100\na = np.array(np.random.rand(n), dtype=np.float32)\nb = gpuarray.to_gpu(a)',
      400,
    ],
    [
      'np.asarray of a random array converted by a positional dtype',
      'import numpy as np\nfrom pycuda import gpuarray\na = np.asarray(np.random.rand(5), np.float32)\nb = gpuarray.to_gpu(a)',
      20,
    ],
    [
      'np.array of a random array without a dtype keeps float64',
      'import numpy as np\nfrom pycuda import gpuarray\na = np.array(np.random.rand(5))\nb = gpuarray.to_gpu(a)',
      40,
    ],
    [
      'astype of a host array by name keeps its elements at the new dtype',
      'import numpy as np\nfrom pycuda import gpuarray\na = np.random.rand(1000)\na = a.astype(np.float32)\nd = gpuarray.to_gpu(a)',
      4000,
    ],
    [
      'zeros_like of a cast array, cast again',
      'import numpy as np\nfrom pycuda import gpuarray\na = np.random.rand(10).astype(np.float32)\ns = np.zeros_like(a)\ns = s.astype(np.int16)\nd = gpuarray.to_gpu(s)',
      20,
    ],
    [
      'np.asarray of a named float64 array with a positional dtype',
      'import numpy as np\nfrom pycuda import gpuarray\nv = np.random.randn(7)\nx = np.asarray(v, np.float32)\nd = gpuarray.to_gpu(x)',
      28,
    ],
    [
      'a.size * a.dtype.itemsize',
      'import numpy as np\nimport pycuda.driver as cuda\na = np.random.randn(4, 4).astype(np.float32)\nd = cuda.mem_alloc(a.size * a.dtype.itemsize)',
      64,
    ],
    [
      'astype of an element-wise expression of creators and scalars',
      'import numpy as np\nfrom pycuda import gpuarray\na = (np.random.randn(400) + 1j * np.random.randn(400)).astype(np.complex64)\nd = gpuarray.to_gpu(a)',
      3200,
    ],
    [
      'element-wise expression of two shapes that broadcast: (400,) + (400, 1) is 400 x 400',
      'import numpy as np\nfrom pycuda import gpuarray\na = (np.random.randn(400) + np.random.randn(400, 1)).astype(np.float32)\nd = gpuarray.to_gpu(a)',
      400 * 400 * 4,
    ],
    [
      'element-wise expression of shapes that do not broadcast stays unknown',
      'import numpy as np\nfrom pycuda import gpuarray\na = (np.random.randn(400) + np.random.randn(300)).astype(np.float32)\nd = gpuarray.to_gpu(a)',
      null,
    ],
    [
      'PyCUDA vector dtype (vec.float3: three float32 fields)',
      'import numpy\nfrom pycuda import gpuarray\nn = gpuarray.zeros(shape=(50, 50, 2), dtype=gpuarray.vec.float3)',
      60000,
    ],
    ['np.load size is unknown', 'import numpy as np\nimport cupy as cp\nx = np.load("f.npy")\nd = cp.asarray(x)', null],
  ];
  for (const [name, code, bytes] of sizes) {
    it(name, async () => {
      const a = allocs(await facts(code));
      assert.equal(a.length, 1);
      assert.equal(a[0]!.size.bytes, bytes);
    });
  }

  it('numba create_xoroshiro128p_states: a device array of 16-byte states filled by one upload from the host', async () => {
    const f = await facts('from numba.cuda.random import create_xoroshiro128p_states\nrng = create_xoroshiro128p_states(256 * 4, seed=1)');
    assert.deepEqual(
      allocs(f).map((a) => a.size.bytes),
      [16384],
    );
    assert.deepEqual(
      transfers(f).map((t) => [t.direction, t.size.bytes]),
      [['host-to-device', 16384]],
    );
  });

  it('a random generator or bit generator is no array: its seed is not a shape', async () => {
    const a = allocs(await facts('import cupy as cp\ngen = cp.random.Generator(cp.random.XORWOW(1234))\ncp.random.seed(7)\nx = cp.random.rand(10)'));
    assert.deepEqual(
      a.map((x) => [x.api, x.size.bytes]),
      [['cupy.random.rand', 80]],
    );
  });

  it('CuPy and PyTorch allocations come from their caching pools; a PyCUDA one only with an allocator', async () => {
    const a = allocs(
      await facts(
        'import cupy as cp\nimport numpy as np\nimport pycuda.gpuarray as gpuarray\nx = cp.cuda.alloc(64)\ny = gpuarray.zeros(8, dtype=np.float32)\nz = gpuarray.zeros(8, dtype=np.float32, allocator=pool.allocate)',
      ),
    );
    assert.deepEqual(
      a.map((e) => Boolean(e.pooled)),
      [true, false, true],
    );
  });

  it('a copy whose data changes in its loop says why', async () => {
    const t = transfers(
      await facts(
        'import numpy as np\nimport cupy as cp\nc = np.ones(4)\nfor i in range(3):\n    a = np.random.rand(4)\n    d = cp.asarray(a)\n    e = cp.asarray(c)\n    step(d)\n    h = cp.asnumpy(d)\n',
      ),
    );
    assert.deepEqual(
      t.map((x) => x.changesInLoop ?? null),
      ['host-written', null, 'device-written'],
    );
  });

  it('resolves `cuda` through the imports: Numba vs PyCUDA', async () => {
    const numba = allocs(await facts('from numba import cuda\nimport numpy as np\na = np.zeros(4)\nd = cuda.to_device(a)'));
    const pycuda = allocs(await facts('import pycuda.driver as cuda\nimport numpy as np\na = np.zeros(4)\nd = cuda.to_device(a)'));
    assert.equal(numba[0]!.family, 'numba');
    assert.equal(pycuda[0]!.family, 'pycuda');
  });

  it('uploads are an allocation plus a host-to-device transfer', async () => {
    const f = await facts('import torch\nt = torch.ones(8)\ng = t.cuda(non_blocking=True)');
    assert.equal(allocs(f).length, 1);
    const t = transfers(f)[0]!;
    assert.equal(t.direction, 'host-to-device');
    assert.equal(t.async, true);
    assert.equal(t.hostOrigin?.kind, 'pageable');
    assert.equal(t.size.bytes, 32);
  });

  it('loop trip counts from range() and comprehensions', async () => {
    const f = await facts('import cupy as cp\nfor i in range(2, 20, 3):\n    x = cp.zeros(4)\ny = [cp.zeros(4) for j in range(7)]');
    const [a, b] = allocs(f);
    assert.equal(a!.loop?.tripCount, 6);
    assert.deepEqual(a!.loop?.variables, ['i']);
    assert.equal(b!.loop?.tripCount, null);
    assert.deepEqual(b!.loop?.variables, ['j']);
  });

  it('pyopencl copy direction from known device buffers and blocking default', async () => {
    const f = await facts(
      'import numpy as np\nimport pyopencl as cl\nh = np.zeros(10, dtype=np.float32)\nd = cl.Buffer(ctx, cl.mem_flags.READ_WRITE, h.nbytes)\ncl.enqueue_copy(q, d, h)\ncl.enqueue_copy(q, h, d, is_blocking=False)',
    );
    const [up, down] = transfers(f);
    assert.equal(up!.direction, 'host-to-device');
    assert.equal(up!.blocking, true);
    assert.equal(up!.size.bytes, 40);
    assert.equal(down!.direction, 'device-to-host');
    assert.equal(down!.blocking, false);
  });

  it('files without GPU imports yield no facts', async () => {
    const f = await facts('import numpy as np\nx = np.zeros(10)\ny = x.to("cuda")');
    assert.equal(f.events.length, 0);
  });

  it('kernel launches: Numba/CuPy kernel[grid, block](...), PyCUDA prepared_call and block= calls; nothing without the import', async () => {
    const launches = async (code: string) =>
      (await facts(code)).events.filter((e) => e.kind === 'launch').map((e) => `${e.api}@${e.line}:${e.family}`);
    assert.deepEqual(await launches('from numba import cuda\nkernel[4, 256](d)\nx = table[0](1)\nmod.k[(8, 8), (16, 16), stream](d)\n'), [
      'kernel[]()@2:numba',
      'mod.k[]()@4:numba',
    ]);
    assert.deepEqual(
      await launches('import pycuda.autoinit\nfunc.prepared_call(grid, block, a)\nfunc(a, b, block=(256, 1, 1), grid=(4, 1))\nprint(x, end="")\n'),
      ['func.prepared_call@2:pycuda', 'func@3:pycuda'],
    );
    assert.deepEqual(await launches('import numpy as np\nkernel[4, 256](d)\nf(a, block=1)\n'), []);
  });
});
