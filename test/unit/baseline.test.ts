// Fingerprints (model/fingerprint.ts), the baseline (core/baseline.ts) and SARIF's use of both.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import {
  applyBaseline,
  BASELINE_FILE_NAME,
  baselineText,
  createBaseline,
  loadBaseline,
  parseBaseline,
  splitByBaseline,
} from '../../src/core/baseline';
import { resolveConfig } from '../../src/core/config';
import { fingerprintFindings } from '../../src/core/model/fingerprint';
import type { Finding } from '../../src/core/model/types';
import { toSarif } from '../../src/core/report/sarif';
import { RULE_IDS } from '../../src/core/rules';
import { validateSettings } from '../../src/server/settings';
import { analyze } from '../../src/core/analyze';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const CALL = 'r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])';
const py = (pre: string, calls: number) =>
  `from openai import OpenAI\nclient = OpenAI(timeout=30)\n${pre}\ndef ask(q):\n${Array.from({ length: calls }, () => `    ${CALL}\n`).join('')}    return r\n`;

async function findingsOf(text: string, path = 'app.py'): Promise<Finding[]> {
  const r = await analyzeText(path, text, 'python', resolveConfig(undefined, RULE_IDS));
  return r.findings;
}
const printsOf = (findings: Finding[], text: string, path?: (p: string) => string) =>
  fingerprintFindings(findings, { textOf: () => text, ...(path ? { pathOf: path } : {}) });

describe('finding fingerprints', () => {
  it('survive lines inserted above and re-indentation; change with the rule, the file or the line text', async () => {
    const a = py('', 1);
    const b = py('\n\n# a comment\nX = 1\n', 1);
    const fa = await findingsOf(a);
    const fb = await findingsOf(b);
    assert.ok(fa.length >= 1, 'the call has findings (no output bound)');
    assert.notDeepEqual(
      fa.map((f) => f.range.startLine),
      fb.map((f) => f.range.startLine),
    );
    assert.deepEqual(printsOf(fb, b), printsOf(fa, a));
    assert.notDeepEqual(
      printsOf(fa, a, () => 'other.py'),
      printsOf(fa, a),
    );
    const c = a.replace('content": q', 'content": question');
    const fc = await findingsOf(c);
    assert.notDeepEqual(printsOf(fc, c), printsOf(fa, a));
  });

  it('identical findings are told apart by order, so adding one keeps the others', async () => {
    const one = py('', 1);
    const two = py('', 2);
    const p1 = printsOf(await findingsOf(one), one);
    const p2 = printsOf(await findingsOf(two), two);
    assert.equal(new Set(p2).size, p2.length, 'unique within a file');
    for (const p of p1) assert.ok(p2.includes(p), 'the first call keeps its fingerprints');
  });

  it('do not depend on the order findings are passed in', async () => {
    const two = py('', 2);
    const f = await findingsOf(two);
    const forward = printsOf(f, two);
    const backward = printsOf([...f].reverse(), two).reverse();
    assert.deepEqual(backward, forward);
  });
});

