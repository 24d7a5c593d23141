// Limits (issue 6): pathological files are analysed within bounds or skipped with a reason, and a scan of a tree
// holding them completes. Nothing here may throw, hang or leave a file out without saying why.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { RULE_IDS } from '../../src/core/rules';

const loaded = resolveConfig(undefined, RULE_IDS);
const DEPTH = 10_000;

describe('limits', () => {
  describe('10,000-deep nesting', () => {
    it('C: parentheses and blocks 10,000 deep are read, and the allocation inside is still found', async () => {
      const parens = await analyzeText('p.cu', `void f() { float *d; cudaMalloc(&d, ${'('.repeat(DEPTH)}64${')'.repeat(DEPTH)}); }`, 'cuda', loaded);
      const blocks = await analyzeText(
        'b.cu',
        `void f() { float *d;\n${'if (x) {\n'.repeat(DEPTH)}cudaMalloc(&d, 64);\n${'}\n'.repeat(DEPTH)}}\n`,
        'cuda',
        loaded,
      );
      for (const r of [parens, blocks]) {
        assert.equal(r.entry.skipped, undefined);
        assert.ok(
          r.findings.some((f) => f.ruleId === 'gpu-missing-free'),
          JSON.stringify(r.findings.map((f) => f.ruleId)),
        );
      }
    });

    it('C: a launch and its cudaGetLastError 10,000 blocks deep: read within the budget, the launch counted as checked', async () => {
      const r = await analyzeText(
        'c.cu',
        `void check(const char* m) { if (cudaGetLastError() != cudaSuccess) exit(1); }\nvoid f(float* d) {\n${'if (x) {\n'.repeat(DEPTH)}k<<<1, 32>>>(d);\ncheck("k");\n${'}\n'.repeat(DEPTH)}}\n`,
        'cuda',
        loaded,
      );
      assert.equal(r.entry.skipped, undefined);
      assert.deepEqual(
        r.findings.filter((f) => f.ruleId === 'gpu-unchecked-call'),
        [],
      );
      assert.equal(r.facts?.apiCalls.filter((c) => c.via === 'launch').length, 1);
    });

    it('C: a sync 10,000 blocks deep in a loop, and a file with CUDA qualifiers, are read within the budget', async () => {
      const sync = await analyzeText(
        's.cu',
        `void f(float* d) {\nfor (int i = 0; i < 4; i++) {\n${'if (x) {\n'.repeat(DEPTH)}k<<<1, 1>>>(d);\ncudaDeviceSynchronize();\n${'}\n'.repeat(DEPTH)}}\n}\n`,
        'cuda',
        loaded,
      );
      const qualified = await analyzeText(
        'q.cu',
        `__device__ int g;\nvoid f() { float *d;\n${'if (x) {\n'.repeat(DEPTH)}cudaMalloc(&d, 64);\n${'}\n'.repeat(DEPTH)}}\n`,
        'cuda',
        loaded,
      );
      assert.equal(sync.entry.skipped, undefined);
      assert.ok(sync.findings.some((f) => f.ruleId === 'gpu-sync-in-loop'));
      assert.equal(qualified.entry.skipped, undefined);
      assert.ok(qualified.findings.some((f) => f.ruleId === 'gpu-missing-free'));
    });

    it('C: 4,000 unchecked calls and 4,000 last-error reads after them in one function are read within the budget', async () => {
      const body = `${'  cudaMemset(d, 0, 4);\n'.repeat(4000)}${'  cudaGetLastError();\n'.repeat(4000)}`;
      const r = await analyzeText('w.cu', `void f(float* d) {\n${body}}\n`, 'cuda', loaded);
      assert.equal(r.entry.skipped, undefined);
      // Only the last memset is read at once by a cudaGetLastError; the others are followed by more CUDA work first.
      assert.equal(r.facts?.apiCalls.filter((c) => !c.checked).length, 3999);
    });

    it('Python: 1,500 nested blocks (the indentation makes it 1.1 MB) and 10,000 nested brackets', async () => {
      const blocks = `import cupy as cp\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(1500)}y = cp.zeros(1 << 20)\n`;
      const rb = await analyzeText('b.py', blocks, 'python', loaded);
      assert.equal(rb.entry.skipped, undefined);
      assert.equal(rb.gpu?.allocations.length, 1);
      const brackets = await analyzeText(
        'k.py',
        `import cupy as cp\nx = [${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}]\ny = cp.zeros(8)\n`,
        'python',
        loaded,
      );
      assert.equal(brackets.entry.skipped, undefined);
      assert.equal(brackets.gpu?.allocations.length, 1);
    });

    it('JS/TS: what the TypeScript parser cannot take is a parse error on the file, not a crash', async () => {
      const text = `import OpenAI from 'openai';\nconst c = new OpenAI();\nconst x = ${'[\n'.repeat(DEPTH)}1${']\n'.repeat(DEPTH)};\n`;
      const r = await analyzeText('d.ts', text, 'typescript', loaded);
      assert.equal(r.entry.skipped, undefined);
      assert.equal(r.entry.parseErrors, 1);
      assert.deepEqual(r.findings, []);
    });
  });

  it('a 1-line 5 MB file: skipped by a scan with the size in the reason, bounded when the limit is raised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-long-'));
    const text = `void f(){ float *d; cudaMalloc(&d, 64); } /*${'x'.repeat(5_000_000)}*/`;
    writeFileSync(join(dir, 'long.cu'), text);
    const r = await analyze({ root: dir });
    assert.deepEqual(r.skipped, [
      { path: 'long.cu', reason: `larger than the size limit (${text.length.toLocaleString('en-US')} bytes > 2,000,000)` },
    ]);
    const raised = await analyzeText('long.cu', text, 'cuda', loaded);
    assert.ok(raised.findings.some((f) => f.ruleId === 'gpu-missing-free'));
  });

  it('links, loops, pipes and folders with source names: each listed with its reason; a link to a file is read', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'aia-links-'));
    writeFileSync(join(dir, 'ok.cu'), 'void f(){ float *d; cudaMalloc(&d, 64); }');
    symlinkSync('loop2.cu', join(dir, 'loop1.cu'));
    symlinkSync('loop1.cu', join(dir, 'loop2.cu'));
    symlinkSync('/nonexistent/x.cu', join(dir, 'dangling.cu'));
    symlinkSync('ok.cu', join(dir, 'link.cu'));
    mkdirSync(join(dir, 'folder.cu'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up')); // a folder loop: never entered
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.cu')]);
    } catch {
      this.skip();
    }
    const r = await analyze({ root: dir });
    assert.deepEqual(
      r.skipped.sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: 'dangling.cu', reason: 'unreadable: symbolic link to a missing file (ENOENT)' },
        { path: 'loop1.cu', reason: 'unreadable: symbolic link loop (ELOOP)' },
        { path: 'loop2.cu', reason: 'unreadable: symbolic link loop (ELOOP)' },
        { path: 'pipe.cu', reason: 'not a regular file (a named pipe)' },
      ],
    );
    assert.deepEqual(
      r.findings
        .map((f) => f.path)
        .filter((p, i, a) => a.indexOf(p) === i)
        .sort(),
      ['link.cu', 'ok.cu'],
    );
  });

  describe('memory', () => {
    // Whatever an analysis builds (the text's copies, the syntax tree in tree-sitter's WASM memory, the TypeScript AST,
    // facts) must be gone after it: a scan or an editor session then stays at the size of its largest file. 150 more
    // analyses per language must leave the heap and the WASM memory where the first one left them.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settle = () => {
      gc();
      gc();
      const m = process.memoryUsage();
      return { heap: m.heapUsed / 2 ** 20, external: m.external / 2 ** 20 };
    };
    const SOURCES: Array<[string, 'cuda' | 'python' | 'typescript', (i: number) => string]> = [
      [
        'cu',
        'cuda',
        (i) =>
          `#include <cuda_runtime.h>\n${Array.from({ length: 300 }, (_, k) => `int f${i}_${k}(float *h, size_t n) { float *d; cudaMalloc(&d, n * ${k + 1}); cudaMemcpy(d, h, n, cudaMemcpyHostToDevice); return 0; }`).join('\n')}\n`,
      ],
      [
        'py',
        'python',
        (i) =>
          `import cupy as cp\nfrom openai import OpenAI\nclient = OpenAI()\n${Array.from({ length: 150 }, (_, k) => `def f${i}_${k}(q):\n    x = cp.zeros(${k + 1} << 20)\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n`).join('')}`,
      ],
      [
        'ts',
        'typescript',
        (i) =>
          `import OpenAI from 'openai';\nconst client = new OpenAI();\n${Array.from({ length: 150 }, (_, k) => `export async function f${i}_${k}(q: string) {\n  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n}\n`).join('')}`,
      ],
    ];
    for (const [ext, language, source] of SOURCES) {
      it(`${language}: 150 more analyses of a ${Math.round(source(0).length / 1024)} KB file leave the heap and WASM memory as one left them`, async function () {
        this.timeout(120_000);
        for (let i = 0; i < 3; i++) assert.ok((await analyzeText(`w${i}.${ext}`, source(i), language, loaded)).findings.length > 0);
        const before = settle();
        for (let i = 3; i < 153; i++) await analyzeText(`f${i}.${ext}`, source(i), language, loaded);
        const after = settle();
        // Keeping each text alone would add 150 × the file size (more than 3 MB for each language here).
        assert.ok(after.heap - before.heap < 2, `heap ${before.heap.toFixed(1)} → ${after.heap.toFixed(1)} MiB`);
        assert.ok(after.external - before.external < 2, `external (WASM) ${before.external.toFixed(1)} → ${after.external.toFixed(1)} MiB`);
      });
    }
  });
});
