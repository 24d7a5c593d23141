// The words of the sizing report: REPORT_MESSAGES, a src/core/l10n catalogue (section titles, column headers, the
// fixed sentences and the sentence templates of the headline, recommendation and charts; numbers, file paths, model
// and instance names are data), and the report page's words for the webview (PageStrings, plain strings it fills
// itself). The sizers' own sentences (engine arithmetic, GPU plans, call-site streams) come from their catalogues
// (engine-text.ts, gpu-fit-text.ts, llm-workload-text.ts) in the analysis language.
import type { FitVerdict } from '../sizing/gpu-fit';
import { ASSUMPTION_KEYS, ASSUMPTION_LABELS, type UsageAssumptions } from '../sizing/profiles';
import { defineMessages, messageOf, render, translator, type Lang } from '../l10n';

/** Plain strings (they travel to the webview in a message); `{0}`, `{1}` are filled in the page. */
export interface PageStrings {
  exportButton: string;
  workloadButton: string;
  openReport: string;
  editTitle: string;
  role: string;
  nodes: string;
  shared: string;
  perMonth: string;
  /** The report's layout on both HTML surfaces (report-layout.ts): files needing action first, folders collapsed. */
  needActionTitle: string;
  fileColumn: string;
  verdictColumn: string;
  peakColumn: string;
  whyColumn: string;
  folderLabel: string;
  fittingLabel: string;
  unknownPeak: string;
  verdict: Record<FitVerdict, string>;
  /** In place of the assumptions table when the code found uses none of them (a GPU-only workspace). */
  noAssumptions: string;
  sourcesTitle: string;
  sourcesIntro: string;
}

