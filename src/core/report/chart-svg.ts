// Server-side SVG of a chart spec with ECharts' SSR renderer: the fallback wherever the chart library cannot run
// (Markdown in a pull request, a page with scripts blocked). No DOM, no canvas, no network.
import type * as Echarts from 'echarts';
import type { ChartSpec } from './charts';
import { loadVendor } from '../vendor';

export function chartToSvg(spec: ChartSpec, width = 720, height = spec.height ?? 360): string {
  // Loaded when a chart is drawn, not at start-up (ECharts is 4 MB of JavaScript the analysis never needs).
  const echarts = loadVendor<typeof Echarts>('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(spec.option as Echarts.EChartsOption);
    // ECharts numbers its class names and clip-path ids from process-wide counters (zr3-cls-19, zr3-c2): renumber
    // them in order of appearance under the chart's id, so the output is deterministic and two charts in one page
    // never share a class with different styles.
    const names = new Map<string, string>();
    return chart.renderToSVGString().replace(/\bzr\d+-(cls-|c)(\d+)\b/g, (token: string, kind: string) => {
      let name = names.get(token);
      if (!name) names.set(token, (name = `${spec.id}-${kind}${names.size}`));
      return name;
    });
  } finally {
    chart.dispose(); // releases its timers; without this a CLI run would not exit
  }
}
