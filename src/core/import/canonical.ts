import { neutraliseFormulas, unneutraliseFormulas } from '../csvSafe'
import { CANONICAL_COLUMNS } from '../dataset'
import { STATUSES } from '../model'
import type { ImportReport } from './builder'
import type { ImportedDataset } from './table'

/**
 * One CSV cell, quoted when needed. Text that a spreadsheet would run as a formula
 * (`=HYPERLINK(...)`, `+1`, `-cmd`, `@SUM`, also after a `;`) gets an apostrophe (see csvSafe);
 * numbers are written plain.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = neutraliseFormulas(value)
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** Undoes csvCell's apostrophes when a file Vigie exported is imported again. */
export const unneutralise = unneutraliseFormulas

export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',')
}

/** The observations columns of the canonical model, then the indicator's own columns. */
export const EXPORT_COLUMNS = [...CANONICAL_COLUMNS.observations, 'offence', 'unit', 'label_en', 'label_fr', 'label_nl'] as const
/** Written after EXPORT_COLUMNS only when some indicator has short labels: other files keep their old shape. */
export const SHORT_COLUMNS = ['short_en', 'short_fr', 'short_nl'] as const
/**
 * Written last only when some indicator has a German label of its own, not one name in every language
 * (files without German keep their shape); a German label that fell back is written empty, so the file
 * re-imports the same.
 */
export const GERMAN_COLUMNS = ['label_de', 'short_de'] as const

/**
 * An imported dataset as canonical CSV (UTF-8, comma, header): the observations file's columns,
 * each row carrying its indicator's offence, unit and labels so that the file re-imports on its own.
 * The source column names the dataset; figures are written as plain numbers (`1232`, `12.5`).
 */
export function exportCanonicalCsv(dataset: ImportedDataset): string {
  const { table } = dataset
  const withShort = table.indicators.some((i) => i.short)
  const ownGerman = (i: (typeof table.indicators)[number]): boolean => typeof i.label.de === 'string' && !i.shownIn?.de
  // A series named by its key or in the mapping step has one name in every language: nothing German to keep.
  const aName = (i: (typeof table.indicators)[number]): boolean => i.label.de === i.label.en && i.label.fr === i.label.en && i.label.nl === i.label.en
  const withGerman = table.indicators.some((i) => ownGerman(i) && !aName(i))
  const lines = [[...EXPORT_COLUMNS, ...(withShort ? SHORT_COLUMNS : []), ...(withGerman ? GERMAN_COLUMNS : [])].join(',')]
  const s = (code: number): string => table.strings[code] ?? ''
  for (let r = 0; r < table.length; r++) {
    const indicator = table.indicators[table.indicator[r]!]!
    lines.push(
      csvLine([
        indicator.id,
        table.periods[table.period[r]!] ?? '',
        table.value[r]!,
        s(table.baseline[r]!),
        s(table.ageGroup[r]!),
        s(table.gender[r]!),
        s(table.region[r]!),
        STATUSES[table.status[r]!] ?? 'reported',
        dataset.name,
        s(table.quote[r]!),
        s(table.note[r]!),
        indicator.offence,
        indicator.unit,
        indicator.label.en,
        indicator.label.fr,
        indicator.label.nl,
        ...(withShort ? [indicator.short?.en ?? '', indicator.short?.fr ?? '', indicator.short?.nl ?? ''] : []),
        ...(withGerman ? (ownGerman(indicator) ? [indicator.label.de, indicator.short?.de ?? ''] : ['', '']) : []),
      ]),
    )
  }
  return lines.join('\r\n') + '\r\n'
}

/** The validation report as CSV: one row per rejected row or cell, with its reason in words. */
export function reportCsv(report: ImportReport, reason: (issue: ImportReport['issues'][number]) => string, headings: readonly string[]): string {
  const lines = [csvLine(headings)]
  for (const issue of report.issues) lines.push(csvLine([issue.line, issue.column || '', issue.field, issue.value, reason(issue)]))
  return lines.join('\r\n') + '\r\n'
}
