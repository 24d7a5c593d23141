// Golden tests per engine: worked examples computed by hand from the published formulas (the arithmetic is in
// each comment), plus DynamoDB's own documentation examples for capacity units.
import assert from 'node:assert/strict';
import { replicaOps, sizeCassandra, sizeScyllaDb } from '../../../src/core/sizing/engines/cassandra';
import {
  partitions,
  provisionedRcu,
  provisionedWcu,
  readUnitsPerRead,
  sizeDynamoDb,
  writeUnitsPerWrite,
} from '../../../src/core/sizing/engines/dynamodb';
import {
  coordinatorLayout,
  heapGiB,
  masterLayout,
  maxShardsPerNode,
  searchPool,
  sizeElasticsearch,
} from '../../../src/core/sizing/engines/elasticsearch';
import { ELASTIC_SHARDS_PER_HEAP_GB, SCYLLADB } from '../../../src/core/sizing/engine-facts';
import { sizeMongoDb, wiredTigerCacheGiB } from '../../../src/core/sizing/engines/mongodb';
import { jemallocSizeClass, sizeRedis } from '../../../src/core/sizing/engines/redis';
import type { EngineSizing } from '../../../src/core/sizing/engines/common';
import type { DataLoad } from '../../../src/core/sizing/llm-workload';
import { DEFAULT_PRICES } from '../../../src/core/sizing/prices';

/**
 * The worked workload: 10 writes/s average (40 peak), 30 reads/s (120 peak), 5,000-byte records kept 90 days:
 * 10 × 86,400 × 90 = 77,760,000 records × 5,000 B = 388,800,000,000 B (362.10 GiB) per copy; RF 3; 500 sessions.
 */
const LOAD: DataLoad = {
  writesPerSecondAvg: 10,
  writesPerSecondPeak: 40,
  readsPerSecondAvg: 30,
  readsPerSecondPeak: 120,
  recordBytes: 5000,
  maxRecordBytes: 5000,
  storedRecords: 77_760_000,
  storedBytes: 388_800_000_000,
  ttlRecords: 0,
  ttlBytes: 0,
  concurrentSessions: 500,
  replicationFactor: 3,
  workingSetFraction: 0.2,
  queryLatencyMs: 20,
  trafficFactor: 1,
  elapsedDays: null,
};
const prices = DEFAULT_PRICES;
const role = (e: EngineSizing, r: string) => e.roles.find((x) => x.role === r)!;
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 0.01, `${what}: ${actual} ≠ ${expected}`);

