// GPU catalog: memory per device, with where each figure came from. Vendors' "GB" behave as GiB in practice
// (CUDA reports 40,441 MiB on an A100-40GB; PyTorch 23.68 GiB total on an RTX 4090), so memoryGiB is taken as
// GiB. OpenCL's per-buffer limit (CL_DEVICE_MAX_MEM_ALLOC_SIZE) defaults to 1/4 of global memory, the value
// NVIDIA's driver has historically reported; ROCm reports about 85%. A query on the real device always wins.
// Figures compiled 2026-11-24 in shared/SIZING-FACTS.md (sources G1-G9 there).
import { GIB } from '../model/units';

export interface GpuSpec {
  id: string;
  name: string;
  vendor: 'nvidia' | 'amd' | 'custom';
  memoryGiB: number;
  /** Bandwidth in GB/s where the source states it; used to price chunking in the sizing report. */
  bandwidthGBps?: number;
  /** Fraction of global memory one OpenCL buffer may take (CL_DEVICE_MAX_MEM_ALLOC_SIZE / global). */
  openclMaxAllocFraction: number;
  source: string;
  sourceDate: string;
}

const NVIDIA_OPENCL_FRACTION = 0.25; // SIZING-FACTS G7: clinfo shows 1/4 of global memory on NVIDIA drivers.
const ROCM_OPENCL_FRACTION = 0.85; // SIZING-FACTS G8: ROCm 7.98 -> 6.79 GiB, 15.98 -> 13.59 GiB.

export const GPU_CATALOG: readonly GpuSpec[] = [
  { id: 't4', name: 'NVIDIA T4 16 GB', vendor: 'nvidia', memoryGiB: 16, bandwidthGBps: 320, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'hmc-tech.com/gpu/nvidia-l4-vs-nvidia-t4 (SIZING-FACTS G1)', sourceDate: '2026-11-24' },
  { id: 'l4', name: 'NVIDIA L4 24 GB', vendor: 'nvidia', memoryGiB: 24, bandwidthGBps: 300, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'hmc-tech.com/gpu/nvidia-l4-vs-nvidia-t4 (SIZING-FACTS G1)', sourceDate: '2026-11-24' },
  { id: 'a10g', name: 'NVIDIA A10G 24 GB (AWS g5)', vendor: 'nvidia', memoryGiB: 24, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'AWS EC2 g5 price tables (SIZING-FACTS P1)', sourceDate: '2026-11-24' },
  { id: 'a100-40', name: 'NVIDIA A100 40 GB', vendor: 'nvidia', memoryGiB: 40, bandwidthGBps: 1555, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'glennklockwood.com/garden/processors/A100 (SIZING-FACTS G2)', sourceDate: '2026-11-24' },
  { id: 'a100-80', name: 'NVIDIA A100 80 GB', vendor: 'nvidia', memoryGiB: 80, bandwidthGBps: 2039, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'glennklockwood.com/garden/processors/A100 (SIZING-FACTS G2)', sourceDate: '2026-11-24' },
  { id: 'h100', name: 'NVIDIA H100 SXM 80 GB', vendor: 'nvidia', memoryGiB: 80, bandwidthGBps: 3350, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'lzwjava.github.io/nvidia-h200-gpu-specs-en (SIZING-FACTS G3)', sourceDate: '2026-11-24' },
  { id: 'h200', name: 'NVIDIA H200 141 GB', vendor: 'nvidia', memoryGiB: 141, bandwidthGBps: 4800, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'lzwjava.github.io/nvidia-h200-gpu-specs-en (SIZING-FACTS G3)', sourceDate: '2026-11-24' },
  { id: 'rtx4090', name: 'NVIDIA GeForce RTX 4090 24 GB', vendor: 'nvidia', memoryGiB: 24, openclMaxAllocFraction: NVIDIA_OPENCL_FRACTION, source: 'github zai-org/CogVideo#36 (SIZING-FACTS G4)', sourceDate: '2026-11-24' },
  { id: 'mi300x', name: 'AMD Instinct MI300X 192 GB', vendor: 'amd', memoryGiB: 192, bandwidthGBps: 5300, openclMaxAllocFraction: ROCM_OPENCL_FRACTION, source: 'AnandTech MI300X launch (SIZING-FACTS G5)', sourceDate: '2026-11-24' },
];


/** Resolves a catalog id, or the `custom` GPU from the configuration. */
export function findGpu(id: string, custom?: { memoryGiB: number; openclMaxAllocBytes?: number; name?: string }): GpuSpec | undefined {
  if (id === 'custom' && custom) {
    return {
      id: 'custom', name: custom.name ?? `Custom GPU ${custom.memoryGiB} GiB`, vendor: 'custom', memoryGiB: custom.memoryGiB,
      openclMaxAllocFraction: custom.openclMaxAllocBytes ? custom.openclMaxAllocBytes / (custom.memoryGiB * GIB) : NVIDIA_OPENCL_FRACTION,
      source: 'user configuration', sourceDate: 'n/a',
    };
  }
  return GPU_CATALOG.find((g) => g.id === id);
}

export function deviceBytes(gpu: GpuSpec): number {
  return Math.round(gpu.memoryGiB * GIB);
}

export function openclMaxAllocBytes(gpu: GpuSpec): number {
  return Math.floor(deviceBytes(gpu) * gpu.openclMaxAllocFraction);
}
