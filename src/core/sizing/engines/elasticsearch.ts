// Elasticsearch / OpenSearch (AWS OpenSearch Service instance types): for each size of the r6g ladder, data nodes =
// max(copies, storage (E4; per node min(RAM × disk:RAM, the largest gp3 volume)), shards per node (E8), search threads
// (E5, E6)); each size is priced with the dedicated masters AWS recommends for its node count (3 per domain, larger past
// 10/30/75/125 nodes). A size that needs more than one domain (over 200 instances or 75,000 shards) is out; of the rest the
// fewest nodes within the preference margin of the cheapest wins. When even the largest size needs more than one domain,
// the sizing says so (an error). Coordinating-only nodes from the query rate.
import { GIB } from '../../model/units';
import { ELASTICSEARCH, LAYOUT_PREFERENCE } from '../engine-facts';
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
  storageCostAt,
  type EngineSizing,
  type LayoutOption,
  type SizingHints,
} from './common';
import { constraintName, engineText } from './engine-text';
import type { Lang } from '../../l10n';

/** Search thread pool size of a node: int(cores × 3 / 2) + 1 (E5). */
export function searchPool(vcpu: number): number {
  return Math.floor(vcpu * ELASTICSEARCH.searchPoolPerCore) + 1;
}

/** Heap of a data node: 50% of RAM, at most 32 GiB (OpenSearch Service's Java heap quota). */
export function heapGiB(memoryGiB: number): number {
  return Math.min(memoryGiB * ELASTICSEARCH.heapFractionOfRam, ELASTICSEARCH.heapMaxGiB);
}

/** Shards a data node may hold: ≤ 25 per GiB of heap (AWS, E8; Elastic's 7.x guide said 20, E1), never above 1,000 (E2, E8). */
export function maxShardsPerNode(heap: number, perHeapGb: number = ELASTICSEARCH.shardsPerHeapGb): number {
  return Math.min(perHeapGb * heap, ELASTICSEARCH.maxShardsPerNode);
}

/** Storage a data node holds: its RAM × the hot tier's disk:RAM 30 (E3), at most its largest gp3 volume (OpenSearch quotas). */
export function storagePerNodeGiB(id: string): number {
  const f = ELASTICSEARCH;
  const byRam = instance(id).memoryGiB * f.diskToRamRatio;
  const ebs = f.ebsMaxGp3GiB[id];
  return ebs === undefined ? byRam : Math.min(byRam, ebs);
}

export interface MasterLayout {
  instance: string;
  domains: number;
  monthlyUsd: number;
}

/**
 * Dedicated masters for a count of data nodes and shards: AWS's recommended minimum per tier, 3 per domain; a domain
 * holds at most 200 instances (and a tier at most 75K shards), so past that the data is split over more domains.
 */
export function masterLayout(prices: PriceCatalog, dataNodes: number, shards: number): MasterLayout {
  const f = ELASTICSEARCH;
  const top = f.masterTiers[f.masterTiers.length - 1]!;
  const domains = Math.max(1, ceil(dataNodes / f.maxInstancesPerDomain), ceil(shards / top.maxShards));
  const perDomainNodes = ceil(dataNodes / domains);
  const perDomainShards = ceil(shards / domains);
  const tier = f.masterTiers.find((m) => perDomainNodes <= m.upToDataNodes && perDomainShards <= m.maxShards) ?? top;
  return { instance: tier.instance, domains, monthlyUsd: domains * f.dedicatedMasters * nodeMonthUsd(prices, tier.instance) };
}

/** The most the masters' bill can rise when one data node (or 1% of shards) is added: the largest jump between adjacent tiers. */
function masterTierJumpUsd(prices: PriceCatalog): number {
  const f = ELASTICSEARCH;
  let jump = 0;
  for (let i = 1; i < f.masterTiers.length; i++) {
    jump = Math.max(
      jump,
      f.dedicatedMasters * (nodeMonthUsd(prices, f.masterTiers[i]!.instance) - nodeMonthUsd(prices, f.masterTiers[i - 1]!.instance)),
    );
  }
  return jump;
}

export interface CoordinatorLayout {
  instance: string;
  count: number;
  /** The search threads one node of the size runs, and the nodes the busy threads need (dedicated from 2). */
  pool: number;
  needed: number;
  monthlyUsd: number;
  /** False when no size fits in the instances left in the domain. */
  fits: boolean;
}

/**
 * Coordinating-only nodes for the busy search threads, with `room` instances left in the domain: each size of the
 * coordinating ladder needs max(2, ⌈busy / pool⌉) once the smallest would need 2 (below, the data nodes coordinate); sizes over the room are
 * out; of the rest the fewest nodes within the fewer-nodes margin of the cheapest.
 */
