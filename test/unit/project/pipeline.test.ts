// The project model through the whole pipeline (analyze(), one thread and two workers): call sites whose result is
// stored, or whose prompt is looked up, by a helper in another file, and clients made in another module. Per call
// site the store facts the sizing uses; per rule the findings (invalid) and the silences (valid) that depend on
// seeing the other file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, analyzeText, type AnalysisResult } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';
import { MIN_FILES_PER_WORKER } from '../../../src/core/scan-pool';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'project');

interface SiteCase {
  path: string;
  line: number;
  persisted: boolean;
  store?: { kind: string; engine: string; ttl: number | null; viaHelper: string | null; at: string | undefined };
  cache: boolean;
  /** A model name / output limit held in a constant of another file. */
  model?: string;
  maxTokens?: number;
}

const SITES: SiteCase[] = [
  // tsconfig `paths` (@/lib) -> index.ts renaming re-export -> store/index.ts `export *` -> chat-store.ts (`.js` specifier)
  {
    path: 'src/routes/chat.ts',
    line: 10,
    persisted: true,
    store: { kind: 'redis', engine: 'ioredis', ttl: 3600, viaHelper: 'saveChat', at: 'src/lib/store/chat-store.ts:8' },
    cache: true,
  },
  {
    path: 'src/routes/log.ts',
    line: 7,
    persisted: true,
    store: { kind: 'redis', engine: 'ioredis', ttl: null, viaHelper: 'logReply', at: 'src/lib/store/chat-store.ts:16' },
    cache: false,
  },
  // a workspace package whose `exports` name an unbuilt dist/ entry
  {
    path: 'src/routes/ask.ts',
    line: 8,
    persisted: true,
    store: { kind: 'mongodb', engine: 'mongodb', ttl: null, viaHelper: 'saveAnswer', at: 'packages/db/src/index.ts:7' },
    cache: false,
  },
  { path: 'src/routes/drop.ts', line: 7, persisted: false, cache: false },
  // relative import of a package whose __init__ re-exports under another name; a keyword argument
  {
    path: 'app/routes.py',
    line: 14,
    persisted: true,
    store: { kind: 'redis', engine: 'redis', ttl: 3600, viaHelper: 'save_chat', at: 'app/store/chat_store.py:13' },
    cache: true,
  },
  // `import app.clients as clients` + a client factory; `from app.store import history` (a submodule) + an instance's method
  {
    path: 'app/log_route.py',
    line: 12,
    persisted: true,
    store: { kind: 'mongodb', engine: 'mongodb', ttl: null, viaHelper: 'history.append', at: 'app/store/history.py:9' },
    cache: false,
  },
  { path: 'app/drop.py', line: 10, persisted: false, cache: false },
  // an injected instance of an imported class (`constructor(private readonly repo: ChatRepo)`); the model from `@/lib`
  {
    path: 'src/services/chat.service.ts',
    line: 11,
    persisted: true,
    store: { kind: 'rdbms', engine: 'prisma', ttl: null, viaHelper: 'ChatRepo.save', at: 'src/lib/chat-repo.ts:7' },
    cache: false,
    model: 'gpt-4o-mini',
  },
  // `self.history = History()` of an imported class; the model and the limit from `.config` (a name and a module)
  {
    path: 'app/service.py',
    line: 14,
    persisted: true,
    store: { kind: 'mongodb', engine: 'mongodb', ttl: null, viaHelper: 'History.append', at: 'app/store/history.py:9' },
    cache: false,
    model: 'gpt-4o-mini',
    maxTokens: 100,
  },
  // Results returned to a caller in another file, which stores them through an imported helper that delegates to a
  // same-file helper writing a Sequelize model of a third file (re-exported by src/db/index.ts)
  {
    path: 'src/services/answer.ts',
    line: 6,
    persisted: true,
    store: { kind: 'rdbms', engine: 'sequelize', ttl: null, viaHelper: 'saveAnswer', at: 'src/lib/answer-repo.ts:4' },
    cache: false,
  },
  // ... or through a helper whose expiry is its parameter: the caller's constant (600) is the TTL
  {
    path: 'src/services/answer.ts',
    line: 11,
    persisted: true,
    store: { kind: 'redis', engine: 'ioredis', ttl: 600, viaHelper: 'cacheSet', at: 'src/lib/kv.ts:6' },
    cache: false,
  },
  // a stored field checked before the call (`if (page.summary) continue`) that the write after it sets
  {
    path: 'src/jobs/summaries.ts',
    line: 12,
    persisted: true,
    store: { kind: 'rdbms', engine: 'prisma', ttl: null, viaHelper: null, at: undefined },
    cache: true,
  },
  // Python: returned to app/workers/jobs.py, which writes through `db` imported from app/store/mongo.py and reads only
  // the records lacking the field (`{"description": {"$exists": False}}`)
  {
    path: 'app/llm.py',
    line: 7,
    persisted: true,
    store: { kind: 'mongodb', engine: 'mongodb', ttl: null, viaHelper: 'describe_missing', at: 'app/workers/jobs.py:9' },
    cache: true,
  },
  // a parameter typed with a SQLAlchemy session (`session: AsyncSession`); an imported class's method whose expiry
  // parameter the call sets by keyword (`expire_seconds=900`: no store-without-ttl for it)
  {
    path: 'app/prompt_route.py',
    line: 11,
    persisted: true,
    store: { kind: 'rdbms', engine: 'sqlalchemy', ttl: null, viaHelper: null, at: undefined },
    cache: false,
  },
  // `{ ...options }` of a parameter: what its callers in another file pass decides whether the bound is missing
  // (they pass { model, messages }), set (they pass max_tokens) or unknown (they pass a value not seen).
  { path: 'src/lib/complete.ts', line: 4, persisted: false, cache: false },
  { path: 'src/lib/complete.ts', line: 5, persisted: false, cache: false },
  { path: 'src/lib/complete.ts', line: 6, persisted: false, cache: false },
  { path: 'app/kw_llm.py', line: 7, persisted: false, cache: false },
  { path: 'app/kw_llm.py', line: 11, persisted: false, cache: false },
  { path: 'app/kw_llm.py', line: 15, persisted: false, cache: false },
];

