// Synthetic corpus file for the accuracy harness's own test (written for this repository, not taken from anywhere).
#include <cuda_runtime.h>

#define N (1 << 20)

__global__ void scale(const float *in, float *out, float k) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < N) out[i] = in[i] * k;
}

int run(const float *host, float *result, int rounds) {
  float *d_in = 0, *d_out = 0;
  if (cudaMalloc((void **)&d_out, N * sizeof(float)) != cudaSuccess) return 1;
  for (int r = 0; r < rounds; r++) {
    if (cudaMalloc((void **)&d_in, N * sizeof(float)) != cudaSuccess) return 1;
    if (cudaMemcpy(d_in, host, N * sizeof(float), cudaMemcpyHostToDevice) != cudaSuccess) return 1;
    scale<<<N / 256, 256>>>(d_in, d_out, 2.0f);
    if (cudaFree(d_in) != cudaSuccess) return 1;
  }
  if (cudaMemcpy(result, d_out, N * sizeof(float), cudaMemcpyDeviceToHost) != cudaSuccess) return 1;
  if (cudaFree(d_out) != cudaSuccess) return 1;
  return 0;
}
