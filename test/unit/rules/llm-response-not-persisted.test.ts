import { rule } from '../../../src/core/rules/llm-response-not-persisted';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // Multi-turn chat: each reply answers a conversation that never repeats, so a prompt-keyed cache is no advice.
    {
      name: 'Next.js chat route over the conversation the client sends',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function POST(req: Request) {\n  const { messages } = await req.json();\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 500, messages });\n  return Response.json(r.choices[0].message);\n}\n",
    },
    {
      name: 'FastAPI chat over a history plus the new turn',
      language: 'python',
      code: 'from fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nc = OpenAI()\n@app.post("/chat")\ndef chat(history: list, q: str):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=300, messages=[*history, {"role": "user", "content": q}])\n    return {"answer": r.choices[0].message.content}\n',
    },
    {
      name: 'offline script: not a handler',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nprint(c.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[]))\n',
    },
    {
      name: 'handler that stores the answer in Redis',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport Redis from 'ioredis';\nimport express from 'express';\nconst c = new OpenAI();\nconst redis = new Redis();\nconst app = express();\napp.post('/ask', async (req, res) => {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: req.body.q }] });\n  await redis.set(req.body.q, r.choices[0].message.content, 'EX', 60);\n  res.json(r);\n});\n",
    },
    {
      name: 'FastAPI view behind lru_cache helper',
      language: 'python',
      code: 'from functools import lru_cache\nfrom fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nc = OpenAI()\n@lru_cache(maxsize=1024)\ndef answer(q):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[{"role": "user", "content": q}])\n@app.get("/ask")\ndef ask(q: str):\n    return answer(q)\n',
    },
  ],
  invalid: [
    {
      name: 'express handler returns the answer and drops it',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport express from 'express';\nconst c = new OpenAI();\nconst app = express();\napp.post('/ask', async (req, res) => {\n  const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: req.body.q }] });\n  res.json({ answer: r.choices[0].message.content });\n});\n",
      errors: [{ messageId: 'dropped', line: 6, includes: ['Express request handler at line 5', 'gpt-4o-mini list price'] }],
    },
    {
      name: 'FastAPI route',
      language: 'python',
      code: 'from fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nc = OpenAI()\n@app.post("/ask")\nasync def ask(q: str):\n    r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n    return {"answer": r.choices[0].message.content}\n',
      errors: [{ messageId: 'dropped', line: 7, includes: ['FastAPI request handler'] }],
    },
    {
      name: 'Next.js app-router POST with the Vercel AI SDK',
      language: 'typescript',
      code: "import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport async function POST(req: Request) {\n  const { prompt } = await req.json();\n  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 300, prompt });\n  return Response.json({ text });\n}\n",
      errors: [{ messageId: 'dropped', line: 5, includes: ['Next.js request handler'] }],
    },
  ],
});
