// Shared wording for the OpenAI rules: how a call's cost and a store are named in messages.
import { formatBytes } from '../../model/units';
import type { LlmCallSummary, StoreWriteFact } from '../../model/types';
import { formatUsd } from '../../sizing/llm-estimate';

const STORE_NAMES: Record<string, string> = {
  mongodb: 'MongoDB', mongoose: 'MongoDB (Mongoose)', redis: 'Redis', ioredis: 'Redis (ioredis)', upstash: 'Redis (Upstash)', dynamodb: 'DynamoDB', cassandra: 'Cassandra/ScyllaDB',
  elasticsearch: 'Elasticsearch', opensearch: 'OpenSearch', postgresql: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite', prisma: 'a relational database (Prisma)', sequelize: 'a relational database (Sequelize)',
  knex: 'a relational database (Knex)', typeorm: 'a relational database (TypeORM)', sqlalchemy: 'a relational database (SQLAlchemy)', django: 'a relational database (Django ORM)', sql: 'a SQL database',
  fs: 'a file', file: 'a file', pinecone: 'Pinecone', qdrant: 'Qdrant', chroma: 'Chroma', weaviate: 'Weaviate', milvus: 'Milvus', pgvector: 'pgvector', vector: 'a vector database', mongoengine: 'MongoDB (MongoEngine)',
};

export function storeName(store: StoreWriteFact): string {
  return STORE_NAMES[store.engine] ?? STORE_NAMES[store.kind] ?? store.engine;
}

/** `$0.0098/call (gpt-4o-mini list price)` or `an unknown cost (no price for 'x')`. */
export function costText(call: LlmCallSummary): string {
  if (call.estCostUsd === null) return call.model ? `an unknown cost (${call.unknowns.find((u) => /price|run time|max/.test(u)) ?? 'not estimable'})` : 'an unknown cost (the model is not a constant)';
  return `${call.estInputIsLowerBound ? '≥ ' : '≈ '}${formatUsd(call.estCostUsd)}/call (${call.model} list price)`;
}

export function bytesText(call: LlmCallSummary): string {
  return call.estResponseBytes === null ? 'an unknown size' : `≈ ${formatBytes(call.estResponseBytes, { exact: false })}`;
}
