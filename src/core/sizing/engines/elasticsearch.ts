// Elasticsearch / OpenSearch (AWS OpenSearch Service instance types): data nodes from storage (E4) and shard
// limits (E1, E8) and search capacity (E5, E6); coordinating-only nodes from the query rate; 3 dedicated masters.
import { GIB } from '../../model/units';
import { ELASTICSEARCH } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, storageCost, type EngineSizing } from './common';
import { ENGINE_TEXT, type EngineLang } from './engine-text';

/** Search thread pool size of a node: int(cores × 3 / 2) + 1 (E5). */
export function searchPool(vcpu: number): number {
  return Math.floor(vcpu * ELASTICSEARCH.searchPoolPerCore) + 1;
}

export function sizeElasticsearch(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en'): EngineSizing {
  const f = ELASTICSEARCH;
  const t = ENGINE_TEXT[lang];
  const data = instance(f.dataInstance);
  const coord = instance(f.coordinatingInstance);
  const replicas = load.replicationFactor - 1;
  const storage = load.storedBytes * (replicas + 1) * f.storageOverhead;
  const perNode = data.memoryGiB * GIB * f.diskToRamRatio;
  const byStorage = ceil(storage / perNode) + f.spareNodes;
  const primaries = Math.max(1, ceil(load.storedBytes / (f.shardGb * GIB)));
  const totalShards = primaries * (replicas + 1);
  const heapGiB = data.memoryGiB * f.heapFractionOfRam;
  const shardsPerNode = Math.min(f.shardsPerHeapGb * heapGiB, f.maxShardsPerNode);
  const byShards = ceil(totalShards / shardsPerNode);
  const pool = searchPool(data.vcpu);
  const busyThreads = (load.readsPerSecondPeak * load.queryLatencyMs) / 1000;
  const bySearch = ceil(busyThreads / pool);
  // A replica must live on another node than its primary.
  const dataNodes = Math.max(replicas + 1, byStorage, byShards, bySearch);
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
      role: 'query', name: t.searchCapacity, count: bySearch, instance: f.dataInstance, dedicated: false,
      why: t.searchWhy(num(busyThreads), pool, f.dataInstance, bySearch),
      grows: t.queryRateGrows,
    },
    {
      role: 'data', name: t.dataNodes, count: dataNodes, instance: f.dataInstance, dedicated: true,
      why: t.esDataWhy(replicas + 1, gib(storage), data.memoryGiB, f.diskToRamRatio, f.spareNodes, byStorage, totalShards, num(shardsPerNode), byShards, bySearch, dataNodes),
      grows: t.esDataGrows,
    },
    {
      role: 'coordination', name: t.masters, count: f.dedicatedMasters, instance: f.masterInstance, dedicated: true,
      why: t.mastersWhy(f.dedicatedMasters), grows: t.mastersGrows,
    },
  ];
  return finish({
    engine: 'elasticsearch', title: t.esTitle, roles, storedBytes: storage,
    costLines: [
      nodeCost(prices, f.dataInstance, dataNodes, t.dataNodes, t),
      ...(coordinators ? [nodeCost(prices, f.coordinatingInstance, coordinators, t.coordinatingOnly, t)] : []),
      nodeCost(prices, f.masterInstance, f.dedicatedMasters, t.mastersCost, t),
      storageCost(prices, storage, t.esEbs, t),
    ],
    notes: [
      t.esStorageNote(gib(load.storedBytes), replicas, f.storageOverhead, gib(storage)),
      t.esShardsNote(gib(load.storedBytes), f.shardGb, primaries, totalShards, num(shardsPerNode), num(heapGiB)),
      t.esNoIndexRate,
    ],
    warnings: [],
  });
}
