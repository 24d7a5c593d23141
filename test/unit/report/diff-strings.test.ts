// The diff's text and Markdown in both languages through the diff-strings.ts catalogue (issue 21). A synthetic
// DiffReport walks every branch of the renderers; the test fails if a message of the catalogue is never used (a branch
// the fixture misses) or if an English word is left in the Korean output once the names from the code are taken out.
import assert from 'node:assert/strict';
import type { CallChange, DiffReport } from '../../../src/core/diff';
import { PROVIDER_NAMES } from '../../../src/core/facts/llm-providers';
import { toDiffMarkdown } from '../../../src/core/report/diff-markdown';
import { diffSummaryLine } from '../../../src/core/report/diff-sections';
import { toDiffText } from '../../../src/core/report/diff-text';
import { DIFF_MESSAGES } from '../../../src/core/report/diff-strings';
import type { Lang, Message } from '../../../src/core/l10n';

const GIB = 1024 ** 3;
type Side = NonNullable<CallChange['after']>;
const call = (over: Partial<Side>): Side => ({
  path: 'svc/app.py',
  line: 10,
  function: 'answer',
  operation: 'messages.create',
  provider: 'anthropic',
  model: 'claude-3-5-haiku-20241022',
  outputBound: 'max-tokens',
  maxTokens: 256,
  inLoop: false,
  inHandler: true,
  stored: false,
  store: null,
  cache: false,
  inputTokens: 1000,
  outputTokens: 256,
  perCallUsd: 0.0018,
  monthlyUsd: 4730,
  ...over,
});
const engine = (nodes: number, dataNodes: number, dataInstance: string | null, monthlyUsd: number, serverless = false) => ({
  serverless,
  nodes,
  dataNodes,
  dataInstance,
  monthlyUsd,
});

/** Every branch once: each call status, context word and output bound; each GPU verdict change; each database form. */
const FULL: DiffReport = {
  $schema: 'diff',
  tool: { name: 'ai-infra-advisor', version: '0.1.0' },
  base: { ref: 'main', commit: '1'.repeat(40) },
  head: { ref: 'feature', commit: '2'.repeat(40) },
  profile: 'medium',
  targetGpu: { id: 't4', name: 'NVIDIA T4' },
  renames: [{ from: 'old/job.py', to: 'jobs/job.py' }],
  calls: [
    {
      status: 'added',
      before: null,
      after: call({ path: 'jobs/job.py', function: 'nightly', inLoop: true, inHandler: false, stored: true, store: 'mongodb', cache: true }),
      changed: [],
      monthlyDeltaUsd: 4730,
    },
    {
      status: 'removed',
      before: call({ line: 40, stored: true, store: null, maxTokens: null, outputBound: 'model-maximum' }),
      after: null,
      changed: [],
      monthlyDeltaUsd: -4730,
    },
    {
      status: 'changed',
      before: call({ line: 12, maxTokens: null, outputBound: 'unknown', model: null, perCallUsd: null, monthlyUsd: null }),
      after: call({ line: 12, maxTokens: null, outputBound: 'embedding', operation: 'embeddings.create', model: 'text-embedding-3-small' }),
      changed: ['model', 'outputBound'],
      monthlyDeltaUsd: null,
    },
    {
      status: 'moved',
      before: call({ line: 20, function: null, maxTokens: null, outputBound: 'max-tokens' }),
      after: call({ line: 25, function: null, maxTokens: null, outputBound: 'max-tokens' }),
      changed: [],
      monthlyDeltaUsd: 0,
    },
  ],
  openai: { monthlyUsdBefore: 4730, monthlyUsdAfter: 9460, deltaUsd: 4730 },
  gpu: [
    {
      status: 'added',
      path: 'gpu/new.cu',
      beforePath: null,
      peakBytesBefore: null,
      peakBytesAfter: 2 * GIB,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: null,
      verdictAfter: 'fits',
    },
    {
      status: 'added',
      path: 'gpu/big.cu',
      beforePath: null,
      peakBytesBefore: null,
      peakBytesAfter: 40 * GIB,
      lowerBoundBefore: false,
      lowerBoundAfter: true,
      verdictBefore: null,
      verdictAfter: 'needs-chunking',
    },
    {
      status: 'added',
      path: 'gpu/huge.cu',
      beforePath: null,
      peakBytesBefore: null,
      peakBytesAfter: 90 * GIB,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: null,
      verdictAfter: 'does-not-fit',
    },
    {
      status: 'removed',
      path: 'gpu/gone.cu',
      beforePath: 'gpu/gone.cu',
      peakBytesBefore: GIB,
      peakBytesAfter: null,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: 'fits',
      verdictAfter: null,
    },
    {
      status: 'changed',
      path: 'gpu/grow.cu',
      beforePath: 'gpu/old-grow.cu',
      peakBytesBefore: GIB,
      peakBytesAfter: 17 * GIB,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: 'fits',
      verdictAfter: 'does-not-fit',
    },
    {
      status: 'changed',
      path: 'gpu/shrink.cu',
      beforePath: 'gpu/shrink.cu',
      peakBytesBefore: 17 * GIB,
      peakBytesAfter: null,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: 'does-not-fit',
      verdictAfter: 'unknown',
    },
    {
      status: 'changed',
      path: 'gpu/fixed.cu',
      beforePath: 'gpu/fixed.cu',
      peakBytesBefore: 17 * GIB,
      peakBytesAfter: 4 * GIB,
      lowerBoundBefore: false,
      lowerBoundAfter: false,
      verdictBefore: 'does-not-fit',
      verdictAfter: 'fits',
    },
  ],
  databases: [
    {
      engine: 'mongodb',
      name: 'MongoDB',
      before: engine(6, 3, 'r6i.large', 900),
      after: engine(8, 5, 'r6i.large', 1300),
      recommendedBefore: true,
      recommendedAfter: true,
    },
    {
      engine: 'dynamodb',
      name: 'DynamoDB',
      before: engine(0, 4, null, 100, true),
      after: engine(0, 9, null, 250, true),
      recommendedBefore: false,
      recommendedAfter: true,
    },
    {
      engine: 'cassandra',
      name: 'Cassandra',
      before: engine(3, 3, 'i4i.large', 800),
      after: engine(3, 3, 'i4i.xlarge', 1500),
      recommendedBefore: false,
      recommendedAfter: true,
    },
    {
      engine: 'elasticsearch',
      name: 'Elasticsearch/OpenSearch',
      before: engine(3, 3, 'r6g.large.search', 700),
      after: engine(3, 3, null, 700),
      recommendedBefore: false,
      recommendedAfter: true,
    },
    { engine: 'scylladb', name: 'ScyllaDB', before: null, after: engine(3, 3, null, 2000), recommendedBefore: false, recommendedAfter: false },
  ],
  stores: [
    { status: 'added', path: 'jobs/job.py', line: 14, kind: 'mongodb', engine: 'mongodb', api: 'insert_one' },
    { status: 'removed', path: 'svc/app.py', line: 44, kind: 'rdbms', engine: 'postgresql', api: 'execute' },
  ],
  findings: {
    new: [
      { fingerprint: 'f1', ruleId: 'gpu-exceeds-device-memory', severity: 'error', message: 'MSG-ONE', path: 'gpu/huge.cu', line: 3, column: 5 },
      { fingerprint: 'f2', ruleId: 'llm-call-in-loop', severity: 'warning', message: 'MSG-TWO', path: 'jobs/job.py', line: 9, column: 9 },
      { fingerprint: 'f3', ruleId: 'llm-store-without-ttl', severity: 'info', message: 'MSG-THREE', path: 'jobs/job.py', line: 14, column: 5 },
    ],
    fixed: 2,
  },
  bill: { monthlyUsdBefore: 5630, monthlyUsdAfter: 12210, deltaUsd: 6580 },
  notAnalysed: [
    { side: 'base', path: 'old/broken.py', reason: 'REASON-A' },
    { side: 'head', path: 'new/broken.py', reason: 'REASON-B' },
  ],
};

