// GPU catalog: per device the nominal memory (vendor "GB", which behaves as GiB), the memory the driver reports
// (after ECC on GDDR and the driver's own reserve: what cudaMemGetInfo / CL_DEVICE_GLOBAL_MEM_SIZE start from), the
// host link for transfer times, and the OpenCL per-buffer rule of its vendor. The budget a program can plan for is
// reported − one CUDA context − a fragmentation margin. Every figure names its source and the date it was read; a
// figure not found stays unknown (null) and the report says so. Compiled in shared/SIZING-FACTS.md (2026-11-24,
// corrections 2026-12-02) and re-checked 2026-12-03.
import { GIB } from '../model/units';

const MIB = 1024 * 1024;

export type GpuVendor = 'nvidia' | 'amd' | 'intel' | 'custom';

export interface SourcedBytes {
  bytes: number;
  /** `cuda`: the total CUDA reports (cudaGetDeviceProperties / torch); `nvidia-smi`: the driver's total; `derived`: nominal less ECC. */
  kind: 'cuda' | 'nvidia-smi' | 'derived' | 'nominal';
  source: string;
  sourceDate: string;
}

export interface HostLink {
  name: string;
  /** Theoretical bytes per second per direction, in GB/s (10^9). */
  gbps: number;
  source: string;
  sourceDate: string;
}

export interface GpuInstance {
  id: string;
  gpus: number;
  onDemandUsdPerHour: number;
  /** 1-year reserved (the listing's "reserved" column); null where the listing has none. */
  reserved1yUsdPerHour: number | null;
  source: string;
  sourceDate: string;
}

/** us-east-1 Linux prices as listed by instances.vantage.sh (snapshot in gh tsaol/aws-gpu data/all_gpu_instances.js, 2025-11-30). */
const VANTAGE = 'instances.vantage.sh us-east-1 Linux on-demand and reserved prices (snapshot in gh tsaol/aws-gpu, 2025-11-30)';
const aws = (id: string, gpus: number, onDemand: number, reserved: number | null): GpuInstance => ({
  id,
  gpus,
  onDemandUsdPerHour: onDemand,
  reserved1yUsdPerHour: reserved,
  source: VANTAGE,
  sourceDate: '2025-11-30',
});

export interface GpuSpec {
  id: string;
  name: string;
  vendor: GpuVendor;
  memoryGiB: number;
  /** Bandwidth in GB/s where the source states it. */
  bandwidthGBps?: number;
  /** Fraction of global memory one OpenCL buffer may take (CL_DEVICE_MAX_MEM_ALLOC_SIZE / reported global). */
  openclMaxAllocFraction: number;
  /** A hard per-allocation cap, where the vendor has one (Intel's compute runtime: 4 GiB). */
  openclMaxAllocCapBytes?: number;
  /** Memory the driver reports; absent: not found, the nominal size stands in and the report says so. */
  reported?: SourcedBytes;
  /** Host ↔ device link; null: not found, transfer times are not estimated. */
  hostLink: HostLink | null;
  /** The smallest AWS instance with this GPU and its prices; absent: not offered on AWS (or not found). */
  awsInstance?: GpuInstance;
  source: string;
  sourceDate: string;
}

/** OpenCL per-buffer rules per vendor, each of the reported global memory. */
export const OPENCL_MAX_ALLOC = {
  /** NVIDIA's driver reports 1/4 of global memory (clinfo 2 GiB → 512 MiB; SIZING-FACTS G7, arrayfire-python#150). */
  nvidia: {
    fraction: 0.25,
    source: 'clinfo on NVIDIA drivers: 1/4 of CL_DEVICE_GLOBAL_MEM_SIZE (gh arrayfire/arrayfire-python#150, SparseLinearAlgebra/spla#97)',
  },
  /** ROCm reports ≈ 85% (7.98 → 6.79 GiB, 15.98 → 13.59 GiB; SIZING-FACTS G8). */
  amd: { fraction: 0.85, source: 'ROCm clinfo ≈ 85% of global memory (gh ROCm/legacy-rocm-build#1301, NixOS/nixpkgs#152113)' },
  /** Intel's compute runtime caps one allocation at 4 GiB unless CL_MEM_ALLOW_UNRESTRICTED_SIZE_INTEL (intel/compute-runtime#627). */
  intel: { fraction: 1, capBytes: 4 * GIB, source: 'Intel compute runtime: 4 GiB per allocation (gh intel/compute-runtime#627)' },
} as const;

/**
 * One CUDA context: ≈ 0.3–0.8 GiB; the largest measured start-up figure, 781 MB (pytorch/pytorch#34323; 287 MB lazy /
 * 667 MB eager in #86509), is taken so a plan does not count on lazy loading.
 */
