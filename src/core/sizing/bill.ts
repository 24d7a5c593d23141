// The whole bill: one monthly total of what the scanned code costs to run — the database the report recommends, the
// Redis cache tier where the code caches in Redis, the LLM APIs (offline call sites through the provider's batch API, request
// handlers on demand), the target GPU's AWS instances — on demand and with 1-year commitments where a price is known: the
// engines' committedMonthlyUsd (nodes at a sourced 1-year reserved rate, what reservations do not cover on demand; null where
// some node has no sourced rate), the GPU instances' reserved column; the LLM APIs have no commitment price (batch stands).
// Backups and cross-AZ replication are in the engines' own cost lines where priced; what has no sourced price (replication
// inside OpenSearch Service and ElastiCache) is listed with its volume and left out of the total.
import type { EngineSizing } from './engines';
import type { GpuSpec } from './gpu-catalog';
import type { CallStream, DataLoad } from './llm-workload';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from './prices';
import { PROVIDER_NAMES } from '../facts/llm-providers';
import type { EngineId } from './workload';
import type { LlmProvider } from '../model/types';

export type BillKind = 'database' | 'cache' | 'openai' | 'gpu' | 'transfer';

export interface BillLine {
  kind: BillKind;
  /** The engine, model count or instance the line is for. */
  what: string;
  quantity: number;
  onDemandUsd: number | null;
  /** With a 1-year commitment; null where no such price is in the catalog (the on-demand figure stands in the total). */
  committedUsd: number | null;
  source: string;
}

export interface Bill {
  lines: BillLine[];
  totalOnDemandUsd: number;
  /** Committed where priced, on demand elsewhere. */
  totalCommittedUsd: number;
  /** Cross-AZ replication bytes a month (writes × record × (RF − 1)); not priced. */
  crossAzBytes: number;
}

export function buildBill(p: {
  engines: readonly EngineSizing[];
  recommended: EngineId | null;
  /** The call sites' streams, with their provider where the report has told it. */
  streams: ReadonlyArray<CallStream & { provider?: LlmProvider | null }>;
  load: DataLoad | null;
  openai: { onDemand: number; batch: number; offlineSites: number };
  gpu: { target: GpuSpec; files: number; instances: number | undefined };
}): Bill {
  const lines: BillLine[] = [];
  const db = p.engines.find((e) => e.engine === p.recommended);
  if (db)
    lines.push({
      kind: 'database',
      what: db.engine,
      quantity: db.totalNodes,
      onDemandUsd: db.monthlyUsd,
      committedUsd: db.committedMonthlyUsd,
      source: engineSource(db),
    });
  const cachesInRedis = p.streams.some((s) => s.stored && s.storeInCode !== null && /redis/i.test(s.storeInCode));
  const redis = p.engines.find((e) => e.engine === 'redis');
  if (redis && cachesInRedis && p.recommended !== 'redis')
    lines.push({
      kind: 'cache',
      what: 'redis',
      quantity: redis.totalNodes,
      onDemandUsd: redis.monthlyUsd,
      committedUsd: redis.committedMonthlyUsd,
      // A cache that fits no ElastiCache cluster stays in the total as an estimate, marked as the engine's section is.
      source: redis.errors.length
        ? `${engineSource(redis)}; ✗ does not fit one ElastiCache cluster: the closest layout, see the Redis section`
        : engineSource(redis),
    });
  if (p.streams.length)
    lines.push({
      kind: 'openai',
      what: `${p.streams.length}`,
      quantity: p.openai.offlineSites,
      onDemandUsd: p.openai.batch,
      committedUsd: p.openai.batch,
      source: `${llmPriceSource(p.streams)} list prices; batch API only for offline call sites`,
    });
  if (p.gpu.files > 0) {
    const inst = p.gpu.target.awsInstance;
    const n = p.gpu.instances ?? 1;
    lines.push(
      inst
        ? {
            kind: 'gpu',
            what: inst.id,
            quantity: n,
            onDemandUsd: n * inst.onDemandUsdPerHour * HOURS_PER_MONTH,
            committedUsd: inst.reserved1yUsdPerHour === null ? null : n * inst.reserved1yUsdPerHour * HOURS_PER_MONTH,
            source: inst.source,
          }
        : {
            kind: 'gpu',
            what: p.gpu.target.id,
            quantity: n,
            onDemandUsd: null,
            committedUsd: null,
            source: 'no AWS instance with this GPU in the catalog',
          },
    );
  }
  // Every write goes to RF − 1 other replicas, usually in other availability zones. The self-managed engines (EC2) bill it
  // in their own cost lines; DynamoDB's price includes its copies; the managed OpenSearch/ElastiCache lines list it unpriced.
  const unpricedReplication = p.recommended === 'elasticsearch' || p.recommended === 'redis';
  const crossAzBytes =
    p.load && unpricedReplication
      ? p.load.writesPerSecondAvg * p.load.recordBytes * Math.max(0, p.load.replicationFactor - 1) * SECONDS_PER_MONTH
      : 0;
  if (crossAzBytes > 0)
    lines.push({
      kind: 'transfer',
      what: 'cross-az',
      quantity: crossAzBytes,
      onDemandUsd: null,
      committedUsd: null,
      source: 'rate not in the catalog',
    });
  const totalOnDemandUsd = lines.reduce((s, l) => s + (l.onDemandUsd ?? 0), 0);
  const totalCommittedUsd = lines.reduce((s, l) => s + (l.committedUsd ?? l.onDemandUsd ?? 0), 0);
  return { lines, totalOnDemandUsd, totalCommittedUsd, crossAzBytes };
}

/** Where an engine line's figures come from: on-demand list prices, and the 1-year rule where the layout has a sourced rate. */
function engineSource(e: EngineSizing): string {
  return e.committedMonthlyUsd === null
    ? 'engine sizing (on-demand list prices)'
    : 'engine sizing (on-demand list prices; 1-year: every node at its reserved No Upfront rate, storage and transfer on demand)';
}

/** The priced providers of these call sites by public name (the bill's JSON source; the report formats say the same). */
function llmPriceSource(streams: ReadonlyArray<CallStream & { provider?: LlmProvider | null }>): string {
  const names = [...new Set(streams.flatMap((s) => (s.provider ? [PROVIDER_NAMES[s.provider]] : [])))].sort((a, b) => a.localeCompare(b, 'en'));
  return names.length ? names.join(', ') : 'provider';
}
