import { formatPoint, indexBaseOf } from '../chart/chartText'
import { milestoneTag, type TrendView } from '../chart/chartState'
import { compareLines, type CompareText } from '../compareText'
import { formatBaseline, formatDate, formatPeriod, punctuate } from '../format'
import { dataCheckedUpTo } from '../freshness'
import type { DisplayUnit, Locale, Offence, Source } from '../model'
import { firstYear, yearOf } from '../period'
import type { ViewState } from '../view'

/** The translated words every export needs, passed in by the caller (core holds no catalogue). */
export interface ExportText {
  /** The chart's own title, e.g. "Trends and policy milestones". */
  readonly title: string
  readonly offence: Readonly<Record<Offence, string>>
  readonly mode: Readonly<Record<ViewState['mode'], string>>
  readonly unit: Readonly<Record<DisplayUnit, string>>
  readonly status: Readonly<Record<string, string>>
  readonly category: Readonly<Record<string, string>>
  /** "Base year {year}" */
  readonly base: (year: string) => string
  readonly logScale: string
  /** What a unit counts, in the subtitle's plain words: "counts", "changes in %". */
  readonly what: Readonly<Record<DisplayUnit, string>>
  /** Before the publishers in the subtitle: "data from Child Focus, NCMEC". */
  readonly from: string
  readonly sources: string
  readonly milestoneKey: string
  readonly figures: string
  readonly quotes: string
  /** "Exported from Vigie on {date}" */
  readonly exportedOn: (date: string) => string
  /** "and {n} more" */
  readonly more: (n: number) => string
  /** "part {n} of {of}", for a view spread over several slides. */
  readonly part?: (n: number, of: number) => string
  readonly viewOnline: string
  readonly baseline: string
  /** "Data checked up to {date}." (sources.csv `checked`), after the source line; none for sources without a date. */
  readonly checkedUpTo?: (date: string) => string
  /** "charts 1–12 of 28": small charts on pages say which are in the file. */
  readonly chartsRange?: (from: number, to: number, of: number) => string
  /** The small-type mark under words a link chose: "Title chosen by the person who shared this view, not by Vigie". */
  readonly chosen?: { readonly title: string; readonly subtitle: string; readonly both: string }
  /** The export's language, for its typography (French spacing before `:`); English when absent. */
  readonly locale?: Locale
  /** "Compare before and after" in words (src/core/compareText.ts). */
  readonly compare?: CompareText
  /** The mark after one of the reader's own milestones in the key: "yours". */
  readonly ownMark?: string
}

/** What a chart says about itself wherever it goes: title, subtitle, sources, export date. */
export interface ChartLabels {
  readonly title: string
  readonly subtitle: string
  /** Every source behind a shown figure or milestone, in order of first use. */
  readonly sources: readonly Source[]
  /** A one-line citation: the publishers, for footers and embeds. */
  readonly sourceLine: string
  /** Plain-text lines of the milestone key: "3. April 2014 — Law on grooming". */
  readonly milestoneKey: readonly string[]
  /** The presenter's note, shown above the source line of every export ('' when none). */
  readonly note: string
  /**
   * Set when the title or subtitle are the presenter's words (from the link, not from Vigie): the
   * small-type mark saying so, shown right under them ('' otherwise).
   */
  readonly chosenBy: string
  /** Vigie's own plain subtitle (period, what is counted, by whom) when the presenter's replaced it, shown under the mark ('' otherwise). */
  readonly ownSubtitle: string
  /** "Compare before and after" as lines (heading, a line per series, the method and the warning), or none. */
  readonly compare: readonly string[]
}

type LabelState = Pick<ViewState, 'offences' | 'mode' | 'base' | 'from' | 'to'> & Partial<Pick<ViewState, 'title' | 'subtitle' | 'note'>>

/** What the labels read of a line's figures: how many each source gives (in order of first appearance), first start, last end. */
interface PointsSummary {
  readonly sources: ReadonlyMap<string, number>
  readonly start: number
  readonly end: number
}

// A memo, not state: a line's points never change once built, and the pipeline reuses an unchanged
// line's points between filter changes, so the subtitle and source line stop walking every figure
// (two walks over 100,000 figures were a tenth of a filter change).
const summaries = new WeakMap<readonly unknown[], PointsSummary>()

function summaryOf(points: TrendView['series'][number]['points']): PointsSummary {
  let summary = summaries.get(points)
  if (summary) return summary
  const sources = new Map<string, number>()
  let start = Infinity
  let end = -Infinity
  for (const p of points) {
    const o = p.observation
    sources.set(o.source, (sources.get(o.source) ?? 0) + 1)
    if (o.period.start < start) start = o.period.start
    if (o.period.end > end) end = o.period.end
  }
  summary = { sources, start, end }
  summaries.set(points, summary)
  return summary
}

