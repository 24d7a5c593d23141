// Usage profiles: the assumptions that fill what code cannot say (traffic, retention, reuse). These are
// illustrative starting points chosen by us, not measurements (medium: 1 request/s per call site ≈ 2.6 M calls a
// month, a service in steady use; low and high a tenth and ten times that): every report prints them in its assumptions table,
// and the workload file (ai-infra-advisor.workload.json) overrides any of them, globally or per call site.

export type ProfileName = 'low' | 'medium' | 'high';
export const PROFILE_NAMES: readonly ProfileName[] = ['low', 'medium', 'high'];

export interface UsageAssumptions {
  /** Requests per second reaching each OpenAI call site, averaged over the month. */
  avgRequestsPerSecond: number;
  /** Requests per second at the busiest minute; node counts and provisioned capacity are sized for it. */
  peakRequestsPerSecond: number;
  /** Prompt tokens per call when the prompt is built at run time (code gives a lower bound). */
  inputTokens: number;
  /** Completion tokens per call when the code sets no constant max tokens. */
  outputTokens: number;
  /** Days a stored result is kept (a TTL in the code shortens it). */
  retentionDays: number;
  /** Reads of stored results per write. */
  readWriteRatio: number;
  /** Share of requests answered from the store instead of calling the API (only where the code looks up first). */
  cacheHitRatio: number;
  /** Client sessions open at the peak: sizes routers/coordinators and connection pools. */
  concurrentSessions: number;
  /** Copies of every record in the database. */
  replicationFactor: number;
  /** Traffic growth per month (0.1 = +10%/month, compounded). */
  monthlyGrowth: number;
  /** Bytes per stored record besides prompt and response: ids, user, model, timestamps, usage. */
  recordMetadataBytes: number;
  /** Share of the stored data read often enough to stay in memory (the working set). */
  workingSetFraction: number;
  /** Average latency of one read query on the search engine, in milliseconds. */
  queryLatencyMs: number;
  /** Months the growth tables and charts cover. */
  horizonMonths: number;
}

export const PROFILES: Readonly<Record<ProfileName, Readonly<UsageAssumptions>>> = Object.freeze({
  low: {
    avgRequestsPerSecond: 0.1,
    peakRequestsPerSecond: 1,
    inputTokens: 500,
    outputTokens: 300,
    retentionDays: 30,
    readWriteRatio: 1,
    cacheHitRatio: 0.1,
    concurrentSessions: 50,
    replicationFactor: 3,
    monthlyGrowth: 0.05,
    recordMetadataBytes: 256,
    workingSetFraction: 0.2,
    queryLatencyMs: 20,
    horizonMonths: 12,
  },
  medium: {
    avgRequestsPerSecond: 1,
    peakRequestsPerSecond: 5,
    inputTokens: 1000,
    outputTokens: 500,
    retentionDays: 90,
    readWriteRatio: 3,
    cacheHitRatio: 0.3,
    concurrentSessions: 500,
    replicationFactor: 3,
    monthlyGrowth: 0.1,
    recordMetadataBytes: 256,
    workingSetFraction: 0.2,
    queryLatencyMs: 20,
    horizonMonths: 12,
  },
  high: {
    avgRequestsPerSecond: 10,
    peakRequestsPerSecond: 50,
    inputTokens: 2000,
    outputTokens: 800,
    retentionDays: 365,
    readWriteRatio: 10,
    cacheHitRatio: 0.5,
    concurrentSessions: 5000,
    replicationFactor: 3,
    monthlyGrowth: 0.2,
    recordMetadataBytes: 256,
    workingSetFraction: 0.2,
    queryLatencyMs: 20,
    horizonMonths: 12,
  },
});

/** Labels and units for the assumptions table, in the order it prints. */
export const ASSUMPTION_LABELS: Readonly<Record<keyof UsageAssumptions, { label: string; unit: string }>> = Object.freeze({
  avgRequestsPerSecond: { label: 'Average requests per call site', unit: 'req/s' },
  peakRequestsPerSecond: { label: 'Peak requests per call site', unit: 'req/s' },
  inputTokens: { label: 'Prompt tokens (when built at run time)', unit: 'tokens' },
  outputTokens: { label: 'Completion tokens (when not bounded in code)', unit: 'tokens' },
  retentionDays: { label: 'Retention', unit: 'days' },
  readWriteRatio: { label: 'Reads per write', unit: 'ratio' },
  cacheHitRatio: { label: 'Cache hit ratio (call sites that look up first)', unit: 'fraction' },
  concurrentSessions: { label: 'Concurrent client sessions', unit: 'sessions' },
  replicationFactor: { label: 'Replication factor', unit: 'copies' },
  monthlyGrowth: { label: 'Monthly traffic growth', unit: 'fraction' },
  recordMetadataBytes: { label: 'Metadata per record', unit: 'bytes' },
  workingSetFraction: { label: 'Working set (hot share of stored data)', unit: 'fraction' },
  queryLatencyMs: { label: 'Search query latency', unit: 'ms' },
  horizonMonths: { label: 'Months shown', unit: 'months' },
});

export const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_LABELS) as Array<keyof UsageAssumptions>;
