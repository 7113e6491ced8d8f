/**
 * The Table tab's rows, notes and milestone rows: pure outputs of the pipeline's view result (the
 * dashboard store runs them; DataTable.vue only displays them). The rows are the figures the view
 * holds, every breakdown line included, sorted by a column; only a page of them is ever formatted.
 */
import { seriesLabel, type NumberedMilestone } from './chart/chartState'
import { baselineText, consistencyText, formatPoint, type TrendText } from './chart/chartText'
import type { ConsistencyCheck } from './consistency'
import { indicatorNotes, type IndicatorNote } from './export/caveats'
import { formatDate, formatPeriod } from './format'
import { isImportedSource } from './import/table'
import type { DisplayUnit, Locale, Observation } from './model'
import type { ViewSeries } from './transform'
import type { ViewMode } from './view'

/** The columns the Table sorts by. */
export const TABLE_SORT_COLUMNS = ['indicator', 'period', 'value', 'source'] as const
export type TableColumn = (typeof TABLE_SORT_COLUMNS)[number]

/** Rows the Table renders at a time: a view of 100,000 figures stays responsive (pages, not one huge table). */
export const TABLE_PAGE_ROWS = 200

/**
 * Every figure of the view in sorted order. Only what sorting needs is kept per figure, in typed
 * arrays (no object per figure; ranks compared as numbers); a page's rows are formatted by tableRows.
 */
export interface FigureOrder {
  readonly series: readonly ViewSeries[]
  /** Each series' full label, in the reader's language. */
  readonly labels: readonly string[]
  readonly seriesAt: Uint32Array
  readonly pointAt: Uint32Array
  /** Positions into seriesAt/pointAt, in display order. */
  readonly order: Uint32Array
  readonly length: number
}

/** Each distinct text's place in collation order: sorting compares numbers, not strings, per row. */
function rankOf(texts: readonly string[], collator: Intl.Collator): Map<string, number> {
  const distinct = [...new Set(texts)].sort(collator.compare)
  return new Map(distinct.map((t, i) => [t, i]))
}

/** The view's figures sorted by `by` (ties: label, then the view's own order). */
export function sortFigures(
  series: readonly ViewSeries[],
  by: TableColumn,
  ascending: boolean,
  locale: Locale,
  sourceTitle: (id: string) => string,
): FigureOrder {
  const collator = new Intl.Collator(locale)
  const labels = series.map((s) => seriesLabel(s, locale))
  const labelRank = rankOf(labels, collator)
  const total = series.reduce((sum, s) => sum + s.points.length, 0)
  const seriesAt = new Uint32Array(total)
  const pointAt = new Uint32Array(total)
  const key = new Float64Array(total)
  const tie = new Float64Array(total)
  const sourceRank = by === 'source' ? rankOf(series.flatMap((s) => s.points.map((p) => sourceTitle(p.observation.source))), collator) : null
  let at = 0
  series.forEach((s, i) => {
    const rank = labelRank.get(labels[i]!)!
    s.points.forEach((p, j) => {
      seriesAt[at] = i
      pointAt[at] = j
      // A withheld small count sorts as 0 and shows as "< 5": its number never reaches the page.
      key[at] =
        by === 'value'
          ? p.suppressed !== undefined
            ? 0
            : p.value
          : by === 'period'
            ? p.observation.period.start
            : by === 'source'
              ? sourceRank!.get(sourceTitle(p.observation.source))!
              : rank
      tie[at] = by === 'period' ? rank : 0
      at++
    })
  })
  const dir = ascending ? 1 : -1
  const order = new Uint32Array(total)
  for (let i = 0; i < total; i++) order[i] = i
  order.sort((a, b) => (key[a]! - key[b]!) * dir || tie[a]! - tie[b]! || a - b)
  return { series, labels, seriesAt, pointAt, order, length: total }
}

/** The page `page` (from 0, clamped to the last) of `length` rows: its first row and the one past its last. */
export function tablePage(length: number, page: number): { readonly from: number; readonly to: number; readonly page: number; readonly pages: number } {
  const pages = Math.max(1, Math.ceil(length / TABLE_PAGE_ROWS))
  const shown = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1)
  const from = shown * TABLE_PAGE_ROWS
  return { from, to: Math.min(length, from + TABLE_PAGE_ROWS), page: shown, pages }
}

