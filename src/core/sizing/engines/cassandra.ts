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
  crossAzCost,
  type EngineSizing,
  type LayoutOption,
  type RoleSizing,
  type SizingHints,
} from './common';
import { constraintName, engineText } from './engine-text';
import type { Lang } from '../../l10n';

interface WideColumnRules {
  engine: 'cassandra' | 'scylladb';
  title: string;
  lang: Lang;
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
  const lang = r.lang;
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
  const preferred = preferenceNote(choice, lang);
  const node = instance(chosen.instance);
  const { usablePerNode, opsPerNode } = chosen.extra;
  const roles: RoleSizing[] = [
    {
      role: 'client-session',
      name: engineText(lang, 'coordinators'),
      count: 0,
      instance: null,
      dedicated: false,
      why: engineText(lang, 'coordinatorsWhy'),
      grows: engineText(lang, 'coordinatorsGrows'),
    },
    {
      role: 'query',
      name: engineText(lang, 'queryNodes'),
      count: 0,
      instance: null,
      dedicated: false,
      why: engineText(lang, 'replicasServeWhy'),
      grows: engineText(lang, 'replicasServeGrows'),
    },
    {
      role: 'data',
      name: engineText(lang, 'nodes'),
      count: chosen.nodes,
      instance: chosen.instance,
      dedicated: true,
      why: `${engineText(lang, 'wideNodesWhy', { rf: load.replicationFactor, onDisk: gib(onDisk), usable: gib(usablePerNode), byDisk: chosen.needs.disk!, ops: num(ops), perNode: num(opsPerNode), byOps: chosen.needs.ops!, nodes: chosen.nodes })}; ${engineText(lang, 'decided', { by: constraintName(lang, chosen.decidedBy) })}`,
      grows: chosen.needs.ops! >= chosen.needs.disk! ? engineText(lang, 'growsThroughputBound') : engineText(lang, 'growsDiskBound'),
    },
  ];
  const sizing = finish({
    engine: r.engine,
    title: r.title,
    roles,
    storedBytes: onDisk,
    ladderStepUsd: largestStepUsd(options, step),
    nextStepUsd: nextStepUsd(options, choice, step),
    costLines: [
      nodeCost(prices, chosen.instance, chosen.nodes, engineText(lang, 'nodesLocalNvme'), lang),
      ...[crossAzCost(prices, load, load.replicationFactor, lang)].filter((c) => c !== null),
    ],
    notes: [
      ladderSummary(options, chosen, lang),
      ...(preferred ? [preferred] : []),
      engineText(lang, 'usableDiskNote', { inst: chosen.instance, gb: num(node.localNvmeGB ?? 0), why: r.usableWhy }),
      engineText(lang, 'replicaOpsNote', {
        writes: num(load.writesPerSecondPeak),
        rf: load.replicationFactor,
        reads: num(load.readsPerSecondPeak),
        quorum,
        ops: num(ops),
        why: r.opsWhy(node),
      }),
      engineText(lang, 'noCompression'),
      engineText(lang, 'backupNotPriced'),
    ],
    warnings: [],
    reservable: { prices, lang, nodes: [{ id: chosen.instance, count: chosen.nodes }] },
  });
  return { sizing, node };
}

export function sizeCassandra(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = CASSANDRA;
  const { sizing } = sizeWideColumn(
    load,
    prices,
    {
      engine: 'cassandra',
      title: engineText(lang, 'cassandraTitle'),
      lang,
      ladder: INSTANCE_LADDERS.cassandra,
      usableFraction: f.fileSystemFraction * f.compactionFraction,
      usableWhy: engineText(lang, 'cassandraUsable', { fs: f.fileSystemFraction, compaction: f.compactionFraction }),
      opsPerNode: (n) => f.opsPerVcpu * n.vcpu,
      opsWhy: (n) => engineText(lang, 'cassandraOps', { perVcpu: num(f.opsPerVcpu), vcpu: n.vcpu, total: num(f.opsPerVcpu * n.vcpu) }),
      // DataStax plans production nodes from 16 logical cores (C2): a floor, not a warning.
      minVcpu: f.minProductionVcpu,
    },
    hints,
  );
  return sizing;
}

export function sizeScyllaDb(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = SCYLLADB;
  const cores = (n: InstanceType) => n.vcpu / f.vcpuPerPhysicalCore;
  const { sizing, node } = sizeWideColumn(
    load,
    prices,
    {
      engine: 'scylladb',
      title: engineText(lang, 'scyllaTitle'),
      lang,
      ladder: INSTANCE_LADDERS.scylladb,
      usableFraction: f.diskUseFraction,
      usableWhy: engineText(lang, 'scyllaUsable', { fraction: f.diskUseFraction }),
      opsPerNode: (n) => f.opsPerPhysicalCore * cores(n),
      opsWhy: (n) =>
        engineText(lang, 'scyllaOps', { perCore: num(f.opsPerPhysicalCore), cores: cores(n), total: num(f.opsPerPhysicalCore * cores(n)) }),
      // ScyllaDB: "any number [of cores] will fit" (S2) and i4i from i4i.large is recommended on AWS: no floor; a note below 20.
      minVcpu: 0,
    },
    hints,
  );
  const diskPerRam = ((node.localNvmeGB ?? 0) * 1e9) / (node.memoryGiB * 1024 ** 3);
  sizing.notes.push(engineText(lang, 'scyllaDiskRam', { inst: node.id, ratio: num(diskPerRam), rule: f.diskToRamRatio }));
  if (node.vcpu < f.recommendedVcpu)
    sizing.notes.push(engineText(lang, 'scyllaSmallNode', { inst: node.id, vcpu: node.vcpu, rec: f.recommendedVcpu }));
  return sizing;
}
