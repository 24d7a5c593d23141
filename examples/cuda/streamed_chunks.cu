// The chunked version: pinned staging buffers, two streams, fixed device buffers, every status checked.
// Shows the patterns the rules ask for; the only finding is the per-chunk synchronisation.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                        \
    do {                                                                        \
        cudaError_t err_ = (call);                                              \
        if (err_ != cudaSuccess) {                                              \
            fprintf(stderr, "%s:%d %s\n", __FILE__, __LINE__, cudaGetErrorString(err_)); \
            exit(1);                                                            \
        }                                                                       \
    } while (0)

constexpr size_t CHUNK_ELEMENTS = 1 << 26;          // 256 MiB of floats per chunk
constexpr size_t CHUNK_BYTES = CHUNK_ELEMENTS * sizeof(float);
constexpr int STREAMS = 2;

__global__ void scale(float* data, size_t n, float factor) {
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) data[i] *= factor;
}

void process(const float* input, float* output, size_t total) {
    float* pinned[STREAMS];
    float* device[STREAMS];
    cudaStream_t streams[STREAMS];
    for (int s = 0; s < STREAMS; ++s) {
        CUDA_CHECK(cudaMallocHost(&pinned[s], CHUNK_BYTES));
        CUDA_CHECK(cudaMalloc(&device[s], CHUNK_BYTES));
        CUDA_CHECK(cudaStreamCreate(&streams[s]));
    }
    size_t chunks = (total + CHUNK_ELEMENTS - 1) / CHUNK_ELEMENTS;
    for (size_t c = 0; c < chunks; ++c) {
        int s = c % STREAMS;
        size_t offset = c * CHUNK_ELEMENTS;
        size_t n = total - offset < CHUNK_ELEMENTS ? total - offset : CHUNK_ELEMENTS;
        CUDA_CHECK(cudaStreamSynchronize(streams[s]));
        memcpy(pinned[s], input + offset, n * sizeof(float));
        CUDA_CHECK(cudaMemcpyAsync(device[s], pinned[s], n * sizeof(float), cudaMemcpyHostToDevice, streams[s]));
        scale<<<(n + 255) / 256, 256, 0, streams[s]>>>(device[s], n, 0.5f);
        CUDA_CHECK(cudaGetLastError());
        CUDA_CHECK(cudaMemcpyAsync(output + offset, device[s], n * sizeof(float), cudaMemcpyDeviceToHost, streams[s]));
    }
    CUDA_CHECK(cudaDeviceSynchronize());
    for (int s = 0; s < STREAMS; ++s) {
        CUDA_CHECK(cudaFree(device[s]));
        CUDA_CHECK(cudaFreeHost(pinned[s]));
        CUDA_CHECK(cudaStreamDestroy(streams[s]));
    }
}
