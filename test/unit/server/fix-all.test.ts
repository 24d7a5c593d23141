// Fix all (source.fixAll.aiInfraAdvisor): every finding's preferred fix in one edit, overlapping fixes left out,
// the same fix applied once; the action is offered for the kinds that ask for it and only those.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import type { Finding } from '../../../src/core/model/types';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../../src/core/rules';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll, wantsQuickFixes } from '../../../src/server/fix-all';

const finding = (startOffset: number, endOffset: number, newText: string): Finding => ({
  ruleId: 'gpu-unchecked-call',
  messageId: 'call',
  severity: 'warning',
  message: 'm',
  path: 'a.cu',
  range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
  fixes: [{ description: 'fix', edits: [{ startOffset, endOffset, newText }] }],
});

function apply(doc: TextDocument, findings: Finding[]): string {
  const action = fixAllAction(findings, doc, 'Fix all');
  return action ? TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!) : doc.getText();
}

describe('fix all', () => {
  before(initTreeSitter);

  it('is asked for by source.fixAll, source.fixAll.aiInfraAdvisor or source; not by quickfix or no kind', () => {
    assert.equal(FIX_ALL_KIND, 'source.fixAll.aiInfraAdvisor');
    for (const only of [['source.fixAll'], ['source.fixAll.aiInfraAdvisor'], ['source'], ['quickfix', 'source.fixAll']])
      assert.ok(wantsFixAll(only), only.join());
    for (const only of [undefined, [], ['quickfix'], ['source.fixAll.eslint'], ['source.organizeImports']])
      assert.ok(!wantsFixAll(only), String(only));
    assert.ok(wantsQuickFixes(undefined) && wantsQuickFixes(['quickfix']));
    assert.ok(!wantsQuickFixes(['source.fixAll']));
  });

  it('applies every fix, drops one that overlaps a fix already taken, and applies a repeated fix once', () => {
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, 'aaa bbb ccc');
    assert.equal(apply(doc, [finding(8, 11, 'CCC'), finding(0, 3, 'AAA')]), 'AAA bbb CCC');
    assert.equal(apply(doc, [finding(0, 5, 'X'), finding(4, 7, 'Y')]), 'Xbb ccc');
    assert.equal(apply(doc, [finding(4, 4, '+'), finding(4, 4, '+')]), 'aaa +bbb ccc');
    assert.equal(fixAllAction([{ ...finding(0, 1, 'x'), fixes: [] }], doc, 'Fix all'), null);
  });

  it('wraps every unchecked CUDA call of a file in its check macro at once', async () => {
    const text =
      '#define CHECK(x) do { if ((x) != cudaSuccess) abort(); } while (0)\nvoid f(float* d, size_t n) {\n  cudaMalloc(&d, n);\n  cudaMemset(d, 0, n);\n  CHECK(cudaFree(d));\n}\n';
    const a = await analyzeText('a.cu', text, 'cuda', resolveConfig({}, RULE_IDS));
    const doc = TextDocument.create('file:///a.cu', 'cuda-cpp', 1, text);
    // One finding per function; its one fix wraps both calls.
    assert.equal(a.findings.filter((f) => f.ruleId === 'gpu-unchecked-call').length, 1);
    const fixed = apply(doc, a.findings);
    assert.match(fixed, /\n {2}CHECK\(cudaMalloc\(&d, n\)\);\n {2}CHECK\(cudaMemset\(d, 0, n\)\);\n {2}CHECK\(cudaFree\(d\)\);/);
    // a second analysis of the fixed text has nothing left to fix
    const again = await analyzeText('a.cu', fixed, 'cuda', resolveConfig({}, RULE_IDS));
    assert.equal(fixAllAction(again.findings, TextDocument.create('file:///a.cu', 'cuda-cpp', 2, fixed), 'Fix all'), null);
  });
});
