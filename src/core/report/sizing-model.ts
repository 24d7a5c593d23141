// The sizing report model: one object built from an AnalysisResult and a Workload, rendered by every surface
// (Markdown, HTML, JSON, text, and later the editor's webview). It holds numbers and their formulas, never markup.
import { redactDeep } from '../model/redact';
import { problemsIn } from '../config';
import { relative } from 'node:path';
import type { AnalysisResult } from '../analyze';
import type { LlmFileSummary, LlmProvider } from '../model/types';
import { buildBill, type Bill } from '../sizing/bill';
import { ENGINE_SIZERS, type EngineSizing } from '../sizing/engines';
import { ENGINE_FACTS_DATE } from '../sizing/engine-facts';
import { engineText } from '../sizing/engines/engine-text';
import { budgetBytes, deviceBytes, findGpu, openclMaxAllocBytes, reportedBytes, type GpuSpec } from '../sizing/gpu-catalog';
import { sizeGpuFile, type GpuFileSizing } from '../sizing/gpu-fit';
import { buildCallStreams, dataLoad, DAYS_PER_MONTH, openAiMonthlyUsd, type CallStream, type DataLoad } from '../sizing/llm-workload';
import { ASSUMPTION_KEYS, ASSUMPTION_LABELS } from '../sizing/profiles';
import type { EngineId, Workload } from '../sizing/workload';
import { reportText } from './report-strings';
import { defineMessages, render, type Lang } from '../l10n';

export const SIZING_SCHEMA_ID = 'https://github.com/ai-infra-advisor/ai-infra-advisor/docs/sizing-report.schema.json';
export const TRAFFIC_FACTORS = [1, 2, 5, 10] as const;

export interface AssumptionRow {
  key: string;
  label: string;
  unit: string;
  value: number;
  source: 'profile' | 'workload';
}

export interface ScalePoint {
  engine: EngineId;
  nodes: number;
  monthlyUsd: number;
  storedBytes: number;
  /** The data role: node count (partitions for DynamoDB) and instance type (null when serverless). */
  dataNodes: number;
  dataInstance: string | null;
  /** False when the engine does not fit its service at this load (a hard limit no size meets; see the engine's errors). */
  fits: boolean;
}

/** A change of the data tier between two months: add nodes, or move to another size, by a month. */
export interface GrowthStep {
  engine: EngineId;
  month: number;
  /** The month to start: one month ahead, the time to provision and let the new nodes take their share of the data. */
  actBy: number;
  fromNodes: number;
  toNodes: number;
  fromInstance: string | null;
  toInstance: string | null;
}

export interface SizingReport {
  $schema: string;
  tool: { name: string; version: string };
  profile: Workload['profile'];
  workloadSource: string | null;
  problems: Array<{ field: string; message: string; source: 'config' | 'workload' }>;
  assumptions: AssumptionRow[];
  prices: { source: string; sourceDate: string; engineFactsDate: string };
  gpu: {
    target: {
      id: string;
      name: string;
      memoryBytes: number;
      reportedBytes: number;
      budgetBytes: number;
      openclMaxAllocBytes: number;
      link: string | null;
      source: string;
    };
    safetyFactor: number;
    files: GpuFileSizing[];
  };
  llm: {
    streams: LlmStream[];
    load: DataLoad | null;
    openaiMonthlyUsd: number;
    /** As deployed: offline call sites through the Batch API, request handlers on demand. */
    openaiMonthlyBatchUsd: number;
    offlineSites: number;
    unpriced: string[];
  };
  engines: EngineSizing[];
  traffic: Array<{ factor: number; openaiMonthlyUsd: number; writesPerSecondPeak: number; engines: ScalePoint[] }>;
  months: Array<{ month: number; trafficFactor: number; storedBytes: number; writesPerSecondAvg: number; engines: ScalePoint[] }>;
  /** When each engine's data tier has to grow over the months shown. */
  growthPlan: GrowthStep[];
  recommendation: { engine: EngineId; text: string; ranking: Array<{ engine: EngineId; monthlyUsd: number; nodes: number }> } | null;
  /** One monthly total: the recommended database, the Redis cache tier, the LLM APIs, GPU instances. */
  bill: Bill;
  notes: string[];
}

/** A call site's stream with whose API it reaches (null: a LiteLLM model of an unknown family), so a row can name it. */
export type LlmStream = CallStream & { provider: LlmProvider | null };

