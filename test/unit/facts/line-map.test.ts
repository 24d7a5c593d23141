// Positions are VS Code's: lines end at \n, \r\n and a lone \r (old Mac files). tree-sitter counts \n only, so a
// finding in a file with lone CRs would land on the wrong line if positions came from it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { LineMap } from '../../../src/core/facts/syntax';
import { RULE_IDS } from '../../../src/core/rules';

describe('LineMap', () => {
  it('gives the line and column VS Code gives, for any mix of line endings', () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\r\r', '\n\r', '한', '😀'), { maxLength: 60 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const doc = TextDocument.create('file:///x', 'c', 1, t);
        const lines = new LineMap(t);
        assert.equal(lines.lineCount, doc.lineCount);
        for (let offset = 0; offset <= t.length; offset++) {
          if (t[offset - 1] === '\r' && t[offset] === '\n') continue; // inside a \r\n pair: no position there
          const p = doc.positionAt(offset);
          assert.deepEqual(lines.position(offset), { line: p.line + 1, column: p.character + 1 }, `offset ${offset} of ${JSON.stringify(t)}`);
        }
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });

  it("a CUDA file with old-Mac line endings: the finding is on the allocation's line as the editor shows it", async () => {
    const lines = ['#include <cuda_runtime.h>', 'void f(size_t n) {', '  float *d;', '  cudaMalloc(&d, n);', '}', ''];
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = await analyzeText('k.cu', lines.join(eol), 'cuda', resolveConfig(undefined, RULE_IDS));
      const f = r.findings.find((x) => x.ruleId === 'gpu-missing-free');
      assert.equal(f?.range.startLine, 4, JSON.stringify(eol));
      assert.equal(f?.range.startColumn, 3, JSON.stringify(eol));
    }
  });
});
