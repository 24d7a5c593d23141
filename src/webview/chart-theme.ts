// Chart colours from the page's own colours (VS Code's theme variables in the editor, the report's light/dark
// variables in the HTML page), not ECharts' light defaults: text, axis lines and grid lines follow the scheme.
export interface ChartColours {
  fg: string;
  line: string;
}

export function themedOption(option: Record<string, unknown>, { fg, line }: ChartColours): Record<string, unknown> {
  const text = { color: fg };
  // Keeps each axis's own label options (the GPU chart's width and ellipsis) and adds the colours.
  const axis = (a: unknown): unknown =>
    Array.isArray(a)
      ? a.map(axis)
      : a === undefined
        ? a
        : {
            ...(a as object),
            axisLabel: { ...(a as { axisLabel?: object }).axisLabel, color: fg },
            nameTextStyle: { color: fg },
            axisLine: { lineStyle: { color: line } },
            splitLine: { lineStyle: { color: line, opacity: 0.4 } },
          };
  const title = option.title as { textStyle?: object; subtextStyle?: object } | undefined;
  const series = Array.isArray(option.series)
    ? option.series.map((s: { markLine?: { label?: object } }) =>
        s.markLine ? { ...s, markLine: { ...s.markLine, label: { ...s.markLine.label, color: fg } } } : s,
      )
    : option.series;
  return {
    ...option,
    textStyle: text,
    title: { ...title, textStyle: { ...title?.textStyle, color: fg }, subtextStyle: { ...title?.subtextStyle, color: fg, opacity: 0.8 } },
    legend: { ...(option.legend as object), textStyle: text },
    xAxis: axis(option.xAxis),
    yAxis: axis(option.yAxis),
    series,
  };
}