/** Nothing changed, on the working tree: the "no change" sentence and the working-tree name. */
const EMPTY: DiffReport = {
  ...FULL,
  head: { ref: 'working tree', commit: null },
  profile: null,
  renames: [],
  calls: [],
  openai: { monthlyUsdBefore: 0, monthlyUsdAfter: 0, deltaUsd: 0 },
  gpu: [],
  databases: [],
  stores: [],
  findings: { new: [], fixed: 0 },
  bill: { monthlyUsdBefore: 0, monthlyUsdAfter: 0, deltaUsd: 0 },
  notAnalysed: [],
};

/** The renderers' output for both reports in both formats. */
const render = (lang: Lang): string => [FULL, EMPTY].flatMap((r) => [toDiffText(r, { lang }), toDiffMarkdown(r, { lang })]).join('\n');

/** Every leaf path of the diff string table. */
/** Runs `f` with the catalogue's messages replaced by copies that record which ids were read in the language. */
function recordingIds(lang: Lang, seen: Set<string>, f: () => void): void {
  const catalogue = DIFF_MESSAGES as unknown as Record<string, Message>;
  const originals = { ...catalogue };
  for (const [id, m] of Object.entries(originals))
    catalogue[id] = new Proxy(m, {
      get(target, key, receiver) {
        if (key === lang) seen.add(id);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  try {
    f();
  } finally {
    Object.assign(catalogue, originals);
  }
}

// The names the code and the report carry, never translated: paths, functions, operations, models, stores, engines,
// instances, GPUs, refs, rule ids, and the placeholder messages and reasons of the fixture.
function namesIn(r: DiffReport): string[] {
  const sides = r.calls.flatMap((c) => [c.before, c.after]).filter((s): s is Side => s !== null);
  return [
    ...sides.flatMap((s) => [s.path, s.function ?? '', s.operation, s.model ?? '', s.store ?? '']),
    ...r.gpu.flatMap((g) => [g.path, g.beforePath ?? '']),
    ...r.databases.flatMap((d) => [d.name, d.before?.dataInstance ?? '', d.after?.dataInstance ?? '']),
    ...r.stores.flatMap((s) => [s.path, s.kind, s.engine, s.api]),
    ...r.findings.new.flatMap((f) => [f.ruleId, f.message, f.path]),
    ...r.renames.flatMap((m) => [m.from, m.to]),
    ...r.notAnalysed.flatMap((n) => [n.path, n.reason]),
    r.targetGpu.name,
    r.base.ref,
    r.head.ref === 'working tree' ? '' : r.head.ref,
    r.profile ?? '',
  ].filter(Boolean);
}
// Product and unit names the same in both languages.
// Names that stay as they are in Korean: the product's, acronyms, and the providers' public names (brands).
const SAME_IN_BOTH = ['AI Infra Advisor', 'LLM API', 'LLM', 'GPU', 'GiB', 'API', 'ai-infra-advisor-diff', ...Object.values(PROVIDER_NAMES)];

describe('diff renderers in English and Korean (issue 21)', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: the fixture reaches every message of the diff catalogue, in text and Markdown`, () => {
      const seen = new Set<string>();
      recordingIds(lang, seen, () => render(lang));
      assert.deepEqual(
        Object.keys(DIFF_MESSAGES).filter((id) => !seen.has(id)),
        [],
      );
    });
  }

  it('ko: no English word is left once the names from the code are taken out', () => {
    // Markdown's escapes and the comment's HTML (<sub>, <br>) are syntax, not words.
    let out = render('ko')
      .replace(/\\(.)/g, '$1')
      .replace(/<\/?(sub|br)>/g, ' ');
    const names = [...new Set([...namesIn(FULL), ...namesIn(EMPTY), ...SAME_IN_BOTH])].sort((a, b) => b.length - a.length);
    for (const n of names) out = out.split(n).join(' ');
    const english = [...new Set(out.match(/[A-Za-z]{2,}/g) ?? [])];
    assert.deepEqual(english, [], out);
    // And it is Korean: the section titles and the summary.
    const md = toDiffMarkdown(FULL, { lang: 'ko' });
    assert.match(md, /^#### LLM API 호출 위치$/m);
    assert.match(md, /^#### 새 발견 사항$/m);
    assert.match(diffSummaryLine(FULL, 'ko'), /^LLM API 월 \+\$4,730, /);
  });

  it('the English check can fail: English output has the words the Korean one must not', () => {
    let out = render('en')
      .replace(/\\(.)/g, '$1')
      .replace(/<\/?(sub|br)>/g, ' ');
    for (const n of [...namesIn(FULL), ...SAME_IN_BOTH].sort((a, b) => b.length - a.length)) out = out.split(n).join(' ');
    assert.ok((out.match(/[A-Za-z]{2,}/g) ?? []).length > 50);
  });

  it('en: the summary line names every kind of change in order, LLM API first', () => {
    assert.equal(
      diffSummaryLine(FULL, 'en'),
      [
        '+$4,730/month LLM API',
        '+2 data nodes on MongoDB',
        '+$150/month on DynamoDB',
        'Cassandra data nodes i4i.large → i4i.xlarge',
        'Elasticsearch/OpenSearch data nodes r6g.large.search → serverless',
        'peak GPU memory 2.0 GiB in gpu/new.cu: fits the NVIDIA T4',
        'peak GPU memory ≥40.0 GiB in gpu/big.cu: does not fit the NVIDIA T4 without chunking',
        'peak GPU memory 90.0 GiB in gpu/huge.cu: does not fit the NVIDIA T4',
        'GPU program gpu/gone.cu removed',
        'peak GPU memory 1.0 GiB → 17.0 GiB in gpu/grow.cu: no longer fits the NVIDIA T4',
        'peak GPU memory 17.0 GiB → unknown in gpu/shrink.cu',
        'peak GPU memory 17.0 GiB → 4.0 GiB in gpu/fixed.cu: now fits the NVIDIA T4',
        '3 new findings',
      ].join(', '),
    );
    assert.equal(diffSummaryLine(EMPTY, 'en'), 'No change in cost, GPU memory or databases, and no new findings');
    assert.equal(diffSummaryLine(EMPTY, 'ko'), '비용, GPU 메모리, 데이터베이스 변화와 새 발견 사항이 없습니다');
  });

  it('text: columns line up by display width (a Hangul syllable is two columns)', () => {
    const lines = toDiffText(FULL, { lang: 'ko' }).split('\n');
    const start = lines.indexOf('새 발견 사항');
    const rows = lines.slice(start + 1, start + 6);
    // The rule column starts at the same display column on the header and every row.
    const ruleAt = (l: string, word: string) =>
      [...l.slice(0, l.indexOf(word))].reduce((w, ch) => w + (/[\u1100-\u11ff\uac00-\ud7af]/.test(ch) ? 2 : 1), 0);
    const at = [ruleAt(rows[0]!, '규칙'), ruleAt(rows[2]!, 'gpu-exceeds'), ruleAt(rows[3]!, 'llm-call-in-loop'), ruleAt(rows[4]!, 'llm-store')];
    assert.equal(new Set(at).size, 1, rows.join('\n'));
  });
});
