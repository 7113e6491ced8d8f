import type { Dataset, Indicator, Jurisdiction, Milestone, MilestoneCategory, Observation, Offence } from './model'
import type { SeriesSet, ViewState } from './view'
import { indexDataset, type IndicatorRows } from './datasetIndex'
import { textOf } from './figures'
import { yearOf } from './period'

/** The figures and milestones a view state leaves. */
export interface Selection {
  readonly indicators: readonly Indicator[]
  /** Every kept figure as an object: made on first read (the sources list, tests); the chart reads `groups`. */
  readonly observations: readonly Observation[]
  readonly milestones: readonly Milestone[]
  /** Each kept indicator's figures as rows, in time order (the index's own rows when no filter drops any). */
  readonly groups: ReadonlyMap<string, IndicatorRows>
}

type FilterPart = Pick<ViewState, 'indicators' | 'offences' | 'jurisdictions' | 'categories' | 'sources' | 'from' | 'to'> & Partial<Pick<ViewState, 'series'>>

/** Figures are Belgian unless a region says otherwise. */
export function jurisdictionOf(o: Pick<Observation, 'region'>): Jurisdiction {
  return (o.region || 'BE') as Jurisdiction
}

function inYears(start: number, end: number, from: number | null, to: number | null): boolean {
  return yearsOverlap(yearOf(start), yearOf(end - 1), from, to)
}

/** Whether the years from `first` to `last` meet the period filter (null: open-ended). */
function yearsOverlap(first: number, last: number, from: number | null, to: number | null): boolean {
  return (from === null || last >= from) && (to === null || first <= to)
}

/** A series needs this many figures to be drawn by default: fewer is a single statement, not a trend. */
export const DEFAULT_MIN_FIGURES = 4

/**
 * The indicators drawn when the user has picked none: with an offence filter, every indicator of
 * those offences; without, the trend series (at least DEFAULT_MIN_FIGURES figures). Of those, the
 * key ones unless all are asked for (see defaultChoice). Derived from the data, so an imported
 * series with enough figures shows up by itself.
 */
export function defaultIndicators(dataset: Dataset, offences: readonly Offence[], series: SeriesSet = 'all'): Indicator[] {
  return defaultChoice(dataset, offences, series).shown
}

/** At most this many indicators are drawn by default: a 10,000-column file must not draw 9,999 lines. */
export const DEFAULT_MAX_SERIES = 20

/** A series with fewer figures than this is listed under the chart as figures, not drawn as lonely dots (unless chosen). */
export const LONE_FIGURES = 3

/** What a view without a choice of indicators draws, and what it leaves for "Show all series". */
export interface DefaultChoice {
  /** The indicators drawn, capped at DEFAULT_MAX_SERIES, in dataset order. */
  readonly shown: Indicator[]
  /** Key series of one or two figures: listed under the chart as figures instead of drawn. */
  readonly lone: Indicator[]
  /** How many indicators the view has in all (what "Show all series" draws, before the cap). */
  readonly total: number
  /** How many the view would draw without the cap (more than `shown` when the cap cut it). */
  readonly uncapped: number
}

/**
 * The default indicators: with `key` (the default), the key series of the view (`importance` in
 * data/indicators.csv), one message rather than every line; an offence whose indicators are all
 * secondary (or imported, which count as key) shows them all. Key series of one or two figures
 * are listed as figures, unless nothing else would be drawn. With `all`, every indicator, as
 * before. At most DEFAULT_MAX_SERIES are drawn.
 */
export function defaultChoice(dataset: Dataset, offences: readonly Offence[], series: SeriesSet = 'all'): DefaultChoice {
  const counts = indexDataset(dataset).countByIndicator
  const all = offences.length > 0 ? dataset.indicators.filter((i) => offences.includes(i.offence)) : dataset.indicators.filter((i) => (counts.get(i.id) ?? 0) >= DEFAULT_MIN_FIGURES)
  const cap = (list: Indicator[]) => (list.length > DEFAULT_MAX_SERIES ? list.slice(0, DEFAULT_MAX_SERIES) : list)
  if (series === 'all') return { shown: cap(all), lone: [], total: all.length, uncapped: all.length }
  const isKey = (i: Indicator) => i.importance !== 'secondary'
  const groups = offences.length > 0 ? offences.map((o) => all.filter((i) => i.offence === o)) : [all]
  const key = new Set(groups.flatMap((g) => (g.some(isKey) ? g.filter(isKey) : g)))
  const chosen = all.filter((i) => key.has(i))
  const drawn = chosen.filter((i) => (counts.get(i.id) ?? 0) >= LONE_FIGURES)
  if (drawn.length === 0) return { shown: cap(chosen), lone: [], total: all.length, uncapped: chosen.length }
  return { shown: cap(drawn), lone: chosen.filter((i) => !drawn.includes(i)), total: all.length, uncapped: drawn.length }
}

/**
 * Applies the filters. Series follow offence, indicator, source, jurisdiction and period; a
 * milestone shows when it is tagged with a selected offence or `general`, and matches the
 * jurisdiction, category and period filters.
 */
