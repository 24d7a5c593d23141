// `ai-infra-advisor diff` and `baseline` through the CLI (in process), and the Action's script (scripts/ci-comment.mjs)
// against a local git repository with a fake `gh` that records what it was asked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { buildScenario } from '../unit/diff-repo';

const ROOT = join(__dirname, '..', '..');

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return { code, out, err };
}

describe('CLI diff, baseline and the CI comment script', function () {
  this.timeout(180_000);
  let dir = '';
  let commits: string[] = [];
  before(() => ({ dir, commits } = buildScenario()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('diff BASE..HEAD: text, json, md; --budget and --fail-on set the exit code', async () => {
    const range = `${commits[0]}..${commits[5]}`;
    const json = await cli(['diff', range, '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(json.code, 0, json.err);
    const report = JSON.parse(json.out) as { bill: { deltaUsd: number }; calls: unknown[] };
    assert.equal(report.calls.length, 3);
    assert.ok(report.bill.deltaUsd > 0);
    const md = await cli(['diff', range, '--format', 'md', '--fail-on', 'never'], dir);
    assert.match(md.out, /^<!-- ai-infra-advisor-diff -->\n\*\*AI Infra Advisor:\*\* .*\/month LLM API/);
    const text = await cli(['diff', range, '--fail-on', 'never'], dir);
    assert.match(text.out, /LLM API call sites/);
    // The change adds an error (17 GiB on a T4): the default --fail-on error fails.
    assert.equal((await cli(['diff', range, '--format', 'json'], dir)).code, 1);
    // --budget: just above the increase passes, just below fails.
    const over = await cli(['diff', range, '--format', 'json', '--fail-on', 'never', '--budget', String(Math.floor(report.bill.deltaUsd) - 1)], dir);
    assert.equal(over.code, 1);
    assert.match(over.err, /above the budget/);
    assert.equal(
      (await cli(['diff', range, '--format', 'json', '--fail-on', 'never', '--budget', String(Math.ceil(report.bill.deltaUsd) + 1)], dir)).code,
      0,
    );
    const bad = await cli(['diff', 'nope..HEAD'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown revision 'nope'/);
    assert.equal((await cli(['diff', range, '--budget', 'lots'], dir)).code, 2);
  });

  it('diff --lang ko: text and Markdown in Korean; without --lang, the language of the root configuration', async () => {
    const range = `${commits[0]}..${commits[5]}`;
    const md = await cli(['diff', range, '--format', 'md', '--fail-on', 'never', '--lang', 'ko'], dir);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^\*\*AI Infra Advisor:\*\* LLM API 월 \+\\\$\d/m);
    assert.match(md.out, /^#### LLM API 호출 위치$/m);
    assert.doesNotMatch(md.out, /LLM API call sites|New findings|Monthly total/);
    const en = await cli(['diff', range, '--fail-on', 'never'], dir);
    assert.match(en.out, /^LLM API call sites$/m);
    const config = join(dir, 'ai-infra-advisor.config.json');
    writeFileSync(config, JSON.stringify({ lang: 'ko' }));
    try {
      const text = await cli(['diff', range, '--fail-on', 'never'], dir);
      assert.match(text.out, /^LLM API 호출 위치$/m);
      assert.match(text.out, /^새 발견 사항$/m);
      // --lang wins over the configuration.
      assert.match((await cli(['diff', range, '--fail-on', 'never', '--lang', 'en'], dir)).out, /^New findings$/m);
    } finally {
      rmSync(config);
    }
    const bad = await cli(['diff', range, '--lang', 'fr'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--lang must be en or ko, not 'fr'/);
  });

  it('baseline then scan: old findings hidden and counted, a new one shown and gating', async () => {
    const out = join(dir, 'ai-infra-advisor.baseline.json');
    const b = await cli(['baseline', '.'], dir);
    assert.equal(b.code, 0, b.err);
    assert.ok(existsSync(out));
    const baselined = (JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings.length;
    assert.ok(baselined > 0);
    const clean = await cli(['scan', '.', '--format', 'json'], dir);
    assert.equal(clean.code, 0, 'the error (17 GiB) is baselined');
    assert.equal((JSON.parse(clean.out) as { findings: unknown[] }).findings.length, 0);
    assert.match(clean.err, new RegExp(`${baselined} baselined findings hidden`));
    // A new call without an output bound, and lines above the old ones.
    const app = readFileSync(join(dir, 'app.py'), 'utf8');
    writeFileSync(
      join(dir, 'app.py'),
      app.replace(
        '# Labels first.',
        '# Labels first.\n\n\ndef extra(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n',
      ),
    );
    const next = await cli(['scan', '.'], dir);
    assert.match(next.out, new RegExp(`${baselined} baselined findings hidden`));
    assert.match(next.out, /llm-/);
    const all = await cli(['scan', '.', '--no-baseline', '--format', 'json', '--fail-on', 'never'], dir);
    assert.ok((JSON.parse(all.out) as { findings: unknown[] }).findings.length > baselined);
    const sarif = JSON.parse((await cli(['scan', '.', '--format', 'sarif', '--fail-on', 'never'], dir)).out) as {
      runs: Array<{ results: Array<{ baselineState: string }> }>;
    };
    assert.equal(sarif.runs[0]!.results.filter((r) => r.baselineState === 'unchanged').length, baselined);
    assert.ok(sarif.runs[0]!.results.some((r) => r.baselineState === 'new'));
    writeFileSync(join(dir, 'app.py'), app);
    rmSync(out);
  });

  it('ci-comment.mjs posts one comment, then updates it in place', () => {
    const bin = mkdtempSync(join(tmpdir(), 'aia-fake-gh-'));
    const log = join(bin, 'calls.jsonl');
    const state = join(bin, 'comments.json');
    writeFileSync(state, JSON.stringify([{ id: 7, body: "someone else's comment" }]));
    // A fake gh: logs argv and stdin; GET lists the comments in state, POST adds one, PATCH replaces one's body.
    writeFileSync(
      join(bin, 'gh'),
      `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
const input = args.includes('--input') ? fs.readFileSync(0, 'utf8') : '';
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, input }) + '\\n');
const comments = JSON.parse(fs.readFileSync(${JSON.stringify(state)}, 'utf8'));
const method = args.includes('--method') ? args[args.indexOf('--method') + 1] : 'GET';
if (method === 'GET') process.stdout.write(JSON.stringify([comments]));
else if (method === 'POST') { comments.push({ id: 100 + comments.length, body: JSON.parse(input).body }); fs.writeFileSync(${JSON.stringify(state)}, JSON.stringify(comments)); process.stdout.write('{}'); }
else if (method === 'PATCH') { const id = Number(args.find((a) => a.includes('/comments/')).split('/').pop()); comments.find((c) => c.id === id).body = JSON.parse(input).body; fs.writeFileSync(${JSON.stringify(state)}, JSON.stringify(comments)); process.stdout.write('{}'); }
`,
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const env = {
      ...process.env,
      GH: join(bin, 'gh'),
      AIA_CLI: JSON.stringify([process.execPath, '-r', require.resolve('tsx/cjs'), join(ROOT, 'src/cli/main.ts')]),
    };
    const run = (base: string) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts/ci-comment.mjs'), '--repo', 'acme/app', '--pr', '12', '--base', base, '--fail-on', 'never'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
    try {
      const first = run(commits[4]!);
      assert.equal(first.status, 0, first.stderr);
      let comments = JSON.parse(readFileSync(state, 'utf8')) as Array<{ id: number; body: string }>;
      assert.equal(comments.length, 2);
      assert.match(comments[1]!.body, /^<!-- ai-infra-advisor-diff -->\n\*\*AI Infra Advisor:\*\*/);
      assert.match(comments[1]!.body, /insert\\_one/);
      const second = run(commits[0]!);
      assert.equal(second.status, 0, second.stderr);
      comments = JSON.parse(readFileSync(state, 'utf8')) as Array<{ id: number; body: string }>;
      assert.equal(comments.length, 2, 'updated, not posted again');
      assert.equal(comments[0]!.body, "someone else's comment");
      assert.match(comments[1]!.body, /translate\\_all/);
      const calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { args: string[] });
      assert.deepEqual(
        calls.map((c) => c.args.slice(0, 3).join(' ')),
        ['api --paginate --slurp', 'api --method POST', 'api --paginate --slurp', 'api --method PATCH'],
      );
      assert.ok(calls[1]!.args.includes('repos/acme/app/issues/12/comments'));
      assert.ok(calls[3]!.args.includes('repos/acme/app/issues/comments/101'));
      // Bad input is refused before anything runs.
      const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/ci-comment.mjs'), '--repo', 'acme', '--pr', '12'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--repo must be OWNER\/NAME/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
