// The phrases rules insert into their messages ({{trips}}, {{size}}, {{cost}}, a remedy, a related-location text),
// in every language we ship. A rule message in Korean must not carry an English fragment, so rules build these
// pieces through `phrase(lang, id, data)` rather than writing English inline. Same placeholders as the messages.
import { formatBytes, isSizeInRange } from '../../model/units';
import { defineMessages, translator, type Lang } from '../../l10n';

export type { Lang } from '../../l10n';

export const PHRASES = defineMessages({
  iterations: { en: ' ({{n}} iterations)', ko: ' ({{n}}회 반복)' },
  sizeAtRunTime: { en: '{{expr}} (size known at run time)', ko: '{{expr}} (실행 시 결정되는 크기)' },
  sizeOutOfRange: { en: '{{expr}} (unknown (out of range))', ko: '{{expr}} (알 수 없음(범위 밖))' },
  sizeTooDeep: { en: '{{expr}} (unknown (too deep to fold))', ko: '{{expr}} (알 수 없음(계산하기에 너무 깊음))' },
  allocatedHere: { en: "'{{buffer}}' is allocated here ({{api}}, {{expr}})", ko: "'{{buffer}}'은(는) 여기서 할당됩니다 ({{api}}, {{expr}})" },
  resultStoredHere: { en: 'the {{operation}} call whose result is stored here', ko: '결과가 여기에 저장되는 {{operation}} 호출' },
  checkWithMacro: { en: " with this file's {{macro}}(...)", ko: ' (이 파일의 {{macro}}(...)로)' },
  checkSuggestMacro: {
    en: ', e.g. with a CUDA_CHECK(...) macro that prints cudaGetErrorString() and aborts',
    ko: ' (예: cudaGetErrorString()을 출력하고 중단하는 CUDA_CHECK(...) 매크로로)',
  },
  theKernel: { en: 'the kernel', ko: '커널' },
  copyTotal: { en: ': {{bytes}} in all', ko: ': 모두 {{bytes}}' },
  uploadAllocates: { en: ', into a new device array it allocates each time', ko: ', 매번 새로 할당하는 장치 배열로' },
  direction_host_to_device: { en: 'host-to-device', ko: '호스트→장치' },
  direction_device_to_host: { en: 'device-to-host', ko: '장치→호스트' },
  viaHelper: { en: ' through {{helper}}', ko: ' ({{helper}}를 거쳐)' },
  storedBy: { en: 'stored by `{{helper}}` in `{{path}}:{{line}}`', ko: '`{{path}}:{{line}}`의 `{{helper}}`가 저장' },
  cudaWouldFit: {
    en: 'has {{capacity}} in total and the same allocation would succeed under CUDA',
    ko: '장치 전체는 {{capacity}}여서 CUDA에서는 같은 할당이 성공하지만,',
  },
  cudaWouldNotFit: {
    en: 'has only {{capacity}} in total (it would not fit under CUDA either)',
    ko: '장치 전체가 {{capacity}}뿐이라 CUDA에서도 들어가지 않으며,',
  },
  ttl_redis: { en: 'pass EX (or use SETEX / EXPIRE)', ko: 'EX를 넘기세요 (또는 SETEX / EXPIRE 사용)' },
  ttl_mongodb: { en: 'create a TTL index (expireAfterSeconds) on a date field', ko: '날짜 필드에 TTL 인덱스(expireAfterSeconds)를 만드세요' },
  ttl_dynamodb: {
    en: 'write an epoch-seconds TTL attribute and enable TTL on the table',
    ko: 'epoch 초 단위 TTL 속성을 쓰고 테이블에서 TTL을 켜세요',
  },
  ttl_cassandra: { en: 'add USING TTL (or a table default_time_to_live)', ko: 'USING TTL을 추가하세요 (또는 테이블의 default_time_to_live)' },
  ttl_elasticsearch: { en: 'write to a rollover alias with an ILM delete phase', ko: 'ILM 삭제 단계가 있는 롤오버 별칭에 쓰세요' },
  ttl_rdbms: {
    en: 'add a retention job (DELETE ... WHERE created_at < ...) or move the results to a store with TTL',
    ko: '보존 작업(DELETE ... WHERE created_at < ...)을 추가하거나 결과를 TTL이 있는 저장소로 옮기세요',
  },
  ttl_file: { en: 'rotate or prune the files', ko: '파일을 순환하거나 정리하세요' },
  retriesDefault: { en: '{{n}} (default)', ko: '{{n}} (기본값)' },
  retriesConfigured: { en: 'the configured', ko: '설정된' },
  retryHint: { en: ' (and maxRetries if the default of {{n}} is not what you want)', ko: ' (기본값 {{n}}이 원하는 값이 아니면 maxRetries도)' },
  plusUnknown: { en: ', plus {{exprs}} known only at run time', ko: ', 여기에 실행 시에만 알 수 있는 {{exprs}}가 더해집니다' },
  loop_comprehension: { en: 'comprehension', ko: '컴프리헨션' },
  loop_kind: { en: '{{kind}} loop', ko: '{{kind}} 루프' },
  embedRequests: { en: ' from {{from}} to {{to}}', ko: ' ({{from}}개에서 {{to}}개로)' },
  callsTotal: { en: ', {{usd}} for the {{n}} calls', ko: ', 호출 {{n}}번에 {{usd}}' },
  withModel: { en: ' with {{model}}', ko: ' ({{model}})' },
  dims: { en: ' ({{n}} dimensions)', ko: ' ({{n}}차원)' },
  dimsTimesFour: { en: 'dims × 4 bytes', ko: '차원 × 4바이트' },
  pinTorch: {
    en: "Create '{{buffer}}' with pin_memory=True (or call .pin_memory()), or build the DataLoader with pin_memory=True.",
    ko: "'{{buffer}}'를 pin_memory=True로 만들거나(.pin_memory() 호출), DataLoader를 pin_memory=True로 만드세요.",
  },
  pinPycuda: {
    en: "Allocate '{{buffer}}' with pycuda.driver.pagelocked_empty().",
    ko: "'{{buffer}}'를 pycuda.driver.pagelocked_empty()로 할당하세요.",
  },
  pinCuda: {
    en: "Allocate '{{buffer}}' with cudaMallocHost/cudaHostAlloc, or pin it with cudaHostRegister.",
    ko: "'{{buffer}}'를 cudaMallocHost/cudaHostAlloc으로 할당하거나 cudaHostRegister로 고정하세요.",
  },
  costPerCall: { en: '{{usd}}/call ({{model}} list price)', ko: '{{usd}}/호출 ({{model}} 정가)' },
  costUnknown: { en: 'an unknown cost ({{why}})', ko: '알 수 없는 비용 ({{why}})' },
  costNotEstimable: { en: 'not estimable', ko: '추정 불가' },
  costModelNotConstant: { en: 'an unknown cost (the model is not a constant)', ko: '알 수 없는 비용 (모델이 상수가 아님)' },
  unknownSize: { en: 'an unknown size', ko: '알 수 없는 크기' },
  batchPriceUnknown: { en: 'price unknown for this model', ko: '이 모델의 가격을 알 수 없음' },
  perCall: { en: '{{usd}}/call', ko: '{{usd}}/호출' },
  batchMaxRequests: { en: ', up to {{max}} requests per batch', ko: ' (배치당 최대 {{max}}건)' },
  // Quick-fix titles (the rule's own fix)
  statusDiscardedHere: { en: 'the status of {{api}} is discarded here', ko: '여기서 {{api}}의 상태 값을 버립니다' },
  fileScope: { en: 'file scope', ko: '파일 범위' },
  fix_wrapIn: { en: 'Wrap in {{macro}}(...)', ko: '{{macro}}(...)로 감싸기' },
  fix_checkLaunch: { en: 'Check the launch with {{check}} after it', ko: '실행 직후 {{check}}로 확인' },
  fix_readKeyFromEnv: { en: 'Read the key from the {{env}} environment variable', ko: '키를 환경 변수 {{env}}에서 읽기' },
  fix_add: { en: 'Add {{what}}', ko: '{{what}} 추가' },
  store_file: { en: 'a file', ko: '파일' },
  store_vector: { en: 'a vector database', ko: '벡터 데이터베이스' },
  store_sql: { en: 'a SQL database', ko: 'SQL 데이터베이스' },
  store_orm: { en: 'a relational database ({{orm}})', ko: '관계형 데이터베이스 ({{orm}})' },
});

export type PhraseId = keyof typeof PHRASES;

export const phrase = translator(PHRASES);

/** A size in a message: the bytes when known, else the expression marked as known only at run time. */
export function sizeText(size: { bytes: number | null; expr: string; reason?: 'out of range' | 'too deep' }, lang: Lang | undefined): string {
  if (size.bytes !== null) return isSizeInRange(size.bytes) ? formatBytes(size.bytes) : phrase(lang, 'sizeOutOfRange', { expr: size.expr });
  const id = size.reason === 'out of range' ? 'sizeOutOfRange' : size.reason === 'too deep' ? 'sizeTooDeep' : 'sizeAtRunTime';
  return phrase(lang, id, { expr: size.expr });
}
