import { cutText, graphemes, xmlSafe } from '../xmlText'
import { escapeHtml } from '../format'
import type { ChartLabels } from './labels'
import type { ChartSeries } from '../chart/chartState'
import { legendMarkSvg } from '../chart/legendMark'

/** A line of text placed on the export: position in pixels, size, weight and colour. */
export interface PlacedText {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly size: number
  readonly bold?: boolean
  readonly color: string
}

/** Where everything goes on an exported image: the chart's box and every line of text around it. */
export interface ExportLayout {
  readonly width: number
  readonly height: number
  readonly chart: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  readonly texts: readonly PlacedText[]
  /** The legend's marks (each line's stroke and symbol, as drawn), at (x, y) in pixels, `scale` × 28×12 px. */
  readonly swatches: readonly LegendMarkPlace[]
  /** Milestone lines left out for lack of room (they stay in the notes, the CSV and the HTML file). */
  readonly omittedMilestones: number
  /** The legend's type size in pixels (it shrinks on a crowded fixed-size image). */
  readonly legendSize: number
}

export interface LayoutInput {
  readonly width: number
  /** Fixed total height (a slide), or null to grow around a chart of `chartHeight`. */
  readonly height: number | null
  readonly chartHeight: number
  readonly labels: ChartLabels
  /** The series legend: each line's name, colour and symbol, as drawn. */
  readonly legend?: readonly LegendItem[]
  readonly milestoneKeyTitle: string
  readonly exportedOn: string
  /** "and {n} more" */
  readonly more: (n: number) => string
  /** Base font size in pixels; defaults from the width. */
  readonly fontSize?: number
}

/** A legend entry of an export: the line's name and how it is drawn. */
export interface LegendItem {
  readonly name: string
  readonly color: string
  readonly symbol: ChartSeries['symbol']
}

export interface LegendMarkPlace {
  readonly x: number
  readonly y: number
  readonly scale: number
  readonly color: string
  readonly symbol: ChartSeries['symbol']
}

const INK = '#111827'
const SOFT = '#374151'
const MUTED = '#6b7280'
/** Average glyph width of a sans-serif face, as a share of the font size (bold a little wider). */
const GLYPH = 0.56

/** Greedy word wrap to a width in pixels, by the average glyph width; a word longer than a line is split, never cut. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const max = Math.max(4, Math.floor(width / (size * (bold ? GLYPH + 0.05 : GLYPH))))
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line)
      line = ''
      // By whole characters: a split inside an emoji leaves half of it, which no file can hold.
      const head = cutText(word, max) || graphemes(word)[0]!
      lines.push(head)
      word = word.slice(head.length)
    }
    const next = line ? `${line} ${word}` : word
    if (next.length <= max) line = next
    else {
      if (line) lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Items placed in order in columns of `columnLines` lines, none split: each item's column and first row. */
function fillColumns(items: readonly (readonly string[])[], columnLines: number): { lines: string[]; column: number; row: number }[] {
  const placed: { lines: string[]; column: number; row: number }[] = []
  let column = 0
  let row = 0
  for (const lines of items) {
    if (row + lines.length > columnLines) {
      column++
      row = 0
    }
    placed.push({ lines: [...lines], column, row })
    row += lines.length
  }
  return placed
}

/** How many columns of `columnLines` lines the items take when filled in order, none split. */
function columnsNeeded(items: readonly (readonly string[])[], columnLines: number): number {
  return (fillColumns(items, columnLines).at(-1)?.column ?? 0) + 1
}

/** The width share of the milestone key's column beside the chart on a fixed-size image. */
export const SIDE_KEY_SHARE = 0.24
/** Wider key columns tried, in order, when the key does not list every milestone drawn in its own type. */
const WIDER_KEY_SHARES = [0.3, 0.36, 0.42]

/** The share of a fixed-size image (a slide) the chart keeps at least: the key gives way first. */
export const MIN_CHART_SHARE = 2 / 3

/**
 * Lays out an exported chart: title and subtitle above, the chart, its legend, then the milestone
 * key in columns, the source line and the export date. Every text is wrapped, never cut. On a
 * fixed-size slide the key gives way (its remaining lines are counted) before the chart drops under
 * two thirds of the height.
 */
