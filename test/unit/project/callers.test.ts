// The project model's newer classes, one case each, on in-memory projects: the one JS import reader (both require
// forms), writes through imported names typed by the view (and dropped when the name is no store), results returned
// to callers in other files, a helper's expiry parameter set by the caller, the importer index's name reading.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { EstreeIndex } from '../../../src/core/facts/estree';
import { jsImports } from '../../../src/core/facts/js-imports';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { parseJsTs } from '../../../src/core/parse/typescript-estree';
import { importedNames, moduleKey } from '../../../src/core/project/importers';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { Project, projectImportsJs } from '../../../src/core/project/project';
import { RULE_IDS } from '../../../src/core/rules';
import type { Language } from '../../../src/core/model/types';

const ROOT = join('/', 'proj');
const at = (p: string) => join(ROOT, p);
const loaded = resolveConfig(undefined, RULE_IDS);

function projectOf(files: Record<string, string>): Project {
  return new Project(ROOT, new MemoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [at(k), v]))));
}

async function callsIn(files: Record<string, string>, path: string) {
  const project = projectOf(files);
  const language: Language = path.endsWith('.py') ? 'python' : 'typescript';
  const r = await analyzeText(path, files[path]!, language, loaded, undefined, { absolutePath: at(path), root: ROOT }, project);
  return { facts: r.llmFacts?.calls ?? [], findings: r.findings, dependsOn: r.dependsOn ?? [] };
}

describe('project: one JS import reader', () => {
  it('reads import forms and both require forms (whole module, destructured), with the same result for the project view', () => {
    const text = `import a from './a';\nimport { b as c } from './b';\nimport * as d from './d';\nconst e = require('./e');\nconst { f, g: h } = require('./f');\nconst i = require('./i').j;\n`;
    const program = parseJsTs(text, 'x.ts', 'typescript').program!;
    const imports = jsImports(new EstreeIndex(program));
    assert.deepEqual(Object.fromEntries(imports), {
      a: { source: './a', imported: 'default' },
      c: { source: './b', imported: 'b' },
      d: { source: './d', imported: '*' },
      e: { source: './e', imported: '*', cjs: true },
      f: { source: './f', imported: 'f' },
      h: { source: './f', imported: 'g' },
      i: { source: './i', imported: 'j' },
    });
    assert.deepEqual(Object.fromEntries(projectImportsJs(program)), Object.fromEntries(imports));
  });

  it('`const x = require(m)`: x.y is the export y; x(...) is the default export (module.exports = fn)', async () => {
    const files = {
      'store.js': `const Redis = require('ioredis');\nconst redis = new Redis();\nmodule.exports = { save: async (v) => { await redis.lpush('l', v); } };\n`,
      'one.js': `const Redis = require('ioredis');\nconst redis = new Redis();\nmodule.exports = async function (v) { await redis.rpush('l', v); };\n`,
    };
    const project = projectOf(files);
    const program = parseJsTs(`const store = require('./store');\nconst keep = require('./one');\n`, 'm.js', 'javascript').program!;
    const view = await project.viewJs(at('m.js'), projectImportsJs(program));
    // The view loads summaries as lookups reach them: `settle` runs a lookup until it has what it needs.
    assert.equal((await view.settle(() => view.lookup.symbol('store', ['save'])))?.facts.paramStores?.[0]?.[0]?.api, 'redis.lpush');
    assert.equal((await view.settle(() => view.lookup.symbol('keep', [])))?.facts.paramStores?.[0]?.[0]?.api, 'redis.rpush');
    assert.equal(await view.settle(() => view.lookup.symbol('store', ['missing'])), null);
  });
});

