// Markdown rendering of the sizing report, for pull requests. Every cell is escaped (scanned paths and expressions
// can hold | < > ` [ ]); charts are linked SVG files the caller writes next to the Markdown (GitHub renders SVG
// images but no scripts), and their data tables are always printed.
import { buildCharts, type ChartSpec } from './charts';
import { sizingSections, type Section, type Table } from './sizing-sections';
import type { SizingReport } from './sizing-model';
import { reportStrings, type ReportLang } from './report-strings';
import { showControlChars } from './control-chars';

export interface RenderedAsset {
  /** Path relative to the Markdown file. */
  name: string;
  content: string;
}

/** Escapes text for a Markdown table cell or paragraph: no HTML, no links, no code spans from scanned text. */
export function escapeMarkdown(text: string): string {
  return showControlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/[`*_[\]|#!]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

function table(t: Table): string[] {
  const align = t.columns.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---'));
  return [`| ${t.columns.map(escapeMarkdown).join(' | ')} |`, `| ${align.join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`)];
}

/** `svgFor` draws a chart (chart-svg.ts); with `chartDir` the SVGs become assets linked from the Markdown. */
export function toMarkdown(report: SizingReport, options: { chartDir?: string; svgFor?: (chart: ChartSpec) => string; lang?: ReportLang } = {}): { markdown: string; assets: RenderedAsset[] } {
  const S = reportStrings(options.lang);
  const charts = buildCharts(report, options.lang);
  const assets: RenderedAsset[] = [];
  const lines: string[] = [`# ${escapeMarkdown(S.document.title)} — ${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`, ''];
  const render = (s: Section, depth: number) => {
    lines.push(`${'#'.repeat(depth)} ${escapeMarkdown(s.title)}`, '');
    for (const p of s.paragraphs) lines.push(escapeMarkdown(p), '');
    for (const { caption, table: t } of s.tables) {
      if (caption) lines.push(`**${escapeMarkdown(caption)}**`, '');
      lines.push(...table(t), '');
    }
    if (s.bullets.length) lines.push(...s.bullets.map((b) => `- ${escapeMarkdown(b)}`), '');
    for (const id of s.charts) {
      const chart = charts.find((c) => c.id === id);
      if (!chart) continue;
      if (options.svgFor && options.chartDir !== undefined) {
        const svg = options.svgFor(chart);
        const name = `${options.chartDir}/${id}.svg`;
        assets.push({ name, content: svg });
        lines.push(`![${escapeMarkdown(chart.title)}](${encodeURI(name)})`, '');
      }
      lines.push(`<details><summary>${escapeMarkdown(S.document.chartData(chart.title))}</summary>`, '', ...table({ columns: chart.table.columns, rows: chart.table.rows.map((r) => r.map(String)) }), '', '</details>', '');
    }
    for (const c of s.children ?? []) render(c, depth + 1);
  };
  for (const s of sizingSections(report, options.lang)) render(s, 2);
  return { markdown: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, assets };
}