/** The provider of each stream's call site (a summary without one predates the other providers: OpenAI's SDKs). */
function withProviders(streams: readonly CallStream[], files: readonly LlmFileSummary[]): LlmStream[] {
  return streams.map((s) => {
    const call = files.find((f) => f.path === s.path)?.calls.find((c) => c.line === s.line && c.operation === s.operation);
    const provider = call?.provider === undefined ? (call?.via === 'azure-openai' ? 'azure-openai' : 'openai') : call.provider;
    return { ...s, provider };
  });
}

const point = (e: EngineSizing): ScalePoint => {
  const data = e.roles.find((r) => r.role === 'data');
  return {
    engine: e.engine,
    nodes: e.totalNodes,
    monthlyUsd: e.monthlyUsd,
    storedBytes: e.storedBytes,
    dataNodes: data?.count ?? 0,
    dataInstance: data?.instance ?? null,
    fits: e.errors.length === 0,
  };
};

/** Every month where an engine's data tier changes (more nodes or another size) against the month before, from month 1's layout. */
export function growthSteps(engines: readonly EngineSizing[], months: SizingReport['months']): GrowthStep[] {
  const steps: GrowthStep[] = [];
  for (const e of engines) {
    // Only engines with nodes to run: DynamoDB's partitions split on their own.
    if (e.roles.every((r) => !r.dedicated)) continue;
    let prev: ScalePoint | undefined;
    for (const m of months) {
      const p = m.engines.find((x) => x.engine === e.engine);
      if (!p) continue;
      if (prev && (p.dataNodes !== prev.dataNodes || p.dataInstance !== prev.dataInstance)) {
        steps.push({
          engine: e.engine,
          month: m.month,
          actBy: Math.max(1, m.month - 1),
          fromNodes: prev.dataNodes,
          toNodes: p.dataNodes,
          fromInstance: prev.dataInstance,
          toInstance: p.dataInstance,
        });
      }
      prev = p;
    }
  }
  return steps;
}

export function buildSizingReport(result: AnalysisResult, workload: Workload): SizingReport {
  const a = workload.assumptions;
  const safetyFactor = workload.gpu.safetyFactor ?? result.config.safetyFactor;
  const problems: SizingReport['problems'] = [
    ...problemsIn(result.configProblems, result.config.lang).map((p) => ({ ...p, source: 'config' as const })),
    ...problemsIn(workload.problems, result.config.lang).map((p) => ({ ...p, source: 'workload' as const })),
  ];
  let target: GpuSpec = result.targetGpu;
  if (workload.gpu.targetGpu) {
    const g = findGpu(workload.gpu.targetGpu, result.config.customGpu);
    if (g) target = g;
    else
      problems.push({
        field: 'gpu.targetGpu',
        message: reportText(result.config.lang, 'unknownTargetGpu', { id: workload.gpu.targetGpu, using: target.id }),
        source: 'workload',
      });
  }

  const gpuFiles = result.gpu
    .filter((g) => g.allocations.length > 0)
    .map((g) => sizeGpuFile(g, { dataset: workload.gpu.datasets.find((d) => d.file === g.path), safetyFactor, target, lang: result.config.lang }));
  for (const d of workload.gpu.datasets) {
    if (!result.gpu.some((g) => g.path === d.file))
      problems.push({ field: 'gpu.datasets', message: reportText(result.config.lang, 'unusedDataset', { file: d.file }), source: 'workload' });
  }

  const streams = withProviders(buildCallStreams(result.llm, workload, result.config.lang), result.llm);
  const stored = streams.filter((s) => s.stored);
  const load = stored.length ? dataLoad(streams, a) : null;
  const sizeAll = (l: DataLoad) => workload.engines.map((id) => ENGINE_SIZERS[id](l, workload.prices, result.config.lang));
  const engines = load ? sizeAll(load) : [];
  const openai = openAiMonthlyUsd(streams);

  const traffic = load
    ? TRAFFIC_FACTORS.map((factor) => {
        // 1× is the load and engines sized above: reuse them rather than size every engine again.
        const l = factor === 1 ? load : dataLoad(streams, a, factor);
        return {
          factor,
          openaiMonthlyUsd: openAiMonthlyUsd(streams, factor).onDemand,
          writesPerSecondPeak: l.writesPerSecondPeak,
          engines: (factor === 1 ? engines : sizeAll(l)).map(point),
        };
      })
    : [];
  // Month by month, each engine's data tier starts from the size it already runs: a tier that grew does not shrink back.
  const running = new Map<EngineId, string | null>();
  const months = load
    ? Array.from({ length: a.horizonMonths }, (_, i) => {
        const month = i + 1;
        const factor = (1 + a.monthlyGrowth) ** i;
        // Each month writes at its own traffic and keeps what is younger than the retention (accumulated, not month m's rate × m).
        const l = dataLoad(streams, a, factor, month * DAYS_PER_MONTH, { months: month, monthlyGrowth: a.monthlyGrowth });
        const sized = workload.engines.map((id) => ENGINE_SIZERS[id](l, workload.prices, result.config.lang, { atLeast: running.get(id) ?? null }));
        const points = sized.map(point);
        for (const p of points) running.set(p.engine, p.dataInstance);
        return { month, trafficFactor: factor, storedBytes: l.storedBytes, writesPerSecondAvg: l.writesPerSecondAvg, engines: points };
      })
    : [];

  const recommendation = recommend(engines, traffic, streams, load);
  // Every string from the scanned files (paths, models, expressions) passes the credential choke point once, here.
  return redactDeep({
    $schema: SIZING_SCHEMA_ID,
    tool: result.tool,
    profile: workload.profile,
    // Relative to the scanned root, so reports are identical across machines.
    workloadSource: workload.source ? relative(result.root, workload.source) || workload.source : null,
    problems,
    assumptions: ASSUMPTION_KEYS.map((key) => ({
      key,
      ...ASSUMPTION_LABELS[key],
      value: a[key],
      source: workload.overridden.includes(key) ? 'workload' : 'profile',
    })),
    prices: { source: workload.prices.source, sourceDate: workload.prices.sourceDate, engineFactsDate: ENGINE_FACTS_DATE },
    gpu: {
      target: {
        id: target.id,
        name: target.name,
        memoryBytes: deviceBytes(target),
        reportedBytes: reportedBytes(target),
        budgetBytes: budgetBytes(target, safetyFactor),
        openclMaxAllocBytes: openclMaxAllocBytes(target),
        link: target.hostLink?.name ?? null,
        source: target.reported ? `${target.source}; reported: ${target.reported.source}` : target.source,
      },
      safetyFactor,
      files: gpuFiles,
    },
    llm: {
      streams,
      load,
      openaiMonthlyUsd: openai.onDemand,
      openaiMonthlyBatchUsd: openai.batch,
      offlineSites: openai.offlineSites,
      unpriced: openai.unpriced,
    },
    engines,
    traffic,
    months,
    growthPlan: growthSteps(engines, months),
    recommendation,
    bill: buildBill({
      engines,
      recommended: recommendation?.engine ?? null,
      streams,
      load,
      openai,
      gpu: { target, files: gpuFiles.length, instances: workload.gpu.instances },
    }),
    notes: sizingNotes(result.config.lang),
  });
}

