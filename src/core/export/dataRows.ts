/**
 * The figures a data download carries, one row per figure, from a view (exactly what is drawn) or
 * from a whole data set (every figure). A withheld figure (src/core/suppression.ts) carries no
 * number at all: `value` is null and `flag` says "< 5" (or the word for a figure withheld so that
 * a small count cannot be worked out), so no file written from these rows can give it away.
 */
import type { TrendView } from '../chart/chartState'
import type { Dataset, DisplayUnit, Indicator, Locale, Milestone, Observation, Source } from '../model'
import { suppressedText, withheldText, type Withheld } from '../suppression'
import { startsNewSegment } from '../transform'
import { sourcesOf } from './labels'

export interface DataRow {
  readonly indicator: string
  readonly period: string
  /** The period's first instant and the instant after its end (UTC, see period.ts). */
  readonly start: number
  readonly end: number
  /** The figure, or null when it is withheld. */
  readonly value: number | null
  /** Why there is no number: "< 5" for a small count, a word for one withheld with it; '' otherwise. */
  readonly flag: string
  readonly unit: DisplayUnit
  readonly baseline: string
  readonly ageGroup: string
  readonly gender: string
  readonly region: string
  readonly status: Observation['status']
  /** The data say the series' definition changes at this figure (a break in series). */
  readonly seriesBreak: boolean
  readonly source: string
  readonly quote: string
  readonly note: string
}

/** A milestone as a download lists it, with its number when a view numbered it. */
export interface DataMilestone {
  readonly milestone: Milestone
  readonly number?: number
}

/** What a download holds: the rows, and the indicators, sources and milestones they refer to. */
export interface DataContent {
  readonly rows: readonly DataRow[]
  readonly indicators: readonly Indicator[]
  readonly sources: readonly Source[]
  readonly milestones: readonly DataMilestone[]
}

function rowOf(o: Observation, unit: DisplayUnit, value: number | null, flag: string, baseline: string): DataRow {
  return {
    indicator: o.indicator,
    period: o.period.text,
    start: o.period.start,
    end: o.period.end,
    value,
    flag,
    unit,
    baseline,
    ageGroup: o.ageGroup,
    gender: o.gender,
    region: o.region,
    status: o.status,
    seriesBreak: startsNewSegment(o),
    source: o.source,
    // A withheld figure keeps no sentence or note: either may state its number.
    quote: value === null ? '' : o.quote,
    note: value === null ? '' : o.note,
  }
}

/** Exactly the figures a view draws, in its unit (an index, a change…), withheld ones without a number. */
export function viewContent(view: TrendView): DataContent {
  const rows: DataRow[] = []
  const indicators = new Map<string, Indicator>()
  for (const s of view.series) {
    indicators.set(s.indicator.id, s.indicator)
    for (const p of s.points) {
      const withheld = p.suppressed !== undefined
      const flag = withheld ? withheldText({ suppressed: p.suppressed!, withheld: p.withheld }, view.locale) : ''
      rows.push(rowOf(p.observation, s.unit, withheld ? null : p.value, flag, s.viewBaseline || p.observation.baseline))
    }
  }
  return {
    rows,
    indicators: [...indicators.values()],
    sources: sourcesOf(view),
    // The reader's own milestones carry a mark ("Y3"), not a number of the data set's.
    milestones: view.milestones.map((m) => (m.tag ? { milestone: m.milestone } : { milestone: m.milestone, number: m.number })),
  }
}

/**
 * Every figure of a data set, as published, withheld ones (over the whole data set, never a
 * selection: `withheldFigures`) without a number.
 */
export function datasetContent(dataset: Dataset, withheld: ReadonlyMap<Observation, Withheld>, locale: Locale): DataContent {
  const units = new Map(dataset.indicators.map((i) => [i.id, i.unit]))
  const rows = dataset.observations.map((o) => {
    const mark = withheld.get(o)
    const flag = !mark ? '' : mark.reason === 'small' ? suppressedText(mark.below) : withheldText({ suppressed: mark.below, withheld: mark.reason }, locale)
    return rowOf(o, units.get(o.indicator) ?? 'count', mark ? null : o.value, flag, o.baseline)
  })
  return {
    rows,
    indicators: dataset.indicators,
    sources: dataset.sources,
    milestones: dataset.milestones.map((milestone) => ({ milestone })),
  }
}

/** The part of a data set's content about one indicator (the static per-indicator files). */
export function indicatorContent(content: DataContent, indicatorId: string): DataContent {
  const rows = content.rows.filter((r) => r.indicator === indicatorId)
  const used = new Set(rows.map((r) => r.source))
  return {
    rows,
    indicators: content.indicators.filter((i) => i.id === indicatorId),
    sources: content.sources.filter((s) => used.has(s.id)),
    milestones: [],
  }
}
