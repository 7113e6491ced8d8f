/**
 * How recent the data are: the day the sources were last checked (the footer's "data checked up
 * to"), and the figures known to be published but not yet in the data (`data/newer.csv`, the
 * Indicators screen's flag beside "latest figure").
 */
import { parseTable, type Parsed } from './csv/table'
import type { DataIssue, Dataset, Origin, Period, Source } from './model'
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

export const NEWER_COLUMNS = ['indicator', 'period', 'url', 'note'] as const

/** Reads `data/newer.csv`; every problem comes back with its line and column, bad rows are left out. */
export function readKnownNewer(file: string, text: string): Parsed<KnownNewer[]> {
  const { value: table, issues: parseIssues } = parseTable(file, text)
  const issues: DataIssue[] = [...parseIssues]
  const at = (name: string) => table.header.indexOf(name)
  const missing = NEWER_COLUMNS.filter((c) => at(c) < 0)
  if (text.trim() !== '' && missing.length > 0) {
    return { value: [], issues: [...issues, { file, line: 1, column: 0, field: missing[0]!, code: 'missing_column', message: `the header lacks the column "${missing[0]}"` }] }
  }
  const rows: KnownNewer[] = []
  for (const row of table.rows) {
    const cell = (name: (typeof NEWER_COLUMNS)[number]) => (row.cells[at(name)] ?? '').trim()
    const problem = (name: (typeof NEWER_COLUMNS)[number], message: string) =>
      issues.push({ file, line: row.line, column: at(name) + 1, field: name, code: 'empty_required', message })
    const period = parsePeriod(cell('period'))
    if (!cell('indicator')) problem('indicator', 'indicator is empty')
    else if (!period) problem('period', `period "${cell('period')}" is not an ISO period`)
    else if (!/^https?:\/\//.test(cell('url'))) problem('url', 'url is not an http(s) address a reader can open')
    else if (!cell('note')) problem('note', 'note is empty: say where the figure stands and why it is not in the data')
    else rows.push({ indicator: cell('indicator'), period, url: cell('url'), note: cell('note'), origin: { file, line: row.line } })
  }
  return { value: rows, issues }
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
export function latestFigure(dataset: Pick<Dataset, 'observations'>, indicator: string): Period | null {
  let latest: Period | null = null
  for (const o of dataset.observations) if (o.indicator === indicator && (!latest || o.period.end > latest.end)) latest = o.period
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
