// The done-when test of `diff` (issue 21): a repository built commit by commit; the diff must report exactly the
// changes made, with $ from the price package and GiB from the allocation sizes.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import Ajv from 'ajv';
import { join } from 'node:path';
import { diffRevisions, type DiffReport } from '../../src/core/diff';
import { parseRange } from '../../src/cli/diff-command';
import { diffSummaryLine } from '../../src/core/report/diff-sections';
import { toDiffMarkdown, DIFF_COMMENT_MARKER } from '../../src/core/report/diff-markdown';
import { buildScenario, commit, gitIn, GIB } from './diff-repo';

const price = (model: string, input: number, output: number): number =>
  calcPrice({ input_tokens: input, output_tokens: output }, model, { providerId: 'openai' })!.total_price;
const close = (a: number | null | undefined, b: number, what: string) =>
  assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= Math.abs(b) * 1e-9 + 1e-12, `${what}: ${a} != ${b}`);

describe('diff (issue 21 done-when)', function () {
  this.timeout(120_000);
  let dir = '';
  let commits: string[] = [];
  let whole: DiffReport;
  before(async () => {
    ({ dir, commits } = buildScenario());
    whole = await diffRevisions({ root: dir, base: commits[0], head: commits[5] });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a loop of gpt-4o calls is one added call site, priced from the price package', async () => {
    const r = await diffRevisions({ root: dir, base: commits[0], head: commits[1] });
    assert.deepEqual(
      r.calls.map((c) => [c.status, c.after?.path, c.after?.function, c.after?.model, c.after?.inLoop]),
      [['added', 'jobs.py', 'translate_all', 'gpt-4o', true]],
    );
    const a = r.calls[0]!.after!;
    assert.equal(a.maxTokens, 200);
    close(a.perCallUsd, price('gpt-4o', a.inputTokens!, a.outputTokens!), '$/call');
    close(r.calls[0]!.monthlyDeltaUsd, a.monthlyUsd!, 'Δ $/month of an added call');
    close(r.openai.deltaUsd, a.monthlyUsd!, 'OpenAI Δ $/month');
    assert.equal(r.gpu.length, 0);
    assert.deepEqual(
      r.findings.new.map((f) => [f.ruleId, f.path]),
      [['llm-call-in-loop', 'jobs.py']],
    );
  });

  it('a moved call is moved, at no cost, and its findings are not new', async () => {
    const r = await diffRevisions({ root: dir, base: commits[1], head: commits[2] });
    assert.deepEqual(
      r.calls.map((c) => [c.status, c.before?.function, c.before?.line, c.after?.line, c.monthlyDeltaUsd]),
      [
        ['moved', 'classify', 11, 10, 0],
        ['moved', 'summarise', 6, 15, 0],
      ].sort((x, y) => (x[3] as number) - (y[3] as number)),
    );
    assert.equal(r.openai.deltaUsd, 0);
    assert.deepEqual(r.findings.new, []);
    assert.equal(r.findings.fixed, 0);
  });

  it('a model swap is one changed call with $/call and $/month before → after', async () => {
    const r = await diffRevisions({ root: dir, base: commits[2], head: commits[3] });
    assert.equal(r.calls.length, 1);
    const c = r.calls[0]!;
    assert.equal(c.status, 'changed');
    assert.deepEqual(c.changed, ['model']);
    assert.deepEqual([c.before!.model, c.after!.model], ['gpt-4o-mini', 'gpt-4o']);
    close(c.before!.perCallUsd, price('gpt-4o-mini', c.before!.inputTokens!, c.before!.outputTokens!), '$/call before');
    close(c.after!.perCallUsd, price('gpt-4o', c.after!.inputTokens!, c.after!.outputTokens!), '$/call after');
    // The same calls a month at the new price.
    const callsPerMonth = c.before!.monthlyUsd! / c.before!.perCallUsd!;
    close(c.monthlyDeltaUsd, callsPerMonth * (c.after!.perCallUsd! - c.before!.perCallUsd!), 'Δ $/month');
    close(r.openai.deltaUsd, c.monthlyDeltaUsd!, 'OpenAI Δ');
  });

  it('a 16 GiB cudaMalloc raises the program peak from 1 to 17 GiB: no longer fits a T4', async () => {
    const r = await diffRevisions({ root: dir, base: commits[3], head: commits[4] });
    assert.equal(r.calls.length, 0);
    assert.deepEqual(
      r.gpu.map((g) => [g.path, g.status, g.peakBytesBefore, g.peakBytesAfter, g.verdictBefore]),
      [['gpu/main.cu', 'changed', GIB, 17 * GIB, 'fits']],
    );
    assert.notEqual(r.gpu[0]!.verdictAfter, 'fits');
    assert.equal(r.targetGpu.id, 't4');
    assert.match(diffSummaryLine(r), /^peak GPU memory 1\.0 GiB → 17\.0 GiB: no longer fits the NVIDIA T4/);
    assert.deepEqual(
      r.findings.new.map((f) => f.ruleId),
      ['gpu-exceeds-device-memory'],
    );
    // Against a GPU with room for it, the verdict does not change.
    const big = await diffRevisions({ root: dir, base: commits[3], head: commits[4], targetGpu: 'a100-40' });
    assert.deepEqual(
      big.gpu.map((g) => [g.verdictBefore, g.verdictAfter]),
      [['fits', 'fits']],
    );
  });

  it('a Mongo insert of the response is a new store write, a changed call (stored) and MongoDB sizing', async () => {
    const r = await diffRevisions({ root: dir, base: commits[4], head: commits[5] });
    assert.deepEqual(
      r.stores.map((s) => [s.status, s.path, s.kind, s.api]),
      [['added', 'app.py', 'mongodb', 'answers.insert_one']],
    );
    // The import and the collection add two lines above classify: moved, not changed.
    assert.deepEqual(
      r.calls.map((c) => [c.status, c.after?.function, c.changed, c.monthlyDeltaUsd]),
      [
        ['moved', 'classify', [], 0],
        ['changed', 'summarise', ['stored', 'store'], 0],
      ],
    );
    assert.ok(r.databases.some((d) => d.engine === 'mongodb' && d.after !== null));
    assert.deepEqual(r.findings.new.map((f) => f.ruleId).sort(), ['llm-no-cache-lookup', 'llm-store-without-ttl']);
  });

  it('over the whole range: exactly those changes', () => {
    const r = whole;
    const rows = r.calls.map((c) => [c.status, (c.after ?? c.before)!.function, c.before?.model ?? null, c.after?.model ?? null]);
    assert.deepEqual(rows, [
      ['moved', 'classify', 'gpt-4o-mini', 'gpt-4o-mini'],
      ['changed', 'summarise', 'gpt-4o-mini', 'gpt-4o'],
      ['added', 'translate_all', null, 'gpt-4o'],
    ]);
    const sum = r.calls.reduce((s, c) => s + (c.monthlyDeltaUsd ?? 0), 0);
    close(r.openai.deltaUsd, sum, 'OpenAI Δ is the sum of the call sites');
    assert.deepEqual(
      r.gpu.map((g) => [g.peakBytesBefore, g.peakBytesAfter]),
      [[GIB, 17 * GIB]],
    );
    assert.equal(r.stores.length, 1);
    assert.deepEqual(r.findings.new.map((f) => f.ruleId).sort(), [
      'gpu-exceeds-device-memory',
      'llm-call-in-loop',
      'llm-no-cache-lookup',
      'llm-store-without-ttl',
    ]);
    const md = toDiffMarkdown(r);
    assert.ok(md.startsWith(DIFF_COMMENT_MARKER));
    assert.match(md.split('\n')[1]!, /LLM API, .*peak GPU memory 1\.0 GiB → 17\.0 GiB: no longer fits the NVIDIA T4/);
  });

  it('the JSON matches docs/diff.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '../../docs/diff.schema.json'), 'utf8')));
    const ok = validate(JSON.parse(JSON.stringify(whole)));
    assert.ok(ok, JSON.stringify(validate.errors, null, 1));
    // And the schema can fail: a report missing its calls is refused.
    const { calls: _, ...noCalls } = JSON.parse(JSON.stringify(whole)) as Record<string, unknown>;
    assert.equal(validate(noCalls), false);
  });

  it('a renamed file: its calls and findings are matched, not added', async () => {
    gitIn(dir, 'mv', 'jobs.py', 'batch_jobs.py');
    const c6 = commit(dir, {}, 'rename jobs.py');
    const r = await diffRevisions({ root: dir, base: commits[5], head: c6 });
    assert.deepEqual(r.renames, [{ from: 'jobs.py', to: 'batch_jobs.py' }]);
    assert.deepEqual(r.calls, []);
    assert.deepEqual(r.findings.new, []);
    assert.equal(r.findings.fixed, 0);
    // Without the rename map the same finding would have been new: the fingerprint includes the path.
    gitIn(dir, 'reset', '-q', '--hard', commits[5]);
  });

  it('defaults: the merge base with main .. the working tree, never touching it', async () => {
    gitIn(dir, 'checkout', '-q', '-b', 'feature');
    commit(
      dir,
      {
        'more.py':
          'from openai import OpenAI\n\nclient = OpenAI(timeout=30)\n\n\ndef more(x):\n    return client.chat.completions.create(model="gpt-4o", max_tokens=10, messages=[{"role": "user", "content": x}])\n',
      },
      'more',
    );
    const status = gitIn(dir, 'status', '--porcelain');
    const r = await diffRevisions({ root: dir });
    assert.equal(r.base.commit, commits[5]);
    assert.equal(r.head.commit, null);
    assert.deepEqual(
      r.calls.map((c) => [c.status, c.after?.path]),
      [['added', 'more.py']],
    );
    assert.equal(gitIn(dir, 'status', '--porcelain'), status);
    gitIn(dir, 'checkout', '-q', 'main');
  });

  it('bad revisions and ranges are named', async () => {
    await assert.rejects(diffRevisions({ root: dir, base: 'no-such-branch' }), /unknown revision 'no-such-branch'/);
    await assert.rejects(diffRevisions({ root: dir, base: '--output=x' }), /not a revision/);
    assert.deepEqual(parseRange(['main..feature']), { base: 'main', head: 'feature' });
    assert.deepEqual(parseRange(['main']), { base: 'main' });
    assert.throws(() => parseRange(['main...feature']), /two dots/);
    assert.throws(() => parseRange(['a', 'b']), /one BASE/);
  });
});