interface RuleCase {
  rule: string;
  path: string;
  line?: number;
  includes?: string[];
}
/** Findings that must be reported (and nothing else of these rules in these files). */
const INVALID: RuleCase[] = [
  { rule: 'llm-store-without-ttl', path: 'src/routes/log.ts', line: 8, includes: ['stored by `logReply` in `src/lib/store/chat-store.ts:16`'] },
  {
    rule: 'llm-store-without-ttl',
    path: 'src/routes/ask.ts',
    line: 10,
    includes: ['MongoDB, stored by `saveAnswer` in `packages/db/src/index.ts:7`'],
  },
  { rule: 'llm-store-without-ttl', path: 'app/log_route.py', line: 13, includes: ['stored by `history.append` in `app/store/history.py:9`'] },
  { rule: 'llm-no-cache-lookup', path: 'src/routes/log.ts', line: 7 },
  { rule: 'llm-no-cache-lookup', path: 'src/routes/ask.ts', line: 8 },
  { rule: 'llm-no-cache-lookup', path: 'app/log_route.py', line: 12 },
  { rule: 'llm-response-not-persisted', path: 'src/routes/drop.ts', line: 7 },
  { rule: 'llm-response-not-persisted', path: 'app/drop.py', line: 10 },
  {
    rule: 'llm-results-in-rdbms',
    path: 'src/services/chat.service.ts',
    line: 12,
    includes: ['stored by `ChatRepo.save` in `src/lib/chat-repo.ts:7`'],
  },
  { rule: 'llm-store-without-ttl', path: 'src/services/chat.service.ts', line: 12 },
  { rule: 'llm-no-cache-lookup', path: 'src/services/chat.service.ts', line: 11 },
  { rule: 'llm-store-without-ttl', path: 'app/service.py', line: 15 },
  { rule: 'llm-no-cache-lookup', path: 'app/service.py', line: 14 },
  { rule: 'llm-store-without-ttl', path: 'src/services/answer.ts', line: 6, includes: ['stored by `saveAnswer` in `src/lib/answer-repo.ts:4`'] },
  { rule: 'llm-no-cache-lookup', path: 'src/services/answer.ts', line: 6 },
  { rule: 'llm-results-in-rdbms', path: 'src/services/answer.ts', line: 6 },
  { rule: 'llm-no-cache-lookup', path: 'src/services/answer.ts', line: 11 },
  { rule: 'llm-results-in-rdbms', path: 'src/jobs/summaries.ts', line: 13 },
  { rule: 'llm-no-cache-lookup', path: 'app/prompt_route.py', line: 11 },
  { rule: 'llm-results-in-rdbms', path: 'app/prompt_route.py', line: 13 },
  { rule: 'llm-store-without-ttl', path: 'app/prompt_route.py', line: 13, includes: ['SQLAlchemy'] },
  {
    rule: 'llm-missing-max-tokens',
    path: 'src/lib/complete.ts',
    line: 4,
    includes: ['its options come from its callers (src/routes/complete.ts:4), which pass only messages, model'],
  },
  // `**kwargs` whose only caller, in another module, passes temperature=0: no bound.
  { rule: 'llm-missing-max-tokens', path: 'app/kw_llm.py', line: 7, includes: ['gpt-4o-mini'] },
];
/** Files where a rule must stay silent because the other file stores, caches or sets the timeout. */
const VALID: RuleCase[] = [
  { rule: 'llm-response-not-persisted', path: 'src/routes/chat.ts' },
  { rule: 'llm-response-not-persisted', path: 'src/routes/log.ts' },
  { rule: 'llm-response-not-persisted', path: 'src/routes/ask.ts' },
  { rule: 'llm-response-not-persisted', path: 'app/routes.py' },
  { rule: 'llm-response-not-persisted', path: 'app/log_route.py' },
  { rule: 'llm-no-cache-lookup', path: 'src/routes/chat.ts' },
  { rule: 'llm-no-cache-lookup', path: 'app/routes.py' },
  { rule: 'llm-store-without-ttl', path: 'src/routes/chat.ts' },
  { rule: 'llm-store-without-ttl', path: 'app/routes.py' },
  { rule: 'llm-missing-timeout', path: 'src/routes/chat.ts' },
  { rule: 'llm-missing-timeout', path: 'app/routes.py' },
  { rule: 'llm-missing-max-tokens', path: 'app/service.py' },
  // stored by callers in other files: not "not persisted"
  { rule: 'llm-response-not-persisted', path: 'src/services/answer.ts' },
  { rule: 'llm-response-not-persisted', path: 'app/llm.py' },
  // the stored field is checked first; the write updates the record in place
  { rule: 'llm-no-cache-lookup', path: 'src/jobs/summaries.ts' },
  { rule: 'llm-store-without-ttl', path: 'src/jobs/summaries.ts' },
  { rule: 'llm-no-cache-lookup', path: 'app/llm.py' },
  { rule: 'llm-store-without-ttl', path: 'app/llm.py' },
];
const RULES_CHECKED = new Set([...INVALID, ...VALID].map((c) => c.rule));

