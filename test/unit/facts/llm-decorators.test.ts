// A caching decorator on the function that returns an OpenAI result (`@cached`, `@cached(ttl=60)`): its wrapper's
// cache read before the call and its writes of the result, in the same file and (project model) from another file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { Project } from '../../../src/core/project/project';
import { RULE_IDS } from '../../../src/core/rules';
import { llmFactsOf } from '../../helpers/llm';

const ROOT = join('/', 'proj');
const at = (p: string) => join(ROOT, p);
const loaded = resolveConfig(undefined, RULE_IDS);

const CACHE_MODULE = [
  'import redis',
  'r = redis.Redis()',
  '',
  'def cached(ttl=300):',
  '    def deco(func):',
  '        def wrapper(prompt):',
  '            hit = r.get(prompt)',
  '            if hit is not None:',
  '                return hit.decode()',
  '            out = func(prompt)',
  '            r.set(prompt, out, ex=ttl)',
  '            return out',
  '        return wrapper',
  '    return deco',
  '',
  'def logged(func):',
  '    def wrapper(*a):',
  '        print("calling")',
  '        return func(*a)',
  '    return wrapper',
  '',
].join('\n');

const ask = (decorator: string) =>
  `from openai import OpenAI\nclient = OpenAI(timeout=10)\n\n${decorator}\ndef ask(prompt):\n    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": prompt}])\n    return resp.choices[0].message.content\n`;

describe('caching decorators on the function that returns the result', () => {
  it('same file: the wrapper reads the cache first and writes the result with the TTL the decorator is given', async () => {
    const f = await llmFactsOf(`${CACHE_MODULE}\n${ask('@cached(ttl=60)')}`, 'python');
    const call = f.calls[0]!;
    assert.deepEqual(
      call.stores.map((s) => [s.kind, s.line, s.ttl?.seconds]),
      [['redis', 11, 60]],
    );
    assert.deepEqual([call.cacheLookup?.kind, call.cacheLookup?.line], ['redis', 7]);
  });

  it("same file: the factory parameter's default is the TTL when the decorator is given none", async () => {
    const f = await llmFactsOf(`${CACHE_MODULE}\n${ask('@cached()')}`, 'python');
    assert.deepEqual(
      f.calls[0]!.stores.map((s) => s.ttl?.seconds),
      [300],
    );
  });

  it('a decorator that only calls the function (logging) adds no store and no cache read', async () => {
    const f = await llmFactsOf(`${CACHE_MODULE}\n${ask('@logged')}`, 'python');
    assert.deepEqual([f.calls[0]!.stores, f.calls[0]!.cacheLookup], [[], null]);
  });

  it("another file: the imported decorator's summary gives the store, its file and line, and the cache read", async () => {
    const files = { 'app/__init__.py': '', 'app/cache.py': CACHE_MODULE, 'app/ask.py': `from app.cache import cached\n${ask('@cached(ttl=45)')}` };
    const project = new Project(ROOT, new MemoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [at(k), v]))));
    const r = await analyzeText(
      'app/ask.py',
      files['app/ask.py'],
      'python',
      loaded,
      undefined,
      { absolutePath: at('app/ask.py'), root: ROOT },
      project,
    );
    const call = r.llmFacts!.calls[0]!;
    assert.deepEqual(
      call.stores.map((s) => [s.kind, s.ttl?.seconds, s.viaHelper, s.at && `${s.at.path}:${s.at.line}`]),
      [['redis', 45, '@cached', 'app/cache.py:11']],
    );
    assert.deepEqual([call.cacheLookup?.kind, call.cacheLookup?.at?.path], ['redis', 'app/cache.py']);
    // Read first and written with an expiry: neither a missing cache lookup nor a store without TTL.
    assert.deepEqual(
      r.findings.filter(
        (x) => x.ruleId === 'llm-no-cache-lookup' || x.ruleId === 'llm-store-without-ttl' || x.ruleId === 'llm-response-not-persisted',
      ),
      [],
    );
  });
});

describe('memoizing decorators libraries provide', () => {
  const memo = (imports: string, decorator: string) =>
    `${imports}\nfrom openai import OpenAI\nclient = OpenAI(timeout=10)\n\n${decorator}\ndef ask(prompt):\n    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": prompt}])\n    return resp.choices[0].message.content\n`;
  for (const [imports, decorator, api] of [
    ['from cachetools.func import ttl_cache', '@ttl_cache(maxsize=64, ttl=120)', 'ttl_cache'],
    ['import cachetools', '@cachetools.cached(cachetools.TTLCache(maxsize=64, ttl=120))', 'cachetools.cached'],
    ['from async_lru import alru_cache', '@alru_cache(maxsize=32)', 'alru_cache'],
  ] as const) {
    it(`${decorator} is an in-process cache read before the call`, async () => {
      const f = await llmFactsOf(memo(imports, decorator), 'python');
      assert.deepEqual([f.calls[0]!.cacheLookup?.kind, f.calls[0]!.cacheLookup?.api], ['memory', api]);
    });
  }

  it('a project decorator that happens to be named like a library one is not taken for it', async () => {
    const f = await llmFactsOf(memo('from app.util import ttl_cache', '@ttl_cache(ttl=5)'), 'python');
    assert.equal(f.calls[0]!.cacheLookup, null);
  });
});
