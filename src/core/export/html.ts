import { xmlSafe } from '../xmlText'
import type { Locale } from '../model'
import { escapeHtml, intlTag, safeHttpUrl } from '../format'
import { noteLine, type IndicatorNote } from './caveats'
import type { ChartSeries } from '../chart/chartState'
import { legendMarkSvg } from '../chart/legendMark'
import { citation, KEY_NUMBER_MARK, type ChartLabels, type FigureRow } from './labels'

export interface HtmlText {
  readonly milestoneKey: string
  readonly figures: string
  readonly sources: string
  readonly columns: { readonly indicator: string; readonly period: string; readonly value: string; readonly unit: string; readonly baseline: string; readonly status: string; readonly source: string; readonly quote: string }
  readonly unit: Readonly<Record<string, string>>
  readonly status: Readonly<Record<string, string>>
  readonly exportedOn: string
  readonly viewOnline: string
  readonly legend: string
}

export interface HtmlInput {
  readonly locale: Locale
  readonly labels: ChartLabels
  /** The lines of the chart, each with its colour, as the chart draws them. */
  readonly legend: readonly { readonly name: string; readonly color: string; readonly symbol: ChartSeries['symbol'] }[]
  /** The chart as an SVG document (ECharts' SVG renderer): inline, so no script is needed. */
  readonly chartSvg: string
  /** The same chart laid out for a phone (about 360 px wide), shown instead on narrow screens: type that reads at its size. */
  readonly narrowChartSvg?: string
  /** Plain-language description of the chart, for screen readers. */
  readonly description: string
  readonly rows: readonly FigureRow[]
  /** Address of the same view online, as a plain link (never fetched). */
  readonly link: string
  readonly text: HtmlText
  /** What the plotted numbers are not, and which are parts of others, under their heading. */
  readonly caveats?: { readonly heading: string; readonly notes: readonly IndicatorNote[] }
}

/**
 * Inline styles only. The page forbids itself every network request (`default-src 'none'`), so
 * it opens the same from a disk, an intranet or an archive, years later.
 */
