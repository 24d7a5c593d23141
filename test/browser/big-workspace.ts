// A generated GPU workspace of many small CUDA programs in a dozen folders, for the report's big-workspace layout:
// most files fit, a few need chunking (one buffer copied whole that is larger than the budget), a few leave
// their size to run time (unknown) and a few hold more fixed memory than any budget (does not fit on a T4).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type GeneratedKind = 'fits' | 'needs-chunking' | 'unknown' | 'does-not-fit';

/** Which kind file `i` is: every 12th needs chunking, every 17th is unknown, every 29th does not fit, the rest fit. */
export function generatedKind(i: number): GeneratedKind {
  if (i % 29 === 28) return 'does-not-fit';
  if (i % 17 === 16) return 'unknown';
  if (i % 12 === 11) return 'needs-chunking';
  return 'fits';
}

function program(i: number, kind: GeneratedKind): string {
  const head = `// generated program ${i}\n#include <cuda_runtime.h>\n__global__ void k${i}(float* x, size_t n) { size_t j = blockIdx.x * blockDim.x + threadIdx.x; if (j < n) x[j] *= 2.0f; }\n`;
  switch (kind) {
    case 'fits':
      return `${head}int main(void) {\n  const size_t n = ${(1 + (i % 8)) << 20};\n  float* d; cudaMalloc(&d, n * sizeof(float));\n  k${i}<<<n / 256, 256>>>(d, n);\n  cudaFree(d);\n  return 0;\n}\n`;
    case 'does-not-fit':
      // One 16 GiB data buffer beside seven 2 GiB ones: 14 GiB that no chunking shrinks, more than a T4's budget.
      return `${head}int main(void) {\n  const size_t big = 4ULL << 30, small = 512ULL << 20;\n  float *d, *f0, *f1, *f2, *f3, *f4, *f5, *f6;\n  cudaMalloc(&d, big * sizeof(float));\n  cudaMalloc(&f0, small * sizeof(float)); cudaMalloc(&f1, small * sizeof(float)); cudaMalloc(&f2, small * sizeof(float)); cudaMalloc(&f3, small * sizeof(float));\n  cudaMalloc(&f4, small * sizeof(float)); cudaMalloc(&f5, small * sizeof(float)); cudaMalloc(&f6, small * sizeof(float));\n  k${i}<<<big / 256, 256>>>(d, big);\n  return 0;\n}\n`;
    case 'needs-chunking':
      // One 20 GiB whole-data-set upload (a buffer copied from the host at once).
      return `${head}#include <cstdlib>\nint main(void) {\n  const size_t n = 5ULL << 30;\n  float* h = (float*)malloc(n * sizeof(float));\n  float* d; cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  k${i}<<<n / 256, 256>>>(d, n);\n  cudaFree(d); free(h);\n  return 0;\n}\n`;
    case 'unknown':
      return `${head}#include <cstdlib>\nint main(int argc, char** argv) {\n  size_t n = (size_t)atol(argv[1]);\n  float* d; cudaMalloc(&d, n * sizeof(float));\n  k${i}<<<n / 256, 256>>>(d, n);\n  cudaFree(d);\n  return 0;\n}\n`;
  }
}

/** Writes `count` programs under `root` (12 folders, two levels deep), replacing what was there; returns their paths. */
export function writeBigGpuWorkspace(root: string, count = 180): string[] {
  rmSync(root, { recursive: true, force: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = join('src', `service-${String.fromCharCode(97 + (i % 4))}`, `kernels-${Math.floor(i / 4) % 3}`);
    mkdirSync(join(root, dir), { recursive: true });
    const rel = join(dir, `op_${String(i).padStart(3, '0')}.cu`);
    writeFileSync(join(root, rel), program(i, generatedKind(i)));
    paths.push(rel);
  }
  return paths;
}