describe('project: results returned to callers in other files', () => {
  before(() => initTreeSitter());
  const OPENAI = `import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 5000 });\n`;
  const ASK = `${OPENAI}export async function ask(q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: q }] });\n  return r.choices[0]?.message.content ?? '';\n}\n`;

  it('a caller that stores the returned value through an imported model makes the call site persisted, with where', async () => {
    const { facts, dependsOn } = await callsIn(
      {
        'ask.ts': ASK,
        'model.ts': `import { Model } from 'sequelize';\nexport class Reply extends Model {}\n`,
        'route.ts': `import { ask } from './ask';\nimport { Reply } from './model';\nexport async function handle(q: string) {\n  const text = await ask(q);\n  await Reply.create({ text });\n}\n`,
      },
      'ask.ts',
    );
    assert.deepEqual(
      facts.map((c) => c.stores.map((s) => [s.kind, s.engine, s.api, s.viaHelper, s.at && `${s.at.path}:${s.at.line}`])),
      [[['rdbms', 'sequelize', 'Reply.create', 'handle', 'route.ts:5']]],
    );
    assert.ok(dependsOn.includes(at('route.ts')), `the caller is a dependency: ${dependsOn.join(', ')}`);
  });

  it('a name the caller imports that is no store keeps the value unstored (deferred writes are typed, not guessed)', async () => {
    const { facts, findings } = await callsIn(
      {
        'ask.ts': ASK,
        'util.ts': `export const list = { add(x: string) { return x.length; } };\n`,
        'route.ts': `import { ask } from './ask';\nimport { list } from './util';\nexport async function handle(q: string) {\n  const text = await ask(q);\n  list.add(text);\n  return 1;\n}\n`,
      },
      'ask.ts',
    );
    assert.deepEqual(facts[0]!.stores, []);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'llm-store-without-ttl'),
      [],
    );
  });

  it('a caller in Python passing the value to an imported helper whose expiry is a keyword parameter', async () => {
    const { facts } = await callsIn(
      {
        'app/__init__.py': '',
        'app/ask.py': `from openai import OpenAI\nclient = OpenAI(timeout=5)\n\ndef ask(q):\n    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": q}])\n    return r.choices[0].message.content\n`,
        'app/kv.py': `import redis\nr = redis.Redis()\n\ndef keep(key, value, ttl=None):\n    r.setex(key, ttl, value)\n`,
        'app/route.py': `from app.ask import ask\nfrom app.kv import keep\n\ndef handle(q):\n    text = ask(q)\n    keep(q, text, ttl=120)\n`,
      },
      'app/ask.py',
    );
    assert.deepEqual(
      facts[0]!.stores.map((s) => [s.kind, s.ttl?.seconds, s.viaHelper, s.at && `${s.at.path}:${s.at.line}`]),
      [['redis', 120, 'keep', 'app/kv.py:5']],
    );
  });

  it('an object literal into a destructured parameter: only the property the value is in is followed', async () => {
    const { facts, findings } = await callsIn(
      {
        'save.ts': `import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function saveAll(id: string, { user, reply }: { user: string; reply: string }) {\n  await redis.set(\`u:\${id}\`, user);\n  await redis.set(\`r:\${id}\`, reply, 'EX', 60);\n}\n`,
        'go.ts': `${OPENAI}import { saveAll } from './save';\nexport async function go(id: string, u: string, q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: q }] });\n  await saveAll(id, { user: u, reply: r.choices[0]?.message.content ?? '' });\n}\n`,
      },
      'go.ts',
    );
    assert.deepEqual(
      facts[0]!.stores.map((s) => [s.at && `${s.at.path}:${s.at.line}`, s.ttl?.seconds]),
      [['save.ts:5', 60]],
    );
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'llm-store-without-ttl'),
      [],
    );
  });

  it('same file: a helper that passes the value to a smaller helper (two deep) is followed', async () => {
    const { facts } = await callsIn(
      {
        'a.ts': `${OPENAI}import Redis from 'ioredis';\nconst redis = new Redis();\nasync function write(v: string) { await redis.set('k', v, 'EX', 30); }\nasync function keep(v: string) { await write(v); }\nexport async function go(q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: q }] });\n  await keep(r.choices[0]?.message.content ?? '');\n}\n`,
      },
      'a.ts',
    );
    assert.deepEqual(
      facts[0]!.stores.map((s) => [s.api, s.ttl?.seconds, s.viaHelper]),
      [['redis.set', 30, 'keep()']],
    );
  });
});

describe('project: importer index', () => {
  it('reads the names import statements bind (JS and Python), whole-module imports by the module key', () => {
    assert.deepEqual(
      [
        ...importedNames(
          `import { a, b as c } from './x';\nimport d from './svc/ask';\nconst { e } = require('./y');\nconst f = require('./z');\n`,
          'js',
        ),
      ].sort(),
      ['@ask', '@z', 'a', 'b', 'e'].sort(),
    );
    assert.deepEqual(
      [...importedNames(`from app.services.llm import (\n    describe,\n    tag as t,\n)\nimport app.kv as kv\n`, 'py')].sort(),
      ['@describe', '@kv', '@llm', '@tag', 'describe', 'tag'].sort(),
    );
    assert.equal(moduleKey('../lib/index'), '@index');
  });
});
