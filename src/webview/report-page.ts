// The sizing report page inside VS Code (the report panel and the sidebar's Sizing view): a static shell fed by
// typed messages after a `ready` handshake. Everything is built with DOM APIs and textContent, so text from scanned
// code can never become markup. Assumptions are editable; edits go back to the extension, which recomputes.
import { echarts } from './echarts-setup';
import { themedOption } from './chart-theme';
import type { FromWebview, ToWebview } from '../server/protocol';
import { showControlChars } from '../core/report/control-chars';
import { assumptionsInUse, citedSources, fill, headerWords, keepOnOneLine, layoutGpu, type GpuFileGroup } from '../core/report/report-layout';

interface VsCodeApi {
  postMessage(m: FromWebview): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Report = Extract<ToWebview, { type: 'report' }>;
interface Table {
  columns: string[];
  rows: string[][];
  numeric?: number[];
}
interface Section {
  id: string;
  title: string;
  paragraphs: string[];
  tables: Array<{ caption?: string; table: Table }>;
  bullets: string[];
  charts: string[];
  children?: Section[];
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const view = document.body.dataset.view === 'sidebar' ? 'sidebar' : 'panel';
let charts: echarts.ECharts[] = [];
let pending: ReturnType<typeof setTimeout> | undefined;
const edits: Record<string, number> = (vscode.getState() as { edits?: Record<string, number> } | undefined)?.edits ?? {};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  // Text only, never markup; bidi and control characters from scanned code shown by code point.
  if (text !== undefined) e.textContent = showControlChars(text);
  if (cls) e.className = cls;
  return e;
}

function button(label: string, command: Extract<FromWebview, { type: 'command' }>['command']): HTMLButtonElement {
  const b = el('button', label);
  b.addEventListener('click', () => vscode.postMessage({ type: 'command', command }));
  return b;
}

/** Cell text that may break after a path's slashes: text nodes with <wbr> between them, never markup. */
function breakablePath(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  showControlChars(text)
    .split('/')
    .forEach((part, i, all) => {
      frag.append(document.createTextNode(i < all.length - 1 ? `${part}/` : part));
      if (i < all.length - 1) frag.append(document.createElement('wbr'));
    });
  return frag;
}

function table(t: Table, caption?: string, links?: readonly string[]): HTMLTableElement {
  const tab = el('table');
  if (caption) tab.append(el('caption', caption));
  const head = el('tr');
  for (const c of t.columns) {
    // Header words as nowrap spans: a header breaks only at its spaces (the HTML report does the same).
    const th = el('th');
    headerWords(c).forEach((w, i) => th.append(...(i ? [' '] : []), el('span', w, 'word')));
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  tab.append(thead);
  const body = el('tbody');
  t.rows.forEach((r, row) => {
    const tr = el('tr');
    r.forEach((c, i) => {
      const td = el('td', undefined, t.numeric?.includes(i) ? (keepOnOneLine(c) ? 'num keep' : 'num') : undefined);
      const link = i === 0 ? links?.[row] : undefined;
      if (link) {
        const a = el('a');
        a.href = `#${link}`;
        a.append(breakablePath(c));
        td.append(a);
      } else td.append(breakablePath(c));
      tr.append(td);
    });
    body.append(tr);
  });
  tab.append(body);
  return tab;
}

function assumptionsEditor(msg: Report): HTMLElement {
  const box = el('section');
  box.id = 'assumptions-editor';
  box.append(el('h2', fill(msg.result.strings.editTitle, msg.profileLabel ?? msg.result.report.profile)));
  // Only the assumptions the found code uses: a GPU-only workspace gets none of the OpenAI or database ones.
  const inUse = assumptionsInUse(msg.result.report);
  if (!inUse.length) {
    box.append(el('p', msg.result.strings.noAssumptions));
    return box;
  }
  const grid = el('div', undefined, 'assumptions');
  for (const a of inUse) {
    const label = el('label');
    label.append(el('span', `${msg.result.strings.assumptions[a.key] ?? a.label} (${a.unit})`));
    const input = el('input');
    input.type = 'number';
    input.step = 'any';
    input.value = String(a.value);
    input.dataset.key = a.key;
    input.disabled = !msg.assumptionsEditable;
    if (a.source === 'workload' || a.key in edits) input.classList.add('edited');
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (!Number.isFinite(v)) return;
      edits[a.key] = v;
      vscode.setState({ edits });
      clearTimeout(pending);
      pending = setTimeout(() => vscode.postMessage({ type: 'recompute', assumptions: { ...edits } }), 300);
    });
    label.append(input);
    grid.append(label);
  }
  box.append(grid);
  return box;
}

function chartBox(id: string, specs: Report['result']['charts']): HTMLElement | null {
  const spec = specs.find((c) => c.id === id);
  if (!spec) return null;
  const box = el('div', undefined, 'chart');
  box.dataset.chart = id;
  if (spec.height) box.style.height = `${spec.height}px`;
  queueMicrotask(() => {
    const chart = echarts.init(box, undefined, { renderer: 'svg' });
    chart.setOption(themed(spec.option));
    box.dataset.rendered = 'echarts';
    charts.push(chart);
  });
  return box;
}

function bulletList(items: readonly string[]): HTMLElement | null {
  if (!items.length) return null;
  const ul = el('ul');
  for (const b of items) ul.append(el('li', b));
  return ul;
}

