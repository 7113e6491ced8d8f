/**
 * How recent the data are: the day the sources were last checked (the footer's "data checked up
 * to"), and the figures known to be published but not yet in the data (`data/newer.csv`, the
 * Indicators screen's flag beside "latest figure"). `csv/newer.ts` reads that file at build time.
 */
import type { DataIssue, Dataset, Origin, Period, Source } from './model'
import { indexDataset } from './datasetIndex'
import { parsePeriod } from './period'

/** The latest `checked` date of the sources, as a month, or null when none has one. */
export function dataCheckedUpTo(sources: readonly Pick<Source, 'checked'>[]): Period | null {
  let latest: string | null = null
  for (const s of sources) {
    const month = s.checked?.slice(0, 7) ?? ''
    if (/^\d{4}-\d{2}$/.test(month) && (latest === null || month > latest)) latest = month
  }
  return latest === null ? null : parsePeriod(latest)
}

/** A figure a published source is known to hold, later than the indicator's latest figure in the data. */
export interface KnownNewer {
  readonly indicator: string
  /** The period of the newer figure (e.g. `2024`). */
  readonly period: Period
  /** Where it is (or is said to be) published. */
  readonly url: string
  /** Why it is not in the data yet (English, for maintainers; the app shows a translated flag). */
  readonly note: string
  readonly origin: Origin
}

/**
 * A known newer figure names an indicator of the data and a period after its latest figure: once
 * the figure is added, the row must go (check-data says so), so the flag never outlives the gap.
 */
export function knownNewerProblems(dataset: Dataset, newer: readonly KnownNewer[]): DataIssue[] {
  const problems: DataIssue[] = []
  const ids = new Set(dataset.indicators.map((i) => i.id))
  for (const n of newer) {
    const issue = (field: string, column: number, message: string) => problems.push({ file: n.origin.file, line: n.origin.line, column, field, code: 'unknown_indicator', message })
    if (!ids.has(n.indicator)) {
      issue('indicator', 1, `"${n.indicator}" is not an indicator of the data`)
      continue
    }
    const latest = latestFigure(dataset, n.indicator)
    if (latest && latest.end >= n.period.end) {
      issue('period', 2, `${n.indicator} already has a figure for ${latest.text}, as late as ${n.period.text}: remove this row`)
    }
  }
  return problems
}

/** The period of an indicator's latest figure, or null when it has none. */
export function latestFigure(dataset: Dataset, indicator: string): Period | null {
  const found = indexDataset(dataset).rowsByIndicator.get(indicator)
  let latest: Period | null = null
  for (const r of found?.rows ?? []) {
    const period = found!.block.periods[found!.block.period[r]!]!
    if (!latest || period.end > latest.end) latest = period
  }
  return latest
}

/** The latest known newer figure of each indicator. */
export function newerByIndicator(newer: readonly KnownNewer[]): ReadonlyMap<string, KnownNewer> {
  const map = new Map<string, KnownNewer>()
  for (const n of newer) {
    const current = map.get(n.indicator)
    if (!current || n.period.end > current.period.end) map.set(n.indicator, n)
  }
  return map
}
