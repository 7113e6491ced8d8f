// @vitest-environment happy-dom
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { CSV_DIALECTS, spreadsheetCsv } from '../../src/core/export/csvDialect'
import { buildHtmlDocument } from '../../src/core/export/html'
import { chartLabels, figureRows } from '../../src/core/export/labels'
import { viewFor } from '../../src/core/export/spec'
import { exportCanonicalCsv } from '../../src/core/import/canonical'
import { importBytes } from '../../src/core/import/pipeline'
import { DEFAULT_VIEW } from '../../src/core/view'
import { composeExport } from '../../src/export/compose'
import { exportTextFor, htmlTextFor } from '../../src/export/messages'
import { files, HOTLINE } from '../helpers/csv'

// Every character XML 1.0 forbids that the adversarial run used, and a few more.
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\uFFFE', '\uFFFF']
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

function imported(csv: string) {
  const out = importBytes(new TextEncoder().encode(csv))
  if (!out.ok) throw new Error(out.problem)
  return out.result
}

describe('the importer and characters XML forbids', () => {
  it('replaces each by U+FFFD, keeps the row, and counts them in the report', () => {
    const rows = CONTROLS.map((c, i) => `Series ${c}${i},${2000 + i},${i + 1},note ${c}`)
    // A NUL late in the file: after the part that detection reads.
    const filler = Array.from({ length: 3000 }, (_, i) => `Filler,${1000 + i},1,`).join('\n')
    const { table, report } = imported(`indicator,period,value,note\n${filler}\n${rows.join('\n')}\n`)
    expect(report.valid).toBe(3000 + CONTROLS.length)
    expect(report.rejected).toBe(0)
    expect(report.replaced).toBe(CONTROLS.length * 2)
    const labels = table.indicators.map((i) => i.label.en)
    for (const l of labels) expect(l).not.toMatch(FORBIDDEN)
    expect(labels).toContain('Series \uFFFD1')
    for (const s of table.strings) expect(s).not.toMatch(FORBIDDEN)
  })
})

describe('exports with a control character in the data', () => {
  const dataset = readDataset(
    files({ indicators: [{ ...HOTLINE, label_en: 'Reports\u0001 to the\u001B hotline\uFFFF' }] }),
  ).value
  // A stored dataset from before the importer replaced them can still hold one.
  const observations = dataset.observations.map((o) => ({ ...o, quote: o.quote ? `${o.quote}\u000B` : o.quote }))
  const state = { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] }
  const spec = viewFor({ ...dataset, observations }, state)
  const ctx = { view: spec, state, link: 'https://example.org/#/', now: new Date(Date.UTC(2025, 4, 1)) }

  it('the SVG (also the source of the PNGs and the copied image) holds none of them', () => {
    const { svg } = composeExport(ctx, { kind: 'screen', width: 800, height: 400 })
    expect(svg).toContain('Reports\uFFFD to the\uFFFD hotline\uFFFD')
    expect(svg).not.toMatch(FORBIDDEN)
    const slide = composeExport(ctx, { kind: 'slide' })
    expect(slide.svg).not.toMatch(FORBIDDEN)
  })

  it('the HTML file holds none of them', () => {
    const html = buildHtmlDocument({
      locale: 'en',
      labels: chartLabels(spec, state, exportTextFor('en')),
      chartSvg: composeExport(ctx, { kind: 'picture', width: 600, height: 300 }).svg,
      description: 'x\u0001',
      rows: figureRows(spec),
      legend: spec.legend.map((l) => ({ name: l.label, color: l.colour, symbol: l.symbol })),
      link: ctx.link,
      text: htmlTextFor('en', ctx.now),
    })
    expect(html).toContain('Reports\uFFFD to the')
    expect(html).not.toMatch(FORBIDDEN)
  })

  it('the CSV holds none of them', () => {
    for (const dialect of Object.values(CSV_DIALECTS)) expect(spreadsheetCsv(figureRows(spec), dialect)).not.toMatch(FORBIDDEN)
  })
})

describe('CSV exports and formulas after a separator', () => {
  const hostile = ['x;=HYPERLINK("http://example.invalid","click")', 'a|+1+2', 'b\t-3+4', 'c,@SUM(A1)', 'd\n=1+1', "e;'=1+1", 'f;;=2']
  // Any separator a spreadsheet may split a line on, whatever the file says.
  const startsFormula = (cell: string) => /^[=+\-@]/.test(cell)

  it.each([',', ';', '\t', '|', '\n'])('no cell of the figures CSV starts a formula when split on %j', (sep) => {
    const dataset = readDataset(files({ indicators: hostile.map((label, i) => ({ ...HOTLINE, id: `h${i}`, label_en: label })), observations: hostile.map((_, i) => ({ indicator: `h${i}`, period: '2020', value: 1, source: 'knack' })) })).value
    const rows = figureRows(viewFor(dataset, { ...DEFAULT_VIEW, indicators: hostile.map((_, i) => `h${i}`) }))
    for (const dialect of Object.values(CSV_DIALECTS)) {
      const text = spreadsheetCsv(rows, dialect).replace(/^\uFEFF/, '')
      for (const line of text.split(/\r\n/)) for (const cell of line.split(sep)) expect(startsFormula(cell.replace(/^"/, '')), `${JSON.stringify(cell)} in ${JSON.stringify(line)}`).toBe(false)
    }
  })

  it.each([',', ';', '\t', '|'])('no cell of a dataset export starts a formula when split on %j, and it imports back unchanged', (sep) => {
    const source = `indicator,period,value,note\n${hostile.map((h, i) => `"${h.replace(/"/g, '""')}",${2000 + i},1,"${h.replace(/"/g, '""')}"`).join('\n')}\n`
    const table = imported(source).table
    const ds = { id: 'u1', name: 'Mine', fileName: 'mine.csv', importedAt: '2026-03-01T10:00:00.000Z', hidden: false, table }
    const out = exportCanonicalCsv(ds)
    for (const line of out.split(/\r?\n/)) for (const cell of line.split(sep)) expect(startsFormula(cell.replace(/^"/, '')), JSON.stringify(cell)).toBe(false)
    const again = imported(out).table
    expect(again.indicators.map((i) => i.label.en)).toEqual(table.indicators.map((i) => i.label.en))
    expect(Papa.parse<string[]>(out.trim()).data.length).toBe(hostile.length + 1)
  })
})

describe('the PowerPoint file with a control character in its texts', () => {
  it('holds none of them in any XML part, notes and dataset name included', async () => {
    const { buildDeck } = await import('../../src/export/pptx')
    const { unzip } = await import('../helpers/zip')
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const blob = await buildDeck(
      [{ title: 'Title\u0001', subtitle: 'Sub\u000B', image: png, imageAspect: 2, alt: 'Alt\u001B', footer: 'Foot\uFFFF', notes: 'Dataset “Mine\u0008”: “a quote\u000C”' }],
      'Deck\u0000',
      'en',
    )
    const parts = unzip(new Uint8Array(await blob.arrayBuffer()))
    const xml = [...parts].filter(([name]) => name.endsWith('.xml'))
    expect(xml.length).toBeGreaterThan(5)
    for (const [name, bytes] of xml) expect(new TextDecoder().decode(bytes), name).not.toMatch(FORBIDDEN)
    const notes = xml.find(([name]) => /notesSlide\d+\.xml$/.test(name))!
    expect(new TextDecoder().decode(notes[1])).toContain('a quote\uFFFD')
  })
})
