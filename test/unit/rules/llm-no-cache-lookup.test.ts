import { rule } from '../../../src/core/rules/llm-no-cache-lookup';
import { ruleTester } from '../../helpers/rule-tester';

const TS_HEAD =
  "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nimport { createHash } from 'node:crypto';\nconst c = new OpenAI();\nconst redis = new Redis();\n";

ruleTester(rule, {
  valid: [
    // The whole request comes from a caller not seen: whether it repeats (or is a conversation) is unknown here.
    {
      name: 'request options spread from the caller, no prompt visible',
      language: 'typescript',
      code: `${TS_HEAD}export async function complete(options: { model: string; messages: [] }) {\n  const r = await c.chat.completions.create({ ...options, max_tokens: 100 });\n  await redis.lpush('replies', r.choices[0].message.content ?? '');\n}\n`,
    },
    // A stored field checked before the call, which the write after it sets: the call runs only on a miss.
    {
      name: 'a page skipped when its stored summary is there',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function run() {\n  for (const page of await prisma.page.findMany()) {\n    if (page.summary) continue;\n    const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: page.body }] });\n    await prisma.page.update({ where: { id: page.id }, data: { summary: r.choices[0].message.content } });\n  }\n}\n",
    },
    {
      name: 'documents lacking the field selected by the read ($exists: False)',
      language: 'python',
      code: 'from openai import OpenAI\nfrom pymongo import MongoClient\nc = OpenAI()\nqs = MongoClient()["app"]["questions"]\ndef fill():\n    for q in qs.find({"solution": {"$exists": False}}):\n        r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=16, messages=[{"role": "user", "content": q["text"]}])\n        qs.insert_one({"qid": q["_id"], "solution": r.choices[0].message.content})\n',
    },
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
      name: 'Redis read keyed by the prompt hash, hit returns early (TS)',
      language: 'typescript',
      code: `${TS_HEAD}export async function ask(q: string) {\n  const key = 'a:' + createHash('sha256').update(q).digest('hex');\n  const hit = await redis.get(key);\n  if (hit) return hit;\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  const text = r.choices[0].message.content ?? '';\n  await redis.set(key, text, 'EX', 3600);\n  return text;\n}\n`,
    },
    {
      name: '`cached ?? await call` shape (TS)',
      language: 'typescript',
      code: `${TS_HEAD}export async function ask(q: string) {\n  const text = (await redis.get(q)) ?? (await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] })).choices[0].message.content;\n  await redis.set(q, text, 'EX', 60);\n}\n`,
    },
    {
      name: 'MongoDB findOne before the call (Python)',
      language: 'python',
      code: 'from pymongo import MongoClient\nfrom openai import OpenAI\nc = OpenAI()\ncol = MongoClient()["app"]["answers"]\ndef ask(q):\n    doc = col.find_one({"q": q})\n    if doc:\n        return doc["a"]\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=9, messages=[{"role": "user", "content": q}])\n    col.insert_one({"q": q, "a": r.choices[0].message.content})\n',
    },
    {
      name: 'nothing stored',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nprint(c.chat.completions.create(model="gpt-4o-mini", max_tokens=9, messages=[]))\n',
    },
  ],
  invalid: [
    {
      name: 'a guard on the key that identifies the record is no stored-result check',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function run() {\n  for (const page of await prisma.page.findMany()) {\n    if (!page.id) continue;\n    const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: page.body }] });\n    await prisma.summary.create({ data: { id: page.id, text: r.choices[0].message.content } });\n  }\n}\n",
      errors: [{ messageId: 'noLookup', line: 8 }],
    },
    {
      name: 'a guard on a field the write does not set is no stored-result check',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function run() {\n  for (const page of await prisma.page.findMany()) {\n    if (page.draft) continue;\n    const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: page.body }] });\n    await prisma.summary.create({ data: { pageId: page.id, summary: r.choices[0].message.content } });\n  }\n}\n",
      errors: [{ messageId: 'noLookup', line: 8 }],
    },
    {
      name: 'an agent record the prompt is built from is not a cache lookup (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function run(agentId: string, q: string) {\n  const agent = await prisma.agent.findUnique({ where: { id: agentId } });\n  if (!agent) throw new Error('no agent');\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'system', content: agent.instructions }, { role: 'user', content: q }] });\n  await prisma.run.create({ data: { agentId, answer: r.choices[0].message.content } });\n}\n",
      errors: [{ messageId: 'noLookup', line: 8, includes: ['line 9'] }],
    },
    {
      name: 'an agent record the prompt is built from is not a cache lookup (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nfrom pymongo import MongoClient\nc = OpenAI()\ndb = MongoClient()["app"]\ndef run(agent_id, q):\n    agent = db.agents.find_one({"_id": agent_id})\n    if agent is None:\n        raise KeyError(agent_id)\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "system", "content": agent["name"]}, {"role": "user", "content": q}])\n    db.runs.insert_one({"agent": agent_id, "answer": r.choices[0].message.content})\n',
      errors: [{ messageId: 'noLookup', line: 9, includes: ['line 10'] }],
    },
    {
      name: 'stored in Redis, read keyed by something else',
      language: 'typescript',
      code: `${TS_HEAD}export async function ask(q: string, user: string) {\n  const seen = await redis.get(user);\n  if (seen) return seen;\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: q }] });\n  await redis.set(q, r.choices[0].message.content, 'EX', 60);\n}\n`,
      errors: [{ messageId: 'noLookup', line: 9, includes: ['Redis (ioredis) (line 10)', 'gpt-4o-mini list price'] }],
    },
    {
      name: 'stored in MongoDB, never read (Python)',
      language: 'python',
      code: 'from pymongo import MongoClient\nfrom openai import OpenAI\nc = OpenAI()\ncol = MongoClient().app.answers\ndef ask(q):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])\n    col.insert_one({"q": q, "a": r.choices[0].message.content})\n',
      errors: [{ messageId: 'noLookup', line: 6, includes: ['MongoDB (line 7)'] }],
    },
    {
      name: 'read happens but the result never decides the call',
      language: 'python',
      code: 'import redis\nfrom openai import OpenAI\nc = OpenAI()\nr = redis.Redis()\ndef ask(q):\n    old = r.get(q)\n    out = c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])\n    r.set(q, out.choices[0].message.content, ex=60)\n    return old\n',
      errors: [{ messageId: 'noLookup', line: 7, includes: ['Redis (line 8)'] }],
    },
  ],
});
