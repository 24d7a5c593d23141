// Cassandra and ScyllaDB: every node stores data and coordinates requests (token-aware drivers), so the cluster is
// data nodes only. Nodes = max(RF, disk needed / usable disk per node, replica operations / operations per node).
import { CASSANDRA, SCYLLADB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, type EngineSizing, type RoleSizing } from './common';
import { ENGINE_TEXT, type EngineLang, type EngineText } from './engine-text';

interface WideColumnRules {
  engine: 'cassandra' | 'scylladb';
  title: string;
  t: EngineText;
  instance: string;
  usableFraction: number;
  usableWhy: string;
  opsPerNode: number;
  opsWhy: string;
}

/** Replica operations per second: every write goes to RF replicas; a QUORUM read to ⌊RF/2⌋ + 1. */
export function replicaOps(load: DataLoad): { ops: number; quorum: number } {
  const quorum = Math.floor(load.replicationFactor / 2) + 1;
  return { ops: load.writesPerSecondPeak * load.replicationFactor + load.readsPerSecondPeak * quorum, quorum };
}

function sizeWideColumn(load: DataLoad, prices: PriceCatalog, r: WideColumnRules): EngineSizing {
  const t = r.t;
  const node = instance(r.instance);
  const onDisk = load.storedBytes * load.replicationFactor;
  const usablePerNode = (node.localNvmeGB ?? 0) * 1e9 * r.usableFraction;
  const byDisk = ceil(onDisk / usablePerNode);
  const { ops, quorum } = replicaOps(load);
  const byOps = ceil(ops / r.opsPerNode);
  const nodes = Math.max(load.replicationFactor, byDisk, byOps);
  const roles: RoleSizing[] = [
    { role: 'client-session', name: t.coordinators, count: 0, instance: null, dedicated: false, why: t.coordinatorsWhy, grows: t.coordinatorsGrows },
    { role: 'query', name: t.queryNodes, count: 0, instance: null, dedicated: false, why: t.replicasServeWhy, grows: t.replicasServeGrows },
    {
      role: 'data', name: t.nodes, count: nodes, instance: r.instance, dedicated: true,
      why: t.wideNodesWhy(load.replicationFactor, gib(onDisk), gib(usablePerNode), byDisk, num(ops), num(r.opsPerNode), byOps, nodes),
      grows: byOps >= byDisk ? t.growsThroughputBound : t.growsDiskBound,
    },
  ];
  return finish({
    engine: r.engine, title: r.title, roles, storedBytes: onDisk,
    costLines: [nodeCost(prices, r.instance, nodes, t.nodesLocalNvme, t)],
    notes: [
      t.usableDiskNote(r.instance, num(node.localNvmeGB ?? 0), r.usableWhy),
      t.replicaOpsNote(num(load.writesPerSecondPeak), load.replicationFactor, num(load.readsPerSecondPeak), quorum, num(ops), r.opsWhy),
      t.noCompression,
    ],
    warnings: [],
  });
}

export function sizeCassandra(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en'): EngineSizing {
  const f = CASSANDRA;
  const t = ENGINE_TEXT[lang];
  const node = instance(f.instance);
  const sizing = sizeWideColumn(load, prices, {
    engine: 'cassandra', title: t.cassandraTitle, t, instance: f.instance,
    usableFraction: f.fileSystemFraction * f.compactionFraction, usableWhy: t.cassandraUsable(f.fileSystemFraction, f.compactionFraction),
    opsPerNode: f.opsPerVcpu * node.vcpu, opsWhy: t.cassandraOps(num(f.opsPerVcpu), node.vcpu, num(f.opsPerVcpu * node.vcpu)),
  });
  if (node.vcpu < f.minProductionVcpu) sizing.warnings.push(t.cassandraSmall(f.instance, node.vcpu, f.minProductionVcpu));
  return sizing;
}

export function sizeScyllaDb(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en'): EngineSizing {
  const f = SCYLLADB;
  const t = ENGINE_TEXT[lang];
  const node = instance(f.instance);
  const cores = node.vcpu / f.vcpuPerPhysicalCore;
  const sizing = sizeWideColumn(load, prices, {
    engine: 'scylladb', title: t.scyllaTitle, t, instance: f.instance,
    usableFraction: f.diskUseFraction, usableWhy: t.scyllaUsable(f.diskUseFraction),
    opsPerNode: f.opsPerPhysicalCore * cores, opsWhy: t.scyllaOps(num(f.opsPerPhysicalCore), cores, num(f.opsPerPhysicalCore * cores)),
  });
  const diskPerRam = ((node.localNvmeGB ?? 0) * 1e9) / (node.memoryGiB * 1024 ** 3);
  sizing.notes.push(t.scyllaDiskRam(f.instance, num(diskPerRam), f.diskToRamRatio));
  if (node.vcpu < f.recommendedVcpu) sizing.warnings.push(t.scyllaSmall(f.instance, node.vcpu, f.recommendedVcpu));
  return sizing;
}
