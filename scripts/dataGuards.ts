/**
 * Rules of the bundled data that the CSV reader cannot see row by row: where a series break sits,
 * whether a milestone's precision says more than its note allows, whether a proposal is tiered as
 * the README says. `npm run check-data` runs them on data/ (see data/README.md for each rule).
 */
import { CANONICAL_COLUMNS, EXTENSION_COLUMNS } from '../src/core/dataset'
import type { DataIssue, Dataset, Milestone, Observation } from '../src/core/model'
import { startsNewSegment } from '../src/core/transform'

/**
 * The definition a figure's note states: "Counted as case files (dossiers) from here" → "case files".
 * It ends at punctuation or at a word that starts a clause (from, where, as, in, since, until).
 */
const DEFINITION = /\bcounted as ((?:(?!\b(?:from|where|as|in|since|until)\b)[^;.,()])+)/i
const BREAK_AT_START = /^series break:/i

function definitionOf(o: Observation): string | null {
  const match = DEFINITION.exec(o.note)
  return match ? match[1]!.trim().toLowerCase() : null
}

function noteIssue(o: Observation | Milestone, code: DataIssue['code'], message: string, file: 'observations' | 'milestones', field = 'note'): DataIssue {
  const column = ([...CANONICAL_COLUMNS[file], ...EXTENSION_COLUMNS[file]] as readonly string[]).indexOf(field) + 1
  return { file: o.origin.file, line: o.origin.line, column, field, code, message }
}

/**
 * A `Series break:` marker sits on the first figure of the new definition: not on a series' first
 * figure (nothing to break from), not after a figure whose note states the same definition
 * ("Counted as …"), and only at the start of the note (the app breaks the line wherever the words
 * appear). Two neighbours stating different definitions need a marker between them.
 */
export function seriesBreakProblems(dataset: Dataset): DataIssue[] {
  const problems: DataIssue[] = []
  const series = new Map<string, Observation[]>()
  for (const o of dataset.observations) {
    const key = [o.indicator, o.ageGroup, o.gender, o.region].join('\u0000')
    series.set(key, [...(series.get(key) ?? []), o])
  }
  for (const figures of series.values()) {
    const sorted = [...figures].sort((a, b) => a.period.start - b.period.start)
    sorted.forEach((o, i) => {
      const before = i > 0 ? sorted[i - 1]! : null
      const marked = startsNewSegment(o)
      const where = `${o.indicator} ${o.period.text}`
      if (marked && !BREAK_AT_START.test(o.note)) {
        problems.push(noteIssue(o, 'misplaced_series_break', `${where}: the note mentions a series break but does not start with "Series break:"`, 'observations'))
      } else if (marked && !before) {
        problems.push(noteIssue(o, 'misplaced_series_break', `${where}: a series break on the series' first figure (nothing before it to break from)`, 'observations'))
      } else if (marked && before && definitionOf(before) !== null && definitionOf(before) === definitionOf(o)) {
        problems.push(
          noteIssue(o, 'misplaced_series_break', `${where}: the series break follows ${before.period.text}, which is counted the same way ("${definitionOf(o)}"); the marker belongs on the first figure of the new definition`, 'observations'),
        )
      } else if (!marked && before && definitionOf(before) !== null && definitionOf(o) !== null && definitionOf(before) !== definitionOf(o)) {
        problems.push(
          noteIssue(o, 'misplaced_series_break', `${where}: counted as "${definitionOf(o)}" where ${before.period.text} is counted as "${definitionOf(before)}", without a "Series break:" note`, 'observations'),
        )
      }
    })
  }
  return problems
}

const PRECISION_NAMED = /\bprecision '?(day|month|year)'?/i

/**
 * A milestone's date says no more than its note allows: a date the note calls inferred is shown
 * at year precision (a day or month on an inferred year reads as a stated date), and a note that
 * names a precision names the one in the `precision` column.
 */
export function milestonePrecisionProblems(dataset: Dataset): DataIssue[] {
  const problems: DataIssue[] = []
  for (const m of dataset.milestones) {
    const named = PRECISION_NAMED.exec(m.note)?.[1]?.toLowerCase()
    if (/\binferred\b/i.test(m.note) && m.precision !== 'year') {
      problems.push(noteIssue(m, 'precision_mismatch', `milestone ${m.date.text}: the note says its date is inferred, so its precision is year, not ${m.precision}`, 'milestones', 'precision'))
    } else if (named && named !== m.precision) {
      problems.push(noteIssue(m, 'precision_mismatch', `milestone ${m.date.text}: the note says precision ${named}, the precision column ${m.precision}`, 'milestones', 'precision'))
    }
  }
  return problems
}

/** The tiering of data/README.md: a proposal not in force is secondary. */
export function tieringProblems(dataset: Dataset): DataIssue[] {
  return dataset.milestones
    .filter((m) => m.importance === 'key' && /\bnot in force\b/i.test(m.note))
    .map((m) => noteIssue(m, 'proposal_marked_key', `milestone ${m.date.text}: the note says it is not in force, so its importance is secondary, not key`, 'milestones', 'importance'))
}

export function dataGuardProblems(dataset: Dataset): DataIssue[] {
  return [...seriesBreakProblems(dataset), ...milestonePrecisionProblems(dataset), ...tieringProblems(dataset)]
}
