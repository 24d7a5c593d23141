// Elasticsearch / OpenSearch (AWS OpenSearch Service instance types): data nodes from storage (E4) and shard
// limits (E1, E8) and search capacity (E5, E6); coordinating-only nodes from the query rate; 3 dedicated masters.
import { GIB } from '../../model/units';
import { ELASTICSEARCH } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, storageCost, type EngineSizing } from './common';

/** Search thread pool size of a node: int(cores × 3 / 2) + 1 (E5). */
export function searchPool(vcpu: number): number {
  return Math.floor(vcpu * ELASTICSEARCH.searchPoolPerCore) + 1;
}

export function sizeElasticsearch(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = ELASTICSEARCH;
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
      role: 'client-session', name: 'coordinating-only nodes', count: coordinators, instance: coordinators ? f.coordinatingInstance : null, dedicated: coordinators > 0,
      why: `⌈peak ${num(load.readsPerSecondPeak)} queries/s × ${num(load.queryLatencyMs)} ms / 1000 / search pool ${coordPool} (${coord.vcpu} vCPU)⌉ = ${coordNeeded}${coordinators ? '' : '; below 2 the data nodes coordinate'} (E5, E6)`,
      grows: 'peak query rate × query latency',
    },
    {
      role: 'query', name: 'search capacity on data nodes', count: bySearch, instance: f.dataInstance, dedicated: false,
      why: `⌈${num(busyThreads)} busy search threads / pool ${pool} per ${f.dataInstance}⌉ = ${bySearch} nodes' worth, served by the data nodes (E6)`,
      grows: 'peak query rate × query latency',
    },
    {
      role: 'data', name: 'data nodes', count: dataNodes, instance: f.dataInstance, dedicated: true,
      why: `max(${replicas + 1} copies, ⌈${gib(storage)} / (${data.memoryGiB} GiB RAM × ${f.diskToRamRatio} disk:RAM)⌉ + ${f.spareNodes} spare = ${byStorage}, ⌈${totalShards} shards / ${num(shardsPerNode)} per node⌉ = ${byShards}, search ${bySearch}) = ${dataNodes}`,
      grows: 'stored data × (replicas + 1), then query rate',
    },
    {
      role: 'coordination', name: 'dedicated master nodes', count: f.dedicatedMasters, instance: f.masterInstance, dedicated: true,
      why: `${f.dedicatedMasters} dedicated masters keep cluster state stable (quorum of 2)`, grows: 'fixed; a larger instance past ~100 data nodes',
    },
  ];
  return finish({
    engine: 'elasticsearch', title: 'Elasticsearch / OpenSearch (AWS OpenSearch Service instance types)', roles, storedBytes: storage,
    costLines: [
      nodeCost(prices, f.dataInstance, dataNodes, 'data nodes'),
      ...(coordinators ? [nodeCost(prices, f.coordinatingInstance, coordinators, 'coordinating-only nodes')] : []),
      nodeCost(prices, f.masterInstance, f.dedicatedMasters, 'dedicated masters'),
      storageCost(prices, storage, 'EBS gp3 for data nodes (OpenSearch Service bills its own storage rate, not in the catalog)'),
    ],
    notes: [
      `storage = ${gib(load.storedBytes)} source × (${replicas} replicas + 1) × ${f.storageOverhead} overhead = ${gib(storage)} (E4; AWS's own factor is ≈ 1.45, E7)`,
      `primary shards = ⌈${gib(load.storedBytes)} / ${f.shardGb} GiB⌉ = ${primaries} (E8), ${totalShards} with replicas; ≤ ${num(shardsPerNode)} per node = min(20 × ${num(heapGiB)} GiB heap, 1,000) (E1, E2)`,
      'No vendor docs/s-per-node figure for indexing (SIZING-FACTS "not found"): benchmark the write rate.',
    ],
    warnings: [],
  });
}