export function coordinatorLayout(prices: PriceCatalog, busyThreads: number, room: number): CoordinatorLayout {
  // Dedicated when the smallest size would need 2 or more; then at least 2 of any size (one can fail).
  const dedicated = ceil(busyThreads / searchPool(instance(ELASTICSEARCH.coordinatingLadder[0]!).vcpu)) >= 2;
  const options: Array<LayoutOption<{ pool: number; needed: number }>> = ELASTICSEARCH.coordinatingLadder.map((id) => {
    const pool = searchPool(instance(id).vcpu);
    const needed = ceil(busyThreads / pool);
    const count = dedicated ? Math.max(2, needed) : 0;
    return {
      instance: id,
      nodes: count,
      monthlyUsd: count * nodeMonthUsd(prices, id),
      needs: { search: count },
      decidedBy: 'search',
      ...(count > room ? { breaks: 'instancesPerDomain' } : {}),
      extra: { pool, needed },
    };
  });
  const choice = chooseLayout(options);
  const c = choice.chosen;
  return { instance: c.instance, count: c.nodes, pool: c.extra.pool, needed: c.extra.needed, monthlyUsd: c.monthlyUsd, fits: choice.fits };
}

interface EsExtra {
  perNodeGiB: number;
  shardsPerNode: number;
  heapGiB: number;
  pool: number;
  masters: MasterLayout;
  coordinators: CoordinatorLayout;
}

