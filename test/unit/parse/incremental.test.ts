// Incremental re-parsing (the language server's path) must give exactly what a fresh parse gives: the same tree and
// the same analysis, for edits anywhere in a file, including ones that break and then repair the syntax.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { editBetween, initTreeSitter, ParseCache, parseSource } from '../../../src/core/parse/tree-sitter';
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
    assert.deepEqual(e, { startIndex: 4, oldEndIndex: 4, newEndIndex: 6, startPosition: { row: 1, column: 1 }, oldEndPosition: { row: 1, column: 1 }, newEndPosition: { row: 1, column: 3 } });
    const d = editBetween('one\ntwo\nthree', 'one\nthree');
    // 'two' and 'three' share the 't' and the end 'hree': the change is 'wo\nt' → ''.
    assert.deepEqual([d.startIndex, d.oldEndIndex, d.newEndIndex, d.oldEndPosition.row, d.newEndPosition.row], [5, 9, 5, 2, 1]);
    assert.deepEqual(editBetween('same', 'same'), { startIndex: 4, oldEndIndex: 4, newEndIndex: 4, startPosition: { row: 0, column: 4 }, oldEndPosition: { row: 0, column: 4 }, newEndPosition: { row: 0, column: 4 } });
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
      const cache = new ParseCache();
      let text = readFileSync(join(ROOT, file), 'utf8');
      const seed = 20261124;
      const next = rng(seed);
      await analyzeText(file, text, language, loaded, { cache, key: file });
      for (let step = 0; step < 60; step++) {
        text = mutate(text, next);
        const incremental = await analyzeText(file, text, language, loaded, { cache, key: file });
        const fresh = await analyzeText(file, text, language, loaded);
        assert.deepEqual(JSON.parse(JSON.stringify(incremental)), JSON.parse(JSON.stringify(fresh)), `seed ${seed}, step ${step}`);
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
});
