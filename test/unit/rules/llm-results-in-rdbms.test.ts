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
    // A reply written as a turn of the conversation the app keeps (its chat/session key, a role beside the content).
    {
      name: 'a chat message row keyed by its session, built as a SQLAlchemy model and added (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nfrom sqlalchemy.orm import Session\nfrom app.models import ChatTurn\nc = OpenAI()\ndef reply(db: Session, sid: int, q: str):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n    turn = ChatTurn(chat_session_id=sid, question=q, answer=r.choices[0].message.content)\n    db.add(turn)\n    db.commit()\n',
    },
    {
      name: 'a message with its role and content in a Prisma create (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function reply(userId: string, q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] });\n  await prisma.message.create({ data: { userId, role: 'assistant', content: r.choices[0].message.content ?? '' } });\n}\n",
    },
    {
      name: 'an INSERT whose column list carries the conversation id (TS, pg)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { Pool } from 'pg';\nconst c = new OpenAI();\nconst pool = new Pool();\nexport async function reply(conversationId: string, q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] });\n  await pool.query('INSERT INTO turns (conversation_id, reply) VALUES ($1, $2)', [conversationId, r.choices[0].message.content]);\n}\n",
    },
    {
      name: "a sqlite3 INSERT of a thread's reply (Python)",
      language: 'python',
      code: 'import sqlite3\nfrom openai import OpenAI\nc = OpenAI()\ndb = sqlite3.connect("a.db")\ndef reply(thread_id, q):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n    db.execute("INSERT INTO history (thread_id, reply) VALUES (?, ?)", (thread_id, r.choices[0].message.content))\n',
    },
  ],
  invalid: [
    // A table of results keyed by the prompt is the rule's case, whatever the model is named.
    {
      name: 'a prompt-keyed results table as a SQLAlchemy model (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nfrom sqlalchemy.orm import Session\nfrom app.models import Answer\nc = OpenAI()\ndef ask(db: Session, h: str, q: str):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n    row = Answer(prompt_hash=h, user_id=1, answer=r.choices[0].message.content)\n    db.add(row)\n',
      errors: [{ messageId: 'rdbms', line: 8 }],
    },
    {
      name: 'a Prisma row of the answer keyed by the prompt, no conversation columns (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { PrismaClient } from '@prisma/client';\nconst c = new OpenAI();\nconst prisma = new PrismaClient();\nexport async function ask(q: string) {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] });\n  await prisma.cachedAnswer.create({ data: { prompt: q, content: r.choices[0].message.content ?? '' } });\n}\n",
      errors: [{ messageId: 'rdbms', line: 7 }],
    },
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
