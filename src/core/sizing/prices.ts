// The price catalog: instance types (with the specs the sizing needs), block storage, DynamoDB request units and
// storage. USD list prices, AWS us-east-1, on-demand, Linux, as compiled in shared/SIZING-FACTS.md on 2026-11-24
// (source ids P1, P2, D5-D7, R4 there). Every figure can be overridden in the workload file (`prices`).
// OpenAI token prices live in llm-models.ts (from @pydantic/genai-prices) and are overridable the same way.
import { lookupTable } from '../model/lookup';

export const HOURS_PER_MONTH = 730; // AWS bills a month as 730 hours (the D-formulas in SIZING-FACTS use it).
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600; // 2,628,000

export type InstanceService = 'ec2' | 'opensearch' | 'elasticache';

export interface InstanceType {
  id: string;
  service: InstanceService;
  vcpu: number;
  memoryGiB: number;
  /** Local NVMe instance storage in GB (i4i, i3en); absent for EBS-only types. */
  localNvmeGB?: number;
  usdPerHour: number;
  source: string;
  sourceDate: string;
}

const P1 = 'AWS on-demand price tables citing aws.amazon.com/ec2/pricing, 2025-Q1 2026 (SIZING-FACTS P1)';
const D = '2026-11-24';

export const INSTANCE_TYPES: Readonly<Record<string, InstanceType>> = lookupTable({
  'm6i.xlarge': { id: 'm6i.xlarge', service: 'ec2', vcpu: 4, memoryGiB: 16, usdPerHour: 0.192, source: P1, sourceDate: D },
  'm6i.2xlarge': { id: 'm6i.2xlarge', service: 'ec2', vcpu: 8, memoryGiB: 32, usdPerHour: 0.384, source: P1, sourceDate: D },
  'r6i.xlarge': { id: 'r6i.xlarge', service: 'ec2', vcpu: 4, memoryGiB: 32, usdPerHour: 0.252, source: P1, sourceDate: D },
  'r6i.2xlarge': { id: 'r6i.2xlarge', service: 'ec2', vcpu: 8, memoryGiB: 64, usdPerHour: 0.504, source: P1, sourceDate: D },
  'i4i.xlarge': { id: 'i4i.xlarge', service: 'ec2', vcpu: 4, memoryGiB: 32, localNvmeGB: 937, usdPerHour: 0.343, source: `${P1}; other copies say 0.333/0.319 (unconfirmed)`, sourceDate: D },
  // 8 vCPU / 64 GiB / 1,875 GB NVMe: twice the xlarge, as the i4i family doubles per size.
  'i4i.2xlarge': { id: 'i4i.2xlarge', service: 'ec2', vcpu: 8, memoryGiB: 64, localNvmeGB: 1875, usdPerHour: 0.686, source: P1, sourceDate: D },
  'i3en.xlarge': { id: 'i3en.xlarge', service: 'ec2', vcpu: 4, memoryGiB: 32, localNvmeGB: 2500, usdPerHour: 0.452, source: P1, sourceDate: D },
  'i3en.2xlarge': { id: 'i3en.2xlarge', service: 'ec2', vcpu: 8, memoryGiB: 64, localNvmeGB: 5000, usdPerHour: 0.904, source: P1, sourceDate: D },
  'r6g.large.search': { id: 'r6g.large.search', service: 'opensearch', vcpu: 2, memoryGiB: 16, usdPerHour: 0.167, source: P1, sourceDate: D },
  'm6g.large.search': { id: 'm6g.large.search', service: 'opensearch', vcpu: 2, memoryGiB: 8, usdPerHour: 0.128, source: P1, sourceDate: D },
  // ElastiCache node memory: cache.r6g.large ≈ 13.07 GiB, r6g.xlarge ≈ 26.32 GiB, m6g.large 6.38 GiB (AWS node-type table, via copies).
  'cache.r6g.large': { id: 'cache.r6g.large', service: 'elasticache', vcpu: 2, memoryGiB: 13.07, usdPerHour: 0.206, source: `${P1}; memory from the ElastiCache node-type table`, sourceDate: D },
  'cache.r6g.xlarge': { id: 'cache.r6g.xlarge', service: 'elasticache', vcpu: 4, memoryGiB: 26.32, usdPerHour: 0.411, source: `${P1}; memory from the ElastiCache node-type table`, sourceDate: D },
  'cache.m6g.large': { id: 'cache.m6g.large', service: 'elasticache', vcpu: 2, memoryGiB: 6.38, usdPerHour: 0.149, source: `${P1}; memory from the ElastiCache node-type table`, sourceDate: D },
});

