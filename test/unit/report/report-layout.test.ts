// The arrangement both HTML surfaces share (report-layout.ts) and the GPU chart's helpers: which assumptions show,
// how GPU files group and which open, the chart's labels and axis end, and that the editor's stylesheet wraps table
// text by the same rules as the HTML report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { buildCharts, GPU_CHART_FILES, niceCeil, shortestUniqueSuffixes } from '../../../src/core/report/charts';
import { assumptionsInUse, layoutGpu, TABLE_TEXT_CSS } from '../../../src/core/report/report-layout';
import { assumptionLabels, pageStrings } from '../../../src/core/report/report-strings';
import { buildSizingReport, type SizingReport } from '../../../src/core/report/sizing-model';
import { sizingSections } from '../../../src/core/report/sizing-sections';
import { toMarkdown } from '../../../src/core/report/markdown';
import { toSizingText } from '../../../src/core/report/sizing-text';
import { ASSUMPTION_KEYS } from '../../../src/core/sizing/profiles';
import { loadWorkloadFile } from '../../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..', '..');

describe('report layout (both HTML surfaces)', () => {
  let examples: SizingReport;
  let gpuOnly: SizingReport;
  before(async () => {
    examples = buildSizingReport(
      await analyze({ root: ROOT, paths: ['examples'] }),
      loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'medium' }),
    );
    gpuOnly = buildSizingReport(
      await analyze({ root: ROOT, paths: ['examples/cuda', 'examples/python'] }),
      loadWorkloadFile(ROOT, { profile: 'medium' }),
    );
  });

  it("media/report.css wraps table text by the HTML report's rules", () => {
    const css = readFileSync(join(ROOT, 'media', 'report.css'), 'utf8');
    assert.ok(css.includes(TABLE_TEXT_CSS), 'media/report.css holds TABLE_TEXT_CSS verbatim');
    assert.ok(!/\b(th|td)\b[^{]*\{[^}]*overflow-wrap:\s*anywhere/.test(css), 'no table cell may break anywhere (it split headers mid-word)');
  });

  it('assumptions: every one with OpenAI call sites and stores, call-traffic ones without a store load, none for GPU-only code', () => {
    assert.deepEqual(
      assumptionsInUse(examples).map((a) => a.key),
      ASSUMPTION_KEYS,
    );
    assert.deepEqual(assumptionsInUse(gpuOnly), []);
    // Markdown and text say the same as the HTML surfaces: no OpenAI or database assumption for GPU-only code.
    const labels = examples.assumptions.map((a) => assumptionLabels('en')[a.key as keyof ReturnType<typeof assumptionLabels>]);
    for (const out of [toMarkdown(gpuOnly, {}).markdown, toSizingText(gpuOnly)]) {
      assert.ok(out.includes(pageStrings('en').noAssumptions));
      for (const label of labels) assert.ok(!out.includes(label), `GPU-only output lists '${label}'`);
    }
    assert.ok(toMarkdown(examples, {}).markdown.includes(labels[0]!), 'the examples list their assumptions');
    // The headline's bill names only what it adds up.
    assert.match(toSizingText(gpuOnly), /Monthly bill \(GPU\):/);
    assert.match(toSizingText(examples), /Monthly bill \(database \+ cache \+ LLM API \+ GPU\):/);
    const noStore: SizingReport = { ...examples, llm: { ...examples.llm, load: null } };
    assert.deepEqual(
      assumptionsInUse(noStore).map((a) => a.key),
      ['avgRequestsPerSecond', 'peakRequestsPerSecond', 'inputTokens', 'outputTokens', 'cacheHitRatio'],
    );
  });

  it('GPU files: one group per folder, open exactly when a file in it needs action; the worst files first', () => {
    const section = sizingSections(examples).find((s) => s.id === 'gpu')!;
    const layout = layoutGpu(section, examples, pageStrings('en'));
    assert.deepEqual(
      layout.folders.map((f) => f.folder),
      ['examples/cuda', 'examples/opencl', 'examples/python'],
    );
    const onTarget = (path: string) => {
      const f = examples.gpu.files.find((x) => x.path === path)!;
      const row = f.fits.find((r) => r.gpu === examples.gpu.target.id)!;
      return f.api === 'opencl' ? row.opencl : row.cuda;
    };
    for (const folder of layout.folders) {
      const all = [...folder.needAction.files, ...(folder.fitting?.files ?? [])];
      assert.ok(all.every((f) => f.path.startsWith(`${folder.folder}/`)));
      assert.ok(folder.needAction.files.every((f) => onTarget(f.path) !== 'fits' && f.open));
      assert.ok((folder.fitting?.files ?? []).every((f) => onTarget(f.path) === 'fits' && !f.open));
      assert.equal(folder.open, folder.needAction.files.length > 0);
      // Rows inside a folder name the file relative to it; every other cell is the fit table's own.
      for (const [i, row] of folder.needAction.table.rows.entries()) assert.equal(`${folder.folder}/${row[0]}`, folder.needAction.files[i]!.path);
    }
    assert.equal(
      layout.folders.reduce((n, f) => n + f.needAction.files.length + (f.fitting?.files.length ?? 0), 0),
      examples.gpu.files.length,
    );
    // Each file found its row of the fit table and its detail section (matched by path: a renamed title would lose them).
    for (const f of layout.folders.flatMap((x) => [...x.needAction.files, ...(x.fitting?.files ?? [])])) {
      assert.ok(f.row && f.detail && f.detail.bullets.length > 0, `${f.path}: row and detail`);
    }
    // The examples: four need chunking on a T4, the largest peak first.
    assert.deepEqual(
      layout.worst!.table.rows.map((r) => [r[0], r[1]]),
      [
        ['examples/cuda/managed_oversubscribe.cu', 'needs chunking'],
        ['examples/cuda/whole_dataset_saxpy.cu', 'needs chunking'],
        ['examples/opencl/histogram_host.c', 'needs chunking'],
        ['examples/python/pyopencl_reduce.py', 'needs chunking'],
      ],
    );
    assert.deepEqual(
      layout.worst!.anchors,
      layout.worst!.table.rows.map((r) => `gpu-${r[0]}`),
    );
  });

  it('GPU chart: unique short labels, full paths in the tooltip, at most the largest peaks, an axis end at or past the budget', () => {
    assert.deepEqual(shortestUniqueSuffixes(['a/k/x.cu', 'b/k/x.cu', 'a/y.cu', 'z.cu']), ['a/k/x.cu', 'b/k/x.cu', 'y.cu', 'z.cu']);
    assert.deepEqual([0.3, 1, 1.01, 12.6, 28, 30, 126.2, 0].map(niceCeil), [0.3, 1, 1.2, 15, 30, 30, 150, 1]);
    const chart = buildCharts(examples).find((c) => c.id === 'gpu-peak-vs-target')!;
    const option = chart.option as {
      xAxis: { max: number };
      yAxis: { data: string[] };
      series: Array<{ data: Array<{ name: string; value: number }> }>;
    };
    const budgetGiB = examples.gpu.files[0]!.fits.find((f) => f.gpu === examples.gpu.target.id)!.budgetBytes / 1024 ** 3;
    assert.ok(option.xAxis.max >= budgetGiB && option.xAxis.max >= Math.max(...option.series[0]!.data.map((d) => d.value)));
    assert.ok(
      option.series[0]!.data.every((d, i) => d.name.endsWith(option.yAxis.data[i]!)),
      'each bar is named by the full path its label ends',
    );
    // Largest at the top (ECharts draws the first category at the bottom).
    const values = option.series[0]!.data.map((d) => d.value);
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    const many = {
      ...examples,
      gpu: {
        ...examples.gpu,
        files: Array.from({ length: 45 }, (_, i) => ({
          ...examples.gpu.files[i % examples.gpu.files.length]!,
          path: `gen/${i}/k.cu`,
          peakBytes: (i + 1) * 1024 ** 3,
        })),
      },
    };
    const big = buildCharts(many).find((c) => c.id === 'gpu-peak-vs-target')!;
    const bars = (big.option as typeof option).series[0]!.data;
    assert.equal(bars.length, GPU_CHART_FILES);
    assert.equal(bars[bars.length - 1]!.value, 45, 'the largest peak is charted');
    assert.equal(big.table.rows.length, 45, 'the data table keeps every file');
    assert.ok((big.height ?? 0) >= 22 * GPU_CHART_FILES, 'the chart is tall enough for a line per bar');
  });
});
