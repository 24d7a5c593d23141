// A key found in code never leaves the analyzer in full: every output format of a scan of files holding keys in
// several formats is searched for each literal key, and the masked form must be there instead.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const KEYS = {
  project: 'sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq',
  legacy: 'sk-3xAmPlEkEy0123456789abcdefghijklmnopqrstuvWX',
  service: 'sk-svcacct-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm',
  azure: '4f9c2b7e1d3a5c8b0e6f2a9d7c1b3e5f',
};

const FILES: Record<string, string> = {
  'client.ts': `import OpenAI, { AzureOpenAI } from 'openai';\nconst a = new OpenAI({ apiKey: '${KEYS.project}' });\nconst z = new AzureOpenAI({ apiKey: '${KEYS.azure}', endpoint: 'https://x.openai.azure.com' });\nexport const ask = (q: string) => a.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q + '${KEYS.service}' }] });\n`,
  'legacy.py': `import openai\nopenai.api_key = "${KEYS.legacy}"\nheaders = {"Authorization": f"Bearer ${KEYS.service}"}\n`,
};

async function run(args: string[], cwd: string): Promise<string> {
  let out = '';
  let err = '';
  await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return out + err;
}

describe('secrets never appear in outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aia-secrets-'));
  for (const [p, c] of Object.entries(FILES)) writeFileSync(join(dir, p), c);

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: no literal key, masked keys present`, async () => {
      const file = join(dir, `out.${format}`);
      const stdout = await run(['scan', '.', '--format', format, '--fail-on', 'never'], dir);
      await run(['scan', '.', '--format', format, '--output', file, '--fail-on', 'never'], dir);
      for (const output of [stdout, readFileSync(file, 'utf8')]) {
        for (const [name, key] of Object.entries(KEYS)) {
          assert.ok(!output.includes(key), `${format} output contains the ${name} key`);
          // Nor a long enough piece of it to be useful: no 12-character run of the key.
          for (let i = 0; i + 12 <= key.length; i += 4) assert.ok(!output.includes(key.slice(i, i + 12)), `${format} output contains part of the ${name} key`);
        }
        for (const masked of ['sk-…NoPq', 'sk-…uvWX', 'sk-…VbNm', '4f…3e5f']) assert.ok(output.includes(masked), `${format} output lacks ${masked}`);
      }
    });
  }

  for (const format of ['html', 'md', 'json', 'text']) {
    it(`sizing report ${format}: no literal key or part of one`, async () => {
      const file = join(dir, `sizing.${format}`);
      const stdout = await run(['report', '.', '--format', format, '--fail-on', 'never'], dir);
      await run(['report', '.', '--format', format, '--output', file, '--fail-on', 'never'], dir);
      for (const output of [stdout, readFileSync(file, 'utf8')]) {
        assert.match(output, /chat/, 'the report covers the call');
        for (const [name, key] of Object.entries(KEYS)) {
          for (let i = 0; i + 12 <= key.length; i += 4) assert.ok(!output.includes(key.slice(i, i + 12)), `${format} report contains part of the ${name} key`);
        }
      }
    });
  }
});
