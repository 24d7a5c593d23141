// DynamoDB: capacity units from item size (reads per 4 KB, writes per 1 KB, rounded up), on-demand and provisioned
// prices side by side, partitions from size and throughput. Serverless: no nodes to run.
import { GIB } from '../../model/units';
import { DYNAMODB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type PriceCatalog } from '../prices';
import { ceil, finish, gib, num, type CostLine, type EngineSizing } from './common';

/** Storage accounting adds 100 bytes of per-item overhead (DynamoDB pricing page, "data storage"). */
export const ITEM_OVERHEAD_BYTES = 100;

const millions = (units: number): number => Math.round(units / 1e4) / 100;

export type ReadConsistency = 'strong' | 'eventual' | 'transactional';

/** Read units one read of an item consumes: ⌈bytes / 4 KB⌉ × {1, 0.5, 2} (D1). */
export function readUnitsPerRead(itemBytes: number, consistency: ReadConsistency = 'eventual'): number {
  return Math.max(1, ceil(itemBytes / DYNAMODB.readUnitBytes)) * DYNAMODB.readUnitsPer[consistency];
}

/** Write units one write of an item consumes: ⌈bytes / 1 KB⌉ × {1, 2} (D1). */
export function writeUnitsPerWrite(itemBytes: number, transactional = false): number {
  return Math.max(1, ceil(itemBytes / DYNAMODB.writeUnitBytes)) * DYNAMODB.writeUnitsPer[transactional ? 'transactional' : 'standard'];
}

/** Provisioned RCU for reads per second of items of a size (the DynamoDB guide's worked examples). */
export function provisionedRcu(readsPerSecond: number, itemBytes: number, consistency: ReadConsistency = 'strong'): number {
  return ceil(readsPerSecond * readUnitsPerRead(itemBytes, consistency));
}

export function provisionedWcu(writesPerSecond: number, itemBytes: number, transactional = false): number {
  return ceil(writesPerSecond * writeUnitsPerWrite(itemBytes, transactional));
}

/** Partitions ≥ max(⌈GB / 10⌉, ⌈RCU / 3,000 + WCU / 1,000⌉) (D4). */
export function partitions(storageBytes: number, rcu: number, wcu: number): number {
  return Math.max(1, ceil(storageBytes / (DYNAMODB.partitionGb * 1e9)), ceil(rcu / DYNAMODB.partitionReadUnits + wcu / DYNAMODB.partitionWriteUnits));
}

export function sizeDynamoDb(load: DataLoad, prices: PriceCatalog): EngineSizing {
  const f = DYNAMODB;
  const p = prices.dynamodb;
  const item = load.recordBytes;
  const rru = readUnitsPerRead(item, 'eventual');
  const wru = writeUnitsPerWrite(item);
  const onDemandRead = (load.readsPerSecondAvg * rru * SECONDS_PER_MONTH * p.readRequestUsdPerMillion) / 1e6;
  const onDemandWrite = (load.writesPerSecondAvg * wru * SECONDS_PER_MONTH * p.writeRequestUsdPerMillion) / 1e6;
  const rcu = ceil((load.readsPerSecondPeak * rru) / f.provisionedTargetUtilisation);
  const wcu = ceil((load.writesPerSecondPeak * wru) / f.provisionedTargetUtilisation);
  const provRead = rcu * p.rcuUsdPerHour * HOURS_PER_MONTH;
  const provWrite = wcu * p.wcuUsdPerHour * HOURS_PER_MONTH;
  const storageBytes = load.storedBytes + load.storedRecords * ITEM_OVERHEAD_BYTES;
  const storageGiB = storageBytes / GIB;
  const billedGiB = Math.max(0, storageGiB - p.freeStorageGb);
  const onDemand = onDemandRead + onDemandWrite;
  const provisioned = provRead + provWrite;
  const mode = provisioned < onDemand ? 'provisioned' : 'on-demand';
  const parts = partitions(storageBytes, rcu, wcu);

  const costLines: CostLine[] = mode === 'on-demand'
    ? [
        { item: 'on-demand reads (eventually consistent)', quantity: millions(load.readsPerSecondAvg * rru * SECONDS_PER_MONTH), unit: 'million read request units', unitUsd: p.readRequestUsdPerMillion, monthlyUsd: onDemandRead },
        { item: 'on-demand writes', quantity: millions(load.writesPerSecondAvg * wru * SECONDS_PER_MONTH), unit: 'million write request units', unitUsd: p.writeRequestUsdPerMillion, monthlyUsd: onDemandWrite },
      ]
    : [
        { item: 'provisioned read capacity', quantity: rcu, unit: 'RCU-month', unitUsd: p.rcuUsdPerHour * HOURS_PER_MONTH, monthlyUsd: provRead },
        { item: 'provisioned write capacity', quantity: wcu, unit: 'WCU-month', unitUsd: p.wcuUsdPerHour * HOURS_PER_MONTH, monthlyUsd: provWrite },
      ];
  costLines.push({ item: `storage beyond the free ${p.freeStorageGb} GB`, quantity: Math.round(billedGiB * 100) / 100, unit: 'GB-month', unitUsd: p.storageUsdPerGbMonth, monthlyUsd: billedGiB * p.storageUsdPerGbMonth });

  const warnings: string[] = [];
  if (load.maxRecordBytes > f.maxItemBytes) warnings.push(`the largest record (${num(load.maxRecordBytes)} B) is above DynamoDB's 400 KB item limit: store the body in S3 and the key in DynamoDB`);
  return finish({
    engine: 'dynamodb', title: `Amazon DynamoDB (${mode}, chosen as the cheaper mode)`,
    roles: [
      { role: 'client-session', name: 'request routers', count: 0, instance: null, dedicated: false, why: 'managed by AWS: clients call the HTTPS endpoint', grows: 'nothing to run' },
      { role: 'query', name: 'query nodes', count: 0, instance: null, dedicated: false, why: 'managed by AWS: reads are billed per request unit', grows: 'nothing to run; cost grows with reads' },
      {
        role: 'data', name: 'partitions (managed)', count: parts, instance: null, dedicated: false,
        why: `max(⌈${gib(storageBytes)} / 10 GB⌉, ⌈${num(rcu)} RCU / 3,000 + ${num(wcu)} WCU / 1,000⌉) = ${parts} (D3, D4); partitions never merge`,
        grows: 'stored data and provisioned throughput',
      },
    ],
    storedBytes: storageBytes, costLines,
    notes: [
      `item ≈ ${num(item)} B: ⌈${num(item)} / 4,096⌉ × 0.5 = ${num(rru)} RRU per eventually consistent read, ⌈${num(item)} / 1,024⌉ = ${num(wru)} WRU per write (D1)`,
      `on-demand = 2,628,000 s × (${num(load.readsPerSecondAvg)} reads/s × ${num(rru)} × $${p.readRequestUsdPerMillion}/M + ${num(load.writesPerSecondAvg)} writes/s × ${num(wru)} × $${p.writeRequestUsdPerMillion}/M) = $${num(onDemand)}/month (D5)`,
      `provisioned for the peak at ${f.provisionedTargetUtilisation * 100}% target use: ${num(rcu)} RCU × $${p.rcuUsdPerHour}/h + ${num(wcu)} WCU × $${p.wcuUsdPerHour}/h × 730 h = $${num(provisioned)}/month (D6)`,
      `storage = ${gib(load.storedBytes)} + ${num(load.storedRecords)} items × ${ITEM_OVERHEAD_BYTES} B overhead = ${gib(storageBytes)}; DynamoDB keeps 3 copies across AZs inside that price`,
    ],
    warnings,
  });
}
