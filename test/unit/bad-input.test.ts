// Bad input never stops a run: malformed code still yields facts, a failing file is listed as skipped, and
// nothing hangs on deep nesting or long lines.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { RULES, RULE_IDS } from '../../src/core/rules';

const loaded = resolveConfig(undefined, RULE_IDS);

describe('bad input', () => {
  it('half-typed CUDA still reports what it can', async () => {
    const r = await analyzeText('x.cu', 'void f() {\n  float* d;\n  cudaMalloc(&d, 20ULL << 30);\n  k<<<1, \n', 'cuda', loaded);
    assert.ok(r.entry.parseErrors && r.entry.parseErrors > 0);
    assert.ok(r.findings.some((f) => f.ruleId === 'gpu-exceeds-device-memory'));
  });

  it('deep nesting and a 1-line 1 MB file finish', async () => {
    const deep = `void f() { cudaMalloc(&d, ${'('.repeat(3000)}1${')'.repeat(3000)}); }`;
    const r1 = await analyzeText('deep.cu', deep, 'cuda', loaded);
    assert.equal(r1.entry.skipped, undefined);
    const long = `import cupy as cp\nx = [${'1, '.repeat(300_000)}]\ny = cp.zeros(10)\n`;
    const r2 = await analyzeText('long.py', long, 'python', loaded);
    assert.equal(r2.gpu?.allocations.length, 1);
  });

  it('a tree of good, binary, oversized and non-UTF-8 files: the run completes and lists the skips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-bad-'));
    writeFileSync(join(dir, 'good.cu'), 'void f(){ float* d; cudaMalloc(&d, 64); }');
    writeFileSync(join(dir, 'bin.cu'), Buffer.from([1, 2, 0, 3]));
    writeFileSync(join(dir, 'huge.py'), `import torch\n#${'x'.repeat(3_000_000)}`);
    writeFileSync(join(dir, 'latin1.c'), Buffer.from('/* caf\xe9 */ void f(){ float* d; cudaMalloc(&d, 8); }', 'latin1'));
    const r = await analyze({ root: dir });
    assert.deepEqual(r.skipped.map((s) => s.path).sort(), ['bin.cu', 'huge.py']);
    assert.ok(r.findings.some((f) => f.path === 'good.cu'));
    assert.ok(
      r.findings.some((f) => f.path === 'latin1.c'),
      'non-UTF-8 bytes decode with replacement characters and the code is still read',
    );
  });
});

describe('scan progress and cancellation', () => {
  function tree(n: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'aia-cancel-'));
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `k${String(i).padStart(2, '0')}.cu`), `void f${i}(){ float* d; cudaMalloc(&d, 64); }`);
    return dir;
  }

  it('reports every file done, in order, ending at the total', async () => {
    const seen: Array<[number, number]> = [];
    const r = await analyze({ root: tree(5), afterFile: (done, total) => void seen.push([done, total]) });
    assert.deepEqual(seen, [
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    assert.equal(r.stats.filesParsed, 5);
  });

  it('an abort between files stops the scan: the rest is listed as cancelled, nothing more is read', async () => {
    const ac = new AbortController();
    const r = await analyze({ root: tree(10), signal: ac.signal, afterFile: (done) => (done === 3 ? ac.abort() : undefined) });
    assert.equal(r.stats.filesParsed, 3);
    assert.deepEqual(
      r.skipped.filter((s) => s.reason === 'scan cancelled').map((s) => s.path),
      ['k03.cu', 'k04.cu', 'k05.cu', 'k06.cu', 'k07.cu', 'k08.cu', 'k09.cu'],
    );
    assert.deepEqual([...new Set(r.findings.map((f) => f.path))].sort(), ['k00.cu', 'k01.cu', 'k02.cu']);
  });
});

describe('rule isolation', () => {
  it('a rule that throws is recorded on the file and the other rules still report', async () => {
    const victim = RULES.find((r) => r.meta.id === 'gpu-sync-in-loop')!;
    const original = victim.check;
    victim.check = () => {
      throw new Error('boom');
    };
    try {
      const r = await analyzeText('x.cu', 'void f() {\n  float* d;\n  cudaMalloc(&d, 20ULL << 30);\n}\n', 'cuda', loaded);
      assert.deepEqual(r.entry.ruleErrors, ['gpu-sync-in-loop: boom']);
      assert.ok(r.findings.some((f) => f.ruleId === 'gpu-exceeds-device-memory'));
    } finally {
      victim.check = original;
    }
  });
});