/** The sizing report's words as a src/core/l10n catalogue (the parts moved from the tables above so far). */
export const REPORT_MESSAGES = defineMessages({
  'charts.costTitle': { en: 'Monthly cost vs traffic (USD, log scale)', ko: '트래픽별 월 비용 (USD, 로그 눈금)' },
  'charts.traffic': { en: 'traffic', ko: '트래픽' },
  'charts.usdPerMonth': { en: 'USD / month', ko: 'USD / 월' },
  'charts.llm': { en: 'LLM API', ko: 'LLM API' },
  'charts.monthsTitle': { en: 'Stored data (one copy) and nodes by month', ko: '월별 저장 데이터 (사본 1개)와 노드' },
  'charts.month': { en: 'month', ko: '월' },
  'charts.gibStored': { en: 'GiB stored', ko: '저장 GiB' },
  'charts.nodes': { en: 'nodes', ko: '노드' },
  'charts.engineNodes': { en: '{{engine}} nodes', ko: '{{engine}} 노드' },
  'charts.gpuTitle': { en: 'Peak device memory per file vs {{target}}', ko: '파일별 최대 장치 메모리 대 {{target}}' },
  'charts.gpuShown': {
    en: 'the {{shown}} largest of {{total}} files with a known peak (all are in the data table)',
    ko: '최대값을 아는 파일 {{total}}개 중 가장 큰 {{shown}}개 (전체는 데이터 표에 있음)',
  },
  'charts.peakGiB': { en: 'peak GiB', ko: '최대 GiB' },
  'charts.budgetName': { en: 'budget', ko: '예산' },
  'charts.budget': { en: 'budget {{gib}} GiB', ko: '예산 {{gib}} GiB' },
  'charts.file': { en: 'file', ko: '파일' },
  'charts.lowerBound': { en: 'lower bound', ko: '하한' },
  'charts.yes': { en: 'yes', ko: '예' },
  'charts.no': { en: 'no', ko: '아니요' },
  'titles.summary': { en: 'Summary', ko: '요약' },
  'titles.problems': { en: 'Configuration problems', ko: '구성 문제' },
  'titles.gpu': { en: 'GPU fit', ko: 'GPU 적합성' },
  'titles.llm': { en: 'LLM API call sites', ko: 'LLM API 호출 위치' },
  'titles.engines': { en: 'Database topology per engine', ko: '엔진별 데이터베이스 토폴로지' },
  'titles.traffic': { en: 'Cost and nodes as traffic grows', ko: '트래픽 증가에 따른 비용과 노드' },
  'titles.months': { en: 'Storage and nodes by month', ko: '월별 저장량과 노드' },
  'titles.recommendation': { en: 'Recommendation', ko: '권장 사항' },
  'titles.bill': { en: 'Monthly bill', ko: '월 청구액' },
  'titles.method': { en: 'How the numbers are computed', ko: '수치 계산 방법' },
  'titles.nodesPerRole': { en: 'Nodes per role', ko: '역할별 노드' },
  'titles.monthlyCost': { en: 'Monthly cost', ko: '월 비용' },
  assumptionsTitle: messageOf<{ profile: string; workloadFile: string | null }>({
    en: ({ profile, workloadFile: file }) => `Assumptions (profile: ${profile}${file ? `, workload file ${file}` : ''})`,
    ko: ({ profile, workloadFile: file }) => `가정 (프로필: ${profile}${file ? `, 워크로드 파일 ${file}` : ''})`,
  }),
  'assumptionSource.profile': { en: 'profile', ko: '프로필' },
  'assumptionSource.workload': { en: 'workload', ko: '워크로드 파일' },
  'valueSource.code': { en: 'code', ko: '코드' },
  'valueSource.profile': { en: 'profile', ko: '프로필' },
  'valueSource.workload': { en: 'workload', ko: '워크로드' },
  days: { en: '{{n}} d', ko: '{{n}}일' },
  assumptionsIntro: {
    en: 'Values code cannot know. Edit them in ai-infra-advisor.workload.json (schema: docs/workload.schema.json); per-call-site overrides go under "calls".',
    ko: '코드로는 알 수 없는 값입니다. ai-infra-advisor.workload.json에서 수정하세요 (스키마: docs/workload.schema.json). 호출 위치별 재정의는 "calls" 아래에 둡니다.',
  },
  pricesBullet: {
    en: 'Prices: {{source}}, compiled {{date}}; engine rules (vendor sizing guides, cited next to each formula) compiled {{engineDate}}.',
    ko: '가격: {{source}}, {{date}} 기준; 엔진 규칙(각 공식 옆에 출처를 단 공급사 사이징 가이드) {{engineDate}} 기준.',
  },
  problemsIntro: { en: 'These values were invalid and replaced by their defaults:', ko: '다음 값은 잘못되어 기본값으로 대체되었습니다:' },
  unknownTargetGpu: { en: "unknown GPU '{{id}}'; using {{using}}", ko: "알 수 없는 GPU '{{id}}': {{using}} 사용" },
  unusedDataset: {
    en: "no GPU allocations found in '{{file}}'; its data-set size is unused",
    ko: "'{{file}}'에서 GPU 할당을 찾지 못함: 이 데이터 세트 크기는 쓰이지 않음",
  },
  'columns.assumptions.0': { en: 'assumption', ko: '가정' },
  'columns.assumptions.1': { en: 'value', ko: '값' },
  'columns.assumptions.2': { en: 'unit', ko: '단위' },
  'columns.assumptions.3': { en: 'from', ko: '출처' },
  'columns.gpu.0': { en: 'file', ko: '파일' },
  'columns.gpu.1': { en: 'API', ko: 'API' },
  'columns.gpu.2': { en: 'strategy', ko: '전략' },
  'columns.gpu.3': { en: 'peak', ko: '최대' },
  'columns.llm.0': { en: 'call site', ko: '호출 위치' },
  'columns.llm.1': { en: 'provider', ko: '제공자' },
  'columns.llm.2': { en: 'API', ko: 'API' },
  'columns.llm.3': { en: 'model', ko: '모델' },
  'columns.llm.4': { en: 'req/s avg (peak)', ko: '요청/s 평균 (최대)' },
  'columns.llm.5': { en: 'cache hits', ko: '캐시 적중' },
  'columns.llm.6': { en: 'tokens in/out', ko: '토큰 입력/출력' },
  'columns.llm.7': { en: 'record', ko: '레코드' },
  'columns.llm.8': { en: 'retention', ko: '보존' },
  'columns.llm.9': { en: '$/call', ko: '$/호출' },
  'columns.llm.10': { en: '$/month', ko: '$/월' },
  'columns.llm.11': { en: 'batch $/month', ko: '배치 $/월' },
  'columns.llm.12': { en: 'stored', ko: '저장' },
  'columns.engines.0': { en: 'engine', ko: '엔진' },
  'columns.engines.1': { en: 'client-session nodes', ko: '클라이언트 세션 노드' },
  'columns.engines.2': { en: 'query nodes', ko: '쿼리 노드' },
  'columns.engines.3': { en: 'data nodes', ko: '데이터 노드' },
  'columns.engines.4': { en: 'other', ko: '기타' },
  'columns.engines.5': { en: 'on disk', ko: '디스크' },
  'columns.engines.6': { en: '$/month', ko: '$/월' },
  'columns.roles.0': { en: 'role', ko: '역할' },
  'columns.roles.1': { en: 'nodes', ko: '노드' },
  'columns.roles.2': { en: 'instance', ko: '인스턴스' },
  'columns.roles.3': { en: 'why', ko: '근거' },
  'columns.roles.4': { en: 'grows with', ko: '증가 요인' },
  'columns.cost.0': { en: 'item', ko: '항목' },
  'columns.cost.1': { en: 'quantity', ko: '수량' },
  'columns.cost.2': { en: 'unit', ko: '단위' },
  'columns.cost.3': { en: 'unit price', ko: '단가' },
  'columns.cost.4': { en: '$/month', ko: '$/월' },
  'columns.traffic.0': { en: 'traffic', ko: '트래픽' },
  'columns.traffic.1': { en: 'peak writes/s', ko: '최대 쓰기/s' },
  'columns.trafficLlm': { en: 'LLM API $/month', ko: 'LLM API $/월' },
  'columns.months.0': { en: 'month', ko: '월' },
  'columns.months.1': { en: 'traffic', ko: '트래픽' },
  'columns.months.2': { en: 'stored (one copy)', ko: '저장량 (사본 1개)' },
  'columns.bill.0': { en: 'item', ko: '항목' },
  'columns.bill.1': { en: 'price source', ko: '가격 출처' },
  'columns.bill.2': { en: 'on demand $/month', ko: '온디맨드 월 $' },
  'columns.bill.3': { en: '1-year commitment $/month', ko: '1년 약정 월 $' },
  'columns.ranking.0': { en: 'rank', ko: '순위' },
  'columns.ranking.1': { en: 'engine', ko: '엔진' },
  'columns.ranking.2': { en: 'nodes', ko: '노드' },
  'columns.ranking.3': { en: '$/month', ko: '$/월' },
  'verdict.fits': { en: 'fits', ko: '적합' },
  'verdict.needs-chunking': { en: 'needs chunking', ko: '청크 분할 필요' },
  'verdict.does-not-fit': { en: 'does not fit', ko: '부적합' },
  'verdict.unknown': { en: 'unknown', ko: '알 수 없음' },
  verdictLegend: {
    en: '✓ fits · ⚠ needs chunking · ✗ does not fit · ? unknown (the code leaves a size to run time: set it in the workload file)',
    ko: '✓ 적합 · ⚠ 청크 분할 필요 · ✗ 부적합 · ? 알 수 없음 (코드가 크기를 실행 시점에 정함: 워크로드 파일에 지정하세요)',
  },
  gpuIntro: {
    en: 'Peak device memory per program file against every GPU in the catalog. Budget = the memory the driver reports (ECC and reserves taken) − one CUDA context (781 MiB) − a fragmentation margin ((1 − {{safetyFactor}}) of the rest, at least 1 GiB). Each cell is the verdict for the API the file uses; OpenCL also needs every buffer ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE (NVIDIA: 1/4 of reported memory, ROCm ≈ 85%, Intel 4 GiB). Chunk plans are for {{target}}.',
    ko: '프로그램 파일별 최대 장치 메모리를 카탈로그의 모든 GPU와 비교합니다. 예산 = 드라이버가 보고하는 메모리 (ECC와 예약분 제외) − CUDA 컨텍스트 하나 (781 MiB) − 단편화 여유 (나머지의 (1 − {{safetyFactor}}), 최소 1 GiB). 각 칸은 파일이 쓰는 API 기준의 판정이며, OpenCL은 모든 버퍼가 CL_DEVICE_MAX_MEM_ALLOC_SIZE 이하여야 합니다 (NVIDIA: 보고 메모리의 1/4, ROCm ≈ 85%, Intel 4 GiB). 청크 계획은 {{target}} 기준입니다.',
  },
  boundFromWorkload: { en: 'workload', ko: '워크로드' },
  stillUnknown: { en: 'still unknown', ko: '여전히 알 수 없음' },
  gpuTargetLineCuda: { en: '{{target}}: {{verdict}} ({{why}})', ko: '{{target}} 기준: {{verdict}} ({{why}})' },
  gpuTargetLineOpencl: {
    en: '{{target}}: {{verdict}} ({{why}}; OpenCL per-buffer limit {{perBuffer}})',
    ko: '{{target}} 기준: {{verdict}} ({{why}}; OpenCL 버퍼당 한도 {{perBuffer}})',
  },
  llmIntro: {
    en: 'Traffic per call site and what it costs and stores. Monthly cost = API calls/s (after cache hits) × 2,628,000 s × $/call.',
    ko: '호출 위치별 트래픽과 비용, 저장량입니다. 월 비용 = 초당 API 호출 (캐시 적중 후) × 2,628,000 s × $/호출.',
  },
  noLookup: { en: 'no lookup', ko: '조회 없음' },
  no: { en: 'no', ko: '아니요' },
  unknown: { en: 'unknown', ko: '알 수 없음' },
  total: { en: 'total', ko: '합계' },
  totalCommitted: { en: 'total with 1-year reserved nodes', ko: '1년 예약 노드 기준 합계' },
  shared: { en: 'shared', ko: '공유' },
  recordBullet: messageOf<{ id: string; formula: string; bytes: string; retentionWhy: string; unknowns: string }>({
    en: ({ id, formula, bytes, retentionWhy: why, unknowns }) =>
      `${id}: record = ${formula} = ${bytes}; retention from ${why}${unknowns ? `; unknown: ${unknowns}` : ''}`,
    ko: ({ id, formula, bytes, retentionWhy: why, unknowns }) =>
      `${id}: 레코드 = ${formula} = ${bytes}; 보존 기간 근거 ${why}${unknowns ? `; 알 수 없음: ${unknowns}` : ''}`,
  }),
  cachedBullet: {
    en: '{{id}}: with prompt caching of the static prefix {{perCall}}/call',
    ko: '{{id}}: 정적 접두부에 프롬프트 캐싱 적용 시 {{perCall}}/호출',
  },
  loadIntro: messageOf<{
    writes: string;
    writesPeak: string;
    reads: string;
    readsPeak: string;
    record: string;
    records: string;
    stored: string;
    rf: number;
  }>({
    en: (p) =>
      `Load on the store at 1× traffic with the retention window full: ${p.writes} writes (peak ${p.writesPeak}), ${p.reads} reads (peak ${p.readsPeak}), records ≈ ${p.record}, ${p.records} records = ${p.stored} kept (one copy), replication factor ${p.rf}.`,
    ko: (p) =>
      `트래픽 1×, 보존 기간이 찬 상태의 저장소 부하: 쓰기 ${p.writes} (최대 ${p.writesPeak}), 읽기 ${p.reads} (최대 ${p.readsPeak}), 레코드 ≈ ${p.record}, 레코드 ${p.records}개 = ${p.stored} 보관 (사본 1개), 복제 계수 ${p.rf}.`,
  }),
  sharedLegend: {
    en: '"(shared)": the role runs on other nodes and has no nodes or cost of its own; DynamoDB\'s data count is managed partitions; ✗: the engine does not fit its service at this load (see its section), so it is not recommended.',
    ko: '"(공유)": 해당 역할은 다른 노드에서 실행되며 별도의 노드나 비용이 없습니다. DynamoDB의 데이터 수는 관리형 파티션 수입니다. ✗: 이 부하에서 서비스에 맞지 않아(해당 항목 참고) 추천하지 않습니다.',
  },
  trafficIntro: messageOf<{ unpriced: string }>({
    en: ({ unpriced }) =>
      `Traffic multiplies every call site's rate and the client sessions; retention window full. Cells: nodes · $/month (✗: does not fit the service at that traffic, see the engine).${unpriced ? ` LLM API $/month covers the priced call sites only (unpriced: ${unpriced}).` : ''}`,
    ko: ({ unpriced }) =>
      `트래픽 배수는 모든 호출 위치의 요청률과 클라이언트 세션에 곱해지며, 보존 기간이 찬 상태입니다. 각 칸: 노드 · $/월 (✗: 그 트래픽에서 서비스에 맞지 않음, 엔진 항목 참고).${unpriced ? ` LLM API $/월은 가격이 있는 호출 위치만 포함합니다 (가격 없음: ${unpriced}).` : ''}`,
  }),
  onlineNoBatch: { en: '— (request handler)', ko: '— (요청 처리기)' },
  'bill.intro': {
    en: "One total for what the scanned code costs to run a month: the recommended database, the Redis cache tier where the code caches in Redis, the LLM APIs as deployed, and the target GPU's AWS instances.",
    ko: '스캔한 코드를 한 달 운영하는 비용의 합계입니다: 권장 데이터베이스, 코드가 Redis에 캐시하면 Redis 캐시 계층, 배포 방식대로의 LLM API, 대상 GPU의 AWS 인스턴스.',
  },
  'bill.notPriced': { en: 'not priced', ko: '가격 없음' },
  'bill.noCommitment': { en: '{{onDemand}} (no sourced 1-year price)', ko: '{{onDemand}} (출처 있는 1년 가격 없음)' },
  'bill.item': messageOf<{ kind: string; what: string; quantity: number; name: string; bytes: string }>({
    en: ({ kind, what, quantity, name, bytes }) =>
      kind === 'database'
        ? `database: ${name} (${quantity === 0 ? 'serverless' : `${quantity.toLocaleString('en-US')} node${quantity === 1 ? '' : 's'}`})`
        : kind === 'cache'
          ? `cache tier: ${name} (${quantity.toLocaleString('en-US')} node${quantity === 1 ? '' : 's'})`
          : kind === 'openai'
            ? `LLM API: ${what} call sites, ${quantity} offline through ${name}`
            : kind === 'gpu'
              ? `GPU: ${quantity.toLocaleString('en-US')} × ${what} all month (set gpu.instances in the workload file)`
              : `cross-AZ replication traffic: ${bytes} a month`,
    ko: ({ kind, what, quantity, name, bytes }) =>
      kind === 'database'
        ? `데이터베이스: ${name} (${quantity === 0 ? '서버리스' : `노드 ${quantity.toLocaleString('en-US')}개`})`
        : kind === 'cache'
          ? `캐시 계층: ${name} (노드 ${quantity.toLocaleString('en-US')}개)`
          : kind === 'openai'
            ? `LLM API: 호출 위치 ${what}개, 오프라인 ${quantity}개는 ${name}`
            : kind === 'gpu'
              ? `GPU: ${what} ${quantity.toLocaleString('en-US')}대 한 달 내내 (워크로드 파일의 gpu.instances로 설정)`
              : `AZ 간 복제 트래픽: 월 ${bytes}`,
  }),
  'bill.noRate': { en: 'rate not in the catalog', ko: '카탈로그에 요금 없음' },
  'bill.llmSource': {
    en: '{{providers}} list prices; batch API only for offline call sites',
    ko: '{{providers}} 정가; 오프라인 호출 위치만 배치 API',
  },
  'bill.notes.0': {
    en: "Not in the total: support plans and internet egress. Backups and cross-AZ replication traffic ($0.01/GB each way) are in the self-managed engines' lines (MongoDB, Cassandra, ScyllaDB); DynamoDB's copies across AZs are inside its price; for OpenSearch Service and ElastiCache the volume is listed, not priced.",
    ko: '합계에 없는 것: 지원 요금, 인터넷 송신. 백업과 AZ 간 복제 트래픽(방향마다 GB당 $0.01)은 자체 관리 엔진(MongoDB, Cassandra, ScyllaDB) 항목에 포함, DynamoDB의 AZ 간 사본은 요금에 포함, OpenSearch Service와 ElastiCache는 양만 표시하고 요금은 넣지 않음.',
  },
  monthsIntro: {
    en: 'Month m: traffic × (1 + {{growth}})^(m−1); stored data = what each month wrote at its own traffic and still keeps (younger than the retention). Cells: nodes · $/month.',
    ko: 'm번째 월: 트래픽 × (1 + {{growth}})^(m−1), 저장 데이터 = 각 월이 그 달의 트래픽으로 써서 아직 보존 기간 안에 있는 것. 각 칸: 노드 · $/월.',
  },
  growthStep: messageOf<{ month: number; actBy: number; fromNodes: number; toNodes: number; fromInstance: string | null; toInstance: string | null }>(
    {
      en: ({ month, actBy, fromNodes: from, toNodes: to, fromInstance: fromI, toInstance: toI }) => {
        const n = (x: number) => x.toLocaleString('en-US');
        const what =
          fromI !== toI
            ? `move to ${toI ?? 'the managed service'} (${n(from)}${fromI ? ` × ${fromI}` : ''} → ${n(to)}${toI ? ` × ${toI}` : ''})`
            : to > from
              ? `add ${n(to - from)} data node${to - from === 1 ? '' : 's'} (${n(from)} → ${n(to)})`
              : `remove ${n(from - to)} data node${from - to === 1 ? '' : 's'} (${n(from)} → ${n(to)})`;
        return `M${month} ${what}, start by M${actBy}`;
      },
      ko: ({ month, actBy, fromNodes: from, toNodes: to, fromInstance: fromI, toInstance: toI }) => {
        const n = (x: number) => x.toLocaleString('en-US');
        const what =
          fromI !== toI
            ? `${toI ?? '관리형 서비스'}(으)로 옮김 (${n(from)}${fromI ? ` × ${fromI}` : ''} → ${n(to)}${toI ? ` × ${toI}` : ''})`
            : to > from
              ? `데이터 노드 ${n(to - from)}개 추가 (${n(from)} → ${n(to)})`
              : `데이터 노드 ${n(from - to)}개 축소 (${n(from)} → ${n(to)})`;
        return `M${month} ${what}, M${actBy}까지 시작`;
      },
    },
  ),
  // "the Batch API", "the Message Batches API", but "Gemini Batch Mode" (a product name, no article).
  'batchApi.named': messageOf<{ name: string }>({
    en: ({ name }) => (name.endsWith('API') ? `the ${name}` : name),
    ko: ({ name }) => name,
  }),
  'batchApi.unnamed': { en: "the provider's batch API", ko: '제공자의 배치 API' },
  'batchApi.each': { en: "each provider's batch API", ko: '각 제공자의 배치 API' },
  growthLead: {
    en: 'Lead time: one month before each step, to provision the nodes and let them stream or rebalance their share of the data.',
    ko: '준비 기간: 각 단계 한 달 전, 노드를 프로비저닝하고 새 노드가 자기 몫의 데이터를 스트리밍하거나 재분배할 시간.',
  },
  noGrowthStep: {
    en: "No engine's data tier changes over the {{months}} months shown.",
    ko: '표시한 {{months}}개월 동안 데이터 계층이 바뀌는 엔진이 없습니다.',
  },
  redisRankNote: {
    en: 'Redis is ranked only when every stored result expires (a TTL in the code): otherwise it is the cache tier in front of the chosen store, not the system of record.',
    ko: 'Redis는 저장된 모든 결과가 만료될 때(코드에 TTL이 있을 때)만 순위에 포함됩니다. 그렇지 않으면 선택한 저장소 앞의 캐시 계층이지 기록 시스템이 아닙니다.',
  },
  'headline.llm': messageOf<{ n: number; monthly: string; offline: number; asDeployed: string; unpriced: string; batch: string }>({
    en: ({ n, monthly, offline, asDeployed, unpriced, batch }) =>
      `LLM API: ${n} call site${n === 1 ? '' : 's'}, ${monthly}/month on demand${offline ? `; ${asDeployed} with the ${offline} offline call site${offline === 1 ? '' : 's'} (loops, jobs) through ${batch}, request handlers stay on demand` : `; every call site serves requests, so none can wait for ${batch}`}${unpriced ? `; ${unpriced}` : ''}.`,
    ko: ({ n, monthly, offline, asDeployed, unpriced, batch }) =>
      `LLM API: 호출 위치 ${n}개, 온디맨드 월 ${monthly} 기준${offline ? `이며 오프라인 호출 위치 ${offline}개 (루프, 작업)를 ${batch}(으)로 돌리면 월 ${asDeployed} (요청 처리기는 온디맨드 유지)` : `이며 모든 호출 위치가 요청을 처리하므로 ${batch}을(를) 기다릴 수 없음`}${unpriced ? `; ${unpriced}` : ''}.`,
  }),
  'headline.bill': {
    en: 'Monthly bill ({{parts}}): {{onDemand}} on demand, {{committed}} with 1-year commitments where a price is known.',
    ko: '월 청구액 ({{parts}}): 온디맨드 {{onDemand}} / 가격이 알려진 곳은 1년 약정으로 {{committed}} 기준.',
  },
  'headline.billParts.database': { en: 'database', ko: '데이터베이스' },
  'headline.billParts.cache': { en: 'cache', ko: '캐시' },
  'headline.billParts.openai': { en: 'LLM API', ko: 'LLM API 호출' },
  'headline.billParts.gpu': { en: 'GPU', ko: 'GPU' },
  'headline.billParts.transfer': { en: 'data transfer', ko: '데이터 전송' },
  'headline.gpu': {
    en: 'GPU on {{target}}: {{fits}} of {{total}} program files fit, {{chunk}} need chunking, {{noFit}} do not fit, {{unknown}} unknown (data-set size needed).',
    ko: '{{target}} 기준 GPU: 프로그램 파일 {{total}}개 중 {{fits}}개 적합, {{chunk}}개 청크 분할 필요, {{noFit}}개 부적합, {{unknown}}개 알 수 없음 (데이터 세트 크기 필요).',
  },
  'headline.unpriced': { en: '{{n}} call site(s) unpriced ({{list}})', ko: '가격 없는 호출 위치 {{n}}개 ({{list}})' },
  'headline.nothing': {
    en: 'No GPU allocations and no LLM API call sites found: nothing to size.',
    ko: 'GPU 할당도 LLM API 호출 위치도 없습니다: 산정할 것이 없습니다.',
  },
  'recommendation.first': messageOf<{
    engine: string;
    topology: string;
    monthly: string;
    peakWrites: string;
    storedGiB: string;
    count: number;
    next: { engine: string; monthly: string } | null;
  }>({
    en: (p) =>
      `${p.engine} fits this workload best: ${p.topology} for ${p.monthly}/month at ${p.peakWrites} peak writes/s and ${p.storedGiB} GiB kept (one copy), the lowest of the ${p.count} engines compared${p.next ? ` (next: ${p.next.engine} at ${p.next.monthly})` : ''}.`,
    ko: (p) =>
      `이 워크로드에는 ${p.engine}이(가) 가장 적합합니다: ${p.topology}, 월 ${p.monthly} (최대 쓰기 ${p.peakWrites}/s, 보관 ${p.storedGiB} GiB, 사본 1개 기준), 비교한 엔진 ${p.count}개 중 가장 저렴합니다${p.next ? ` (다음: ${p.next.engine} ${p.next.monthly})` : ''}.`,
  }),
  'recommendation.holds': {
    en: 'It stays the cheapest at {{factor}}× traffic ({{topology}}, {{monthly}}/month), so the choice holds as the service grows.',
    ko: '트래픽 {{factor}}×에서도 가장 저렴하므로 ({{topology}}, 월 {{monthly}}) 서비스가 성장해도 선택이 유지됩니다.',
  },
  'recommendation.overtaken': {
    en: 'At {{factor}}× traffic {{engine}} becomes cheaper ({{theirs}} vs {{ours}}/month), so revisit the choice as traffic grows.',
    ko: '트래픽 {{factor}}×에서는 {{engine}}이(가) 더 저렴해지므로 (월 {{theirs}} 대 {{ours}}) 트래픽이 늘면 선택을 다시 검토하세요.',
  },
  'recommendation.outgrows': messageOf<{ factor: number; engine: string; next: { engine: string; monthly: string } | null }>({
    en: ({ factor, engine, next }) =>
      `At ${factor}× traffic ${engine} no longer fits its service (a hard limit, see its section)${next ? `; ${next.engine} does (${next.monthly}/month)` : ''}: plan the move before traffic gets there.`,
    ko: ({ factor, engine, next }) =>
      `트래픽 ${factor}×에서는 ${engine}이(가) 서비스 한도를 넘어 맞지 않습니다 (해당 항목 참고)${next ? `. ${next.engine}은(는) 맞습니다 (월 ${next.monthly})` : ''}: 그 트래픽 전에 옮길 계획을 세우세요.`,
  }),
  'recommendation.notComputed': { en: 'Traffic scaling was not computed.', ko: '트래픽 증가는 계산되지 않았습니다.' },
  'recommendation.noNodes': { en: 'no nodes to run', ko: '운영할 노드 없음' },
  'recommendation.nodeCount': { en: '{{n}} nodes', ko: '노드 {{n}}개' },
  'document.title': { en: 'Sizing report', ko: '규모 산정 보고서' },
  'document.profile': { en: 'profile', ko: '프로필' },
  'document.chartData': { en: '{{title}}: data', ko: '{{title}}: 데이터' },
  'document.textHeader': { en: '{{tool}} sizing report (profile {{profile}})', ko: '{{tool}} 규모 산정 보고서 (프로필 {{profile}})' },
  'document.noScript': {
    en: 'Interactive charts unavailable (dist/report-charts.js not built): showing the static SVG charts.',
    ko: '대화형 차트를 사용할 수 없습니다 (dist/report-charts.js가 빌드되지 않음): 정적 SVG 차트를 표시합니다.',
  },
  // The report page's words (PageStrings: the page fills {0}, {1} itself).
  'page.exportButton': { en: 'Export…', ko: '내보내기…' },
  'page.workloadButton': { en: 'Open workload file', ko: '워크로드 파일 열기' },
  'page.openReport': { en: 'Open full report', ko: '전체 보고서 열기' },
  'page.editTitle': { en: 'Assumptions (profile {0}) — edit to recompute', ko: '가정 (프로필 {0}) — 수정하면 다시 계산합니다' },
  'page.role': { en: 'role', ko: '역할' },
  'page.nodes': { en: 'nodes', ko: '노드' },
  'page.shared': { en: 'shared', ko: '공유' },
  'page.perMonth': { en: '{0}: {1}/month', ko: '{0}: 월 {1}' },
  'page.needActionTitle': {
    en: 'Files that need action on {0}: {1} of {2} (the {3} worst; every file is listed by folder below)',
    ko: '{0}에서 조치가 필요한 파일: {2}개 중 {1}개 (가장 나쁜 {3}개; 모든 파일은 아래 폴더별 목록에 있음)',
  },
  'page.fileColumn': { en: 'file', ko: '파일' },
  'page.verdictColumn': { en: 'on {0}', ko: '{0}에서' },
  'page.peakColumn': { en: 'peak', ko: '최대' },
  'page.whyColumn': { en: 'why', ko: '이유' },
  'page.folderLabel': { en: '{0} — {1} files ({2})', ko: '{0} — 파일 {1}개 ({2})' },
  'page.fittingLabel': { en: 'files that fit: {0}', ko: '적합한 파일: {0}개' },
  'page.unknownPeak': { en: 'unknown', ko: '알 수 없음' },
  'page.verdict.fits': { en: 'fits', ko: '적합' },
  'page.verdict.needs-chunking': { en: 'needs chunking', ko: '청크 분할 필요' },
  'page.verdict.does-not-fit': { en: 'does not fit', ko: '부적합' },
  'page.verdict.unknown': { en: 'unknown', ko: '알 수 없음' },
  'page.noAssumptions': {
    en: 'None of the traffic assumptions applies: the code found has no LLM API call sites. Sizes the GPU code leaves to run time are set under "gpu" → "datasets" in ai-infra-advisor.workload.json.',
    ko: '적용되는 트래픽 가정이 없습니다: 찾은 코드에 LLM API 호출 위치가 없습니다. GPU 코드가 실행 시점에 정하는 크기는 ai-infra-advisor.workload.json의 "gpu" → "datasets"에 설정합니다.',
  },
  'page.sourcesTitle': { en: 'Sources', ko: '출처' },
  'page.sourcesIntro': {
    en: 'The public sources this report names, with their addresses.',
    ko: '이 보고서가 이름으로 든 공개 출처와 그 주소입니다.',
  },
});

