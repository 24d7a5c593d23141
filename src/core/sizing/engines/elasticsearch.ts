// Elasticsearch / OpenSearch (AWS OpenSearch Service instance types): for each size of the ladder, data nodes =
// max(copies, storage (E4), shards per node (E1, E2), search threads (E5, E6)); the cheapest size wins. Coordinating-
// only nodes from the query rate; 3 dedicated masters. Storage at OpenSearch Service's own gp3 rate.
import { GIB } from '../../model/units';
import { ELASTICSEARCH } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import { INSTANCE_LADDERS, type PriceCatalog } from '../prices';
import { ceil, cheapestLayout, largestStepUsd, decidingConstraint, finish, gib, instance, ladderFrom, ladderSummary, nodeCost, nodeMonthUsd, num, storageCostAt, type EngineSizing, type LayoutOption, type SizingHints } from './common';
import { ENGINE_TEXT, type EngineLang } from './engine-text';

/** Search thread pool size of a node: int(cores × 3 / 2) + 1 (E5). */
export function searchPool(vcpu: number): number {
  return Math.floor(vcpu * ELASTICSEARCH.searchPoolPerCore) + 1;
}

/** Shards a data node may hold: ≤ 20 per GB of heap (E1), never above cluster.max_shards_per_node's 1,000 (E2). */
export function maxShardsPerNode(heapGiB: number): number {
  return Math.min(ELASTICSEARCH.shardsPerHeapGb * heapGiB, ELASTICSEARCH.maxShardsPerNode);
}

interface EsExtra { byStorage: number; shardsPerNode: number; heapGiB: number; pool: number }

export function sizeElasticsearch(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = ELASTICSEARCH;
  const t = ENGINE_TEXT[lang];
  const coord = instance(f.coordinatingInstance);
  const replicas = load.replicationFactor - 1;
  const storage = load.storedBytes * (replicas + 1) * f.storageOverhead;
  const primaries = Math.max(1, ceil(load.storedBytes / (f.shardGb * GIB)));
  const totalShards = primaries * (replicas + 1);
  const busyThreads = (load.readsPerSecondPeak * load.queryLatencyMs) / 1000;
  const mastersMonth = f.dedicatedMasters * nodeMonthUsd(prices, f.masterInstance);
  const options: Array<LayoutOption<EsExtra>> = ladderFrom(INSTANCE_LADDERS.elasticsearch, hints.atLeast).map((id) => {
    const data = instance(id);
    const heapGiB = data.memoryGiB * f.heapFractionOfRam;
    const shardsPerNode = maxShardsPerNode(heapGiB);
    const pool = searchPool(data.vcpu);
    const byStorage = ceil(storage / (data.memoryGiB * GIB * f.diskToRamRatio)) + f.spareNodes;
    // A replica must live on another node than its primary.
    const needs = { replicas: replicas + 1, storage: byStorage, shards: ceil(totalShards / shardsPerNode), search: ceil(busyThreads / pool) };
    const nodes = Math.max(needs.replicas, needs.storage, needs.shards, needs.search);
    return { instance: id, nodes, monthlyUsd: nodes * nodeMonthUsd(prices, id) + mastersMonth, needs, decidedBy: decidingConstraint(needs), extra: { byStorage, shardsPerNode, heapGiB, pool } };
  });
  const step = (o: LayoutOption<EsExtra>) => nodeMonthUsd(prices, o.instance);
  const chosen = cheapestLayout(options, step);
  const data = instance(chosen.instance);
  const { shardsPerNode, heapGiB, pool } = chosen.extra;
  const dataNodes = chosen.nodes;
  const bySearch = chosen.needs.search!;
  const coordPool = searchPool(coord.vcpu);
  const coordNeeded = ceil(busyThreads / coordPool);
  const coordinators = coordNeeded >= 2 ? coordNeeded : 0;

  const roles: EngineSizing['roles'] = [
    {
      role: 'client-session', name: t.coordinatingOnly, count: coordinators, instance: coordinators ? f.coordinatingInstance : null, dedicated: coordinators > 0,
      why: t.coordinatingWhy(num(load.readsPerSecondPeak), num(load.queryLatencyMs), coordPool, coord.vcpu, coordNeeded, !coordinators),
      grows: t.queryRateGrows,
    },
    {
      role: 'query', name: t.searchCapacity, count: bySearch, instance: chosen.instance, dedicated: false,
      why: t.searchWhy(num(busyThreads), pool, chosen.instance, bySearch),
      grows: t.queryRateGrows,
    },
    {
      role: 'data', name: t.dataNodes, count: dataNodes, instance: chosen.instance, dedicated: true,
      why: `${t.esDataWhy(replicas + 1, gib(storage), data.memoryGiB, f.diskToRamRatio, f.spareNodes, chosen.needs.storage!, totalShards, num(shardsPerNode), chosen.needs.shards!, bySearch, dataNodes)}; ${t.decided(t.constraintNames[chosen.decidedBy] ?? chosen.decidedBy)}`,
      grows: t.esDataGrows,
    },
    {
      role: 'coordination', name: t.masters, count: f.dedicatedMasters, instance: f.masterInstance, dedicated: true,
      why: t.mastersWhy(f.dedicatedMasters), grows: t.mastersGrows,
    },
  ];
  return finish({
    engine: 'elasticsearch', title: t.esTitle, roles, storedBytes: storage, ladderStepUsd: largestStepUsd(options, step),
    costLines: [
      nodeCost(prices, chosen.instance, dataNodes, t.dataNodes, t),
      ...(coordinators ? [nodeCost(prices, f.coordinatingInstance, coordinators, t.coordinatingOnly, t)] : []),
      nodeCost(prices, f.masterInstance, f.dedicatedMasters, t.mastersCost, t),
      storageCostAt(storage, prices.openSearchStorageUsdPerGbMonth, t.esEbs, t),
    ],
    notes: [
      ladderSummary(options, chosen, t),
      t.esStorageNote(gib(load.storedBytes), replicas, f.storageOverhead, gib(storage)),
      t.esShardsNote(gib(load.storedBytes), f.shardGb, primaries, totalShards, num(shardsPerNode), num(heapGiB)),
      t.esNoIndexRate,
    ],
    warnings: [],
  });
}
