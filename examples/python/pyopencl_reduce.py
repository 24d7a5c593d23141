"""A reduction with PyOpenCL: a 6 GiB buffer and a run-time-sized buffer, blocking copies in a loop.

Shows: opencl-buffer-exceeds-max-alloc, opencl-no-max-alloc-query, opencl-blocking-transfer-in-loop.
"""
import numpy as np
import pyopencl as cl

ctx = cl.create_some_context()
queue = cl.CommandQueue(ctx)
mf = cl.mem_flags

GIB = 1 << 30
scratch = cl.Buffer(ctx, mf.READ_WRITE, size=6 * GIB)


def reduce_file(path):
    data = np.fromfile(path, dtype=np.float32)
    d_data = cl.Buffer(ctx, mf.READ_ONLY | mf.COPY_HOST_PTR, hostbuf=data)
    partial = np.empty(1024, dtype=np.float32)
    d_partial = cl.Buffer(ctx, mf.WRITE_ONLY, partial.nbytes)
    for _ in range(8):
        cl.enqueue_copy(queue, partial, d_partial)
    return partial.sum()
