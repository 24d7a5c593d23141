// The sentences GPU sizing writes (fit reasons, the chunk plan's formula and note, notes per file) as a src/core/l10n
// catalogue: message id -> template per language. Sizes are formatted by gpu-fit.ts and passed in as data.
import { defineMessages, messageOf, translator } from '../l10n';

export const GPU_FIT_MESSAGES = defineMessages({
  peakUnknown: { en: 'peak unknown: {{unknowns}}', ko: '최대치 알 수 없음: {{unknowns}}' },
  lowerBound: { en: '≥ {{peak}} known; fits only if {{unknowns}} < {{room}}', ko: '알려진 것만 ≥ {{peak}}, {{unknowns}} < {{room}}일 때만 들어감' },
  overBuffer: { en: 'a {{largest}} buffer > the {{max}} per-buffer limit', ko: '{{largest}} 버퍼 > 버퍼당 한도 {{max}}' },
  fixedExceed: { en: 'fixed buffers alone ({{fixed}}) exceed {{budget}}', ko: '고정 버퍼만으로({{fixed}}) {{budget}}를 넘음' },
  managed: {
    en: 'Managed (unified) memory can oversubscribe the device on CUDA: it runs, but pages migrate over PCIe on demand; "needs chunking" means "will thrash".',
    ko: '관리형(통합) 메모리는 CUDA에서 장치를 초과 구독할 수 있습니다: 실행은 되지만 페이지가 필요할 때마다 PCIe로 이동하므로, "분할 필요"는 "스래싱 발생"을 뜻합니다.',
  },
  formula: messageOf<{
    budget: string;
    budgetOf: string;
    fixed: string;
    k: number;
    chunk: string;
    dataset: string;
    chunks: number;
    maxAlloc: string;
    clChunk: string;
    clChunks: number;
  }>({
    en: (d) =>
      `chunk = ⌊(${d.budget} budget (${d.budgetOf}) − ${d.fixed} fixed) / ${d.k} data buffer${d.k > 1 ? 's' : ''}⌋ rounded down to MiB = ${d.chunk}; chunks = ⌈${d.dataset} / chunk⌉ = ${d.chunks}` +
      `; OpenCL: chunk ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE ${d.maxAlloc} → ${d.clChunk}, ${d.clChunks} chunk${d.clChunks === 1 ? '' : 's'}`,
    ko: (d) =>
      `청크 = ⌊(예산 ${d.budget} (${d.budgetOf}) − 고정 ${d.fixed}) / 데이터 버퍼 ${d.k}개⌋를 MiB 단위로 내림 = ${d.chunk}, 청크 수 = ⌈${d.dataset} / 청크⌉ = ${d.chunks}` +
      `, OpenCL: 청크 ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE ${d.maxAlloc} → ${d.clChunk}, 청크 ${d.clChunks}개`,
  }),
  budgetOf: {
    en: '{{reported}} {{by}} − {{context}} CUDA context − {{margin}} fragmentation margin (1 − {{safety}}, ≥ 1 GiB)',
    ko: '{{by}} {{reported}} − CUDA 컨텍스트 {{context}} − 단편화 여유 {{margin}} (1 − {{safety}}, ≥ 1 GiB)',
  },
  'reportedBy.cuda': { en: 'reported by CUDA', ko: 'CUDA 보고값' },
  'reportedBy.nvidia-smi': { en: 'reported by nvidia-smi', ko: 'nvidia-smi 보고값' },
  'reportedBy.derived': { en: 'nominal less ECC', ko: '명목값 − ECC' },
  'reportedBy.nominal': { en: 'nominal (reported size not found)', ko: '명목값 (보고값 미확인)' },
  reportedUnknown: {
    en: '{{gpu}}: the memory its driver reports was not found in a source we read; the nominal size stands in, so the budget is an upper bound.',
    ko: '{{gpu}}: 드라이버가 보고하는 메모리를 확인한 출처가 없어 명목 크기를 썼으므로 예산은 상한입니다.',
  },
  linkTime: { en: '{{seconds}} s at {{link}} {{gbps}} GB/s', ko: '{{link}} {{gbps}} GB/s에서 {{seconds}} s' },
  linkUnknown: {
    en: "transfer time unknown: {{gpu}}'s host link is not in the catalog",
    ko: '전송 시간 알 수 없음: {{gpu}}의 호스트 링크가 카탈로그에 없음',
  },
  knownOnly: {
    en: 'from the known sizes only ({{unknowns}} left out: set them in the workload for a full plan); ',
    ko: '알려진 크기만으로 계산 ({{unknowns}} 제외: 전체 계획을 보려면 워크로드에 설정하세요), ',
  },
  oneChunk: {
    en: 'the data set fits in one chunk: no chunking needed on this GPU',
    ko: '데이터 세트가 청크 하나에 들어감: 이 GPU에서는 분할할 필요 없음',
  },
  noRoom: {
    en: 'no chunk size works on this GPU: the fixed buffers ({{fixed}}) leave no room for data; shrink or free them first, or pick a larger GPU',
    ko: '이 GPU에서는 어떤 청크 크기도 불가능: 고정 버퍼({{fixed}})가 데이터 공간을 남기지 않음. 먼저 줄이거나 해제하거나 더 큰 GPU를 선택',
  },
  chunked: {
    en: '{{n}} chunks → {{copies}} copies instead of {{whole}}; the bytes moved stay {{moved}} ({{time}}), plus ≈ {{setupMs}} ms of per-copy setup; with two streams (double buffering) copies overlap kernels, at half the chunk size',
    ko: '청크 {{n}}개 → 복사 {{whole}}번 대신 {{copies}}번, 옮기는 바이트는 {{moved}} 그대로 ({{time}}), 복사마다 준비 시간 ≈ {{setupMs}} ms 추가, 스트림 두 개(이중 버퍼링)로 복사와 커널을 겹치려면 청크 크기를 절반으로',
  },
  setDataset: {
    en: 'Set the data-set size in the workload file (gpu.datasets: { "file": "{{path}}", "bytes": "8 GiB" } or "sizes" per expression) to size: {{unknowns}}',
    ko: '크기를 정하려면 워크로드 파일에 데이터 세트 크기를 설정하세요 (gpu.datasets: { "file": "{{path}}", "bytes": "8 GiB" } 또는 식마다 "sizes"): {{unknowns}}',
  },
});

export const gpuFitText = translator(GPU_FIT_MESSAGES);
