// The sentences the LLM call-site streams carry (record-size formula, why a stream is stored, where its retention
// comes from, what is unknown) as a src/core/l10n catalogue. Numbers, model names and code excerpts are data.
import { defineMessages, translator } from '../l10n';

export const LLM_WORKLOAD_MESSAGES = defineMessages({
  recordChat: {
    en: '(prompt {{prompt}} + response {{response}} tokens) × {{bpt}} B/token + metadata {{meta}} B',
    ko: '(프롬프트 {{prompt}} + 응답 {{response}} 토큰) × {{bpt}} B/토큰 + 메타데이터 {{meta}} B',
  },
  recordEmbedding: {
    en: 'vector {{dims}} dims × 4 B + text {{text}} tokens × {{bpt}} B + metadata {{meta}} B',
    ko: '벡터 {{dims}}차원 × 4 B + 텍스트 {{text}} 토큰 × {{bpt}} B + 메타데이터 {{meta}} B',
  },
  recordEmbeddingNoDims: {
    en: 'text {{text}} tokens × {{bpt}} B + metadata {{meta}} B (vector size unknown)',
    ko: '텍스트 {{text}} 토큰 × {{bpt}} B + 메타데이터 {{meta}} B (벡터 크기 알 수 없음)',
  },
  storeAt: { en: '{{store}} at line {{line}}', ko: '{{line}}행의 {{store}}' },
  storedIn: { en: 'stored in {{where}}', ko: '{{where}}에 저장' },
  storedOff: { en: 'left out by the workload file (stored: false)', ko: '워크로드 파일에서 제외됨 (stored: false)' },
  notStored: {
    en: 'not stored in the code today: sized as if its results were stored for reuse',
    ko: '현재 코드에서는 저장하지 않음: 결과를 저장해 재사용한다고 보고 산정',
  },
  retentionOverride: { en: 'workload call override', ko: '워크로드의 호출별 설정' },
  'retentionFrom.profile': { en: 'profile retention', ko: '프로필의 보존 기간' },
  'retentionFrom.workload': { en: 'workload retention', ko: '워크로드의 보존 기간' },
  retentionTtl: { en: 'TTL in the code ({{how}}, {{seconds}} s)', ko: '코드의 TTL ({{how}}, {{seconds}} s)' },
  dimsUnknown: {
    en: 'embedding dimensions unknown: the vector is left out of the record size',
    ko: '임베딩 차원 알 수 없음: 벡터는 레코드 크기에서 제외',
  },
  modelUnknown: { en: 'model unknown: no price', ko: '모델 알 수 없음: 가격 없음' },
  noPrice: { en: "no published price for model '{{model}}'", ko: "모델 '{{model}}'의 공개 가격 없음" },
});

export const llmWorkloadText = translator(LLM_WORKLOAD_MESSAGES);
