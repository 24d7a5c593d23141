// The language server's pure mappings: LSP ranges, diagnostics, the suppression edits per language (indentation,
// shebang and encoding lines kept first), CodeLens and hover text from real analyses.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import type { Finding } from '../../../src/core/model/types';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../../src/core/rules';
import { findGpu } from '../../../src/core/sizing/gpu-catalog';
import { codeActionsFor, codeLenses, gpuFitText, hoverAt, shortCount, toDiagnostic, toLspRange } from '../../../src/server/lsp-mapping';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'gpu-sync-in-loop',
  messageId: 'syncInLoop',
  severity: 'warning',
  message: 'm',
  path: 'a.cu',
  range: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 28 },
  ...over,
});
const GIB = 1024 ** 3;
const t4 = findGpu('t4')!;

describe('LSP mappings', () => {
  before(initTreeSitter);

  it('1-based, end-exclusive ranges become 0-based LSP positions', () => {
    assert.deepEqual(toLspRange({ startLine: 3, startColumn: 5, endLine: 4, endColumn: 1 }), {
      start: { line: 2, character: 4 },
      end: { line: 3, character: 0 },
    });
  });

  it('a diagnostic carries source, severity, code with the docs link and the finding key', () => {
    const d = toDiagnostic(
      finding({ severity: 'error', related: [{ range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 }, message: 'here' }] }),
      'file:///a.cu',
    );
    assert.equal(d.source, 'ai-infra-advisor');
    assert.equal(d.severity, 1);
    assert.equal(d.code, 'gpu-sync-in-loop');
    assert.match(d.codeDescription!.href, /gpu-sync-in-loop\.md$/);
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: 'file:///a.cu', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }, message: 'here' },
    ]);
    assert.equal((d.data as { key: string }).key, 'gpu-sync-in-loop@3:5-3:28');
  });

  it("suppressions keep the line's indentation and use the language's comment syntax", () => {
    const c = TextDocument.create('file:///a.cu', 'cuda-cpp', 1, 'void f() {\n  for (;;) {\n    cudaDeviceSynchronize();\n  }\n}\n');
    const f = finding();
    const [line, file] = codeActionsFor(f, c, 'cuda', toDiagnostic(f, c.uri)).filter((a) => a.title.startsWith('Suppress'));
    assert.equal(line!.edit!.changes![c.uri]![0]!.newText, '    // ai-infra-advisor-disable-next-line gpu-sync-in-loop\n');
    assert.deepEqual(line!.edit!.changes![c.uri]![0]!.range.start, { line: 2, character: 0 });
    assert.equal(file!.edit!.changes![c.uri]![0]!.newText, '/* ai-infra-advisor-disable gpu-sync-in-loop */\n');
    // Python after a shebang: the file directive goes below it, with #
    const py = TextDocument.create('file:///a.py', 'python', 1, '#!/usr/bin/env python3\nimport cupy\nx = 1\n');
    const pf = finding({ range: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 6 } });
    const pyFile = codeActionsFor(pf, py, 'python', toDiagnostic(pf, py.uri)).find((a) => a.title.endsWith('for this file'))!;
    assert.equal(pyFile.edit!.changes![py.uri]![0]!.range.start.line, 1);
    assert.equal(pyFile.edit!.changes![py.uri]![0]!.newText, '# ai-infra-advisor-disable gpu-sync-in-loop\n');
  });

  it("the rule's own fix comes first and is preferred; offsets map through the document", () => {
    const doc = TextDocument.create('file:///a.ts', 'typescript', 1, 'const x = 1;\nconst y = 2;\n');
    const f = finding({ fixes: [{ description: 'Rename', edits: [{ startOffset: 19, endOffset: 20, newText: 'z' }] }] });
    const [fix] = codeActionsFor(f, doc, 'typescript', toDiagnostic(f, doc.uri));
    assert.equal(fix!.isPreferred, true);
    assert.deepEqual(fix!.edit!.changes![doc.uri]![0]!.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } });
  });

  it('short counts and GPU fit texts', () => {
    assert.deepEqual([950, 1200, 9999, 16384].map(shortCount), ['950', '1.2k', '10k', '16k']);
    assert.equal(gpuFitText(4 * GIB, t4, 0.9), 'fits NVIDIA T4 16 GB');
    assert.equal(gpuFitText(30 * GIB, t4, 0.9), 'fits NVIDIA A100 40 GB, not NVIDIA T4 16 GB');
    assert.match(gpuFitText(500 * GIB, t4, 0.9), /^fits no GPU in the catalog \(largest AMD Instinct MI300X 192 GB\)$/);
  });

  it('CodeLens and hover from a real analysis; hover text keeps scanned text literal', async () => {
    const loaded = resolveConfig(undefined, RULE_IDS);
    const src =
      'void f(size_t n) {\n  float* d;\n  cudaMalloc(&d, (size_t)2 << 30);\n  float* e;\n  cudaMalloc(&e, n * sizeof(float));\n  cudaFree(d); cudaFree(e);\n}\n';
    const a = await analyzeText('k.cu', src, 'cuda', loaded);
    const lenses = codeLenses(a, t4, 0.9).map((l) => `${l.range.start.line}: ${l.command!.title}`);
    // A lens only where it shows a number: the run-time size of line 5 is in its hover, not above it.
    assert.deepEqual(lenses, ['2: ≈ 2.00 GiB device memory · fits NVIDIA T4 16 GB']);
    assert.match((hoverAt(a, 5, t4, 0.9)!.contents as { value: string }).value, /n \* sizeof\(float\)/);
    const hover = hoverAt(a, 3, t4, 0.9)!;
    assert.match((hover.contents as { value: string }).value, /2\.00 GiB \(2,147,483,648 bytes\) of device memory/);
    assert.equal(hoverAt(a, 1, t4, 0.9), null);
  });

  it('the hover names a transfer direction and a memory strategy in words of its language, never by id', async () => {
    const src =
      'void f(float* h) {\n  float* d;\n  cudaMalloc(&d, 1 << 20);\n  cudaMemcpy(d, h, 1 << 20, cudaMemcpyHostToDevice);\n  cudaFree(d);\n}\n';
    const a = await analyzeText('k.cu', src, 'cuda', resolveConfig(undefined, RULE_IDS));
    const text = (lang: 'en' | 'ko') =>
      [3, 4].map((l) => (hoverAt(a, l, t4, 0.9, lang)?.contents as { value: string } | undefined)?.value ?? '').join('\n');
    assert.match(text('ko'), /호스트→장치/);
    assert.doesNotMatch(text('ko'), /host-to-device|전략: (whole-dataset|chunked|mixed|none|unified|mapped)\b/);
    assert.match(text('en'), /host to device/);
  });
});
