// The sentences the OpenAI call-site streams carry (record-size formula, why a stream is stored, where its retention
// comes from, what is unknown) in each language we ship. Numbers, model names and code excerpts are passed in as they
// are. The Korean table has every entry of the English one (the type says so).
import type { AdvisorConfig } from '../config';

type S = string;
type N = number;

const EN = {
  recordChat: (prompt: N, response: N, bpt: N, meta: N) => `(prompt ${prompt} + response ${response} tokens) × ${bpt} B/token + metadata ${meta} B`,
  recordEmbedding: (dims: N, text: N, bpt: N, meta: N) => `vector ${dims} dims × 4 B + text ${text} tokens × ${bpt} B + metadata ${meta} B`,
  recordEmbeddingNoDims: (text: N, bpt: N, meta: N) => `text ${text} tokens × ${bpt} B + metadata ${meta} B (vector size unknown)`,
  storeAt: (store: S, line: N) => `${store} at line ${line}`,
  storedIn: (where: S) => `stored in ${where}`,
  storedOff: 'left out by the workload file (stored: false)',
  notStored: 'not stored in the code today: sized as if its results were stored for reuse',
  retentionOverride: 'workload call override',
  retentionFrom: (source: 'profile' | 'workload'): S => (source === 'profile' ? 'profile retention' : 'workload retention'),
  retentionTtl: (how: S, seconds: S) => `TTL in the code (${how}, ${seconds} s)`,
  dimsUnknown: 'embedding dimensions unknown: the vector is left out of the record size',
  modelUnknown: 'model unknown: no price',
  noPrice: (model: S) => `no published price for model '${model}'`,
};

const KO: typeof EN = {
  recordChat: (prompt, response, bpt, meta) => `(프롬프트 ${prompt} + 응답 ${response} 토큰) × ${bpt} B/토큰 + 메타데이터 ${meta} B`,
  recordEmbedding: (dims, text, bpt, meta) => `벡터 ${dims}차원 × 4 B + 텍스트 ${text} 토큰 × ${bpt} B + 메타데이터 ${meta} B`,
  recordEmbeddingNoDims: (text, bpt, meta) => `텍스트 ${text} 토큰 × ${bpt} B + 메타데이터 ${meta} B (벡터 크기 알 수 없음)`,
  storeAt: (store, line) => `${line}행의 ${store}`,
  storedIn: (where) => `${where}에 저장`,
  storedOff: '워크로드 파일에서 제외됨 (stored: false)',
  notStored: '현재 코드에서는 저장하지 않음: 결과를 저장해 재사용한다고 보고 산정',
  retentionOverride: '워크로드의 호출별 설정',
  retentionFrom: (source) => (source === 'profile' ? '프로필의 보존 기간' : '워크로드의 보존 기간'),
  retentionTtl: (how, seconds) => `코드의 TTL (${how}, ${seconds} s)`,
  dimsUnknown: '임베딩 차원 알 수 없음: 벡터는 레코드 크기에서 제외',
  modelUnknown: '모델 알 수 없음: 가격 없음',
  noPrice: (model) => `모델 '${model}'의 공개 가격 없음`,
};

export const LLM_WORKLOAD_TEXT: Readonly<Record<AdvisorConfig['lang'], typeof EN>> = { en: EN, ko: KO };