const ENGINE_NAMES: Record<EngineId, string> = {
  mongodb: 'MongoDB',
  cassandra: 'Cassandra',
  scylladb: 'ScyllaDB',
  elasticsearch: 'Elasticsearch/OpenSearch',
  dynamodb: 'DynamoDB',
  redis: 'Redis',
};
export const engineName = (id: EngineId): string => ENGINE_NAMES[id];

function topology(e: EngineSizing | ScalePoint, lang: Lang): string {
  if ('roles' in e) {
    const one = (name: string) => engineText(lang, 'one', { name });
    const parts = e.roles
      .filter((r) => r.dedicated && r.count > 0)
      .map((r) => `${r.count.toLocaleString('en-US')} ${r.count === 1 ? one(r.name) : r.name}${r.instance ? ` (${r.instance})` : ''}`);
    if (parts.length) return parts.join(' + ');
    // Serverless: no nodes to run; the data role still says what the service provisions (DynamoDB's partitions).
    const data = e.roles.find((r) => r.role === 'data');
    return data && data.count > 0
      ? `${data.count.toLocaleString('en-US')} ${data.count === 1 ? one(data.name) : data.name}`
      : reportText(lang, 'recommendation.noNodes');
  }
  return e.nodes ? reportText(lang, 'recommendation.nodeCount', { n: e.nodes }) : reportText(lang, 'recommendation.noNodes');
}

const usd = (n: number): string => `$${n < 100 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}`;

/** Ranks the engines that may be the system of record by monthly cost at 1× (ties: fewer nodes). */
function recommend(
  engines: EngineSizing[],
  traffic: SizingReport['traffic'],
  streams: CallStream[],
  load: DataLoad | null,
): SizingReport['recommendation'] {
  if (!load || !engines.length) return null;
  // Redis is a cache tier, the system of record only when every stored result expires (a TTL in the code).
  const allExpire = streams.filter((s) => s.stored).every((s) => s.retentionFrom === 'ttl');
  // An engine that does not fit its service (an error: a hard limit no size meets) is never recommended.
  const candidates = engines.filter((e) => (e.engine !== 'redis' || allExpire) && !e.errors.length);
  if (!candidates.length) return null;
  const ranking = [...candidates]
    .sort((x, y) => x.monthlyUsd - y.monthlyUsd || x.totalNodes - y.totalNodes)
    .map((e) => ({ engine: e.engine, monthlyUsd: e.monthlyUsd, nodes: e.totalNodes }));
  return { engine: ranking[0]!.engine, text: recommendationText({ engines, traffic, load, ranking }, 'en'), ranking };
}

