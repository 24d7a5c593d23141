// The OpenAI call surface and the stores API results go to, as data. Both fact extractors (JS/TS and Python)
// read these tables; adding a store or an SDK method is a row here, not code.
import type { LlmApiKind, StoreKind } from '../model/types';
import { redactSecrets } from '../model/redact';
import { lookupTable } from '../model/lookup';

/** SDK resource paths after the client (`client.chat.completions.create`), longest first. */
export const OPENAI_METHODS: ReadonlyArray<{ path: string; api: LlmApiKind }> = [
  { path: 'beta.chat.completions.parse', api: 'chat' },
  { path: 'beta.chat.completions.stream', api: 'chat' },
  { path: 'chat.completions.create', api: 'chat' },
  { path: 'chat.completions.parse', api: 'chat' },
  { path: 'chat.completions.stream', api: 'chat' },
  { path: 'responses.create', api: 'responses' },
  { path: 'responses.parse', api: 'responses' },
  { path: 'responses.stream', api: 'responses' },
  { path: 'completions.create', api: 'completions' },
  { path: 'embeddings.create', api: 'embeddings' },
  { path: 'images.generate', api: 'images' },
  { path: 'images.edit', api: 'images' },
  { path: 'images.create_variation', api: 'images' },
  { path: 'images.createVariation', api: 'images' },
  { path: 'audio.transcriptions.create', api: 'audio' },
  { path: 'audio.translations.create', api: 'audio' },
  { path: 'audio.speech.create', api: 'audio' },
  { path: 'batches.create', api: 'batch' },
];

/**
 * Accessors the Python SDKs (openai, anthropic) put between a resource and its method to return the raw HTTP response
 * or a streamed one: `client.chat.completions.with_raw_response.create(...)` is the same request as without them.
 */
const RESPONSE_WRAPPERS: ReadonlySet<string> = new Set(['with_raw_response', 'with_streaming_response']);

/** A call's dotted callee as SDK path parts, the response accessors left out. */
export function sdkPathParts(dotted: string): string[] {
  return dotted.split('.').filter((p) => !RESPONSE_WRAPPERS.has(p));
}

/** openai-python < 1.0 module-level resources (`openai.ChatCompletion.create`). */
export const OPENAI_LEGACY_METHODS: Readonly<Record<string, LlmApiKind>> = lookupTable({
  'ChatCompletion.create': 'chat',
  'ChatCompletion.acreate': 'chat',
  'Completion.create': 'completions',
  'Completion.acreate': 'completions',
  'Embedding.create': 'embeddings',
  'Embedding.acreate': 'embeddings',
  'Image.create': 'images',
  'Audio.transcribe': 'audio',
});

/** openai-node < 4 and openai-edge: `new OpenAIApi(configuration).createChatCompletion({...})`. */
export const OPENAI_V3_METHODS: Readonly<Record<string, LlmApiKind>> = lookupTable({
  createChatCompletion: 'chat',
  createCompletion: 'completions',
  createEmbedding: 'embeddings',
  createImage: 'images',
  createImageEdit: 'images',
  createImageVariation: 'images',
  createTranscription: 'audio',
  createTranslation: 'audio',
});

/** The max-tokens parameter each API takes, as a fix adds it (snake_case for the REST/SDK body). */
export const MAX_TOKENS_PARAMS = [
  'max_tokens',
  'max_completion_tokens',
  'max_output_tokens',
  'maxTokens',
  'maxOutputTokens',
  'maxCompletionTokens',
  'max_new_tokens',
];
export const MAX_TOKENS_NAME: Partial<Record<LlmApiKind, string>> = {
  chat: 'max_completion_tokens',
  responses: 'max_output_tokens',
  completions: 'max_tokens',
};