export const reportText = translator(REPORT_MESSAGES);

/** 'columns.llm' for the ids 'columns.llm.0', 'columns.llm.1', …: the lists of the catalogue. */
type ListOf<K extends string> = K extends `${infer A}.${infer B}` ? (B extends `${number}` ? A : `${A}.${ListOf<B>}`) : never;
type ListId = ListOf<keyof typeof REPORT_MESSAGES>;

/** A list of words in order (a table's column headers, the bill's notes): the ids `<list>.0`, `<list>.1`, … */
export function textList(lang: Lang, list: ListId): string[] {
  // List items are plain words, without data.
  const word = reportText as (lang: Lang, id: string) => string;
  const out: string[] = [];
  for (let i = 0; Object.prototype.hasOwnProperty.call(REPORT_MESSAGES, `${list}.${i}`); i++) out.push(word(lang, `${list}.${i}`));
  return out;
}

/** The report page's words, for the webview (it has no l10n of its own): plain strings from the catalogue. */
export function pageStrings(lang: Lang): PageStrings {
  const t = (id: keyof typeof REPORT_MESSAGES & `page.${string}`) => reportText(lang, id as 'page.role');
  return {
    exportButton: t('page.exportButton'),
    workloadButton: t('page.workloadButton'),
    openReport: t('page.openReport'),
    editTitle: t('page.editTitle'),
    role: t('page.role'),
    nodes: t('page.nodes'),
    shared: t('page.shared'),
    perMonth: t('page.perMonth'),
    needActionTitle: t('page.needActionTitle'),
    fileColumn: t('page.fileColumn'),
    verdictColumn: t('page.verdictColumn'),
    peakColumn: t('page.peakColumn'),
    whyColumn: t('page.whyColumn'),
    folderLabel: t('page.folderLabel'),
    fittingLabel: t('page.fittingLabel'),
    unknownPeak: t('page.unknownPeak'),
    verdict: {
      fits: t('page.verdict.fits'),
      'needs-chunking': t('page.verdict.needs-chunking'),
      'does-not-fit': t('page.verdict.does-not-fit'),
      unknown: t('page.verdict.unknown'),
    },
    noAssumptions: t('page.noAssumptions'),
    sourcesTitle: t('page.sourcesTitle'),
    sourcesIntro: t('page.sourcesIntro'),
  };
}

