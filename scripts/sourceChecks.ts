/**
 * The checks of data/ that need the source documents kept outside the repository (../shared):
 * quotes word for word against the seed documents, and every published figure of the research
 * file present with its URL. `npm run check-data` runs them when the documents are there and says
 * which it could not run; `npm run check-sources` (a CI step of its own) requires them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseTable } from '../src/core/csv/table'
import { checkQuotes } from '../src/core/dataset'
import type { DataIssue, Dataset } from '../src/core/model'

export interface SourceCheck {
  readonly name: string
  /** Where the documents were looked for. */
  readonly path: string
  /** Problems found, or null when the documents were not there and the check did not run. */
  readonly problems: readonly DataIssue[] | null
}

export function checkAgainstSeeds(dataset: Dataset, seedsDir: string): SourceCheck {
  const name = 'quotes word for word against the seed documents'
  if (!existsSync(seedsDir)) return { name, path: seedsDir, problems: null }
  const documents = new Map(readdirSync(seedsDir).map((file) => [file, readFileSync(join(seedsDir, file), 'utf8')]))
  return { name, path: seedsDir, problems: checkQuotes(dataset, documents) }
}

/**
 * Every figure of the research file (`indicator, period, value, …, source_url, …`; rows whose
 * indicator starts with `event_` are milestones) must be in the data set exactly once: same period
 * and value, from a source with the same URL. Indicator ids may differ (ours avoid outdated terms).
 * A figure deliberately stored otherwise (a correction) must say so in its note, naming the
 * research figure: "the research file gives 17".
 */
export function researchFigureProblems(dataset: Dataset, file: string, text: string): DataIssue[] {
  const { value: table, issues } = parseTable(file, text)
  const problems: DataIssue[] = [...issues]
  const column = (name: string) => table.header.indexOf(name)
  const [indicatorAt, periodAt, valueAt, urlAt] = ['indicator', 'period', 'value', 'source_url'].map(column) as [number, number, number, number]
  if (Math.min(indicatorAt, periodAt, valueAt, urlAt) < 0) {
    return [...problems, { file, line: 1, column: 0, field: '', code: 'missing_column', message: 'expected the columns indicator, period, value and source_url' }]
  }
  const urlOf = new Map(dataset.sources.map((s) => [s.id, s.url]))
  for (const row of table.rows) {
    const indicator = row.cells[indicatorAt] ?? ''
    if (indicator.startsWith('event_')) continue
    const period = row.cells[periodAt] ?? ''
    const value = Number(row.cells[valueAt])
    const url = row.cells[urlAt] ?? ''
    const matches = dataset.observations.filter((o) => o.period.text === period && o.value === value && urlOf.get(o.source) === url)
    if (matches.length === 1) continue
    const corrected = dataset.observations.filter(
      (o) => o.period.text === period && urlOf.get(o.source) === url && o.note.includes(`research file gives ${row.cells[valueAt]}`),
    )
    if (matches.length === 0 && corrected.length === 1) continue
    problems.push({
      file,
      line: row.line,
      column: 0,
      field: '',
      code: 'published_figure_missing',
      message:
        matches.length === 0
          ? `${indicator} ${period} = ${row.cells[valueAt]} (${url}) is not in data/ with that source URL`
          : `${indicator} ${period} = ${row.cells[valueAt]} (${url}) is in data/ ${matches.length} times`,
    })
  }
  return problems
}

export function checkAgainstResearch(dataset: Dataset, researchFile: string): SourceCheck {
  const name = 'published figures of the research file present with their URLs'
  if (!existsSync(researchFile)) return { name, path: researchFile, problems: null }
  return { name, path: researchFile, problems: researchFigureProblems(dataset, researchFile, readFileSync(researchFile, 'utf8')) }
}