/** The words a table row needs, translated by the caller (core holds no catalogue). */
export interface TableText extends Pick<TrendText, 'consistency' | 'claimVsTotal' | 'baseline'> {
  /** Why a part or rate is withheld with a small count. */
  readonly withheldWhy: string
  readonly unit: Readonly<Record<DisplayUnit, string>>
  /** "Index, {base} = 100" */
  readonly indexBase: (base: string) => string
  readonly status: Readonly<Record<string, string>>
  /** An imported figure's status: never called "published". */
  readonly importedStatus: string
  /** "Part of “…”: do not add the two" */
  readonly partOf: (whole: string) => string
}

/** One figure as the Table shows it. */
export interface TableRow {
  readonly key: string
  readonly indicator: string
  readonly period: string
  readonly shown: string
  /** Why a part or rate is withheld ('' when it is not). */
  readonly why: string
  readonly unit: string
  readonly baseline: string
  readonly status: string
  readonly source: string
  readonly check: { readonly text: string; readonly mismatch: boolean } | null
}

export interface TableContext {
  readonly locale: Locale
  readonly mode: ViewMode
  readonly checks: ReadonlyMap<Observation, ConsistencyCheck>
  readonly sourceTitle: (id: string) => string
  readonly text: TableText
}

/** The rows from `from` to `to` (exclusive) of a sorted view, formatted. */
export function tableRows(figures: FigureOrder, from: number, to: number, context: TableContext): TableRow[] {
  const { locale, text } = context
  const { series, labels, seriesAt, pointAt, order } = figures
  return Array.from(order.subarray(from, to), (at) => {
    const s = series[seriesAt[at]!]!
    const p = s.points[pointAt[at]!]!
    const o = p.observation
    // Consistency checks concern published counts: shown in the absolute view only.
    const check = context.mode === 'absolute' ? context.checks.get(o) : undefined
    return {
      key: `${s.key}@${o.period.text}`,
      indicator: labels[seriesAt[at]!]!,
      period: formatPeriod(o.period, locale),
      shown: formatPoint(p, s.unit, locale),
      // A part or rate withheld with a small count says why (its own number is not small).
      why: p.withheld ? text.withheldWhy : '',
      // An index names its base in its unit: "Index, 2015 = 100".
      unit: s.unit === 'index' ? text.indexBase(s.viewBaseline) : text.unit[s.unit],
      baseline: s.unit === 'index' ? '' : baselineText(s.viewBaseline || o.baseline, text, locale),
      status: o.status === 'reported' && isImportedSource(o.source) ? text.importedStatus : (text.status[o.status] ?? o.status),
      source: context.sourceTitle(o.source),
      check: check ? { text: consistencyText(check, locale, text), mismatch: check.mismatch } : null,
    }
  })
}

/** Each indicator of the view once, with what its number is not and what it is a part of (never to be added to it). */
export function tableNotes(series: readonly ViewSeries[], locale: Locale, text: Pick<TableText, 'partOf'>): IndicatorNote[] {
  return indicatorNotes({ locale, series }, text)
}

/** A milestone as the Table lists it. */
export interface MilestoneRow extends NumberedMilestone {
  readonly date: string
  readonly end: string
  readonly title: string
  readonly source: string
}

/** Every milestone the filters leave (not only those drawn), with its number, dates and source. */
export function milestoneRows(milestones: readonly NumberedMilestone[], locale: Locale, sourceTitle: (id: string) => string): MilestoneRow[] {
  return milestones.map((m) => ({
    ...m,
    date: formatDate(m.milestone.date.start, m.milestone.precision, locale),
    end: m.milestone.endDate ? formatDate(m.milestone.endDate.start, m.milestone.precision, locale) : '',
    title: m.milestone.title[locale],
    source: m.milestone.own ? m.milestone.own.link : sourceTitle(m.milestone.source),
  }))
}