/**
 * Two sentences: which engine and topology fits best and why, and whether that still holds at the highest traffic
 * factor. Built from the report's own numbers, so the editor can show it in the user's language.
 */
export function recommendationText(
  r: { engines: EngineSizing[]; traffic: SizingReport['traffic']; load: DataLoad; ranking: NonNullable<SizingReport['recommendation']>['ranking'] },
  lang: Lang,
): string {
  const best = r.engines.find((e) => e.engine === r.ranking[0]!.engine)!;
  const runnerUp = r.ranking[1];
  const ranked = new Set(r.ranking.map((x) => x.engine));
  const top = r.traffic[r.traffic.length - 1];
  const bestAtTop = top ? [...top.engines].filter((p) => ranked.has(p.engine) && p.fits).sort((x, y) => x.monthlyUsd - y.monthlyUsd)[0] : undefined;
  const bestTop = top?.engines.find((p) => p.engine === best.engine);
  const first = reportText(lang, 'recommendation.first', {
    engine: engineName(best.engine),
    topology: topology(best, lang),
    monthly: usd(best.monthlyUsd),
    peakWrites: oneDecimal(r.load.writesPerSecondPeak),
    storedGiB: oneDecimal(r.load.storedBytes / 1024 ** 3),
    count: r.ranking.length,
    next: runnerUp ? { engine: engineName(runnerUp.engine), monthly: usd(runnerUp.monthlyUsd) } : null,
  });
  const second =
    top && bestTop && !bestTop.fits
      ? reportText(lang, 'recommendation.outgrows', {
          factor: top.factor,
          engine: engineName(best.engine),
          next: bestAtTop ? { engine: engineName(bestAtTop.engine), monthly: usd(bestAtTop.monthlyUsd) } : null,
        })
      : top && bestAtTop && bestTop
        ? bestAtTop.engine === best.engine
          ? reportText(lang, 'recommendation.holds', { factor: top.factor, topology: topology(bestTop, lang), monthly: usd(bestTop.monthlyUsd) })
          : reportText(lang, 'recommendation.overtaken', {
              factor: top.factor,
              engine: engineName(bestAtTop.engine),
              theirs: usd(bestAtTop.monthlyUsd),
              ours: usd(bestTop.monthlyUsd),
            })
        : reportText(lang, 'recommendation.notComputed');
  return `${first} ${second}`;
}

