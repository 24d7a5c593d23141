// DynamoDB: capacity units from item size (reads per 4 KB, writes per 1 KB, rounded up), on-demand and provisioned
// prices side by side, partitions from size and throughput. Serverless: no nodes to run.
import { GIB } from '../../model/units';
import { DYNAMODB } from '../engine-facts';
import type { DataLoad } from '../llm-workload';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type PriceCatalog } from '../prices';
import { ceil, finish, gib, num, type CostLine, type EngineSizing } from './common';
import { engineText } from './engine-text';
import type { Lang } from '../../l10n';

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

export function sizeDynamoDb(load: DataLoad, prices: PriceCatalog, lang: Lang = 'en'): EngineSizing {
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

  const costLines: CostLine[] =
    mode === 'on-demand'
      ? [
          {
            item: engineText(lang, 'onDemandReads'),
            quantity: millions(load.readsPerSecondAvg * rru * SECONDS_PER_MONTH),
            unit: engineText(lang, 'millionReadUnits'),
            unitUsd: p.readRequestUsdPerMillion,
            monthlyUsd: onDemandRead,
          },
          {
            item: engineText(lang, 'onDemandWrites'),
            quantity: millions(load.writesPerSecondAvg * wru * SECONDS_PER_MONTH),
            unit: engineText(lang, 'millionWriteUnits'),
            unitUsd: p.writeRequestUsdPerMillion,
            monthlyUsd: onDemandWrite,
          },
        ]
      : [
          {
            item: engineText(lang, 'provisionedReads'),
            quantity: rcu,
            unit: engineText(lang, 'rcuMonth'),
            unitUsd: p.rcuUsdPerHour * HOURS_PER_MONTH,
            monthlyUsd: provRead,
          },
          {
            item: engineText(lang, 'provisionedWrites'),
            quantity: wcu,
            unit: engineText(lang, 'wcuMonth'),
            unitUsd: p.wcuUsdPerHour * HOURS_PER_MONTH,
            monthlyUsd: provWrite,
          },
        ];
  costLines.push({
    item: engineText(lang, 'storageBeyondFree', { gb: p.freeStorageGb }),
    quantity: Math.round(billedGiB * 100) / 100,
    unit: engineText(lang, 'gbMonth'),
    unitUsd: p.storageUsdPerGbMonth,
    monthlyUsd: billedGiB * p.storageUsdPerGbMonth,
  });
  // Backups: point-in-time recovery bills every GB of the table (AWS DynamoDB pricing).
  costLines.push({
    item: engineText(lang, 'dynamoPitr'),
    quantity: Math.round(storageGiB * 100) / 100,
    unit: engineText(lang, 'gbMonth'),
    unitUsd: prices.dynamodbPitrUsdPerGbMonth,
    monthlyUsd: storageGiB * prices.dynamodbPitrUsdPerGbMonth,
  });

  const warnings: string[] = [];
  // 400 KB per item is a hard limit (D2): a record above it does not fit DynamoDB as modelled.
  const errors: string[] = [];
  if (load.maxRecordBytes > f.maxItemBytes) errors.push(engineText(lang, 'dynamoItemTooBig', { bytes: num(load.maxRecordBytes) }));
  // Per-table default quota: 40,000 read and 40,000 write request units per second (AWS service quotas); adjustable, so a warning.
  const peakRru = load.readsPerSecondPeak * rru;
  const peakWru = load.writesPerSecondPeak * wru;
  if (peakRru > f.tableUnitsQuota || peakWru > f.tableUnitsQuota)
    warnings.push(engineText(lang, 'dynamoTableQuota', { rru: num(peakRru), wru: num(peakWru), quota: num(f.tableUnitsQuota) }));
  return finish({
    engine: 'dynamodb',
    title: engineText(lang, 'dynamoTitle', { mode }),
    roles: [
      {
        role: 'client-session',
        name: engineText(lang, 'requestRouters'),
        count: 0,
        instance: null,
        dedicated: false,
        why: engineText(lang, 'awsEndpoint'),
        grows: engineText(lang, 'nothingToRun'),
      },
      {
        role: 'query',
        name: engineText(lang, 'queryNodes'),
        count: 0,
        instance: null,
        dedicated: false,
        why: engineText(lang, 'awsReads'),
        grows: engineText(lang, 'awsReadsGrows'),
      },
      {
        role: 'data',
        name: engineText(lang, 'partitions'),
        count: parts,
        instance: null,
        dedicated: false,
        why: engineText(lang, 'partitionsWhy', { storage: gib(storageBytes), rcu: num(rcu), wcu: num(wcu), n: parts }),
        grows: engineText(lang, 'partitionsGrows'),
      },
    ],
    storedBytes: storageBytes,
    costLines,
    // One more provisioned read and write unit: the finest step of the bill (on-demand has none).
    ladderStepUsd: (p.rcuUsdPerHour + p.wcuUsdPerHour) * HOURS_PER_MONTH,
    // ... and, as the first 25 GB are free, a table 1% larger bills 1% more than its billed storage plus 1% of the free 25 GB.
    nextStepUsd: (p.rcuUsdPerHour + p.wcuUsdPerHour) * HOURS_PER_MONTH + 0.01 * p.freeStorageGb * p.storageUsdPerGbMonth,
    notes: [
      engineText(lang, 'dynamoItemNote', { item: num(item), rru: num(rru), wru: num(wru) }),
      engineText(lang, 'dynamoOnDemandNote', {
        reads: num(load.readsPerSecondAvg),
        rru: num(rru),
        readPrice: p.readRequestUsdPerMillion,
        writes: num(load.writesPerSecondAvg),
        wru: num(wru),
        writePrice: p.writeRequestUsdPerMillion,
        total: num(onDemand),
      }),
      engineText(lang, 'dynamoProvisionedNote', {
        target: f.provisionedTargetUtilisation * 100,
        rcu: num(rcu),
        rcuPrice: p.rcuUsdPerHour,
        wcu: num(wcu),
        wcuPrice: p.wcuUsdPerHour,
        total: num(provisioned),
      }),
      engineText(lang, 'dynamoStorageNote', {
        stored: gib(load.storedBytes),
        items: num(load.storedRecords),
        overhead: ITEM_OVERHEAD_BYTES,
        total: gib(storageBytes),
      }),
      engineText(lang, 'dynamoNoCommitment'),
    ],
    warnings,
    errors,
  });
}
