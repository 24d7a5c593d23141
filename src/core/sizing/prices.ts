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
  /** 1-year reserved, No Upfront, $/hour, where a sourced figure was found (absent: none found; the committed bill keeps on-demand). */
  reserved1y?: SourcedRate;
}

/** A sourced rate: the figure, the public name of its source with the address, and the date of the snapshot. */
export interface SourcedRate {
  usdPerHour: number;
  source: string;
  url: string;
  sourceDate: string;
}

const P1 = 'AWS on-demand list prices (aws.amazon.com/ec2/pricing), as quoted by public price tables, 2025-Q1 2026';
const D = '2026-11-24';
/** Price tables in public repositories that quote AWS's on-demand list (◐: consistent copies, not AWS's page itself). */
const EC2_COPIES = 'AWS EC2 on-demand list prices, us-east-1, as quoted by public price tables (r6i/r7i/i4i/m6i families; read 2026-12-03)';
const OS_COPIES =
  'AWS OpenSearch Service on-demand list prices, us-east-1, as quoted by a public table citing aws.amazon.com/opensearch-service/pricing (read 2026-12-03)';
const EC_COPIES =
  'AWS ElastiCache on-demand list prices, us-east-1, from a public table of the AWS Price List API; node memory from the ElastiCache node-type table (read 2026-12-03)';
const D2 = '2026-12-03';
const OS_API =
  'AWS OpenSearch Service on-demand list prices, us-east-1, from a public table of the AWS Price List API (read 2026-12-03; the same table agrees on r6g.large/2xlarge/4xlarge/12xlarge)';

type Row = [id: string, vcpu: number, memoryGiB: number, usdPerHour: number, localNvmeGB?: number];

/**
 * 1-year reserved, No Upfront ($/hour, us-east-1): the ElastiCache table of ec2instances.info (Vantage), as committed in its
 * repository on 2022-02-13 (www/cache/instances.json, key yrTerm1Standard.noUpfront; the Redis and Memcached rows agree).
 * The same snapshot's on-demand rates equal today's list (the catalog's rows) for every size here. No sourced 1-year rate
 * was found for EC2 r6i/r7i/i4i/m6i, OpenSearch Service or ElastiCache cache.r7g (the EC2 snapshots of that repository are not stored; it has no OpenSearch table): those
 * stay without one, and a layout that uses them has no committed figure.
 */
const EC_RESERVED: Omit<SourcedRate, 'usdPerHour'> = {
  source: 'ec2instances.info (Vantage) ElastiCache price table, us-east-1, 1-year reserved nodes, No Upfront',
  url: 'https://github.com/vantage-sh/ec2instances.info/blob/3e75a5dddbf4674d74ebeb06f46e4543c3a08b92/www/cache/instances.json',
  sourceDate: '2022-02-13',
};
const EC_RESERVED_1Y: Readonly<Record<string, number>> = {
  'cache.m6g.large': 0.102,
  'cache.r6g.large': 0.141,
  'cache.r6g.xlarge': 0.281,
  'cache.r6g.2xlarge': 0.561,
  'cache.r6g.4xlarge': 1.121,
  'cache.r6g.8xlarge': 2.241,
  'cache.r6g.12xlarge': 3.362,
  'cache.r6g.16xlarge': 4.482,
};
const withReserved = (t: InstanceType): InstanceType => {
  const r = t.service === 'elasticache' ? EC_RESERVED_1Y[t.id] : undefined;
  return r === undefined ? t : { ...t, reserved1y: { usdPerHour: r, ...EC_RESERVED } };
};
const rows = (service: InstanceService, source: string, date: string, list: Row[]): InstanceType[] =>
  list.map(([id, vcpu, memoryGiB, usdPerHour, localNvmeGB]) => ({
    id,
    service,
    vcpu,
    memoryGiB,
    usdPerHour,
    ...(localNvmeGB ? { localNvmeGB } : {}),
    source,
    sourceDate: date,
  }));

