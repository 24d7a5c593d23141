// `ai-infra-advisor report`: formats, --output with chart SVGs next to Markdown, --profile and --workload,
// usage errors, and a bad workload value reported by field name without stopping the run.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const WL = ['--workload', 'examples/ai-infra-advisor.workload.json'];

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return { code, out, err };
}

describe('cli report', () => {
  it('text by default: the summary, tables and recommendation; exit status follows --fail-on', async () => {
    const r = await cli(['report', 'examples', ...WL]);
    assert.equal(r.code, 1, 'the examples hold error findings');
    assert.match(r.out, /sizing report \(profile medium\)/);
    assert.match(r.out, /Database topology per engine/);
    assert.match(r.out, /fits this workload best/);
    assert.equal((await cli(['report', 'examples', ...WL, '--fail-on', 'never'])).code, 0);
  });

  it('--profile changes the traffic: high costs more than low', async () => {
    const cost = async (profile: string) =>
      JSON.parse((await cli(['report', 'examples', ...WL, '--profile', profile, '--format', 'json', '--fail-on', 'never'])).out).llm
        .openaiMonthlyUsd as number;
    const [low, high] = [await cost('low'), await cost('high')];
    assert.ok(high > low * 10, `${high} vs ${low}`);
  });

  it('--format md --output writes the Markdown and its chart SVGs beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-report-'));
    const r = await cli(['report', 'examples', ...WL, '--format', 'md', '--output', join(dir, 'sizing.md'), '--fail-on', 'never']);
    assert.equal(r.code, 0, r.err);
    const md = readFileSync(join(dir, 'sizing.md'), 'utf8');
    assert.match(md, /!\[Monthly cost vs traffic \(USD, log scale\)\]\(sizing\.charts\/cost-vs-traffic\.svg\)/);
    for (const id of ['cost-vs-traffic', 'storage-nodes-vs-months', 'gpu-peak-vs-target'])
      assert.match(readFileSync(join(dir, 'sizing.charts', `${id}.svg`), 'utf8'), /^<svg /);
    assert.match(r.err, /\+ 3 chart SVGs/);
  });

  it('--format html writes one self-contained page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-report-'));
    const out = join(dir, 'r.html');
    assert.equal((await cli(['report', 'examples', ...WL, '--format', 'html', '--output', out, '--fail-on', 'never'])).code, 0);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    // Links a reader may follow (the cited sources, shown with their address) are fine; nothing may be fetched when
    // the page opens: no external script, stylesheet, image, frame, font or CSS import.
    assert.match(html, /<a\s[^>]*href="https:\/\//, 'the sources are linked');
    assert.ok(
      !/<script[^>]+src=|<link[^>]+href=|\s(?:src|srcset|data|poster)="?(?:https?:)?\/\/|url\(\s*['"]?(?:https?:)?\/\/|@import/i.test(html),
      'nothing loaded from elsewhere',
    );
  });

  it('usage errors exit 2: bad --profile, bad --format, --profile with scan, missing --workload', async () => {
    assert.equal((await cli(['report', 'examples', '--profile', 'huge'])).code, 2);
    assert.match((await cli(['report', 'examples', '--format', 'sarif'])).err, /--format for report must be html, md, json or text/);
    assert.equal((await cli(['scan', 'examples', '--profile', 'low'])).code, 2);
    const missing = await cli(['report', 'examples', '--workload', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /workload file not found: .*nope\.json/);
  });

  it('a bad workload value is named on stderr, the profile value is used, and the report is still written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-report-'));
    writeFileSync(
      join(dir, 'svc.py'),
      'from openai import OpenAI\nclient = OpenAI(timeout=30)\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n',
    );
    writeFileSync(join(dir, 'ai-infra-advisor.workload.json'), JSON.stringify({ assumptions: { cacheHitRatio: 2, retentionDays: 30 } }));
    const r = await cli(['report', '.', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /workload assumptions\.cacheHitRatio: must be <= 1; using the profile's value/);
    const report = JSON.parse(r.out);
    assert.equal(report.assumptions.find((a: { key: string }) => a.key === 'retentionDays').value, 30);
    assert.equal(report.assumptions.find((a: { key: string }) => a.key === 'retentionDays').source, 'workload');
    assert.equal(report.problems[0].field, 'assumptions.cacheHitRatio');
    assert.equal(report.llm.streams.length, 1);
  });

  it('with every call left out of storage there is no database sizing, but the OpenAI bill remains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-report-'));
    writeFileSync(
      join(dir, 'svc.py'),
      'from openai import OpenAI\nclient = OpenAI(timeout=30)\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n',
    );
    writeFileSync(join(dir, 'wl.json'), JSON.stringify({ calls: [{ label: 'ask', stored: false }] }));
    const r = await cli(['report', '.', '--workload', 'wl.json', '--format', 'json', '--fail-on', 'never'], dir);
    const report = JSON.parse(r.out);
    assert.deepEqual([report.engines, report.traffic, report.recommendation, report.llm.load], [[], [], null, null]);
    // the prompt is a run-time value: max(code count, profile 1,000) = 1,000 tokens; (1,000 × $0.15 + 200 × $0.60) / 1e6
    // = $0.00027 per call × 1 req/s × 2,628,000 s a month
    assert.ok(Math.abs(report.llm.openaiMonthlyUsd - 0.00027 * 2_628_000) < 1e-6, String(report.llm.openaiMonthlyUsd));
  });

  it('a project with no GPU or OpenAI code says there is nothing to size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-report-'));
    writeFileSync(join(dir, 'main.py'), 'print("hello")\n');
    const r = await cli(['report', '.', '--fail-on', 'never'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /nothing to size/);
    assert.ok(!existsSync(join(dir, 'ai-infra-advisor-report.html')));
  });

  it('the workload file in the scanned folder is found: `report examples` loads examples/ai-infra-advisor.workload.json', async () => {
    const r = await cli(['report', 'examples', '--format', 'json', '--fail-on', 'never']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.workloadSource, join('examples', 'ai-infra-advisor.workload.json'));
    // its call override applies (embed_job.py:19 at 0.2 req/s)
    assert.equal(report.llm.streams.find((s: { id: string }) => s.id === 'examples/openai/embed_job.py:19').avgRequestsPerSecond, 0.2);
  });

  it('the monthly bill adds the recommended database, the cache, OpenAI and the GPU instances into one total', async () => {
    const r = await cli(['report', 'examples', ...WL, '--format', 'json', '--fail-on', 'never']);
    const report = JSON.parse(r.out);
    const sum = report.bill.lines.reduce((s: number, l: { onDemandUsd: number | null }) => s + (l.onDemandUsd ?? 0), 0);
    assert.ok(Math.abs(report.bill.totalOnDemandUsd - sum) < 1e-6);
    assert.deepEqual(report.bill.lines.map((l: { kind: string }) => l.kind).slice(0, 1), ['database']);
    assert.ok(report.bill.lines.some((l: { kind: string; what: string }) => l.kind === 'gpu' && l.what === 'g4dn.xlarge'));
  });
});
