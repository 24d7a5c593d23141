// A view loads the summaries its file's lookups reach, not one per import: a module that imports many project files
// (a registry of backends, a big app module) must cost what it uses. The facts must be those of a view that had every
// summary at hand, through re-export chains and imported store handles too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { LazyMap } from '../../../src/core/facts/lazy-map';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { Project } from '../../../src/core/project/project';
import { RULE_IDS } from '../../../src/core/rules';
import type { Language } from '../../../src/core/model/types';

const ROOT = join('/', 'proj');
const at = (p: string) => join(ROOT, p);
const loaded = resolveConfig(undefined, RULE_IDS);

/** A project whose summary reads are counted. */
function counted(files: Record<string, string>): { project: Project; summarised: string[] } {
  const project = new Project(ROOT, new MemoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [at(k), v]))));
  const summarised: string[] = [];
  const summary = project.summary.bind(project);
  project.summary = (p: string) => {
    summarised.push(project.relative(p));
    return summary(p);
  };
  return { project, summarised };
}

async function analyse(files: Record<string, string>, path: string) {
  const { project, summarised } = counted(files);
  const language: Language = path.endsWith('.py') ? 'python' : 'typescript';
  const run = async () => {
    const r = await analyzeText(path, files[path]!, language, loaded, undefined, { absolutePath: at(path), root: ROOT }, project);
    return { calls: r.llmFacts?.calls ?? [], dependsOn: r.dependsOn ?? [] };
  };
  const first = await run();
  const made = [...new Set(summarised)].sort();
  // The language server's path: the same file analysed again starts from what its last view loaded; same facts.
  const again = await run();
  assert.deepEqual(again, first);
  const stores = first.calls.map((c) => c.stores.map((s) => [s.kind, s.engine, s.api, s.viaHelper]));
  return { stores, summarised: made, dependsOn: first.dependsOn };
}

const N = 40;

describe('project: a view summarises the files its lookups reach, not every import', () => {
  before(() => initTreeSitter());

  it('Python: 40 imported helper modules, one used: one store fact, its file (and the re-export it goes through) summarised', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < N; i++)
      files[`app/helpers/h${i}.py`] = `import redis\nr = redis.Redis()\n\ndef save${i}(key, value):\n    r.set(key, value, ex=60)\n`;
    files['app/helpers/__init__.py'] = `from .h7 import save7\n`;
    files['app/main.py'] =
      `from openai import OpenAI\n` +
      Array.from({ length: N }, (_, i) => (i === 7 ? `from app.helpers import save7\n` : `from app.helpers.h${i} import save${i}\n`)).join('') +
      `client = OpenAI(timeout=10)\n\ndef answer(q):\n    r = client.chat.completions.create(model='gpt-4o-mini', max_tokens=50, messages=[{'role': 'user', 'content': q}])\n    save7(q, r.choices[0].message.content)\n    return r\n`;
    const { stores, summarised, dependsOn } = await analyse(files, 'app/main.py');
    assert.deepEqual(stores, [[['redis', 'redis', 'r.set', 'save7']]]);
    assert.deepEqual(summarised, ['app/helpers/__init__.py', 'app/helpers/h7.py']);
    assert.deepEqual(dependsOn.map((d) => d.replace(`${ROOT}/`, '')).sort(), ['app/helpers/__init__.py', 'app/helpers/h7.py']);
  });

  it('TypeScript: 40 imported modules, a store handle imported from one of them: only that file summarised', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < N; i++)
      files[`lib/m${i}.ts`] =
        `import Redis from 'ioredis';\nexport const kv${i} = new Redis();\nexport function util${i}(x: string) { return x + ${i}; }\n`;
    files['api.ts'] =
      `import OpenAI from 'openai';\n` +
      Array.from({ length: N }, (_, i) => `import { kv${i}, util${i} } from './lib/m${i}';\n`).join('') +
      `const openai = new OpenAI({ timeout: 5000 });\nexport async function handle(q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: q }] });\n  await kv12.set(q, r.choices[0]?.message.content ?? '', 'EX', 60);\n  return r;\n}\n`;
    const { stores, summarised } = await analyse(files, 'api.ts');
    assert.deepEqual(stores, [[['redis', 'ioredis', 'kv12.set', null]]]);
    assert.deepEqual(summarised, ['lib/m12.ts']);
  });
});

describe('LazyMap', () => {
  it('behaves as a Map whose deferred entries are resolved once, on first read, and absent when they resolve to nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('set', 'defer', 'deferNull', 'delete', 'get', 'has')), {
          maxLength: 30,
        }),
        (ops) => {
          const lazy = new LazyMap<string, number>();
          // The model: deferred values are resolved eagerly (a resolver has no side effect but counting).
          const model = new Map<string, number>();
          const calls = new Map<number, number>();
          let n = 0;
          for (const [k, op] of ops) {
            const v = ++n;
            if (op === 'set') {
              lazy.set(k, v);
              model.set(k, v);
            } else if (op === 'defer') {
              lazy.defer(k, () => (calls.set(v, (calls.get(v) ?? 0) + 1), v));
              model.set(k, v);
            } else if (op === 'deferNull') {
              lazy.defer(k, () => null);
              model.delete(k);
            } else if (op === 'delete') {
              lazy.delete(k);
              model.delete(k);
            } else if (op === 'get') assert.equal(lazy.get(k), model.get(k));
            else assert.equal(lazy.has(k), model.has(k));
          }
          for (const k of ['a', 'b', 'c', 'd']) assert.equal(lazy.get(k), model.get(k));
          for (const c of calls.values()) assert.ok(c <= 1, 'a resolver runs at most once');
        },
      ),
    );
  });
});
