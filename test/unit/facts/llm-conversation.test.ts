// A reply written as a turn of a conversation the app keeps (a chat/session key or a role column in the row): the
// store fact says so (StoreWriteFact.conversationKey), also through a helper in another file, and
// llm-results-in-rdbms leaves it alone while a prompt-keyed table is still reported.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { Project } from '../../../src/core/project/project';
import { RULE_IDS } from '../../../src/core/rules';

const ROOT = join('/', 'proj');
const at = (p: string) => join(ROOT, p);
const loaded = resolveConfig({ rules: { 'llm-results-in-rdbms': 'info' } }, RULE_IDS);

async function analyseIn(files: Record<string, string>, path: string) {
  const project = new Project(ROOT, new MemoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [at(k), v]))));
  const language = path.endsWith('.py') ? 'python' : 'typescript';
  return analyzeText(path, files[path]!, language, loaded, undefined, { absolutePath: at(path), root: ROOT }, project);
}

const ROUTE = (helper: string) =>
  `import OpenAI from 'openai';\nimport { ${helper} } from './store';\nconst openai = new OpenAI({ timeout: 1000 });\nexport async function reply(chatId: string, q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] });\n  await ${helper}(chatId, r.choices[0].message.content ?? '');\n}\n`;
const STORE =
  "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport async function saveTurn(chatId: string, content: string) {\n  await prisma.message.create({ data: { chatId, role: 'assistant', content } });\n}\nexport async function saveAnswer(prompt: string, answer: string) {\n  await prisma.answer.create({ data: { prompt, answer } });\n}\n";

describe('conversation turns written to a relational database', () => {
  it('through a helper in another file: the store carries the conversation key and the rdbms rule does not report', async () => {
    const r = await analyseIn({ 'store.ts': STORE, 'route.ts': ROUTE('saveTurn') }, 'route.ts');
    const call = r.llmFacts!.calls[0]!;
    assert.deepEqual(
      call.stores.map((s) => [s.kind, s.conversationKey, s.at?.path]),
      [['rdbms', 'chatId', 'store.ts']],
    );
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'llm-results-in-rdbms'),
      [],
    );
  });

  it('a prompt-keyed table through the same kind of helper is still reported', async () => {
    const r = await analyseIn({ 'store.ts': STORE, 'route.ts': ROUTE('saveAnswer') }, 'route.ts');
    assert.equal(r.llmFacts!.calls[0]!.stores[0]?.conversationKey, undefined);
    assert.equal(r.findings.filter((f) => f.ruleId === 'llm-results-in-rdbms').length, 1);
  });
});
