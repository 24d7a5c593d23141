"""Feature scaling on the GPU with CuPy: the whole feature matrix is loaded and uploaded at once.

Shows: gpu-whole-dataset-upload (size known only at run time, and a known 5 GiB upload), gpu-alloc-in-loop,
gpu-sync-in-loop.
"""
import numpy as np
import cupy as cp

ROWS = 20_000_000
COLS = 64


def scale_features(path):
    features = np.load(path)                 # size known only at run time
    d_features = cp.asarray(features)        # the whole file goes to the GPU in one copy
    mean = d_features.mean(axis=0)
    std = d_features.std(axis=0)
    return cp.asnumpy((d_features - mean) / std)


def synthetic():
    host = np.random.rand(ROWS, COLS).astype(np.float32)
    table = np.zeros((ROWS, COLS), dtype=np.float32)   # 20M x 64 x 4 bytes = 4.77 GiB
    d_table = cp.asarray(table)
    for epoch in range(10):
        noise = cp.random.standard_normal((ROWS, COLS), dtype=cp.float32)
        d_table += noise
        cp.cuda.Stream.null.synchronize()
    return d_table
