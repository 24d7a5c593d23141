// Engine sizing rules as data: every constant the topology formulas use, with the source id from
// shared/SIZING-FACTS.md (compiled 2026-11-24) or marked as our assumption where no vendor gives a figure.
// The formulas themselves live in engines/<engine>.ts and print these numbers in their "why" text.

export const ENGINE_FACTS_DATE = '2026-11-24';

/**
 * Scale up, then out: among the layouts that meet every constraint and every service limit, the one with the fewest nodes
 * whose cost is within 5% of the cheapest (our policy, not a vendor figure: each node is one more to patch, replace and
 * rebalance, and a vendor's calculator offers the larger size at a near-tie). Moving to that larger size is one of the
 * engine's steps (EngineSizing.nextStepUsd): 1% more traffic raises the bill by at most 1% of (the bill + that step).
 */
export const LAYOUT_PREFERENCE = { fewerNodesWithin: 0.05 } as const;

export const DYNAMODB = {
  /** A read unit covers 4 KB (rounded up): strong 1, eventual 0.5, transactional 2 (D1). */
  readUnitBytes: 4 * 1024,
  /** A write unit covers 1 KB (rounded up), transactional 2 (D1, D2; 1 KB = 1,024 B). */
  writeUnitBytes: 1024,
  readUnitsPer: { strong: 1, eventual: 0.5, transactional: 2 },
  writeUnitsPer: { standard: 1, transactional: 2 },
  /** Per-partition caps: 3,000 read units/s, 1,000 write units/s (D3); 10 GB per partition (D4). */
  partitionReadUnits: 3000,
  partitionWriteUnits: 1000,
  partitionGb: 10,
  /** Largest item DynamoDB stores (service quota, D2). */
  maxItemBytes: 400 * 1024,
  /** Default per-table throughput quota (adjustable, so a warning): 40,000 read and 40,000 write request units per second (AWS service quotas; SIZING-FACTS corrections). */
  tableUnitsQuota: 40_000,
  /** Provisioned capacity is set for the peak at the auto-scaling target utilisation; 70% is AWS's default target (our reading of the auto-scaling guide; an assumption). */
  provisionedTargetUtilisation: 0.7,
  sources: 'D1-D7',
} as const;

export const CASSANDRA = {
  /** Usable disk = raw × 0.9 (file system / OS) × compaction headroom; size-tiered compaction needs 50% free (C1). */
  fileSystemFraction: 0.9,
  compactionFraction: 0.5,
  /** Replica writes per vCPU per second: Netflix 2011, 3.3 M replica writes/s on 288 × 4 vCPU ≈ 2.9k/vCPU (C3, the conservative of C3/C4). */
  opsPerVcpu: 2900,
  /** DataStax: production nodes from 16 logical cores and 32 GB RAM (C2). */
  minProductionVcpu: 16,
  sources: 'C1-C4',
} as const;

export const SCYLLADB = {
  /** ≥ 12,500 simple ops/s per physical core, ops ≤ 1 KB (S1); 2 vCPU per physical core on x86 instances. */
  opsPerPhysicalCore: 12_500,
  vcpuPerPhysicalCore: 2,
  /** Disk use: size-tiered compaction keeps ≤ 50% full as the recommended level (S2, read as recommended/ceiling 50/70%). */
  diskUseFraction: 0.5,
  /** Disk:RAM at most 100:1, 30:1 as the rule of thumb (S1, S2). */
  diskToRamRatio: 30,
  /**
   * Cores per node: "any number will work since ScyllaDB scales up with the number of cores ... Between 20-60 logical
   * cores ... is a recommended number. However, any number will fit" (S2), and ScyllaDB's AWS recommendations list i4i
   * from i4i.large (2 vCPU) up (ScyllaDB cloud instance recommendations, gh scylladb/scylladb docs, read 2026-12-04). The
   * performance guide's "recommended minimum ... for operational workloads is 20" (S1) is a performance target, so it is
   * a note on smaller nodes, not a floor that prices a small workload at three 32-vCPU nodes.
   */
  recommendedVcpu: 20,
  sources: 'S1, S2',
} as const;

export const MONGODB = {
  /** WiredTiger cache = max(0.5 × (RAM − 1 GB), 256 MB) since 3.4 (M1). */
  cacheFractionOfRamMinus1: 0.5,
  cacheMinGiB: 0.25,
  /**
   * mongos runs beside each application server (MongoDB docs, sharded cluster components), so routers follow the
   * application servers, not Atlas's per-node connection limit; one server ≈ one driver pool, maxPoolSize 100 (M5).
   */
  driverPoolSize: 100,
  /** Shards are replica sets: at least 3 members (the replication factor when larger); 3 config servers (M2). */
  minReplicaSetMembers: 3,
  configServers: 3,
  /** EBS volume per data node: 1,000 GB (our assumption; a common ceiling that keeps initial sync and backup times reasonable). */
  diskPerNodeGb: 1000,
  /** On-disk overhead of indexes (_id + one secondary) over the documents: 10% (our assumption; measure with db.stats()). */
  indexOverhead: 0.1,
  configInstance: 'm6i.xlarge',
  /** Hard limits (MongoDB manual, "MongoDB Limits and Thresholds"): a BSON document ≤ 16 MiB; a replica set ≤ 50 members. */
  maxDocumentBytes: 16 * 1024 * 1024,
  maxReplicaSetMembers: 50,
  sources: 'M1-M6',
} as const;

