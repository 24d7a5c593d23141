// The Select Target GPU picker's rows, free of the VS Code API so they are unit-tested: the public GPU name, its
// memory and OpenCL per-buffer limit, the current choice marked; catalog ids stay out of sight (they are the value).
import type { GpuSpec } from '../core/sizing/gpu-catalog';

export interface GpuPickItem {
  label: string;
  description: string;
  /** The setting's value. */
  id: string;
}

export function gpuPickItems(catalog: readonly GpuSpec[], current: string, currentWord: string): GpuPickItem[] {
  return catalog.map((g) => {
    const maxBuffer = Math.round(g.memoryGiB * g.openclMaxAllocFraction * 10) / 10;
    const isCurrent = g.id === current;
    return {
      label: `${isCurrent ? '$(check) ' : ''}${g.name}`,
      description: `${g.memoryGiB} GiB · OpenCL ≤ ${maxBuffer} GiB/buffer${isCurrent ? ` · ${currentWord}` : ''}`,
      id: g.id,
    };
  });
}
