// MongoDB, sharded: shards as replica sets, mongos routers for client sessions, a config-server replica set.
// Shards = max(working set / WiredTiger cache, data / disk per node); one shard is a plain replica set.
import { GIB } from '../../model/units';
import { MONGODB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import { ceil, finish, gib, instance, nodeCost, num, storageCost, type EngineSizing } from './common';
import { ENGINE_TEXT, type EngineLang } from './engine-text';

export function sizeMongoDb(load: DataLoad, prices: PriceCatalog, lang: EngineLang = 'en'): EngineSizing {
  const f = MONGODB;
  const t = ENGINE_TEXT[lang];
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
      role: 'client-session', name: t.mongos, count: mongos, instance: sharded ? f.routerInstance : null, dedicated: sharded,
      why: sharded ? t.mongosWhy(f.minMongos, num(load.concurrentSessions), num(f.connectionsPerMongos), mongos) : t.mongosNone,
      grows: t.mongosGrows,
    },
    {
      role: 'query', name: t.secondaries, count: 0, instance: null, dedicated: false,
      why: t.secondariesWhy(members - 1),
      grows: t.secondariesGrows,
    },
    {
      role: 'data', name: t.shardMembers, count: shards * members, instance: f.dataInstance, dedicated: true,
      why: t.shardsWhy(gib(workingSet), num(cacheGiB), byCache, gib(perCopy), num(f.diskPerNodeGb), byDisk, shards, members),
      grows: t.shardsGrows,
    },
    {
      role: 'coordination', name: t.configServers, count: config, instance: sharded ? f.configInstance : null, dedicated: sharded,
      why: sharded ? t.configWhy(f.configServers) : t.configNone,
      grows: t.configGrows,
    },
  ];
  const costLines = [nodeCost(prices, f.dataInstance, shards * members, t.shardMembers, t)];
  if (sharded) costLines.push(nodeCost(prices, f.routerInstance, mongos, t.mongos, t), nodeCost(prices, f.configInstance, config, t.configServers, t));
  costLines.push(storageCost(prices, diskPerNode * shards * members, t.ebsShardMembers, t));
  return finish({
    engine: 'mongodb', title: t.mongoTitle, roles,
    storedBytes: perCopy * members, costLines,
    notes: [
      t.mongoCacheNote(f.dataInstance, data.memoryGiB, num(cacheGiB)),
      t.mongoDataNote(gib(load.storedBytes), f.indexOverhead, gib(perCopy), gib(diskPerNode)),
      t.mongoNoOps,
    ],
    warnings: [],
  });
}
