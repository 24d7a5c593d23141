// Server-side SVG of a chart spec with ECharts' SSR renderer: the fallback wherever the chart library cannot run
// (Markdown in a pull request, a page with scripts blocked). No DOM, no canvas, no network.
import * as echarts from 'echarts';
import type { ChartSpec } from './charts';

export function chartToSvg(spec: ChartSpec, width = 720, height = 360): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(spec.option as echarts.EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose(); // releases its timers; without this a CLI run would not exit
  }
}