// OpenSearch quotas and master tiers: AWS OpenSearch Service developer guide, as stored in gh
// awsdocs/amazon-opensearch-service-developer-guide (doc_source/limits.md, managedomains-dedicatedmasternodes.md, commit 1dc7818; read 2026-12-03).

export const ELASTICSEARCH = {
  /** Data nodes = ceil(raw × (replicas + 1) × 1.25 / (RAM × disk:RAM)) + 1 spare (E4); hot/content tier disk:RAM 30 (E3). */
  storageOverhead: 1.25,
  diskToRamRatio: 30,
  spareNodes: 1,
  /** Primary shards of 30 GB for search use cases (E8: 10-30 GiB search, 30-50 GiB logs; Elastic: 10-50 GB, E1). */
  shardGb: 30,
  /**
   * Shards per node: AWS's OpenSearch guidance, ≤ 25 per GiB of heap and ≤ 1,000 per data node (E8). Elastic's 7.x
   * guide said ≤ 20 per GB of heap (E1; `ELASTIC_SHARDS_PER_HEAP_GB`); 8.x dropped the heap rule for the 1,000 cap (E2).
   * We price OpenSearch Service, so AWS's figure applies.
   */
  shardsPerHeapGb: 25,
  maxShardsPerNode: 1000,
  /** Heap = 50% of RAM, capped at 32 GiB: OpenSearch Service limits a Java process to a 32 GiB heap (OPENSEARCH_GUIDE, quotas). */
  heapFractionOfRam: 0.5,
  heapMaxGiB: 32,
  /** Search thread pool = int(cores × 3 / 2) + 1 (E5); search nodes = ceil(peak QPS × avg ms / 1000 / pool) (E6). */
  searchPoolPerCore: 1.5,
  dedicatedMasters: 3,
  /**
   * Coordinating-only node sizes, smallest first (our choice among the priced OpenSearch Service types: general purpose,
   * then compute optimised, as coordinating is CPU work); a larger size is taken when many small ones would not fit the
   * domain's instance limit, or at a near-tie (the fewer-nodes margin).
   */
  coordinatingLadder: ['m6g.large.search', 'c6g.2xlarge.search', 'c6g.4xlarge.search'],
  /**
   * Recommended minimum dedicated master per data-node count and shard count (OPENSEARCH_GUIDE, "Choosing instance
   * types for dedicated master nodes"): 1-10 nodes m6g.large (10K shards), 11-30 c6g.2xlarge (30K), 31-75 c6g.4xlarge
   * (75K), 76-125 r6g.2xlarge (75K), 126-200 r6g.4xlarge (75K).
   */
  masterTiers: [
    { upToDataNodes: 10, maxShards: 10_000, instance: 'm6g.large.search' },
    { upToDataNodes: 30, maxShards: 30_000, instance: 'c6g.2xlarge.search' },
    { upToDataNodes: 75, maxShards: 75_000, instance: 'c6g.4xlarge.search' },
    { upToDataNodes: 125, maxShards: 75_000, instance: 'r6g.2xlarge.search' },
    { upToDataNodes: 200, maxShards: 75_000, instance: 'r6g.4xlarge.search' },
  ],
  /** Instances per domain: 80 by default, up to 200 on request (OPENSEARCH_GUIDE, quotas); beyond, more domains. */
  defaultInstancesPerDomain: 80,
  maxInstancesPerDomain: 200,
  /** Total storage per domain, 3 PiB, not adjustable (OPENSEARCH_GUIDE, quotas: "the sum of all data nodes and warm nodes"). */
  maxStoragePerDomainGiB: 3 * 1024 * 1024,
  /** Largest gp3 EBS volume per data node, GiB, by instance type (OPENSEARCH_GUIDE, "EBS volume size quotas"). */
  ebsMaxGp3GiB: {
    'r6g.large.search': 2048,
    'r6g.xlarge.search': 3072,
    'r6g.2xlarge.search': 6144,
    'r6g.4xlarge.search': 12288,
    'r6g.8xlarge.search': 16384,
    'r6g.12xlarge.search': 24576,
  } as Readonly<Record<string, number>>,
  sources: 'E1-E8, OpenSearch Service developer guide',
} as const;

/** Elastic's 7.x shard rule, ≤ 20 shards per GB of heap (E1): kept for the golden test against Elastic's own example. */
export const ELASTIC_SHARDS_PER_HEAP_GB = 20;

export const REDIS = {
  /** ≈ 85 B per small string key including its data (1 M keys ≈ 85 MB, R2): the per-key overhead. */
  perKeyOverheadBytes: 85,
  /** ElastiCache reserves 25% of node memory by default: maxmemory ≈ 0.75 × node RAM (R4). */
  usableMemoryFraction: 0.75,
  /** ≈ 72k SET/s unpipelined in the redis-benchmark examples (R1); one shard is single-threaded for commands. */
  opsPerShard: 70_000,
  /** One replica per shard by default: a cache can be refilled from the store, so a second copy is for failover only (our default). */
  defaultReplicas: 1,
  /** ElastiCache: 90 nodes per cluster by default, 500 at most (ElastiCache quotas; SIZING-FACTS corrections 2026-12-02). */
  defaultNodesPerCluster: 90,
  maxNodesPerCluster: 500,
  /** Redis's largest string value, 512 MB (Redis data types, strings): a hard limit per key. */
  maxValueBytes: 512 * 1024 * 1024,
  sources: 'R1, R2, R4',
} as const;

/** A cudaMemcpy/clEnqueue call costs a fixed ~10 µs before bytes move (launch + DMA setup; our assumption, measure). */
export const TRANSFER_SETUP_SECONDS = 10e-6;
