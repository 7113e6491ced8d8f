import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readDataset } from '../../src/core/dataset'
import { SYMBOL_PATHS } from '../../src/core/chart/legendMark'
import Papa from 'papaparse'
import { neutralise } from '../../src/core/export/csv'
import { CSV_DIALECTS, quoteFor, spreadsheetCsv, spreadsheetRows, SPREADSHEET_COLUMNS, toDialectCsv } from '../../src/core/export/csvDialect'
import { embedSnippet, embedUrl, dashboardUrl } from '../../src/core/export/embed'
import { indicatorNotes } from '../../src/core/export/caveats'
import { buildHtmlDocument, type HtmlText } from '../../src/core/export/html'
import { chartLabels, exportFileName, figureRows, sourcesOf, type ExportText } from '../../src/core/export/labels'
import { composeSvg, layoutExport, wrapText } from '../../src/core/export/layout'
import { slidePlan, speakerNotes } from '../../src/core/export/notes'
import { viewFor } from '../../src/core/export/spec'
import { DEFAULT_VIEW } from '../../src/core/view'
import { loadSavedViews } from '../../src/stores/savedViews'
import { files, HOTLINE, HOTLINE_CHANGE } from '../helpers/csv'

const TEXT: ExportText = {
  title: 'Trends and policy milestones',
  offence: { csam: 'CSAM', grooming: 'Grooming', sextortion: 'Sextortion', sexting: 'Sexting', online_harassment: 'Harassment', general: 'General' },
  mode: { absolute: 'Values', index: 'Index', change: 'Change' },
  unit: { count: 'Number', index: 'Index', percent: 'Percent', percent_change: 'Change (%)', multiple: 'Multiple', rate_per_100k: 'Per 100,000', target_percent_yearly: 'Target' },
  status: { reported: 'reported', provisional: 'provisional', estimate: 'estimate' },
  category: { law: 'Law' },
  base: (y) => `base ${y} = 100`,
  logScale: 'log scale',
  what: { count: 'counts', index: 'index', percent: 'percentages', percent_change: 'changes in %', multiple: 'multiples', rate_per_100k: 'rates', target_percent_yearly: 'targets' },
  from: 'data from',
  sources: 'Sources',
  milestoneKey: 'Milestones on the chart',
  figures: 'Figures shown',
  quotes: 'Quoted sentences',
  exportedOn: (d) => `Exported on ${d}`,
  more: (n) => `and ${n} more`,
  viewOnline: 'Open in Vigie',
  baseline: 'compared with',
}

