// Redis as a cache tier (ElastiCache): memory = keys × (per-key overhead + value) / usable fraction, shards from
// memory and from single-threaded throughput, each shard with RF − 1 replicas.
import { GIB } from '../../model/units';
import { REDIS } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, type EngineSizing } from './common';
import { ENGINE_TEXT, type EngineLang } from './engine-text';

export function sizeRedis(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en'): EngineSizing {
  const f = REDIS;
  const t = ENGINE_TEXT[lang];
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
    engine: 'redis', title: t.redisTitle,
    roles: [
      { role: 'client-session', name: t.proxies, count: 0, instance: null, dedicated: false, why: t.proxiesWhy, grows: t.proxiesGrows },
      { role: 'query', name: t.readReplicas, count: shards * (copies - 1), instance: f.instance, dedicated: false, why: t.readReplicasWhy(copies - 1), grows: t.readRate },
      {
        role: 'data', name: t.shardNodes, count: nodes, instance: f.instance, dedicated: true,
        why: t.redisShardsWhy(gib(perCopy), node.memoryGiB, f.usableMemoryFraction, byMemory, num(opsPeak), num(f.opsPerShard), byOps, shards, copies),
        grows: t.redisShardsGrows,
      },
    ],
    storedBytes: perCopy * copies,
    costLines: [nodeCost(prices, f.instance, nodes, t.cacheNodes, t)],
    notes: [
      t.redisMemoryNote(num(load.storedRecords), f.perKeyOverheadBytes, num(load.recordBytes), gib(perCopy)),
      t.redisOnlyStore,
    ],
    warnings: [],
  });
}
