import { rule } from '../../../src/core/rules/llm-results-in-rdbms';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // An answer that becomes an attribute of a record (an agent's name, a conversation's title) is the app's own data.
    {
      name: 'an agent name generated once and kept on the agent record',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nasync function agentName(goal: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: `Name an agent for: ${goal}` }] });\n  return r.choices[0].message.content ?? goal;\n}\nexport async function createAgent(goal: string, userId: string) {\n  const name = await agentName(goal);\n  return prisma.agent.create({ data: { name: name.trim(), goal, userId } });\n}\n",
    },
    {
      name: 'embeddings written to a Supabase table are a pgvector column, not relational data',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { createClient } from '@supabase/supabase-js';\nconst c = new OpenAI();\nconst supabase = createClient('u', 'k');\nexport async function ingest(chunks: string[]) {\n  const r = await c.embeddings.create({ model: 'text-embedding-3-small', input: chunks });\n  const rows = chunks.map((content, i) => ({ content, embedding: r.data[i].embedding }));\n  await supabase.from('items').upsert(rows);\n}\n",
    },
    {
      name: 'stored in MongoDB',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { MongoClient } from 'mongodb';\nconst c = new OpenAI();\nconst col = new MongoClient('mongodb://x').db('a').collection('chats');\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n  await col.insertOne({ q, a: r.choices[0].message.content });\n}\n",
    },
    {
      name: 'the service reads its own table (no API result written)',
      language: 'python',
      code: 'import psycopg2\nfrom openai import OpenAI\nc = OpenAI()\nconn = psycopg2.connect("")\ndef ask(q):\n    cur = conn.cursor()\n    cur.execute("INSERT INTO audit (q) VALUES (%s)", (q,))\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=9, messages=[{"role": "user", "content": q}])\n',
    },
  ],
  invalid: [
    {
      name: 'pg INSERT of the answer',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { Pool } from 'pg';\nconst c = new OpenAI();\nconst pool = new Pool();\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 500, messages: [{ role: 'user', content: q }] });\n  const answer = r.choices[0].message.content;\n  await pool.query('INSERT INTO answers (q, a) VALUES ($1, $2)', [q, answer]);\n}\n",
      errors: [{ messageId: 'rdbms', line: 8, column: 9, includes: ['PostgreSQL', 'line 6', 'KiB per response'] }],
    },
    {
      name: 'Prisma create through a same-file helper',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nasync function save(q: string, a: string) {\n  await prisma.answer.create({ data: { q, a } });\n}\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 500, messages: [{ role: 'user', content: q }] });\n  await save(q, r.choices[0].message.content!);\n}\n",
      errors: [{ messageId: 'rdbms', line: 6, includes: ['Prisma', 'through save()'] }],
    },
    {
      name: 'sqlite3 cursor.execute INSERT (Python)',
      language: 'python',
      code: 'import sqlite3\nfrom openai import OpenAI\nc = OpenAI()\ndb = sqlite3.connect("a.db")\ndef ask(q):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=500, messages=[{"role": "user", "content": q}])\n    db.execute("INSERT INTO answers VALUES (?, ?)", (q, r.choices[0].message.content))\n',
      errors: [{ messageId: 'rdbms', line: 7, includes: ['SQLite'] }],
    },
  ],
});
