// From OpenAI call-site summaries plus the workload to traffic, records and bytes: one stream per call site, and
// the load they put on a database (DataLoad) at a given traffic factor and age. Every figure carries the formula
// that produced it, with its numbers, so the report can show the arithmetic.
import type { AdvisorConfig } from '../config';
import type { LlmCallSummary, LlmFileSummary, LlmProvider } from '../model/types';
import { llmWorkloadText as t } from './llm-workload-text';
import { costOfUsage, LLM_FACTS, priceOf, type ReportedUsage } from './llm-models';
import { SECONDS_PER_MONTH, type PriceCatalog } from './prices';
import type { UsageAssumptions } from './profiles';
import { overridesFor, type Workload } from './workload';
import { own } from '../model/lookup';

export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_MONTH = 30.4375; // 365.25 / 12
/** Prompt caching applies from 1,024 prompt tokens (SIZING-FACTS O6). */
export const PROMPT_CACHE_MIN_TOKENS = 1024;

export type ValueSource = 'code' | 'profile' | 'workload';
/** Where a stream's retention comes from: the workload's per-call override, a TTL in the code, or the assumptions. */
export type RetentionSource = 'call-override' | 'ttl' | 'profile' | 'workload';

export interface CallCost {
  model: string;
  inputPerMTok: number;
  outputPerMTok: number;
  perCallUsd: number;
  batchPerCallUsd: number;
  /** With the static prompt prefix billed at the cached-input price; null when the prefix is < 1,024 tokens or the model has no cached price. */
  cachedPerCallUsd: number | null;
  monthlyUsd: number;
  monthlyBatchUsd: number;
  source: string;
}

export interface CallStream {
  id: string;
  path: string;
  line: number;
  function: string | null;
  api: LlmCallSummary['api'];
  operation: string;
  model: string | null;
  avgRequestsPerSecond: number;
  peakRequestsPerSecond: number;
  rateFrom: ValueSource;
  cacheLookupInCode: boolean;
  cacheHitRatio: number;
  /** API calls that actually go out: requests × (1 − hit ratio). */
  apiCallsPerSecondAvg: number;
  apiCallsPerSecondPeak: number;
  inputTokens: number;
  inputFrom: ValueSource;
  outputTokens: number;
  outputFrom: ValueSource;
  /** Records written per API call (inputs of an embeddings batch; 1 otherwise). */
  recordsPerCall: number;
  recordBytes: number;
  recordFormula: string;
  stored: boolean;
  storedWhy: string;
  storeInCode: string | null;
  retentionDays: number;
  retentionWhy: string;
  retentionFrom: RetentionSource;
  readWriteRatio: number;
  /** The call runs offline (in a loop or a job, not in a request handler): the Batch API's 24-hour window fits it. */
  offline: boolean;
  cost: CallCost | null;
  unknowns: string[];
}

/** A file or function named like offline work (jobs, batches, cron, workers, ETL, backfills). */
const OFFLINE_NAME = /(^|[^a-z])(jobs?|batch(es)?|cron|workers?|etl|backfill|offline|nightly|scripts?)([^a-z]|$)/i;

