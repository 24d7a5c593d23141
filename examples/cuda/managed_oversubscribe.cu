// A graph kernel on unified memory: 24 GiB of managed arrays on a 16 GB GPU, no prefetch, no advice.
// Shows: gpu-managed-oversubscription (and gpu-exceeds-device-memory, since managed memory counts too).
#include <cuda_runtime.h>
#include <cstdio>

typedef struct { unsigned long long src, dst; float weight; } Edge;   // 24 bytes with padding

enum { EDGES_LOG2 = 30 };
static const size_t EDGES = 1ULL << EDGES_LOG2;

__global__ void relax(Edge* edges, float* dist, size_t n) {}

int main() {
    Edge* edges;
    float* dist;
    cudaError_t err = cudaMallocManaged(&edges, EDGES * sizeof(Edge));
    if (err != cudaSuccess) { printf("%s\n", cudaGetErrorString(err)); return 1; }
    err = cudaMallocManaged(&dist, EDGES * sizeof(float));
    if (err != cudaSuccess) return 1;
    relax<<<EDGES / 256, 256>>>(edges, dist, EDGES);
    err = cudaDeviceSynchronize();
    if (err != cudaSuccess) return 1;
    if (cudaFree(edges) != cudaSuccess || cudaFree(dist) != cudaSuccess) return 1;
    return 0;
}