describe('engine sizing: golden examples', () => {
  it('MongoDB: scale up before sharding: one replica set of the size whose cache holds the working set', () => {
    // data per copy = 388.8e9 × 1.1 (index overhead) = 427.68e9 B = 398.31 GiB; working set × 0.2 = 79.66 GiB
    // WiredTiger cache = max(0.5 × (RAM − 1), 0.25) (Percona, WiredTiger defaults): r6i.4xlarge 128 GiB → 63.5 GiB < 79.66
    // → 2 shards; r6i.8xlarge 256 GiB → 127.5 GiB ≥ 79.66 → 1 shard = one 3-member replica set (no mongos, no config servers)
    // cost = 3 × 2.016 × 730 (4,415.04) + EBS 3 × 427.68e9 B = 1,194.93 GiB × 0.08 (95.59) = 4,510.63
    // (11 shards of r6i.large would cost 3,456 + config servers, but MongoDB's guidance is to scale up before sharding)
    const e = sizeMongoDb(LOAD, prices);
    assert.equal(role(e, 'data').count, 3);
    assert.equal(role(e, 'data').instance, 'r6i.8xlarge');
    assert.equal(role(e, 'client-session').count, 0);
    assert.equal(role(e, 'coordination').count, 0);
    // + EBS snapshots of one copy: 398.31 GiB × $0.05 = 19.92; + cross-AZ replication: 10 writes/s × 5,000 B × 2 other
    // members × 2,628,000 s = 262.8 GB × ($0.01 out + $0.01 in) = 5.256
    close(
      e.monthlyUsd,
      3 * 2.016 * 730 + ((3 * 427_680_000_000) / 1024 ** 3) * 0.08 + (427_680_000_000 / 1024 ** 3) * 0.05 + 262.8 * 0.02,
      'MongoDB $/month',
    );
    assert.deepEqual(e.costLines.map((c) => c.unitUsd).slice(-2), [0.05, 0.02]);
    assert.match(role(e, 'data').why, /⌈working set 79\.66 GiB \/ WiredTiger cache 128 GiB⌉ = 1/);
  });

  it('MongoDB: beyond the largest replica set, shards; mongos beside the application servers', () => {
    // 20× the data: working set 1,593 GiB; r6i.16xlarge cache 255.5 GiB → 7 shards; disk ⌈7,966 / 1,000⌉ = 8 shards on every size
    // → sharded; each size needs max(⌈1,593 / cache⌉, 8) shards × 3 members (+ 3 config servers on m6i.xlarge)
    const big = { ...LOAD, storedBytes: LOAD.storedBytes * 20, storedRecords: LOAD.storedRecords * 20 };
    const e = sizeMongoDb(big, prices);
    assert.ok(role(e, 'data').count >= 24);
    assert.equal(role(e, 'data').count % 3, 0);
    assert.equal(role(e, 'coordination').count, 3);
    // mongos = one per application server: ⌈500 sessions / 100 per driver pool⌉ = 5, on the app servers (no cost)
    assert.equal(role(e, 'client-session').count, 5);
    assert.equal(role(e, 'client-session').dedicated, false);
  });

  it('MongoDB: a working set inside one cache is a plain replica set of the cheapest size that holds it', () => {
    // 1/10 of the data: working set 7.97 GiB ≤ r6i.xlarge's 15.5 GiB cache → 3 × r6i.xlarge
    const e = sizeMongoDb({ ...LOAD, storedBytes: LOAD.storedBytes / 10, storedRecords: LOAD.storedRecords / 10 }, prices);
    assert.equal(e.totalNodes, 3);
    assert.equal(role(e, 'data').instance, 'r6i.xlarge');
    close(
      e.monthlyUsd,
      3 * 0.252 * 730 + ((38_880_000_000 * 1.1 * 3) / 1024 ** 3) * 0.08 + ((38_880_000_000 * 1.1) / 1024 ** 3) * 0.05 + 262.8 * 0.02,
      'replica set $/month',
    );
  });

  it("Cassandra: max(RF, disk, throughput) nodes per i4i size from DataStax's 16-core floor, the cheapest size", () => {
    // DataStax plans production nodes from 16 logical cores (C2): the ladder starts at i4i.4xlarge (16 vCPU)
    // on disk = 388.8e9 × 3 = 1,166.4e9 B; i4i.4xlarge usable = 3,750e9 × 0.9 × 0.5 = 1,687.5e9 B (C1) → 1
    // replica ops = 40 × 3 + 120 × QUORUM 2 = 360; per node 2,900 × 16 vCPU = 46,400 (Netflix 2011) → 1
    // nodes = max(3, 1, 1) = 3 × i4i.4xlarge = 3 × 1.373 × 730 = 3,006.87 (3 × i4i.xlarge, 751.17, is below the floor)
    const e = sizeCassandra(LOAD, prices);
    assert.equal(role(e, 'data').count, 3);
    assert.equal(role(e, 'data').instance, 'i4i.4xlarge');
    // + cross-AZ replication: 10 writes/s × 5,000 B × (RF 3 − 1) × 2,628,000 s = 262.8 GB × $0.02 = 5.256 (EC2 data transfer)
    close(e.monthlyUsd, 3006.87 + 5.256, 'Cassandra $/month');
    assert.ok(e.notes.some((n) => /Backups not priced/.test(n)));
    assert.doesNotMatch(e.notes[0]!, /i4i\.xlarge|i4i\.2xlarge/, 'sizes below 16 vCPU are not compared');
  });

  it('Cassandra vs ScyllaDB at 40,000 peak writes/s: the same math, different per-node throughput', () => {
    // replica ops = 40,000 × 3 = 120,000
    // Cassandra from 16 vCPU: i4i.4xlarge 46,400/node → ⌈2.59⌉ = 3 (3,006.87); i4i.8xlarge 92,800 → RF 3 (6,013.74)
    // ScyllaDB has no core floor ("any number will fit", system requirements): i4i.xlarge 2 physical cores × 12,500 =
    // 25,000/node → ⌈4.8⌉ = 5 × 0.343 × 730 = 1,251.95; i4i.2xlarge 50,000 → 3 (1,502.34, +20%, outside the 5% margin)
    const hot = { ...LOAD, writesPerSecondPeak: 40_000, readsPerSecondPeak: 0 };
    assert.equal(role(sizeCassandra(hot, prices), 'data').count, 3);
    assert.equal(role(sizeCassandra(hot, prices), 'data').instance, 'i4i.4xlarge');
    const scylla = sizeScyllaDb(hot, prices);
    assert.equal(role(scylla, 'data').count, 5);
    assert.equal(role(scylla, 'data').instance, 'i4i.xlarge');
    close(scylla.costLines[0]!.monthlyUsd, 5 * 0.343 * 730, 'ScyllaDB nodes $/month');
    assert.match(scylla.notes[0]!, /i4i\.xlarge × 5 = \$1,252 ◀/);
    // a node under ScyllaDB's recommended 20-60 cores is named as such, with the source
    assert.ok(
      scylla.notes.some((n) =>
        /i4i\.xlarge has 4 vCPU, below the 20-60 logical cores ScyllaDB recommends per node \(ScyllaDB system requirements/.test(n),
      ),
    );
  });

  it('ScyllaDB and Cassandra, disk-bound: fewer, larger nodes only within 5% of the cheapest', () => {
    // 10× the data: 11,664e9 B on disk
    // ScyllaDB (50% use): i4i.xlarge 468.5e9 usable → 25 nodes (6,259.75, the cheapest); i4i.2xlarge 937.5e9 → 13
    // (6,510.14, +4.0%: within 5%, fewer nodes); i4i.4xlarge → 7 (7,016.03, +12%); i4i.8xlarge → 4 (8,018.32)
    const big = { ...LOAD, storedBytes: LOAD.storedBytes * 10 };
    const s = sizeScyllaDb(big, prices);
    assert.equal(role(s, 'data').count, 13);
    assert.equal(role(s, 'data').instance, 'i4i.2xlarge');
    assert.match(s.notes[0]!, /i4i\.xlarge × 25 = \$6,260 · i4i\.2xlarge × 13 = \$6,510 ◀ · i4i\.4xlarge × 7 = \$7,016 · i4i\.8xlarge × 4 = \$8,018/);
    assert.ok(
      s.notes.includes(
        '13 × i4i.2xlarge chosen over the cheapest 25 × i4i.xlarge (+4.0%): fewer, larger nodes are preferred within 5% of the cheapest',
      ),
    );
    // Cassandra (0.45): i4i.4xlarge 1,687.5e9 → ⌈6.91⌉ = 7 (7,016.03); i4i.8xlarge 3,375e9 → 4 (8,018.32, +14%) → 7 × i4i.4xlarge
    const c = sizeCassandra(big, prices);
    assert.equal(role(c, 'data').count, 7);
    assert.equal(role(c, 'data').instance, 'i4i.4xlarge');
    assert.ok(!c.notes.some((n) => /chosen over the cheapest/.test(n)), 'the cheapest is chosen: no preference note');
  });

  it('Elasticsearch/OpenSearch: data nodes from storage + spare, shards, search pools; 3 masters', () => {
    // storage = 388.8e9 × (2 replicas + 1) × 1.25 = 1,458e9 B = 1,357.85 GiB (E4)
    // per data node r6g.large.search: 16 GiB × 30 = 480 GiB → ⌈2.83⌉ + 1 spare = 4
    // primaries = ⌈362.10 / 30⌉ = 13, × 3 = 39 shards ≤ min(20 × 8 GiB heap, 1,000) = 160 per node → 1
    // search pool = ⌊2 × 1.5⌋ + 1 = 4 (E5); busy threads = 120 × 20 / 1000 = 2.4 → 1 node (E6)
    // coordinating-only: 1 < 2 → data nodes coordinate (0)
    // cost = 4 × 0.167 × 730 (487.64) + 3 × 0.128 × 730 (280.32) + 1,357.85 GiB × 0.122 (OpenSearch's gp3 rate, 165.66) = 933.62
    assert.equal(searchPool(2), 4);
    assert.equal(searchPool(8), 13);
    const e = sizeElasticsearch(LOAD, prices);
    assert.equal(role(e, 'data').count, 4);
    assert.equal(role(e, 'client-session').count, 0);
    assert.equal(role(e, 'coordination').count, 3);
    close(e.monthlyUsd, 487.64 + 280.32 + (1_458_000_000_000 / 1024 ** 3) * 0.122, 'ES $/month');
  });

  it("OpenSearch: masters per AWS's tier are part of each size's price; past 80 instances a quota warning, past 200 more domains", () => {
    // AWS's recommended minimum dedicated master by data nodes per domain (OpenSearch Service, dedicated master nodes)
    assert.deepEqual(
      [10, 11, 30, 31, 75, 76, 125, 126, 200].map((n) => masterLayout(prices, n, 100).instance),
      [
        'm6g.large.search',
        'c6g.2xlarge.search',
        'c6g.2xlarge.search',
        'c6g.4xlarge.search',
        'c6g.4xlarge.search',
        'r6g.2xlarge.search',
        'r6g.2xlarge.search',
        'r6g.4xlarge.search',
        'r6g.4xlarge.search',
      ],
    );
    // 201 data nodes: two domains of 101 → 2 × 3 × r6g.2xlarge.search = 6 × 0.669 × 730 = 2,930.22
    const two = masterLayout(prices, 201, 100);
    assert.equal(two.domains, 2);
    close(two.monthlyUsd, 6 * 0.669 * 730, 'masters of two domains');
    // 10 shards over the 75K a tier manages also split the domain
    assert.equal(masterLayout(prices, 10, 150_001).domains, 3);
    // 40× the data: storage = 14,484 GiB × 3 × 1.25 = 54,314 GiB; per node min(RAM × 30, largest gp3 volume)
    // r6g.large 480 GiB → 114 + 1 spare = 115 nodes + 3 × r6g.2xlarge masters ($22,111 with storage) is the cheapest;
    // r6g.2xlarge 1,920 GiB → 29 + 1 = 30 nodes + 3 × c6g.2xlarge masters = $22,267 (+0.7%): within 5%, 85 fewer nodes
    const big = { ...LOAD, storedBytes: LOAD.storedBytes * 40, storedRecords: LOAD.storedRecords * 40 };
    const e = sizeElasticsearch(big, prices);
    assert.equal(role(e, 'data').count, 30);
    assert.equal(role(e, 'data').instance, 'r6g.2xlarge.search');
    assert.equal(role(e, 'coordination').instance, 'c6g.2xlarge.search');
    assert.match(e.notes[0]!, /r6g\.large\.search × 115 = \$22,111 · .*r6g\.2xlarge\.search × 30 = \$22,267 ◀/);
    assert.ok(
      e.notes.includes(
        '30 × r6g.2xlarge.search chosen over the cheapest 115 × r6g.large.search (+0.7%): fewer, larger nodes are preferred within 5% of the cheapest',
      ),
    );
    assert.deepEqual(e.warnings, []);
    assert.deepEqual(e.errors, []);
    // 16,000 peak queries/s × 20 ms = 320 busy threads / pool 4 = 80 coordinating-only nodes: with the data nodes, above the
    // default 80 instances per domain → the quota warning (adjustable to 200, so a warning, not an error)
    const busy = sizeElasticsearch({ ...LOAD, readsPerSecondPeak: 16_000 }, prices);
    assert.equal(role(busy, 'client-session').count, 80);
    assert.ok(busy.warnings.some((w) => /default 80 instances per domain: request a quota increase \(up to 200\)/.test(w)));
    assert.deepEqual(busy.errors, []);
    // far more data: r6g.12xlarge holds 11,520 GiB → 4,073,550 GiB needs 354 + 1 = 355 data nodes, over 200 instances per
    // domain on every size: the sizing says it does not fit one domain (an error), shown on the largest size
    const huge = sizeElasticsearch({ ...LOAD, storedBytes: LOAD.storedBytes * 3000, storedRecords: LOAD.storedRecords * 3000 }, prices);
    assert.equal(role(huge, 'data').instance, 'r6g.12xlarge.search');
    assert.equal(role(huge, 'data').count, 355);
    assert.equal(huge.errors.length, 1);
    assert.match(
      huge.errors[0]!,
      /^does not fit one OpenSearch Service domain: even on the largest size \(r6g\.12xlarge\.search\) it needs 355 data and coordinating nodes/,
    );
    assert.match(huge.notes[0]!, /r6g\.large\.search × [\d,]+ = \$[\d,]+ \(over OpenSearch Service's 200 instances per domain\)/);
  });

  it('Elasticsearch: coordinating-only nodes appear from the query rate', () => {
    // 1,000 peak queries/s × 20 ms = 20 busy threads; / pool 4 → 5 coordinating-only nodes; 5 data nodes for search
    const e = sizeElasticsearch({ ...LOAD, readsPerSecondPeak: 1000 }, prices);
    assert.equal(role(e, 'client-session').count, 5);
    assert.equal(role(e, 'client-session').dedicated, true);
    assert.equal(role(e, 'data').count, 5);
  });

  it('OpenSearch coordinating-only nodes scale up when the small ones leave no room in the domain', () => {
    // 800 busy search threads: m6g.large.search (pool 4) → 200 nodes ($18,688), c6g.2xlarge.search (pool 13) → 62
    // ($20,458), c6g.4xlarge.search (pool 25) → 32 ($21,094). With room for 250: m6g.large is the cheapest; 62 × c6g.2xlarge
    // is +9.5%, outside the 5% margin
    assert.deepEqual([coordinatorLayout(prices, 800, 250).instance, coordinatorLayout(prices, 800, 250).count], ['m6g.large.search', 200]);
    // room for 150 (50 data nodes in a 200-instance domain): m6g.large is out; 32 × c6g.4xlarge is +3.1% over 62 ×
    // c6g.2xlarge, within the margin, so the fewer nodes
    const c = coordinatorLayout(prices, 800, 150);
    assert.deepEqual([c.instance, c.count, c.fits], ['c6g.4xlarge.search', 32, true]);
    close(c.monthlyUsd, 32 * 0.903 * 730, 'coordinators $/month');
    // room for 20: none fits
    assert.equal(coordinatorLayout(prices, 800, 20).fits, false);
    // 4 busy threads fill one m6g.large.search (pool 4): below 2 nodes' worth the data nodes coordinate; 5 need 2 of any size
    assert.equal(coordinatorLayout(prices, 4, 200).count, 0);
    assert.deepEqual([coordinatorLayout(prices, 5, 200).instance, coordinatorLayout(prices, 5, 200).count], ['m6g.large.search', 2]);
  });

  it('DynamoDB: request units, on-demand vs provisioned, storage beyond 25 GB, partitions', () => {
    // item 5,000 B: ⌈5,000 / 4,096⌉ = 2 × 0.5 = 1 RRU per eventual read; ⌈5,000 / 1,024⌉ = 5 WRU per write (D1)
    // on-demand = 2,628,000 × (30 × 1 × 0.125 + 10 × 5 × 0.625) / 1e6 = 9.855 + 82.125 = 91.98 (D5)
    // provisioned = ⌈120 × 1 / 0.7⌉ = 172 RCU × 0.00013 × 730 (16.32) + ⌈40 × 5 / 0.7⌉ = 286 WCU × 0.00065 × 730 (135.71) = 152.03
    // → on-demand; storage = 388.8e9 + 77.76e6 × 100 B = 396.576e9 B = 369.34 GiB; (369.34 − 25) × 0.25 = 86.08
    // partitions = max(⌈396.576 / 10⌉ = 40, ⌈172 / 3,000 + 286 / 1,000⌉ = 1) = 40 (D4)
    // point-in-time recovery: 369.34 GiB × $0.20 = 73.87
    const e = sizeDynamoDb(LOAD, prices);
    const storageGiB = 396_576_000_000 / 1024 ** 3;
    close(e.monthlyUsd, 91.98 + (storageGiB - 25) * 0.25 + storageGiB * 0.2, 'DynamoDB $/month');
    assert.match(e.title, /on-demand/);
    assert.equal(role(e, 'data').count, 40);
    assert.equal(e.totalNodes, 0);
  });

  it('DynamoDB: steady high traffic makes provisioned capacity the cheaper mode', () => {
    // 1,000 writes/s average and peak of 5 WRU: on-demand 2,628,000 × 5,000 × 0.625 / 1e6 = 8,212.50;
    // provisioned ⌈5,000 / 0.7⌉ = 7,143 WCU × 0.00065 × 730 = 3,389.35 → provisioned
    const steady = { ...LOAD, writesPerSecondAvg: 1000, writesPerSecondPeak: 1000, readsPerSecondAvg: 0, readsPerSecondPeak: 0 };
    const e = sizeDynamoDb(steady, prices);
    assert.match(e.title, /provisioned/);
    close(e.costLines.find((c) => /write/.test(c.item))!.monthlyUsd, 7143 * 0.00065 * 730, 'WCU $/month');
  });

  it("DynamoDB capacity units match the developer guide's examples", () => {
    // "reading a 3,500-byte item consumes the same throughput as reading a 4 KB item" (D1):
    // strong 1, eventual 0.5, transactional 2 read units
    assert.equal(readUnitsPerRead(3500, 'strong'), 1);
    assert.equal(readUnitsPerRead(3500, 'eventual'), 0.5);
    assert.equal(readUnitsPerRead(3500, 'transactional'), 2);
    // an item above 4 KB needs more units: 8 KB strong = 2, 8 KB + 1 B = 3 (rounded up to the next 4 KB)
    assert.equal(readUnitsPerRead(8192, 'strong'), 2);
    assert.equal(readUnitsPerRead(8193, 'strong'), 3);
    // writes per 1 KB rounded up (1 KB = 1,024 B, D2): 500 B → 1, 1,024 B → 1, 1,500 B → 2; transactional doubles
    assert.equal(writeUnitsPerWrite(500), 1);
    assert.equal(writeUnitsPerWrite(1024), 1);
    assert.equal(writeUnitsPerWrite(1500), 2);
    assert.equal(writeUnitsPerWrite(1500, true), 4);
    // provisioned throughput: 80 strongly consistent reads/s of 3 KB items = 80 RCU, eventually consistent 40;
    // 100 writes/s of 512 B = 100 WCU; of 1.5 KB = 200 WCU
    assert.equal(provisionedRcu(80, 3 * 1024, 'strong'), 80);
    assert.equal(provisionedRcu(80, 3 * 1024, 'eventual'), 40);
    assert.equal(provisionedWcu(100, 512), 100);
    assert.equal(provisionedWcu(100, 1536), 200);
    // partitions: 25 GB and 6,000 RCU + 1,000 WCU → max(3, ⌈2 + 1⌉ = 3) = 3 (D4)
    assert.equal(partitions(25e9, 6000, 1000), 3);
    assert.equal(partitions(1e9, 100, 100), 1);
  });

  it('Redis as a cache: the hot set, values in jemalloc size classes, one replica, the cheapest size', () => {
    // no TTL in the code: keys = 77.76e6 × 0.2 working set = 15.552e6; value 5,000 B → jemalloc class 5,120 B
    // memory per copy = 15.552e6 × (85 + 5,120) B = 80.95e9 B = 75.39 GiB
    // cache.r6g.4xlarge: 105.81 × 0.75 = 79.36 GiB → 1 shard × 2 copies = 2 nodes × 1.642 × 730 = 2,397.32
    // (cache.r6g.2xlarge: 2 shards × 2 = 4 × 0.821 × 730 = 2,397.32, the same price: fewer nodes win)
    const e = sizeRedis(LOAD, prices);
    assert.equal(role(e, 'data').count, 2);
    assert.equal(role(e, 'data').instance, 'cache.r6g.4xlarge');
    close(e.monthlyUsd, 2 * 1.642 * 730, 'Redis $/month');
    assert.ok(
      e.notes.some((n) => /allkeys-lru/.test(n)),
      'keys without a TTL need allkeys-lru',
    );
  });

  it('Redis: call sites that cache with a TTL are held whole; the default volatile-lru suffices then', () => {
    const ttl = { ...LOAD, ttlRecords: LOAD.storedRecords, ttlBytes: LOAD.storedBytes };
    const e = sizeRedis(ttl, prices);
    // 77.76e6 × 5,205 B = 404.74e9 B = 376.95 GiB per copy; cache.r6g.large (9.80 GiB usable) → 39 shards × 2 = 78 nodes
    // = 11,730, the cheapest; cache.r6g.2xlarge × 20 and cache.r6g.4xlarge (79.36 GiB usable) → 5 shards × 2 = 10 nodes
    // = 11,987 (+2.2%, within 5%): the fewest nodes in the margin; cache.r6g.12xlarge × 4 = 14,381 (+23%) is outside it
    assert.match(e.notes.join(' '), /= 377 GiB/);
    assert.equal(role(e, 'data').count, 10);
    assert.equal(role(e, 'data').instance, 'cache.r6g.4xlarge');
    close(e.monthlyUsd, 10 * 1.642 * 730, 'Redis TTL $/month');
    assert.ok(
      e.notes.includes(
        '10 × cache.r6g.4xlarge chosen over the cheapest 78 × cache.r6g.large (+2.2%): fewer, larger nodes are preferred within 5% of the cheapest',
      ),
    );
    assert.ok(e.notes.some((n) => /volatile-lru can evict/.test(n)));
  });

  it('Redis: a size over 500 nodes per cluster is out (scale up instead); when every size is, the cache does not fit (an error)', () => {
    const held = (k: number) => ({
      ...LOAD,
      storedRecords: LOAD.storedRecords * k,
      storedBytes: LOAD.storedBytes * k,
      ttlRecords: LOAD.storedRecords * k,
      ttlBytes: LOAD.storedBytes * k,
    });
    // 100×: 7.776e9 keys × (85 + 5,120) B = 37,694 GiB per copy. cache.r6g.4xlarge (79.36 GiB usable) → 475 shards = 950
    // nodes ($1,138,727, the cheapest price, but over ElastiCache's 500 nodes per cluster); of the sizes within the limit,
    // cache.r6g.16xlarge (317.61 GiB usable) → ⌈118.7⌉ = 119 shards = 238 nodes × 6.567 × 730 = $1,140,951 is the cheapest
    const e = sizeRedis(held(100), prices);
    assert.equal(role(e, 'data').instance, 'cache.r6g.16xlarge');
    assert.equal(role(e, 'data').count, 238);
    close(e.monthlyUsd, 238 * 6.567 * 730, 'Redis 100× $/month');
    assert.match(e.notes[0]!, /cache\.r6g\.4xlarge × 950 = \$1,138,727 \(over ElastiCache's 500 nodes per cluster\)/);
    assert.deepEqual(e.errors, []);
    // 238 > the default 90: an adjustable quota, so a warning with the action
    assert.deepEqual(e.warnings, ["238 nodes are above ElastiCache's default 90 nodes per cluster: request a quota increase (up to 500)"]);
    // 400×: 150,778 GiB per copy; even cache.r6g.16xlarge needs ⌈474.7⌉ = 475 shards = 950 nodes > 500 on every size
    const over = sizeRedis(held(400), prices);
    assert.equal(role(over, 'data').instance, 'cache.r6g.16xlarge');
    assert.equal(role(over, 'data').count, 950);
    assert.equal(over.errors.length, 1);
    assert.match(
      over.errors[0]!,
      /^does not fit one ElastiCache cluster: even on the largest node \(cache\.r6g\.16xlarge\) the cache needs 950 nodes, above ElastiCache's 500 nodes per cluster \(AWS ElastiCache quotas\)/,
    );
    assert.deepEqual(over.warnings, [], 'no quota-increase advice for a layout no quota allows');
  });

  it('1-year commitments: cache nodes at the sourced reserved rate; no committed figure where a node has no sourced rate', () => {
    // ec2instances.info's ElastiCache table (us-east-1, snapshot 2022-02-13 in gh vantage-sh/ec2instances.info): cache.r6g.4xlarge
    // on demand $1.642/h, 1-year No Upfront $1.121/h. The worked load's cache is 2 × cache.r6g.4xlarge (above):
    // 2 × 1.121 × 730 = 1,636.66 a month, against 2 × 1.642 × 730 = 2,397.32 on demand (-31.7%)
    const redis = sizeRedis(LOAD, prices);
    close(redis.committedMonthlyUsd!, 2 * 1.121 * 730, 'Redis 1-year $/month');
    assert.ok(
      redis.notes.includes(
        'with 1-year reserved nodes (No Upfront): 2 × cache.r6g.4xlarge × $1.121/h × 730 h = $1,637/month (ec2instances.info (Vantage) ElastiCache price table, us-east-1, 1-year reserved nodes, No Upfront, 2022-02-13: https://github.com/vantage-sh/ec2instances.info/blob/3e75a5dddbf4674d74ebeb06f46e4543c3a08b92/www/cache/instances.json)',
      ),
    );
    // the 100× TTL cache: 238 × cache.r6g.16xlarge × 4.482 × 730 = 778,697.68 (1-year) against 1,140,951.58 (on demand)
    const big = {
      ...LOAD,
      storedRecords: LOAD.storedRecords * 100,
      storedBytes: LOAD.storedBytes * 100,
      ttlRecords: LOAD.storedRecords * 100,
      ttlBytes: LOAD.storedBytes * 100,
    };
    close(sizeRedis(big, prices).committedMonthlyUsd!, 238 * 4.482 * 730, 'Redis 100× 1-year $/month');
    // EC2 (r6i, i4i), OpenSearch Service and DynamoDB: no sourced 1-year rate in the catalog, so no committed figure
    for (const e of [
      sizeMongoDb(LOAD, prices),
      sizeCassandra(LOAD, prices),
      sizeScyllaDb(LOAD, prices),
      sizeElasticsearch(LOAD, prices),
      sizeDynamoDb(LOAD, prices),
    ]) {
      assert.equal(e.committedMonthlyUsd, null, e.engine);
      assert.ok(
        e.notes.some((n) => /^no sourced 1-year/.test(n)),
        `${e.engine} says why`,
      );
    }
    // a workload that overrides an instance's on-demand price drops its catalog reserved rate (it belongs to the list price)
    const negotiated = { ...prices, instanceUsdPerHour: { ...prices.instanceUsdPerHour, 'cache.r6g.4xlarge': 1 }, reserved1yUsdPerHour: {} };
    assert.equal(sizeRedis(LOAD, negotiated).committedMonthlyUsd, null);
  });

  it('1-year commitments cover node hours only: storage, snapshots and cross-AZ traffic stay on demand', () => {
    // a catalog with a 1-year rate for the MongoDB layout's node (test input, not a price: $1.00/h for r6i.8xlarge):
    // 3 × r6i.8xlarge on demand 3 × 2.016 × 730 = 4,415.04 → 3 × 1.00 × 730 = 2,190; EBS, snapshots and cross-AZ unchanged
    const withRate = { ...prices, reserved1yUsdPerHour: { ...prices.reserved1yUsdPerHour, 'r6i.8xlarge': 1 } };
    const e = sizeMongoDb(LOAD, withRate);
    assert.equal(role(e, 'data').instance, 'r6i.8xlarge');
    close(e.committedMonthlyUsd!, e.monthlyUsd - 3 * 2.016 * 730 + 3 * 1 * 730, 'MongoDB 1-year $/month');
    // a rate above the on-demand one counts as the on-demand one
    const dearer = { ...prices, reserved1yUsdPerHour: { 'r6i.8xlarge': 9 } };
    close(sizeMongoDb(LOAD, dearer).committedMonthlyUsd!, e.monthlyUsd, 'never above on demand');
  });

  it('no cliff at a service limit: the step is the move to the next size, not one more node', () => {
    // A cache held whole (TTL'd) of R = 12,266,589,824 keys × (85 + 5,120) B = 249.50 shards of cache.r6g.12xlarge (317.77 ×
    // 0.75 = 238.33 GiB usable) and 16.8 M ops/s at the peak (⌈16.8e6 / 70,000⌉ = 240 shards on any size):
    // x: cache.r6g.12xlarge × 250 shards × 2 = 500 nodes (ElastiCache's limit) × 4.925 × 730 = 1,797,625; cache.r6g.16xlarge
    //    needs 240 shards (ops) = 480 nodes × 6.567 × 730 = 2,301,076.80 (+28%, outside the fewer-nodes margin)
    // 1.01 × x: cache.r6g.12xlarge needs ⌈251.99⌉ = 252 shards = 504 nodes > 500, out; cache.r6g.16xlarge needs
    //    ⌈16.968e6 / 70,000⌉ = 243 shards = 486 nodes × 6.567 × 730 = 2,329,840.26 (+29.6% for +1% traffic)
    // one more shard of the chosen size would be 2 × 4.925 × 730 = 7,190.50: 1.01 × 1,797,625 + 7,190.50 = 1,822,791.75 is
    // exceeded; the next move is the next size: 2,301,076.80 + one of its shards (9,587.82) − 1,797,625 = 513,039.62, and
    // 1.01 × (1,797,625 + 513,039.62) = 2,333,771.27 ≥ 2,329,840.26
    const keys = 12_266_589_824;
    const at = (k: number): DataLoad => ({
      ...LOAD,
      storedRecords: keys * k,
      storedBytes: keys * 5000 * k,
      ttlRecords: keys * k,
      ttlBytes: keys * 5000 * k,
      readsPerSecondPeak: 16_000_000 * k,
      writesPerSecondPeak: 800_000 * k,
    });
    const x = sizeRedis(at(1), prices);
    const y = sizeRedis(at(1.01), prices);
    assert.equal(`${role(x, 'data').count} × ${role(x, 'data').instance}`, '500 × cache.r6g.12xlarge');
    assert.equal(`${role(y, 'data').count} × ${role(y, 'data').instance}`, '486 × cache.r6g.16xlarge');
    close(x.monthlyUsd, 1_797_625, 'x');
    close(y.monthlyUsd, 2_329_840.26, 'y');
    close(x.nextStepUsd, 513_039.62, 'the next step');
    assert.ok(y.monthlyUsd > 1.01 * x.monthlyUsd + 2 * 4.925 * 730, 'one more shard of the chosen size is not the bound');
    assert.ok(y.monthlyUsd <= 1.01 * (x.monthlyUsd + x.nextStepUsd));
  });

  it('jemalloc size classes: 8, 16-byte steps to 128, then four per doubling', () => {
    assert.deepEqual(
      [1, 8, 9, 100, 128, 129, 200, 4096, 4097, 5000, 6031, 8193].map(jemallocSizeClass),
      [8, 8, 16, 112, 128, 160, 224, 4096, 5120, 5120, 6144, 10240],
    );
  });

  it('price overrides change the cost and nothing else', () => {
    const cheap = { ...prices, instanceUsdPerHour: { ...prices.instanceUsdPerHour, 'i4i.4xlarge': 0.5 } };
    const e = sizeCassandra(LOAD, cheap);
    assert.equal(role(e, 'data').count, 3);
    close(e.monthlyUsd, 3 * 0.5 * 730 + 262.8 * 0.02, 'overridden $/month');
  });
});

// The vendors' own worked examples, each with where it was published: the model must reproduce them.
describe("engine sizing: vendors' published worked examples", () => {
  it('MongoDB, "WiredTiger Storage Engine: memory use": 4 GB RAM → 1.5 GB cache; 1.25 GB RAM → 256 MB', () => {
    // mongodb.com/docs/manual/core/wiredtiger/ ("0.5 * (4 GB - 1 GB) = 1.5 GB"; "0.5 * (1.25 GB - 1 GB) = 128 MB < 256 MB")
    assert.equal(wiredTigerCacheGiB(4), 1.5);
    assert.equal(wiredTigerCacheGiB(1.25), 0.25);
    // the same rule as quoted for 10 GB (Alibaba Cloud's WiredTiger series): 4.5 GB
    assert.equal(wiredTigerCacheGiB(10), 4.5);
  });

  it('Elastic, "Size your shards": 20 shards per GB of heap, so a node with a 30 GB heap holds at most 600', () => {
    // elastic.co/guide/en/elasticsearch/reference/7.17/size-your-shards.html; the 1,000 cap is cluster.max_shards_per_node
    assert.equal(maxShardsPerNode(30, ELASTIC_SHARDS_PER_HEAP_GB), 600);
    assert.equal(maxShardsPerNode(64, ELASTIC_SHARDS_PER_HEAP_GB), 1000);
    // AWS's OpenSearch rule (Well-Architected lens): 25 per GiB of heap, ≤ 1,000 per node; the heap is capped at 32 GiB
    assert.equal(maxShardsPerNode(heapGiB(16)), 200);
    assert.equal(maxShardsPerNode(heapGiB(384)), 800);
  });

  it('AWS DynamoDB partition guidelines: 1,000 RCU and 500 WCU → (1,000 / 3,000) + (500 / 1,000) = 0.83 → 1 partition', () => {
    // DynamoDB developer guide, "Guidelines for working with tables" (partition count by capacity and by size, 10 GB each)
    assert.equal(partitions(1e9, 1000, 500), 1);
    // by size: 25 GB → ⌈25 / 10⌉ = 3
    assert.equal(partitions(25e9, 100, 100), 3);
  });

  it('ScyllaDB, "Maximizing Scylla Performance" (benchmark tips): 400K queries/s on one node need 32 physical cores; 128 GB RAM holds ≤ 3.8 TB', () => {
    // github.com/scylladb/scylladb docs/operating-scylla/procedures/tips/benchmark-tips.rst (commit 15c2e8e, read 2026-12-03):
    // "If a single node should process 400K queries per second, at least 32 physical CPUs or 64 hyper-threaded cores are
    // required"; "for a system with 128 GB of memory, the recommended upper bound on the storage capacity is 3.8 TB"
    assert.equal(400_000 / SCYLLADB.opsPerPhysicalCore, 32);
    assert.equal(128 * SCYLLADB.diskToRamRatio, 3840);
    // the engine: 400K replica ops/s (RF 1, writes only) on i4i.8xlarge (32 vCPU = 16 physical cores, 200,000 ops/s) → 2 nodes:
    // the 32 physical cores the guide asks for, split over two nodes of the largest size in the ladder
    const e = sizeScyllaDb({ ...LOAD, writesPerSecondPeak: 400_000, readsPerSecondPeak: 0, replicationFactor: 1 }, prices);
    assert.equal(role(e, 'data').count, 2);
    assert.equal(role(e, 'data').instance, 'i4i.8xlarge');
    assert.match(e.notes.join(' '), /12,500 ops\/s per physical core × 16 cores = 200,000 per node/);
    // "the recommended minimum number of CPU cores per node for operational workloads is 20": the ladder's floor
    assert.equal(SCYLLADB.recommendedVcpu, 20);
  });

  it('Netflix 2011 (288 × 4-vCPU nodes, RF 3, 1.1 M client writes/s): 2,900 replica writes per vCPU gives the same cluster', () => {
    // netflixtechblog.com "Benchmarking Cassandra scalability on AWS — over a million writes per second": 3.3 M replica writes/s
    const netflix = { ...LOAD, writesPerSecondPeak: 1_100_000, readsPerSecondPeak: 0, replicationFactor: 3 };
    const { ops } = replicaOps(netflix);
    assert.equal(ops, 3_300_000);
    const perNode = 2900 * 4;
    const nodes = Math.ceil(ops / perNode);
    assert.ok(Math.abs(nodes - 288) / 288 < 0.02, `${nodes} nodes vs Netflix's 288`);
    // the engine on 4-vCPU i4i.xlarge nodes (throughput-bound here) lands on the same count
    const e = sizeCassandra({ ...netflix, storedBytes: 1e12 }, prices);
    const data = e.roles.find((r) => r.role === 'data')!;
    assert.equal(data.count * instanceVcpu(data.instance!) >= ops / 2900, true);
  });
});

function instanceVcpu(id: string): number {
  return ({ 'i4i.xlarge': 4, 'i4i.2xlarge': 8, 'i4i.4xlarge': 16, 'i4i.8xlarge': 32 } as Record<string, number>)[id]!;
}
