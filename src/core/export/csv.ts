import { neutraliseFormulas } from '../csvSafe'

/** Columns of the CSV export: machine-readable names, one row per plotted figure. */
export const CSV_COLUMNS = [
  'indicator',
  'label',
  'breakdown',
  'period',
  'value',
  'unit',
  'baseline',
  'status',
  'source',
  'source_title',
  'source_publisher',
  'source_url',
  'quote',
  'note',
] as const

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/**
 * Neutralises a cell a spreadsheet would read as a formula (OWASP "CSV injection"): text going on
 * with `=`, `+`, `-`, `@`, a tab or a carriage return at its start or after any separator a
 * spreadsheet may split on gets a `'` there (see csvSafe). A plain number such as `-12.5` cannot
 * be a formula and stays a number.
 */
export function neutralise(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell
  return neutraliseFormulas(cell)
}

/** A value as the CSV writes it: full precision up to 4 decimals, no grouping. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000)
}