const dataset = readDataset(files()).value
const state = { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports', 'cf_hotline_change'] }
const spec = viewFor(dataset, state)

describe('CSV export', () => {
  it('has one row per plotted figure, with period, unit, baseline, status, source and quote', () => {
    const rows = spreadsheetRows(figureRows(spec))
    expect(rows[0]).toEqual([...SPREADSHEET_COLUMNS])
    expect(rows).toHaveLength(1 + spec.series.reduce((n, s) => n + s.points.length, 0))
    const named = (row: readonly unknown[]) => Object.fromEntries(SPREADSHEET_COLUMNS.map((c, i) => [c, row[i]]))
    expect(named(rows[1]!)).toMatchObject({ indicator: 'cf_hotline_reports', period: '2013', value: 1232, flag: '', unit: 'count', status: 'reported', source: 'seed_ga_2014', quote: 'In 2013, 1232 reports.' })
    const change = named(rows.find((r) => r[0] === 'cf_hotline_change')!)
    expect(change.baseline).toBe('previous period')
    expect(change.source_url).toBe('https://example.org/a')
  })

  it('neutralises cells a spreadsheet would run as a formula, and keeps plain numbers', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(neutralise('+1+1')).toBe(`'+1+1`)
    expect(neutralise('-2+3')).toBe(`'-2+3`)
    expect(neutralise('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(neutralise('\tx')).toBe(`'\tx`)
    expect(neutralise('-12.5')).toBe('-12.5')
    expect(neutralise('Reports')).toBe('Reports')
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const out = neutralise(cell)
        expect(/^[=+@\t\r]/.test(out) || (/^-/.test(out) && !/^-?\d+(\.\d+)?$/.test(out))).toBe(false)
      }),
    )
  })

  it('quotes per RFC 4180 and writes a BOM and CRLF lines', () => {
    const { comma, semicolon } = CSV_DIALECTS
    expect(quoteFor('a,b', comma)).toBe('"a,b"')
    expect(quoteFor('a;b', semicolon)).toBe('"a;b"')
    expect(quoteFor('say "hi"', comma)).toBe('"say ""hi"""')
    expect(quoteFor('two\nlines', semicolon)).toBe('"two\nlines"')
    expect(toDialectCsv([['a', 'b'], [1, 'x,y']], comma)).toBe('\uFEFFa,b\r\n1,"x,y"\r\n')
    expect(toDialectCsv([['a', 'b'], [1.5, 'x;y']], semicolon)).toBe('\uFEFFa;b\r\n1,5;"x;y"\r\n')
  })

  it('neutralises a formula hidden in the data', () => {
    const evil = readDataset(
      files({
        observations: [{ indicator: 'cf_hotline_reports', period: '2013', value: 1, source: 'knack', note: '=cmd|"/c calc"!A1' }],
      }),
    ).value
    const rows = figureRows(viewFor(evil, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] }))
    for (const [name, dialect] of Object.entries(CSV_DIALECTS)) {
      const read = Papa.parse<Record<string, string>>(spreadsheetCsv(rows, dialect).replace(/^\uFEFF/, ''), { header: true, delimiter: dialect.delimiter, skipEmptyLines: true })
      expect(read.data[0]!.note, name).toBe(`'=cmd|"/c calc"!A1`)
    }
  })
})

describe('labels', () => {
  it('titles the chart after the offences, says in plain words when, what is counted and by whom, and cites the publishers', () => {
    const labels = chartLabels(spec, { ...state, offences: ['csam'] }, TEXT)
    expect(labels.title).toBe('Trends and policy milestones: CSAM')
    // knack.be gives three of the four figures drawn: it leads.
    expect(labels.subtitle).toBe('2013–2020 · counts, changes in % · data from knack.be, Global Alliance')
    expect(labels.sourceLine).toBe('Sources: knack.be; Global Alliance')
    expect(labels.milestoneKey).toEqual(['1 — April 2014: Grooming laws in force'])
    expect(sourcesOf(spec).map((s) => s.id)).toEqual(['seed_ga_2014', 'knack'])
  })

  it('carries the presenter’s title, subtitle and note instead of the generated words', () => {
    const labels = chartLabels(spec, { ...state, title: 'Hotline reports since 2013', subtitle: 'Belgium', note: '2024 is provisional' }, TEXT)
    expect([labels.title, labels.subtitle, labels.note]).toEqual(['Hotline reports since 2013', 'Belgium', '2024 is provisional'])
    const layout = layoutExport({ labels, width: 1000, height: null, chartHeight: 400, milestoneKeyTitle: 'M', exportedOn: 'E', more: TEXT.more })
    const lines = layout.texts.map((t) => t.text)
    expect(lines[0]).toBe('Hotline reports since 2013')
    expect(lines).toContain('2024 is provisional')
    expect(speakerNotes(labels, figureRows(spec), TEXT, 'E')).toContain('2024 is provisional')
  })

  it('marks words a link chose as not Vigie\'s, in smaller type, with Vigie\'s own subtitle under them (issue 24, 8)', () => {
    const text = { ...TEXT, chosen: { title: 'Title chosen by the person who shared this view, not by Vigie', subtitle: 'Subtitle chosen…', both: 'Title and subtitle chosen by the person who shared this view, not by Vigie' } }
    const own = chartLabels(spec, state, text)
    expect([own.chosenBy, own.ownSubtitle]).toEqual(['', ''])
    const forged = chartLabels(spec, { ...state, title: 'Vigie: reports tripled in 2024', subtitle: 'Official figures' }, text)
    expect(forged.chosenBy).toBe('Title and subtitle chosen by the person who shared this view, not by Vigie')
    expect(forged.ownSubtitle).toBe(own.subtitle)
    const layout = layoutExport({ labels: forged, width: 1000, height: null, chartHeight: 400, milestoneKeyTitle: 'M', exportedOn: 'E', more: TEXT.more })
    const [title, sub, mark, vigie] = layout.texts
    expect([title!.text, sub!.text, mark!.text, vigie!.text]).toEqual(['Vigie: reports tripled in 2024', 'Official figures', forged.chosenBy, own.subtitle])
    expect(mark!.size).toBeLessThan(sub!.size)
    expect(mark!.y).toBeGreaterThan(sub!.y)
    expect(vigie!.y).toBeGreaterThan(mark!.y)
    // The chart starts below all of them.
    expect(layout.chart.y).toBeGreaterThan(vigie!.y)
    // Only the title from the link: the mark says so, and the subtitle is Vigie's already.
    const titleOnly = chartLabels(spec, { ...state, title: 'Vigie: reports tripled in 2024' }, text)
    expect([titleOnly.subtitle, titleOnly.chosenBy, titleOnly.ownSubtitle]).toEqual([own.subtitle, text.chosen.title, ''])
    expect(speakerNotes(forged, figureRows(spec), TEXT, 'E')).toContain(forged.chosenBy)
  })

  it('names files after the view', () => {
    expect(exportFileName(spec, { offences: ['csam', 'grooming'] }, 'png')).toBe('vigie-csam-grooming-2013-2020-en.png')
  })
})

describe('layout', () => {
  const labels = chartLabels(spec, state, TEXT)
  const many = { ...labels, milestoneKey: Array.from({ length: 80 }, (_, i) => `${i + 1}. 2014 — A milestone with a rather long title number ${i + 1}`) }
  const input = { labels: many, milestoneKeyTitle: 'Milestones', exportedOn: 'Exported on 1 May 2025', more: TEXT.more }

  it('fits a slide exactly: the key gives way before the chart drops under two thirds of the height', () => {
    const layout = layoutExport({ ...input, width: 1920, height: 1080, chartHeight: 0, fontSize: 24 })
    expect(layout.height).toBe(1080)
    expect(layout.chart.height).toBeGreaterThanOrEqual(720)
    for (const t of layout.texts) expect(t.text.endsWith('…')).toBe(false)
    expect(layout.omittedMilestones).toBeGreaterThan(0)
    expect(layout.texts.some((t) => t.text === `and ${layout.omittedMilestones} more`)).toBe(true)
    for (const t of layout.texts) {
      expect(t.y).toBeLessThanOrEqual(1080)
      expect(t.x + t.text.length * t.size * 0.5).toBeLessThanOrEqual(1920)
    }
  })

  it('keeps two thirds of a slide for the chart even with two dozen long series names: the legend gets smaller type, never cut', () => {
    const legend = Array.from({ length: 24 }, (_, i) => ({ name: `Reports to a hotline about child sexual abuse material, series number ${i + 1} (definition of 2024)`, color: '#0072B2', symbol: 'circle' as const }))
    const layout = layoutExport({ ...input, labels: { ...labels, milestoneKey: labels.milestoneKey.slice(0, 4) }, legend, width: 1920, height: 1080, chartHeight: 0, fontSize: 24 })
    expect(layout.chart.height).toBeGreaterThanOrEqual(720)
    for (let i = 1; i <= 24; i++) expect(layout.texts.some((t) => t.text.includes(`number ${i}`) || t.text.endsWith(`${i}`))).toBe(true)
    for (const t of layout.texts) {
      expect(t.text.endsWith('…')).toBe(false)
      expect(t.y).toBeLessThanOrEqual(1080)
    }
  })

  it('lists every milestone at screen size whatever their lengths, in order, none cut', () => {
    for (const width of [700, 940, 1366]) {
      const uneven = { ...labels, milestoneKey: [40, 200, 120, 30, 180, 60, 90].map((n, i) => `${i + 1}. 2020 — ${'word '.repeat(n / 5).trim()}`) }
      const layout = layoutExport({ ...input, labels: uneven, width, height: null, chartHeight: 400 })
      expect(layout.omittedMilestones).toBe(0)
      const starts = layout.texts.map((t) => /^(\d+)\. /.exec(t.text)?.[1]).filter(Boolean)
      expect(starts).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    }
  })

  it('grows around the on-screen chart at screen size, keeping every milestone', () => {
    const layout = layoutExport({ ...input, width: 1000, height: null, chartHeight: 500 })
    expect(layout.chart).toMatchObject({ width: 1000, height: 500 })
    expect(layout.omittedMilestones).toBe(0)
    expect(layout.height).toBeGreaterThan(500)
  })

  it('wraps text to a width', () => {
    // 10 px type, 0.56 em per glyph: 10 characters per 60 px line.
    expect(wrapText('one two three four five six', 60, 10)).toEqual(['one two', 'three four', 'five six'])
    // A word longer than a line is split across lines, never cut with an ellipsis.
    expect(wrapText('antidisestablishmentarianism', 60, 10)).toEqual(['antidisest', 'ablishment', 'arianism'])
  })

  it('writes labels as escaped SVG text around the chart', () => {
    const layout = layoutExport({ ...input, labels: { ...labels, title: 'A <b>"bold"</b> & title' }, width: 800, height: null, chartHeight: 300, legend: [{ name: 'Reports', color: '#0072B2', symbol: 'circle' }] })
    const svg = composeSvg(layout, '<svg width="800" height="300"></svg>', 'A <title>', 'desc & more', 1.5)
    expect(svg).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; title')
    expect(svg).toContain('<title id="vigie-title">A &lt;title&gt;</title>')
    expect(svg).toContain('scale(1.5)')
    expect(svg).toContain('fill="#0072B2"')
    expect(svg).not.toContain('<b>')
  })
})

describe('PowerPoint', () => {
  it('puts figures, milestones, full sources and quotes in the speaker notes', () => {
    const notes = speakerNotes(chartLabels(spec, state, TEXT), figureRows(spec), TEXT, 'Exported on 1 May 2025')
    expect(notes).toContain('Figures shown:')
    expect(notes).toContain('2013: 1,232')
    expect(notes).toContain('compared with previous period')
    expect(notes).toContain('1 — April 2014: Grooming laws in force')
    // Cited by title, publisher and date: the seed's internal file name is never a citation.
    expect(notes).toContain('Global Alliance report 2014 — Global Alliance, 2014')
    expect(notes).not.toContain('001_doc.txt')
    expect(notes).toContain('Knack article — knack.be. https://example.org/a')
    expect(notes).toContain('“In 2013, 1232 reports.”')
  })

  it('keeps the picture inside a 16:9 slide, centred, whatever its aspect', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 5, noNaN: true }), (aspect) => {
        const { image } = slidePlan(aspect)
        expect(image.x).toBeGreaterThanOrEqual(0)
        expect(image.x + image.w).toBeLessThanOrEqual(10.0001)
        expect(image.y + image.h).toBeLessThanOrEqual(5.625)
        expect(image.w / image.h).toBeCloseTo(aspect, 5)
      }),
    )
  })
})

