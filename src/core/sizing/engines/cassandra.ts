// Cassandra and ScyllaDB: every node stores data and coordinates requests (token-aware drivers), so the cluster is
// data nodes only. Nodes = max(RF, disk needed / usable disk per node, replica operations / operations per node).
import { CASSANDRA, SCYLLADB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, type EngineSizing, type RoleSizing } from './common';

interface WideColumnRules {
  engine: 'cassandra' | 'scylladb';
  title: string;
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
  const node = instance(r.instance);
  const onDisk = load.storedBytes * load.replicationFactor;
  const usablePerNode = (node.localNvmeGB ?? 0) * 1e9 * r.usableFraction;
  const byDisk = ceil(onDisk / usablePerNode);
  const { ops, quorum } = replicaOps(load);
  const byOps = ceil(ops / r.opsPerNode);
  const nodes = Math.max(load.replicationFactor, byDisk, byOps);
  const roles: RoleSizing[] = [
    { role: 'client-session', name: 'coordinators', count: 0, instance: null, dedicated: false, why: 'every node coordinates the requests it receives; token-aware drivers pick a replica directly', grows: 'client connections spread over all nodes' },
    { role: 'query', name: 'query nodes', count: 0, instance: null, dedicated: false, why: 'reads are served by the replicas that own the partition; no separate query tier', grows: 'read rate, through the data-node count' },
    {
      role: 'data', name: 'nodes', count: nodes, instance: r.instance, dedicated: true,
      why: `max(RF ${load.replicationFactor}, ⌈${gib(onDisk)} on disk / ${gib(usablePerNode)} usable per node⌉ = ${byDisk}, ⌈${num(ops)} replica ops/s / ${num(r.opsPerNode)} per node⌉ = ${byOps}) = ${nodes}`,
      grows: byOps >= byDisk ? 'peak request rate (throughput-bound now), then stored data' : 'stored data (disk-bound now), then peak request rate',
    },
  ];
  return finish({
    engine: r.engine, title: r.title, roles, storedBytes: onDisk,
    costLines: [nodeCost(prices, r.instance, nodes, 'nodes (local NVMe, no EBS)')],
    notes: [
      `usable disk per ${r.instance} = ${num(node.localNvmeGB ?? 0)} GB NVMe × ${r.usableWhy}`,
      `replica ops/s = peak writes ${num(load.writesPerSecondPeak)} × RF ${load.replicationFactor} + peak reads ${num(load.readsPerSecondPeak)} × QUORUM ${quorum} = ${num(ops)}; ${r.opsWhy}`,
      'No compression assumed: LZ4 table compression usually shrinks text 2-4×, so disk-bound counts are an upper bound.',
    ],
    warnings: [],
  });
}

export function sizeCassandra(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = CASSANDRA;
  const node = instance(f.instance);
  const sizing = sizeWideColumn(load, prices, {
    engine: 'cassandra', title: 'Apache Cassandra (self-managed on EC2)', instance: f.instance,
    usableFraction: f.fileSystemFraction * f.compactionFraction, usableWhy: `${f.fileSystemFraction} (file system) × ${f.compactionFraction} (size-tiered compaction headroom) (C1)`,
    opsPerNode: f.opsPerVcpu * node.vcpu, opsWhy: `${num(f.opsPerVcpu)} replica ops/s per vCPU × ${node.vcpu} vCPU = ${num(f.opsPerVcpu * node.vcpu)} per node (C3, Netflix 2011)`,
  });
  if (node.vcpu < f.minProductionVcpu) sizing.warnings.push(`${f.instance} has ${node.vcpu} vCPU; DataStax plans production nodes from ${f.minProductionVcpu} cores (C2): fewer, larger nodes once the cluster grows`);
  return sizing;
}

export function sizeScyllaDb(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = SCYLLADB;
  const node = instance(f.instance);
  const cores = node.vcpu / f.vcpuPerPhysicalCore;
  const sizing = sizeWideColumn(load, prices, {
    engine: 'scylladb', title: 'ScyllaDB (self-managed on EC2)', instance: f.instance,
    usableFraction: f.diskUseFraction, usableWhy: `${f.diskUseFraction} (size-tiered compaction: keep disks ≤ 50% full) (S2)`,
    opsPerNode: f.opsPerPhysicalCore * cores, opsWhy: `${num(f.opsPerPhysicalCore)} ops/s per physical core × ${cores} cores = ${num(f.opsPerPhysicalCore * cores)} per node (S1)`,
  });
  const diskPerRam = ((node.localNvmeGB ?? 0) * 1e9) / (node.memoryGiB * 1024 ** 3);
  sizing.notes.push(`disk:RAM on ${f.instance} = ${num(diskPerRam)}:1 (≤ 100:1 required, ${f.diskToRamRatio}:1 rule of thumb, S1/S2)`);
  if (node.vcpu < f.recommendedVcpu) sizing.warnings.push(`${f.instance} has ${node.vcpu} vCPU; ScyllaDB recommends ≥ ${f.recommendedVcpu} cores per production node (S1): at this size, prefer fewer larger nodes as load grows`);
  return sizing;
}
