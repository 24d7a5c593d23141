// Markdown rendering of the sizing report, for pull requests. Every cell is escaped by escapeMarkdown (scanned paths
// and expressions can hold | < > ` [ ], URLs, @mentions and keys); charts are linked SVG files the caller writes next to the Markdown (GitHub renders SVG
// images but no scripts), and their data tables are always printed.
import { buildCharts, type ChartSpec } from './charts';
import { sizingSections, type Section, type Table } from './sizing-sections';
import type { SizingReport } from './sizing-model';
import { reportText } from './report-strings';
import { showControlChars } from './control-chars';
import { redactDeep, redactSecrets } from '../model/redact';
import type { Lang } from '../l10n';

export interface RenderedAsset {
  /** Path relative to the Markdown file. */
  name: string;
  content: string;
}

const ZWSP = '&#8203;';

/**
 * THE Markdown escaping of scanned text (reports and the editor hover): keys masked, control characters shown by
 * code point, no HTML, no links or images, no code spans, no emphasis, no math, no list or heading from a cell, and
 * nothing GitHub would make live: a bare URL (`https://`, `www.`), an `@mention` or an `#123` reference gets a
 * zero-width space entity where the autolinker would start, so it shows the same and links nowhere.
 */
export function escapeMarkdown(text: string): string {
  return showControlChars(redactSecrets(text))
    .replace(/[\t\n]/g, ' ')
    .replace(/^ +/, '')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]|#!~$]/g, (c) => `\\${c}`)
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`);
}

/** Scanned text as an inline code span (expressions in the hover): literal, whatever backticks it holds. */
export function markdownCode(text: string): string {
  const body = showControlChars(redactSecrets(text), { lineBreaks: true });
  if (!body) return '` `';
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function table(t: Table): string[] {
  const align = t.columns.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---'));
  return [
    `| ${t.columns.map(escapeMarkdown).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`),
  ];
}

/** `svgFor` draws a chart (chart-svg.ts); with `chartDir` the SVGs become assets linked from the Markdown. */
export function toMarkdown(
  report: SizingReport,
  options: { chartDir?: string; svgFor?: (chart: ChartSpec) => string; lang?: Lang } = {},
): { markdown: string; assets: RenderedAsset[] } {
  const charts = buildCharts(report, options.lang);
  const assets: RenderedAsset[] = [];
  const lines: string[] = [
    `# ${escapeMarkdown(reportText(options.lang, 'document.title'))} — ${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`,
    '',
  ];
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
        const svg = options.svgFor(redactDeep(chart));
        const name = `${options.chartDir}/${id}.svg`;
        assets.push({ name, content: svg });
        lines.push(`![${escapeMarkdown(chart.title)}](${encodeURI(name).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`, '');
      }
      lines.push(
        `<details><summary>${escapeMarkdown(reportText(options.lang, 'document.chartData', { title: chart.title }))}</summary>`,
        '',
        ...table({ columns: chart.table.columns, rows: chart.table.rows.map((r) => r.map(String)) }),
        '',
        '</details>',
        '',
      );
    }
    for (const c of s.children ?? []) render(c, depth + 1);
  };
  for (const s of sizingSections(report, options.lang)) render(s, 2);
  return {
    markdown: `${lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
    assets,
  };
}