export const INSTANCE_TYPES: Readonly<Record<string, InstanceType>> = lookupTable(
  Object.fromEntries(
    [
      ...rows('ec2', P1, D, [
        ['m6i.xlarge', 4, 16, 0.192],
        ['m6i.2xlarge', 8, 32, 0.384],
        ['r6i.xlarge', 4, 32, 0.252],
        ['r6i.2xlarge', 8, 64, 0.504],
        ['i4i.2xlarge', 8, 64, 0.686, 1875],
        ['i3en.xlarge', 4, 32, 0.452, 2500],
        ['i3en.2xlarge', 8, 64, 0.904, 5000],
      ]),
      // i4i.xlarge: other copies say 0.333/0.319 (unconfirmed); 937 GB NVMe.
      ...rows('ec2', `${P1}; other copies say 0.333/0.319 (unconfirmed)`, D, [['i4i.xlarge', 4, 32, 0.343, 937]]),
      // r6i/r7i: 8 GiB per vCPU; i4i: 8 GiB per vCPU and 468.75 GB NVMe per vCPU (AWS instance-type specifications).
      ...rows('ec2', EC2_COPIES, D2, [
        ['m6i.4xlarge', 16, 64, 0.768],
        ['r6i.large', 2, 16, 0.126],
        ['r6i.4xlarge', 16, 128, 1.008],
        ['r6i.8xlarge', 32, 256, 2.016],
        ['r6i.12xlarge', 48, 384, 3.024],
        ['r6i.16xlarge', 64, 512, 4.032],
        ['r7i.xlarge', 4, 32, 0.2646],
        ['r7i.2xlarge', 8, 64, 0.5292],
        ['r7i.4xlarge', 16, 128, 1.0584],
        ['r7i.8xlarge', 32, 256, 2.1168],
        ['r7i.12xlarge', 48, 384, 3.1752],
        ['r7i.16xlarge', 64, 512, 4.2336],
        ['i4i.large', 2, 16, 0.172, 468],
        ['i4i.4xlarge', 16, 128, 1.373, 3750],
        ['i4i.8xlarge', 32, 256, 2.746, 7500],
      ]),
      ...rows('opensearch', P1, D, [
        ['r6g.large.search', 2, 16, 0.167],
        ['m6g.large.search', 2, 8, 0.128],
      ]),
      ...rows('opensearch', OS_COPIES, D2, [
        ['r6g.2xlarge.search', 8, 64, 0.669],
        ['r6g.4xlarge.search', 16, 128, 1.339],
        ['r6g.12xlarge.search', 48, 384, 4.016],
      ]),
      // The rest of the r6g ladder and the c6g master sizes AWS recommends (vCPU/RAM from the OpenSearch Service pricing page's instance table).
      ...rows('opensearch', OS_API, D2, [
        ['r6g.xlarge.search', 4, 32, 0.335],
        ['r6g.8xlarge.search', 32, 256, 2.677],
        ['c6g.2xlarge.search', 8, 16, 0.452],
        ['c6g.4xlarge.search', 16, 32, 0.903],
      ]),
      ...rows('elasticache', `${P1}; memory from the ElastiCache node-type table`, D, [
        ['cache.r6g.large', 2, 13.07, 0.206],
        ['cache.r6g.xlarge', 4, 26.32, 0.411],
        ['cache.m6g.large', 2, 6.38, 0.149],
      ]),
      ...rows('elasticache', EC_COPIES, D2, [
        ['cache.r6g.2xlarge', 8, 52.82, 0.821],
        ['cache.r6g.4xlarge', 16, 105.81, 1.642],
        ['cache.r6g.8xlarge', 32, 209.55, 3.284],
        ['cache.r6g.12xlarge', 48, 317.77, 4.925],
        ['cache.r6g.16xlarge', 64, 423.48, 6.567],
        ['cache.r7g.large', 2, 13.07, 0.219],
        ['cache.r7g.xlarge', 4, 26.32, 0.437],
        ['cache.r7g.2xlarge', 8, 52.82, 0.873],
        ['cache.r7g.4xlarge', 16, 105.81, 1.745],
        ['cache.r7g.8xlarge', 32, 209.55, 3.491],
        ['cache.r7g.12xlarge', 48, 317.77, 5.235],
        ['cache.r7g.16xlarge', 64, 423.48, 6.981],
      ]),
    ].map((t) => [t.id, withReserved(t)]),
  ),
);

/** The sizes each engine may use, smallest first: the model picks the cheapest size that meets every constraint. */
export const INSTANCE_LADDERS = {
  mongodb: [
    'r6i.large',
    'r6i.xlarge',
    'r6i.2xlarge',
    'r6i.4xlarge',
    'r6i.8xlarge',
    'r6i.12xlarge',
    'r6i.16xlarge',
    'r7i.xlarge',
    'r7i.2xlarge',
    'r7i.4xlarge',
    'r7i.8xlarge',
    'r7i.12xlarge',
    'r7i.16xlarge',
  ],
  cassandra: ['i4i.xlarge', 'i4i.2xlarge', 'i4i.4xlarge', 'i4i.8xlarge'],
  scylladb: ['i4i.xlarge', 'i4i.2xlarge', 'i4i.4xlarge', 'i4i.8xlarge'],
  // r6g only: the EBS size quotas read (ELASTICSEARCH.ebsMaxGp3GiB) predate r7g, im4gn and or1.
  elasticsearch: ['r6g.large.search', 'r6g.xlarge.search', 'r6g.2xlarge.search', 'r6g.4xlarge.search', 'r6g.8xlarge.search', 'r6g.12xlarge.search'],
  redis: [
    'cache.r6g.large',
    'cache.r6g.xlarge',
    'cache.r6g.2xlarge',
    'cache.r6g.4xlarge',
    'cache.r6g.8xlarge',
    'cache.r6g.12xlarge',
    'cache.r6g.16xlarge',
    'cache.r7g.large',
    'cache.r7g.xlarge',
    'cache.r7g.2xlarge',
    'cache.r7g.4xlarge',
    'cache.r7g.8xlarge',
    'cache.r7g.12xlarge',
    'cache.r7g.16xlarge',
  ],
} as const;