export function layoutExport(input: LayoutInput): ExportLayout {
  const { width, labels } = input
  const f = input.fontSize ?? Math.min(16, Math.max(11, Math.round(width / 70)))
  const pad = Math.round(f * 1.5)
  const inner = width - 2 * pad
  const line = (size: number) => Math.round(size * 1.3)
  const texts: PlacedText[] = []

  const titleSize = Math.round(f * 1.6)
  const titleLines = wrapText(labels.title, inner, titleSize, true)
  const subtitleLines = wrapText(labels.subtitle, inner, f)
  // Words a link chose are marked as such, and Vigie's own subtitle follows them.
  const markSize = Math.round(f * 0.8)
  const markLines = labels.chosenBy ? wrapText(labels.chosenBy, inner, markSize) : []
  const ownLines = labels.ownSubtitle ? wrapText(labels.ownSubtitle, inner, f) : []
  const keySize = Math.round(f * 0.82)
  const footSize = Math.round(f * 0.8)
  // The presenter's note first, then the sources.
  // "Compare before and after" goes with the note: the figures, the method and the warning, never apart.
  const sourceLines = [
    ...(labels.note ? wrapText(labels.note, inner, footSize) : []),
    ...(labels.compare ?? []).flatMap((line) => wrapText(line, inner, footSize)),
    ...wrapText(labels.sourceLine, inner, footSize),
  ]

  const headHeight = pad + titleLines.length * line(titleSize) + (subtitleLines.length + ownLines.length) * line(f) + markLines.length * line(markSize) + Math.round(f * 0.6)
  const footHeight = (sourceLines.length + (input.exportedOn ? 1 : 0)) * line(footSize) + pad

  // Legend: entries in columns, each name wrapped in its column; a row is as tall as its tallest entry.
  // On a fixed-size image a long legend gets smaller type and more columns (never cut), so that it
  // takes at most half of what the chart leaves; the milestone key gets the rest.
  const legend = input.legend ?? []
  const legendFor = (size: number) => {
    const columns = Math.max(1, Math.min(legend.length, Math.floor(inner / (size * 26))))
    const width = inner / columns
    // The mark is 28×12 at scale 1: about twice the type's size wide, nearly as tall as a capital.
    const swatch = Math.round(size * 1.8)
    const lines = legend.map((entry) => wrapText(entry.name, width - swatch - size, size))
    const rows: number[] = []
    lines.forEach((l, i) => {
      const row = Math.floor(i / columns)
      rows[row] = Math.max(rows[row] ?? 0, l.length)
    })
    const height = rows.reduce((sum, n) => sum + n * line(size) + Math.round(size * 0.25), 0) + (legend.length ? Math.round(f * 0.4) : 0)
    return { size, columns, width, swatch, lines, rows, height }
  }
  let legendLayout = legendFor(keySize)
  // On a fixed-size image (a slide) the milestone key is a column beside the chart: below it, it
  // would get only what the chart's two thirds leave, too little to list the milestones drawn.
  const side = input.height !== null && labels.milestoneKey.length > 0
  let keyWidth = side ? Math.round(width * SIDE_KEY_SHARE) : 0
  if (input.height !== null) {
    const spare = input.height - headHeight - footHeight - Math.round(input.height * MIN_CHART_SHARE)
    // The largest type that leaves half the room to the key; else the largest that fits at all.
    const tries = [1, 0.85, 0.72, 0.62, 0.54, 0.48, 0.42].map((scale) => legendFor(Math.max(9, Math.round(keySize * scale))))
    legendLayout = tries.find((l) => l.height <= (side ? spare : spare / 2)) ?? tries.find((l) => l.height <= spare) ?? tries[tries.length - 1]!
  }
  const { columns: legendColumns, width: legendWidth, swatch: swatchSize, lines: legendLines, rows: legendRows, height: legendHeight, size: legendSize } = legendLayout

  // Milestone key: each line wrapped in its column; columns filled top to bottom. On a fixed-size
  // image the key takes what the chart and legend leave, in the largest type (down to about 60 %)
  // that lists every milestone; what still does not fit is counted ("and 3 more").
  const keyCount = labels.milestoneKey.length
  const keyHead = keyCount ? line(f) + Math.round(f * 0.4) : 0
  const keyFor = (size: number, lineBudget: number | null) => {
    const columns = side ? 1 : Math.max(1, Math.floor(inner / (size * 36)))
    const columnWidth = side ? keyWidth - pad : inner / columns
    const items = labels.milestoneKey.map((text) => wrapText(text, columnWidth - size, size))
    const total = items.reduce((n, l) => n + l.length, 0)
    let columnLines: number
    if (lineBudget === null) {
      // As short as the columns can be with every item placed whole, in order.
      columnLines = Math.max(...items.map((l) => l.length), Math.ceil(total / columns), 0)
      while (columnLines > 0 && columnsNeeded(items, columnLines) > columns) columnLines++
    } else columnLines = Math.max(0, lineBudget)
    // Keep the items that fit, in order, up to the first one that does not.
    const filled = fillColumns(items, columnLines)
    const firstOut = filled.findIndex((p) => p.column >= columns || p.lines.length > columnLines)
    const placed = firstOut < 0 ? filled : filled.slice(0, firstOut)
    if (placed.length < keyCount && placed.length > 0) {
      // Make room for the "more" line at the end of the last column.
      const last = placed[placed.length - 1]!
      if (last.row + last.lines.length + 1 > columnLines) placed.pop()
    }
    const lastPlaced = placed[placed.length - 1]
    const moreRow = placed.length < keyCount ? (lastPlaced ? lastPlaced.row + lastPlaced.lines.length : 0) + 1 : 0
    const usedLines = Math.max(0, moreRow, ...placed.map((p) => p.row + p.lines.length))
    return { size, columnWidth, placed, usedLines, shown: keyCount > 0 && columnLines > 0 }
  }
  let chartHeight = input.chartHeight
  let height: number
  let key = keyFor(keySize, null)
  if (input.height !== null) {
    const room = side
      ? input.height - headHeight - footHeight - legendHeight - keyHead
      : input.height - headHeight - footHeight - keyHead - legendHeight - Math.round(input.height * MIN_CHART_SHARE)
    const sized = (scale: number) => {
      const size = Math.max(12, Math.round(keySize * scale))
      return keyFor(size, Math.floor(room / line(size)))
    }
    // Every milestone drawn listed in type as large as the slide's (a wider column before smaller type);
    // only then smaller type, and what still does not fit is counted.
    const large = [1]
    let whole = large.map(sized).find((k) => k.placed.length === keyCount)
    for (const share of side ? WIDER_KEY_SHARES : []) {
      if (whole) break
      keyWidth = Math.round(width * share)
      whole = large.map(sized).find((k) => k.placed.length === keyCount)
    }
    const tries = [0.85, 0.75, 0.65].map(sized)
    key = whole ?? tries.find((k) => k.placed.length === keyCount) ?? tries.reduce((best, k) => (k.placed.length > best.placed.length ? k : best))
  }
  const { size: keyTextSize, columnWidth, placed, usedLines, shown: keyShown } = key
  if (input.height === null) {
    height = headHeight + chartHeight + legendHeight + (keyShown ? keyHead + usedLines * line(keyTextSize) : 0) + footHeight
  } else {
    height = input.height
    chartHeight = height - headHeight - footHeight - legendHeight - (keyShown && !side ? keyHead + usedLines * line(keyTextSize) : 0)
  }

  let y = pad
  for (const text of titleLines) {
    y += line(titleSize)
    texts.push({ text, x: pad, y: y - Math.round(titleSize * 0.25), size: titleSize, bold: true, color: INK })
  }
  for (const text of subtitleLines) {
    y += line(f)
    texts.push({ text, x: pad, y: y - Math.round(f * 0.25), size: f, color: SOFT })
  }
  for (const text of markLines) {
    y += line(markSize)
    texts.push({ text, x: pad, y: y - Math.round(markSize * 0.25), size: markSize, color: MUTED })
  }
  for (const text of ownLines) {
    y += line(f)
    texts.push({ text, x: pad, y: y - Math.round(f * 0.25), size: f, color: SOFT })
  }
  y += Math.round(f * 0.6)
  const chart = { x: 0, y, width: width - keyWidth, height: chartHeight }
  const chartTop = y
  y += chartHeight
  const swatches: LegendMarkPlace[] = []
  let rowTop = y
  legendLines.forEach((lines, i) => {
    const legendRow = Math.floor(i / legendColumns)
    if (i > 0 && i % legendColumns === 0) rowTop += (legendRows[legendRow - 1] ?? 1) * line(legendSize) + Math.round(legendSize * 0.25)
    const x = Math.round(pad + (i % legendColumns) * legendWidth)
    const scale = swatchSize / 28
    swatches.push({ x, y: rowTop + Math.round((line(legendSize) - 12 * scale) / 2), scale, color: legend[i]!.color, symbol: legend[i]!.symbol })
    lines.forEach((text, k) => {
      texts.push({ text, x: x + swatchSize + Math.round(legendSize * 0.4), y: rowTop + (k + 1) * line(legendSize) - Math.round(legendSize * 0.3), size: legendSize, color: INK })
    })
  })
  y += legendHeight
  if (keyShown) {
    // Beside the chart from its top, or under the legend.
    const keyLeft = side ? width - keyWidth : pad
    const keyY = (side ? chartTop : y) + keyHead
    texts.push({ text: input.milestoneKeyTitle, x: keyLeft, y: keyY - Math.round(f * 0.5), size: f, bold: true, color: INK })
    for (const p of placed) {
      p.lines.forEach((text, k) => {
        texts.push({
          text,
          x: Math.round(keyLeft + p.column * columnWidth + (k > 0 ? keyTextSize : 0)),
          y: keyY + (p.row + k + 1) * line(keyTextSize) - Math.round(keyTextSize * 0.3),
          size: keyTextSize,
          color: INK,
        })
      })
    }
    if (placed.length < keyCount) {
      const last = placed[placed.length - 1]
      const at = last ? { column: last.column, row: last.row + last.lines.length } : { column: 0, row: 0 }
      texts.push({
        text: input.more(keyCount - placed.length),
        x: Math.round(keyLeft + at.column * columnWidth),
        y: keyY + (at.row + 1) * line(keyTextSize) - Math.round(keyTextSize * 0.3),
        size: keyTextSize,
        color: MUTED,
      })
    }
    if (!side) y = keyY + usedLines * line(keyTextSize)
  }
  for (const text of sourceLines) {
    y += line(footSize)
    texts.push({ text, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: SOFT })
  }
  if (input.exportedOn) {
    y += line(footSize)
    texts.push({ text: input.exportedOn, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: MUTED })
  }
  return { width, height: Math.round(height), chart, texts, swatches, omittedMilestones: keyShown ? keyCount - placed.length : keyCount, legendSize }
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif'

/**
 * The exported image as one SVG document: every label is a `<text>` (text stays text), the chart
 * an SVG drawn by ECharts nested at its place (drawn at 1/chartScale of its box and scaled up, so
 * its labels grow with a slide), title and description for screen readers.
 */
export function composeSvg(layout: ExportLayout, chartSvg: string, title: string, description: string, chartScale = 1): string {
  const chart = chartSvg.replace(/^<\?xml[^>]*>\s*/, '')
  const texts = layout.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.bold ? ' font-weight="700"' : ''} fill="${t.color}">${escapeHtml(t.text)}</text>`,
  )
  // A character XML forbids (a control character in a label) would make the file, and the PNG
  // drawn from it, unreadable: none gets through.
  return xmlSafe([
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT}" role="img" aria-labelledby="vigie-title vigie-desc">`,
    `<title id="vigie-title">${escapeHtml(title)}</title>`,
    `<desc id="vigie-desc">${escapeHtml(description)}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    ...layout.swatches.map((w) => legendMarkSvg({ colour: w.color, symbol: w.symbol }, w.x, w.y, Math.round(w.scale * 1000) / 1000)),
    ...texts,
    `<g transform="translate(${layout.chart.x},${layout.chart.y})${chartScale !== 1 ? ` scale(${chartScale})` : ''}">${chart}</g>`,
    '</svg>',
  ].join('\n'))
}
