import { neutraliseFormulas } from '../csvSafe'
import type { FigureRow } from './labels'

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

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** A value as the CSV writes it: full precision up to 4 decimals, no grouping. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000)
}

/** The CSV rows (header first) of the figures shown, every cell neutralised. */
export function csvRows(rows: readonly FigureRow[]): string[][] {
  const body = rows.map((r) => [
    r.indicator,
    r.label,
    r.breakdown,
    r.period,
    r.suppressed !== undefined ? r.shown : csvNumber(r.value),
    r.unit,
    r.baseline,
    r.status,
    r.sourceId,
    r.source?.title ?? '',
    r.source?.publisher ?? '',
    r.source?.url ?? r.source?.document ?? '',
    r.quote,
    r.note,
  ])
  return [[...CSV_COLUMNS], ...body].map((row) => row.map(neutralise))
}

/** The CSV file: UTF-8 with a byte-order mark (so spreadsheets read accents right), CRLF lines. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(quoteCell).join(',')).join('\r\n')}\r\n`
}
