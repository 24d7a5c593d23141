import { rule } from '../../../src/core/rules/llm-embeddings-not-persisted';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'openai-edge query embedding matched through a Supabase RPC',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai-edge';\nimport { createClient } from '@supabase/supabase-js';\nconst openai = new OpenAIApi(new Configuration({ apiKey: 'k' }));\nconst supabase = createClient('u', 'k');\nexport async function search(query: string) {\n  const res = await openai.createEmbedding({ model: 'text-embedding-ada-002', input: query });\n  const { data: [{ embedding }] } = await res.json();\n  return supabase.rpc('match_page_sections', { embedding, match_count: 10 });\n}\n",
    },
    {
      name: 'embeddings returned through two levels of methods',
      language: 'python',
      code: 'from openai import OpenAI\nclass Embeddings:\n    def __init__(self):\n        self.client = OpenAI()\n    def _embed(self, inputs):\n        r = self.client.embeddings.create(model="text-embedding-3-small", input=inputs)\n        return [d.embedding for d in r.data]\n    def embed_query(self, q):\n        return self._embed([q])[0]\n    def __call__(self, q):\n        return self.embed_query(q)\n',
    },
    {
      name: 'a query embedding passed at once to a Supabase similarity RPC',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { createClient } from '@supabase/supabase-js';\nconst c = new OpenAI();\nconst supabase = createClient('u', 'k');\nexport async function retrieve(question: string) {\n  const r = await c.embeddings.create({ model: 'text-embedding-3-small', input: question });\n  const embedding = r.data[0].embedding;\n  const { data } = await supabase.rpc('match_documents', { query_embedding: embedding, match_count: 5 });\n  return data;\n}\n",
    },
    {
      name: 'a query embedding of a one-element list passed at once to a Pinecone query',
      language: 'python',
      code: 'from openai import OpenAI\nfrom pinecone import Pinecone\nc = OpenAI()\nindex = Pinecone().Index("docs")\ndef search(question):\n    q = c.embeddings.create(model="text-embedding-3-small", input=[question]).data[0].embedding\n    return index.query(vector=q, top_k=5)\n',
    },
    {
      name: 'a query embedding passed at once to a Pinecone query',
      language: 'python',
      code: 'from openai import OpenAI\nfrom pinecone import Pinecone\nc = OpenAI()\nindex = Pinecone().Index("docs")\ndef search(question):\n    q = c.embeddings.create(model="text-embedding-3-small", input=question).data[0].embedding\n    return index.query(vector=q, top_k=5)\n',
    },
    {
      name: 'an embedding returned to callers this file does not show',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef embed(text):\n    return c.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding\n',
    },
    {
      name: 'vectors upserted a few lines later through a variable',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { Pinecone } from '@pinecone-database/pinecone';\nconst c = new OpenAI();\nconst index = new Pinecone().index('docs');\nexport async function ingest(chunks: string[]) {\n  const res = await c.embeddings.create({ model: 'text-embedding-3-small', input: chunks });\n  const vectors = res.data.map((d, i) => ({ id: `c${i}`, values: d.embedding }));\n  await index.namespace('docs').upsert(vectors);\n}\n",
    },
    {
      name: 'upserted to Qdrant (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { QdrantClient } from '@qdrant/js-client-rest';\nconst c = new OpenAI();\nconst q = new QdrantClient({ url: 'http://q:6333' });\nexport async function add(id: number, text: string) {\n  const e = await c.embeddings.create({ model: 'text-embedding-3-small', input: text });\n  await q.upsert('docs', { points: [{ id, vector: e.data[0].embedding }] });\n}\n",
    },
    {
      name: 'added to a Chroma collection (Python)',
      language: 'python',
      code: 'import chromadb\nfrom openai import OpenAI\nc = OpenAI()\ncol = chromadb.Client().get_or_create_collection("docs")\ndef add(i, t):\n    e = c.embeddings.create(model="text-embedding-3-small", input=t)\n    col.add(ids=[i], embeddings=[e.data[0].embedding])\n',
    },
    {
      name: 'pgvector INSERT',
      language: 'python',
      code: 'import psycopg\nfrom openai import OpenAI\nc = OpenAI()\nconn = psycopg.connect("")\ndef add(t):\n    e = c.embeddings.create(model="text-embedding-3-small", input=t)\n    conn.execute("INSERT INTO items (body, embedding) VALUES (%s, %s::vector)", (t, e.data[0].embedding))\n',
    },
  ],
  invalid: [
    {
      name: 'Python: an in-memory index of documents rebuilt every run',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nDOCS = ["a", "b"]\nINDEX = [c.embeddings.create(model="text-embedding-3-large", input=d).data[0].embedding for d in DOCS]\n',
      errors: [{ messageId: 'notStored', line: 4, column: 10, includes: ['text-embedding-3-large', '3,072 dimensions', '12.00 KiB'] }],
    },
    {
      name: 'TS: embedMany from the AI SDK, used in memory only',
      language: 'typescript',
      code: "import { embedMany } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport async function rank(values: string[]) {\n  const { embeddings } = await embedMany({ model: openai.embedding('text-embedding-3-small'), values });\n  return embeddings.length;\n}\n",
      errors: [{ messageId: 'notStored', line: 4, includes: ['text-embedding-3-small', '1,536 dimensions'] }],
    },
    {
      name: 'LangChain OpenAIEmbeddings.embedDocuments',
      language: 'typescript',
      code: "import { OpenAIEmbeddings } from '@langchain/openai';\nconst emb = new OpenAIEmbeddings({ model: 'text-embedding-3-small', dimensions: 256 });\nexport const run = async (docs: string[]) => (await emb.embedDocuments(docs)).length;\n",
      errors: [{ messageId: 'notStored', line: 3, includes: ['256 dimensions'] }],
    },
  ],
});