/** The sources behind what a spec shows: figures first, then milestones, each once. */
export function sourcesOf(spec: TrendView): Source[] {
  // A set keeps the order of first appearance and looks each source up in constant time.
  const ids = new Set<string>()
  for (const s of spec.series) for (const id of summaryOf(s.points).sources.keys()) if (id) ids.add(id)
  for (const m of spec.milestones) if (m.milestone.source) ids.add(m.milestone.source)
  return [...ids].map((id) => spec.sources.get(id)).filter((s): s is Source => s !== undefined)
}

/** First and last year of the figures shown (or of the milestones, when no figure is). */
export function yearRange(spec: TrendView): [number, number] | null {
  // Years grow with the axis numbers: take the earliest start and the latest end, then read their years once.
  let start = Infinity
  let end = -Infinity
  for (const s of spec.series) {
    const summary = summaryOf(s.points)
    if (summary.start < start) start = summary.start
    if (summary.end > end) end = summary.end
  }
  // The same years as firstYear/lastYear of the periods (an end is exclusive).
  let min = Number.isFinite(start) ? yearOf(start) : Infinity
  let max = Number.isFinite(end) ? yearOf(end - 1) : -Infinity
  if (!Number.isFinite(min)) {
    for (const m of spec.milestones) {
      min = Math.min(min, firstYear(m.milestone.date))
      max = Math.max(max, firstYear(m.milestone.date))
    }
  }
  return Number.isFinite(min) ? [min, max] : null
}

/** The mark that sets a milestone's number apart from its date in a key line: "29 — 29 April 2014". */
export const KEY_NUMBER_MARK = ' — '

/** "29 — 29 April 2014: Law on grooming": the number set apart, so "29. April" never reads as a date. */
export function milestoneLine(m: TrendView['milestones'][number], locale: TrendView['locale'], ownWord = ''): string {
  const { milestone } = m
  const date = formatDate(milestone.date.start, milestone.precision, locale)
  const end = milestone.endDate ? `–${formatDate(milestone.endDate.start, milestone.precision, locale)}` : ''
  return punctuate(`${milestoneTag(m)}${KEY_NUMBER_MARK}${date}${end}: ${milestone.title[locale]}${m.tag && ownWord ? ` (${ownWord})` : ''}`, locale)
}

/** Title, subtitle, sources and milestone key of a chart, in the spec's language. */
/** The words the title, subtitle and source line need (the dashboard has them without the share catalogue). */
export type LabelText = Pick<ExportText, 'title' | 'offence' | 'what' | 'base' | 'from' | 'more' | 'logScale' | 'sources' | 'checkedUpTo' | 'locale'> &
  Partial<Pick<ExportText, 'chartsRange' | 'chosen' | 'compare' | 'ownMark'>>

