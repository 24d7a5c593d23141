import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectLanguage, discoverFiles } from '../../../src/core/files/discover';
import { mayBeRelevant } from '../../../src/core/files/prefilter';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'aia-discover-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
const opts = (root: string, extra: Partial<Parameters<typeof discoverFiles>[0]> = {}) => ({
  root,
  include: ['**/*'],
  exclude: [],
  respectGitignore: true,
  maxFileBytes: 2_000_000,
  ...extra,
});

describe('file discovery', () => {
  it('detects languages by extension', () => {
    assert.equal(detectLanguage('a/k.cu'), 'cuda');
    assert.equal(detectLanguage('k.CUH'), 'cuda');
    assert.equal(detectLanguage('k.cl'), 'opencl-c');
    assert.equal(detectLanguage('x.h'), 'c');
    assert.equal(detectLanguage('x.cxx'), 'cpp');
    assert.equal(detectLanguage('x.py'), 'python');
    assert.equal(detectLanguage('x.tsx'), 'typescript');
    assert.equal(detectLanguage('types.d.ts'), undefined);
    assert.equal(detectLanguage('README.md'), undefined);
  });

  it('honours nested .gitignore files, include and exclude globs, and skips node_modules', async () => {
    const root = tree({
      '.gitignore': 'build/\n*.gen.cu\n',
      'src/a.cu': 'x',
      'src/b.gen.cu': 'x',
      'build/c.cu': 'x',
      'sub/.gitignore': 'local.py\n',
      'sub/local.py': 'x',
      'sub/kept.py': 'x',
      'node_modules/pkg/k.cu': 'x',
      'tests/t.cu': 'x',
      'notes.txt': 'x',
    });
    const all = await discoverFiles(opts(root));
    assert.deepEqual(all.files.map((f) => f.path).sort(), ['src/a.cu', 'sub/kept.py', 'tests/t.cu']);
    const excluded = await discoverFiles(opts(root, { exclude: ['tests/**'] }));
    assert.deepEqual(excluded.files.map((f) => f.path).sort(), ['src/a.cu', 'sub/kept.py']);
    const onlyPy = await discoverFiles(opts(root, { include: ['**/*.py'] }));
    assert.deepEqual(
      onlyPy.files.map((f) => f.path),
      ['sub/kept.py'],
    );
    const noGitignore = await discoverFiles(opts(root, { respectGitignore: false }));
    assert.ok(noGitignore.files.some((f) => f.path === 'build/c.cu'));
  });

  it('lists files over the size limit and binary files with the reason', async () => {
    const root = tree({ 'big.cu': 'a'.repeat(5000), 'blob.cu': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'ok.cu': 'cudaMalloc' });
    const r = await discoverFiles(opts(root, { maxFileBytes: 4096 }));
    // Size at discovery (a stat); the binary test where the file is read, so a scan opens each file once.
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['blob.cu', 'ok.cu'],
    );
    assert.deepEqual(
      r.skipped.map((s) => s.path),
      ['big.cu'],
    );
    assert.match(r.skipped[0]!.reason, /larger than the size limit \(5,000 bytes > 4,096\)/);
    const scan = await analyze({ root });
    assert.deepEqual(scan.skipped, [{ path: 'blob.cu', reason: 'binary file (NUL bytes in the first 8 KB)' }]);
    assert.equal(scan.files.find((f) => f.path === 'blob.cu')?.skipped, 'binary file (NUL bytes in the first 8 KB)');
  });

  it('does not follow symlink loops and reports missing paths', async () => {
    const root = tree({ 'a/k.cu': 'x' });
    symlinkSync(join(root, 'a'), join(root, 'a', 'loop'));
    const r = await discoverFiles(opts(root, { paths: ['a', 'missing'] }));
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['a/k.cu'],
    );
    assert.deepEqual(r.missing, ['missing']);
  });

  it('prefilter: only files with GPU/LLM identifiers are parsed; OpenCL C always', () => {
    assert.equal(mayBeRelevant('int main() { return 0; }', 'c'), false);
    assert.equal(mayBeRelevant('cudaMalloc(&p, 4);', 'cuda'), true);
    assert.equal(mayBeRelevant('k<<<1,1>>>(x);', 'cuda'), true);
    assert.equal(mayBeRelevant('import torch', 'python'), true);
    assert.equal(mayBeRelevant('const c = new OpenAI();', 'typescript'), true);
    assert.equal(mayBeRelevant('void k() {}', 'opencl-c'), true);
  });
});
