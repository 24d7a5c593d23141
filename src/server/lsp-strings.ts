// The words of the editor surfaces the language server builds itself (quick-fix titles, CodeLens, hover) in each
// language we ship; the Korean table must have every key. Numbers, API names and expressions stay as they are.
import type { MemoryStrategy, TransferDirection } from '../core/model/types';
import type { Lang } from '../core/l10n';

export interface LspStrings {
  suppressLine(rule: string): string;
  suppressFile(rule: string): string;
  openDocs(rule: string): string;
  openDocsCommand: string;
  fits(gpu: string): string;
  fitsNot(smallest: string, target: string): string;
  fitsNone(largest: string): string;
  sizeAtRunTime(expr: string): string;
  sizeOutOfRange(expr: string): string;
  memory(bytes: string, space: string): string;
  spaces: Record<string, string>;
  /** Words for the transfer-direction and memory-strategy ids the hover shows (issue 20: no raw ids in Korean). */
  directions: Record<TransferDirection, string>;
  strategies: Record<MemoryStrategy, string>;
  tokens(n: string): string;
  tokensIn(n: string): string;
  perCall(usd: string): string;
  priceUnknown: string;
  storedIn(store: string): string;
  ttl(value: string): string;
  ttlSet: string;
  noTtl: string;
  notStored: string;
  hover: {
    ofMemory(bytes: string, space: string): string;
    size(expr: string, bytes: string, inLoop: boolean): string;
    gpu(fit: string, budget: string, gpu: string): string;
    transfer(direction: string, size: string, async: boolean, inLoop: boolean): string;
    peak(peak: string, strategy: string, fit: string, lowerBound: boolean): string;
    unknown: string;
    modelUnknown: string;
    tokens(input: string, output: string | null): string;
    output(n: string, how: 'max-tokens' | 'model-maximum' | 'embedding'): string;
    cost(onDemand: string, batch: string): string;
    response(bytes: string): string;
    stored(store: string, api: string, line: number, ttl: string): string;
    resultNotStored: string;
    cache(before: boolean): string;
    unknowns(list: string): string;
  };
}

const EN: LspStrings = {
  suppressLine: (r) => `Suppress ${r} for this line`,
  suppressFile: (r) => `Suppress ${r} for this file`,
  openDocs: (r) => `Open documentation for ${r}`,
  openDocsCommand: 'Open rule documentation',
  fits: (g) => `fits ${g}`,
  fitsNot: (s, t) => `fits ${s}, not ${t}`,
  fitsNone: (l) => `fits no GPU in the catalog (largest ${l})`,
  sizeAtRunTime: (e) => `size known at run time: ${e}`,
  sizeOutOfRange: (e) => `size unknown (out of range): ${e}`,
  memory: (b, s) => `${b} ${s} memory`,
  spaces: { device: 'device', managed: 'managed', 'pinned-host': 'pinned host', host: 'host', shared: 'shared' },
  directions: {
    'host-to-device': 'host to device',
    'device-to-host': 'device to host',
    'device-to-device': 'device to device',
    'host-to-host': 'host to host',
    default: 'direction inferred by the runtime',
    unknown: 'direction unknown',
  },
  strategies: {
    'whole-dataset': 'whole data set on the device',
    chunked: 'chunked',
    unified: 'unified memory',
    mapped: 'mapped host memory',
    mixed: 'mixed',
    none: 'no device data',
  },
  tokens: (n) => `≈ ${n} tokens`,
  tokensIn: (n) => `≥ ${n} tokens in`,
  perCall: (u) => `${u}/call`,
  priceUnknown: 'price unknown',
  storedIn: (s) => `stored in ${s}`,
  ttl: (v) => `, TTL ${v}`,
  ttlSet: 'set',
  noTtl: ', no TTL',
  notStored: 'not stored',
  hover: {
    ofMemory: (b, s) => `${b} of ${s} memory`,
    size: (e, b, loop) => `size: ${e} = ${b} bytes${loop ? ' (inside a loop)' : ''}`,
    gpu: (fit, budget, gpu) =>
      `GPU: ${fit} (budget on ${gpu} ${budget} = memory the driver reports − CUDA context − fragmentation margin, as in the sizing report)`,
    transfer: (d, s, a, l) => `${d}, ${s}${a ? ', asynchronous' : ''}${l ? ', inside a loop' : ''}`,
    peak: (p, st, fit, lb) => `File peak device memory: ${p}; strategy: ${st}${fit ? ` · ${lb ? 'the known part ' : ''}${fit}` : ''}`,
    unknown: 'unknown',
    modelUnknown: 'model unknown',
    tokens: (i, o) => `tokens: ${i} in (model's tokenizer on the literal prompt + chat formatting)${o ? ` · ${o}` : ''}`,
    output: (n, how) => `${n} out (${how === 'max-tokens' ? 'max tokens' : how === 'model-maximum' ? "the model's maximum" : 'embedding'})`,
    cost: (o, b) => `cost: ${o}/call on demand, ${b} through the Batch API (list prices)`,
    response: (b) => `response: ≈ ${b}`,
    stored: (s, api, line, ttl) => `stored in ${s} (${api}, line ${line})${ttl}`,
    resultNotStored: 'result not stored',
    cache: (before) => (before ? 'a cache lookup precedes the call' : 'no cache lookup before the call'),
    unknowns: (l) => `unknown: ${l}`,
  },
};

