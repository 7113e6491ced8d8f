/**
 * Reads `data/newer.csv`, the figures known to be published but not yet in the data (see
 * `core/freshness.ts`). Build-time and check-data only: kept apart from `freshness.ts`, which the
 * first load needs, so the CSV parser stays out of it.
 */
import type { DataIssue } from '../model'
import { parsePeriod } from '../period'
import type { KnownNewer } from '../freshness'
import { parseTable, type Parsed } from './table'

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
