import { rule } from '../../../src/core/rules/llm-store-without-ttl';
import { ruleTester } from '../../helpers/rule-tester';

const PY = 'from openai import OpenAI\nc = OpenAI()\n';
const CALL = 'r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])';

ruleTester(rule, {
  valid: [
    // An answer that becomes an attribute of a record (an agent's name, a conversation's title) is the app's own data.
    {
      name: 'an agent name generated once and kept on the agent record',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nasync function agentName(goal: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: `Name an agent for: ${goal}` }] });\n  return r.choices[0].message.content ?? goal;\n}\nexport async function createAgent(goal: string, userId: string) {\n  const name = await agentName(goal);\n  return prisma.agent.create({ data: { name: name.trim(), goal, userId } });\n}\n",
    },
    {
      name: 'a conversation title kept on the conversation document',
      language: 'python',
      code: 'from openai import OpenAI\nfrom pymongo import MongoClient\nc = OpenAI()\nconversations = MongoClient()["app"]["conversations"]\ndef start(user_id, first_message):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=16, messages=[{"role": "user", "content": "Title: " + first_message}])\n    conversations.insert_one({"user_id": user_id, "title": r.choices[0].message.content})\n',
    },
    {
      name: 'redis set with ex=',
      language: 'python',
      code: `import redis\n${PY}cache = redis.Redis()\ndef ask(q):\n    ${CALL}\n    cache.set(q, r.choices[0].message.content, ex=86400)\n`,
    },
    {
      name: 'redis setex',
      language: 'python',
      code: `import redis\n${PY}cache = redis.Redis()\ndef ask(q):\n    ${CALL}\n    cache.setex(q, 3600, r.choices[0].message.content)\n`,
    },
    {
      name: 'node-redis set with { EX }',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { createClient } from 'redis';\nconst c = new OpenAI();\nconst redis = createClient();\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  await redis.set(q, JSON.stringify(r), { EX: 600 });\n}\n",
    },
    {
      name: 'hset followed by expire',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nconst c = new OpenAI();\nconst redis = new Redis();\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  await redis.hset('chat:' + q, 'a', r.choices[0].message.content);\n  await redis.expire('chat:' + q, 3600);\n}\n",
    },
    {
      name: 'MongoDB with a TTL index in the file',
      language: 'python',
      code: `from pymongo import MongoClient\n${PY}col = MongoClient().app.chats\ncol.create_index("created_at", expireAfterSeconds=7 * 24 * 3600)\ndef ask(q):\n    ${CALL}\n    col.insert_one({"q": q, "a": r.choices[0].message.content})\n`,
    },
    {
      name: 'DynamoDB item with a ttl attribute',
      language: 'python',
      code: `import boto3\n${PY}table = boto3.resource("dynamodb").Table("chats")\ndef ask(q):\n    ${CALL}\n    table.put_item(Item={"q": q, "a": r.choices[0].message.content, "ttl": 1700000000})\n`,
    },
    {
      name: 'Cassandra INSERT ... USING TTL',
      language: 'python',
      code: `from cassandra.cluster import Cluster\n${PY}session = Cluster().connect("app")\ndef ask(q):\n    ${CALL}\n    session.execute("INSERT INTO chats (q, a) VALUES (%s, %s) USING TTL 86400", (q, r.choices[0].message.content))\n`,
    },
    // An update of an existing record's field replaces the last value: storage grows with the records, not the calls.
    {
      name: 'a description set on an existing document ($set)',
      language: 'python',
      code: `from pymongo import MongoClient\n${PY}questions = MongoClient().app.questions\ndef describe(doc):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": doc["image"]}])\n    questions.update_one({"_id": doc["_id"]}, {"$set": {"description": r.choices[0].message.content}})\n`,
    },
    {
      name: 'a summary set on an existing row (Prisma update)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function summarise(id: string, body: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: body }] });\n  await prisma.page.update({ where: { id }, data: { summary: r.choices[0].message.content } });\n}\n",
    },
    {
      name: 'vector database upsert is an index, not a cache',
      language: 'python',
      code: `from pinecone import Pinecone\n${PY}index = Pinecone().Index("docs")\ndef embed(t):\n    e = c.embeddings.create(model="text-embedding-3-small", input=t)\n    index.upsert(vectors=[("id", e.data[0].embedding)])\n`,
    },
  ],
  invalid: [
    {
      name: 'an insert of a new row per call (same store, not an update)',
      language: 'python',
      code: `from pymongo import MongoClient\n${PY}answers = MongoClient().app.answers\ndef ask(q):\n    ${CALL}\n    answers.insert_one({"q": q, "a": r.choices[0].message.content})\n`,
      errors: [{ messageId: 'noTtl', line: 7, includes: ['MongoDB'] }],
    },
    {
      name: 'redis set without expiry',
      language: 'python',
      code: `import redis\n${PY}cache = redis.Redis()\ndef ask(q):\n    ${CALL}\n    cache.set(q, r.choices[0].message.content)\n`,
      errors: [{ messageId: 'noTtl', line: 7, column: 5, includes: ['Redis', 'pass EX', 'line 6'] }],
    },
    {
      name: 'MongoDB insertOne with no TTL index (TS, Mongoose model)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport mongoose from 'mongoose';\nconst c = new OpenAI();\nconst Chat = mongoose.model('Chat', new mongoose.Schema({ q: String, a: String }));\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  await Chat.create({ q, a: r.choices[0].message.content });\n}\n",
      errors: [{ messageId: 'noTtl', line: 7, includes: ['MongoDB (Mongoose)', 'expireAfterSeconds'] }],
    },
    {
      name: 'DynamoDB PutCommand without a TTL attribute',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';\nconst c = new OpenAI();\nconst ddb = DynamoDBDocumentClient.from(client);\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  await ddb.send(new PutCommand({ TableName: 'chats', Item: { q, a: r.choices[0].message.content } }));\n}\n",
      errors: [{ messageId: 'noTtl', line: 7, includes: ['DynamoDB', 'TTL attribute'] }],
    },
    {
      name: 'Elasticsearch index of the answer',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { Client } from '@elastic/elasticsearch';\nconst c = new OpenAI();\nconst es = new Client({ node: 'http://es:9200' });\nexport async function ask(q: string) {\n  const r = await c.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 9, input: q });\n  await es.index({ index: 'answers', document: { q, a: r.output_text } });\n}\n",
      errors: [{ messageId: 'noTtl', line: 7, includes: ['Elasticsearch', 'ILM'] }],
    },
    {
      name: 'json.dump to a file',
      language: 'python',
      code: `import json\n${PY}def ask(q):\n    ${CALL}\n    with open("out.json", "w") as f:\n        json.dump(r.model_dump(), f)\n`,
      errors: [{ messageId: 'noTtl', line: 7, includes: ['a file'] }],
    },
  ],
});
