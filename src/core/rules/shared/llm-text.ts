// Shared wording for the OpenAI rules: how a call's cost and a store are named in messages.
import { formatBytes } from '../../model/units';
import type { LlmCallSummary, StoreWriteFact } from '../../model/types';
import { formatUsd } from '../../sizing/llm-estimate';
import { phrase, type Lang, type PhraseId } from './phrases';
import { COST_NOTE_IDS, noteText } from '../../model/estimate-notes';
import { lookupTable } from '../../model/lookup';

/** Product names stay as they are in every language; generic stores are phrases. */
const STORE_NAMES: Readonly<Record<string, string | [PhraseId, Record<string, string>?]>> = lookupTable({
  mongodb: 'MongoDB',
  mongoose: 'MongoDB (Mongoose)',
  redis: 'Redis',
  ioredis: 'Redis (ioredis)',
  upstash: 'Redis (Upstash)',
  dynamodb: 'DynamoDB',
  cassandra: 'Cassandra/ScyllaDB',
  elasticsearch: 'Elasticsearch',
  opensearch: 'OpenSearch',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  sqlite: 'SQLite',
  prisma: ['store_orm', { orm: 'Prisma' }],
  sequelize: ['store_orm', { orm: 'Sequelize' }],
  knex: ['store_orm', { orm: 'Knex' }],
  typeorm: ['store_orm', { orm: 'TypeORM' }],
  sqlalchemy: ['store_orm', { orm: 'SQLAlchemy' }],
  django: ['store_orm', { orm: 'Django ORM' }],
  sql: ['store_sql'],
  fs: ['store_file'],
  file: ['store_file'],
  pinecone: 'Pinecone',
  qdrant: 'Qdrant',
  chroma: 'Chroma',
  weaviate: 'Weaviate',
  milvus: 'Milvus',
  pgvector: 'pgvector',
  vector: ['store_vector'],
  mongoengine: 'MongoDB (MongoEngine)',
  supabase: 'Supabase (PostgreSQL)',
  drizzle: ['store_orm', { orm: 'Drizzle' }],
  peewee: ['store_orm', { orm: 'Peewee' }],
  tortoise: ['store_orm', { orm: 'Tortoise ORM' }],
  beanie: 'MongoDB (Beanie)',
  faiss: 'FAISS',
  lancedb: 'LanceDB',
  astradb: 'Astra DB',
  'mongodb-atlas': 'MongoDB Atlas Vector Search',
  cosmosdb: 'Azure Cosmos DB',
  momento: 'Momento',
  gptcache: 'GPTCache',
  memory: 'in-process memory',
});

export function storeName(store: StoreWriteFact, lang?: Lang): string {
  const name = STORE_NAMES[store.engine] ?? STORE_NAMES[store.kind] ?? store.engine;
  return typeof name === 'string' ? name : phrase(lang, name[0], name[1]);
}

/** The store, and where the write is when an imported helper makes it: `Redis, stored by `saveChat` in `lib/chat.ts:14``. */
export function storeText(store: StoreWriteFact, lang?: Lang): string {
  return store.at && store.viaHelper
    ? `${storeName(store, lang)}, ${phrase(lang, 'storedBy', { helper: store.viaHelper, path: store.at.path, line: store.at.line })}`
    : storeName(store, lang);
}

/** `$0.0098/call (gpt-4o-mini list price)` or `an unknown cost (no price for 'x')`. */
export function costText(call: LlmCallSummary, lang?: Lang): string {
  if (call.estCostUsd === null) {
    if (!call.model) return phrase(lang, 'costModelNotConstant');
    // The reason is the estimator's own note, by its id (an expression or model name inside stays as written).
    const why = call.notes.find((n) => COST_NOTE_IDS.has(n.id));
    return phrase(lang, 'costUnknown', { why: why ? noteText(why, lang) : phrase(lang, 'costNotEstimable') });
  }
  return `${call.estInputIsLowerBound ? '≥ ' : '≈ '}${phrase(lang, 'costPerCall', { usd: formatUsd(call.estCostUsd), model: call.model ?? '' })}`;
}

export function bytesText(call: LlmCallSummary, lang?: Lang): string {
  return call.estResponseBytes === null ? phrase(lang, 'unknownSize') : `≈ ${formatBytes(call.estResponseBytes, { exact: false })}`;
}