/** How the numbers are computed: the method behind every table, one paragraph per id, in the order shown. */
const METHOD = defineMessages({
  streams: {
    en: 'Every LLM API call site (any provider) is treated as a stream of requests at the profile\'s rate (or its workload override); calls that do not store their result are sized as if they did, because reuse is what the store is for (set "stored": false to leave one out).',
    ko: 'LLM API 호출 위치(제공자 무관)마다 프로필의 요청률(또는 워크로드의 재정의 값)로 들어오는 요청 흐름으로 봅니다. 결과를 저장하지 않는 호출도 저장하는 것처럼 산정합니다. 재사용이 저장소의 목적이기 때문입니다 (하나를 빼려면 "stored": false).',
  },
  writes: {
    en: 'Writes = requests × (1 − cache hit ratio) × records per call; the hit ratio applies only where the code looks the result up before calling. Reads = lookups + writes × reads per write.',
    ko: '쓰기 = 요청 × (1 − 캐시 적중률) × 호출당 레코드 수이며, 적중률은 호출 전에 결과를 조회하는 코드에만 적용됩니다. 읽기 = 조회 + 쓰기 × 쓰기당 읽기 수.',
  },
  record: {
    en: 'Record = (prompt + response tokens) × 4 B/token + metadata; embeddings: dimensions × 4 B + text + metadata. Kept records = writes/s × 86,400 × retention days (a TTL in the code shortens retention).',
    ko: '레코드 = (프롬프트 + 응답 토큰) × 4 B/토큰 + 메타데이터, 임베딩은 차원 × 4 B + 텍스트 + 메타데이터. 보관 레코드 = 쓰기/s × 86,400 × 보존 일수 (코드의 TTL이 보존 기간을 줄임).',
  },
  nodes: {
    en: "Node counts are sized for the peak rate, costs for the average; each engine compares every instance size of its ladder that meets every constraint and stays within the service's limits (ElastiCache 500 nodes per cluster, OpenSearch Service 200 instances per domain), and picks the fewest nodes among the layouts within 5% of the cheapest (scale up, then out); an engine no size fits is marked as not fitting the service and left out of the ranking; the DataStax 16-core production node is a floor, and OpenSearch's dedicated masters are priced per AWS's tier for the data-node count, so many small nodes pay for their larger masters. Costs include storage at each service's own rate, backups (DynamoDB point-in-time recovery, MongoDB EBS snapshots; OpenSearch's automated snapshots are free) and cross-AZ replication traffic for the engines on EC2 ($0.01/GB each way); they exclude internet egress and support plans. Instance prices are AWS us-east-1 on-demand list prices.",
    ko: '노드 수는 최대 요청률로, 비용은 평균으로 산정하며, 엔진마다 모든 제약을 만족하고 서비스 한도(ElastiCache 클러스터당 노드 500개, OpenSearch Service 도메인당 인스턴스 200대) 안에 드는 인스턴스 크기를 모두 비교해, 가장 저렴한 안의 5% 이내에서 노드가 가장 적은 것을 고릅니다 (먼저 키우고, 그다음 늘림). 어떤 크기로도 맞지 않는 엔진은 서비스에 맞지 않는다고 표시하고 순위에서 뺍니다. DataStax의 16코어 프로덕션 노드는 최소 크기이고, OpenSearch의 전용 마스터는 데이터 노드 수에 따른 AWS 권장 등급으로 값을 매기므로 작은 노드를 많이 쓰면 더 큰 마스터 값을 치릅니다. 비용에는 서비스별 스토리지 요금, 백업(DynamoDB 특정 시점 복구, MongoDB EBS 스냅샷, OpenSearch 자동 스냅샷은 무료), EC2 위 엔진의 AZ 간 복제 트래픽(방향마다 GB당 $0.01)이 들어 있고, 인터넷 송신과 지원 요금은 빠져 있습니다. 인스턴스 가격은 AWS us-east-1 온디맨드 정가입니다.',
  },
  months: {
    en: "Month m runs at traffic × (1 + growth)^(m−1); its stored data is what every earlier month wrote at its own traffic and still keeps (younger than the retention), so growth accumulates instead of multiplying today's rate by the days kept; the traffic table holds the retention window full.",
    ko: 'm번째 달은 트래픽 × (1 + 증가율)^(m−1)로 돌고, 저장 데이터는 앞선 각 달이 그 달의 트래픽으로 써서 아직 보존 기간 안에 있는 것의 합이므로 (오늘의 요청률 × 보관 일수가 아니라) 증가가 누적됩니다. 트래픽 표는 보존 기간이 다 찬 상태입니다.',
  },
  gpu: {
    en: "GPU: peak device bytes from the code (per function, in source order; every allocation counts, two buffers of one run-time size count twice; functions are not added together, as calls are not followed) plus the workload's data-set sizes for expressions known only at run time; the budget is the memory the driver reports − one CUDA context − a fragmentation margin; OpenCL also caps every buffer at CL_DEVICE_MAX_MEM_ALLOC_SIZE, a share of the reported memory per vendor; transfer times use each GPU's own PCIe generation.",
    ko: 'GPU: 코드의 최대 장치 바이트(함수 단위, 소스 순서, 할당마다 따로 세어 같은 실행 시 크기의 버퍼 둘은 두 번 셈, 호출을 따라가지 않으므로 함수끼리는 더하지 않음) 더하기 실행 시에만 알 수 있는 식에 대한 워크로드의 데이터 세트 크기, 예산은 드라이버가 보고하는 메모리 − CUDA 컨텍스트 − 단편화 여유이며, OpenCL은 모든 버퍼를 공급사별로 보고 메모리의 일정 비율인 CL_DEVICE_MAX_MEM_ALLOC_SIZE로도 제한하고, 전송 시간은 GPU마다 자기 PCIe 세대로 계산합니다.',
  },
});

const METHOD_ORDER = ['streams', 'writes', 'record', 'nodes', 'months', 'gpu'] as const satisfies ReadonlyArray<keyof typeof METHOD>;

/** The method paragraphs in a language. */
export function sizingNotes(lang: Lang): string[] {
  return METHOD_ORDER.map((id) => render(METHOD, lang, id));
}

/** 15,989.0 / 279.0: one decimal with thousands separators, as every other figure of the report. */
function oneDecimal(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
