// Golden tests per engine: worked examples computed by hand from the published formulas (the arithmetic is in
// each comment), plus DynamoDB's own documentation examples for capacity units.
import assert from 'node:assert/strict';
import { sizeCassandra, sizeScyllaDb } from '../../../src/core/sizing/engines/cassandra';
import { partitions, provisionedRcu, provisionedWcu, readUnitsPerRead, sizeDynamoDb, writeUnitsPerWrite } from '../../../src/core/sizing/engines/dynamodb';
import { searchPool, sizeElasticsearch } from '../../../src/core/sizing/engines/elasticsearch';
import { sizeMongoDb } from '../../../src/core/sizing/engines/mongodb';
import { sizeRedis } from '../../../src/core/sizing/engines/redis';
import type { EngineSizing } from '../../../src/core/sizing/engines/common';
import type { DataLoad } from '../../../src/core/sizing/llm-workload';
import { DEFAULT_PRICES } from '../../../src/core/sizing/prices';

/**
 * The worked workload: 10 writes/s average (40 peak), 30 reads/s (120 peak), 5,000-byte records kept 90 days:
 * 10 × 86,400 × 90 = 77,760,000 records × 5,000 B = 388,800,000,000 B (362.10 GiB) per copy; RF 3; 500 sessions.
 */
const LOAD: DataLoad = {
  writesPerSecondAvg: 10, writesPerSecondPeak: 40, readsPerSecondAvg: 30, readsPerSecondPeak: 120,
  recordBytes: 5000, maxRecordBytes: 5000, storedRecords: 77_760_000, storedBytes: 388_800_000_000,
  concurrentSessions: 500, replicationFactor: 3, workingSetFraction: 0.2, queryLatencyMs: 20, trafficFactor: 1, elapsedDays: null,
};
const prices = DEFAULT_PRICES;
const role = (e: EngineSizing, r: string) => e.roles.find((x) => x.role === r)!;
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 0.01, `${what}: ${actual} ≠ ${expected}`);