const KO: LspStrings = {
  suppressLine: (r) => `이 줄에서 ${r} 표시 안 함`,
  suppressFile: (r) => `이 파일에서 ${r} 표시 안 함`,
  openDocs: (r) => `${r} 문서 열기`,
  openDocsCommand: '규칙 문서 열기',
  fits: (g) => `${g}에 들어감`,
  fitsNot: (s, t) => `${s}에 들어감, ${t}에는 안 들어감`,
  fitsNone: (l) => `카탈로그의 어떤 GPU에도 안 들어감 (가장 큰 것: ${l})`,
  sizeAtRunTime: (e) => `실행 시 결정되는 크기: ${e}`,
  sizeOutOfRange: (e) => `알 수 없는 크기(범위 밖): ${e}`,
  memory: (b, s) => `${s} 메모리 ${b}`,
  spaces: { device: '장치', managed: '관리(managed)', 'pinned-host': '고정 호스트', host: '호스트', shared: '공유' },
  directions: {
    'host-to-device': '호스트→장치',
    'device-to-host': '장치→호스트',
    'device-to-device': '장치→장치',
    'host-to-host': '호스트→호스트',
    default: '런타임이 방향을 추론',
    unknown: '방향 알 수 없음',
  },
  strategies: {
    'whole-dataset': '전체 데이터 세트를 장치에',
    chunked: '청크 분할',
    unified: '통합 메모리',
    mapped: '매핑된 호스트 메모리',
    mixed: '혼합',
    none: '장치 데이터 없음',
  },
  tokens: (n) => `≈ ${n} 토큰`,
  tokensIn: (n) => `입력 ≥ ${n} 토큰`,
  perCall: (u) => `${u}/호출`,
  priceUnknown: '가격 알 수 없음',
  storedIn: (s) => `${s}에 저장`,
  ttl: (v) => `, TTL ${v}`,
  ttlSet: '설정됨',
  noTtl: ', TTL 없음',
  notStored: '저장 안 함',
  hover: {
    ofMemory: (b, s) => `${s} 메모리 ${b}`,
    size: (e, b, loop) => `크기: ${e} = ${b}바이트${loop ? ' (루프 안)' : ''}`,
    gpu: (fit, budget, gpu) => `GPU: ${fit} (${gpu} 예산 ${budget} = 드라이버가 보고하는 메모리 − CUDA 컨텍스트 − 단편화 여유, 사이징 보고서와 같음)`,
    transfer: (d, s, a, l) => `${d}, ${s}${a ? ', 비동기' : ''}${l ? ', 루프 안' : ''}`,
    peak: (p, st, fit, lb) => `파일의 최대 장치 메모리: ${p}; 전략: ${st}${fit ? ` · ${lb ? '알려진 부분은 ' : ''}${fit}` : ''}`,
    unknown: '알 수 없음',
    modelUnknown: '모델 알 수 없음',
    tokens: (i, o) => `토큰: 입력 ${i} (리터럴 프롬프트에 모델의 토크나이저 적용 + 채팅 형식)${o ? ` · ${o}` : ''}`,
    output: (n, how) => `출력 ${n} (${how === 'max-tokens' ? '최대 토큰' : how === 'model-maximum' ? '모델 최대값' : '임베딩'})`,
    cost: (o, b) => `비용: 온디맨드 ${o}/호출, Batch API ${b} (정가)`,
    response: (b) => `응답: ≈ ${b}`,
    stored: (s, api, line, ttl) => `${s}에 저장 (${api}, ${line}행)${ttl}`,
    resultNotStored: '결과를 저장하지 않음',
    cache: (before) => (before ? '호출 전에 캐시를 조회함' : '호출 전에 캐시 조회 없음'),
    unknowns: (l) => `알 수 없음: ${l}`,
  },
};

export const LSP_STRINGS: Readonly<Record<Lang, LspStrings>> = { en: EN, ko: KO };
