// The sizing report page inside VS Code (the report panel and the sidebar's Sizing view): a static shell fed by
// typed messages after a `ready` handshake. Everything is built with DOM APIs and textContent, so text from scanned
// code can never become markup. Assumptions are editable; edits go back to the extension, which recomputes.
import { echarts } from './echarts-setup';
import type { FromWebview, ToWebview } from '../server/protocol';
import { showControlChars } from '../core/report/control-chars';

interface VsCodeApi { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

type Report = Extract<ToWebview, { type: 'report' }>;
interface Table { columns: string[]; rows: string[][]; numeric?: number[] }
interface Section { id: string; title: string; paragraphs: string[]; tables: Array<{ caption?: string; table: Table }>; bullets: string[]; charts: string[]; children?: Section[] }

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const view = document.body.dataset.view === 'sidebar' ? 'sidebar' : 'panel';
let charts: echarts.ECharts[] = [];
let pending: ReturnType<typeof setTimeout> | undefined;
const edits: Record<string, number> = ((vscode.getState() as { edits?: Record<string, number> } | undefined)?.edits) ?? {};

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

function table(t: Table, caption?: string): HTMLTableElement {
  const tab = el('table');
  if (caption) tab.append(el('caption', caption));
  const head = el('tr');
  for (const c of t.columns) head.append(el('th', c));
  const thead = el('thead');
  thead.append(head);
  tab.append(thead);
  const body = el('tbody');
  for (const r of t.rows) {
    const tr = el('tr');
    r.forEach((c, i) => tr.append(el('td', c, t.numeric?.includes(i) ? 'num' : undefined)));
    body.append(tr);
  }
  tab.append(body);
  return tab;
}

/** Fills `{0}`, `{1}` of a page string (the strings come from the server in the user's language). */
const fill = (template: string, ...args: string[]): string => template.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');

function assumptionsEditor(msg: Report): HTMLElement {
  const box = el('section');
  box.id = 'assumptions-editor';
  box.append(el('h2', fill(msg.result.strings.editTitle, msg.profileLabel ?? msg.result.report.profile)));
  const grid = el('div', undefined, 'assumptions');
  for (const a of msg.result.report.assumptions) {
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

function renderSection(s: Section, depth: number, specs: Report['result']['charts']): HTMLElement {
  const sec = el('section');
  sec.id = s.id;
  sec.append(el(depth <= 2 ? 'h2' : 'h3', s.title));
  for (const p of s.paragraphs) sec.append(el('p', p));
  for (const t of s.tables) sec.append(table(t.table, t.caption));
  if (s.bullets.length) {
    const ul = el('ul');
    for (const b of s.bullets) ul.append(el('li', b));
    sec.append(ul);
  }
  for (const id of s.charts) {
    const spec = specs.find((c) => c.id === id);
    if (!spec) continue;
    const box = el('div', undefined, 'chart');
    box.dataset.chart = id;
    sec.append(box);
    queueMicrotask(() => {
      const chart = echarts.init(box, undefined, { renderer: 'svg' });
      chart.setOption(themed(spec.option));
      box.dataset.rendered = 'echarts';
      charts.push(chart);
    });
  }
  for (const c of s.children ?? []) sec.append(renderSection(c, depth + 1, specs));
  return sec;
}

/** Chart colours follow the VS Code theme (its CSS variables), not ECharts' light defaults. */
function themed(option: Record<string, unknown>): Record<string, unknown> {
  const css = getComputedStyle(document.body);
  const fg = css.getPropertyValue('--vscode-foreground').trim() || '#ccc';
  const line = css.getPropertyValue('--vscode-panel-border').trim() || '#555';
  const text = { color: fg };
  const axis = (a: unknown): unknown => (Array.isArray(a) ? a.map(axis) : { ...(a as object), axisLabel: { color: fg }, nameTextStyle: { color: fg }, axisLine: { lineStyle: { color: line } }, splitLine: { lineStyle: { color: line, opacity: 0.4 } } });
  return { ...option, textStyle: text, title: { ...(option.title as object), textStyle: { ...((option.title as { textStyle?: object })?.textStyle), color: fg } }, legend: { ...(option.legend as object), textStyle: text }, xAxis: axis(option.xAxis), yAxis: axis(option.yAxis) };
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
  if (view === 'sidebar') {
    // The headline numbers only: GPU fit, nodes per role of the recommended engine, monthly cost.
    const rec = msg.result.report.recommendation;
    const engine = rec ? msg.result.report.engines.find((e) => e.engine === rec.engine) : undefined;
    if (engine) root.append(table({ columns: [t.role, t.nodes], rows: engine.roles.map((r) => [r.name, `${r.count}${r.dedicated ? '' : ` (${t.shared})`}`]) }, fill(t.perMonth, engine.title, `$${Math.round(engine.monthlyUsd).toLocaleString('en-US')}`)));
    return;
  }
  root.append(assumptionsEditor(msg));
  for (const s of msg.result.sections) {
    if (s.id === 'summary' || s.id === 'assumptions') continue;
    root.append(renderSection(s as Section, 2, msg.result.charts));
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
