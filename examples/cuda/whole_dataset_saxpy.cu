// SAXPY over a data set read from disk: the whole file is copied to the GPU at once.
// Shows: gpu-whole-dataset-upload, gpu-exceeds-device-memory, gpu-unchecked-call, gpu-missing-free.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define THREADS 256
// Three 6 GiB vectors: 18 GiB of device memory, more than a 16 GB T4 has.
#define ELEMENTS (3ULL << 29)

__global__ void saxpy(float a, const float* __restrict__ x, float* __restrict__ y, size_t n) {
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}

static size_t file_elements(const char* path) {
    FILE* f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fclose(f);
    return (size_t)bytes / sizeof(float);
}

int run_from_file(const char* path) {
    size_t n = file_elements(path);
    size_t bytes = n * sizeof(float);
    float* h_x = (float*)malloc(bytes);
    FILE* f = fopen(path, "rb");
    fread(h_x, sizeof(float), n, f);
    fclose(f);

    float* d_x;
    cudaMalloc(&d_x, bytes);
    cudaMemcpy(d_x, h_x, bytes, cudaMemcpyHostToDevice);
    saxpy<<<(n + THREADS - 1) / THREADS, THREADS>>>(2.0f, d_x, d_x, n);
    cudaDeviceSynchronize();
    free(h_x);
    return 0;
}

int run_fixed(void) {
    const size_t bytes = ELEMENTS * sizeof(float);
    float *d_x, *d_y, *d_out;
    cudaMalloc((void**)&d_x, bytes);
    cudaMalloc((void**)&d_y, bytes);
    cudaMalloc((void**)&d_out, bytes);
    saxpy<<<ELEMENTS / THREADS, THREADS>>>(2.0f, d_x, d_y, ELEMENTS);
    cudaFree(d_x);
    cudaFree(d_y);
    cudaFree(d_out);
    return 0;
}

int main(int argc, char** argv) {
    return argc > 1 ? run_from_file(argv[1]) : run_fixed();
}
