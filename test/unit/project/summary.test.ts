// Per-file summaries: what a file's exports do with stores, caches and OpenAI clients, as its importers see them.
// One case per export shape and language; a property that summaries (and what imports resolve to) do not depend
// on the order files are summarised in.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { initTreeSitter, parseSource } from '../../../src/core/parse/tree-sitter';
import { parseJsTs } from '../../../src/core/parse/typescript-estree';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { Project, projectImportsJs, projectImportsPy, type ProjectView } from '../../../src/core/project/project';
import type { FileSummary } from '../../../src/core/project/types';

const ROOT = join('/', 'proj');

async function summaryOf(path: string, text: string): Promise<FileSummary> {
  const s = await new Project(ROOT, new MemoryFs({ [join(ROOT, path)]: text })).summary(join(ROOT, path));
  assert.ok(s, `no summary for ${path}`);
  return s;
}

describe('project: JS/TS summaries', () => {
  before(() => initTreeSitter());
  const REDIS = "import Redis from 'ioredis';\nconst redis = new Redis();\n";

  it('a function that stores its second parameter, with the TTL', async () => {
    const s = await summaryOf(
      'store.ts',
      `${REDIS}export async function saveChat(id: string, reply: string) {\n  await redis.set(\`c:\${id}\`, reply, 'EX', 60);\n}\n`,
    );
    const f = s.exports.saveChat!;
    assert.equal(f.line, 3);
    // The key parameter reaches the write too (it is part of what is written), and so does the value.
    assert.deepEqual(f.paramStores?.[1], [{ kind: 'redis', engine: 'ioredis', api: 'redis.set', line: 4, ttl: { seconds: 60, how: 'SET ... EX' } }]);
  });

  it('arrow functions, object literals of methods, classes and their instances, default exports', async () => {
    const s = await summaryOf(
      'repo.ts',
      `${REDIS}export const save = async (v: string) => { await redis.lpush('l', v); };
export const store = { put(v: string) { return redis.rpush('l', v); }, keep: save };
export class ChatRepo { async add(v: string) { await redis.hset('h', 'k', v); } }
export const repo = new ChatRepo();
export default function (v: string) { return redis.mset('k', v); }
`,
    );
    assert.equal(s.exports.save?.paramStores?.[0]?.[0]?.api, 'redis.lpush');
    assert.equal(s.exports.store?.methods?.put?.paramStores?.[0]?.[0]?.api, 'redis.rpush');
    assert.equal(s.exports.store?.methods?.keep?.paramStores?.[0]?.[0]?.api, 'redis.lpush');
    assert.equal(s.exports.ChatRepo?.methods?.add?.paramStores?.[0]?.[0]?.api, 'redis.hset');
    assert.equal(s.exports.repo?.methods?.add?.paramStores?.[0]?.[0]?.api, 'redis.hset');
    assert.equal(s.exports.default?.paramStores?.[0]?.[0]?.api, 'redis.mset');
  });

  it('CommonJS exports', async () => {
    const s = await summaryOf(
      'cjs.js',
      "const Redis = require('ioredis');\nconst redis = new Redis();\nfunction save(v) { return redis.rpush('l', v); }\nmodule.exports = { save, other: (v) => redis.lpush('m', v) };\nexports.third = function (v) { return redis.hset('h', 'k', v); };\n",
    );
    assert.equal(s.exports.save?.paramStores?.[0]?.[0]?.api, 'redis.rpush');
    assert.equal(s.exports.other?.paramStores?.[0]?.[0]?.api, 'redis.lpush');
    assert.equal(s.exports.third?.paramStores?.[0]?.[0]?.api, 'redis.hset');
  });

  it('clients, client factories, store handles, constants, cache readers, OpenAI results', async () => {
    const s = await summaryOf(
      'ai.ts',
      `import OpenAI from 'openai';
import { MongoClient } from 'mongodb';
export const openai = new OpenAI({ timeout: 15_000, maxRetries: 1 });
export function makeClient() { return new OpenAI(); }
export const answers = new MongoClient('x').db('a').collection('answers');
export const MODEL = 'gpt-4o-mini';
export const MAX_TOKENS = 256;
const memo = new Map<string, string>();
export function cached(prompt: string) { const k = prompt.trim(); return memo.get(k); }
export async function lookup(prompt: string) { return answers.findOne({ prompt }); }
export async function ask(q: string) { return openai.chat.completions.create({ model: MODEL, messages: [] }); }
`,
    );
    assert.deepEqual(s.exports.openai?.client, {
      via: 'openai',
      factory: false,
      className: 'OpenAI',
      timeoutMs: 15000,
      timeoutSet: true,
      maxRetries: 1,
      maxRetriesSet: true,
    });
    assert.equal(s.exports.makeClient?.client?.factory, true);
    assert.deepEqual(s.exports.answers?.store, { kind: 'mongodb', engine: 'mongodb' });
    assert.equal(s.exports.MODEL?.constant, 'gpt-4o-mini');
    assert.equal(s.exports.MAX_TOKENS?.constant, 256);
    assert.deepEqual(s.exports.cached?.cacheRead, { kind: 'memory', api: 'memo.get', line: 9 });
    assert.equal(s.exports.lookup?.cacheRead?.kind, 'mongodb');
    assert.deepEqual(s.exports.ask?.returnsResult, { operation: 'chat.completions.create', line: 11 });
  });

  it('re-exports: named, renamed, star, namespace, and a local name that was imported', async () => {
    const s = await summaryOf(
      'index.ts',
      "export { a, b as c } from './x';\nexport * from './y';\nexport * as ns from './z';\nimport { d } from './w';\nexport { d as e };\nimport f from './v';\nexport default f;\n",
    );
    assert.deepEqual(s.reexports, [
      { from: './x', imported: 'a', exported: 'a' },
      { from: './x', imported: 'b', exported: 'c' },
      { from: './y', imported: '*', exported: '*' },
      { from: './z', imported: '*', exported: 'ns' },
      { from: './w', imported: 'd', exported: 'e' },
      { from: './v', imported: 'default', exported: 'default' },
    ]);
  });

  it('a function that stores nothing is not exported as a helper', async () => {
    const s = await summaryOf(
      'pure.ts',
      `${REDIS}export function format(v: string) { return v.trim(); }\nexport async function read(k: string) { await redis.ping(); return k; }\n`,
    );
    // Listed by name and line (callers of a returned result are found by it), with no store facet.
    assert.deepEqual(s.exports, { format: { line: 3 }, read: { line: 4 } });
  });
});