describe('baseline', () => {
  it('is sorted, stable, validates against docs/baseline.schema.json and hides exactly the old findings', async () => {
    const old = py('', 1);
    const fOld = await findingsOf(old);
    const b = createBaseline(fOld, { textOf: () => old });
    assert.equal(baselineText(b), baselineText(createBaseline([...fOld].reverse(), { textOf: () => old })));
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(__dirname, '../../docs/baseline.schema.json'), 'utf8')));
    assert.ok(validate(JSON.parse(baselineText(b))), JSON.stringify(validate.errors));
    const parsed = parseBaseline(baselineText(b), 'x');
    assert.ok('fingerprints' in parsed);
    const now = py('\n# moved down\n', 2);
    const fNow = await findingsOf(now);
    const split = splitByBaseline(fNow, parsed.fingerprints, { textOf: () => now });
    assert.equal(split.baselined.length, fOld.length);
    assert.equal(split.fresh.length, fNow.length - fOld.length);
    assert.ok(
      split.fresh.every((f) => f.range.startLine === Math.max(...fNow.map((x) => x.range.startLine))),
      "the new findings are the second call's",
    );
    // The editor's modes.
    assert.equal(applyBaseline(fNow, parsed.fingerprints, 'hide', { textOf: () => now }).length, split.fresh.length);
    const info = applyBaseline(fNow, parsed.fingerprints, 'info', { textOf: () => now });
    assert.equal(info.filter((f) => f.severity === 'info').length >= split.baselined.length, true);
    assert.deepEqual(applyBaseline(fNow, parsed.fingerprints, 'off', { textOf: () => now }), fNow);
  });

  it('a bad baseline file is named, not silently used', () => {
    assert.match((parseBaseline('{', 'b.json') as { error: string }).error, /b\.json is not JSON/);
    assert.match((parseBaseline('{"version":2,"fingerprintVersion":1,"findings":[]}', 'b.json') as { error: string }).error, /version 2/);
    assert.match(
      (parseBaseline('{"version":1,"fingerprintVersion":1,"findings":[{"fingerprint":"xyz"}]}', 'b.json') as { error: string }).error,
      /findings\[0\]\.fingerprint/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'aia-baseline-'));
    try {
      assert.equal(loadBaseline(dir), null);
      assert.match((loadBaseline(dir, join(dir, 'missing.json')) as { error: string }).error, /cannot read the baseline/);
      writeFileSync(join(dir, BASELINE_FILE_NAME), '[]');
      assert.match((loadBaseline(dir) as { error: string }).error, /must be an object/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SARIF fingerprints, baselineState and limits', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aia-sarif-'));
    writeFileSync(join(dir, 'app.py'), py('', 3));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  type Log = {
    runs: Array<{
      results: Array<{ level: string; partialFingerprints: Record<string, string>; baselineState?: string; message: { text: string } }>;
      properties?: { truncated?: boolean; resultsTotal?: number; resultsKept?: number };
      invocations: Array<{ toolExecutionNotifications: Array<{ descriptor?: { id: string } }> }>;
    }>;
  };

  it('partialFingerprints are the finding fingerprints, not a hash of the message', async () => {
    const result = await analyze({ root: dir });
    const log = toSarif(result) as Log;
    const prints = fingerprintFindings(result.findings, { textOf: () => readFileSync(join(dir, 'app.py'), 'utf8') });
    assert.deepEqual(
      log.runs[0]!.results.map((r) => r.partialFingerprints['aiInfraAdvisor/v1']),
      prints,
    );
    // A changed number in a message does not change the fingerprint.
    const edited = { ...result, findings: result.findings.map((f) => ({ ...f, message: `${f.message} (42)` })) };
    assert.deepEqual(
      (toSarif(edited) as Log).runs[0]!.results.map((r) => r.partialFingerprints['aiInfraAdvisor/v1']),
      prints,
    );
  });

  it('marks baselined results unchanged and new ones new, or omits the baselined', async () => {
    const result = await analyze({ root: dir });
    const prints = fingerprintFindings(result.findings, { textOf: () => readFileSync(join(dir, 'app.py'), 'utf8') });
    const baseline = new Set(prints.slice(0, 2));
    const marked = (toSarif(result, { baseline }) as Log).runs[0]!.results;
    assert.deepEqual(
      marked.map((r) => r.baselineState),
      prints.map((p) => (baseline.has(p) ? 'unchanged' : 'new')),
    );
    const omitted = (toSarif(result, { baseline, omitBaselined: true }) as Log).runs[0]!.results;
    assert.equal(omitted.length, prints.length - 2);
  });

  it('caps results at the limit, most severe first, and says so', async () => {
    const result = await analyze({ root: dir });
    assert.ok(result.findings.length >= 3, `${result.findings.length} findings`);
    const run = (toSarif(result, { maxResults: 2 }) as Log).runs[0]!;
    assert.equal(run.results.length, 2);
    assert.deepEqual(run.properties && [run.properties.truncated, run.properties.resultsTotal, run.properties.resultsKept], [
      true,
      result.findings.length,
      2,
    ]);
    const rank = { error: 3, warning: 2, note: 1 } as Record<string, number>;
    const min = Math.min(...run.results.map((r) => rank[r.level]!));
    const maxAll = [...result.findings].map((f) => ({ error: 3, warning: 2, info: 1 })[f.severity]).sort((a, b) => b - a);
    assert.equal(min, maxAll[1]);
    assert.ok(run.invocations[0]!.toolExecutionNotifications.some((n) => n.descriptor?.id === 'results-truncated'));
    // The gzip limit: a tiny one leaves fewer results, still with the note.
    // Many results (each with its own message, so gzip cannot fold them away): half the gzipped size keeps some.
    const many = {
      ...result,
      findings: Array.from({ length: 400 }, (_, i) => result.findings.map((f) => ({ ...f, message: `${f.message} #${(i * 7919) % 1000}` }))).flat(),
    };
    const full = gzipSync(JSON.stringify(toSarif(many))).length;
    const cut = toSarif(many, { maxGzipBytes: Math.floor(full / 2) }) as Log;
    const kept = cut.runs[0]!.results.length;
    assert.ok(kept > 0 && kept < many.findings.length, `kept ${kept} of ${many.findings.length}`);
    assert.ok(gzipSync(JSON.stringify(cut)).length <= full / 2);
    assert.equal(cut.runs[0]!.properties?.truncated, true);
    // Within the limits nothing is left out.
    assert.equal((toSarif(result) as Log).runs[0]!.properties, undefined);
  });
});

describe('the aiInfraAdvisor.baseline setting', () => {
  it('accepts hide, info and off and names anything else', () => {
    for (const mode of ['hide', 'info', 'off'] as const) assert.equal(validateSettings({ baseline: mode }).settings.baseline, mode);
    const bad = validateSettings({ baseline: 'sometimes' });
    assert.equal(bad.settings.baseline, undefined);
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ['aiInfraAdvisor.baseline'],
    );
    assert.match(bad.problems[0]!.message, /one of hide, info, off; hiding baselined findings/);
  });
});