export interface PriceCatalog {
  /** $/hour per instance type id. */
  instanceUsdPerHour: Record<string, number>;
  /**
   * 1-year reserved (No Upfront) $/hour per instance type id, only where a sourced rate exists (INSTANCE_TYPES' reserved1y).
   * An instance whose on-demand price the workload overrides loses its catalog rate: the reserved rate belongs to the list price.
   */
  reserved1yUsdPerHour: Record<string, number>;
  /** EBS gp3, $/GB-month, 3,000 IOPS and 125 MiB/s included (SIZING-FACTS P2). */
  blockStorageUsdPerGbMonth: number;
  /** OpenSearch Service bills its own gp3 rate, $0.122/GB-month (AWS OpenSearch Service pricing page; SIZING-FACTS corrections 2026-12-02). */
  openSearchStorageUsdPerGbMonth: number;
  /** DynamoDB continuous backups (point-in-time recovery), $/GB-month (AWS DynamoDB pricing; SIZING-FACTS corrections). */
  dynamodbPitrUsdPerGbMonth: number;
  /** EBS snapshots, standard tier, $/GB-month of data held (aws.amazon.com/ebs/pricing, as quoted by public cost tools, read 2026-12-03). */
  ebsSnapshotUsdPerGbMonth: number;
  /** Data transfer between availability zones in a region, $/GB in each direction (aws.amazon.com/ec2/pricing/on-demand, data transfer; as quoted by public cost guides, read 2026-12-03). */
  crossAzUsdPerGbEachWay: number;
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
  reserved1yUsdPerHour: Object.fromEntries(Object.values(INSTANCE_TYPES).flatMap((t) => (t.reserved1y ? [[t.id, t.reserved1y.usdPerHour]] : []))),
  blockStorageUsdPerGbMonth: 0.08,
  openSearchStorageUsdPerGbMonth: 0.122,
  dynamodbPitrUsdPerGbMonth: 0.2,
  ebsSnapshotUsdPerGbMonth: 0.05,
  crossAzUsdPerGbEachWay: 0.01,
  dynamodb: {
    writeRequestUsdPerMillion: 0.625,
    readRequestUsdPerMillion: 0.125,
    wcuUsdPerHour: 0.00065,
    rcuUsdPerHour: 0.00013,
    storageUsdPerGbMonth: 0.25,
    freeStorageGb: 25,
  },
  openai: {},
  source:
    'AWS list prices, us-east-1, on-demand, USD: EC2, EBS, OpenSearch Service, ElastiCache (aws.amazon.com/*/pricing, as quoted by public price tables) and DynamoDB (aws.amazon.com/dynamodb/pricing)',
  sourceDate: '2026-11-24',
});

/** The catalog with the workload's overrides applied (validated by the workload schema before this). */
export function withPriceOverrides(
  overrides:
    | Partial<{
        instanceUsdPerHour: Record<string, number>;
        blockStorageUsdPerGbMonth: number;
        dynamodb: Partial<PriceCatalog['dynamodb']>;
        openai: PriceCatalog['openai'];
      }>
    | undefined,
): PriceCatalog {
  const base = DEFAULT_PRICES;
  if (!overrides)
    return {
      ...base,
      instanceUsdPerHour: { ...base.instanceUsdPerHour },
      reserved1yUsdPerHour: { ...base.reserved1yUsdPerHour },
      dynamodb: { ...base.dynamodb },
      openai: {},
    };
  const overridden = new Set(Object.keys(overrides.instanceUsdPerHour ?? {}));
  return {
    instanceUsdPerHour: { ...base.instanceUsdPerHour, ...overrides.instanceUsdPerHour },
    reserved1yUsdPerHour: Object.fromEntries(Object.entries(base.reserved1yUsdPerHour).filter(([id]) => !overridden.has(id))),
    blockStorageUsdPerGbMonth: overrides.blockStorageUsdPerGbMonth ?? base.blockStorageUsdPerGbMonth,
    openSearchStorageUsdPerGbMonth: base.openSearchStorageUsdPerGbMonth,
    dynamodbPitrUsdPerGbMonth: base.dynamodbPitrUsdPerGbMonth,
    ebsSnapshotUsdPerGbMonth: base.ebsSnapshotUsdPerGbMonth,
    crossAzUsdPerGbEachWay: base.crossAzUsdPerGbEachWay,
    dynamodb: { ...base.dynamodb, ...overrides.dynamodb },
    openai: { ...overrides.openai },
    source: `${base.source}; overridden in the workload file`,
    sourceDate: base.sourceDate,
  };
}