export interface PriceCatalog {
  /** $/hour per instance type id. */
  instanceUsdPerHour: Record<string, number>;
  /** EBS gp3, $/GB-month, 3,000 IOPS and 125 MiB/s included (SIZING-FACTS P2). */
  blockStorageUsdPerGbMonth: number;
  dynamodb: {
    /** On-demand, $ per million write / read request units (-50% since 2024-11-01; SIZING-FACTS D5). */
    writeRequestUsdPerMillion: number;
    readRequestUsdPerMillion: number;
    /** Provisioned, $ per WCU-hour / RCU-hour (SIZING-FACTS D6). */
    wcuUsdPerHour: number;
    rcuUsdPerHour: number;
    /** Standard table class, $/GB-month after the free 25 GB (SIZING-FACTS D7). */
    storageUsdPerGbMonth: number;
    freeStorageGb: number;
  };
  /** OpenAI per-million-token overrides by model id (otherwise @pydantic/genai-prices' bundled list prices). */
  openai: Record<string, { inputPerMTok: number; outputPerMTok: number; cachedInputPerMTok?: number }>;
  source: string;
  sourceDate: string;
}

export const DEFAULT_PRICES: Readonly<PriceCatalog> = Object.freeze({
  instanceUsdPerHour: Object.fromEntries(Object.values(INSTANCE_TYPES).map((t) => [t.id, t.usdPerHour])),
  blockStorageUsdPerGbMonth: 0.08,
  dynamodb: { writeRequestUsdPerMillion: 0.625, readRequestUsdPerMillion: 0.125, wcuUsdPerHour: 0.00065, rcuUsdPerHour: 0.00013, storageUsdPerGbMonth: 0.25, freeStorageGb: 25 },
  openai: {},
  source: 'shared/SIZING-FACTS.md P1, P2, D5, D6, D7 (USD, us-east-1, on-demand)',
  sourceDate: '2026-11-24',
});

/** The catalog with the workload's overrides applied (validated by the workload schema before this). */
export function withPriceOverrides(overrides: Partial<{
  instanceUsdPerHour: Record<string, number>; blockStorageUsdPerGbMonth: number; dynamodb: Partial<PriceCatalog['dynamodb']>; openai: PriceCatalog['openai'];
}> | undefined): PriceCatalog {
  const base = DEFAULT_PRICES;
  if (!overrides) return { ...base, instanceUsdPerHour: { ...base.instanceUsdPerHour }, dynamodb: { ...base.dynamodb }, openai: {} };
  return {
    instanceUsdPerHour: { ...base.instanceUsdPerHour, ...overrides.instanceUsdPerHour },
    blockStorageUsdPerGbMonth: overrides.blockStorageUsdPerGbMonth ?? base.blockStorageUsdPerGbMonth,
    dynamodb: { ...base.dynamodb, ...overrides.dynamodb },
    openai: { ...overrides.openai },
    source: `${base.source}; overridden in the workload file`,
    sourceDate: base.sourceDate,
  };
}

export function instanceMonthlyUsd(prices: PriceCatalog, id: string): number {
  const perHour = prices.instanceUsdPerHour[id];
  if (perHour === undefined) throw new Error(`no price for instance type '${id}'`);
  return perHour * HOURS_PER_MONTH;
}
