// The workload file and the per-call-site streams built from it: bad values named and replaced by the profile's,
// overrides by path:line and by label, and no unknown ever turned into a zero.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LlmCallSummary, LlmFileSummary } from '../../../src/core/model/types';
import { buildCallStreams, dataLoad } from '../../../src/core/sizing/llm-workload';
import { loadTokenizers } from '../../../src/core/facts/llm-tokens';
import { PROFILES } from '../../../src/core/sizing/profiles';
import { loadWorkloadFile, overridesFor, parseBytes, resolveWorkload } from '../../../src/core/sizing/workload';

function call(over: Partial<LlmCallSummary> = {}): LlmCallSummary {
  return {
    api: 'chat',
    operation: 'chat.completions.create',
    via: 'openai',
    model: 'gpt-4o-mini',
    line: 10,
    function: 'answer',
    inLoop: false,
    inHandler: true,
    streaming: false,
    maxTokens: 300,
    estInputTokens: 40,
    estInputIsLowerBound: false,
    estOutputTokens: 300,
    outputBound: 'max-tokens',
    dimensions: null,
    batchInputs: null,
    estResponseBytes: 1500,
    estCostUsd: 0.0002,
    estBatchCostUsd: 0.0001,
    unknowns: [],
    notes: [],
    persisted: false,
    store: null,
    cacheBeforeCall: false,
    ttl: null,
    ...over,
  };
}
const file = (calls: LlmCallSummary[], path = 'src/chat.ts'): LlmFileSummary => ({
  path,
  language: 'typescript',
  calls,
  persisted: false,
  store: null,
  stores: [],
  cacheBeforeCall: false,
  ttl: false,
  secrets: [],
});

describe('workload file', () => {
  before(loadTokenizers);

  it('with no file the profile applies as is', () => {
    const w = resolveWorkload(undefined, { profile: 'high' });
    assert.deepEqual(w.assumptions, PROFILES.high);
    assert.deepEqual(w.problems, []);
    assert.equal(w.engines.length, 6);
  });

  it('names every invalid field, replaces it with the profile value, keeps the valid ones', () => {
    const w = resolveWorkload({
      profile: 'low',
      assumptions: { cacheHitRatio: 1.5, retentionDays: -1, readWriteRatio: 7, colour: 'blue' },
      calls: [{ avgRequestsPerSecond: 3 }, { site: 'src/chat.ts:10', inputTokens: 'many' }, { label: 'answer', outputTokens: 99 }],
      engines: ['mongodb', 'oracle'],
      gpu: { datasets: [{ file: 'a.cu', bytes: 'lots' }, { bytes: 5 }] },
    });
    const fields = w.problems.map((p) => p.field).sort();
    assert.deepEqual(fields, [
      'assumptions.cacheHitRatio',
      'assumptions.colour',
      'assumptions.retentionDays',
      'calls[0]',
      'calls[1].inputTokens',
      'engines[1]',
      'gpu.datasets[0].bytes',
      'gpu.datasets[1]',
    ]);
    assert.equal(w.assumptions.cacheHitRatio, PROFILES.low.cacheHitRatio);
    assert.equal(w.assumptions.retentionDays, PROFILES.low.retentionDays);
    assert.equal(w.assumptions.readWriteRatio, 7);
    assert.deepEqual(w.overridden, ['readWriteRatio']);
    assert.deepEqual(w.engines, ['mongodb']);
    assert.deepEqual(w.calls, [{ site: 'src/chat.ts:10' }, { label: 'answer', outputTokens: 99 }]);
    assert.deepEqual(w.gpu.datasets, [{ file: 'a.cu' }]);
    assert.match(w.problems.find((p) => p.field === 'assumptions.cacheHitRatio')!.message, /must be <= 1; using the profile's value/);
    assert.match(w.problems.find((p) => p.field === 'calls[0]')!.message, /needs "site" \(path:line\) or "label"/);
  });

  it('a non-object workload and a peak below the average are reported, not fatal', () => {
    assert.equal(resolveWorkload([1, 2]).problems[0]!.field, '(root)');
    const w = resolveWorkload({ assumptions: { avgRequestsPerSecond: 10, peakRequestsPerSecond: 2 } });
    assert.equal(w.assumptions.peakRequestsPerSecond, 10);
    assert.equal(w.problems[0]!.field, 'assumptions.peakRequestsPerSecond');
  });

  it("a --profile given on the command line wins over the file's profile", () => {
    assert.equal(resolveWorkload({ profile: 'low' }, { profile: 'high' }).assumptions.avgRequestsPerSecond, PROFILES.high.avgRequestsPerSecond);
    assert.equal(resolveWorkload({ profile: 'low' }).profile, 'low');
  });

  it('reads the file: missing default is fine, a missing explicit path is fatal, broken JSON is a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-wl-'));
    assert.equal(loadWorkloadFile(dir).problems.length, 0);
    assert.match(loadWorkloadFile(dir, { path: join(dir, 'nope.json') }).fatal!, /not found/);
    writeFileSync(join(dir, 'ai-infra-advisor.workload.json'), '{ "profile": ');
    const broken = loadWorkloadFile(dir);
    assert.equal(broken.problems[0]!.field, '(file)');
    assert.equal(broken.profile, 'medium');
  });

  it('parses byte sizes with units (GB read as GiB)', () => {
    assert.equal(parseBytes('24 GiB'), 24 * 1024 ** 3);
    assert.equal(parseBytes('8GB'), 8 * 1024 ** 3);
    assert.equal(parseBytes('512 MiB'), 512 * 1024 ** 2);
    assert.equal(parseBytes(1000), 1000);
    assert.ok(Number.isNaN(parseBytes('eight')));
  });

  it('call overrides match by path:line and by function label (bare or path#function); later entries win', () => {
    const w = resolveWorkload({
      calls: [
        { site: 'src/chat.ts:10', avgRequestsPerSecond: 2 },
        { label: 'src/chat.ts#answer', avgRequestsPerSecond: 3, inputTokens: 50 },
        { label: 'other', avgRequestsPerSecond: 9 },
      ],
    });
    assert.deepEqual(overridesFor(w, 'src/chat.ts', 10, 'answer'), {
      site: 'src/chat.ts:10',
      label: 'src/chat.ts#answer',
      avgRequestsPerSecond: 3,
      inputTokens: 50,
    });
    assert.deepEqual(overridesFor(w, 'src/chat.ts', 11, 'other'), { label: 'other', avgRequestsPerSecond: 9 });
    assert.deepEqual(overridesFor(w, 'src/x.ts', 10, null), {});
  });
});

