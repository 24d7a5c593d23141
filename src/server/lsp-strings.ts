// The words of the editor surfaces the language server builds itself (quick-fix titles, CodeLens, hover, the
// warnings about bad settings) as a src/core/l10n catalogue: message id -> template per language. Numbers, API names
// and expressions are data, inserted as they are.
import { defineMessages, messageOf, translator } from '../core/l10n';

type OutputHow = 'max-tokens' | 'model-maximum' | 'embedding';

export const LSP_MESSAGES = defineMessages({
  suppressLine: { en: 'Suppress {{rule}} for this line', ko: '이 줄에서 {{rule}} 표시 안 함' },
  suppressFile: { en: 'Suppress {{rule}} for this file', ko: '이 파일에서 {{rule}} 표시 안 함' },
  openDocs: { en: 'Open documentation for {{rule}}', ko: '{{rule}} 문서 열기' },
  openDocsCommand: { en: 'Open rule documentation', ko: '규칙 문서 열기' },
  fixAll: { en: 'Fix all AI Infra Advisor problems that have a fix', ko: '수정 방법이 있는 AI Infra Advisor 문제 모두 수정' },
  fits: { en: 'fits {{gpu}}', ko: '{{gpu}}에 들어감' },
  fitsNot: { en: 'fits {{smallest}}, not {{target}}', ko: '{{smallest}}에 들어감, {{target}}에는 안 들어감' },
  fitsNone: { en: 'fits no GPU in the catalog (largest {{largest}})', ko: '카탈로그의 어떤 GPU에도 안 들어감 (가장 큰 것: {{largest}})' },
  sizeAtRunTime: { en: 'size known at run time: {{expr}}', ko: '실행 시 결정되는 크기: {{expr}}' },
  sizeOutOfRange: { en: 'size unknown (out of range): {{expr}}', ko: '알 수 없는 크기(범위 밖): {{expr}}' },
  memory: { en: '{{bytes}} {{space}} memory', ko: '{{space}} 메모리 {{bytes}}' },
  // Memory spaces, transfer directions and memory strategies by id (issue 20: no raw ids in Korean).
  'space.device': { en: 'device', ko: '장치' },
  'space.managed': { en: 'managed', ko: '관리(managed)' },
  'space.pinned-host': { en: 'pinned host', ko: '고정 호스트' },
  'space.host': { en: 'host', ko: '호스트' },
  'space.shared': { en: 'shared', ko: '공유' },
  'direction.host-to-device': { en: 'host to device', ko: '호스트→장치' },
  'direction.device-to-host': { en: 'device to host', ko: '장치→호스트' },
  'direction.device-to-device': { en: 'device to device', ko: '장치→장치' },
  'direction.host-to-host': { en: 'host to host', ko: '호스트→호스트' },
  'direction.default': { en: 'direction inferred by the runtime', ko: '런타임이 방향을 추론' },
  'direction.unknown': { en: 'direction unknown', ko: '방향 알 수 없음' },
  'strategy.whole-dataset': { en: 'whole data set on the device', ko: '전체 데이터 세트를 장치에' },
  'strategy.chunked': { en: 'chunked', ko: '청크 분할' },
  'strategy.unified': { en: 'unified memory', ko: '통합 메모리' },
  'strategy.mapped': { en: 'mapped host memory', ko: '매핑된 호스트 메모리' },
  'strategy.mixed': { en: 'mixed', ko: '혼합' },
  'strategy.none': { en: 'no device data', ko: '장치 데이터 없음' },
  tokens: { en: '≈ {{n}} tokens', ko: '≈ {{n}} 토큰' },
  tokensIn: { en: '≥ {{n}} tokens in', ko: '입력 ≥ {{n}} 토큰' },
  perCall: { en: '{{usd}}/call', ko: '{{usd}}/호출' },
  priceUnknown: { en: 'price unknown', ko: '가격 알 수 없음' },
  storedIn: { en: 'stored in {{store}}', ko: '{{store}}에 저장' },
  ttl: { en: ', TTL {{value}}', ko: ', TTL {{value}}' },
  ttlSet: { en: 'set', ko: '설정됨' },
  noTtl: { en: ', no TTL', ko: ', TTL 없음' },
  notStored: { en: 'not stored', ko: '저장 안 함' },
  'hover.ofMemory': { en: '{{bytes}} of {{space}} memory', ko: '{{space}} 메모리 {{bytes}}' },
  'hover.size': messageOf<{ expr: string; bytes: string; inLoop: boolean }>({
    en: (d) => `size: ${d.expr} = ${d.bytes} bytes${d.inLoop ? ' (inside a loop)' : ''}`,
    ko: (d) => `크기: ${d.expr} = ${d.bytes}바이트${d.inLoop ? ' (루프 안)' : ''}`,
  }),
  'hover.gpu': {
    en: 'GPU: {{fit}} (budget on {{gpu}} {{budget}} = memory the driver reports − CUDA context − fragmentation margin, as in the sizing report)',
    ko: 'GPU: {{fit}} ({{gpu}} 예산 {{budget}} = 드라이버가 보고하는 메모리 − CUDA 컨텍스트 − 단편화 여유, 사이징 보고서와 같음)',
  },
  'hover.transfer': messageOf<{ direction: string; size: string; async: boolean; inLoop: boolean }>({
    en: (d) => `${d.direction}, ${d.size}${d.async ? ', asynchronous' : ''}${d.inLoop ? ', inside a loop' : ''}`,
    ko: (d) => `${d.direction}, ${d.size}${d.async ? ', 비동기' : ''}${d.inLoop ? ', 루프 안' : ''}`,
  }),
  'hover.peak': messageOf<{ peak: string; strategy: string; fit: string; lowerBound: boolean }>({
    en: (d) => `File peak device memory: ${d.peak}; strategy: ${d.strategy}${d.fit ? ` · ${d.lowerBound ? 'the known part ' : ''}${d.fit}` : ''}`,
    ko: (d) => `파일의 최대 장치 메모리: ${d.peak}; 전략: ${d.strategy}${d.fit ? ` · ${d.lowerBound ? '알려진 부분은 ' : ''}${d.fit}` : ''}`,
  }),
  'hover.unknown': { en: 'unknown', ko: '알 수 없음' },
  'hover.modelUnknown': { en: 'model unknown', ko: '모델 알 수 없음' },
  'hover.tokens': messageOf<{ input: string; output: string | null }>({
    en: (d) => `tokens: ${d.input} in (model's tokenizer on the literal prompt + chat formatting)${d.output ? ` · ${d.output}` : ''}`,
    ko: (d) => `토큰: 입력 ${d.input} (리터럴 프롬프트에 모델의 토크나이저 적용 + 채팅 형식)${d.output ? ` · ${d.output}` : ''}`,
  }),
  'hover.output': messageOf<{ n: string; how: OutputHow }>({
    en: (d) => `${d.n} out (${d.how === 'max-tokens' ? 'max tokens' : d.how === 'model-maximum' ? "the model's maximum" : 'embedding'})`,
    ko: (d) => `출력 ${d.n} (${d.how === 'max-tokens' ? '최대 토큰' : d.how === 'model-maximum' ? '모델 최대값' : '임베딩'})`,
  }),
  'hover.cost': {
    en: 'cost: {{onDemand}}/call on demand, {{batch}} through the Batch API (list prices)',
    ko: '비용: 온디맨드 {{onDemand}}/호출, Batch API {{batch}} (정가)',
  },
  'hover.response': { en: 'response: ≈ {{bytes}}', ko: '응답: ≈ {{bytes}}' },
  'hover.stored': { en: 'stored in {{store}} ({{api}}, line {{line}}){{ttl}}', ko: '{{store}}에 저장 ({{api}}, {{line}}행){{ttl}}' },
  'hover.resultNotStored': { en: 'result not stored', ko: '결과를 저장하지 않음' },
  'hover.cacheBefore': { en: 'a cache lookup precedes the call', ko: '호출 전에 캐시를 조회함' },
  'hover.noCacheBefore': { en: 'no cache lookup before the call', ko: '호출 전에 캐시 조회 없음' },
  'hover.unknowns': { en: 'unknown: {{list}}', ko: '알 수 없음: {{list}}' },
  // A warning about a bad value: where it came from, the field, the problem.
  'problem.setting': { en: 'setting {{field}}: {{problem}}', ko: '설정 {{field}}: {{problem}}' },
  'problem.config': { en: 'config {{field}}: {{problem}}', ko: '설정 파일 {{field}}: {{problem}}' },
});

export const lspText = translator(LSP_MESSAGES);
