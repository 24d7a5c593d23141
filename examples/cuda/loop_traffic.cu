// An iterative solver that re-uploads its constant matrix, re-allocates scratch space and waits for the
// device on every step, and copies asynchronously from pageable memory.
// Shows: gpu-copy-in-loop, gpu-alloc-in-loop, gpu-sync-in-loop, gpu-async-copy-pageable.
#include <vector>
#include <cuda_runtime.h>

#define CHECK(x) do { if ((x) != cudaSuccess) return -1; } while (0)

const int N = 4096;
const int ITERATIONS = 100;

__global__ void jacobi_step(const float* A, const float* x, float* x_new, float* scratch, int n) {}

int solve(std::vector<float>& x_host) {
    std::vector<float> A_host(N * N);
    float *A, *x, *x_new;
    cudaStream_t stream;
    CHECK(cudaStreamCreate(&stream));
    CHECK(cudaMalloc(&A, N * N * sizeof(float)));
    CHECK(cudaMalloc(&x, N * sizeof(float)));
    CHECK(cudaMalloc(&x_new, N * sizeof(float)));
    CHECK(cudaMemcpyAsync(x, x_host.data(), N * sizeof(float), cudaMemcpyHostToDevice, stream));
    for (int it = 0; it < ITERATIONS; ++it) {
        CHECK(cudaMemcpy(A, A_host.data(), N * N * sizeof(float), cudaMemcpyHostToDevice));
        float* scratch;
        CHECK(cudaMalloc(&scratch, N * sizeof(float)));
        jacobi_step<<<N / 256, 256, 0, stream>>>(A, x, x_new, scratch, N);
        CHECK(cudaGetLastError());
        CHECK(cudaDeviceSynchronize());
        CHECK(cudaFree(scratch));
        float* tmp = x; x = x_new; x_new = tmp;
    }
    CHECK(cudaMemcpy(x_host.data(), x, N * sizeof(float), cudaMemcpyDeviceToHost));
    CHECK(cudaFree(A));
    CHECK(cudaFree(x));
    CHECK(cudaFree(x_new));
    return 0;
}