describe('caveats in export notes', () => {
  const caveat = { caveat_en: 'Reports, not prevalence', caveat_fr: 'Signalements', caveat_nl: 'Meldingen' }
  const withParts = readDataset(
    files({
      indicators: [
        { ...HOTLINE, ...caveat, part_of: 'cf_files' },
        { id: 'cf_files', offence: 'general', unit: 'count', label_en: 'All <case> files', ...caveat },
        { ...HOTLINE_CHANGE, ...caveat },
      ],
    }),
  ).value
  const partSpec = viewFor(withParts, state)
  const caveats = { heading: 'What these figures are not', notes: indicatorNotes(partSpec, { partOf: (w) => `Part of “${w}”: do not add the two` }) }

  it('lists each plotted indicator once with its caveat and the whole it is a part of', () => {
    expect(caveats.notes).toEqual([
      { label: 'Reports to the hotline', caveat: 'Reports, not prevalence', partOf: 'Part of “All <case> files”: do not add the two' },
      { label: 'Change in reports', caveat: 'Reports, not prevalence', partOf: '' },
    ])
  })

  it('puts them in the speaker notes and, escaped, in the HTML file', () => {
    const notes = speakerNotes(chartLabels(partSpec, state, TEXT), figureRows(partSpec), TEXT, 'Exported', caveats)
    expect(notes).toContain('What these figures are not:\n- Reports to the hotline: Reports, not prevalence. Part of “All <case> files”: do not add the two')
    const html = buildHtmlDocument({
      locale: 'en',
      labels: chartLabels(partSpec, state, TEXT),
      chartSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      description: 'A chart',
      rows: figureRows(partSpec),
      legend: [],
      link: 'https://example.org/',
      text: { milestoneKey: 'M', figures: 'F', sources: 'S', columns: { indicator: 'I', period: 'P', value: 'V', unit: 'U', baseline: 'B', status: 'St', source: 'So', quote: 'Q' }, unit: TEXT.unit, status: TEXT.status, exportedOn: 'E', viewOnline: 'O', legend: 'L' },
      caveats,
    })
    expect(html).toContain('<h2>What these figures are not</h2>')
    expect(html).toContain('<li>Reports to the hotline: Reports, not prevalence. Part of “All &lt;case&gt; files”: do not add the two</li>')
  })
})

