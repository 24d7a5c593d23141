// The sentences GPU sizing writes (fit reasons, the chunk plan's formula and note, notes per file) in each language
// we ship; sizes are formatted by gpu-fit.ts and passed in. The Korean table has every entry of the English one.
import type { AdvisorConfig } from '../config';

type S = string;
type N = number;

const EN = {
  peakUnknown: (unknowns: S) => `peak unknown: ${unknowns}`,
  lowerBound: (peak: S, unknowns: S, room: S) => `≥ ${peak} known; fits only if ${unknowns} < ${room}`,
  overBuffer: (largest: S, max: S) => `a ${largest} buffer > the ${max} per-buffer limit`,
  fixedExceed: (fixed: S, budget: S) => `fixed buffers alone (${fixed}) exceed ${budget}`,
  managed:
    'Managed (unified) memory can oversubscribe the device on CUDA: it runs, but pages migrate over PCIe on demand; "needs chunking" means "will thrash".',
  formula: (budget: S, budgetOf: S, fixed: S, k: N, chunk: S, dataset: S, chunks: N, maxAlloc: S, clChunk: S, clChunks: N) =>
    `chunk = ⌊(${budget} budget (${budgetOf}) − ${fixed} fixed) / ${k} data buffer${k > 1 ? 's' : ''}⌋ rounded down to MiB = ${chunk}; chunks = ⌈${dataset} / chunk⌉ = ${chunks}` +
    `; OpenCL: chunk ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE ${maxAlloc} → ${clChunk}, ${clChunks} chunk${clChunks === 1 ? '' : 's'}`,
  budgetOf: (reported: S, by: S, context: S, margin: S, safety: N) =>
    `${reported} ${by} − ${context} CUDA context − ${margin} fragmentation margin (1 − ${safety}, ≥ 1 GiB)`,
  reportedBy: {
    cuda: 'reported by CUDA',
    'nvidia-smi': 'reported by nvidia-smi',
    derived: 'nominal less ECC',
    nominal: 'nominal (reported size not found)',
  } as Record<'cuda' | 'nvidia-smi' | 'derived' | 'nominal', S>,
  reportedUnknown: (gpu: S) =>
    `${gpu}: the memory its driver reports was not found in a source we read; the nominal size stands in, so the budget is an upper bound.`,
  linkTime: (seconds: S, link: S, gbps: N) => `${seconds} s at ${link} ${gbps} GB/s`,
  linkUnknown: (gpu: S) => `transfer time unknown: ${gpu}'s host link is not in the catalog`,
  knownOnly: (unknowns: S) => `from the known sizes only (${unknowns} left out: set them in the workload for a full plan); `,
  oneChunk: 'the data set fits in one chunk: no chunking needed on this GPU',
  noRoom: (fixed: S) =>
    `no chunk size works on this GPU: the fixed buffers (${fixed}) leave no room for data; shrink or free them first, or pick a larger GPU`,
  chunked: (n: N, copies: N, whole: N, moved: S, time: S, setupMs: S) =>
    `${n} chunks → ${copies} copies instead of ${whole}; the bytes moved stay ${moved} (${time}), plus ≈ ${setupMs} ms of per-copy setup; with two streams (double buffering) copies overlap kernels, at half the chunk size`,
  setDataset: (path: S, unknowns: S) =>
    `Set the data-set size in the workload file (gpu.datasets: { "file": "${path}", "bytes": "8 GiB" } or "sizes" per expression) to size: ${unknowns}`,
};

const KO: typeof EN = {
  peakUnknown: (unknowns) => `최대치 알 수 없음: ${unknowns}`,
  lowerBound: (peak, unknowns, room) => `알려진 것만 ≥ ${peak}, ${unknowns} < ${room}일 때만 들어감`,
  overBuffer: (largest, max) => `${largest} 버퍼 > 버퍼당 한도 ${max}`,
  fixedExceed: (fixed, budget) => `고정 버퍼만으로(${fixed}) ${budget}를 넘음`,
  managed:
    '관리형(통합) 메모리는 CUDA에서 장치를 초과 구독할 수 있습니다: 실행은 되지만 페이지가 필요할 때마다 PCIe로 이동하므로, "분할 필요"는 "스래싱 발생"을 뜻합니다.',
  formula: (budget, budgetOf, fixed, k, chunk, dataset, chunks, maxAlloc, clChunk, clChunks) =>
    `청크 = ⌊(예산 ${budget} (${budgetOf}) − 고정 ${fixed}) / 데이터 버퍼 ${k}개⌋를 MiB 단위로 내림 = ${chunk}, 청크 수 = ⌈${dataset} / 청크⌉ = ${chunks}` +
    `, OpenCL: 청크 ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE ${maxAlloc} → ${clChunk}, 청크 ${clChunks}개`,
  budgetOf: (reported, by, context, margin, safety) =>
    `${by} ${reported} − CUDA 컨텍스트 ${context} − 단편화 여유 ${margin} (1 − ${safety}, ≥ 1 GiB)`,
  reportedBy: { cuda: 'CUDA 보고값', 'nvidia-smi': 'nvidia-smi 보고값', derived: '명목값 − ECC', nominal: '명목값 (보고값 미확인)' },
  reportedUnknown: (gpu) => `${gpu}: 드라이버가 보고하는 메모리를 확인한 출처가 없어 명목 크기를 썼으므로 예산은 상한입니다.`,
  linkTime: (seconds, link, gbps) => `${link} ${gbps} GB/s에서 ${seconds} s`,
  linkUnknown: (gpu) => `전송 시간 알 수 없음: ${gpu}의 호스트 링크가 카탈로그에 없음`,
  knownOnly: (unknowns) => `알려진 크기만으로 계산 (${unknowns} 제외: 전체 계획을 보려면 워크로드에 설정하세요), `,
  oneChunk: '데이터 세트가 청크 하나에 들어감: 이 GPU에서는 분할할 필요 없음',
  noRoom: (fixed: S) =>
    `이 GPU에서는 어떤 청크 크기도 불가능: 고정 버퍼(${fixed})가 데이터 공간을 남기지 않음. 먼저 줄이거나 해제하거나 더 큰 GPU를 선택`,
  chunked: (n, copies, whole, moved, time, setupMs) =>
    `청크 ${n}개 → 복사 ${whole}번 대신 ${copies}번, 옮기는 바이트는 ${moved} 그대로 (${time}), 복사마다 준비 시간 ≈ ${setupMs} ms 추가, 스트림 두 개(이중 버퍼링)로 복사와 커널을 겹치려면 청크 크기를 절반으로`,
  setDataset: (path, unknowns) =>
    `크기를 정하려면 워크로드 파일에 데이터 세트 크기를 설정하세요 (gpu.datasets: { "file": "${path}", "bytes": "8 GiB" } 또는 식마다 "sizes"): ${unknowns}`,
};

export const GPU_FIT_TEXT: Readonly<Record<AdvisorConfig['lang'], typeof EN>> = { en: EN, ko: KO };
