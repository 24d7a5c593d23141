// Browser script of the HTML sizing report: draws each chart from the JSON spec embedded in the page, replacing
// the server-rendered SVG fallback. Bundled (ECharts included) into the page itself: nothing is fetched.
import { echarts } from './echarts-setup';
import { themedOption } from './chart-theme';

interface Spec {
  id: string;
  option: Record<string, unknown>;
}

function draw(): void {
  const data = document.getElementById('chart-data');
  if (!data?.textContent) return;
  const specs = JSON.parse(data.textContent) as Spec[];
  // The page's colours (--fg, --line switch with prefers-color-scheme), so a dark page gets light chart text.
  const css = getComputedStyle(document.documentElement);
  const colours = { fg: css.getPropertyValue('--fg').trim() || '#1f2328', line: css.getPropertyValue('--line').trim() || '#d1d9e0' };
  const charts: echarts.ECharts[] = [];
  for (const spec of specs) {
    const el = document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(spec.id)}"]`);
    if (!el) continue;
    el.textContent = ''; // the SVG fallback goes; the live chart takes its place
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption(themedOption(spec.option, colours));
    el.dataset.rendered = 'echarts';
    charts.push(chart);
  }
  (window as unknown as { __charts: echarts.ECharts[] }).__charts = charts;
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
}

draw();