describe('self-contained HTML', () => {
  const text: HtmlText = {
    milestoneKey: 'Milestones',
    figures: 'Figures',
    sources: 'Sources',
    columns: { indicator: 'Indicator', period: 'Period', value: 'Value', unit: 'Unit', baseline: 'Baseline', status: 'Status', source: 'Source', quote: 'Quote' },
    unit: TEXT.unit,
    status: TEXT.status,
    exportedOn: 'Exported on 1 May 2025',
    viewOnline: 'Open in Vigie',
    legend: 'Lines on the chart',
  }
  const html = buildHtmlDocument({
    locale: 'en',
    labels: { ...chartLabels(spec, state, TEXT), title: 'Title <script>alert(1)</script>' },
    legend: spec.series.map((s) => ({ name: s.label, color: s.colour, symbol: s.symbol })),
    chartSvg: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>1</text></svg>',
    description: 'A chart',
    rows: figureRows(spec),
    link: 'https://example.org/#/?a=1&b="2"',
    text,
  })

  it('forbids itself every request and carries no script', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/example\.org)/)
    expect(html).not.toContain('001_doc.txt" href')
    expect(html).not.toContain('<?xml')
  })

  it('holds the chart, the table, the key, the sources and the quotes, escaped', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"><text>1</text></svg>')
    expect(html).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html.match(/<tr><td>/g)).toHaveLength(figureRows(spec).length)
    expect(html).toContain('<li value="1">April 2014: Grooming laws in force</li>')
    // The legend: every line with its colour; each source's address a link.
    // Each legend entry draws its line's stroke and symbol in its colour, then its name.
    for (const s of spec.series) {
      expect(html).toMatch(new RegExp(`<li><svg class="swatch"[^>]*><g [^>]*><line [^>]*stroke="${s.colour}"[^>]*/><path d="${SYMBOL_PATHS[s.symbol].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*fill="${s.colour}"[^>]*/></g></svg>${s.label}</li>`))
    }
    expect(html).toContain('<a href="https://example.org/a">https://example.org/a</a>')
    expect(html).toContain('“In 2013, 1232 reports.”')
    expect(html).toContain('href="https://example.org/#/?a=1&amp;b=&quot;2&quot;"')
  })
})