describe('project: Python summaries', () => {
  before(() => initTreeSitter());

  it('functions, methods (self left out, parameter names kept), instances, clients, factories, constants, cache readers', async () => {
    const s = await summaryOf(
      'store.py',
      `import redis
from openai import OpenAI

r = redis.Redis()
client = OpenAI(timeout=20)
MODEL = "gpt-4o-mini"


def save(prompt, reply):
    r.setex(prompt, 600, reply)


def cached(prompt):
    return r.get(prompt)


def make():
    return OpenAI()


class Repo:
    def add(self, item):
        r.rpush("items", item)


repo = Repo()
`,
    );
    assert.deepEqual(s.exports.save?.paramStores?.[1], [
      { kind: 'redis', engine: 'redis', api: 'r.setex', line: 10, ttl: { seconds: 600, how: 'setex' } },
    ]);
    assert.deepEqual(s.exports.save?.params, ['prompt', 'reply']);
    assert.equal(s.exports.cached?.cacheRead?.api, 'r.get');
    assert.equal(s.exports.make?.client?.factory, true);
    assert.equal(s.exports.client?.client?.timeoutMs, 20000);
    assert.deepEqual(s.exports.r?.store, { kind: 'redis', engine: 'redis' });
    assert.equal(s.exports.MODEL?.constant, 'gpt-4o-mini');
    assert.deepEqual(s.exports.Repo?.methods?.add?.params, ['item']);
    assert.equal(s.exports.repo?.methods?.add?.paramStores?.[0]?.[0]?.api, 'r.rpush');
  });

  it('__init__ re-exports every import', async () => {
    const s = await summaryOf(
      'pkg/__init__.py',
      'from .store import save, cached as lookup\nfrom . import history\nfrom .all import *\nimport pkg.db as db\n',
    );
    assert.deepEqual(s.reexports, [
      { from: '.store', imported: 'save', exported: 'save' },
      { from: '.store', imported: 'cached', exported: 'lookup' },
      { from: '.', imported: 'history', exported: 'history' },
      { from: '.all', imported: '*', exported: '*' },
      { from: 'pkg.db', imported: '*', exported: 'db' },
    ]);
  });
});

/** Every file of a fixture project, by absolute path under ROOT. */
function fixtureFiles(name: string): Record<string, string> {
  const base = join(__dirname, '..', '..', 'fixtures', 'project', name);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[join(ROOT, relative(base, p))] = readFileSync(p, 'utf8');
    }
  };
  walk(base);
  return out;
}

/** What each imported name resolves to (the view loads the summaries a lookup reaches). */
async function resolutions(view: ProjectView, names: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const k of names.sort()) out.push([k, await view.settle(() => view.lookup.symbol(k, []))]);
  return out;
}

/** Each source file's summary and what each of its imports resolves to, reading files in `order`. */
async function projectState(files: Record<string, string>, order: string[], project = new Project(ROOT, new MemoryFs(files))): Promise<unknown> {
  const state: Record<string, unknown> = {};
  for (const path of order) {
    const text = files[path]!;
    if (!/\.(ts|js|py)$/.test(path)) continue;
    let view: ProjectView;
    if (path.endsWith('.py')) {
      const parsed = await parseSource(text, 'python');
      const imports = projectImportsPy(parsed.tree.rootNode);
      parsed.tree.delete();
      view = await project.viewPy(path, imports);
      state[path] = { summary: await project.summary(path), imports: await resolutions(view, [...imports.bindings.keys()]) };
    } else {
      const js = parseJsTs(text, path, 'typescript');
      const imports = projectImportsJs(js.program!);
      view = await project.viewJs(path, imports);
      state[path] = { summary: await project.summary(path), imports: await resolutions(view, [...imports.keys()]) };
    }
  }
  return Object.fromEntries(Object.entries(state).sort(([a], [b]) => a.localeCompare(b)));
}

describe('project: summaries do not depend on the order files are read', () => {
  before(() => initTreeSitter());
  for (const name of ['ts-app', 'py-app']) {
    it(`${name}: any order, a fresh or a shared project, gives the same summaries and resolutions`, async () => {
      const files = fixtureFiles(name);
      const paths = Object.keys(files).sort();
      const reference = await projectState(files, paths);
      // The fixture's imports really resolve (the property is not about empty state).
      assert.ok(JSON.stringify(reference).includes('"paramStores"'));
      // ...and the imports resolve to other files' facts, not only to null.
      assert.ok(JSON.stringify(Object.values(reference as Record<string, { imports: unknown[] }>).map((v) => v.imports)).includes('"facts"'));
      const shared = new Project(ROOT, new MemoryFs(files));
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(paths, { minLength: paths.length, maxLength: paths.length }), fc.boolean(), async (order, useShared) => {
          assert.deepEqual(await projectState(files, order, useShared ? shared : undefined), reference);
        }),
        { numRuns: 25 },
      );
    });
  }
});