export const CUDA_CONTEXT_BYTES = 781 * MIB;
/**
 * Fragmentation margin: the share of usable memory left unplanned is 1 − safety factor (0.9 = vLLM's and
 * TensorRT-LLM's default of 90% of GPU memory), never less than llama.cpp's 1,024 MiB per device (ggml-org/llama.cpp#16653).
 */
export const MIN_FRAGMENTATION_MARGIN_BYTES = 1024 * MIB;

const READ = '2026-12-03';
const FACTS = '2026-11-24';
const MODAL = 'nvidia-smi totals (gh modal-labs/modal-client#2797, 2025-01)';
const PCIE3 = (src: string): HostLink => ({ name: 'PCIe 3.0 x16', gbps: 15.75, source: src, sourceDate: '2026-12-02' });
const PCIE4 = (src: string): HostLink => ({ name: 'PCIe 4.0 x16', gbps: 31.5, source: src, sourceDate: '2026-12-02' });
const PCIE5 = (src: string): HostLink => ({ name: 'PCIe 5.0 x16', gbps: 63, source: src, sourceDate: '2026-12-02' });
const mib = (n: number, kind: SourcedBytes['kind'], source: string, sourceDate = READ): SourcedBytes => ({
  bytes: n * MIB,
  kind,
  source,
  sourceDate,
});
const NV = OPENCL_MAX_ALLOC.nvidia.fraction;

export const GPU_CATALOG: readonly GpuSpec[] = [
  {
    id: 't4',
    name: 'NVIDIA T4 16 GB',
    vendor: 'nvidia',
    memoryGiB: 16,
    bandwidthGBps: 320,
    openclMaxAllocFraction: NV,
    // CUDA shows 14.76 GiB; nvidia-smi 15,360 MiB (ECC on takes 6.25% of the 16 GiB).
    reported: {
      bytes: Math.round(14.76 * GIB),
      kind: 'cuda',
      source: 'CUDA deviceQuery 14.76 GiB; nvidia-smi 15,360 MiB (gh modal-labs/modal-client#2797)',
      sourceDate: '2026-12-02',
    },
    hostLink: PCIE3('NVIDIA T4 product brief: PCIe Gen3 x16'),
    awsInstance: aws('g4dn.xlarge', 1, 0.526, 0.331),
    source: 'hmc-tech.com/gpu/nvidia-l4-vs-nvidia-t4',
    sourceDate: FACTS,
  },
  {
    id: 'l4',
    name: 'NVIDIA L4 24 GB',
    vendor: 'nvidia',
    memoryGiB: 24,
    bandwidthGBps: 300,
    openclMaxAllocFraction: NV,
    reported: mib(23_034, 'nvidia-smi', MODAL),
    hostLink: PCIE4('NVIDIA L4 datasheet: PCIe Gen4 x16'),
    awsInstance: aws('g6.xlarge', 1, 0.8048, 0.52392),
    source: 'hmc-tech.com/gpu/nvidia-l4-vs-nvidia-t4',
    sourceDate: FACTS,
  },
  {
    id: 'a10g',
    name: 'NVIDIA A10G 24 GB (AWS g5)',
    vendor: 'nvidia',
    memoryGiB: 24,
    openclMaxAllocFraction: NV,
    reported: mib(23_028, 'nvidia-smi', `${MODAL}, A10`),
    hostLink: PCIE4('AWS g5 / NVIDIA A10: PCIe Gen4'),
    awsInstance: aws('g5.xlarge', 1, 1.006, 0.63378),
    source: 'AWS EC2 g5 instance types',
    sourceDate: FACTS,
  },
  {
    id: 'a100-40',
    name: 'NVIDIA A100 40 GB',
    vendor: 'nvidia',
    memoryGiB: 40,
    bandwidthGBps: 1555,
    openclMaxAllocFraction: NV,
    reported: mib(40_441, 'cuda', 'CUDA reports 40,441 MiB (glennklockwood.com/garden/processors/A100)', FACTS),
    hostLink: PCIE4('NVIDIA A100: PCIe Gen4'),
    // After AWS's 2025 price cut; older copies list 32.77 (SIZING-FACTS P1).
    awsInstance: aws('p4d.24xlarge', 8, 21.957642, 13.921094),
    source: 'glennklockwood.com/garden/processors/A100',
    sourceDate: FACTS,
  },
  {
    id: 'a100-80',
    name: 'NVIDIA A100 80 GB',
    vendor: 'nvidia',
    memoryGiB: 80,
    bandwidthGBps: 2039,
    openclMaxAllocFraction: NV,
    reported: mib(81_920, 'nvidia-smi', MODAL),
    hostLink: PCIE4('NVIDIA A100: PCIe Gen4'),
    awsInstance: aws('p4de.24xlarge', 8, 27.44705, 17.401365),
    source: 'glennklockwood.com/garden/processors/A100',
    sourceDate: FACTS,
  },
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM 80 GB',
    vendor: 'nvidia',
    memoryGiB: 80,
    bandwidthGBps: 3350,
    openclMaxAllocFraction: NV,
    reported: mib(81_559, 'nvidia-smi', `${MODAL}; also gh NVIDIA/nccl#1264`),
    hostLink: PCIE5('NVIDIA H100: PCIe Gen5 host link'),
    awsInstance: aws('p5.48xlarge', 8, 55.04, null),
    source: 'lzwjava.github.io/nvidia-h200-gpu-specs-en',
    sourceDate: FACTS,
  },
  {
    // Reported size not found in a source we read: the nominal size stands in (an upper bound).
    id: 'h200',
    name: 'NVIDIA H200 141 GB',
    vendor: 'nvidia',
    memoryGiB: 141,
    bandwidthGBps: 4800,
    openclMaxAllocFraction: NV,
    hostLink: PCIE5('NVIDIA H200: PCIe Gen5 host link'),
    awsInstance: aws('p5en.48xlarge', 8, 63.296, null),
    source: 'lzwjava.github.io/nvidia-h200-gpu-specs-en',
    sourceDate: FACTS,
  },
  {
    id: 'rtx4090',
    name: 'NVIDIA GeForce RTX 4090 24 GB',
    vendor: 'nvidia',
    memoryGiB: 24,
    openclMaxAllocFraction: NV,
    reported: { bytes: Math.round(23.68 * GIB), kind: 'cuda', source: 'PyTorch: 23.68 GiB total (gh zai-org/CogVideo#36)', sourceDate: FACTS },
    hostLink: PCIE4('RTX 4090 slots at Gen4 x16 (gh tinygrad/open-gpu-kernel-modules#6)'),
    source: 'gh zai-org/CogVideo#36',
    sourceDate: FACTS,
  },
  {
    // Reported size and host link not found in a source we read.
    id: 'mi300x',
    name: 'AMD Instinct MI300X 192 GB',
    vendor: 'amd',
    memoryGiB: 192,
    bandwidthGBps: 5300,
    openclMaxAllocFraction: OPENCL_MAX_ALLOC.amd.fraction,
    hostLink: null,
    source: 'AnandTech MI300X launch',
    sourceDate: FACTS,
  },
];