/** Offline: never a request handler; a loop, or a job by its file or function name. */
export function isOffline(path: string, call: Pick<LlmCallSummary, 'inLoop' | 'inHandler' | 'function'>): boolean {
  if (call.inHandler) return false;
  return (
    call.inLoop ||
    OFFLINE_NAME.test(path.replace(/[_./-]/g, ' ')) ||
    (call.function !== null && OFFLINE_NAME.test(call.function.replace(/[_-]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')))
  );
}

export interface DataLoad {
  /** Record writes per second (one copy), average and peak. */
  writesPerSecondAvg: number;
  writesPerSecondPeak: number;
  readsPerSecondAvg: number;
  readsPerSecondPeak: number;
  /** Write-weighted average record size, and the largest record. */
  recordBytes: number;
  maxRecordBytes: number;
  /** Records kept and their bytes, one copy, before engine overhead. */
  storedRecords: number;
  storedBytes: number;
  /** The part of them written by call sites whose results expire (a TTL in the code): what a cache holds whole. */
  ttlRecords: number;
  ttlBytes: number;
  concurrentSessions: number;
  replicationFactor: number;
  workingSetFraction: number;
  queryLatencyMs: number;
  trafficFactor: number;
  /** Days of data accumulated; null: the retention window is full (steady state). */
  elapsedDays: number | null;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function resolvePrice(
  model: string | null,
  prices: PriceCatalog,
  provider: LlmProvider | null | undefined,
): { inputPerMTok: number; outputPerMTok: number; cachedInputPerMTok: number | null; source: string; model: string; fromData: boolean } | null {
  if (!model || provider === null) return null;
  const override = own(prices.openai, model);
  if (override)
    return {
      inputPerMTok: override.inputPerMTok,
      outputPerMTok: override.outputPerMTok,
      cachedInputPerMTok: override.cachedInputPerMTok ?? null,
      source: 'workload prices.openai',
      model,
      fromData: false,
    };
  const p = priceOf(model, provider ?? 'openai');
  return p
    ? {
        inputPerMTok: p.inputPerMTok,
        outputPerMTok: p.outputPerMTok,
        cachedInputPerMTok: p.cachedInputPerMTok,
        source: p.source,
        model: p.model,
        fromData: true,
      }
    : null;
}

/**
 * A call whose fixed prompt prefix is read from the provider's prompt cache, priced by the provider's own usage
 * semantics (llm-models.ts ReportedUsage: OpenAI counts cached tokens inside the prompt, Anthropic and Bedrock beside it).
 */
function cacheHitUsage(provider: LlmProvider, inputTokens: number, cached: number, outputTokens: number): ReportedUsage {
  switch (provider) {
    case 'anthropic':
      return { provider, input_tokens: inputTokens - cached, cache_read_input_tokens: cached, output_tokens: outputTokens };
    case 'bedrock':
      return { provider, inputTokens: inputTokens - cached, cacheReadInputTokens: cached, outputTokens };
    case 'google':
      return { provider, promptTokenCount: inputTokens, cachedContentTokenCount: cached, candidatesTokenCount: outputTokens };
    default:
      return { provider, prompt_tokens: inputTokens, cached_tokens: cached, completion_tokens: outputTokens };
  }
}

/** One stream per OpenAI call site that returns data (chat, responses, completions, embeddings). */
export function buildCallStreams(files: readonly LlmFileSummary[], workload: Workload, lang: AdvisorConfig['lang'] = 'en'): CallStream[] {
  const a = workload.assumptions;
  const streams: CallStream[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      if (!['chat', 'responses', 'completions', 'embeddings'].includes(call.api)) continue;
      streams.push(buildStream(file.path, call, a, workload, lang));
    }
  }
  return streams;
}

function buildStream(path: string, call: LlmCallSummary, a: UsageAssumptions, workload: Workload, lang: AdvisorConfig['lang']): CallStream {
  const o = overridesFor(workload, path, call.line, call.function);
  const unknowns: string[] = [];
  const from = (key: keyof typeof o): 'profile' | 'workload' =>
    o[key] !== undefined ? 'workload' : workload.overridden.includes(key as keyof UsageAssumptions) ? 'workload' : 'profile';
  const avg = o.avgRequestsPerSecond ?? a.avgRequestsPerSecond;
  const peak = Math.max(avg, o.peakRequestsPerSecond ?? a.peakRequestsPerSecond);

  // A hit ratio only makes sense where the code looks the result up before calling; a per-call override wins.
  const hit = o.cacheHitRatio ?? (call.cacheBeforeCall ? a.cacheHitRatio : 0);

  let inputTokens = call.estInputTokens;
  let inputFrom: ValueSource = 'code';
  if (call.estInputIsLowerBound || o.inputTokens !== undefined) {
    inputTokens = o.inputTokens ?? Math.max(call.estInputTokens, a.inputTokens);
    inputFrom = o.inputTokens !== undefined ? 'workload' : from('inputTokens');
  }
  let outputTokens = 0;
  let outputFrom: ValueSource = 'code';
  if (call.api !== 'embeddings') {
    if (o.outputTokens !== undefined) {
      outputTokens = o.outputTokens;
      outputFrom = 'workload';
    } else if (call.outputBound === 'max-tokens' && call.estOutputTokens !== null) {
      outputTokens = call.estOutputTokens; // an upper bound: the model may stop earlier
    } else {
      outputTokens = a.outputTokens;
      outputFrom = from('outputTokens');
    }
  }

  const meta = a.recordMetadataBytes;
  const bpt = LLM_FACTS.bytesPerOutputToken;
  let recordsPerCall = 1;
  let recordBytes: number;
  let recordFormula: string;
  if (call.api === 'embeddings') {
    const dims = call.dimensions;
    recordsPerCall = Math.max(1, call.batchInputs ?? 1);
    const textTokens = Math.ceil(inputTokens / recordsPerCall);
    if (dims === null) {
      unknowns.push(t(lang, 'dimsUnknown'));
      recordBytes = textTokens * bpt + meta;
      recordFormula = t(lang, 'recordEmbeddingNoDims', { text: textTokens, bpt, meta });
    } else {
      recordBytes = dims * 4 + textTokens * bpt + meta;
      recordFormula = t(lang, 'recordEmbedding', { dims, text: textTokens, bpt, meta });
    }
  } else {
    recordBytes = (inputTokens + outputTokens) * bpt + meta;
    recordFormula = t(lang, 'recordChat', { prompt: inputTokens, response: outputTokens, bpt, meta });
  }

  const storeInCode = call.store
    ? t(lang, 'storeAt', {
        store: `${call.store.kind}${call.store.engine && call.store.engine !== call.store.kind ? ` (${call.store.engine})` : ''}`,
        line: call.store.line,
      })
    : null;
  const stored = o.stored ?? true;
  const storedWhy =
    o.stored === false ? t(lang, 'storedOff') : call.persisted && storeInCode ? t(lang, 'storedIn', { where: storeInCode }) : t(lang, 'notStored');

  let retentionDays = o.retentionDays ?? a.retentionDays;
  let retentionFrom: RetentionSource = o.retentionDays !== undefined ? 'call-override' : from('retentionDays');
  let retentionWhy = retentionFrom === 'call-override' ? t(lang, 'retentionOverride') : t(lang, `retentionFrom.${retentionFrom}`);
  const ttlSeconds = call.ttl?.seconds ?? null;
  if (ttlSeconds !== null && ttlSeconds > 0 && ttlSeconds / SECONDS_PER_DAY < retentionDays) {
    retentionDays = ttlSeconds / SECONDS_PER_DAY;
    retentionFrom = 'ttl';
    retentionWhy = t(lang, 'retentionTtl', { how: call.ttl!.how, seconds: ttlSeconds.toLocaleString('en-US') });
  }

  const apiAvg = avg * (1 - hit);
  const apiPeak = peak * (1 - hit);
  const price = resolvePrice(call.model, workload.prices, call.provider);
  let cost: CallCost | null = null;
  if (!call.model) unknowns.push(t(lang, 'modelUnknown'));
  else if (!price) unknowns.push(t(lang, 'noPrice', { model: call.model }));
  else {
    const perCall = (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6;
    const batch = perCall * (1 - LLM_FACTS.batchDiscount);
    const cachedPrefix = call.estInputTokens;
    const cachedPerCall =
      price.cachedInputPerMTok !== null && cachedPrefix >= PROMPT_CACHE_MIN_TOKENS
        ? ((price.fromData && call.model
            ? costOfUsage(call.model, cacheHitUsage(call.provider ?? 'openai', inputTokens, cachedPrefix, outputTokens))
            : null) ??
          (cachedPrefix * price.cachedInputPerMTok + (inputTokens - cachedPrefix) * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6)
        : null;
    cost = {
      model: price.model,
      inputPerMTok: price.inputPerMTok,
      outputPerMTok: price.outputPerMTok,
      perCallUsd: perCall,
      batchPerCallUsd: batch,
      cachedPerCallUsd: cachedPerCall,
      monthlyUsd: apiAvg * SECONDS_PER_MONTH * perCall,
      monthlyBatchUsd: apiAvg * SECONDS_PER_MONTH * batch,
      source: price.source,
    };
  }
  return {
    id: `${path}:${call.line}`,
    path,
    line: call.line,
    function: call.function,
    api: call.api,
    operation: call.operation,
    model: call.model,
    avgRequestsPerSecond: avg,
    peakRequestsPerSecond: peak,
    rateFrom: o.avgRequestsPerSecond !== undefined ? 'workload' : from('avgRequestsPerSecond'),
    cacheLookupInCode: call.cacheBeforeCall,
    cacheHitRatio: hit,
    apiCallsPerSecondAvg: apiAvg,
    apiCallsPerSecondPeak: apiPeak,
    inputTokens,
    inputFrom,
    outputTokens,
    outputFrom,
    recordsPerCall,
    recordBytes,
    recordFormula,
    stored,
    storedWhy,
    storeInCode,
    retentionDays: round(retentionDays, 4),
    retentionWhy,
    retentionFrom,
    readWriteRatio: o.readWriteRatio ?? a.readWriteRatio,
    offline: isOffline(path, call),
    cost,
    unknowns,
  };
}

/**
 * Days of traffic at the base rate that a store holds after `months` months of compounded growth, for a retention:
 * month j (1-based) writes at (1 + growth)^(j−1) and what it wrote is kept while it is younger than the retention.
 * So month m holds Σ_j (1 + g)^(j−1) × (days of month j inside the last `retention` days), not m months at month m's rate.
 */
export function accumulatedTrafficDays(retentionDays: number, months: number, monthlyGrowth: number): number {
  const end = months * DAYS_PER_MONTH;
  const start = end - retentionDays;
  let days = 0;
  for (let j = 1; j <= months; j++) {
    const overlap = Math.min(j * DAYS_PER_MONTH, end) - Math.max((j - 1) * DAYS_PER_MONTH, start);
    if (overlap > 0) days += (1 + monthlyGrowth) ** (j - 1) * overlap;
  }
  return days;
}

/**
 * The database load of the stored streams at a traffic factor and an age: writes = API calls × records per call,
 * reads = cache lookups (every request, where the code looks up first) + writes × reads per write, stored = writes ×
 * min(retention, age) days. `elapsedDays = Infinity` is the steady state (the retention window full). With `growth`,
 * the load is month `growth.months` of a service growing `growth.monthlyGrowth` a month since month 1: rates at that
 * month's traffic, stored data accumulated month by month (accumulatedTrafficDays); trafficFactor is then ignored.
 */
export function dataLoad(
  streams: readonly CallStream[],
  a: UsageAssumptions,
  trafficFactor = 1,
  elapsedDays = Number.POSITIVE_INFINITY,
  growth?: { months: number; monthlyGrowth: number },
): DataLoad {
  let wAvg = 0,
    wPeak = 0,
    rAvg = 0,
    rPeak = 0,
    bytes = 0,
    records = 0,
    weighted = 0,
    maxRecord = 0,
    ttlRecords = 0,
    ttlBytes = 0;
  const factor = growth ? (1 + growth.monthlyGrowth) ** (growth.months - 1) : trafficFactor;
  const age = growth ? growth.months * DAYS_PER_MONTH : elapsedDays;
  for (const s of streams) {
    if (!s.stored) continue;
    const writeAvg = s.apiCallsPerSecondAvg * s.recordsPerCall * factor;
    const writePeak = s.apiCallsPerSecondPeak * s.recordsPerCall * factor;
    const lookupsAvg = s.cacheLookupInCode ? s.avgRequestsPerSecond * factor : 0;
    const lookupsPeak = s.cacheLookupInCode ? s.peakRequestsPerSecond * factor : 0;
    wAvg += writeAvg;
    wPeak += writePeak;
    rAvg += lookupsAvg + writeAvg * s.readWriteRatio;
    rPeak += lookupsPeak + writePeak * s.readWriteRatio;
    const kept = growth
      ? s.apiCallsPerSecondAvg * s.recordsPerCall * SECONDS_PER_DAY * accumulatedTrafficDays(s.retentionDays, growth.months, growth.monthlyGrowth)
      : writeAvg * SECONDS_PER_DAY * Math.min(s.retentionDays, elapsedDays);
    records += kept;
    bytes += kept * s.recordBytes;
    if (s.retentionFrom === 'ttl') {
      ttlRecords += kept;
      ttlBytes += kept * s.recordBytes;
    }
    weighted += writeAvg * s.recordBytes;
    maxRecord = Math.max(maxRecord, s.recordBytes);
  }
  return {
    writesPerSecondAvg: wAvg,
    writesPerSecondPeak: wPeak,
    readsPerSecondAvg: rAvg,
    readsPerSecondPeak: rPeak,
    recordBytes: wAvg > 0 ? weighted / wAvg : maxRecord,
    maxRecordBytes: maxRecord,
    storedRecords: records,
    storedBytes: bytes,
    ttlRecords,
    ttlBytes,
    concurrentSessions: a.concurrentSessions * factor,
    replicationFactor: a.replicationFactor,
    workingSetFraction: a.workingSetFraction,
    queryLatencyMs: a.queryLatencyMs,
    trafficFactor: factor,
    elapsedDays: Number.isFinite(age) ? age : null,
  };
}

/**
 * OpenAI spend per month of the streams at a traffic factor (API calls after cache hits): every call on demand, and as
 * it can be deployed — offline call sites through the Batch API, request handlers on demand (a user waits for them).
 */
export function openAiMonthlyUsd(
  streams: readonly CallStream[],
  trafficFactor = 1,
): { onDemand: number; batch: number; offlineSites: number; unpriced: string[] } {
  let onDemand = 0,
    batch = 0,
    offlineSites = 0;
  const unpriced: string[] = [];
  for (const s of streams) {
    if (!s.cost) unpriced.push(s.id);
    else {
      onDemand += s.cost.monthlyUsd * trafficFactor;
      batch += (s.offline ? s.cost.monthlyBatchUsd : s.cost.monthlyUsd) * trafficFactor;
      if (s.offline) offlineSites++;
    }
  }
  return { onDemand, batch, offlineSites, unpriced };
}
