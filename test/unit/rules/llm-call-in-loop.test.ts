import { rule } from '../../../src/core/rules/llm-call-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a loop until the call yields an answer (the context trimmed on each failure) is no loop over elements (Python)',
      language: 'python',
      code: 'from openai import OpenAI, BadRequestError\nc = OpenAI()\ndef reply(messages):\n    answer = None\n    while answer is None:\n        try:\n            r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=messages)\n            answer = r.choices[0].message.content\n        except BadRequestError:\n            messages = messages[1:]\n    return answer\n',
    },
    {
      name: 'a loop until a streamed answer is read whole is no loop over elements (Python)',
      language: 'python',
      code: 'from openai import OpenAI, BadRequestError\nc = OpenAI()\ndef reply(messages):\n    answer = None\n    while answer is None:\n        try:\n            stream = c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=messages, stream=True)\n            answer = ""\n            for chunk in stream:\n                delta = chunk.choices[0].delta\n                answer += delta.content or ""\n        except BadRequestError:\n            messages = messages[1:]\n    return answer\n',
    },
    {
      name: 'a loop until the call yields an answer is no loop over elements (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function reply(messages: OpenAI.ChatCompletionMessageParam[]) {\n  let answer: string | null = null;\n  while (!answer) {\n    const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages });\n    answer = r.choices[0].message.content;\n  }\n  return answer;\n}\n",
    },
    {
      name: 'a retry loop is not a loop over elements (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef embed(text):\n    for attempt in range(5):\n        try:\n            return c.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding\n        except Exception:\n            pass\n',
    },
    {
      name: 'a retry loop is not a loop over elements (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function ask(q: string) {\n  for (let i = 0; i < 3; i++) {\n    try {\n      const r = await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: q }] });\n      return r;\n    } catch {}\n  }\n  return null;\n}\n",
    },
    {
      name: 'one call, no loop',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": "hi"}])\n',
    },
    {
      name: 'embeddings with an array input',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nfor batch in batches:\n    c.embeddings.create(model="text-embedding-3-small", input=["a", "b"])\n',
    },
    {
      name: 'embeddings with an array literal that spreads a batch (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function all(batches: string[][]) {\n  for (const b of batches) await c.embeddings.create({ model: 'text-embedding-3-small', input: [...b] });\n}\n",
    },
    {
      name: 'embeddings with a list that unpacks a batch (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nfor batch in batches:\n    c.embeddings.create(model="text-embedding-3-small", input=[*batch])\n',
    },
    {
      name: 'loop inside an express handler is online work',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport express from 'express';\nconst c = new OpenAI();\nconst app = express();\napp.post('/ask', async (req, res) => {\n  for (const q of req.body.qs) await c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: q }] });\n});\n",
    },
    {
      name: 'the Batch API itself',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nfor f in files:\n    c.batches.create(input_file_id=f, endpoint="/v1/chat/completions", completion_window="24h")\n',
    },
  ],
  invalid: [
    {
      name: 'a while loop over an index whose condition does not depend on the reply (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef summarise(docs):\n    out = []\n    i = 0\n    while i < len(docs):\n        r = c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": docs[i]}])\n        out.append(r.choices[0].message.content)\n        i += 1\n    return out\n',
      errors: [{ messageId: 'batch', line: 7, includes: ['while loop at line 6'] }],
    },
    {
      name: 'a retry loop inside a loop over chunks reports the outer loop',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef embed_all(chunks):\n    out = []\n    for chunk in chunks:\n        for attempt in range(5):\n            try:\n                out.append(c.embeddings.create(model="text-embedding-3-small", input=chunk).data[0].embedding)\n                break\n            except Exception:\n                pass\n    return out\n',
      errors: [{ messageId: 'embeddings', line: 8, includes: ['for loop at line 5'] }],
    },
    {
      name: 'openai-node v3 createEmbedding once per section',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai';\nimport { createClient } from '@supabase/supabase-js';\nconst supabase = createClient('u', 'k');\nexport async function ingest(sections: string[]) {\n  const openai = new OpenAIApi(new Configuration({ apiKey: 'k' }));\n  for (const input of sections) {\n    const r = await openai.createEmbedding({ model: 'text-embedding-ada-002', input });\n    await supabase.from('sections').insert({ content: input, embedding: r.data.data[0].embedding });\n  }\n}\n",
      errors: [{ messageId: 'embeddings', line: 7, includes: ['createEmbedding', 'for-of loop at line 6'] }],
    },
    {
      name: 'a helper passed by name to items.map',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nasync function summarise(doc: string) {\n  return c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: doc }] });\n}\nexport const run = (docs: string[]) => Promise.all(docs.map(summarise));\n",
      errors: [{ messageId: 'batch', line: 4, includes: ['map loop at line 6'] }],
    },
    {
      name: 'a helper passed by name to ThreadPoolExecutor.map',
      language: 'python',
      code: 'from concurrent.futures import ThreadPoolExecutor\nfrom openai import OpenAI\nc = OpenAI()\ndef summarise(doc):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": doc}])\ndef run(docs):\n    with ThreadPoolExecutor(8) as pool:\n        return list(pool.map(summarise, docs))\n',
      errors: [{ messageId: 'batch', line: 5, includes: ['line 8'] }],
    },
    {
      name: 'asyncio.gather over a comprehension of coroutines',
      language: 'python',
      code: 'import asyncio\nfrom openai import AsyncOpenAI\nc = AsyncOpenAI()\nasync def summarise(doc):\n    return await c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": doc}])\nasync def run(docs):\n    return await asyncio.gather(*[summarise(d) for d in docs])\n',
      errors: [{ messageId: 'batch', line: 5, includes: ['line 7'] }],
    },
    {
      name: 'Python for loop over a constant list: totals and Batch price',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nfor q in ["a", "b", "c"]:\n    c.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])\n',
      errors: [
        {
          messageId: 'batch',
          line: 4,
          column: 5,
          includes: ['for loop at line 3', '(3 iterations)', 'for the 3 calls', '50% off', '24 h', '50,000'],
        },
      ],
    },
    {
      name: 'TS Promise.all over map',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function run(docs: string[]) {\n  return Promise.all(docs.map((d) => c.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 64, messages: [{ role: 'user', content: d }] })));\n}\n",
      errors: [{ messageId: 'batch', line: 4, includes: ['map loop at line 4', 'gpt-4o list price'] }],
    },
    {
      name: 'embeddings one per element in a comprehension',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nvecs = [c.embeddings.create(model="text-embedding-3-small", input=t) for t in range(0, 4096)]\n',
      errors: [{ messageId: 'embeddings', line: 3, includes: ['comprehension', '2,048', 'from 4096 to 2'] }],
    },
    {
      name: 'a one-element list is one input per request: a helper called from a loop (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef embed(text):\n    return c.embeddings.create(input=[text], model="text-embedding-3-small").data[0].embedding\ndef fill(rows):\n    for row in rows:\n        row["v"] = embed(row["text"])\n',
      errors: [{ messageId: 'embeddings', line: 4, includes: ['for loop at line 6'] }],
    },
    {
      name: 'a one-element array in a loop (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function all(ts: string[]) {\n  for (const t of ts) await c.embeddings.create({ model: 'text-embedding-3-small', input: [t] });\n}\n",
      errors: [{ messageId: 'embeddings', line: 4 }],
    },
    {
      name: 'helper called from a loop (one level of callers)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nasync function embed(t: string) {\n  return c.embeddings.create({ model: 'text-embedding-3-small', input: t });\n}\nexport async function all(ts: string[]) {\n  for (const t of ts) await embed(t);\n}\n",
      errors: [{ messageId: 'embeddings', line: 4, includes: ['for-of loop at line 7'] }],
    },
  ],
});