/** Resolves a catalog id, or the `custom` GPU from the configuration. */
export function findGpu(id: string, custom?: { memoryGiB: number; openclMaxAllocBytes?: number; name?: string }): GpuSpec | undefined {
  if (id === 'custom' && custom) {
    return {
      id: 'custom',
      name: custom.name ?? `Custom GPU ${custom.memoryGiB} GiB`,
      vendor: 'custom',
      memoryGiB: custom.memoryGiB,
      openclMaxAllocFraction: custom.openclMaxAllocBytes ? custom.openclMaxAllocBytes / (custom.memoryGiB * GIB) : NV,
      // The configured size is taken as what the driver reports.
      reported: { bytes: Math.round(custom.memoryGiB * GIB), kind: 'nominal', source: 'user configuration', sourceDate: 'n/a' },
      hostLink: null,
      source: 'user configuration',
      sourceDate: 'n/a',
    };
  }
  return GPU_CATALOG.find((g) => g.id === id);
}

/** The nominal memory (vendor "GB" as GiB). */
export function deviceBytes(gpu: GpuSpec): number {
  return Math.round(gpu.memoryGiB * GIB);
}

/** What the driver reports: the measured figure, or the nominal size where none was found. */
export function reportedBytes(gpu: GpuSpec): number {
  return gpu.reported?.bytes ?? deviceBytes(gpu);
}

/** Memory a program can allocate: reported − one CUDA context. */
export function usableBytes(gpu: GpuSpec): number {
  return Math.max(0, reportedBytes(gpu) - CUDA_CONTEXT_BYTES);
}

/** The fragmentation margin at a safety factor: (1 − factor) × usable, at least 1,024 MiB. */
export function fragmentationMarginBytes(gpu: GpuSpec, safetyFactor: number): number {
  return Math.max(MIN_FRAGMENTATION_MARGIN_BYTES, Math.ceil(usableBytes(gpu) * (1 - safetyFactor)));
}

/** The budget a program can plan for: reported − CUDA context − fragmentation margin. */
export function budgetBytes(gpu: GpuSpec, safetyFactor: number): number {
  return Math.max(0, usableBytes(gpu) - fragmentationMarginBytes(gpu, safetyFactor));
}

/** CL_DEVICE_MAX_MEM_ALLOC_SIZE as the vendor's driver reports it: a fraction of the reported memory, capped where the vendor caps it. */
export function openclMaxAllocBytes(gpu: GpuSpec): number {
  const cap = gpu.openclMaxAllocCapBytes ?? (gpu.vendor === 'intel' ? OPENCL_MAX_ALLOC.intel.capBytes : Number.POSITIVE_INFINITY);
  return Math.min(cap, Math.floor(reportedBytes(gpu) * gpu.openclMaxAllocFraction));
}