export function chartLabels(spec: TrendView, state: LabelState, text: LabelText): ChartLabels {
  const offences = state.offences.map((o) => text.offence[o])
  const title = offences.length ? `${text.title}: ${offences.join(', ')}` : text.title
  const range = yearRange(spec)
  const from = state.from ?? range?.[0]
  const to = state.to ?? range?.[1]
  const period = from !== undefined && to !== undefined ? (from === to ? String(from) : `${from}–${to}`) : ''
  const sources = sourcesOf(spec)
  // Publishers by the number of figures drawn from them (then by first use): the main source leads.
  const figuresBy = new Map<string, number>()
  const nameOf = (id: string) => {
    const source = spec.sources.get(id)
    return source ? source.publisher || source.title : id
  }
  // Figures per source first, then per name: a name is looked up once per source, not per figure.
  const figuresOf = new Map<string, number>()
  for (const s of spec.series) for (const [id, n] of summaryOf(s.points).sources) figuresOf.set(id, (figuresOf.get(id) ?? 0) + n)
  for (const [id, n] of figuresOf) figuresBy.set(nameOf(id), (figuresBy.get(nameOf(id)) ?? 0) + n)
  const publishers: string[] = []
  for (const s of sources) {
    const name = s.publisher || s.title
    if (!publishers.includes(name)) publishers.push(name)
  }
  publishers.sort((a, b) => (figuresBy.get(b) ?? 0) - (figuresBy.get(a) ?? 0))
  // In plain words: when, what is counted (each unit drawn), by whom.
  // The base the lines are actually indexed on (the view's, else the one every line shares).
  const base = indexBaseOf(spec) ?? state.base
  const units = [...new Set(spec.panels.map((p) => p.unit))].map((u) => (u === 'index' && base != null ? `${text.what[u]} (${text.base(String(base))})` : text.what[u]))
  const what = units.length ? units.join(', ') : ''
  const scale = spec.scale === 'log' ? text.logScale : ''
  const who = publishers.length ? `${text.from} ${publishers.slice(0, 3).join(', ')}${publishers.length > 3 ? ` ${text.more(publishers.length - 3)}` : ''}` : ''
  const page = spec.chartsPage && text.chartsRange ? text.chartsRange(spec.chartsPage.from, spec.chartsPage.to, spec.chartsPage.of) : ''
  const subtitle = [period, [what, scale].filter(Boolean).join(', '), page, who].filter(Boolean).join(' · ')
  const shown = publishers.slice(0, 6)
  const checked = dataCheckedUpTo(sources)
  const checkedLine = checked && text.checkedUpTo ? ` · ${text.checkedUpTo(formatPeriod(checked, spec.locale))}` : ''
  const sourceLine = publishers.length
    ? `${text.sources}: ${shown.join('; ')}${publishers.length > shown.length ? ` ${text.more(publishers.length - shown.length)}` : ''}${checkedLine}`
    : ''
  // The presenter's own words, where given, lead everywhere; but anyone can write them in a link,
  // so they are marked as theirs and Vigie's own plain subtitle always follows.
  const chosen = text.chosen
  const chosenBy = !chosen ? '' : state.title && state.subtitle ? chosen.both : state.title ? chosen.title : state.subtitle ? chosen.subtitle : ''
  // The presenter's own words, where given, replace the generated title and subtitle everywhere.
  const p = (s: string) => punctuate(s, spec.locale)
  return {
    title: state.title || p(title),
    subtitle: state.subtitle || p(subtitle),
    sources,
    sourceLine: p(sourceLine),
    milestoneKey: spec.milestones.map((m) => milestoneLine(m, spec.locale, text.ownMark)),
    note: state.note ?? '',
    chosenBy,
    ownSubtitle: state.subtitle ? subtitle : '',
    compare: spec.compare && text.compare ? compareLines(spec.compare, spec.locale, text.compare) : [],
  }
}

/** One plotted figure, as tables, CSV files and speaker notes list it. */
export interface FigureRow {
  readonly indicator: string
  readonly label: string
  readonly breakdown: string
  readonly period: string
  readonly periodLabel: string
  readonly value: number
  /** Set for a withheld small count: its threshold; `value` is then 0 and `shown` "< 5". */
  readonly suppressed?: number
  readonly shown: string
  readonly unit: DisplayUnit
  /** The baseline as the data give it (the CSV's machine-readable value)… */
  readonly baseline: string
  /** …and as a reader of the export's language reads it ("non précisé"). */
  readonly baselineShown: string
  readonly status: string
  readonly source: Source | undefined
  readonly sourceId: string
  readonly quote: string
  readonly note: string
}

/** Exactly the figures drawn, in panel and series order, then time order: one row per point. */
export function figureRows(spec: TrendView): FigureRow[] {
  return spec.series.flatMap((s) =>
    s.points.map((p) => {
      const o = p.observation
      return {
        indicator: s.indicator.id,
        label: s.label,
        breakdown: s.breakdown,
        period: o.period.text,
        periodLabel: formatPeriod(o.period, spec.locale),
        // A withheld small count leaves as "< 5" only (src/core/suppression.ts).
        value: p.suppressed !== undefined ? 0 : p.value,
        suppressed: p.suppressed,
        shown: formatPoint(p, s.unit, spec.locale),
        unit: s.unit,
        baseline: s.viewBaseline || o.baseline,
        baselineShown: formatBaseline(s.viewBaseline || o.baseline, spec.locale),
        status: o.status,
        source: spec.sources.get(o.source),
        sourceId: o.source,
        quote: o.quote,
        note: o.note,
      }
    }),
  )
}

/** A source as a full citation: "Title — Publisher, 2023. https://…" */
export function citation(source: Source): string {
  const who = [source.publisher, source.date].filter(Boolean).join(', ')
  // A seed's file name is the quote check's business, not a citation: only an address a reader can open.
  const where = source.url
  return [source.title, who ? ` — ${who}` : '', where ? `. ${where}` : ''].join('')
}

/** A file name for an export: "vigie-trends-2013-2023-en.png". */
export function exportFileName(spec: TrendView, state: Pick<ViewState, 'offences'>, ext: string): string {
  const range = yearRange(spec)
  const parts = ['vigie', ...(state.offences.length ? state.offences : ['trends']), ...(range ? [`${range[0]}-${range[1]}`] : []), spec.locale]
  return `${parts.join('-').replace(/[^a-z0-9_-]+/gi, '-')}.${ext}`
}
