// Redis as a cache tier (ElastiCache): the keyspace is the hot set (working-set share of what the store keeps) plus,
// whole, what the call sites that cache with a TTL write. Memory = keys × (per-key overhead + value rounded up to
// jemalloc's size class) / usable fraction; shards from memory and from single-threaded throughput, each shard with
// one replica by default; a size whose layout passes ElastiCache's 500 nodes per cluster is out, and of the rest the
// fewest nodes within the preference margin of the cheapest wins (scale up, then out). When even the largest node needs
// more than 500, the sizing says the cache does not fit one cluster (an error), not how to spread it. The eviction policy the keyspace needs is stated: keys without a TTL need allkeys-lru.
import { GIB } from '../../model/units';
import { REDIS } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import { INSTANCE_LADDERS, type PriceCatalog } from '../prices';
import {
  ceil,
  chooseLayout,
  preferenceNote,
  largestStepUsd,
  nextStepUsd,
  decidingConstraint,
  finish,
  gib,
  instance,
  ladderFrom,
  ladderSummary,
  nodeCost,
  nodeMonthUsd,
  num,
  type EngineSizing,
  type LayoutOption,
  type SizingHints,
} from './common';
import { constraintName, engineText } from './engine-text';
import type { Lang } from '../../l10n';

/**
 * The allocation jemalloc makes for a request of `bytes`: 8, then 16-byte steps to 128, then four size classes per
 * doubling (e.g. 4,096, 5,120, 6,144, 7,168, 8,192) — jemalloc(3) manual, "Size classes".
 */
export function jemallocSizeClass(bytes: number): number {
  const n = Math.max(1, Math.ceil(bytes));
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const group = 2 ** Math.floor(Math.log2(n - 1));
  const spacing = group / 4;
  return Math.ceil(n / spacing) * spacing;
}

export function sizeRedis(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = REDIS;
  const untilTtlRecords = Math.max(0, load.storedRecords - load.ttlRecords);
  const hotRecords = load.ttlRecords + untilTtlRecords * load.workingSetFraction;
  const hotBytes = load.ttlBytes + Math.max(0, load.storedBytes - load.ttlBytes) * load.workingSetFraction;
  const valueBytes = hotRecords > 0 ? hotBytes / hotRecords : load.recordBytes;
  const allocated = jemallocSizeClass(valueBytes);
  const perCopy = hotRecords * (f.perKeyOverheadBytes + allocated);
  const opsPeak = load.readsPerSecondPeak + load.writesPerSecondPeak;
  const copies = 1 + f.defaultReplicas;
  const options: Array<LayoutOption<{ shards: number }>> = ladderFrom(INSTANCE_LADDERS.redis, hints.atLeast).map((id) => {
    const node = instance(id);
    const needs = { replicas: 1, memory: ceil(perCopy / (node.memoryGiB * GIB * f.usableMemoryFraction)), ops: ceil(opsPeak / f.opsPerShard) };
    const shards = Math.max(needs.replicas, needs.memory, needs.ops);
    const nodes = shards * copies;
    return {
      instance: id,
      nodes,
      monthlyUsd: nodes * nodeMonthUsd(prices, id),
      needs,
      decidedBy: decidingConstraint(needs),
      // A cluster holds at most 500 nodes (ElastiCache quotas, 90 by default): a hard limit, so such a size is out.
      ...(nodes > f.maxNodesPerCluster ? { breaks: 'nodesPerCluster' } : {}),
      extra: { shards },
    };
  });
  // One step = one more shard: a primary and its replicas.
  const step = (o: LayoutOption<{ shards: number }>) => copies * nodeMonthUsd(prices, o.instance);
  const choice = chooseLayout(options);
  const chosen = choice.chosen;
  const node = instance(chosen.instance);
  const { shards } = chosen.extra;
  const nodes = chosen.nodes;
  const warnings: string[] = [];
  const errors: string[] = [];
  if (!choice.fits) errors.push(engineText(lang, 'redisDoesNotFit', { nodes: num(nodes), inst: chosen.instance, max: f.maxNodesPerCluster }));
  else if (nodes > f.defaultNodesPerCluster)
    warnings.push(engineText(lang, 'redisQuota', { nodes: num(nodes), def: f.defaultNodesPerCluster, max: f.maxNodesPerCluster }));
  if (load.maxRecordBytes > f.maxValueBytes) errors.push(engineText(lang, 'redisValueTooBig', { bytes: num(load.maxRecordBytes) }));
  const preferred = preferenceNote(choice, lang);
  const noTtlKeys = untilTtlRecords > 0;
  return finish({
    engine: 'redis',
    title: engineText(lang, 'redisTitle'),
    ladderStepUsd: largestStepUsd(options, step),
    nextStepUsd: nextStepUsd(options, choice, step),
    roles: [
      {
        role: 'client-session',
        name: engineText(lang, 'proxies'),
        count: 0,
        instance: null,
        dedicated: false,
        why: engineText(lang, 'proxiesWhy'),
        grows: engineText(lang, 'proxiesGrows'),
      },
      {
        role: 'query',
        name: engineText(lang, 'readReplicas'),
        count: shards * (copies - 1),
        instance: chosen.instance,
        dedicated: false,
        why: engineText(lang, 'readReplicasWhy', { n: copies - 1 }),
        grows: engineText(lang, 'readRate'),
      },
      {
        role: 'data',
        name: engineText(lang, 'shardNodes'),
        count: nodes,
        instance: chosen.instance,
        dedicated: true,
        why: `${engineText(lang, 'redisShardsWhy', { perCopy: gib(perCopy), ram: node.memoryGiB, usable: f.usableMemoryFraction, byMemory: chosen.needs.memory!, ops: num(opsPeak), perShard: num(f.opsPerShard), byOps: chosen.needs.ops!, shards, copies })}; ${engineText(lang, 'decided', { by: constraintName(lang, chosen.decidedBy) })}`,
        grows: engineText(lang, 'redisShardsGrows'),
      },
    ],
    storedBytes: perCopy * copies,
    costLines: [nodeCost(prices, chosen.instance, nodes, engineText(lang, 'cacheNodes'), lang)],
    notes: [
      ladderSummary(options, chosen, lang),
      ...(preferred ? [preferred] : []),
      engineText(lang, 'redisHotSet', { ttl: num(load.ttlRecords), noTtl: num(untilTtlRecords), ws: load.workingSetFraction, hot: num(hotRecords) }),
      engineText(lang, 'redisMemoryNote', {
        keys: num(hotRecords),
        overhead: f.perKeyOverheadBytes,
        value: num(valueBytes),
        allocated: num(allocated),
        perCopy: gib(perCopy),
      }),
      noTtlKeys ? engineText(lang, 'redisEvictionLru') : engineText(lang, 'redisEvictionTtl'),
    ],
    warnings,
    errors,
    reservable: { prices, lang, nodes: [{ id: chosen.instance, count: nodes }] },
  });
}
