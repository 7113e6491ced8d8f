import { escapeHtml } from '../format'
import type { ChartLabels } from './labels'

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
  /** Colour squares of the series legend, in pixels. */
  readonly swatches: readonly { readonly x: number; readonly y: number; readonly size: number; readonly color: string }[]
  /** Milestone lines left out for lack of room (they stay in the notes, the CSV and the HTML file). */
  readonly omittedMilestones: number
}

export interface LayoutInput {
  readonly width: number
  /** Fixed total height (a slide), or null to grow around a chart of `chartHeight`. */
  readonly height: number | null
  readonly chartHeight: number
  readonly labels: ChartLabels
  /** The series legend: each line's name and colour, as drawn. */
  readonly legend?: readonly { readonly name: string; readonly color: string }[]
  readonly milestoneKeyTitle: string
  readonly exportedOn: string
  /** "and {n} more" */
  readonly more: (n: number) => string
  /** Base font size in pixels; defaults from the width. */
  readonly fontSize?: number
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
      lines.push(word.slice(0, max))
      word = word.slice(max)
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
  const keySize = Math.round(f * 0.82)
  const footSize = Math.round(f * 0.8)
  const sourceLines = wrapText(labels.sourceLine, inner, footSize)

  // Legend: entries in columns, each name wrapped in its column; a row is as tall as its tallest entry.
  const legend = input.legend ?? []
  const legendColumns = Math.max(1, Math.min(legend.length, Math.floor(inner / (f * 22))))
  const legendWidth = inner / legendColumns
  const swatchSize = Math.round(keySize * 0.8)
  const legendLines = legend.map((entry) => wrapText(entry.name, legendWidth - swatchSize - f, keySize))
  const legendRows: number[] = []
  legendLines.forEach((lines, i) => {
    const row = Math.floor(i / legendColumns)
    legendRows[row] = Math.max(legendRows[row] ?? 0, lines.length)
  })
  const legendHeight = legendRows.reduce((sum, n) => sum + n * line(keySize) + Math.round(f * 0.25), 0) + (legend.length ? Math.round(f * 0.4) : 0)

  const headHeight = pad + titleLines.length * line(titleSize) + subtitleLines.length * line(f) + Math.round(f * 0.6)
  const footHeight = (sourceLines.length + (input.exportedOn ? 1 : 0)) * line(footSize) + pad

  // Milestone key: each line wrapped in its column; columns filled top to bottom.
  const keyCount = labels.milestoneKey.length
  const columns = Math.max(1, Math.floor(inner / (f * 30)))
  const columnWidth = inner / columns
  const keyItems = labels.milestoneKey.map((text) => wrapText(text, columnWidth - f, keySize))
  const keyHead = keyCount ? line(f) + Math.round(f * 0.4) : 0
  const totalLines = keyItems.reduce((n, lines) => n + lines.length, 0)
  let chartHeight = input.chartHeight
  let height: number
  let columnLines: number
  if (input.height === null) {
    columnLines = Math.max(...keyItems.map((l) => l.length), Math.ceil(totalLines / columns), 0)
  } else {
    const room = input.height - headHeight - footHeight - keyHead - legendHeight
    columnLines = Math.max(0, Math.floor((room - Math.round(input.height * MIN_CHART_SHARE)) / line(keySize)))
  }
  // Fill the columns in order; what does not fit is counted in a last line ("and 3 more").
  const placed: { lines: string[]; column: number; row: number }[] = []
  let column = 0
  let row = 0
  for (const lines of keyItems) {
    if (row + lines.length > columnLines) {
      column++
      row = 0
    }
    if (column >= columns || lines.length > columnLines) break
    placed.push({ lines, column, row })
    row += lines.length
  }
  if (placed.length < keyCount && placed.length > 0) {
    // Make room for the "more" line at the end of the last column.
    const last = placed[placed.length - 1]!
    if (last.row + last.lines.length + 1 > columnLines) placed.pop()
  }
  // The "more" line goes under the last placed item, in its column.
  const lastPlaced = placed[placed.length - 1]
  const moreRow = placed.length < keyCount ? (lastPlaced ? lastPlaced.row + lastPlaced.lines.length : 0) + 1 : 0
  const usedLines = Math.max(0, moreRow, ...placed.map((p) => p.row + p.lines.length))
  const keyShown = keyCount > 0 && columnLines > 0
  if (input.height === null) {
    height = headHeight + chartHeight + legendHeight + (keyShown ? keyHead + usedLines * line(keySize) : 0) + footHeight
  } else {
    height = input.height
    chartHeight = height - headHeight - footHeight - legendHeight - (keyShown ? keyHead + usedLines * line(keySize) : 0)
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
  y += Math.round(f * 0.6)
  const chart = { x: 0, y, width, height: chartHeight }
  y += chartHeight
  const swatches: ExportLayout['swatches'][number][] = []
  let rowTop = y
  legendLines.forEach((lines, i) => {
    const legendRow = Math.floor(i / legendColumns)
    if (i > 0 && i % legendColumns === 0) rowTop += (legendRows[legendRow - 1] ?? 1) * line(keySize) + Math.round(f * 0.25)
    const x = Math.round(pad + (i % legendColumns) * legendWidth)
    swatches.push({ x, y: rowTop + Math.round((line(keySize) - swatchSize) / 2), size: swatchSize, color: legend[i]!.color })
    lines.forEach((text, k) => {
      texts.push({ text, x: x + swatchSize + Math.round(keySize * 0.4), y: rowTop + (k + 1) * line(keySize) - Math.round(keySize * 0.3), size: keySize, color: INK })
    })
  })
  y += legendHeight
  if (keyShown) {
    y += keyHead
    texts.push({ text: input.milestoneKeyTitle, x: pad, y: y - Math.round(f * 0.5), size: f, bold: true, color: INK })
    for (const p of placed) {
      p.lines.forEach((text, k) => {
        texts.push({
          text,
          x: Math.round(pad + p.column * columnWidth + (k > 0 ? keySize : 0)),
          y: y + (p.row + k + 1) * line(keySize) - Math.round(keySize * 0.3),
          size: keySize,
          color: INK,
        })
      })
    }
    if (placed.length < keyCount) {
      const last = placed[placed.length - 1]
      const at = last ? { column: last.column, row: last.row + last.lines.length } : { column: 0, row: 0 }
      texts.push({
        text: input.more(keyCount - placed.length),
        x: Math.round(pad + at.column * columnWidth),
        y: y + (at.row + 1) * line(keySize) - Math.round(keySize * 0.3),
        size: keySize,
        color: MUTED,
      })
    }
    y += usedLines * line(keySize)
  }
  for (const text of sourceLines) {
    y += line(footSize)
    texts.push({ text, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: SOFT })
  }
  if (input.exportedOn) {
    y += line(footSize)
    texts.push({ text: input.exportedOn, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: MUTED })
  }
  return { width, height: Math.round(height), chart, texts, swatches, omittedMilestones: keyShown ? keyCount - placed.length : keyCount }
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
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT}" role="img" aria-labelledby="vigie-title vigie-desc">`,
    `<title id="vigie-title">${escapeHtml(title)}</title>`,
    `<desc id="vigie-desc">${escapeHtml(description)}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    ...layout.swatches.map((w) => `<rect x="${w.x}" y="${w.y}" width="${w.size}" height="${w.size}" fill="${escapeHtml(w.color)}"/>`),
    ...texts,
    `<g transform="translate(${layout.chart.x},${layout.chart.y})${chartScale !== 1 ? ` scale(${chartScale})` : ''}">${chart}</g>`,
    '</svg>',
  ].join('\n')
}