const ASSUMPTION_LABELS_KO: Readonly<Record<keyof UsageAssumptions, string>> = {
  avgRequestsPerSecond: '호출 위치별 평균 요청',
  peakRequestsPerSecond: '호출 위치별 최대 요청',
  inputTokens: '프롬프트 토큰 (실행 시점에 만들어질 때)',
  outputTokens: '완성 토큰 (코드에 상한이 없을 때)',
  retentionDays: '보존 기간',
  readWriteRatio: '쓰기당 읽기',
  cacheHitRatio: '캐시 적중률 (먼저 조회하는 호출 위치)',
  concurrentSessions: '동시 클라이언트 세션',
  replicationFactor: '복제 계수',
  monthlyGrowth: '월간 트래픽 증가율',
  recordMetadataBytes: '레코드당 메타데이터',
  workingSetFraction: '작업 세트 (저장 데이터 중 자주 쓰는 비율)',
  queryLatencyMs: '검색 쿼리 지연 시간',
  horizonMonths: '표시할 개월 수',
};

/** The assumption labels by key: the English is the profile table's own (src/core/sizing/profiles.ts). */
export const ASSUMPTION_MESSAGES = Object.fromEntries(
  ASSUMPTION_KEYS.map((k) => [k, { en: ASSUMPTION_LABELS[k].label, ko: ASSUMPTION_LABELS_KO[k] }]),
) as Readonly<Record<keyof UsageAssumptions, { en: string; ko: string }>>;

/** Every assumption's label in a language, by key (the report page gets them with its words). */
export function assumptionLabels(lang: Lang): Record<keyof UsageAssumptions, string> {
  return Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, render(ASSUMPTION_MESSAGES, lang, k)])) as Record<keyof UsageAssumptions, string>;
}