const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111827;margin:0 auto;padding:16px 20px;max-width:1100px;line-height:1.45;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;max-width:100%}
.narrow{display:none}
@media (max-width:600px){body{padding:12px}table{font-size:.78rem}ol.key{columns:1}.wide{display:none}.narrow{display:block}}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.1rem;margin:24px 0 8px}
.subtitle{color:#374151;margin:0 0 12px}
.chosen{color:#4b5563;font-size:.8em;margin:-8px 0 8px}
figure{margin:0}figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.85rem;color:#6b7280;margin-top:4px}
ol.key{padding-left:1.6em;columns:2 420px;column-gap:24px;font-size:.92rem}ol.key li{break-inside:avoid}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #d1d5db;padding:4px 6px;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap}blockquote{margin:4px 0 0;font-style:italic;color:#374151}
.sources li{margin-bottom:6px}
ul.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.92rem}ul.legend li{display:flex;align-items:center;gap:6px}
.swatch{flex:none}footer{margin-top:24px;font-size:.85rem;color:#6b7280}
@media print{body{max-width:none}a{color:inherit}}
`

// Escaped, and without the characters XML forbids (the inline SVG is XML inside HTML).
const e = (text: string): string => escapeHtml(xmlSafe(text))

/** One self-contained HTML file of a chart: the chart, its data table, title, milestone key and sources. */
export function buildHtmlDocument(input: HtmlInput): string {
  const { labels, text, rows } = input
  const svgOf = (svg: string) => xmlSafe(svg).replace(/^<\?xml[^>]*>\s*/, '')
  const chart = input.narrowChartSvg
    ? `<div class="wide">${svgOf(input.chartSvg)}</div>\n<div class="narrow">${svgOf(input.narrowChartSvg)}</div>`
    : svgOf(input.chartSvg)
  // Milestones keep the numbers they carry on the chart (stable across views, not 1..n).
  const key = labels.milestoneKey
    .map((m) => {
      const number = new RegExp(`^(\\d+)${KEY_NUMBER_MARK}`).exec(m)
      return `<li${number ? ` value="${number[1]}"` : ''}>${e(number ? m.slice(number[0].length) : m)}</li>`
    })
    .join('\n')
  // Each entry's mark as its line is drawn (stroke and symbol), not a colour square.
  const legend = input.legend
    .map((l) => `<li><svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">${legendMarkSvg({ colour: l.color, symbol: l.symbol }, 0, 0, 1)}</svg>${e(l.name)}</li>`)
    .join('\n')
  const c = text.columns
  const table = rows
    .map(
      (r) =>
        `<tr><td>${e(r.label)}</td><td>${e(r.periodLabel)}</td><td class="num">${e(r.shown)}</td><td>${e(text.unit[r.unit] ?? r.unit)}</td>` +
        `<td>${e(r.baselineShown)}</td><td>${e(text.status[r.status] ?? r.status)}</td><td>${e(r.source?.title ?? r.sourceId)}</td>` +
        `<td>${r.quote ? `<blockquote>“${e(r.quote)}”</blockquote>` : r.note ? `<span lang="en">${e(r.note)}</span>` : ''}</td></tr>`,
    )
    .join('\n')
  // Each source's address is a link a reader can follow (http and https only; text stays escaped).
  const sources = labels.sources
    .map((s) => {
      const url = safeHttpUrl(s.url)
      const text = citation(url ? { ...s, url: '', document: '' } : s)
      return `<li>${e(text)}${url ? `. <a href="${e(url)}">${e(url)}</a>` : ''}</li>`
    })
    .join('\n')
  // "Compare before and after": its heading, then the lines (escaped like every text).
  const [compareHead, ...compareRest] = labels.compare ?? []
  const compare = compareHead ? `<h2>${e(compareHead)}</h2>\n<ul class="compare">\n${compareRest.map((l) => `<li>${e(l.replace(/^- /, ''))}</li>`).join('\n')}\n</ul>\n` : ''
  const caveats = input.caveats?.notes.length
    ? `<h2>${e(input.caveats.heading)}</h2>\n<ul class="caveats">\n${input.caveats.notes.map((n) => `<li>${e(noteLine(n, input.locale))}</li>`).join('\n')}\n</ul>\n`
    : ''
  return `<!doctype html>
<html lang="${e(intlTag(input.locale))}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(labels.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(labels.title)}</h1><p class="subtitle">${e(labels.subtitle)}</p>${labels.chosenBy ? `<p class="chosen">${e(labels.chosenBy)}</p>` : ''}${labels.ownSubtitle ? `<p class="subtitle">${e(labels.ownSubtitle)}</p>` : ''}</header>
<figure role="group" aria-labelledby="chart-caption">
${chart}
${legend ? `<ul class="legend" aria-label="${e(text.legend)}">\n${legend}\n</ul>` : ''}
<figcaption id="chart-caption">${e(input.description)}</figcaption>
</figure>
${labels.milestoneKey.length ? `<h2>${e(text.milestoneKey)}</h2>\n<ol class="key">\n${key}\n</ol>` : ''}
${compare}<h2>${e(text.figures)}</h2>
<div class="table-wrap">
<table>
<thead><tr><th scope="col">${e(c.indicator)}</th><th scope="col">${e(c.period)}</th><th scope="col">${e(c.value)}</th><th scope="col">${e(c.unit)}</th><th scope="col">${e(c.baseline)}</th><th scope="col">${e(c.status)}</th><th scope="col">${e(c.source)}</th><th scope="col">${e(c.quote)}</th></tr></thead>
<tbody>
${table}
</tbody>
</table>
</div>
${caveats}<h2>${e(text.sources)}</h2>
<ul class="sources">
${sources}
</ul>
<footer>${labels.note ? `<p class="note">${e(labels.note)}</p>` : ''}<p>${e(labels.sourceLine)}</p><p>${e(text.exportedOn)} · <a href="${e(input.link)}">${e(text.viewOnline)}</a></p></footer>
</body>
</html>
`
}