/** The GPU section as the HTML report lays it out: legend, chart, then one collapsible group per folder. */
function renderGpu(s: Section, msg: Report): HTMLElement {
  const sec = el('section');
  sec.id = s.id;
  sec.append(el('h2', s.title));
  for (const p of s.paragraphs) sec.append(el('p', p));
  const legend = bulletList(s.bullets);
  if (legend) sec.append(legend);
  for (const id of s.charts) {
    const box = chartBox(id, msg.result.charts);
    if (box) sec.append(box);
  }
  const t = msg.result.strings;
  const files = (into: HTMLElement, group: GpuFileGroup) => {
    if (group.table.rows.length) into.append(table(group.table));
    for (const file of group.files) {
      const d = el('details', undefined, 'file');
      d.id = file.anchor;
      d.open = file.open;
      const summary = el('summary');
      summary.append(el('strong', file.path), ` — ${t.verdict[file.verdict]}`);
      d.append(summary);
      for (const p of file.detail?.paragraphs ?? []) d.append(el('p', p));
      for (const x of file.detail?.tables ?? []) d.append(table(x.table, x.caption));
      const list = bulletList(file.detail?.bullets ?? []);
      if (list) d.append(list);
      into.append(d);
    }
  };
  for (const f of layoutGpu(s, msg.result.report, t).folders) {
    const d = el('details', undefined, 'folder');
    d.open = f.open;
    d.append(el('summary', f.label));
    if (f.needAction.files.length) files(d, f.needAction);
    if (f.fitting) {
      const fit = el('details', undefined, 'fitting');
      fit.append(el('summary', f.fitting.label));
      files(fit, f.fitting);
      d.append(fit);
    }
    sec.append(d);
  }
  return sec;
}

function renderSection(s: Section, depth: number, specs: Report['result']['charts']): HTMLElement {
  const sec = el('section');
  sec.id = s.id;
  sec.append(el(depth <= 2 ? 'h2' : 'h3', s.title));
  for (const p of s.paragraphs) sec.append(el('p', p));
  for (const t of s.tables) sec.append(table(t.table, t.caption));
  const list = bulletList(s.bullets);
  if (list) sec.append(list);
  for (const id of s.charts) {
    const box = chartBox(id, specs);
    if (box) sec.append(box);
  }
  for (const c of s.children ?? []) sec.append(renderSection(c, depth + 1, specs));
  return sec;
}

/** Chart colours follow the VS Code theme (its CSS variables), not ECharts' light defaults. */
function themed(option: Record<string, unknown>): Record<string, unknown> {
  const css = getComputedStyle(document.body);
  return themedOption(option, {
    fg: css.getPropertyValue('--vscode-foreground').trim() || '#ccc',
    line: css.getPropertyValue('--vscode-panel-border').trim() || '#555',
  });
}

function render(msg: Report): void {
  charts.forEach((c) => c.dispose());
  charts = [];
  root.replaceChildren();
  const t = msg.result.strings;
  const bar = el('div', undefined, 'actions');
  if (view === 'sidebar') bar.append(button(t.openReport, 'aiInfraAdvisor.showSizingReport'));
  else bar.append(button(t.exportButton, 'aiInfraAdvisor.exportSizingReport'), button(t.workloadButton, 'aiInfraAdvisor.openWorkload'));
  root.append(bar);
  const summary = el('section');
  summary.id = 'headline';
  for (const line of msg.result.headline) summary.append(el('p', line));
  root.append(summary);
  const gpuSection = msg.result.sections.find((s) => s.id === 'gpu');
  if (view === 'sidebar') {
    // The headline numbers only: GPU fit, nodes per role of the recommended engine, monthly cost.
    const rec = msg.result.report.recommendation;
    const engine = rec ? msg.result.report.engines.find((e) => e.engine === rec.engine) : undefined;
    if (engine)
      root.append(
        table(
          { columns: [t.role, t.nodes], rows: engine.roles.map((r) => [r.name, `${r.count}${r.dedicated ? '' : ` (${t.shared})`}`]) },
          fill(t.perMonth, engine.title, `$${Math.round(engine.monthlyUsd).toLocaleString('en-US')}`),
        ),
      );
    return;
  }
  // The files that need action come first, as in the HTML report.
  const worst = gpuSection ? layoutGpu(gpuSection, msg.result.report, t).worst : null;
  if (worst) summary.append(table(worst.table, worst.caption, worst.anchors));
  root.append(assumptionsEditor(msg));
  for (const s of msg.result.sections) {
    if (s.id === 'summary' || s.id === 'assumptions') continue;
    root.append(s.id === 'gpu' ? renderGpu(s, msg) : renderSection(s as Section, 2, msg.result.charts));
  }
  const sources = citedSources(msg.result.sections);
  if (sources.length) {
    const sec = el('section');
    sec.id = 'sources';
    sec.append(el('h2', t.sourcesTitle), el('p', t.sourcesIntro));
    const ul = el('ul');
    for (const src of sources) {
      // VS Code opens an https link of a webview in the browser; the address is shown too, for offline reading.
      const a = el('a', src.name);
      a.href = src.url;
      const li = el('li');
      li.append(a, ' ', el('span', src.url, 'muted'));
      ul.append(li);
    }
    sec.append(ul);
    root.append(sec);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg.type === 'report') render(msg);
  else if (msg.type === 'busy') root.replaceChildren(el('p', msg.message, 'busy'));
  else if (msg.type === 'error') root.replaceChildren(el('p', msg.message, 'error'));
});
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
vscode.postMessage({ type: 'ready' });
if (Object.keys(edits).length) vscode.postMessage({ type: 'recompute', assumptions: { ...edits } });
