"""A Numba CUDA stencil that re-uploads its coefficients on every time step.

Shows: gpu-copy-in-loop, gpu-sync-in-loop.
"""
import numpy as np
from numba import cuda

NX = 8192
STEPS = 500

grid = np.zeros((NX, NX), dtype=np.float32)
coefficients = np.ones(9, dtype=np.float32)


@cuda.jit
def stencil(src, dst, coeff):
    i, j = cuda.grid(2)


def simulate():
    d_src = cuda.to_device(grid)
    d_dst = cuda.device_array_like(d_src)
    for step in range(STEPS):
        d_coeff = cuda.to_device(coefficients)
        stencil[(NX // 16, NX // 16), (16, 16)](d_src, d_dst, d_coeff)
        cuda.synchronize()
        d_src, d_dst = d_dst, d_src
    return d_src.copy_to_host()
