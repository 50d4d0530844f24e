// Native Excel charts from the report's chart descriptions (ExcelApi 1.7: series ranges, chart types,
// markers, point colours; 1.8: label contents and axis formats). Each chart is made from its first
// series' data in the shape its type reads — one column of values, or for a bubble chart the X, Y and
// size columns side by side, as in Microsoft's bubble-chart sample — and every series, the first
// included, is then pointed at its own ranges, so nothing depends on how Excel guesses series from a
// source range.
import { columnLetter } from '../../engine/address';
import type { ChartSeries, ChartSpec, RangeRef } from '../../report/model';
import { areaAddress, parseAddress } from '../address';
import { hex } from './looks';

const CHART_TYPE = {
  scatter: 'XYScatter',
  bubble: 'Bubble',
  bar: 'BarClustered',
  column: 'ColumnClustered',
} as const satisfies Record<ChartSpec['kind'], string>;

const MARKER = {
  circle: 'Circle',
  diamond: 'Diamond',
  square: 'Square',
  triangle: 'Triangle',
  none: 'None',
} as const satisfies Record<NonNullable<ChartSeries['marker']>, string>;

function styleSeries(series: Excel.ChartSeries, spec: ChartSpec, s: ChartSeries): void {
  if (spec.kind === 'scatter') {
    series.chartType = s.line ? 'XYScatterLines' : 'XYScatter';
    if (s.line) series.format.line.color = hex(s.color);
    series.markerStyle = MARKER[s.marker ?? (s.line ? 'none' : 'circle')];
    if (s.marker !== 'none') {
      series.markerBackgroundColor = hex(s.color);
      series.markerForegroundColor = hex(s.color);
      if (s.markerSize) series.markerSize = s.markerSize;
    }
  } else series.format.fill.setSolidColor(hex(s.color));
  s.pointColors?.forEach((c, i) => series.points.getItemAt(i).format.fill.setSolidColor(hex(c)));
  if (s.labels) {
    series.hasDataLabels = true;
    series.dataLabels.showSeriesName = s.labels === 'seriesName';
    series.dataLabels.showValue = s.labels === 'value';
  }
}

/**
 * The range a chart is made from: the first series' values, or for a bubble chart its X, Y and size
 * columns as one block (the report lays them out so: same sheet, same rows, adjacent columns in that
 * order). A bubble chart made from one column is not a shape Excel documents.
 */
export function chartSource(spec: ChartSpec): RangeRef {
  const first = spec.series[0]!;
  if (spec.kind !== 'bubble') return first.y;
  const columns = [first.x, first.y, first.size].map((r) =>
    r && r.sheet === first.x.sheet ? parseAddress(r.range).area : null,
  );
  const x = columns[0]!;
  const side = columns.every(
    (a, k) => a && a.left === a.right && a.left === x.left + k && a.top === x.top && a.bottom === x.bottom,
  );
  if (!side)
    throw new Error(`The bubble chart "${spec.title}" needs its X, Y and size data in adjacent columns.`);
  return { sheet: first.x.sheet, range: areaAddress({ ...x, right: x.left + 2 }) };
}

/** Queues one chart on `worksheet`; `rangeOf` gives the range of a report range on any output sheet. */
export function addChart(
  worksheet: Excel.Worksheet,
  spec: ChartSpec,
  rangeOf: (ref: RangeRef) => Excel.Range,
): void {
  const first = spec.series[0];
  if (!first) return;
  const chart = worksheet.charts.add(CHART_TYPE[spec.kind], rangeOf(chartSource(spec)), 'Columns');
  chart.title.text = spec.title;
  if (spec.xTitle) chart.axes.categoryAxis.title.text = spec.xTitle;
  if (spec.yTitle) chart.axes.valueAxis.title.text = spec.yTitle;
  if (spec.xFormat) chart.axes.categoryAxis.numberFormat = spec.xFormat;
  if (spec.yFormat) chart.axes.valueAxis.numberFormat = spec.yFormat;
  chart.legend.position = 'Bottom';
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    // Also on the first series: what Excel guessed from the source range is replaced, not relied on.
    series.setValues(rangeOf(s.y));
    series.setXAxisValues(rangeOf(s.x));
    if (s.size) series.setBubbleSizes(rangeOf(s.size));
    styleSeries(series, spec, s);
  });
  const topLeft = `${columnLetter(spec.col)}${spec.row}`;
  const bottomRight = `${columnLetter(spec.col + spec.width - 1)}${spec.row + spec.height - 1}`;
  chart.setPosition(topLeft, bottomRight);
}