describe('engine sizing: golden examples', () => {
  it('MongoDB: shards from the working set over the WiredTiger cache, 3-member sets, mongos and config servers', () => {
    // data per copy = 388.8e9 × 1.1 (index overhead) = 427.68e9 B = 398.31 GiB
    // WiredTiger cache on r6i.xlarge (32 GiB) = max(0.5 × (32 − 1), 0.25) = 15.5 GiB            (M1)
    // working set = 427.68e9 × 0.2 = 85.536e9 B = 79.66 GiB → ⌈79.66 / 15.5⌉ = ⌈5.14⌉ = 6 shards
    // disk: ⌈398.31 / 1,000⌉ = 1 → shards = 6; members = max(3, RF 3) = 3 → 18 data nodes
    // mongos = max(2, ⌈500 / 3,000⌉) = 2 (M3); config servers 3
    // cost = 18 × 0.252 × 730 (3,311.28) + 2 × 0.192 × 730 (280.32) + 3 × 0.192 × 730 (420.48)
    //      + EBS (427.68e9 / 6 per member × 18 = 1,283.04e9 B = 1,194.93 GiB) × 0.08 (95.59) = 4,107.67
    const e = sizeMongoDb(LOAD, prices);
    assert.equal(role(e, 'data').count, 18);
    assert.equal(role(e, 'client-session').count, 2);
    assert.equal(role(e, 'coordination').count, 3);
    assert.equal(e.totalNodes, 23);
    close(e.monthlyUsd, 3311.28 + 280.32 + 420.48 + (1_283_040_000_000 / 1024 ** 3) * 0.08, 'MongoDB $/month');
    assert.match(role(e, 'data').why, /⌈working set 79\.66 GiB \/ WiredTiger cache 15\.5 GiB⌉ = 6/);
  });

  it('MongoDB: a working set inside one cache is a plain replica set (no mongos, no config servers)', () => {
    // 1/10 of the data: working set 7.97 GiB < 15.5 GiB → 1 shard → 3 members, nothing else
    const e = sizeMongoDb({ ...LOAD, storedBytes: LOAD.storedBytes / 10, storedRecords: LOAD.storedRecords / 10 }, prices);
    assert.equal(e.totalNodes, 3);
    assert.equal(role(e, 'client-session').count, 0);
    close(e.monthlyUsd, 3 * 0.252 * 730 + ((38_880_000_000 * 1.1 * 3) / 1024 ** 3) * 0.08, 'replica set $/month');
  });

  it('Cassandra: max(RF, disk, throughput) nodes on i4i.2xlarge', () => {
    // on disk = 388.8e9 × 3 = 1,166.4e9 B; usable = 1,875e9 × 0.9 × 0.5 = 843.75e9 B (C1) → ⌈1.38⌉ = 2
    // replica ops = 40 × 3 + 120 × QUORUM 2 = 360; per node 2,900 × 8 vCPU = 23,200 (C3) → 1
    // nodes = max(3, 2, 1) = 3; cost = 3 × 0.686 × 730 = 1,502.34
    const e = sizeCassandra(LOAD, prices);
    assert.equal(role(e, 'data').count, 3);
    close(e.monthlyUsd, 1502.34, 'Cassandra $/month');
    assert.ok(e.warnings.some((w) => /16 cores/.test(w)), 'flags the DataStax core minimum');
  });

  it('Cassandra vs ScyllaDB at 40,000 peak writes/s: the same math, different per-node throughput', () => {
    // replica ops = 40,000 × 3 = 120,000
    // Cassandra: ⌈120,000 / 23,200⌉ = ⌈5.17⌉ = 6 nodes; ScyllaDB: 12,500 × 4 physical cores = 50,000 → ⌈2.4⌉ = 3 (S1)
    const hot = { ...LOAD, writesPerSecondPeak: 40_000, readsPerSecondPeak: 0 };
    assert.equal(role(sizeCassandra(hot, prices), 'data').count, 6);
    assert.equal(role(sizeScyllaDb(hot, prices), 'data').count, 3);
  });

  it('ScyllaDB: disk at 50% use', () => {
    // usable = 1,875e9 × 0.5 = 937.5e9; 10× the data: 11,664e9 on disk → ⌈12.44⌉ = 13 nodes (S2)
    const big = { ...LOAD, storedBytes: LOAD.storedBytes * 10 };
    assert.equal(role(sizeScyllaDb(big, prices), 'data').count, 13);
    // Cassandra's usable 843.75e9 → ⌈13.82⌉ = 14
    assert.equal(role(sizeCassandra(big, prices), 'data').count, 14);
  });

  it('Elasticsearch/OpenSearch: data nodes from storage + spare, shards, search pools; 3 masters', () => {
    // storage = 388.8e9 × (2 replicas + 1) × 1.25 = 1,458e9 B = 1,357.85 GiB (E4)
    // per data node r6g.large.search: 16 GiB × 30 = 480 GiB → ⌈2.83⌉ + 1 spare = 4
    // primaries = ⌈362.10 / 30⌉ = 13, × 3 = 39 shards ≤ min(20 × 8 GiB heap, 1,000) = 160 per node → 1
    // search pool = ⌊2 × 1.5⌋ + 1 = 4 (E5); busy threads = 120 × 20 / 1000 = 2.4 → 1 node (E6)
    // coordinating-only: 1 < 2 → data nodes coordinate (0)
    // cost = 4 × 0.167 × 730 (487.64) + 3 × 0.128 × 730 (280.32) + 1,357.85 GiB × 0.08 (108.63) = 876.59
    assert.equal(searchPool(2), 4);
    assert.equal(searchPool(8), 13);
    const e = sizeElasticsearch(LOAD, prices);
    assert.equal(role(e, 'data').count, 4);
    assert.equal(role(e, 'client-session').count, 0);
    assert.equal(role(e, 'coordination').count, 3);
    close(e.monthlyUsd, 487.64 + 280.32 + (1_458_000_000_000 / 1024 ** 3) * 0.08, 'ES $/month');
  });

  it('Elasticsearch: coordinating-only nodes appear from the query rate', () => {
    // 1,000 peak queries/s × 20 ms = 20 busy threads; / pool 4 → 5 coordinating-only nodes; 5 data nodes for search
    const e = sizeElasticsearch({ ...LOAD, readsPerSecondPeak: 1000 }, prices);
    assert.equal(role(e, 'client-session').count, 5);
    assert.equal(role(e, 'client-session').dedicated, true);
    assert.equal(role(e, 'data').count, 5);
  });

  it('DynamoDB: request units, on-demand vs provisioned, storage beyond 25 GB, partitions', () => {
    // item 5,000 B: ⌈5,000 / 4,096⌉ = 2 × 0.5 = 1 RRU per eventual read; ⌈5,000 / 1,024⌉ = 5 WRU per write (D1)
    // on-demand = 2,628,000 × (30 × 1 × 0.125 + 10 × 5 × 0.625) / 1e6 = 9.855 + 82.125 = 91.98 (D5)
    // provisioned = ⌈120 × 1 / 0.7⌉ = 172 RCU × 0.00013 × 730 (16.32) + ⌈40 × 5 / 0.7⌉ = 286 WCU × 0.00065 × 730 (135.71) = 152.03
    // → on-demand; storage = 388.8e9 + 77.76e6 × 100 B = 396.576e9 B = 369.34 GiB; (369.34 − 25) × 0.25 = 86.08
    // partitions = max(⌈396.576 / 10⌉ = 40, ⌈172 / 3,000 + 286 / 1,000⌉ = 1) = 40 (D4)
    const e = sizeDynamoDb(LOAD, prices);
    const storageGiB = 396_576_000_000 / 1024 ** 3;
    close(e.monthlyUsd, 91.98 + (storageGiB - 25) * 0.25, 'DynamoDB $/month');
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

  it('Redis: memory with per-key overhead over 75% usable node memory, shards × copies', () => {
    // memory per copy = 77.76e6 keys × (85 + 5,000) B = 395.4096e9 B = 368.25 GiB (R2)
    // usable per cache.r6g.large = 13.07 × 0.75 = 9.8025 GiB (R4) → ⌈37.57⌉ = 38 shards; ops 160/s → 1
    // nodes = 38 × 3 copies = 114; cost = 114 × 0.206 × 730 = 17,143.32
    const e = sizeRedis(LOAD, prices);
    assert.equal(role(e, 'data').count, 114);
    close(e.monthlyUsd, 114 * 0.206 * 730, 'Redis $/month');
  });

  it('price overrides change the cost and nothing else', () => {
    const cheap = { ...prices, instanceUsdPerHour: { ...prices.instanceUsdPerHour, 'i4i.2xlarge': 0.5 } };
    const e = sizeCassandra(LOAD, cheap);
    assert.equal(role(e, 'data').count, 3);
    close(e.monthlyUsd, 3 * 0.5 * 730, 'overridden $/month');
  });
});
