// Where an OpenAI result goes: one case per store kind and client library, plus the cache-before-call shapes and
// TTL detection. Each case asserts the store kind, engine, line and TTL the data flow must find.
import assert from 'node:assert/strict';
import type { Language } from '../../../src/core/model/types';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import { estimateCall } from '../../../src/core/sizing/llm-estimate';
import { encodingFor } from '../../../src/core/facts/llm-tokens';
import { llmFactsOf } from '../../helpers/llm';

const TS_CALL = "const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: q }] });";
const PY_CALL = 'r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": q}])';
const ts = (imports: string, setup: string, store: string) =>
  `import OpenAI from 'openai';\n${imports}\nconst c = new OpenAI();\n${setup}\nexport async function ask(q: string) {\n  ${TS_CALL}\n  const text = r.choices[0].message.content;\n  ${store}\n}\n`;
const py = (imports: string, setup: string, store: string) =>
  `from openai import OpenAI\n${imports}\nc = OpenAI()\n${setup}\ndef ask(q):\n    ${PY_CALL}\n    text = r.choices[0].message.content\n    ${store}\n`;

interface Case {
  name: string;
  language: Language;
  code: string;
  kind: string;
  engine?: string;
  ttl?: number | 'set' | null;
}

const CASES: Case[] = [
  {
    name: 'MongoDB driver insertOne',
    language: 'typescript',
    code: ts(
      "import { MongoClient } from 'mongodb';",
      "const col = new MongoClient('x').db('a').collection('t');",
      'await col.insertOne({ q, text });',
    ),
    kind: 'mongodb',
    engine: 'mongodb',
    ttl: null,
  },
  {
    name: 'Mongoose Model.create with a TTL index in the file',
    language: 'typescript',
    code: ts(
      "import mongoose from 'mongoose';",
      "const schema = new mongoose.Schema({ at: Date });\nschema.index({ at: 1 }, { expireAfterSeconds: 3600 });\nconst Chat = mongoose.model('Chat', schema);",
      'await Chat.create({ q, text });',
    ),
    kind: 'mongodb',
    engine: 'mongoose',
    ttl: 3600,
  },
  {
    name: 'pymongo insert_one',
    language: 'python',
    code: py('from pymongo import MongoClient', 'col = MongoClient()["app"]["chats"]', 'col.insert_one({"q": q, "a": text})'),
    kind: 'mongodb',
    ttl: null,
  },
  {
    name: 'ioredis set EX',
    language: 'typescript',
    code: ts("import Redis from 'ioredis';", 'const redis = new Redis();', "await redis.set(q, text, 'EX', 60 * 60);"),
    kind: 'redis',
    engine: 'ioredis',
    ttl: 3600,
  },
  {
    name: 'node-redis setEx',
    language: 'typescript',
    code: ts("import { createClient } from 'redis';", 'const redis = createClient();', 'await redis.setEx(q, 120, text);'),
    kind: 'redis',
    engine: 'redis',
    ttl: 120,
  },
  {
    name: 'redis-py hset without expiry',
    language: 'python',
    code: py('import redis', 'r2 = redis.Redis()', 'r2.hset("chats", q, text)'),
    kind: 'redis',
    ttl: null,
  },
  {
    name: 'DynamoDB PutItemCommand with expiresAt',
    language: 'typescript',
    code: ts(
      "import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';",
      'const ddb = new DynamoDBClient({});',
      "await ddb.send(new PutItemCommand({ TableName: 't', Item: { q: { S: q }, a: { S: text }, expiresAt: { N: '1' } } }));",
    ),
    kind: 'dynamodb',
    ttl: 'set',
  },
  {
    name: 'boto3 put_item',
    language: 'python',
    code: py('import boto3', 'table = boto3.resource("dynamodb").Table("chats")', 'table.put_item(Item={"q": q, "a": text})'),
    kind: 'dynamodb',
    ttl: null,
  },
  {
    name: 'cassandra-driver execute INSERT USING TTL',
    language: 'typescript',
    code: ts(
      "import { Client } from 'cassandra-driver';",
      "const cass = new Client({ contactPoints: ['h'], localDataCenter: 'dc1' });",
      "await cass.execute('INSERT INTO chats (q, a) VALUES (?, ?) USING TTL 86400', [q, text]);",
    ),
    kind: 'cassandra',
    ttl: 86400,
  },
  {
    name: 'Cassandra (Python) session.execute INSERT',
    language: 'python',
    code: py(
      'from cassandra.cluster import Cluster',
      'session = Cluster().connect("app")',
      'session.execute("INSERT INTO chats (q, a) VALUES (%s, %s)", (q, text))',
    ),
    kind: 'cassandra',
    ttl: null,
  },
  {
    name: 'Elasticsearch index',
    language: 'typescript',
    code: ts(
      "import { Client } from '@elastic/elasticsearch';",
      "const es = new Client({ node: 'http://es:9200' });",
      "await es.index({ index: 'answers', document: { q, text } });",
    ),
    kind: 'elasticsearch',
    ttl: null,
  },
  {
    name: 'OpenSearch (Python) index',
    language: 'python',
    code: py('from opensearchpy import OpenSearch', 'os_client = OpenSearch()', 'os_client.index(index="answers", body={"q": q, "a": text})'),
    kind: 'elasticsearch',
    engine: 'opensearch',
    ttl: null,
  },
  {
    name: 'pg pool.query INSERT',
    language: 'typescript',
    code: ts("import { Pool } from 'pg';", 'const pool = new Pool();', "await pool.query('INSERT INTO a (q, t) VALUES ($1, $2)', [q, text]);"),
    kind: 'rdbms',
    engine: 'postgresql',
  },
  {
    name: 'mysql2 execute INSERT',
    language: 'typescript',
    code: ts(
      "import mysql from 'mysql2/promise';",
      'const db = await mysql.createConnection({});',
      "await db.execute('INSERT INTO a (q, t) VALUES (?, ?)', [q, text]);",
    ),
    kind: 'rdbms',
    engine: 'mysql',
  },
  {
    name: 'better-sqlite3 prepare(INSERT).run',
    language: 'typescript',
    code: ts(
      "import Database from 'better-sqlite3';",
      "const db = new Database('a.db');",
      "db.prepare('INSERT INTO a (q, t) VALUES (?, ?)').run(q, text);",
    ),
    kind: 'rdbms',
    engine: 'sqlite',
  },
  {
    name: 'Sequelize Model.create',
    language: 'typescript',
    code: ts(
      "import { Sequelize, DataTypes } from 'sequelize';",
      "const sequelize = new Sequelize('sqlite::memory:');\nconst Answer = sequelize.define('Answer', { q: DataTypes.STRING });",
      'await Answer.create({ q, text });',
    ),
    kind: 'rdbms',
    engine: 'sequelize',
  },
  {
    name: 'Knex insert',
    language: 'typescript',
    code: ts("import knex from 'knex';", "const db = knex({ client: 'pg' });", "await db('answers').insert({ q, text });"),
    kind: 'rdbms',
    engine: 'knex',
  },
  {
    name: 'TypeORM repository save',
    language: 'typescript',
    code: ts(
      "import { DataSource } from 'typeorm';",
      'const ds = new DataSource({ type: "postgres" });',
      "await ds.getRepository('Answer').save({ q, text });",
    ),
    kind: 'rdbms',
    engine: 'typeorm',
  },
  {
    name: 'SQLAlchemy session.add',
    language: 'python',
    code: py('from sqlalchemy.orm import Session', 'session = Session()', 'session.add(Answer(q=q, a=text))'),
    kind: 'rdbms',
    engine: 'sqlalchemy',
  },
  {
    name: 'Flask-SQLAlchemy db.session.add of a model built from the reply',
    language: 'python',
    code: py('from flask_sqlalchemy import SQLAlchemy', 'db = SQLAlchemy()', 'log = ChatLog(prompt=q, completion=text)\n    db.session.add(log)'),
    kind: 'rdbms',
    engine: 'sqlalchemy',
  },
  {
    name: 'DB-API cursor.execute INSERT',
    language: 'python',
    code: py('import psycopg2', 'conn = psycopg2.connect("")\ncur = conn.cursor()', 'cur.execute("INSERT INTO a VALUES (%s, %s)", (q, text))'),
    kind: 'rdbms',
    engine: 'postgresql',
  },
  {
    name: 'fs.writeFile',
    language: 'typescript',
    code: ts("import { writeFile } from 'node:fs/promises';", '', "await writeFile('out.txt', text);"),
    kind: 'file',
  },
  { name: 'open().write', language: 'python', code: py('', '', 'with open("out.txt", "w") as f:\n        f.write(text)'), kind: 'file' },
  { name: 'json.dump', language: 'python', code: py('import json', '', 'json.dump({"a": text}, open("o.json", "w"))'), kind: 'file' },
  {
    name: 'Pinecone upsert',
    language: 'typescript',
    code: ts(
      "import { Pinecone } from '@pinecone-database/pinecone';",
      "const index = new Pinecone().index('docs');",
      'await index.upsert([{ id: q, values: [], metadata: { text } }]);',
    ),
    kind: 'vector',
    engine: 'pinecone',
  },
  {
    name: 'Qdrant upsert (Python)',
    language: 'python',
    code: py('from qdrant_client import QdrantClient', 'qd = QdrantClient()', 'qd.upsert(collection_name="docs", points=[text])'),
    kind: 'vector',
    engine: 'qdrant',
  },
  {
    name: 'Chroma add',
    language: 'typescript',
    code: ts(
      "import { ChromaClient } from 'chromadb';",
      "const col = await new ChromaClient().getOrCreateCollection({ name: 'docs' });",
      'await col.add({ ids: [q], documents: [text] });',
    ),
    kind: 'vector',
    engine: 'chroma',
  },
  {
    name: 'Weaviate insert (Python)',
    language: 'python',
    code: py('import weaviate', 'wc = weaviate.connect_to_local()\ndocs = wc.collections.get("Docs")', 'docs.data.insert({"q": q, "a": text})'),
    kind: 'vector',
    engine: 'weaviate',
  },
  {
    name: 'Milvus insert',
    language: 'typescript',
    code: ts(
      "import { MilvusClient } from '@zilliz/milvus2-sdk-node';",
      "const milvus = new MilvusClient({ address: 'm:19530' });",
      "await milvus.insert({ collection_name: 'docs', data: [{ text }] });",
    ),
    kind: 'vector',
    engine: 'milvus',
  },
  {
    name: 'pgvector INSERT ::vector',
    language: 'python',
    code: py('import psycopg', 'conn = psycopg.connect("")', 'conn.execute("INSERT INTO items (embedding) VALUES (%s::vector)", (text,))'),
    kind: 'vector',
    engine: 'pgvector',
  },
  // Stores that libraries provide, typed from their imports.
  {
    name: 'Supabase from().insert',
    language: 'typescript',
    code: ts(
      "import { createClient } from '@supabase/supabase-js';",
      "const supabase = createClient('u', 'k');",
      "await supabase.from('answers').insert({ q, text });",
    ),
    kind: 'rdbms',
    engine: 'supabase',
    ttl: null,
  },
  {
    name: 'Supabase (Python) table().insert',
    language: 'python',
    code: py('from supabase import create_client', 'sb = create_client("u", "k")', 'sb.table("answers").insert({"q": q, "a": text}).execute()'),
    kind: 'rdbms',
    engine: 'supabase',
  },
  {
    name: 'Drizzle db.insert().values()',
    language: 'typescript',
    code: ts(
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      'const db = drizzle(process.env.DB!);',
      'await db.insert(answers).values({ q, text });',
    ),
    kind: 'rdbms',
    engine: 'drizzle',
  },
  {
    name: 'TypeORM repository typed from its import',
    language: 'typescript',
    code: ts("import { Repository } from 'typeorm';", 'declare const repo: Repository<object>;', 'await repo.save({ q, text });'),
    kind: 'rdbms',
    engine: 'typeorm',
  },
  {
    name: 'Mongoose document built from the result, then save()',
    language: 'typescript',
    code: ts(
      "import mongoose from 'mongoose';",
      "const Chat = mongoose.model('Chat', new mongoose.Schema({}));",
      'const doc = new Chat({ q, text });\n  await doc.save();',
    ),
    kind: 'mongodb',
    engine: 'mongoose',
  },
  {
    name: 'Django model built from the result, then save()',
    language: 'python',
    code: py('from django.db import models', 'Answer = None', 'a = Answer(q=q, text=text)\n    a.save()'),
    kind: 'rdbms',
    engine: 'django',
  },
  {
    name: 'LangChain RedisChatMessageHistory with ttl',
    language: 'python',
    code: py(
      'from langchain_community.chat_message_histories import RedisChatMessageHistory',
      'history = RedisChatMessageHistory("s1", url="redis://r", ttl=600)',
      'history.add_ai_message(text)',
    ),
    kind: 'redis',
    ttl: 600,
  },
  {
    name: 'LangChain MongoDBChatMessageHistory (TS)',
    language: 'typescript',
    code: ts(
      "import { MongoDBChatMessageHistory } from '@langchain/mongodb';",
      "const history = new MongoDBChatMessageHistory({ collection: col, sessionId: 's' });",
      'await history.addAIMessage(text);',
    ),
    kind: 'mongodb',
    ttl: null,
  },
  {
    name: 'LangChain vector store add_texts',
    language: 'python',
    code: py('from langchain_community.vectorstores import Chroma', 'vs = Chroma(collection_name="docs")', 'vs.add_texts([text])'),
    kind: 'vector',
    engine: 'chroma',
  },
  {
    name: 'LangChain PineconeStore typed from its import',
    language: 'typescript',
    code: ts(
      "import { PineconeStore } from '@langchain/pinecone';",
      'declare const store: PineconeStore;',
      'await store.addDocuments([{ pageContent: text, metadata: {} }]);',
    ),
    kind: 'vector',
    engine: 'pinecone',
  },
  {
    name: 'Elasticsearch helpers.bulk',
    language: 'python',
    code: py('from elasticsearch import Elasticsearch, helpers', 'es = Elasticsearch()', 'helpers.bulk(es, [{"_index": "a", "text": text}])'),
    kind: 'elasticsearch',
    engine: 'elasticsearch',
  },
  {
    name: 'Cassandra execute_concurrent_with_args',
    language: 'python',
    code: py(
      'from cassandra.concurrent import execute_concurrent_with_args',
      'session = None',
      'execute_concurrent_with_args(session, "INSERT INTO a (t) VALUES (%s)", [(text,)])',
    ),
    kind: 'cassandra',
  },
];

