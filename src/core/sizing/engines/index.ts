// The engine registry: one sizing function per engine id, all over the same DataLoad.
import type { DataLoad } from '../llm-workload';
import type { PriceCatalog } from '../prices';
import type { EngineId } from '../workload';
import { sizeCassandra, sizeScyllaDb } from './cassandra';
import type { EngineSizing, SizingHints } from './common';

import { sizeDynamoDb } from './dynamodb';
import { sizeElasticsearch } from './elasticsearch';
import { sizeMongoDb } from './mongodb';
import { sizeRedis } from './redis';
import type { Lang } from '../../l10n';

export const ENGINE_SIZERS: Readonly<Record<EngineId, (load: DataLoad, prices: PriceCatalog, lang?: Lang, hints?: SizingHints) => EngineSizing>> = {
  mongodb: sizeMongoDb,
  cassandra: sizeCassandra,
  scylladb: sizeScyllaDb,
  elasticsearch: sizeElasticsearch,
  dynamodb: sizeDynamoDb,
  redis: sizeRedis,
};

export type { EngineSizing, SizingHints } from './common';
