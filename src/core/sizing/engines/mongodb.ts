// MongoDB, sharded: shards as replica sets, mongos routers for client sessions, a config-server replica set.
// Shards = max(working set / WiredTiger cache, data / disk per node); one shard is a plain replica set.
import { GIB } from '../../model/units';
import { MONGODB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, storageCost, type EngineSizing } from './common';

export function sizeMongoDb(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = MONGODB;
  const data = instance(f.dataInstance);
  const perCopy = load.storedBytes * (1 + f.indexOverhead);
  const cacheGiB = Math.max(f.cacheFractionOfRamMinus1 * (data.memoryGiB - 1), f.cacheMinGiB);
  const workingSet = perCopy * load.workingSetFraction;
  const byCache = ceil(workingSet / (cacheGiB * GIB));
  const byDisk = ceil(perCopy / (f.diskPerNodeGb * GIB));
  const shards = Math.max(1, byCache, byDisk);
  const members = Math.max(f.minReplicaSetMembers, load.replicationFactor);
  const sharded = shards > 1;
  const mongos = sharded ? Math.max(f.minMongos, ceil(load.concurrentSessions / f.connectionsPerMongos)) : 0;
  const config = sharded ? f.configServers : 0;
  const diskPerNode = Math.max(GIB, perCopy / shards);

  const roles: EngineSizing['roles'] = [
    {
      role: 'client-session', name: 'mongos routers', count: mongos, instance: sharded ? f.routerInstance : null, dedicated: sharded,
      why: sharded ? `max(${f.minMongos}, ⌈${num(load.concurrentSessions)} sessions / ${num(f.connectionsPerMongos)} connections per mongos⌉) = ${mongos}`
        : 'one shard: clients connect to the replica set directly, no mongos',
      grows: 'concurrent client sessions; appears when a second shard is needed',
    },
    {
      role: 'query', name: 'secondaries serving reads', count: 0, instance: null, dedicated: false,
      why: `reads run on the shard members (readPreference secondaryPreferred spreads them over ${members - 1} secondaries per shard); no separate query tier`,
      grows: 'read rate beyond what the shard members serve: add members or shards',
    },
    {
      role: 'data', name: 'shard members', count: shards * members, instance: f.dataInstance, dedicated: true,
      why: `shards = max(1, ⌈working set ${gib(workingSet)} / WiredTiger cache ${num(cacheGiB)} GiB⌉ = ${byCache}, ⌈data ${gib(perCopy)} / ${num(f.diskPerNodeGb)} GiB per node⌉ = ${byDisk}) = ${shards}; × ${members} replica-set members`,
      grows: 'stored data (retention × write rate) and the working set',
    },
    {
      role: 'coordination', name: 'config servers', count: config, instance: sharded ? f.configInstance : null, dedicated: sharded,
      why: sharded ? `a ${f.configServers}-member config-server replica set holds the shard metadata` : 'not needed without sharding',
      grows: 'fixed at 3 once sharded',
    },
  ];
  const costLines = [nodeCost(prices, f.dataInstance, shards * members, 'shard members')];
  if (sharded) costLines.push(nodeCost(prices, f.routerInstance, mongos, 'mongos routers'), nodeCost(prices, f.configInstance, config, 'config servers'));
  costLines.push(storageCost(prices, diskPerNode * shards * members, 'EBS gp3 for shard members'));
  return finish({
    engine: 'mongodb', title: 'MongoDB (sharded replica sets, self-managed on EC2)', roles,
    storedBytes: perCopy * members, costLines,
    notes: [
      `WiredTiger cache on ${f.dataInstance} (${data.memoryGiB} GiB RAM) = max(0.5 × (${data.memoryGiB} − 1), 0.25) = ${num(cacheGiB)} GiB (M1)`,
      `data per copy = ${gib(load.storedBytes)} × (1 + ${f.indexOverhead} index overhead, assumed) = ${gib(perCopy)}; disk per member ${gib(diskPerNode)}`,
      'No vendor ops/s-per-node figure exists for MongoDB (SIZING-FACTS "not found"): the shard count is set by memory and disk; benchmark the write rate.',
    ],
    warnings: [],
  });
}
