// Incremental re-parsing (the language server's path) must give exactly what a fresh parse gives: the same tree and
// the same analysis, for edits anywhere in a file, including ones that break and then repair the syntax.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { DocumentCache } from '../../../src/core/document-cache';
import { editBetween, initTreeSitter, parseSource } from '../../../src/core/parse/tree-sitter';
import type { Language } from '../../../src/core/model/types';
import { RULE_IDS } from '../../../src/core/rules';

const ROOT = join(__dirname, '..', '..', '..');

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Facts the editor's path returns may be shared with its cache: freezing them makes any later change throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const SNIPPETS = ['cudaMalloc(&p, n);\n', ' * 2', '}', '{', '"', '/* ', '\n', '한글', 'x', ''];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const cut = Math.floor(next() * 12);
  return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(Math.min(text.length, at + cut));
}

describe('incremental re-parsing', () => {
  before(() => initTreeSitter());

  it('editBetween finds the one changed region, with rows and columns', () => {
    const e = editBetween('ab\ncd\nef', 'ab\ncXYd\nef');
    assert.deepEqual(e, {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 6,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 3 },
    });
    const d = editBetween('one\ntwo\nthree', 'one\nthree');
    // 'two' and 'three' share the 't' and the end 'hree': the change is 'wo\nt' → ''.
    assert.deepEqual([d.startIndex, d.oldEndIndex, d.newEndIndex, d.oldEndPosition.row, d.newEndPosition.row], [5, 9, 5, 2, 1]);
    assert.deepEqual(editBetween('same', 'same'), {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 4,
      startPosition: { row: 0, column: 4 },
      oldEndPosition: { row: 0, column: 4 },
      newEndPosition: { row: 0, column: 4 },
    });
  });

  it('editBetween takes the longest common prefix and suffix, across its 512-character blocks', () => {
    const next = rng(7);
    const base = Array.from({ length: 3000 }, () => 'ab\n'[Math.floor(next() * 3)]).join('');
    for (let k = 0; k < 200; k++) {
      const at = Math.floor(next() * base.length);
      const cut = Math.floor(next() * 1500);
      const after = base.slice(0, at) + 'ab\n'.slice(0, Math.floor(next() * 4)) + base.slice(Math.min(base.length, at + cut));
      const e = editBetween(base, after);
      const tail = base.length - e.oldEndIndex;
      assert.equal(after.length - e.newEndIndex, tail, `step ${k}`);
      assert.equal(base.slice(0, e.startIndex), after.slice(0, e.startIndex), `step ${k}: prefix`);
      assert.equal(base.slice(e.oldEndIndex), after.slice(e.newEndIndex), `step ${k}: suffix`);
      // Longest: the next character in, on either side, differs (or a text ran out).
      if (e.startIndex < Math.min(base.length, after.length) && e.startIndex < e.oldEndIndex && e.startIndex < e.newEndIndex)
        assert.notEqual(base[e.startIndex], after[e.startIndex], `step ${k}: prefix too short`);
      if (e.oldEndIndex > e.startIndex && e.newEndIndex > e.startIndex)
        assert.notEqual(base[e.oldEndIndex - 1], after[e.newEndIndex - 1], `step ${k}: suffix too short`);
      assert.equal(e.startPosition.row, base.slice(0, e.startIndex).split('\n').length - 1);
      assert.equal(e.newEndPosition.row, after.slice(0, e.newEndIndex).split('\n').length - 1);
    }
  });

  const files: Array<[string, Language]> = [
    ['examples/cuda/whole_dataset_saxpy.cu', 'cuda'],
    ['examples/opencl/histogram_host.c', 'c'],
    ['examples/opencl/histogram.cl', 'opencl-c'],
    ['examples/python/cupy_features.py', 'python'],
    ['examples/openai/embed_job.py', 'python'],
  ];
  for (const [file, language] of files) {
    it(`${file}: 60 random edits in a row give the tree and the analysis of a fresh parse`, async () => {
      const loaded = resolveConfig(undefined, RULE_IDS);
      const cache = new DocumentCache();
      let text = readFileSync(join(ROOT, file), 'utf8');
      const seed = 20261124;
      const next = rng(seed);
      await analyzeText(file, text, language, loaded, { cache, key: file });
      for (let step = 0; step < 60; step++) {
        text = mutate(text, next);
        const incremental = deepFreeze(await analyzeText(file, text, language, loaded, { cache, key: file }));
        const fresh = await analyzeText(file, text, language, loaded);
        // Byte for byte: the same keys in the same order, not only equal values.
        assert.equal(JSON.stringify(incremental), JSON.stringify(fresh), `seed ${seed}, step ${step}`);
        const kept = cache.get(file);
        if (kept) {
          const again = await parseSource(text, language);
          assert.equal(kept.tree.rootNode.toString(), again.tree.rootNode.toString(), `tree differs: seed ${seed}, step ${step}`);
          again.tree.delete();
        }
      }
      assert.equal(cache.size, 1);
      cache.delete(file);
      assert.equal(cache.size, 0);
    });
  }

  describe('C-family facts kept per function', () => {
    // Host buffers cross functions (allocated in one, copied from in the next), constants come from #defines, and
    // some pointers escape: every reason a function's facts depend on the rest of the file.
    function file(functions: number): string {
      const out = ['#include <cuda_runtime.h>', '#define N (1 << 20)', 'float *g_host;', ''];
      for (let i = 0; i < functions; i++) {
        out.push(
          `__global__ void k${i}(float *x, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] *= 2.0f; }`,
          `float *make${i}(void) {`,
          `  float *h${i} = (float *)malloc(N * sizeof(float));`,
          i % 3 === 0 ? `  cudaHostRegister(h${i}, N * sizeof(float), 0);` : '',
          `  return h${i};`,
          '}',
          `int run${i}(float *h${i === 0 ? 0 : i - 1}) {`,
          '  float *d;',
          '  cudaMalloc(&d, N * sizeof(float));',
          `  for (int c = 0; c < 4; c++) cudaMemcpy(d, h${i === 0 ? 0 : i - 1}, N * sizeof(float), cudaMemcpyHostToDevice);`,
          `  k${i}<<<N / 256, 256>>>(d, N);`,
          i % 2 ? '  cudaFree(d);' : '',
          '  return 0;',
          '}',
          '',
        );
      }
      return out.join('\n');
    }

    it('an edit inside one function reuses every other function; an edit of a #define reuses none', async () => {
      const loaded = resolveConfig(undefined, RULE_IDS);
      const cache = new DocumentCache();
      const functions = 3 * 12; // k, make, run per block
      let text = file(12);
      await analyzeText('f.cu', text, 'cuda', loaded, { cache, key: 'f' });
      text = text.replace(
        'cudaMalloc(&d, N * sizeof(float));\n  for (int c = 0; c < 4',
        'cudaMalloc(&d, 2 * N * sizeof(float));\n  for (int c = 0; c < 4',
      );
      const edited = await analyzeText('f.cu', text, 'cuda', loaded, { cache, key: 'f' });
      assert.equal(cache.factsFor('f').reused, functions - 1);
      assert.equal(JSON.stringify(edited), JSON.stringify(await analyzeText('f.cu', text, 'cuda', loaded)));
      // A line added above everything moves every function: still reused, at its new lines.
      text = `// header\n${text}`;
      const moved = await analyzeText('f.cu', text, 'cuda', loaded, { cache, key: 'f' });
      assert.equal(cache.factsFor('f').reused, functions);
      assert.equal(JSON.stringify(moved), JSON.stringify(await analyzeText('f.cu', text, 'cuda', loaded)));
      assert.equal(moved.findings[0]!.range.startLine, edited.findings[0]!.range.startLine + 1);
      text = text.replace('#define N (1 << 20)', '#define N (1 << 22)');
      const redefined = await analyzeText('f.cu', text, 'cuda', loaded, { cache, key: 'f' });
      assert.equal(cache.factsFor('f').reused, 0);
      assert.equal(JSON.stringify(redefined), JSON.stringify(await analyzeText('f.cu', text, 'cuda', loaded)));
      cache.delete('f');
    });

    it('200 random edits of a 36-function file give the analysis of a fresh parse, reusing most functions', async () => {
      const loaded = resolveConfig(undefined, RULE_IDS);
      const cache = new DocumentCache();
      const seed = 41;
      const next = rng(seed);
      // No braces: the example files above break and repair the syntax; here the functions stay apart.
      const snippets = ['h0 = (float *)malloc(64);\n', 'cudaHostRegister(h1, 64, 0);', 'return d;', 'cudaFree(d);', ' * 2', '\n', ';', 'x', ''];
      let text = file(12);
      let reused = 0;
      for (let step = 0; step < 200; step++) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(Math.min(text.length, at + Math.floor(next() * 4)));
        const incremental = deepFreeze(await analyzeText('f.cu', text, 'cuda', loaded, { cache, key: 'f' }));
        reused += cache.factsFor('f').reused;
        assert.equal(JSON.stringify(incremental), JSON.stringify(await analyzeText('f.cu', text, 'cuda', loaded)), `seed ${seed}, step ${step}`);
      }
      // Edits pile up and never repair: a function the parser can no longer read becomes context, and an edit of its
      // declarations invalidates every function. Reuse must still happen (about 5 of 36 per edit at this seed).
      assert.ok(reused > 200 * 3, `reused ${reused} segments over 200 edits`);
      cache.delete('f');
    });

    // The folder's file index (calls of the file's helpers, reference out-parameters, writes at file scope) is kept
    // per function too: a helper's parameter folds through its callers' arguments in other functions, and a local
    // passed to a `size_t&` parameter is written there. Edits of those arguments and signatures must reach the facts.
    function helpers(blocks: number): string {
      const out = ['#include <cuda_runtime.h>', 'size_t g_n = 256;', 'void grow(size_t& n) { n *= 2; }', 'void keep(size_t n) { (void)n; }'];
      out.push('float *alloc_n(size_t n) {', '  float *d;', '  cudaMalloc(&d, n * sizeof(float));', '  return d;', '}');
      for (let i = 0; i < blocks; i++)
        out.push(
          `float *run${i}(void) {`,
          '  float *d = alloc_n(1024);',
          '  size_t m = 64;',
          i % 2 ? '  keep(m);' : '  grow(m);',
          '  float *e;',
          '  cudaMalloc(&e, m + g_n);',
          '  return d;',
          '}',
        );
      return out.join('\n');
    }
    const sizesOf = (r: Awaited<ReturnType<typeof analyzeText>>) => (r.gpu?.allocations ?? []).map((a) => a.bytes);

    it("a helper's parameter and a reference out-argument stay right as callers and signatures are edited", async () => {
      const loaded = resolveConfig(undefined, RULE_IDS);
      const cache = new DocumentCache();
      let text = helpers(6);
      const first = await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' });
      assert.equal(sizesOf(first)[0], 4096, 'every caller passes 1024: the helper allocates 1024 floats');
      // One caller passes another size: the helper's size is no longer one number.
      text = text.replace('float *d = alloc_n(1024);', 'float *d = alloc_n(2048);');
      const changed = await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' });
      assert.equal(sizesOf(changed)[0], null);
      assert.equal(JSON.stringify(changed), JSON.stringify(await analyzeText('h.cu', text, 'cuda', loaded)));
      // `keep` takes its parameter by reference now: run1's `m` may be written there.
      const before = sizesOf(changed);
      text = text.replace('void keep(size_t n)', 'void keep(size_t& n)');
      const byRef = await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' });
      assert.notDeepEqual(sizesOf(byRef), before);
      assert.equal(JSON.stringify(byRef), JSON.stringify(await analyzeText('h.cu', text, 'cuda', loaded)));
      // A write of the file-scope size in one function makes it unknown in every other.
      text = text.replace('  return d;\n}\nfloat *run3', '  g_n = 1;\n  return d;\n}\nfloat *run3');
      const written = await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' });
      assert.equal(JSON.stringify(written), JSON.stringify(await analyzeText('h.cu', text, 'cuda', loaded)));
      // The helper named as a value elsewhere (a function pointer) may be called where we cannot see: no fold.
      const kept = text;
      text = text.replace('float *run2(void) {', 'float *run2(void) {\n  void *fp = (void *)alloc_n;');
      const asValue = await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' });
      assert.equal(JSON.stringify(asValue), JSON.stringify(await analyzeText('h.cu', text, 'cuda', loaded)));
      text = kept.replace(/alloc_n\(2048\)/, 'alloc_n(1024)');
      assert.equal(sizesOf(await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' }))[0], 4096);
      text = text.replace('float *run2(void) {', 'float *run2(void) {\n  void *fp = (void *)alloc_n;');
      assert.equal(sizesOf(await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' }))[0], null, 'named as a value: unknown');
      text = text.replace('  void *fp = (void *)alloc_n;', '  alloc_n(1024);');
      assert.equal(sizesOf(await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' }))[0], 4096, 'a call again: folded');
      const next = rng(7);
      const snippets = [
        '1024',
        '2048',
        '&',
        'size_t& ',
        'grow(m);',
        'keep(m);',
        'alloc_n(512);',
        'p = alloc_n;',
        ' alloc_n ',
        'g_n = 3;',
        '\n',
        ';',
        '',
      ];
      for (let step = 0; step < 120; step++) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(Math.min(text.length, at + Math.floor(next() * 5)));
        const incremental = deepFreeze(await analyzeText('h.cu', text, 'cuda', loaded, { cache, key: 'h' }));
        assert.equal(JSON.stringify(incremental), JSON.stringify(await analyzeText('h.cu', text, 'cuda', loaded)), `seed 7, step ${step}`);
      }
      cache.delete('h');
    });
  });
});