function check(result: AnalysisResult, name: string): void {
  for (const s of SITES) {
    const file = result.llm.find((l) => l.path === s.path);
    const call = file?.calls.find((c) => c.line === s.line);
    assert.ok(call, `${name}: no call site at ${s.path}:${s.line}: ${JSON.stringify(file?.calls.map((c) => c.line))}`);
    assert.equal(call.persisted, s.persisted, `${name}: ${s.path}:${s.line} persisted`);
    assert.equal(call.cacheBeforeCall, s.cache, `${name}: ${s.path}:${s.line} cache before call`);
    if (s.model) assert.equal(call.model, s.model, `${name}: ${s.path}:${s.line} model`);
    if (s.maxTokens) assert.equal(call.maxTokens, s.maxTokens, `${name}: ${s.path}:${s.line} max tokens`);
    if (s.store) {
      const st = call.store!;
      assert.deepEqual(
        { kind: st.kind, engine: st.engine, ttl: st.ttl?.seconds ?? null, viaHelper: st.viaHelper, at: st.at && `${st.at.path}:${st.at.line}` },
        s.store,
        `${name}: ${s.path}:${s.line} store`,
      );
    }
  }
  const inFixture = result.findings.filter((f) => RULES_CHECKED.has(f.ruleId) && SITES.some((s) => s.path === f.path));
  for (const c of INVALID) {
    const hit = inFixture.find((f) => f.ruleId === c.rule && f.path === c.path && f.range.startLine === c.line);
    assert.ok(
      hit,
      `${name}: expected ${c.rule} at ${c.path}:${c.line}; got ${JSON.stringify(inFixture.map((f) => `${f.ruleId} ${f.path}:${f.range.startLine}`))}`,
    );
    for (const s of c.includes ?? []) assert.ok(hit.message.includes(s), `${name}: ${c.rule} message lacks ${s}: ${hit.message}`);
  }
  for (const c of VALID) {
    const wrong = inFixture.filter((f) => f.ruleId === c.rule && f.path === c.path);
    assert.deepEqual(
      wrong.map((f) => `${f.path}:${f.range.startLine} ${f.message}`),
      [],
      `${name}: ${c.rule} must not report in ${c.path}`,
    );
  }
  const expected = new Set(INVALID.map((c) => `${c.rule} ${c.path}:${c.line}`));
  const extra = inFixture.filter((f) => !expected.has(`${f.ruleId} ${f.path}:${f.range.startLine}`));
  assert.deepEqual(
    extra.map((f) => `${f.ruleId} ${f.path}:${f.range.startLine}`),
    [],
    `${name}: unexpected findings`,
  );
}

describe('project model through analyze()', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aia-project-'));
    cpSync(join(FIXTURES, 'ts-app'), dir, { recursive: true });
    cpSync(join(FIXTURES, 'py-app'), dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('one thread (--jobs 1): stores, caches and clients found across files', async () => {
    check(await analyze({ root: dir, workers: 1 }), 'jobs 1');
  });

  it('two workers (--jobs 2): the same outcomes from worker threads', async () => {
    const big = mkdtempSync(join(tmpdir(), 'aia-project-jobs-'));
    try {
      cpSync(dir, big, { recursive: true });
      // Enough files that the scan really runs on two workers (scan-pool.ts keeps small scans on one thread).
      for (let i = 0; i < 2 * MIN_FILES_PER_WORKER; i++) writeFileSync(join(big, `filler${i}.c`), `int f${i}(void) { return ${i}; }\n`);
      check(await analyze({ root: big, workers: 2 }), 'jobs 2');
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('without the project model the same files are read as not persisted (what the model changes)', async () => {
    const loaded = resolveConfig(undefined, RULE_IDS);
    const { readFileSync } = await import('node:fs');
    const alone = await analyzeText('src/routes/chat.ts', readFileSync(join(dir, 'src/routes/chat.ts'), 'utf8'), 'typescript', loaded);
    assert.equal(alone.llm?.calls[0]?.persisted, false);
    assert.equal(alone.llm?.calls[0]?.cacheBeforeCall, false);
  });
});
