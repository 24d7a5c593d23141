// `ai-infra-advisor diff` and `baseline` through the CLI (in process), and the Action's script (scripts/ci-comment.mjs)
// against a local git repository with a fake `gh` that records what it was asked.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  it('ci-comment.mjs --gitlab: lists the notes (every page), POSTs once, then PUTs its own note; others untouched', async () => {
    interface Note {
      id: number;
      body: string;
      system: boolean;
    }
    const notes: Note[] = [
      { id: 7, body: "someone else's note", system: false },
      { id: 8, body: `${'<!-- ai-infra-advisor-diff -->'} quoted in a system note`, system: true },
    ];
    const requests: Array<{ method: string; url: string; token: string | null; job: string | null; body: unknown }> = [];
    const read = (req: IncomingMessage) =>
      new Promise<string>((done) => {
        let data = '';
        req.on('data', (c: Buffer) => (data += c.toString('utf8')));
        req.on('end', () => done(data));
      });
    const PATH = '/api/v4/projects/group%2Fapp/merge_requests/12/notes';
    // A fake GitLab: one note per page (so paging is exercised), PRIVATE-TOKEN "secret" only.
    const server = createServer((req, res) => {
      void read(req).then((text) => {
        const url = new URL(req.url!, 'http://x');
        const body = text ? (JSON.parse(text) as { body: string }) : null;
        requests.push({
          method: req.method!,
          url: req.url!,
          token: req.headers['private-token'] as string | null,
          job: (req.headers['job-token'] as string) ?? null,
          body,
        });
        const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        if (req.headers['private-token'] !== 'secret') return send(403, { message: '403 Forbidden' });
        if (req.method === 'GET' && url.pathname === PATH) {
          const page = Number(url.searchParams.get('page'));
          return send(200, notes.slice(page - 1, page), { 'x-next-page': page < notes.length ? String(page + 1) : '' });
        }
        if (req.method === 'POST' && url.pathname === PATH) {
          const note = { id: 100 + notes.length, body: body!.body, system: false };
          notes.push(note);
          return send(201, note);
        }
        const put =
          req.method === 'PUT' && url.pathname.startsWith(`${PATH}/`) ? notes.find((n) => n.id === Number(url.pathname.split('/').pop())) : null;
        if (put) {
          put.body = body!.body;
          return send(200, put);
        }
        send(404, { message: '404 Not found' });
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
    const env = (token: Record<string, string>) => {
      const e: Record<string, string | undefined> = {
        ...process.env,
        GITLAB_TOKEN: undefined,
        CI_JOB_TOKEN: undefined,
        CI_PROJECT_ID: 'group/app',
        CI_MERGE_REQUEST_IID: '12',
        CI_API_V4_URL: api,
        AIA_CLI: JSON.stringify([process.execPath, '-r', require.resolve('tsx/cjs'), join(ROOT, 'src/cli/main.ts')]),
        ...token,
      };
      return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
    };
    // Asynchronous: the fake server answers on this process's event loop.
    const run = (args: string[], token: Record<string, string>) =>
      new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [join(ROOT, 'scripts/ci-comment.mjs'), '--gitlab', '--fail-on', 'never', ...args], {
          cwd: dir,
          env: env(token),
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        child.on('close', (status) => done({ status, stderr }));
      });
    try {
      const first = await run(['--base', commits[4]!], { GITLAB_TOKEN: 'secret' });
      assert.equal(first.status, 0, first.stderr);
      assert.deepEqual(
        requests.map((r) => [r.method, new URL(r.url, 'http://x').pathname, new URL(r.url, 'http://x').searchParams.get('page')]),
        [
          ['GET', PATH, '1'],
          ['GET', PATH, '2'],
          ['POST', PATH, null],
        ],
      );
      assert.ok(requests.every((r) => r.token === 'secret'));
      assert.equal(notes.length, 3);
      assert.match(notes[2]!.body, /^<!-- ai-infra-advisor-diff -->\n\*\*AI Infra Advisor:\*\*/);
      assert.match(notes[2]!.body, /insert\\_one/);
      requests.length = 0;
      const second = await run(['--base', commits[0]!, '--lang', 'ko'], { GITLAB_TOKEN: 'secret' });
      assert.equal(second.status, 0, second.stderr);
      assert.deepEqual(
        requests.map((r) => [r.method, new URL(r.url, 'http://x').pathname]),
        [
          ['GET', PATH],
          ['GET', PATH],
          ['GET', PATH],
          ['PUT', `${PATH}/102`],
        ],
      );
      assert.equal(notes.length, 3, 'updated, not posted again');
      assert.equal(notes[0]!.body, "someone else's note");
      assert.match(notes[1]!.body, /quoted in a system note$/);
      assert.match(notes[2]!.body, /translate\\_all/);
      assert.match(notes[2]!.body, /LLM API 호출 위치/);
      // The job token is sent as JOB-TOKEN; GitLab refuses it for notes, and the message says what to set instead.
      requests.length = 0;
      const job = await run(['--base', commits[0]!], { CI_JOB_TOKEN: 'jt-4f9a' });
      assert.equal(job.status, 2);
      assert.equal(requests[0]!.job, 'jt-4f9a');
      assert.match(job.stderr, /GitLab API GET \/api\/v4\/projects\/group%2Fapp\/merge_requests\/12\/notes failed: 403 .*set GITLAB_TOKEN/);
      assert.doesNotMatch(job.stderr, /jt-4f9a/, 'the token is never printed');
      // Bad input is named before anything runs.
      requests.length = 0;
      const bad = await run(['--mr', 'abc'], { GITLAB_TOKEN: 'secret' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--mr must be a merge-request IID/);
      const noToken = await run([], {});
      assert.equal(noToken.status, 2);
      assert.match(noToken.stderr, /set GITLAB_TOKEN/);
      assert.equal(requests.length, 0);
    } finally {
      server.close();
    }
  });
});
