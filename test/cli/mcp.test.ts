// `ai-infra-advisor mcp`: the built dist/cli.js as a child process, driven by the SDK's real client over stdio. The
// answers must equal what the CLI prints for the same folder, and paths outside the root must be refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { MCP_PROVIDER_ID } from '../../src/mcp/provider-id';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const LEAK = 'void f(size_t n) {\n  float* d;\n  if (cudaMalloc(&d, n) != cudaSuccess) return;\n}\n';
const KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const LLM = `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\nfor q in questions:\n    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n`;

interface TextAnswer {
  content: Array<{ type: string; text: string }>;
  isError?: boolean;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

function cliJson(cwd: string, ...args: string[]): unknown {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  assert.ok(r.stdout.length > 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('mcp server (dist/cli.js mcp)', function () {
  this.timeout(120000);
  let dir: string;
  let client: Client;

  before(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'aia-mcp-')));
    const work = join(dir, 'ws');
    mkdirSync(work);
    writeFileSync(join(work, 'kernel.cu'), 'void g() {}\n');
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'add', '-A');
    git(work, 'commit', '-qm', 'base');
    writeFileSync(join(work, 'kernel.cu'), LEAK);
    writeFileSync(join(work, 'app.py'), LLM);
    git(work, 'add', '-A');
    git(work, 'commit', '-qm', 'head');
    writeFileSync(join(dir, 'outside.cu'), LEAK);
    symlinkSync(join(dir, 'outside.cu'), join(work, 'link.cu'));
    client = new Client({ name: 'mcp-test', version: '0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: work, stderr: 'pipe' }));
  });
  after(async () => {
    await client?.close();
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<TextAnswer> =>
    (await client.callTool({ name, arguments: args })) as TextAnswer;

  it('lists the four tools with input schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['diff', 'explain_finding', 'scan', 'sizing_report']);
    const scan = tools.find((t) => t.name === 'scan')!;
    assert.deepEqual(Object.keys(scan.inputSchema.properties ?? {}).sort(), ['failOn', 'paths', 'targetGpu']);
  });

  it('scan answers the JSON of `scan --format json`, secrets masked', async () => {
    const r = await call('scan', { paths: ['kernel.cu', 'app.py'], failOn: 'warning' });
    assert.equal(r.isError, undefined, r.content[0]?.text);
    const got = JSON.parse(r.content[0]!.text) as { findings: Array<{ ruleId: string }> };
    assert.deepEqual(got, cliJson(join(dir, 'ws'), 'scan', 'kernel.cu', 'app.py', '--format', 'json'));
    assert.ok(
      got.findings.some((f) => f.ruleId === 'gpu-missing-free'),
      JSON.stringify(got.findings.map((f) => f.ruleId)),
    );
    assert.ok(
      got.findings.some((f) => f.ruleId === 'llm-hardcoded-api-key'),
      'the key is found, so masking is exercised',
    );
    assert.ok(!r.content.some((c) => c.text.includes(KEY)), 'the API key is in the answer');
    const gate = JSON.parse(r.content[1]!.text) as { gate: { failOn: string; findingsAtOrAbove: number; failed: boolean } };
    assert.equal(gate.gate.failed, gate.gate.findingsAtOrAbove > 0);
    assert.ok(gate.gate.findingsAtOrAbove >= 1);
  });

  it('sizing_report answers the JSON of `report --format json`', async () => {
    const r = await call('sizing_report', { profile: 'high' });
    assert.equal(r.isError, undefined, r.content[0]?.text);
    assert.deepEqual(JSON.parse(r.content[0]!.text), cliJson(join(dir, 'ws'), 'report', '--profile', 'high', '--format', 'json'));
  });

  it('explain_finding gives the rule, its docs page, and the finding at path:line', async () => {
    const r = await call('explain_finding', { ruleId: 'gpu-missing-free', path: 'kernel.cu', line: 3 });
    assert.equal(r.isError, undefined, r.content[0]?.text);
    const got = JSON.parse(r.content[0]!.text) as { ruleId: string; docs: string; findings: Array<{ ruleId: string; range: { startLine: number } }> };
    assert.equal(got.ruleId, 'gpu-missing-free');
    assert.equal(got.docs, readFileSync(join(ROOT, 'docs', 'rules', 'gpu-missing-free.md'), 'utf8'));
    assert.equal(got.findings.length, 1);
    assert.equal(got.findings[0]!.range.startLine, 3);
    const elsewhere = JSON.parse((await call('explain_finding', { ruleId: 'gpu-missing-free', path: 'kernel.cu', line: 1 })).content[0]!.text) as {
      findings: unknown[];
    };
    assert.deepEqual(elsewhere.findings, []);
  });

  it('refuses unknown rules and bad input as tool errors', async () => {
    const r = await call('explain_finding', { ruleId: 'no-such-rule' });
    assert.equal(r.isError, true);
    assert.match(r.content[0]!.text, /unknown ruleId 'no-such-rule'/);
    const bad = await call('scan', { targetGpu: 'nope' });
    assert.equal(bad.isError, true);
    assert.match(bad.content[0]!.text, /unknown targetGpu 'nope'/);
    const lineOnly = await call('explain_finding', { ruleId: 'gpu-missing-free', line: 3 });
    assert.equal(lineOnly.isError, true);
    assert.match(lineOnly.content[0]!.text, /line needs path/);
    const missing = await call('scan', { paths: ['nope.cu'] });
    assert.equal(missing.isError, true);
    assert.match(missing.content[0]!.text, /nothing to scan/);
    const wrongType = await call('explain_finding', { ruleId: 'gpu-missing-free', path: 'kernel.cu', line: 'three' });
    assert.equal(wrongType.isError, true);
  });

  it('refuses paths outside the root: .., absolute, and a symlink leading out', async () => {
    for (const p of ['../outside.cu', join(dir, 'outside.cu'), 'link.cu']) {
      const r = await call('scan', { paths: [p] });
      assert.equal(r.isError, true, `${p}: ${r.content[0]?.text}`);
      assert.match(r.content[0]!.text, /outside the workspace root/);
    }
    const w = await call('sizing_report', { workload: '../w.json' });
    assert.equal(w.isError, true);
  });

  it('diff answers the JSON of `diff BASE..HEAD --format json`', async () => {
    const r = await call('diff', { base: 'HEAD~1', head: 'HEAD' });
    assert.equal(r.isError, undefined, r.content[0]?.text);
    assert.deepEqual(JSON.parse(r.content[0]!.text), cliJson(join(dir, 'ws'), 'diff', 'HEAD~1..HEAD', '--format', 'json'));
    assert.ok(!r.content[0]!.text.includes(KEY));
    const opt = await call('diff', { base: '--output=x' });
    assert.equal(opt.isError, true);
  });
});

describe('mcp command line', () => {
  it('refuses a --root that is not a folder, with a clear message and exit 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'mcp', '--root', join(tmpdir(), 'aia-mcp-no-such-folder')], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /mcp: --root .*aia-mcp-no-such-folder is not a folder/);
  });
});

describe('mcp server definition provider id', () => {
  it('package.json contributes the id the extension registers', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { mcpServerDefinitionProviders?: Array<{ id: string }> };
    };
    assert.deepEqual(
      pkg.contributes.mcpServerDefinitionProviders?.map((p) => p.id),
      [MCP_PROVIDER_ID],
    );
    const src = readFileSync(join(ROOT, 'src', 'vscode', 'mcp-provider.ts'), 'utf8');
    assert.match(src, /registerMcpServerDefinitionProvider\(MCP_PROVIDER_ID,/);
  });
});
