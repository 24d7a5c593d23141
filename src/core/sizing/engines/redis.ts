// Redis as a cache tier (ElastiCache): memory = keys × (per-key overhead + value) / usable fraction, shards from
// memory and from single-threaded throughput, each shard with RF − 1 replicas.
import { GIB } from '../../model/units';
import { REDIS } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, type EngineSizing } from './common';

export function sizeRedis(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = REDIS;
  const node = instance(f.instance);
  const perCopy = load.storedRecords * (f.perKeyOverheadBytes + load.recordBytes);
  const usable = node.memoryGiB * GIB * f.usableMemoryFraction;
  const byMemory = ceil(perCopy / usable);
  const opsPeak = load.readsPerSecondPeak + load.writesPerSecondPeak;
  const byOps = ceil(opsPeak / f.opsPerShard);
  const shards = Math.max(1, byMemory, byOps);
  const copies = load.replicationFactor;
  const nodes = shards * copies;
  return finish({
    engine: 'redis', title: 'Redis as a cache tier (Amazon ElastiCache)',
    roles: [
      { role: 'client-session', name: 'proxies', count: 0, instance: null, dedicated: false, why: 'cluster-aware clients route by hash slot; no proxy tier', grows: 'client connections per shard' },
      { role: 'query', name: 'read replicas', count: shards * (copies - 1), instance: f.instance, dedicated: false, why: `${copies - 1} replicas per shard also serve reads (counted with the data nodes)`, grows: 'read rate' },
      {
        role: 'data', name: 'shard nodes (primary + replicas)', count: nodes, instance: f.instance, dedicated: true,
        why: `shards = max(1, ⌈${gib(perCopy)} / (${node.memoryGiB} GiB × ${f.usableMemoryFraction})⌉ = ${byMemory}, ⌈${num(opsPeak)} ops/s / ${num(f.opsPerShard)} per shard⌉ = ${byOps}) = ${shards}; × ${copies} copies`,
        grows: 'keys held (write rate × TTL or retention) and peak operations',
      },
    ],
    storedBytes: perCopy * copies,
    costLines: [nodeCost(prices, f.instance, nodes, 'cache nodes')],
    notes: [
      `memory per copy = ${num(load.storedRecords)} keys × (${f.perKeyOverheadBytes} B per key (R2) + ${num(load.recordBytes)} B value) = ${gib(perCopy)}; ElastiCache keeps 25% reserved (R4)`,
      'As the only store, Redis holds everything in memory: it is the cache in front of a database, not the system of record, unless a TTL bounds the data.',
    ],
    warnings: [],
  });
}
