// Cassandra and ScyllaDB: every node stores data and coordinates requests (token-aware drivers), so the cluster is
// data nodes only. For each size of the ladder (i4i, local NVMe): nodes = max(RF, disk needed / usable disk per node,
// replica operations / operations per node); of the sizes, the fewest nodes within the preference margin of the cheapest
// wins (scale up, then out). Self-managed on EC2: no per-cluster service quota applies.
import { CASSANDRA, SCYLLADB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import { INSTANCE_LADDERS, type InstanceType, type PriceCatalog } from '../prices';
import {
  ceil,
  chooseLayout,
  preferenceNote,
  largestStepUsd,
  decidingConstraint,
  finish,
  gib,
  instance,
  ladderFrom,
  ladderSummary,
  nodeCost,
  nodeMonthUsd,
  num,
  crossAzCost,
  type EngineSizing,
  type LayoutOption,
  type RoleSizing,
  type SizingHints,
} from './common';
import { ENGINE_TEXT, type EngineText } from './engine-text';
import type { Lang } from '../../l10n';

interface WideColumnRules {
  engine: 'cassandra' | 'scylladb';
  title: string;
  t: EngineText;
  ladder: readonly string[];
  usableFraction: number;
  usableWhy: string;
  opsPerNode: (node: InstanceType) => number;
  opsWhy: (node: InstanceType) => string;
  /** The vendor's production floor: sizes with fewer vCPU are not considered (0: none). */
  minVcpu: number;
}

/** Replica operations per second: every write goes to RF replicas; a QUORUM read to ⌊RF/2⌋ + 1. */
export function replicaOps(load: DataLoad): { ops: number; quorum: number } {
  const quorum = Math.floor(load.replicationFactor / 2) + 1;
  return { ops: load.writesPerSecondPeak * load.replicationFactor + load.readsPerSecondPeak * quorum, quorum };
}

interface WideExtra {
  usablePerNode: number;
  opsPerNode: number;
}

function sizeWideColumn(load: DataLoad, prices: PriceCatalog, r: WideColumnRules, hints: SizingHints): { sizing: EngineSizing; node: InstanceType } {
  const t = r.t;
  const onDisk = load.storedBytes * load.replicationFactor;
  const { ops, quorum } = replicaOps(load);
  const options: Array<LayoutOption<WideExtra>> = ladderFrom(r.ladder, hints.atLeast)
    .filter((id) => instance(id).vcpu >= r.minVcpu)
    .map((id) => {
      const node = instance(id);
      const usablePerNode = (node.localNvmeGB ?? 0) * 1e9 * r.usableFraction;
      const opsPerNode = r.opsPerNode(node);
      const needs = { replicas: load.replicationFactor, disk: ceil(onDisk / usablePerNode), ops: ceil(ops / opsPerNode) };
      const nodes = Math.max(needs.replicas, needs.disk, needs.ops);
      return {
        instance: id,
        nodes,
        monthlyUsd: nodes * nodeMonthUsd(prices, id),
        needs,
        decidedBy: decidingConstraint(needs),
        extra: { usablePerNode, opsPerNode },
      };
    });
  const step = (o: LayoutOption<WideExtra>) => nodeMonthUsd(prices, o.instance);
  const choice = chooseLayout(options);
  const chosen = choice.chosen;
  const preferred = preferenceNote(choice, t);
  const node = instance(chosen.instance);
  const { usablePerNode, opsPerNode } = chosen.extra;
  const roles: RoleSizing[] = [
    { role: 'client-session', name: t.coordinators, count: 0, instance: null, dedicated: false, why: t.coordinatorsWhy, grows: t.coordinatorsGrows },
    { role: 'query', name: t.queryNodes, count: 0, instance: null, dedicated: false, why: t.replicasServeWhy, grows: t.replicasServeGrows },
    {
      role: 'data',
      name: t.nodes,
      count: chosen.nodes,
      instance: chosen.instance,
      dedicated: true,
      why: `${t.wideNodesWhy(load.replicationFactor, gib(onDisk), gib(usablePerNode), chosen.needs.disk!, num(ops), num(opsPerNode), chosen.needs.ops!, chosen.nodes)}; ${t.decided(t.constraintNames[chosen.decidedBy] ?? chosen.decidedBy)}`,
      grows: chosen.needs.ops! >= chosen.needs.disk! ? t.growsThroughputBound : t.growsDiskBound,
    },
  ];
  const sizing = finish({
    engine: r.engine,
    title: r.title,
    roles,
    storedBytes: onDisk,
    ladderStepUsd: largestStepUsd(options, step),
    costLines: [
      nodeCost(prices, chosen.instance, chosen.nodes, t.nodesLocalNvme, t),
      ...[crossAzCost(prices, load, load.replicationFactor, t)].filter((c) => c !== null),
    ],
    notes: [
      ladderSummary(options, chosen, t),
      ...(preferred ? [preferred] : []),
      t.usableDiskNote(chosen.instance, num(node.localNvmeGB ?? 0), r.usableWhy),
      t.replicaOpsNote(num(load.writesPerSecondPeak), load.replicationFactor, num(load.readsPerSecondPeak), quorum, num(ops), r.opsWhy(node)),
      t.noCompression,
      t.backupNotPriced,
    ],
    warnings: [],
  });
  return { sizing, node };
}

export function sizeCassandra(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = CASSANDRA;
  const t = ENGINE_TEXT[lang];
  const { sizing } = sizeWideColumn(
    load,
    prices,
    {
      engine: 'cassandra',
      title: t.cassandraTitle,
      t,
      ladder: INSTANCE_LADDERS.cassandra,
      usableFraction: f.fileSystemFraction * f.compactionFraction,
      usableWhy: t.cassandraUsable(f.fileSystemFraction, f.compactionFraction),
      opsPerNode: (n) => f.opsPerVcpu * n.vcpu,
      opsWhy: (n) => t.cassandraOps(num(f.opsPerVcpu), n.vcpu, num(f.opsPerVcpu * n.vcpu)),
      // DataStax plans production nodes from 16 logical cores (C2): a floor, not a warning.
      minVcpu: f.minProductionVcpu,
    },
    hints,
  );
  return sizing;
}

export function sizeScyllaDb(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = SCYLLADB;
  const t = ENGINE_TEXT[lang];
  const cores = (n: InstanceType) => n.vcpu / f.vcpuPerPhysicalCore;
  const { sizing, node } = sizeWideColumn(
    load,
    prices,
    {
      engine: 'scylladb',
      title: t.scyllaTitle,
      t,
      ladder: INSTANCE_LADDERS.scylladb,
      usableFraction: f.diskUseFraction,
      usableWhy: t.scyllaUsable(f.diskUseFraction),
      opsPerNode: (n) => f.opsPerPhysicalCore * cores(n),
      opsWhy: (n) => t.scyllaOps(num(f.opsPerPhysicalCore), cores(n), num(f.opsPerPhysicalCore * cores(n))),
      // ScyllaDB: "any number [of cores] will fit" (S2) and i4i from i4i.large is recommended on AWS: no floor; a note below 20.
      minVcpu: 0,
    },
    hints,
  );
  const diskPerRam = ((node.localNvmeGB ?? 0) * 1e9) / (node.memoryGiB * 1024 ** 3);
  sizing.notes.push(t.scyllaDiskRam(node.id, num(diskPerRam), f.diskToRamRatio));
  if (node.vcpu < f.recommendedVcpu) sizing.notes.push(t.scyllaSmallNode(node.id, node.vcpu, f.recommendedVcpu));
  return sizing;
}
