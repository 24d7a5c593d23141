// MongoDB, sharded when one replica set is not enough: for each size of the ladder (r6i/r7i, EBS gp3), shards =
// max(working set / WiredTiger cache, data / disk per node), each a replica set of max(3, RF) members; the cheapest
// size wins, so one replica set of a larger instance beats many shards of a small one. Config servers (3) only when
// sharded; mongos runs beside each application server (MongoDB's deployment pattern), not on nodes of its own.
import { GIB } from '../../model/units';
import { MONGODB } from '../engine-facts';
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
  storageCost,
  storageCostAt,
  crossAzCost,
  type EngineSizing,
  type LayoutOption,
  type SizingHints,
} from './common';
import { constraintName, engineText } from './engine-text';
import type { Lang } from '../../l10n';

export const wiredTigerCacheGiB = (ramGiB: number): number => Math.max(MONGODB.cacheFractionOfRamMinus1 * (ramGiB - 1), MONGODB.cacheMinGiB);

export function sizeMongoDb(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en', hints: SizingHints = {}): EngineSizing {
  const f = MONGODB;
  const perCopy = load.storedBytes * (1 + f.indexOverhead);
  const workingSet = perCopy * load.workingSetFraction;
  const members = Math.max(f.minReplicaSetMembers, load.replicationFactor);
  const configMonth = f.configServers * nodeMonthUsd(prices, f.configInstance);
  const options: Array<LayoutOption<{ cacheGiB: number; shards: number }>> = ladderFrom(INSTANCE_LADDERS.mongodb, hints.atLeast).map((id) => {
    const cacheGiB = wiredTigerCacheGiB(instance(id).memoryGiB);
    const needs = { replicas: 1, cache: ceil(workingSet / (cacheGiB * GIB)), disk: ceil(perCopy / (f.diskPerNodeGb * GIB)) };
    const shards = Math.max(needs.replicas, needs.cache, needs.disk);
    const monthlyUsd = shards * members * nodeMonthUsd(prices, id) + (shards > 1 ? configMonth : 0);
    return { instance: id, nodes: shards * members, monthlyUsd, needs, decidedBy: decidingConstraint(needs), extra: { cacheGiB, shards } };
  });
  // One step = one more shard (a replica set of `members` nodes), plus the config servers on the first split.
  const step = (o: LayoutOption<{ cacheGiB: number; shards: number }>) => members * nodeMonthUsd(prices, o.instance) + configMonth;
  // Scale up before sharding: a sharded cluster adds routers, config servers, a balancer and shard-key design (MongoDB,
  // "Considerations before sharding"); while one replica set of some size holds the working set and the data, it wins.
  const unsharded = options.filter((o) => o.extra.shards === 1);
  const choice = chooseLayout(unsharded.length ? unsharded : options);
  const chosen = choice.chosen;
  const preferred = preferenceNote(choice, lang);
  // Hard limits (M8): a document ≤ 16 MiB, a replica set ≤ 50 members; no limit on the number of shards.
  const errors: string[] = [];
  if (load.maxRecordBytes > f.maxDocumentBytes) errors.push(engineText(lang, 'mongoDocTooBig', { bytes: num(load.maxRecordBytes) }));
  if (members > f.maxReplicaSetMembers) errors.push(engineText(lang, 'mongoTooManyMembers', { n: members }));
  const { cacheGiB, shards } = chosen.extra;
  const data = instance(chosen.instance);
  const sharded = shards > 1;
  // One mongos per application server; application servers ≈ peak sessions / one driver pool (maxPoolSize 100, M5).
  const appServers = Math.max(1, ceil(load.concurrentSessions / f.driverPoolSize));
  const config = sharded ? f.configServers : 0;
  const diskPerNode = Math.max(GIB, perCopy / shards);

  const roles: EngineSizing['roles'] = [
    {
      role: 'client-session',
      name: engineText(lang, 'mongos'),
      count: sharded ? appServers : 0,
      instance: null,
      dedicated: false,
      why: sharded
        ? engineText(lang, 'mongosWhy', { sessions: num(load.concurrentSessions), pool: f.driverPoolSize, n: appServers })
        : engineText(lang, 'mongosNone'),
      grows: engineText(lang, 'mongosGrows'),
    },
    {
      role: 'query',
      name: engineText(lang, 'secondaries'),
      count: 0,
      instance: null,
      dedicated: false,
      why: engineText(lang, 'secondariesWhy', { n: members - 1 }),
      grows: engineText(lang, 'secondariesGrows'),
    },
    {
      role: 'data',
      name: engineText(lang, 'shardMembers'),
      count: shards * members,
      instance: chosen.instance,
      dedicated: true,
      why: `${engineText(lang, 'shardsWhy', { ws: gib(workingSet), cache: num(cacheGiB), byCache: chosen.needs.cache!, data: gib(perCopy), disk: num(f.diskPerNodeGb), byDisk: chosen.needs.disk!, shards, members })}; ${engineText(lang, 'decided', { by: constraintName(lang, chosen.decidedBy) })}`,
      grows: engineText(lang, 'shardsGrows'),
    },
    {
      role: 'coordination',
      name: engineText(lang, 'configServers'),
      count: config,
      instance: sharded ? f.configInstance : null,
      dedicated: sharded,
      why: sharded ? engineText(lang, 'configWhy', { n: f.configServers }) : engineText(lang, 'configNone'),
      grows: engineText(lang, 'configGrows'),
    },
  ];
  const costLines = [nodeCost(prices, chosen.instance, shards * members, engineText(lang, 'shardMembers'), lang)];
  if (sharded) costLines.push(nodeCost(prices, f.configInstance, config, engineText(lang, 'configServers'), lang));
  costLines.push(storageCost(prices, diskPerNode * shards * members, engineText(lang, 'ebsShardMembers'), lang));
  // Backups: a snapshot of one member's volume per shard holds one copy of the data (incremental snapshots add the changed blocks).
  costLines.push(storageCostAt(perCopy, prices.ebsSnapshotUsdPerGbMonth, engineText(lang, 'ebsSnapshots'), lang));
  const crossAz = crossAzCost(prices, load, members, lang);
  if (crossAz) costLines.push(crossAz);
  return finish({
    engine: 'mongodb',
    title: engineText(lang, 'mongoTitle'),
    roles,
    ladderStepUsd: largestStepUsd(options, step),
    nextStepUsd: nextStepUsd(options, choice, step),
    storedBytes: perCopy * members,
    costLines,
    notes: [
      ladderSummary(options, chosen, lang),
      ...(preferred ? [preferred] : []),
      engineText(lang, 'mongoCacheNote', { inst: chosen.instance, ram: data.memoryGiB, cache: num(cacheGiB) }),
      engineText(lang, 'mongoDataNote', {
        stored: gib(load.storedBytes),
        overhead: f.indexOverhead,
        perCopy: gib(perCopy),
        perMember: gib(diskPerNode),
      }),
      engineText(lang, 'mongoNoOps'),
    ],
    warnings: [],
    errors,
    reservable: {
      prices,
      lang,
      nodes: [{ id: chosen.instance, count: shards * members }, ...(sharded ? [{ id: f.configInstance, count: config }] : [])],
    },
  });
}
