// The self-contained HTML sizing report: one file, no network at view time. Charts are drawn by ECharts bundled
// into the page (dist/report-charts.js, inlined), with a server-rendered SVG of each chart in place until the
// script runs, so a viewer that blocks scripts still shows them. A strict CSP allows only the page's own scripts
// by hash. Every string from scanned code is HTML-escaped; the chart data travels as JSON with `<` escaped.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharts } from './charts';
import { chartToSvg } from './chart-svg';
import { sizingSections, type Section, type Table } from './sizing-sections';
import type { SizingReport } from './sizing-model';
import { pageStrings, reportText } from './report-strings';
import { assumptionsInUse, citedSources, headerWords, keepOnOneLine, layoutGpu, TABLE_TEXT_CSS, type GpuFileGroup } from './report-layout';
import { BIDI_CONTROLS, showControlChars } from './control-chars';
import { redactDeep, redactSecrets } from '../model/redact';
import type { Lang } from '../l10n';

const SCRIPT_UNSAFE = new RegExp(`[\u2028\u2029${BIDI_CONTROLS}]`, 'g');

/** THE HTML escaping of scanned text: keys masked, control characters shown by code point, markup inert. */
export function escapeHtml(text: string): string {
  return showControlChars(redactSecrets(text)).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * JSON safe inside a <script> element: no `</script>`, no `<!--`, no line separators that end a JS string, and no raw
 * bidi controls in the page source (escaped, so the data is unchanged).
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(redactDeep(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The bundled chart script, next to the CLI bundle (dist/) or, from source, in the build output. */
export function loadChartScript(): string | null {
  for (const p of [join(__dirname, 'report-charts.js'), join(__dirname, '..', '..', '..', 'dist', 'report-charts.js')]) {
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  return null;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --warn: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --warn: #d29922; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 22px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; } h3 { font-size: 15px; } h4 { font-size: 14px; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
${TABLE_TEXT_CSS}
th { background: color-mix(in srgb, var(--line) 35%, transparent); } td.num { text-align: right; }
details.folder { margin: 8px 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; }
details.folder > summary { font-weight: 600; cursor: pointer; padding: 4px 0; }
details.file > summary, details.fitting > summary { cursor: pointer; } details.file, details.fitting { margin: 4px 0 4px 4px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
.chart { width: 100%; height: 380px; margin: 8px 0 24px; } .chart svg { max-width: 100%; height: auto; }
/* The static SVG (scripts blocked) is drawn in ECharts' light colours: its text takes the page's. */
.chart:not([data-rendered]) svg text { fill: var(--fg) !important; }
.muted { color: var(--muted); } ul { padding-left: 20px; } li { margin: 2px 0; overflow-wrap: anywhere; }
.summary p { font-size: 15px; } a { color: var(--accent); }
`;

function table(t: Table, caption?: string, links?: readonly string[]): string {
  // Header words as nowrap spans: a header breaks only at its spaces (never `mo del` or `a100-` / `40`).
  const head = `<tr>${t.columns
    .map(
      (c) =>
        `<th scope="col">${headerWords(c)
          .map((w) => `<span class="word">${escapeHtml(w)}</span>`)
          .join(' ')}</th>`,
    )
    .join('')}</tr>`;
  // A path may break after its slashes (a cell's long word otherwise widens its column to the whole path).
  const text = (c: string) => escapeHtml(c).replace(/\//g, '/<wbr>');
  const cell = (c: string, i: number, r: number) => (i === 0 && links?.[r] ? `<a href="#${escapeHtml(links[r]!)}">${text(c)}</a>` : text(c));
  const body = t.rows
    .map(
      (row, r) =>
        `<tr>${row.map((c, i) => `<td${t.numeric?.includes(i) ? ` class="num${keepOnOneLine(c) ? ' keep' : ''}"` : ''}>${cell(c, i, r)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

export function toHtml(report: SizingReport, options: { chartScript?: string | null; lang?: Lang } = {}): string {
  const lang = options.lang ?? 'en';
  const P = pageStrings(lang);
  const charts = buildCharts(report, lang);
  const script = options.chartScript === undefined ? loadChartScript() : options.chartScript;
  // sizingSections lists only the assumptions the found code uses; an empty list is shown as a note below.
  const assumptions = assumptionsInUse(report);
  const sections = sizingSections(report, lang);
  const gpuSection = sections.find((s) => s.id === 'gpu');
  const gpu = gpuSection ? layoutGpu(gpuSection, report, P) : null;
  const parts: string[] = [];
  const chart = (id: string) => {
    const spec = charts.find((c) => c.id === id);
    if (!spec) return;
    // The SVG comes from ECharts' own renderer over our numbers and escaped labels; the live chart replaces it.
    const style = spec.height ? ` style="height: ${spec.height}px"` : '';
    parts.push(
      `<figure class="chart" data-chart="${escapeHtml(id)}" aria-label="${escapeHtml(spec.title)}"${style}>${chartToSvg(redactDeep(spec))}</figure>`,
    );
    parts.push(
      `<details><summary>${escapeHtml(reportText(lang, 'document.chartData', { title: spec.title }))}</summary>${table({ columns: spec.table.columns, rows: spec.table.rows.map((r) => r.map(String)) })}</details>`,
    );
  };
  const bullets = (list: readonly string[]) => {
    if (list.length) parts.push(`<ul>${list.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
  };
  const render = (s: Section, depth: number) => {
    const h = Math.min(depth, 6);
    parts.push(`<section id="${escapeHtml(s.id)}"${s.id === 'summary' ? ' class="summary"' : ''}><h${h}>${escapeHtml(s.title)}</h${h}>`);
    if (s.id === 'assumptions' && !assumptions.length) {
      parts.push(`<p>${escapeHtml(P.noAssumptions)}</p></section>`);
      return;
    }
    for (const p of s.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
    if (s.id === 'summary' && gpu?.worst) parts.push(table(gpu.worst.table, gpu.worst.caption, gpu.worst.anchors));
    if (s.id === 'gpu' && gpu) {
      // The fit table and the per-file details, one collapsible group per folder; only what needs action is open.
      bullets(s.bullets);
      s.charts.forEach(chart);
      const files = (group: GpuFileGroup) => {
        if (group.table.rows.length) parts.push(table(group.table));
        for (const file of group.files) {
          parts.push(
            `<details class="file" id="${escapeHtml(file.anchor)}"${file.open ? ' open' : ''}><summary><strong>${escapeHtml(file.path)}</strong> — ${escapeHtml(P.verdict[file.verdict])}</summary>`,
          );
          for (const p of file.detail?.paragraphs ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
          for (const { caption, table: t } of file.detail?.tables ?? []) parts.push(table(t, caption));
          bullets(file.detail?.bullets ?? []);
          parts.push('</details>');
        }
      };
      for (const f of gpu.folders) {
        parts.push(`<details class="folder"${f.open ? ' open' : ''}><summary>${escapeHtml(f.label)}</summary>`);
        if (f.needAction.files.length) files(f.needAction);
        if (f.fitting) {
          // The files that fit: one collapsed group, even inside an open folder.
          parts.push(`<details class="fitting"><summary>${escapeHtml(f.fitting.label)}</summary>`);
          files(f.fitting);
          parts.push('</details>');
        }
        parts.push('</details>');
      }
      parts.push('</section>');
      return;
    }
    for (const { caption, table: t } of s.tables) parts.push(table(t, caption));
    bullets(s.bullets);
    s.charts.forEach(chart);
    for (const c of s.children ?? []) render(c, depth + 1);
    parts.push('</section>');
  };
  for (const s of sections) render(s, 2);
  const sources = citedSources(sections);
  if (sources.length) {
    parts.push(
      `<section id="sources"><h2>${escapeHtml(P.sourcesTitle)}</h2><p>${escapeHtml(P.sourcesIntro)}</p><ul>${sources.map((src) => `<li><a href="${escapeHtml(src.url)}" rel="noreferrer">${escapeHtml(src.name)}</a> <span class="muted">${escapeHtml(src.url)}</span></li>`).join('')}</ul></section>`,
    );
  }

  const data = scriptJson(charts.map((c) => ({ id: c.id, option: c.option })));
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; script-src ${script ? hash(script) : "'none'"}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportText(lang, 'document.title'))} — ${escapeHtml(report.tool.name)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(reportText(lang, 'document.title'))} <span class="muted">${escapeHtml(`${report.tool.name} ${report.tool.version} · ${reportText(lang, 'document.profile')} ${report.profile}`)}</span></h1>
${parts.join('\n')}
${script ? '' : `<p class="muted">${escapeHtml(reportText(lang, 'document.noScript'))}</p>`}
<script type="application/json" id="chart-data">${data}</script>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}
