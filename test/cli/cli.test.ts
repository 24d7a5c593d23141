// The CLI end to end: formats, --output, --fail-on exit codes, usage errors, config errors, and the bundled
// dist/cli.js (built by `npm test` before mocha runs) behaving the same as the source.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { largeFileOf } from '../../bench/lib';

const ROOT = join(__dirname, '..', '..');

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return { code, out, err };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aia-cli-'));
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  return dir;
}

const LEAK = 'void f(size_t n) {\n  float* d;\n  if (cudaMalloc(&d, n) != cudaSuccess) return;\n}\n';
const TOO_BIG = 'void f() {\n  float* d;\n  if (cudaMalloc(&d, 20ULL << 30) != cudaSuccess) return;\n  cudaFree(d);\n}\n';

describe('cli', () => {
  it('prints text findings for the examples and exits 1 on errors by default', async () => {
    const r = await cli(['scan', 'examples']);
    assert.equal(r.code, 1);
    assert.match(r.out, /examples\/cuda\/whole_dataset_saxpy\.cu/);
    assert.match(r.out, /error +Device memory live here reaches 18\.00 GiB/);
  });

  it('--fail-on: warning-only project exits 0 with error, 1 with warning, 0 with never', async () => {
    const dir = project({ 'leak.cu': LEAK });
    assert.equal((await cli(['scan', '.', '--fail-on', 'error'], dir)).code, 0);
    assert.equal((await cli(['scan', '.', '--fail-on', 'warning'], dir)).code, 1);
    assert.equal((await cli(['scan', '.', '--fail-on', 'never'], dir)).code, 0);
  });

  it('--target-gpu changes the verdict', async () => {
    const dir = project({ 'big.cu': TOO_BIG });
    assert.equal((await cli(['scan'], dir)).code, 1);
    const h100 = await cli(['scan', '--target-gpu', 'h100'], dir);
    assert.equal(h100.code, 0);
    assert.match(h100.out, /NVIDIA H100/);
  });

  it('--format json --output writes a file; stdout stays empty', async () => {
    const dir = project({ 'leak.cu': LEAK });
    const r = await cli(['scan', '--format', 'json', '--output', 'out/report.json', '--fail-on', 'never'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    assert.equal(report.findings[0].ruleId, 'gpu-missing-free');
    assert.deepEqual(report.findings[0].range, { startLine: 3, startColumn: 7, endLine: 3, endColumn: 24 });
    assert.equal(report.gpu[0].allocations[0].sizeExpr, 'n');
    assert.equal(report.gpu[0].allocations[0].bytes, null);
  });

  it('--format sarif', async () => {
    const dir = project({ 'leak.cu': LEAK });
    const r = await cli(['scan', '--format', 'sarif', '--fail-on', 'never'], dir);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results[0].ruleId, 'gpu-missing-free');
  });

  it('usage errors exit 2 with a message', async () => {
    for (const args of [
      ['scan', '--format', 'xml'],
      ['scan', '--fail-on', 'sometimes'],
      ['lint'],
      [],
      ['scan', '--target-gpu', 'gtx480'],
      ['scan', '--bogus'],
      ['scan', 'no/such/dir'],
    ]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /ai-infra-advisor: /);
    }
  });

  it('config: an invalid field is reported and the run continues; a missing --config file exits 2', async () => {
    const dir = project({ 'big.cu': TOO_BIG, 'ai-infra-advisor.config.json': JSON.stringify({ targetGpu: 'h100', chunkThreshold: 'lots' }) });
    const r = await cli(['scan'], dir);
    assert.match(r.err, /config chunkThreshold: must be number; using the default/);
    assert.equal(r.code, 0, 'targetGpu h100 from the file still applies');
    assert.equal((await cli(['scan', '--config', 'missing.json'], dir)).code, 2);
  });

  it('config: rules can be switched off or made errors', async () => {
    const dir = project({ 'leak.cu': LEAK, 'ai-infra-advisor.config.json': JSON.stringify({ rules: { 'gpu-missing-free': 'error' } }) });
    assert.equal((await cli(['scan'], dir)).code, 1);
    writeFileSync(join(dir, 'ai-infra-advisor.config.json'), JSON.stringify({ rules: { 'gpu-missing-free': 'off' } }));
    const r = await cli(['scan', '--fail-on', 'warning'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /0 problems/);
  });

  it('--help and --version', async () => {
    assert.match((await cli(['--help'])).out, /Usage: ai-infra-advisor scan/);
    assert.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
  });

  it('usage errors, the usage text and status lines speak --lang (or the configuration language); English by default', async () => {
    const ko = await cli(['scan', 'examples', '--lang', 'ko', '--fail-on', 'sometimes']);
    assert.equal(ko.code, 2);
    assert.match(ko.err, /--fail-on은 error, warning, never 중 하나여야 합니다\('sometimes'/);
    assert.match(ko.err, /사용법: ai-infra-advisor scan/);
    const en = await cli(['scan', 'examples', '--fail-on', 'sometimes']);
    assert.match(en.err, /--fail-on must be error, warning or never, not 'sometimes'/);
    assert.match(en.err, /Usage: ai-infra-advisor scan/);
    // A command line that cannot be parsed still finds its --lang.
    assert.match((await cli(['scan', '--lang=ko', '--no-such-option'])).err, /인수를 읽을 수 없습니다: .*\n\n사용법:/s);
    assert.match((await cli(['--help', '--lang', 'ko'])).out, /^사용법: ai-infra-advisor scan/);
    // A bad --lang is itself said in English.
    assert.match((await cli(['scan', 'examples', '--lang', 'fr'])).err, /--lang must be en or ko, not 'fr'/);
    const out = join(mkdtempSync(join(tmpdir(), 'aia-cli-')), 'r.json');
    const wrote = await cli(['scan', 'examples', '--lang', 'ko', '--format', 'json', '--output', out, '--fail-on', 'never']);
    assert.match(wrote.err, /json 보고서를 .*r\.json에 썼습니다 \(발견 사항 \d+개\)/);
  });

  it('the bundled dist/cli.js runs from another folder', function () {
    const bin = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(bin)) this.skip();
    const dir = project({ 'leak.cu': LEAK });
    const r = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
  });

  it('Ctrl+C (SIGINT) stops a scan inside a file that takes seconds, at once', async function () {
    const bin = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(bin)) this.skip();
    const slow = mkdtempSync(join(tmpdir(), 'aia-cli-slow-'));
    writeFileSync(join(slow, 'module.py'), largeFileOf('py', 1_900_000));
    const child = spawn(process.execPath, [bin, 'scan', slow, '--format', 'json'], { stdio: 'ignore' });
    // Past start-up (~0.3 s) and well inside the file (about 5 s here).
    await new Promise((r) => setTimeout(r, 1000));
    const t = Date.now();
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.once('exit', (c, s) => r([c, s])));
    const ms = Date.now() - t;
    assert.equal(signal, 'SIGINT', `exit code ${code}`);
    assert.ok(ms < 1000, `exited ${ms} ms after SIGINT`);
  });

  it('a reader that stops early (| head) ends the run quietly: no EPIPE trace, the exit status of the scan', function () {
    const bin = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(bin)) this.skip();
    // The JSON of the examples is more than a pipe holds (64 KiB), so the CLI writes into a closed pipe.
    const full = spawnSync(process.execPath, [bin, 'scan', join(ROOT, 'examples'), '--format', 'json', '--fail-on', 'never'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.ok(full.stdout.length > 65_536, `only ${full.stdout.length} characters: the pipe never fills, so this test could not fail`);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" scan "${join(ROOT, 'examples')}" --format json --fail-on never | head -c 20 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8' },
    );
    assert.match(r.stderr, /status=0/);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /);
  });
});
