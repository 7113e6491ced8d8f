import { xmlSafe } from '../xmlText'
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

/** Greedy word wrap to a width in pixels, by the average glyph width; long words are cut. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const max = Math.max(4, Math.floor(width / (size * (bold ? GLYPH + 0.05 : GLYPH))))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= max) line = next
    else {
      if (line) lines.push(line)
      line = word.length > max ? `${word.slice(0, max - 1)}…` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Cuts a line to a width in pixels with an ellipsis. */
export function fitText(text: string, width: number, size: number): string {
  const max = Math.max(4, Math.floor(width / (size * GLYPH)))
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * Lays out an exported chart: title and subtitle above, the chart, then the milestone key in
 * columns, the source line and the export date. On a fixed-size slide the key gives way (its
 * remaining lines are counted) before the chart drops under half the height.
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
  const columns = Math.max(1, Math.floor(inner / (f * 30)))
  const columnWidth = inner / columns
  const keyCount = labels.milestoneKey.length

  const legend = input.legend ?? []
  const legendColumns = Math.max(1, Math.floor(inner / (f * 24)))
  const legendRows = Math.ceil(legend.length / legendColumns)
  const legendHeight = legendRows * line(keySize) + (legend.length ? Math.round(f * 0.4) : 0)
  const headHeight = pad + titleLines.length * line(titleSize) + subtitleLines.length * line(f) + Math.round(f * 0.6)
  const footHeight = (sourceLines.length + (input.exportedOn ? 1 : 0)) * line(footSize) + pad
  const keyHead = keyCount ? line(f) + Math.round(f * 0.4) : 0
  let rows = Math.ceil(keyCount / columns)
  let chartHeight = input.chartHeight
  let height: number
  if (input.height === null) {
    height = headHeight + chartHeight + legendHeight + keyHead + rows * line(keySize) + footHeight
  } else {
    height = input.height
    const room = height - headHeight - footHeight - keyHead - legendHeight
    const minChart = Math.round(height * 0.5)
    const maxRows = Math.max(0, Math.floor((room - minChart) / line(keySize)))
    rows = Math.min(rows, maxRows)
    chartHeight = room - rows * line(keySize)
  }
  const shown = Math.min(keyCount, rows * columns)
  // When the key is cut, its last cell says how many lines are left out.
  const cut = shown < keyCount
  const listed = cut ? Math.max(0, shown - 1) : shown

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
  const legendWidth = inner / legendColumns
  legend.forEach((entry, i) => {
    const x = Math.round(pad + (i % legendColumns) * legendWidth)
    const top = y + Math.floor(i / legendColumns) * line(keySize)
    const size = Math.round(keySize * 0.8)
    swatches.push({ x, y: top + Math.round((line(keySize) - size) / 2), size, color: entry.color })
    texts.push({ text: fitText(entry.name, legendWidth - size - f, keySize), x: x + size + Math.round(keySize * 0.4), y: top + line(keySize) - Math.round(keySize * 0.3), size: keySize, color: INK })
  })
  y += legendHeight
  if (keyCount && rows > 0) {
    y += keyHead
    texts.push({ text: input.milestoneKeyTitle, x: pad, y: y - Math.round(f * 0.5), size: f, bold: true, color: INK })
    for (let i = 0; i < listed; i++) {
      const column = Math.floor(i / rows)
      const row = i % rows
      texts.push({
        text: fitText(labels.milestoneKey[i] ?? '', columnWidth - f, keySize),
        x: Math.round(pad + column * columnWidth),
        y: y + (row + 1) * line(keySize) - Math.round(keySize * 0.3),
        size: keySize,
        color: INK,
      })
    }
    if (cut) {
      const i = listed
      texts.push({
        text: input.more(keyCount - listed),
        x: Math.round(pad + Math.floor(i / rows) * columnWidth),
        y: y + ((i % rows) + 1) * line(keySize) - Math.round(keySize * 0.3),
        size: keySize,
        color: MUTED,
      })
    }
    y += rows * line(keySize)
  }
  for (const text of sourceLines) {
    y += line(footSize)
    texts.push({ text, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: SOFT })
  }
  if (input.exportedOn) {
    y += line(footSize)
    texts.push({ text: input.exportedOn, x: pad, y: y - Math.round(footSize * 0.25), size: footSize, color: MUTED })
  }
  return { width, height: Math.round(height), chart, texts, swatches, omittedMilestones: keyCount - listed }
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
    ...layout.swatches.map((w) => `<rect x="${w.x}" y="${w.y}" width="${w.size}" height="${w.size}" fill="${escapeHtml(w.color)}"/>`),
    ...texts,
    `<g transform="translate(${layout.chart.x},${layout.chart.y})${chartScale !== 1 ? ` scale(${chartScale})` : ''}">${chart}</g>`,
    '</svg>',
  ].join('\n'))
}
