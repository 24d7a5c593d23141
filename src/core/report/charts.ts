// Chart specifications for the sizing report: ECharts options as plain JSON (the same object drives the browser
// chart in the HTML page and the server-side SVG fallback), each with the data table it is drawn from.
import { showControlChars } from './control-chars';
import type { SizingReport } from './sizing-model';
import { engineName } from './sizing-model';
import { reportText } from './report-strings';
import type { Lang } from '../l10n';

export interface ChartSpec {
  id: string;
  title: string;
  /** ECharts option object: JSON only (no functions), so it can travel in a page or a message. */
  option: Record<string, unknown>;
  table: { columns: string[]; rows: Array<Array<string | number>> };
  /** Pixels the chart needs (a bar chart grows with its bars); the renderers' default when absent. */
  height?: number;
}

/** Bars in the GPU chart at most; label width in pixels (longer labels end in an ellipsis). */
export const GPU_CHART_FILES = 20;
const GPU_LABEL_WIDTH = 200;

/** The first of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above `n`: an axis end a reader can read. */
export function niceCeil(n: number): number {
  if (!(n > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => Number((m * p).toPrecision(12))).find((v) => v >= n * (1 - 1e-12))!;
}

/** For each path, its fewest trailing segments that no other path ends with (`a/x.cu`, `b/x.cu`; `y.cu`). */
export function shortestUniqueSuffixes(paths: readonly string[]): string[] {
  const split = paths.map((p) => p.split(/[\\/]/));
  return split.map((parts, i) => {
    for (let n = 1; n < parts.length; n++) {
      const tail = parts.slice(-n).join('/');
      if (split.every((other, j) => j === i || other.slice(-n).join('/') !== tail)) return tail;
    }
    return parts.join('/');
  });
}

const GIB = 1024 ** 3;
const r2 = (n: number) => Math.round(n * 100) / 100;
const base = (title: string) => ({
  animation: false,
  title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
  tooltip: { trigger: 'axis' },
  legend: { bottom: 0, type: 'scroll' },
  grid: { left: 70, right: 70, top: 50, bottom: 60 },
});

export function buildCharts(report: SizingReport, lang: Lang = 'en'): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (report.traffic.length) {
    const x = report.traffic.map((t) => `${t.factor}×`);
    const engines = report.traffic[0]!.engines.map((e) => e.engine);
    // Costs span orders of magnitude (a serverless table vs an in-memory cluster): a log axis keeps all readable.
    const series = engines.map((id) => ({
      name: engineName(id),
      type: 'line',
      symbolSize: 6,
      data: report.traffic.map((t) => r2(Math.max(0.01, t.engines.find((e) => e.engine === id)!.monthlyUsd))),
    }));
    series.push({
      name: reportText(lang, 'charts.llm'),
      type: 'line',
      symbolSize: 6,
      data: report.traffic.map((t) => r2(Math.max(0.01, t.openaiMonthlyUsd))),
      lineStyle: { type: 'dashed' },
    } as never);
    charts.push({
      id: 'cost-vs-traffic',
      title: reportText(lang, 'charts.costTitle'),
      option: {
        ...base(reportText(lang, 'charts.costTitle')),
        xAxis: { type: 'category', name: reportText(lang, 'charts.traffic'), data: x },
        yAxis: { type: 'log', name: reportText(lang, 'charts.usdPerMonth') },
        series,
      },
      table: {
        columns: [reportText(lang, 'charts.traffic'), ...engines.map(engineName), reportText(lang, 'charts.llm')],
        rows: report.traffic.map((t) => [`${t.factor}×`, ...t.engines.map((e) => r2(e.monthlyUsd)), r2(t.openaiMonthlyUsd)]),
      },
    });
  }
  if (report.months.length) {
    const x = report.months.map((m) => `M${m.month}`);
    const engines = report.months[0]!.engines.map((e) => e.engine).filter((id) =>
      report.months.some((m) => m.engines.find((e) => e.engine === id)!.nodes > 0),
    );
    charts.push({
      id: 'storage-nodes-vs-months',
      title: reportText(lang, 'charts.monthsTitle'),
      option: {
        ...base(reportText(lang, 'charts.monthsTitle')),
        xAxis: { type: 'category', name: reportText(lang, 'charts.month'), data: x },
        yAxis: [
          { type: 'value', name: reportText(lang, 'charts.gibStored') },
          { type: 'value', name: reportText(lang, 'charts.nodes'), minInterval: 1 },
        ],
        series: [
          {
            name: reportText(lang, 'charts.gibStored'),
            type: 'bar',
            yAxisIndex: 0,
            data: report.months.map((m) => r2(m.storedBytes / GIB)),
            itemStyle: { opacity: 0.5 },
          },
          ...engines.map((id) => ({
            name: reportText(lang, 'charts.engineNodes', { engine: engineName(id) }),
            type: 'line',
            yAxisIndex: 1,
            symbolSize: 5,
            data: report.months.map((m) => m.engines.find((e) => e.engine === id)!.nodes),
          })),
        ],
      },
      table: {
        columns: [
          reportText(lang, 'charts.month'),
          reportText(lang, 'charts.gibStored'),
          ...engines.map((id) => reportText(lang, 'charts.engineNodes', { engine: engineName(id) })),
        ],
        rows: report.months.map((m) => [m.month, r2(m.storedBytes / GIB), ...engines.map((id) => m.engines.find((e) => e.engine === id)!.nodes)]),
      },
    });
  }
  const gpuFiles = report.gpu.files.filter((f) => f.peakBytes !== null);
  if (gpuFiles.length) {
    const budget = report.gpu.files[0]!.fits.find((f) => f.gpu === report.gpu.target.id)?.budgetBytes ?? report.gpu.target.memoryBytes;
    // The largest peaks only: a bar per file of a big workspace is unreadable; the data table keeps every file.
    const charted = [...gpuFiles]
      .sort((a, b) => b.peakBytes! - a.peakBytes! || a.path.localeCompare(b.path))
      .slice(0, GPU_CHART_FILES)
      .reverse();
    const labels = shortestUniqueSuffixes(charted.map((f) => f.path));
    const title = reportText(lang, 'charts.gpuTitle', { target: report.gpu.target.name });
    const maxGiB = Math.max(budget, ...charted.map((f) => f.peakBytes!)) / GIB;
    charts.push({
      id: 'gpu-peak-vs-target',
      title,
      // One bar per 22 px plus the title, axis and legend: labels never share a line.
      height: Math.max(240, 130 + 22 * charted.length),
      option: {
        ...base(title),
        title: {
          text: title,
          left: 'center',
          textStyle: { fontSize: 14 },
          ...(charted.length < gpuFiles.length
            ? { subtext: reportText(lang, 'charts.gpuShown', { shown: charted.length, total: gpuFiles.length }) }
            : {}),
        },
        // The bar's item names are the full paths: the tooltip names the file the label may abbreviate.
        tooltip: { trigger: 'item', formatter: '{b}: {c} GiB' },
        grid: { left: GPU_LABEL_WIDTH + 20, right: 40, top: charted.length < gpuFiles.length ? 70 : 50, bottom: 60 },
        // The axis always reaches the budget line it is drawn against (ECharts would stop at the data's maximum).
        xAxis: { type: 'value', name: 'GiB', max: niceCeil(maxGiB) },
        // Axis labels are drawn as text by the chart library, not escaped by a renderer: show control characters here.
        yAxis: {
          type: 'category',
          data: labels.map((l) => showControlChars(l)),
          axisLabel: { width: GPU_LABEL_WIDTH, overflow: 'truncate', ellipsis: '…', interval: 0 },
        },
        series: [
          {
            name: reportText(lang, 'charts.peakGiB'),
            type: 'bar',
            data: charted.map((f) => ({ name: showControlChars(f.path), value: r2(f.peakBytes! / GIB) })),
            markLine: {
              symbol: 'none',
              data: [{ xAxis: r2(budget / GIB), name: reportText(lang, 'charts.budgetName') }],
              label: { formatter: reportText(lang, 'charts.budget', { gib: r2(budget / GIB) }) },
            },
          },
        ],
      },
      table: {
        columns: [reportText(lang, 'charts.file'), reportText(lang, 'charts.peakGiB'), reportText(lang, 'charts.lowerBound')],
        rows: gpuFiles.map((f) => [
          f.path,
          r2(f.peakBytes! / GIB),
          f.peakIsLowerBound ? reportText(lang, 'charts.yes') : reportText(lang, 'charts.no'),
        ]),
      },
    });
  }
  return charts;
}