export function sizeElasticsearch(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = ELASTICSEARCH;
  const replicas = load.replicationFactor - 1;
  const storage = load.storedBytes * (replicas + 1) * f.storageOverhead;
  const primaries = Math.max(1, ceil(load.storedBytes / (f.shardGb * GIB)));
  const totalShards = primaries * (replicas + 1);
  const busyThreads = (load.readsPerSecondPeak * load.queryLatencyMs) / 1000;
  const storageMonth = (storage / GIB) * prices.openSearchStorageUsdPerGbMonth;
  const topShards = f.masterTiers[f.masterTiers.length - 1]!.maxShards;
  const options: Array<LayoutOption<EsExtra>> = ladderFrom(INSTANCE_LADDERS.elasticsearch, hints.atLeast).map((id) => {
    const data = instance(id);
    const heap = heapGiB(data.memoryGiB);
    const shardsPerNode = maxShardsPerNode(heap);
    const pool = searchPool(data.vcpu);
    const perNodeGiB = storagePerNodeGiB(id);
    // A replica must live on another node than its primary.
    const needs = {
      replicas: replicas + 1,
      storage: ceil(storage / (perNodeGiB * GIB)) + f.spareNodes,
      shards: ceil(totalShards / shardsPerNode),
      search: ceil(busyThreads / pool),
    };
    const nodes = Math.max(needs.replicas, needs.storage, needs.shards, needs.search);
    // Many small nodes need larger masters (and past 200, more domains): the masters are part of each size's price.
    const masters = masterLayout(prices, nodes, totalShards);
    // Coordinating-only nodes are instances of the domain too: they take a larger size when the small ones leave no room.
    const coordinators = coordinatorLayout(prices, busyThreads, Math.max(0, f.maxInstancesPerDomain - nodes));
    // One domain holds at most 200 instances and its masters 75,000 shards (OpenSearch quotas, master tiers): hard limits.
    const breaks =
      !coordinators.fits || nodes > f.maxInstancesPerDomain
        ? 'instancesPerDomain'
        : totalShards > topShards
          ? 'shardsPerDomain'
          : storage > f.maxStoragePerDomainGiB * GIB
            ? 'storagePerDomain'
            : undefined;
    return {
      instance: id,
      nodes,
      monthlyUsd: nodes * nodeMonthUsd(prices, id) + masters.monthlyUsd + coordinators.monthlyUsd + storageMonth,
      needs,
      decidedBy: decidingConstraint(needs),
      ...(breaks ? { breaks } : {}),
      extra: { perNodeGiB, shardsPerNode, heapGiB: heap, pool, masters, coordinators },
    };
  });
  // One step: one more data node of the size, plus the largest jump to the next master tier it may trigger.
  const jump = masterTierJumpUsd(prices);
  // ... and the coordinators' own step: two nodes of the largest coordinating size (0 → 2 when they first appear).
  // The coordinators pick their own size with the fewer-nodes margin, so 1% more queries may also move their bill by that
  // margin of it (a near-tie switch to fewer, larger coordinating nodes).
  const coordStep = 2 * Math.max(...f.coordinatingLadder.map((id) => nodeMonthUsd(prices, id)));
  const step = (o: LayoutOption<EsExtra>) =>
    nodeMonthUsd(prices, o.instance) + jump + coordStep + LAYOUT_PREFERENCE.fewerNodesWithin * 1.01 * o.extra.coordinators.monthlyUsd;
  const choice = chooseLayout(options);
  const chosen = choice.chosen;
  const preferred = preferenceNote(choice, lang);
  const data = instance(chosen.instance);
  const { shardsPerNode, heapGiB: heap, pool, perNodeGiB, masters, coordinators: coordLayout } = chosen.extra;
  const coordinators = coordLayout.count;
  const coord = instance(coordLayout.instance);
  const dataNodes = chosen.nodes;
  const bySearch = chosen.needs.search!;
  const masterCount = f.dedicatedMasters * masters.domains;
  const warnings: string[] = [];
  const errors: string[] = [];
  if (!choice.fits)
    errors.push(
      engineText(lang, 'esDoesNotFit', {
        nodes: num(dataNodes + coordinators),
        inst: chosen.instance,
        shards: num(totalShards),
        max: f.maxInstancesPerDomain,
        maxShards: num(topShards),
      }),
    );
  else if (dataNodes + coordinators > f.defaultInstancesPerDomain)
    warnings.push(
      engineText(lang, 'esQuota', { nodes: num(dataNodes + coordinators), def: f.defaultInstancesPerDomain, max: f.maxInstancesPerDomain }),
    );

  const roles: EngineSizing['roles'] = [
    {
      role: 'client-session',
      name: engineText(lang, 'coordinatingOnly'),
      count: coordinators,
      instance: coordinators ? coordLayout.instance : null,
      dedicated: coordinators > 0,
      why: engineText(lang, 'coordinatingWhy', {
        peak: num(load.readsPerSecondPeak),
        latency: num(load.queryLatencyMs),
        pool: coordLayout.pool,
        vcpu: coord.vcpu,
        n: coordLayout.needed,
        dataCoordinates: !coordinators,
      }),
      grows: engineText(lang, 'queryRateGrows'),
    },
    {
      role: 'query',
      name: engineText(lang, 'searchCapacity'),
      count: bySearch,
      instance: chosen.instance,
      dedicated: false,
      why: engineText(lang, 'searchWhy', { busy: num(busyThreads), pool, inst: chosen.instance, n: bySearch }),
      grows: engineText(lang, 'queryRateGrows'),
    },
    {
      role: 'data',
      name: engineText(lang, 'dataNodes'),
      count: dataNodes,
      instance: chosen.instance,
      dedicated: true,
      why: `${engineText(lang, 'esDataWhy', { copies: replicas + 1, storage: gib(storage), perNode: gib(perNodeGiB * GIB), spare: f.spareNodes, byStorage: chosen.needs.storage!, shards: totalShards, shardsPerNode: num(shardsPerNode), byShards: chosen.needs.shards!, bySearch, n: dataNodes })}; ${engineText(lang, 'decided', { by: constraintName(lang, chosen.decidedBy) })}`,
      grows: engineText(lang, 'esDataGrows'),
    },
    {
      role: 'coordination',
      name: engineText(lang, 'masters'),
      count: masterCount,
      instance: masters.instance,
      dedicated: true,
      why: engineText(lang, 'mastersWhy', {
        n: f.dedicatedMasters,
        inst: masters.instance,
        dataNodes: num(ceil(dataNodes / masters.domains)),
        shards: num(ceil(totalShards / masters.domains)),
        domains: masters.domains,
      }),
      grows: engineText(lang, 'mastersGrows'),
    },
  ];
  const ebs = f.ebsMaxGp3GiB[chosen.instance];
  return finish({
    engine: 'elasticsearch',
    title: engineText(lang, 'esTitle'),
    roles,
    storedBytes: storage,
    ladderStepUsd: largestStepUsd(options, step),
    nextStepUsd: nextStepUsd(options, choice, step),
    costLines: [
      nodeCost(prices, chosen.instance, dataNodes, engineText(lang, 'dataNodes'), lang),
      ...(coordinators ? [nodeCost(prices, coordLayout.instance, coordinators, engineText(lang, 'coordinatingOnly'), lang)] : []),
      nodeCost(prices, masters.instance, masterCount, engineText(lang, 'mastersCost'), lang),
      storageCostAt(storage, prices.openSearchStorageUsdPerGbMonth, engineText(lang, 'esEbs'), lang),
    ],
    notes: [
      ladderSummary(options, chosen, lang),
      ...(preferred ? [preferred] : []),
      engineText(lang, 'esStorageNote', { source: gib(load.storedBytes), replicas, overhead: f.storageOverhead, storage: gib(storage) }),
      engineText(lang, 'esStoragePerNode', {
        inst: chosen.instance,
        ram: data.memoryGiB,
        ratio: f.diskToRamRatio,
        byRam: gib(data.memoryGiB * f.diskToRamRatio * GIB),
        ebs: ebs === undefined ? '—' : gib(ebs * GIB),
        perNode: gib(perNodeGiB * GIB),
      }),
      engineText(lang, 'esShardsNote', {
        source: gib(load.storedBytes),
        shardGb: f.shardGb,
        primaries,
        total: totalShards,
        perNode: num(shardsPerNode),
        perHeap: f.shardsPerHeapGb,
        heap: num(heap),
        cap: num(f.maxShardsPerNode),
      }),
      engineText(lang, 'esNoIndexRate'),
      engineText(lang, 'esSnapshotsFree'),
    ],
    warnings,
    errors,
    reservable: {
      prices,
      lang,
      nodes: [
        { id: chosen.instance, count: dataNodes },
        { id: coordLayout.instance, count: coordinators },
        { id: masters.instance, count: masterCount },
      ],
    },
  });
}