export function selectFigures(dataset: Dataset, state: FilterPart): Selection {
  const sources = new Set(state.sources)
  const jurisdictions = new Set<Jurisdiction>(state.jurisdictions)
  const indicators = chosenIndicators(dataset, state)
  // Walk only the kept indicators' rows (grouped and time-ordered once per dataset), on the
  // columns; objects are made only for the figures kept.
  const { rowsByIndicator } = indexDataset(dataset)
  const unfiltered = sources.size === 0 && jurisdictions.size === 0 && state.from === null && state.to === null
  const groups = new Map<string, IndicatorRows>()
  for (const indicator of indicators) {
    const found = rowsByIndicator.get(indicator.id)
    if (!found) continue
    const group = unfiltered ? found : keptRows(found, sources, jurisdictions, state.from, state.to)
    if (group.rows.length === 0) continue
    groups.set(indicator.id, group)
  }
  const milestones = selectMilestones(dataset, state)
  let observations: Observation[] | null = null
  return {
    indicators: indicators.filter((i) => groups.has(i.id)),
    get observations() {
      return (observations ??= [...groups.values()].flatMap(({ block, rows }) => Array.from(rows, (r) => block.row(r))))
    },
    milestones,
    groups,
  }
}

/** An indicator's rows the source, jurisdiction and period filters keep, read on the columns. */
function keptRows({ block, rows }: IndicatorRows, sources: ReadonlySet<string>, jurisdictions: ReadonlySet<Jurisdiction>, from: number | null, to: number | null): IndicatorRows {
  const periodKept = block.periods.map((p) => inYears(p.start, p.end, from, to))
  const kept: number[] = []
  for (const r of rows) {
    if (!periodKept[block.period[r]!]) continue
    if (sources.size > 0 && !sources.has(textOf(block, 'source', r))) continue
    if (jurisdictions.size > 0 && !jurisdictions.has(jurisdictionOf({ region: textOf(block, 'region', r) }))) continue
    kept.push(r)
  }
  return { block, rows: Uint32Array.from(kept) }
}

/** The indicators a view draws: those picked (within the offence filter), or the default ones. */
function chosenIndicators(dataset: Dataset, state: FilterPart): Indicator[] {
  const offences = new Set<Offence>(state.offences)
  const picked = new Set(state.indicators)
  return picked.size === 0
    ? defaultIndicators(dataset, state.offences, state.series ?? 'all')
    : dataset.indicators.filter((i) => picked.has(i.id) && (offences.size === 0 || offences.has(i.offence)))
}

/** The milestones the filters leave. */
export function selectMilestones(dataset: Pick<Dataset, 'milestones'>, state: FilterPart): Milestone[] {
  const offences = new Set<Offence>(state.offences)
  const sources = new Set(state.sources)
  const jurisdictions = new Set<Jurisdiction>(state.jurisdictions)
  const categories = new Set<MilestoneCategory>(state.categories)
  return dataset.milestones.filter(
    (m) =>
      (offences.size === 0 || m.offences.some((o) => o === 'general' || offences.has(o))) &&
      (jurisdictions.size === 0 || jurisdictions.has(m.jurisdiction)) &&
      (categories.size === 0 || categories.has(m.category)) &&
      (sources.size === 0 || sources.has(m.source)) &&
      inYears(m.date.start, m.endDate?.end ?? m.date.end, state.from, state.to),
  )
}

export interface FacetCount {
  readonly figures: number
  readonly milestones: number
}

/**
 * How many figures and milestones each option of a filter would leave, the other filters as they
 * are. It runs on every filter change, so figures are counted from each indicator's tallies
 * (datasetIndex.ts: a few per indicator), never by walking every figure.
 */
export function facetCounts<K extends 'offences' | 'jurisdictions' | 'categories' | 'sources'>(
  dataset: Dataset,
  state: FilterPart,
  facet: K,
  options: readonly FilterPart[K][number][],
): Map<FilterPart[K][number], FacetCount> {
  type Option = FilterPart[K][number]
  const figures = new Map<Option, number>(options.map((o) => [o, 0]))
  const marks = new Map<Option, number>(options.map((o) => [o, 0]))
  const bump = (map: Map<Option, number>, key: Option, by = 1) => {
    const n = map.get(key)
    if (n !== undefined) map.set(key, n + by)
  }
  // The filters with this facet lifted; each kept item then counts for the option(s) it carries.
  const lifted: FilterPart = { ...state, [facet]: [] }
  if (facet !== 'categories') {
    const sources = new Set(lifted.sources)
    const jurisdictions = new Set<Jurisdiction>(lifted.jurisdictions)
    const { talliesByIndicator } = indexDataset(dataset)
    // With no indicator picked, choosing an offence shows all of its indicators.
    const indicators =
      facet === 'offences'
        ? state.indicators.length > 0
          ? dataset.indicators.filter((i) => state.indicators.includes(i.id))
          : dataset.indicators
        : chosenIndicators(dataset, lifted)
    for (const indicator of indicators) {
      for (const t of talliesByIndicator.get(indicator.id) ?? []) {
        const jurisdiction = jurisdictionOf(t)
        if (sources.size > 0 && !sources.has(t.source)) continue
        if (jurisdictions.size > 0 && !jurisdictions.has(jurisdiction)) continue
        if (!yearsOverlap(t.firstYear, t.lastYear, lifted.from, lifted.to)) continue
        const option = facet === 'offences' ? indicator.offence : facet === 'jurisdictions' ? jurisdiction : t.source
        bump(figures, option as Option, t.count)
      }
    }
  }
  const milestones = selectMilestones(dataset, lifted)
  for (const m of milestones) {
    if (facet === 'jurisdictions') bump(marks, m.jurisdiction as Option)
    else if (facet === 'categories') bump(marks, m.category as Option)
    else if (facet === 'sources') bump(marks, m.source as Option)
    // A milestone shows under an offence when tagged with it or `general`.
    else for (const o of options) if (m.offences.some((x) => x === o || x === 'general')) bump(marks, o)
  }
  const counts = new Map<Option, FacetCount>()
  for (const o of options) counts.set(o, { figures: figures.get(o) ?? 0, milestones: marks.get(o) ?? 0 })
  return counts
}