describe('OpenAI result data flow: every store kind', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.language})`, async () => {
      const facts = await llmFactsOf(c.code, c.language);
      assert.equal(facts.calls.length, 1, 'one call site');
      const stores = facts.calls[0]!.stores;
      assert.equal(stores.length, 1, `one store write, got ${JSON.stringify(stores)}`);
      const s = stores[0]!;
      assert.equal(s.kind, c.kind);
      if (c.engine) assert.equal(s.engine, c.engine);
      const storeLine =
        c.code
          .split('\n')
          .findIndex(
            (l, i) =>
              i > 5 && /insert|set|put|send|execute|query|index|run|create|save|add|write|dump|upsert|hset|setEx/i.test(l) && !/completions/.test(l),
          ) + 1;
      assert.equal(s.line, storeLine, 'store line');
      if (c.ttl === null) assert.equal(s.ttl, null);
      else if (c.ttl === 'set') assert.ok(s.ttl, 'a TTL');
      else if (typeof c.ttl === 'number') assert.equal(s.ttl?.seconds, c.ttl);
    });
  }
});

describe('OpenAI result data flow: LangChain LLM caches', () => {
  it('set_llm_cache(RedisCache(ttl=...)) is a cache read before each call and a write with that TTL', async () => {
    const code =
      'from langchain_openai import ChatOpenAI\nfrom langchain_community.cache import RedisCache\nfrom langchain_core.globals import set_llm_cache\nfrom redis import Redis\nset_llm_cache(RedisCache(redis_=Redis(), ttl=3600))\nllm = ChatOpenAI(model="gpt-4o-mini", max_tokens=100)\ndef ask(q):\n    return llm.invoke(q)\n';
    const call = (await llmFactsOf(code, 'python')).calls[0]!;
    assert.deepEqual(call.cacheLookup, { kind: 'redis', api: 'RedisCache (LangChain LLM cache)', line: 5 });
    assert.deepEqual(
      call.stores.map((s) => [s.kind, s.engine, s.line, s.ttl?.seconds]),
      [['redis', 'redis', 5, 3600]],
    );
  });
  it('cache: new RedisCache(client, { ttl }) on a chat model (TS)', async () => {
    const code =
      "import { ChatOpenAI } from '@langchain/openai';\nimport { RedisCache } from '@langchain/community/caches/ioredis';\nimport { Redis } from 'ioredis';\nconst model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 100, cache: new RedisCache(new Redis(), { ttl: 60 }) });\nexport const ask = (q: string) => model.invoke(q);\n";
    const call = (await llmFactsOf(code, 'typescript')).calls[0]!;
    assert.equal(call.cacheLookup?.kind, 'redis');
    assert.deepEqual(
      call.stores.map((s) => [s.kind, s.ttl?.seconds]),
      [['redis', 60]],
    );
  });
  it('cache=False on the model opts out of the process-wide cache', async () => {
    const code =
      'from langchain_openai import ChatOpenAI\nfrom langchain_community.cache import SQLiteCache\nfrom langchain_core.globals import set_llm_cache\nset_llm_cache(SQLiteCache(database_path=".lc.db"))\nllm = ChatOpenAI(model="gpt-4o-mini", max_tokens=100, cache=False)\ndef ask(q):\n    return llm.invoke(q)\n';
    const call = (await llmFactsOf(code, 'python')).calls[0]!;
    assert.equal(call.cacheLookup, null);
    assert.deepEqual(call.stores, []);
  });
});

describe('OpenAI result data flow: shapes', () => {
  it('follows a stream: for await chunks accumulated with += then stored', async () => {
    const code =
      "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nconst c = new OpenAI();\nconst redis = new Redis();\nexport async function ask(q: string) {\n  const stream = await c.chat.completions.create({ model: 'gpt-4o', stream: true, max_tokens: 5, messages: [] });\n  let text = '';\n  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';\n  await redis.setex(q, 30, text);\n}\n";
    const f = await llmFactsOf(code, 'typescript');
    assert.equal(f.calls[0]!.stream, true);
    assert.deepEqual(
      f.calls[0]!.stores.map((s) => [s.kind, s.line, s.ttl?.seconds]),
      [['redis', 9, 30]],
    );
  });

  it('follows the result returned by a helper into the caller that stores it', async () => {
    const code =
      'import redis\nfrom openai import OpenAI\nc = OpenAI()\nr2 = redis.Redis()\ndef complete(q):\n    out = c.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[{"role": "user", "content": q}])\n    return out.choices[0].message.content\ndef handler(q):\n    answer = complete(q)\n    r2.set(q, answer, ex=10)\n';
    const f = await llmFactsOf(code, 'python');
    assert.deepEqual(
      f.calls[0]!.stores.map((s) => [s.kind, s.line, s.viaHelper]),
      [['redis', 10, 'complete()']],
    );
  });

  it('follows a .then callback parameter to the store', async () => {
    const code =
      "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nconst c = new OpenAI();\nconst redis = new Redis();\nexport function ask(q: string) {\n  return c.chat.completions.create({ model: 'gpt-4o', max_tokens: 5, messages: [] })\n    .then((r) => redis.set(q, r.choices[0].message.content, 'EX', 5));\n}\n";
    const f = await llmFactsOf(code, 'typescript');
    assert.deepEqual(
      f.calls[0]!.stores.map((s) => [s.kind, s.line, s.ttl?.seconds]),
      [['redis', 7, 5]],
    );
  });

  it('does not count a store write of unrelated data', async () => {
    const code = ts("import Redis from 'ioredis';", 'const redis = new Redis();', "await redis.set('last-user', q);");
    const f = await llmFactsOf(code, 'typescript');
    assert.deepEqual(f.calls[0]!.stores, []);
  });

  it('ignores Map.set: a Map is not Redis', async () => {
    const code = ts('', 'const seen = new Map<string, string>();', 'seen.set(q, text ?? "");');
    const f = await llmFactsOf(code, 'typescript');
    assert.deepEqual(f.calls[0]!.stores, []);
  });
});

describe('cache before the call', () => {
  const cases: Array<{ name: string; language: Language; code: string; expected: string | null }> = [
    {
      name: 'if (cached) return (TS, hashed key)',
      language: 'typescript',
      expected: 'redis',
      code: "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nimport { createHash } from 'node:crypto';\nconst c = new OpenAI();\nconst redis = new Redis();\nexport async function ask(q: string) {\n  const key = createHash('sha1').update(q).digest('hex');\n  const cached = await redis.get(key);\n  if (cached) return cached;\n  return c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: q }] });\n}\n",
    },
    {
      name: 'in-memory cache.get || call (TS)',
      language: 'typescript',
      expected: 'memory',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nconst cache = new Map();\nexport async function ask(q: string) {\n  return cache.get(q) || c.embeddings.create({ model: 'text-embedding-3-small', input: q });\n}\n",
    },
    {
      name: '@lru_cache on the function (Python)',
      language: 'python',
      expected: 'memory',
      code: 'from functools import lru_cache\nfrom openai import OpenAI\nc = OpenAI()\n@lru_cache(maxsize=256)\ndef ask(q):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[{"role": "user", "content": q}])\n',
    },
    {
      name: 'DynamoDB get_item then if (Python)',
      language: 'python',
      expected: 'dynamodb',
      code: 'import boto3\nfrom openai import OpenAI\nc = OpenAI()\ntable = boto3.resource("dynamodb").Table("t")\ndef ask(q):\n    hit = table.get_item(Key={"q": q})\n    if "Item" in hit:\n        return hit["Item"]\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[{"role": "user", "content": q}])\n',
    },
    {
      name: 'read after the call does not count',
      language: 'typescript',
      expected: null,
      code: "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nconst c = new OpenAI();\nconst redis = new Redis();\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: q }] });\n  if (await redis.get(q)) return r;\n}\n",
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const f = await llmFactsOf(c.code, c.language);
      assert.equal(f.calls[0]!.cacheLookup?.kind ?? null, c.expected);
    });
  }
});

describe('call-site facts', () => {
  it('reads model, bounds, n, dimensions and client options; counts prompt tokens with the model tokenizer', async () => {
    const code =
      "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ timeout: 5000, maxRetries: 4 });\nconst SYSTEM = 'You are terse.';\nexport const go = (q: string) => c.chat.completions.create({ model: 'gpt-4o', n: 2, max_completion_tokens: 64, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: `Answer: ${q}` }] });\n";
    const call = (await llmFactsOf(code, 'typescript')).calls[0]!;
    assert.equal(call.via, 'azure-openai');
    assert.deepEqual([call.model, call.maxTokens, call.n, call.client?.timeoutMs, call.client?.maxRetries], ['gpt-4o', 64, 2, 5000, 4]);
    // The literal parts through gpt-4o's encoding (o200k_base), + 2 messages x 3 + 3 priming the reply.
    assert.equal(encodingFor(call.model), 'o200k_base');
    assert.equal(call.promptLiteralTokens, o200k.encode('You are terse.').length + o200k.encode('Answer: ').length + 2 * 3 + 3);
    assert.deepEqual(call.promptUnknowns, ['q']);
  });

  it('recognises the raw HTTP API kind from the path (axios, Azure deployment URL)', async () => {
    const code =
      "import axios from 'axios';\nexport const e = (t: string) => axios.post('https://my.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01', { input: [t, t] }, { timeout: 1000 });\n";
    const call = (await llmFactsOf(code, 'typescript')).calls[0]!;
    assert.deepEqual([call.api, call.via, call.batchInputs, call.client?.timeoutMs], ['embeddings', 'http', 2, 1000]);
  });

  it('an unknown model keeps its call site and gets no price', async () => {
    const code =
      'from openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="acme-llm-9", max_tokens=10, messages=[{"role": "user", "content": "hi"}])\n';
    const f = await llmFactsOf(code, 'python');
    const s = estimateCall(f.calls[0]!);
    assert.equal(s.model, 'acme-llm-9');
    assert.equal(s.estCostUsd, null);
    assert.ok(s.unknowns.some((u) => u.includes("no published price for model 'acme-llm-9'")));
  });
});

describe('an SDK method passed as a value', () => {
  // One helper, two callers passing different methods: each passing call is a call site of its own method.
  const PY_HELPER = [
    'import redis',
    'from openai import OpenAI',
    'r = redis.Redis()',
    'class Llm:',
    '    def __init__(self):',
    '        self.client = OpenAI(timeout=10)',
    '    def _send(self, create, params):',
    '        try:',
    '            return create(**params)',
    '        except ValueError:',
    '            return create(**params)',
    '    def chat(self, q):',
    '        req = {"model": "gpt-4o-mini", "max_tokens": 40, "messages": [{"role": "user", "content": q}]}',
    '        out = self._send(self.client.chat.completions.create, req)',
    '        r.set(q, out.choices[0].message.content, ex=60)',
    '    def answer(self, q):',
    '        return self._send(self.client.responses.create, {"model": "gpt-4o", "input": q})',
    '',
  ].join('\n');

  it("a same-file helper that calls its parameter: the sites are the passing calls, with the caller's request (Python)", async () => {
    const f = await llmFactsOf(PY_HELPER, 'python');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.operation, c.model, c.maxTokens]),
      [
        [14, 'chat.completions.create', 'gpt-4o-mini', 40],
        [17, 'responses.create', 'gpt-4o', null],
      ],
    );
    // The helper's own calls of its parameter are not sites; the passing call's result reaches the caller's store.
    const chat = f.calls[0]!;
    assert.deepEqual(
      chat.stores.map((s) => [s.kind, s.line, s.ttl?.seconds]),
      [['redis', 15, 60]],
    );
    assert.equal(chat.optionsSlot, null);
  });

  it('a function looked at, logged or asserted on is no call site (Python, TS)', async () => {
    const py =
      'import inspect, logging\nfrom unittest import mock\nfrom openai import OpenAI\nc = OpenAI(timeout=10)\nsig = inspect.signature(c.chat.completions.create)\nlogging.info("using %s", c.chat.completions.create)\nwith mock.patch.object(c.chat.completions, "create") as m:\n    m.assert_called_with(c.chat.completions.create)\n';
    assert.deepEqual((await llmFactsOf(py, 'python')).calls, []);
    const ts =
      "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nexpect(openai.chat.completions.create).toHaveBeenCalledTimes(1);\nconsole.log(openai.chat.completions.create);\nvi.mocked(openai.chat.completions.create);\n";
    assert.deepEqual((await llmFactsOf(ts, 'typescript')).calls, []);
  });

  it('a helper that never calls the parameter makes no call site (Python)', async () => {
    const code =
      'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef name_of(fn):\n    return fn.__name__\ndef describe():\n    return name_of(c.chat.completions.create)\n';
    assert.deepEqual((await llmFactsOf(code, 'python')).calls, []);
  });

  it('functools.partial fixes keywords for the later call; the partial itself is no site (Python)', async () => {
    const code =
      'from functools import partial\nimport openai\ndef ask(q):\n    chat = partial(openai.ChatCompletion.create, model="gpt-3.5-turbo", max_tokens=20)\n    return chat(messages=[{"role": "user", "content": q}])\n';
    const f = await llmFactsOf(code, 'python');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.via, c.model, c.maxTokens]),
      [[5, 'openai-legacy', 'gpt-3.5-turbo', 20]],
    );
  });

  it('a library callee (a retry helper of another module) is the site, its options unknown (TS)', async () => {
    const code =
      "import OpenAI from 'openai';\nimport { withBackoff } from './retry';\nconst openai = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string) => withBackoff(openai.embeddings.create, { model: 'text-embedding-3-small', input: q });\n";
    const [call, ...rest] = (await llmFactsOf(code, 'typescript')).calls;
    assert.deepEqual([call?.line, call?.api, call?.optionsSpread, rest.length], [4, 'embeddings', 'withBackoff(…)', 0]);
  });

  it("a same-file helper reads the caller's options argument (TS)", async () => {
    const code =
      "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nasync function send(create: (b: object) => Promise<unknown>, body: object) {\n  return create(body);\n}\nexport const ask = (q: string) => send(openai.chat.completions.create.bind(openai.chat.completions), { model: 'gpt-4o-mini', max_tokens: 30, messages: [{ role: 'user', content: q }] });\n";
    const f = await llmFactsOf(code, 'typescript');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.operation, c.model, c.maxTokens]),
      [[6, 'chat.completions.create', 'gpt-4o-mini', 30]],
    );
  });
});

describe('a subclass of an SDK class calling super()', () => {
  it('super().create of a subclassed legacy ChatCompletion is the call; a cursor from a method of the store class is its store (Python)', async () => {
    const code = [
      'import hashlib, json, sqlite3',
      'from openai import ChatCompletion',
      'class Cache:',
      '    def __init__(self):',
      '        self.db = sqlite3.connect("c.db")',
      '    def cursor(self):',
      '        return self.db.cursor()',
      '    def put(self, key, value):',
      '        self.cursor().execute("INSERT INTO results VALUES (?, ?)", (key, json.dumps(value)))',
      'class CachedChat(ChatCompletion):',
      '    @classmethod',
      '    def create(cls, *args, **kwargs):',
      '        response = super().create(*args, **kwargs)',
      '        Cache().cursor().execute("INSERT INTO results VALUES (?, ?)", ("k", json.dumps(response)))',
      '        return response',
      '',
    ].join('\n');
    const f = await llmFactsOf(code, 'python');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.via, c.api, c.optionsSpread]),
      [[13, 'openai-legacy', 'chat', '**kwargs']],
    );
  });

  it("super(X, cls).create of a v1 resource subclass is the resource's method (Python)", async () => {
    const code =
      'from openai.resources.chat.completions import Completions\nclass Logged(Completions):\n    def create(self, **kw):\n        return super(Logged, self).create(**kw)\n';
    const f = await llmFactsOf(code, 'python');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.operation]),
      [[4, 'chat.completions.create']],
    );
  });

  it('super() in a class of no SDK base is not a call (Python)', async () => {
    const code =
      'import openai\nclass Base:\n    def create(self, **kw):\n        return kw\nclass Child(Base):\n    def create(self, **kw):\n        return super().create(**kw)\n';
    assert.deepEqual((await llmFactsOf(code, 'python')).calls, []);
  });

  it('a write through a same-file method that returns a cursor is a store write (Python)', async () => {
    const code = [
      'import sqlite3',
      'from openai import OpenAI',
      'c = OpenAI(timeout=5)',
      'class Store:',
      '    def __init__(self):',
      '        self.db = sqlite3.connect("a.db")',
      '    def handle(self):',
      '        return self.db.cursor()',
      '    def ask(self, q):',
      '        r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=9, messages=[{"role": "user", "content": q}])',
      '        self.handle().execute("INSERT INTO answers VALUES (?, ?)", (q, r.choices[0].message.content))',
      '',
    ].join('\n');
    const [call] = (await llmFactsOf(code, 'python')).calls;
    assert.deepEqual(
      call?.stores.map((s) => [s.kind, s.line]),
      [['rdbms', 11]],
    );
  });
});