describe('embed', () => {
  it('builds an iframe snippet with a title, lazy loading and a fixed height, escaped, and an optional resizing script that trusts only Vigie', () => {
    const src = embedUrl('https://vigie.example/app/#/?off=csam', '?off=csam&lang=en&v=1')
    expect(src).toBe('https://vigie.example/app/embed.html#/embed?off=csam&lang=en&v=1')
    expect(embedUrl('https://vigie.example/app/index.html?x#/', '?v=1')).toBe('https://vigie.example/app/embed.html#/embed?v=1')
    const snippet = embedSnippet(src, 'Vigie: "CSAM" <trends>')
    const [frame, , script] = snippet.split('\n')
    expect(frame).toBe(
      '<iframe src="https://vigie.example/app/embed.html#/embed?off=csam&amp;lang=en&amp;v=1" title="Vigie: &quot;CSAM&quot; &lt;trends&gt;" width="800" height="560" loading="lazy" referrerpolicy="no-referrer" style="width:100%;max-width:800px;height:560px;border:0"></iframe>',
    )
    expect(script).toContain('e.origin!=="https://vigie.example"')
    expect(script).toContain('vigie:embed-height')
    expect(dashboardUrl('https://vigie.example/app/#/embed?x=1', '?lang=fr&v=1')).toBe('https://vigie.example/app/#/?lang=fr&v=1')
    expect(dashboardUrl('https://vigie.example/app/embed.html#/embed?x=1', '?lang=fr&v=1')).toBe('https://vigie.example/app/#/?lang=fr&v=1')
  })
})

describe('saved views storage', () => {
  it('reads what it wrote and skips anything unreadable', () => {
    const good = { id: 'a', name: 'One', query: { lang: 'en', v: '1' }, savedAt: '2025-01-01T00:00:00Z' }
    const store = (text: string | null) => ({ getItem: () => text })
    expect(loadSavedViews(store(JSON.stringify([good, { id: 1 }, null, 'x'])))).toEqual([good])
    expect(loadSavedViews(store('{not json'))).toEqual([])
    expect(loadSavedViews(store(null))).toEqual([])
    expect(loadSavedViews(undefined)).toEqual([])
  })
})