describe('call streams', () => {
  before(loadTokenizers);

  it('tokens: code when known, the profile for run-time prompts and unbounded output', () => {
    const w = resolveWorkload(undefined, { profile: 'medium' });
    const [known, open] = buildCallStreams(
      [file([call(), call({ line: 20, estInputIsLowerBound: true, outputBound: 'model-maximum', estOutputTokens: 16384, maxTokens: null })])],
      w,
    );
    assert.deepEqual([known!.inputTokens, known!.inputFrom, known!.outputTokens, known!.outputFrom], [40, 'code', 300, 'code']);
    assert.deepEqual([open!.inputTokens, open!.inputFrom, open!.outputTokens, open!.outputFrom], [1000, 'profile', 500, 'profile']);
    // record = (1000 + 500) × 4 + 256 = 6,256 B
    assert.equal(open!.recordBytes, 6256);
    // gpt-4o-mini $0.15 / $0.60 per M: (1000 × 0.15 + 500 × 0.6) / 1e6 = $0.00045 per call
    assert.ok(Math.abs(open!.cost!.perCallUsd - 0.00045) < 1e-12);
    // 1 req/s × 2,628,000 s × $0.00045 = $1,182.60 a month; Batch half
    assert.ok(Math.abs(open!.cost!.monthlyUsd - 1182.6) < 1e-6);
    assert.ok(Math.abs(open!.cost!.monthlyBatchUsd - 591.3) < 1e-6);
  });

  it('the cache hit ratio applies only where the code looks up first (or the workload says so)', () => {
    const w = resolveWorkload({ assumptions: { cacheHitRatio: 0.4 } });
    const [lookup, none] = buildCallStreams([file([call({ cacheBeforeCall: true }), call({ line: 30 })])], w);
    assert.equal(lookup!.apiCallsPerSecondAvg, 0.6);
    assert.equal(none!.apiCallsPerSecondAvg, 1);
    const forced = buildCallStreams([file([call({ line: 30 })])], resolveWorkload({ calls: [{ site: 'src/chat.ts:30', cacheHitRatio: 0.5 }] }))[0]!;
    assert.equal(forced.apiCallsPerSecondAvg, 0.5);
  });

  it('a TTL in the code shortens retention; stored: false leaves a call out of the database load', () => {
    const ttl = { seconds: 86_400, how: 'SET ... EX' };
    const w = resolveWorkload({ calls: [{ site: 'src/chat.ts:40', stored: false }] });
    const streams = buildCallStreams([file([call({ ttl, persisted: true }), call({ line: 40 })])], w);
    assert.equal(streams[0]!.retentionDays, 1);
    assert.match(streams[0]!.retentionWhy, /TTL in the code/);
    assert.equal(streams[1]!.stored, false);
    const load = dataLoad(streams, w.assumptions);
    // 1 write/s × 86,400 s × 1 day = 86,400 records; the left-out call adds nothing
    assert.equal(load.storedRecords, 86_400);
    assert.equal(load.writesPerSecondAvg, 1);
  });

  it('embeddings: records per input, dims × 4 bytes + text + metadata', () => {
    const w = resolveWorkload({ calls: [{ site: 'src/chat.ts:50', inputTokens: 1600 }] });
    const s = buildCallStreams(
      [
        file([
          call({
            line: 50,
            api: 'embeddings',
            model: 'text-embedding-3-small',
            outputBound: 'embedding',
            estOutputTokens: 0,
            dimensions: 1536,
            batchInputs: 16,
            maxTokens: null,
          }),
        ]),
      ],
      w,
    )[0]!;
    // 16 records per call; each 1536 × 4 + (1600 / 16 = 100 tokens) × 4 + 256 = 6,144 + 400 + 256 = 6,800 B
    assert.equal(s.recordsPerCall, 16);
    assert.equal(s.recordBytes, 6800);
    // $0.02 per M tokens: 1600 × 0.02 / 1e6 = $0.000032 per call
    assert.ok(Math.abs(s.cost!.perCallUsd - 0.000032) < 1e-12);
  });

  it('an unknown model has no price, named, never $0', () => {
    const s = buildCallStreams([file([call({ model: 'my-finetune' }), call({ line: 60, model: null })])], resolveWorkload(undefined))!;
    assert.equal(s[0]!.cost, null);
    assert.match(s[0]!.unknowns.join(), /no published price for model 'my-finetune'/);
    assert.equal(s[1]!.cost, null);
    assert.match(s[1]!.unknowns.join(), /model unknown/);
  });

  it('a workload price override replaces the list price', () => {
    const w = resolveWorkload({ prices: { openai: { 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 } } } });
    const s = buildCallStreams([file([call()])], w)[0]!;
    // (40 × 1 + 300 × 2) / 1e6
    assert.ok(Math.abs(s.cost!.perCallUsd - 0.00064) < 1e-12);
    assert.equal(s.cost!.source, 'workload prices.openai');
  });
});