/** REST paths (also under Azure's /openai/deployments/<name>/). */
export const HTTP_PATHS: ReadonlyArray<{ pattern: RegExp; api: LlmApiKind }> = [
  { pattern: /\/chat\/completions\b/, api: 'chat' },
  { pattern: /\/responses\b/, api: 'responses' },
  { pattern: /\/completions\b/, api: 'completions' },
  { pattern: /\/embeddings\b/, api: 'embeddings' },
  { pattern: /\/images\//, api: 'images' },
  { pattern: /\/audio\//, api: 'audio' },
  { pattern: /\/batches\b/, api: 'batch' },
];
export const OPENAI_HOST = /\bapi\.openai\.com\b|\.openai\.azure\.com\b/;

/** The API a REST path is (the path part only: a host named `…/embeddings-proxy` is not the path). */
export function httpApiOf(url: string): LlmApiKind | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return HTTP_PATHS.find((p) => p.pattern.test(path))?.api ?? null;
}

/** LangChain chat/embedding classes and the methods that call the API. */
export const LANGCHAIN_CLASSES: Readonly<Record<string, LlmApiKind>> = lookupTable({
  ChatOpenAI: 'chat',
  AzureChatOpenAI: 'chat',
  OpenAI: 'completions',
  OpenAIEmbeddings: 'embeddings',
  AzureOpenAIEmbeddings: 'embeddings',
});
export const LANGCHAIN_METHODS = new Set([
  'invoke',
  'ainvoke',
  'stream',
  'astream',
  'batch',
  'abatch',
  'generate',
  'agenerate',
  'call',
  'predict',
  'embedQuery',
  'embedDocuments',
  'embed_query',
  'embed_documents',
  'aembed_query',
  'aembed_documents',
]);
export const AI_SDK_FUNCTIONS: Readonly<Record<string, LlmApiKind>> = lookupTable({
  generateText: 'chat',
  streamText: 'chat',
  generateObject: 'chat',
  streamObject: 'chat',
  embed: 'embeddings',
  embedMany: 'embeddings',
});

export interface StoreModule {
  kind: StoreKind;
  engine: string;
  /** Methods that write through this client when they differ from the kind's (`add_messages` of a chat history). */
  writes?: ReadonlySet<string>;
  reads?: ReadonlySet<string>;
  /** The constructor option that sets an expiry, and its unit (`ttl=3600` of RedisChatMessageHistory). */
  ttlOption?: { name: string; unit: 's' | 'ms' };
  /** The expiry the client was made with. */
  ttl?: { seconds: number | null; how: string } | null;
  /**
   * Project model, in a summary: a name imported from another file that may be a store handle (`Message` of
   * `../db/models`); its writes are kept with the binding and typed when a view resolves it (or dropped).
   */
  deferred?: { source: string; imported: string } | { module: string; name: string | null };
}

/** LangChain chat message histories: what a conversation store writes and reads. */
const CHAT_HISTORY_WRITES = new Set([
  'add_message',
  'add_messages',
  'aadd_messages',
  'add_user_message',
  'add_ai_message',
  'addMessage',
  'addMessages',
  'addUserMessage',
  'addAIMessage',
  'addAIChatMessage',
]);
const CHAT_HISTORY_READS = new Set(['messages', 'get_messages', 'aget_messages', 'getMessages']);
/** LangChain vector stores (Python and JS): writes of texts and documents with their embeddings, and searches. */
const VECTOR_STORE_WRITES = new Set([
  'add_texts',
  'aadd_texts',
  'add_documents',
  'aadd_documents',
  'from_documents',
  'afrom_documents',
  'from_texts',
  'afrom_texts',
  'add_embeddings',
  'addDocuments',
  'addVectors',
  'fromDocuments',
  'fromTexts',
  'upsert',
  'add',
  'insert',
]);
const VECTOR_STORE_READS = new Set([
  'similarity_search',
  'asimilarity_search',
  'similarity_search_with_score',
  'similarity_search_by_vector',
  'max_marginal_relevance_search',
  'similaritySearch',
  'similaritySearchWithScore',
  'similaritySearchVectorWithScore',
  'maxMarginalRelevanceSearch',
  'as_retriever',
  'asRetriever',
]);

const history = (kind: StoreKind, engine: string, ttl?: StoreModule['ttlOption']): StoreModule => ({
  kind,
  engine,
  writes: CHAT_HISTORY_WRITES,
  reads: CHAT_HISTORY_READS,
  ...(ttl ? { ttlOption: ttl } : {}),
});
const vectorStore = (engine: string): StoreModule => ({ kind: 'vector', engine, writes: VECTOR_STORE_WRITES, reads: VECTOR_STORE_READS });

/**
 * Store classes that libraries provide, by class name as imported (LangChain chat message histories and vector
 * stores, JS and Python): the receiver made from one writes through the listed methods. TTL options per the
 * classes' constructors (langchain_community RedisChatMessageHistory `ttl` in seconds; @langchain/redis
 * RedisChatMessageHistory `sessionTTL` in seconds; UpstashRedisChatMessageHistory `sessionTTL`).
 */
export const STORE_CLASSES: Readonly<Record<string, StoreModule>> = lookupTable({
  RedisChatMessageHistory: history('redis', 'redis', { name: 'ttl', unit: 's' }),
  UpstashRedisChatMessageHistory: history('redis', 'upstash', { name: 'sessionTTL', unit: 's' }),
  MongoDBChatMessageHistory: history('mongodb', 'mongodb'),
  DynamoDBChatMessageHistory: history('dynamodb', 'dynamodb'),
  PostgresChatMessageHistory: history('rdbms', 'postgresql'),
  SQLChatMessageHistory: history('rdbms', 'sqlalchemy'),
  CassandraChatMessageHistory: history('cassandra', 'cassandra', { name: 'ttl_seconds', unit: 's' }),
  ElasticsearchChatMessageHistory: history('elasticsearch', 'elasticsearch'),
  FileChatMessageHistory: history('file', 'file'),
  Chroma: vectorStore('chroma'),
  PineconeVectorStore: vectorStore('pinecone'),
  PineconeStore: vectorStore('pinecone'),
  Pinecone: { kind: 'vector', engine: 'pinecone' },
  QdrantVectorStore: vectorStore('qdrant'),
  Qdrant: vectorStore('qdrant'),
  Weaviate: vectorStore('weaviate'),
  WeaviateVectorStore: vectorStore('weaviate'),
  WeaviateStore: vectorStore('weaviate'),
  Milvus: vectorStore('milvus'),
  PGVector: vectorStore('pgvector'),
  PGVectorStore: vectorStore('pgvector'),
  SupabaseVectorStore: vectorStore('supabase'),
  MongoDBAtlasVectorSearch: vectorStore('mongodb-atlas'),
  RedisVectorStore: vectorStore('redis'),
  Redis: { kind: 'redis', engine: 'redis' },
  ElasticsearchStore: vectorStore('elasticsearch'),
  ElasticVectorSearch: vectorStore('elasticsearch'),
  OpenSearchVectorSearch: vectorStore('opensearch'),
  OpenSearchVectorStore: vectorStore('opensearch'),
  FAISS: vectorStore('faiss'),
  FaissStore: vectorStore('faiss'),
  LanceDB: vectorStore('lancedb'),
  Cassandra: vectorStore('cassandra'),
  AstraDBVectorStore: vectorStore('astradb'),
});

/**
 * LangChain LLM caches (`set_llm_cache(...)`, `cache=` on a chat model): a cache read before each call and a write
 * after it. TTL options per the classes' constructors (RedisCache `ttl` seconds, UpstashRedisCache `ttl` seconds,
 * CassandraCache `ttl_seconds`, MomentoCache `ttl` a timedelta; @langchain/community RedisCache `ttl` seconds).
 */
export const LLM_CACHES: Readonly<Record<string, StoreModule>> = lookupTable({
  InMemoryCache: { kind: 'memory', engine: 'memory' },
  RedisCache: { kind: 'redis', engine: 'redis', ttlOption: { name: 'ttl', unit: 's' } },
  RedisSemanticCache: { kind: 'redis', engine: 'redis', ttlOption: { name: 'ttl', unit: 's' } },
  UpstashRedisCache: { kind: 'redis', engine: 'upstash', ttlOption: { name: 'ttl', unit: 's' } },
  SQLiteCache: { kind: 'rdbms', engine: 'sqlite' },
  SQLAlchemyCache: { kind: 'rdbms', engine: 'sqlalchemy' },
  MongoDBCache: { kind: 'mongodb', engine: 'mongodb' },
  MongoDBAtlasSemanticCache: { kind: 'mongodb', engine: 'mongodb' },
  CassandraCache: { kind: 'cassandra', engine: 'cassandra', ttlOption: { name: 'ttl_seconds', unit: 's' } },
  CassandraSemanticCache: { kind: 'cassandra', engine: 'cassandra', ttlOption: { name: 'ttl_seconds', unit: 's' } },
  ElasticsearchCache: { kind: 'elasticsearch', engine: 'elasticsearch' },
  AzureCosmosDBSemanticCache: { kind: 'mongodb', engine: 'cosmosdb' },
  MomentoCache: { kind: 'memory', engine: 'momento', ttlOption: { name: 'ttl', unit: 's' } },
  GPTCache: { kind: 'memory', engine: 'gptcache' },
});

/**
 * In-process memoizing decorators (by qualified Python name): a hit skips the decorated function, as
 * `functools.lru_cache` does. cachetools: `cachetools/func.py` (`ttl_cache(maxsize=128, ttl=600, ...)` and the
 * other policies) and `cachetools.cached(cache)` / `cachedmethod`; async-lru's `alru_cache` (read 2026-12-04).
 */
export const MEMO_DECORATORS: ReadonlySet<string> = new Set([
  'functools.lru_cache',
  'functools.cache',
  'cachetools.cached',
  'cachetools.cachedmethod',
  'cachetools.func.ttl_cache',
  'cachetools.func.lru_cache',
  'cachetools.func.lfu_cache',
  'cachetools.func.fifo_cache',
  'cachetools.func.mru_cache',
  'cachetools.func.rr_cache',
  'async_lru.alru_cache',
]);

/**
 * Functions (by qualified Python name) that write their arguments to a store: Cassandra's concurrent executors,
 * the Elasticsearch/OpenSearch bulk helpers.
 */
export const STORE_FUNCTIONS: Readonly<Record<string, StoreModule>> = lookupTable({
  'cassandra.concurrent.execute_concurrent': { kind: 'cassandra', engine: 'cassandra' },
  'cassandra.concurrent.execute_concurrent_with_args': { kind: 'cassandra', engine: 'cassandra' },
  'elasticsearch.helpers.bulk': { kind: 'elasticsearch', engine: 'elasticsearch' },
  'elasticsearch.helpers.streaming_bulk': { kind: 'elasticsearch', engine: 'elasticsearch' },
  'elasticsearch.helpers.parallel_bulk': { kind: 'elasticsearch', engine: 'elasticsearch' },
  'elasticsearch.helpers.async_bulk': { kind: 'elasticsearch', engine: 'elasticsearch' },
  'opensearchpy.helpers.bulk': { kind: 'elasticsearch', engine: 'opensearch' },
  'opensearchpy.helpers.streaming_bulk': { kind: 'elasticsearch', engine: 'opensearch' },
});

/** The store class a name is (the last part of an imported name). */
export function storeClass(name: string): StoreModule | null {
  return STORE_CLASSES[name.split('.').pop()!] ?? null;
}

/** Import sources (npm packages and Python modules) that give a store client, by longest prefix. */
export const STORE_MODULES: Readonly<Record<string, StoreModule>> = lookupTable({
  // JavaScript / TypeScript
  mongodb: { kind: 'mongodb', engine: 'mongodb' },
  mongoose: { kind: 'mongodb', engine: 'mongoose' },
  redis: { kind: 'redis', engine: 'redis' },
  ioredis: { kind: 'redis', engine: 'ioredis' },
  '@upstash/redis': { kind: 'redis', engine: 'upstash' },
  '@aws-sdk/client-dynamodb': { kind: 'dynamodb', engine: 'dynamodb' },
  '@aws-sdk/lib-dynamodb': { kind: 'dynamodb', engine: 'dynamodb' },
  'cassandra-driver': { kind: 'cassandra', engine: 'cassandra' },
  '@elastic/elasticsearch': { kind: 'elasticsearch', engine: 'elasticsearch' },
  '@opensearch-project/opensearch': { kind: 'elasticsearch', engine: 'opensearch' },
  pg: { kind: 'rdbms', engine: 'postgresql' },
  postgres: { kind: 'rdbms', engine: 'postgresql' },
  mysql2: { kind: 'rdbms', engine: 'mysql' },
  mysql: { kind: 'rdbms', engine: 'mysql' },
  'better-sqlite3': { kind: 'rdbms', engine: 'sqlite' },
  sqlite3: { kind: 'rdbms', engine: 'sqlite' },
  '@prisma/client': { kind: 'rdbms', engine: 'prisma' },
  sequelize: { kind: 'rdbms', engine: 'sequelize' },
  knex: { kind: 'rdbms', engine: 'knex' },
  typeorm: { kind: 'rdbms', engine: 'typeorm' },
  '@pinecone-database/pinecone': { kind: 'vector', engine: 'pinecone' },
  '@qdrant/js-client-rest': { kind: 'vector', engine: 'qdrant' },
  chromadb: { kind: 'vector', engine: 'chroma' },
  'weaviate-client': { kind: 'vector', engine: 'weaviate' },
  'weaviate-ts-client': { kind: 'vector', engine: 'weaviate' },
  '@zilliz/milvus2-sdk-node': { kind: 'vector', engine: 'milvus' },
  pgvector: { kind: 'vector', engine: 'pgvector' },
  '@supabase/supabase-js': { kind: 'rdbms', engine: 'supabase' },
  'drizzle-orm': { kind: 'rdbms', engine: 'drizzle' },
  '@vercel/postgres': { kind: 'rdbms', engine: 'postgresql' },
  '@neondatabase/serverless': { kind: 'rdbms', engine: 'postgresql' },
  '@vercel/kv': { kind: 'redis', engine: 'upstash' },
  fs: { kind: 'file', engine: 'fs' },
  'fs/promises': { kind: 'file', engine: 'fs' },
  'node:fs': { kind: 'file', engine: 'fs' },
  'node:fs/promises': { kind: 'file', engine: 'fs' },
  // Python
  pymongo: { kind: 'mongodb', engine: 'mongodb' },
  motor: { kind: 'mongodb', engine: 'mongodb' },
  mongoengine: { kind: 'mongodb', engine: 'mongoengine' },
  aioredis: { kind: 'redis', engine: 'redis' },
  boto3: { kind: 'dynamodb', engine: 'dynamodb' },
  cassandra: { kind: 'cassandra', engine: 'cassandra' },
  elasticsearch: { kind: 'elasticsearch', engine: 'elasticsearch' },
  opensearchpy: { kind: 'elasticsearch', engine: 'opensearch' },
  psycopg2: { kind: 'rdbms', engine: 'postgresql' },
  psycopg: { kind: 'rdbms', engine: 'postgresql' },
  asyncpg: { kind: 'rdbms', engine: 'postgresql' },
  pymysql: { kind: 'rdbms', engine: 'mysql' },
  'mysql.connector': { kind: 'rdbms', engine: 'mysql' },
  sqlalchemy: { kind: 'rdbms', engine: 'sqlalchemy' },
  // Flask-SQLAlchemy's `db = SQLAlchemy()`: `db.session.add(row)` is a SQLAlchemy session write.
  flask_sqlalchemy: { kind: 'rdbms', engine: 'sqlalchemy' },
  'django.db': { kind: 'rdbms', engine: 'django' },
  pinecone: { kind: 'vector', engine: 'pinecone' },
  qdrant_client: { kind: 'vector', engine: 'qdrant' },
  weaviate: { kind: 'vector', engine: 'weaviate' },
  pymilvus: { kind: 'vector', engine: 'milvus' },
  supabase: { kind: 'rdbms', engine: 'supabase' },
  lancedb: { kind: 'vector', engine: 'lancedb' },
  peewee: { kind: 'rdbms', engine: 'peewee' },
  tortoise: { kind: 'rdbms', engine: 'tortoise' },
  sqlmodel: { kind: 'rdbms', engine: 'sqlalchemy' },
  beanie: { kind: 'mongodb', engine: 'beanie' },
});

export function storeModule(source: string): StoreModule | null {
  let best: string | null = null;
  for (const key of Object.keys(STORE_MODULES)) {
    if ((source === key || source.startsWith(`${key}.`) || source.startsWith(`${key}/`)) && (!best || key.length > best.length)) best = key;
  }
  return best ? STORE_MODULES[best]! : null;
}

/**
 * A MongoDB TTL index made in this file (`expireAfterSeconds`, or a Mongoose schema field's `expires`): applies to
 * every Mongo write in the file, since the index lives on the collection, not on the write.
 */
export function mongoTtlIn(text: string, mongoose: boolean): { seconds: number | null; how: string } | null {
  const m = /expireAfterSeconds\s*[:=]\s*([\d_]+(?:\s*\*\s*[\d_]+)*)/.exec(text);
  if (m) return { seconds: m[1]!.split('*').reduce((a, b) => a * Number(b.replace(/_/g, '').trim()), 1), how: 'TTL index in this file' };
  return mongoose && /\bexpires\s*:/.test(text) ? { seconds: null, how: 'Mongoose expires in this file' } : null;
}

/** Engines where an embedding written to a table is a pgvector column: a vector store, not relational data. */
const PGVECTOR_ENGINES = new Set(['postgresql', 'supabase', 'pgvector']);

/** An embeddings result written to a Postgres table is stored in a vector column (pgvector). */
export function asVectorColumn<T extends { kind: StoreKind; engine: string }>(store: T): T {
  return store.kind === 'rdbms' && PGVECTOR_ENGINES.has(store.engine) ? { ...store, kind: 'vector', engine: 'pgvector' } : store;
}

/** Record fields an answer becomes part of the app's own data in (an agent's name, a conversation's title). */
export const ENTITY_FIELD =
  /^(name|title|label|display_?name|slug|emoji|icon|category|categories|tags?|topic|subject|caption|headline|nickname|alias)$/i;

/**
 * Columns that make a written row a turn of a conversation the app keeps (chat history joined to its session or chat
 * rows), not a cache of API results: a conversation or session key (`chat_id`, `sessionId`, `chat_session_id`,
 * `thread_id`), or a message's role beside its content.
 */
const CONVERSATION_KEY = /^(chat|session|conversation|convo|thread|dialog(ue)?)([_-]?(session|thread))?[_-]?id$/i;
const MESSAGE_BODY = /^(content|message|text|body)$/i;

/** The key that marks a row as conversation history (CONVERSATION_KEY, or `role` beside a message body), else null. */
export function conversationKeyOf(keys: readonly string[]): string | null {
  const key = keys.find((k) => CONVERSATION_KEY.test(k));
  if (key) return key;
  return keys.some((k) => /^role$/i.test(k)) && keys.some((k) => MESSAGE_BODY.test(k)) ? 'role' : null;
}

/** The column list of an `INSERT INTO t (a, b) VALUES ...` statement, else none. */
export function insertColumns(sql: string): string[] {
  const m = /\binsert\s+(?:or\s+\w+\s+)?into\s+[\w."`[\]]+\s*\(([^)]*)\)/i.exec(sql);
  return m ? m[1]!.split(',').map((c) => c.trim().replace(/^["`[]|["`\]]$/g, '')) : [];
}

/** Keys that identify a record (or start an operator): a guard on them is no check of a stored result. */
export const RECORD_KEY = /^(\$.*|_?id|pk|key|uuid|\w+_id|\w+Id|\w+_key|\w+Key)$/;

/** One entry per written place: a write reached both directly and through a helper is listed once. */
export function dedupeStores<T extends { line: number; range: { startColumn: number }; kind: string }>(stores: T[]): T[] {
  const seen = new Set<string>();
  return stores.filter((s) => {
    const k = `${s.line}:${s.range.startColumn}:${s.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Receivers named like a store (`this.redis`, `mongoCollection`) when the client is made in another file. */
export const STORE_NAME_HINTS: ReadonlyArray<{ pattern: RegExp; module: StoreModule }> = [
  { pattern: /redis/i, module: { kind: 'redis', engine: 'redis' } },
  { pattern: /mongo|collection$/i, module: { kind: 'mongodb', engine: 'mongodb' } },
  { pattern: /dynamo|ddb/i, module: { kind: 'dynamodb', engine: 'dynamodb' } },
  { pattern: /cassandra|scylla/i, module: { kind: 'cassandra', engine: 'cassandra' } },
  { pattern: /elastic|opensearch/i, module: { kind: 'elasticsearch', engine: 'elasticsearch' } },
  { pattern: /pinecone|qdrant|chroma|weaviate|milvus|vectorstore|vector_store/i, module: { kind: 'vector', engine: 'vector' } },
  { pattern: /^(pg|pool|prisma|knex|sequelize|cursor|cur|conn|connection)$/i, module: { kind: 'rdbms', engine: 'sql' } },
];

/** Methods that write, per kind. SQL kinds write through query/execute of an INSERT/UPSERT/UPDATE statement. */
export const WRITE_METHODS: Readonly<Record<StoreKind, ReadonlySet<string>>> = {
  mongodb: new Set([
    'insertOne',
    'insertMany',
    'updateOne',
    'updateMany',
    'replaceOne',
    'findOneAndUpdate',
    'findOneAndReplace',
    'bulkWrite',
    'create',
    'save',
    'insert_one',
    'insert_many',
    'update_one',
    'update_many',
    'replace_one',
    'find_one_and_update',
    'bulk_write',
  ]),
  redis: new Set([
    'set',
    'setex',
    'setEx',
    'psetex',
    'pSetEx',
    'hset',
    'hSet',
    'hmset',
    'hMSet',
    'lpush',
    'lPush',
    'rpush',
    'rPush',
    'xadd',
    'xAdd',
    'mset',
    'mSet',
    'setnx',
    'setNX',
    'json.set',
  ]),
  dynamodb: new Set(['put_item', 'update_item', 'batch_write_item', 'put', 'update', 'batchWrite']),
  cassandra: new Set(),
  elasticsearch: new Set(['index', 'create', 'bulk', 'update']),
  // `values` and `set` close Drizzle's insert/update builders (`db.insert(t).values(row)`).
  // `update`: Sequelize `Model.update`, Prisma `x.update`, Supabase `.from(t).update(row)`.
  rdbms: new Set([
    'create',
    'createMany',
    'upsert',
    'insert',
    'save',
    'add',
    'add_all',
    'bulk_create',
    'bulkCreate',
    'values',
    'merge',
    'insert_many',
    'update',
    'updateMany',
  ]),
  file: new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'write', 'writelines', 'write_text', 'write_bytes', 'dump']),
  vector: new Set([
    'upsert',
    'add',
    'insert',
    'add_texts',
    'add_documents',
    'addDocuments',
    'addVectors',
    'upsert_points',
    'add_object',
    'add_data_object',
    'insert_many',
    'upsertRecords',
  ]),
  memory: new Set(['set']),
};

/** Every kind's write methods: what a name imported from another file may write through before it is typed. */
export const ANY_STORE_WRITES: ReadonlySet<string> = new Set(Object.values(WRITE_METHODS).flatMap((m) => [...m]));

/** Whether an API (`Message.create`, `db.query INSERT INTO`) is a write of a store of `kind` (a deferred write, typed). */
export function isWriteOf(kind: StoreKind, api: string): boolean {
  if (/\s/.test(api)) return kind === 'rdbms' || kind === 'cassandra' || kind === 'vector';
  const method = api.split('.').pop() ?? '';
  return WRITE_METHODS[kind].has(method) || (kind === 'vector' && VECTOR_STORE_WRITES.has(method)) || CHAT_HISTORY_WRITES.has(method);
}

export const READ_METHODS: Readonly<Record<StoreKind, ReadonlySet<string>>> = {
  mongodb: new Set(['findOne', 'find_one', 'find', 'findById', 'countDocuments']),
  redis: new Set(['get', 'hget', 'hGet', 'hgetall', 'hGetAll', 'mget', 'mGet', 'exists', 'json.get']),
  dynamodb: new Set(['get_item', 'get', 'query']),
  cassandra: new Set(),
  elasticsearch: new Set(['get', 'search']),
  rdbms: new Set(['findUnique', 'findFirst', 'findOne', 'findByPk', 'first', 'get', 'fetchone', 'select', 'rpc']),
  file: new Set(['readFile', 'readFileSync', 'existsSync', 'read', 'read_text', 'load']),
  vector: new Set(['query', 'search', 'similarity_search', 'similaritySearch', 'query_points', 'near_vector']),
  memory: new Set(['get', 'has']),
};

/** SQL execution methods (pg, mysql2, sqlite, cassandra-driver, DB-API cursors, SQLAlchemy). */
export const SQL_METHODS = new Set(['query', 'execute', 'executemany', 'run', 'exec', 'raw', '$executeRaw', '$executeRawUnsafe', 'none', 'one']);
export const SQL_WRITE = /^\s*(?:WITH\b[\s\S]*?\b)?(INSERT|UPSERT|UPDATE|REPLACE|MERGE)\b/i;
export const SQL_READ = /^\s*SELECT\b/i;

/** DynamoDB commands for `client.send(new PutCommand({...}))`. */
export const DYNAMO_WRITE_COMMANDS = new Set([
  'PutCommand',
  'PutItemCommand',
  'UpdateCommand',
  'UpdateItemCommand',
  'BatchWriteCommand',
  'BatchWriteItemCommand',
  'TransactWriteCommand',
]);
export const DYNAMO_READ_COMMANDS = new Set(['GetCommand', 'GetItemCommand', 'QueryCommand']);
/** Attribute names that usually hold a DynamoDB TTL epoch (the TTL attribute itself is a table setting). */
export const DYNAMO_TTL_ATTRIBUTES = /^(ttl|expires?_?at|expire_?at|expiration|expiry|expires|ttl_?epoch)$/i;

/** An expiry unit: seconds per value (`per`: 1000 for milliseconds), or null for an absolute time (seconds unknown). */
type TtlUnit = { per: number | null };

/**
 * Redis expiry forms, for both languages (node-redis, ioredis, redis-py), read by llm-flow-core.ts: an argument
 * of the write (`setex(key, seconds, value)`), an option of `set` (node-redis `{ EX: n }`, ioredis `'EX', n`,
 * redis-py `ex=n`: names upper case, the Python adapter asks them in lower case), and an expire of the key later in
 * the same function. Adding a client's spelling is a row here.
 */
export const REDIS_TTL_FORMS: {
  expiryArgument: ReadonlyArray<{ methods: readonly string[]; position: number; keyword?: string } & TtlUnit>;
  setOptions: ReadonlyArray<{ name: string } & TtlUnit>;
  laterExpire: ReadonlyArray<{ methods: readonly string[] } & TtlUnit>;
} = {
  expiryArgument: [
    { methods: ['setex', 'setEx'], position: 1, keyword: 'time', per: 1 },
    { methods: ['psetex', 'pSetEx'], position: 1, per: 1000 },
  ],
  setOptions: [
    { name: 'EX', per: 1 },
    { name: 'PX', per: 1000 },
    { name: 'EXAT', per: null },
    { name: 'PXAT', per: null },
  ],
  laterExpire: [
    { methods: ['expire', 'EXPIRE'], per: 1 },
    { methods: ['pexpire', 'pExpire', 'PEXPIRE'], per: 1000 },
    { methods: ['expireat', 'expireAt', 'EXPIREAT'], per: null },
  ],
};

/** CQL's expiry in the statement itself (`INSERT ... USING TTL 600`). */
export const SQL_TTL = /\bUSING\s+TTL\s+(\d+)/i;
/** A write whose SQL names a pgvector column or operator: a vector store, not relational data. */
export const SQL_VECTOR = /::vector|\bvector\s*\(|<->|<=>/;

/** Array methods that run their callback once per element: a call inside is a call per element. */
export const ITERATING_METHODS = new Set(['map', 'forEach', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find']);

/** Real OpenAI keys: sk-, sk-proj-, sk-svcacct-, sk-admin- followed by a long token. */
export const OPENAI_KEY = /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/;
/**
 * Values people paste while trying an example, and test fixtures: not a secret. As gitleaks does, a key must match a
 * provider format, carry enough entropy, and be none of the placeholders and stopwords below.
 */
export const PLACEHOLDER_KEY =
  /x{4,}|\*{3,}|\.\.\.|your|example|sample|placeholder|dummy|changeme|change-me|replace|redacted|<|\$\{|\{\{|test|fake|mock|stub|fixture|not-?a-?real|invalid|no-?key|0{8,}/i;
/** Minimum Shannon entropy (bits per character) of a real key's random part (gitleaks uses 3 for OpenAI keys). */
export const MIN_KEY_ENTROPY = 3;
/** Paths of tests and fixtures, where a key-shaped literal is a fixture (gitleaks' path allowlists do the same). */
export const TEST_PATH =
  /(^|[\\/])(tests?|__tests__|spec|specs|fixtures?|__fixtures__|mocks?|__mocks__|testdata)[\\/]|[._-](test|spec)\.[cm]?[jt]sx?$|(^|[\\/])test_[^\\/]*\.py$|_test\.py$|(^|[\\/])conftest\.py$/i;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) h -= (c / s.length) * Math.log2(c / s.length);
  return h;
}

/** Whether a key-shaped literal is a real secret: not a placeholder, random enough, not in a test file. */
export function isLikelyKey(key: string, path: string): boolean {
  if (PLACEHOLDER_KEY.test(key) || TEST_PATH.test(path)) return false;
  const body = key.replace(/^sk-(?:proj-|svcacct-|admin-|None-)?/, '');
  return entropy(body) >= MIN_KEY_ENTROPY;
}

/** `sk-…abcd`: enough to find the key in a secrets manager, never enough to use it. */
export function maskKey(key: string): string {
  const head = key.startsWith('sk-') ? 'sk-' : key.slice(0, 2);
  return `${head}…${key.slice(-4)}`;
}

/** Every key-shaped substring of `text`, masked (the one choke point, model/redact.ts). */
export function maskKeysIn(text: string): string {
  return redactSecrets(text);
}
