// The editor's hover and CodeLens must judge a GPU with the same budget as the sizing report: the memory the driver
// reports − one CUDA context − the fragmentation margin, not nominal memory × the safety factor (on a T4 the two differ
// by 1.8 GiB: 14.4 GiB nominal × 0.9 against a 12.6 GiB budget).
import assert from 'node:assert/strict';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { budgetBytes, findGpu, GPU_CATALOG } from '../../../src/core/sizing/gpu-catalog';
import { sizeGpuFile } from '../../../src/core/sizing/gpu-fit';
import { codeLenses, hoverAt } from '../../../src/server/lsp-mapping';

const MIB = 1024 ** 2;
const SAFETY = 0.9;

async function oneAllocation(bytes: number) {
  const src = `void f(void) {\n  float* d;\n  cudaMalloc(&d, (size_t)${bytes}ULL);\n  cudaFree(d);\n}\n`;
  return analyzeText('k.cu', src, 'cuda', resolveConfig(undefined, RULE_IDS));
}

describe('GPU budget: hover and CodeLens agree with the report', () => {
  before(async () => {
    await initTreeSitter();
  });

  it('on a T4, 13 GiB fits 16 GB × 0.9 but not the 12.60 GiB budget: the editor says what the report says', async () => {
    const t4 = findGpu('t4')!;
    const a = await oneAllocation(13 * 1024 * MIB);
    const row = sizeGpuFile(a.gpu!, { safetyFactor: SAFETY, target: t4 }).fits.find((f) => f.gpu === 't4')!;
    assert.equal(row.cuda, 'needs-chunking');
    const lens = codeLenses(a, t4, SAFETY)
      .map((l) => l.command!.title)
      .join(' ');
    assert.match(lens, /not NVIDIA T4 16 GB/);
    const hover = (hoverAt(a, 3, t4, SAFETY)!.contents as { value: string }).value;
    assert.match(hover, /not NVIDIA T4 16 GB/);
    assert.match(hover, /budget on NVIDIA T4 16 GB 12\.60 GiB/);
  });

  it('for every GPU in the catalog, 64 MiB under its budget fits in both, 64 MiB over fits in neither', async () => {
    for (const g of GPU_CATALOG) {
      const budget = budgetBytes(g, SAFETY);
      for (const [bytes, fits] of [
        [budget - 64 * MIB, true],
        [budget + 64 * MIB, false],
      ] as const) {
        const a = await oneAllocation(Math.floor(bytes));
        const row = sizeGpuFile(a.gpu!, { safetyFactor: SAFETY, target: g }).fits.find((f) => f.gpu === g.id)!;
        const hover = (hoverAt(a, 3, g, SAFETY)!.contents as { value: string }).value;
        assert.equal(row.cuda === 'fits', fits, `${g.id} report at ${bytes}`);
        assert.equal(!hover.includes(`not ${g.name}`) && hover.includes(`fits ${g.name}`), fits, `${g.id} hover at ${bytes}: ${hover}`);
      }
    }
  });
});
