// Native Excel charts for the .xlsx writer: ExcelJS cannot write charts, so this adds DrawingML parts
// (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships and content types) to the package.
import type { ChartSeries, ChartSpec } from '../../report/model';
import { CONTENT_TYPE, REL, type Relationship, type XlsxPackage } from './package';
import { escapeXml } from './xml';

/** A series with its ranges as absolute references and the values they held when written. */
export interface ResolvedSeries {
  spec: ChartSeries;
  x: { ref: string; values: (number | string | null)[] };
  y: { ref: string; values: (number | null)[] };
  size?: { ref: string; values: (number | null)[] };
}

export interface ResolvedChart {
  spec: ChartSpec;
  series: ResolvedSeries[];
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const X_AXIS = 500100;
const Y_AXIS = 500200;

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? '1' : '0';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${b}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size = 1200): string {
  return `<c:title>${rich(text, size, true)}<c:overlay val="0"/></c:title>`;
}

function numRef(ref: string, values: readonly (number | string | null)[], format = 'General'): string {
  const pts = values
    .map((v, i) =>
      typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '',
    )
    .join('');
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function strRef(ref: string, values: readonly (number | string | null)[]): string {
  const pts = values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

const fill = (hex: string) => `<a:solidFill><a:srgbClr val="${hex}"/></a:solidFill>`;

function dataLabels(kind: 'seriesName' | 'value', position: string, format?: string): string {
  return (
    `<c:dLbls>${format ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` : ''}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="1"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="${kind === 'value' ? 1 : 0}"/>` +
    `<c:showCatName val="0"/><c:showSerName val="${kind === 'seriesName' ? 1 : 0}"/><c:showPercent val="0"/>` +
    `<c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function scatterSeries(s: ResolvedSeries, i: number): string {
  const sp = s.spec;
  const line = sp.line ? `<a:ln w="28575">${fill(sp.color)}</a:ln>` : '<a:ln w="28575"><a:noFill/></a:ln>';
  const marker =
    sp.marker === 'none'
      ? '<c:marker><c:symbol val="none"/></c:marker>'
      : `<c:marker><c:symbol val="${sp.marker ?? 'circle'}"/><c:size val="${sp.markerSize ?? 7}"/>` +
        `<c:spPr>${fill(sp.color)}<a:ln>${fill(sp.color)}</a:ln></c:spPr></c:marker>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(sp.name)}</c:v></c:tx>` +
    `<c:spPr>${line}</c:spPr>${marker}` +
    (sp.labels ? dataLabels(sp.labels, 'r') : '') +
    `<c:xVal>${numRef(s.x.ref, s.x.values)}</c:xVal><c:yVal>${numRef(s.y.ref, s.y.values)}</c:yVal>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

function bubbleSeries(s: ResolvedSeries, i: number): string {
  const sp = s.spec;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(sp.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${sp.color}"><a:alpha val="70000"/></a:srgbClr></a:solidFill>` +
    `<a:ln w="6350"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:xVal>${numRef(s.x.ref, s.x.values)}</c:xVal><c:yVal>${numRef(s.y.ref, s.y.values)}</c:yVal>` +
    `<c:bubbleSize>${numRef(s.size?.ref ?? s.y.ref, s.size?.values ?? s.y.values)}</c:bubbleSize>` +
    `<c:bubble3D val="0"/></c:ser>`
  );
}

function barSeries(s: ResolvedSeries, i: number, format?: string): string {
  const sp = s.spec;
  const points = (sp.pointColors ?? [])
    .map(
      (c, k) =>
        `<c:dPt><c:idx val="${k}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(c)}</c:spPr></c:dPt>`,
    )
    .join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(sp.name)}</c:v></c:tx>` +
    `<c:spPr>${fill(sp.color)}</c:spPr><c:invertIfNegative val="0"/>${points}` +
    (sp.labels ? dataLabels(sp.labels, 'outEnd', format) : '') +
    `<c:cat>${strRef(s.x.ref, s.x.values)}</c:cat><c:val>${numRef(s.y.ref, s.y.values)}</c:val></c:ser>`
  );
}

const GRID =
  '<c:majorGridlines><c:spPr><a:ln w="6350">' + fill('D9D9D9') + '</a:ln></c:spPr></c:majorGridlines>';
const AXIS_TEXT =
  '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>';

function valAx(
  id: number,
  cross: number,
  pos: 'b' | 'l',
  t: string | undefined,
  format: string | undefined,
  grid: boolean,
): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${pos}"/>${grid ? GRID : ''}${t ? title(t, 1000) : ''}` +
    `<c:numFmt formatCode="${escapeXml(format ?? 'General')}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_TEXT}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

function catAx(id: number, cross: number, pos: 'b' | 'l', t: string | undefined): string {
  return (
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${pos === 'l' ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${pos}"/>${t ? title(t, 1000) : ''}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_TEXT}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/**
 * The value axis of a bar chart. Horizontal bars list categories top-down (a reversed category axis),
 * so the value axis crosses at the last category to stay at the bottom.
 */
function barValAx(
  id: number,
  cross: number,
  pos: 'b' | 'l',
  t: string | undefined,
  format: string | undefined,
): string {
  const ax = valAx(id, cross, pos, t, format, true).replace(
    '<c:crossBetween val="midCat"/>',
    '<c:crossBetween val="between"/>',
  );
  return pos === 'b' ? ax.replace('<c:crosses val="autoZero"/>', '<c:crosses val="max"/>') : ax;
}

/** The chartN.xml part of one chart. */
export function chartXml(chart: ResolvedChart): string {
  const s = chart.spec;
  let plot: string;
  if (s.kind === 'scatter') {
    plot =
      `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>` +
      chart.series.map(scatterSeries).join('') +
      `<c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:scatterChart>` +
      valAx(X_AXIS, Y_AXIS, 'b', s.xTitle, s.xFormat, false) +
      valAx(Y_AXIS, X_AXIS, 'l', s.yTitle, s.yFormat, true);
  } else if (s.kind === 'bubble') {
    plot =
      `<c:bubbleChart><c:varyColors val="0"/>` +
      chart.series.map(bubbleSeries).join('') +
      `<c:bubbleScale val="30"/><c:showNegBubbles val="0"/>` +
      `<c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:bubbleChart>` +
      valAx(X_AXIS, Y_AXIS, 'b', s.xTitle, s.xFormat, false) +
      valAx(Y_AXIS, X_AXIS, 'l', s.yTitle, s.yFormat, true);
  } else {
    const horizontal = s.kind === 'bar';
    plot =
      `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      chart.series.map((x, i) => barSeries(x, i, s.yFormat)).join('') +
      `<c:gapWidth val="60"/><c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/></c:barChart>` +
      catAx(X_AXIS, Y_AXIS, horizontal ? 'l' : 'b', s.xTitle) +
      barValAx(Y_AXIS, X_AXIS, horizontal ? 'b' : 'l', s.yTitle, s.yFormat);
  }
  const legend =
    chart.series.length > 1
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${AXIS_TEXT}</c:legend>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(s.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525">${fill('D9D9D9')}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The drawingN.xml part: one two-cell anchor per chart, chart k related as rId(k+1). */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((c, k) => {
    // DrawingML rows and columns are 0-based.
    const from = `<xdr:from><xdr:col>${c.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
    const to = `<xdr:to><xdr:col>${c.col - 1 + c.width}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row - 1 + c.height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${from}${to}<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeXml(`Chart ${k + 1}`)}" descr="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join('')}</xdr:wsDr>`;
}

/**
 * Writes the chart parts and one drawing part holding them (with relationships and content types);
 * returns the drawing's path, for the sheet to relate to.
 */
export function addChartParts(
  pkg: XlsxPackage,
  charts: readonly ResolvedChart[],
  reserved: Set<string>,
): string {
  const drawing = pkg.freePath('xl/drawings/drawing', '.xml', reserved);
  reserved.add(drawing);
  const rels: Relationship[] = charts.map((chart, k) => {
    const path = pkg.freePath('xl/charts/chart', '.xml', reserved);
    reserved.add(path);
    pkg.write(path, chartXml(chart));
    pkg.setContentType(path, CONTENT_TYPE.chart);
    return {
      id: `rId${k + 1}`,
      type: REL.chart,
      target: `../charts/${path.slice(path.lastIndexOf('/') + 1)}`,
      external: false,
    };
  });
  pkg.write(drawing, drawingXml(charts.map((c) => c.spec)));
  pkg.writeRels(drawing, rels);
  pkg.setContentType(drawing, CONTENT_TYPE.drawing);
  return drawing;
}
