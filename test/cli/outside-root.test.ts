// `ai-infra-advisor scan /path/to/repo` run from another folder (CI steps, editors' tasks, a user in their home) must
// see what a scan from inside the repository sees: project headers a CUDA file includes (its check macro) and the
// Python helpers an OpenAI call site's result goes to. Before, a file outside the current folder was analysed with
// its own folder as the project, so `#include "../../lib/common.h"` and `from app.store import save` were not found.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

const BIN = join(__dirname, '..', '..', 'dist', 'cli.js');

const FILES: Record<string, string> = {
  'lib/common.h':
    '#pragma once\n#include <cstdlib>\ninline void cuda_check(cudaError_t e, const char* f, int l) { if (e != cudaSuccess) exit(1); }\n#define cudaCheck(err) (cuda_check(err, __FILE__, __LINE__))\n',
  'dev/test/copy.cu':
    '#include "../../lib/common.h"\nint main() {\n  float* d;\n  cudaCheck(cudaMalloc(&d, 1024));\n  cudaCheck(cudaMemset(d, 0, 1024));\n  cudaStream_t s;\n  cudaStreamCreate(&s);\n  cudaCheck(cudaFree(d));\n  return 0;\n}\n',
  'app/__init__.py': '',
  'app/store.py': 'import redis\nr = redis.Redis()\n\ndef save(key, text):\n    r.set(key, text, ex=3600)\n',
  'app/main.py':
    "from openai import OpenAI\nfrom app.store import save\nclient = OpenAI(timeout=10)\n\ndef answer(q):\n    r = client.chat.completions.create(model='gpt-4o-mini', max_tokens=100, messages=[{'role': 'user', 'content': q}])\n    save(q, r.choices[0].message.content)\n    return r\n",
};

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aia-outside-'));
  for (const [p, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Findings (rule, file, line) and call-site stores of one scan, with paths relative to the repository. */
function scan(cwd: string, args: string[], repoDir: string) {
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args, '--format', 'json', '--fail-on', 'never'], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    findings: Array<{ ruleId: string; path: string; range: { startLine: number } }>;
    llm: Array<{ path: string; calls: Array<{ line: number; store: { kind: string; viaHelper: string | null } | null }> }>;
  };
  const rel = (p: string) => relative(repoDir, resolve(cwd, p)).split(sep).join('/');
  return {
    findings: out.findings.map((f) => `${f.ruleId} ${rel(f.path)}:${f.range.startLine}`).sort(),
    stores: out.llm.flatMap((f) =>
      f.calls.map((c) => `${rel(f.path)}:${c.line} ${c.store ? `${c.store.kind} via ${c.store.viaHelper}` : 'not stored'}`),
    ),
  };
}

describe('CLI: a repository scanned from outside it', () => {
  for (const jobs of ['1', '2']) {
    it(`--jobs ${jobs}: the same findings and stores as a scan from inside (headers and Python imports resolved)`, () => {
      const dir = repo();
      const inside = scan(dir, ['.', '--jobs', jobs], dir);
      // From a sibling folder (not a parent: the repository must lie outside the current folder).
      const outside = scan(mkdtempSync(join(tmpdir(), 'aia-elsewhere-')), [dir, '--jobs', jobs], dir);
      // What the inside scan sees: the one unchecked call, the reply stored in Redis by the imported helper (no lookup first).
      assert.deepEqual(inside.findings, ['gpu-unchecked-call dev/test/copy.cu:7', 'llm-no-cache-lookup app/main.py:6']);
      assert.deepEqual(inside.stores, ['app/main.py:6 redis via save']);
      assert.deepEqual(outside, inside);
    });
  }
});
