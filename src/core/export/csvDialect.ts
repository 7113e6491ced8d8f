/**
 * CSV dialects for spreadsheets. A French or Dutch (Belgian) Excel splits a CSV on `;` and reads
 * `11,7` as a number; an English one splits on `,` and reads `11.7`. The file follows the reader:
 * the French, Dutch and German interface default to semicolons and decimal commas, English keeps commas,
 * and every reader can choose the other one. Numbers stay numbers in both: a withheld figure leaves
 * `value` empty and says why in a `flag` column. Every text cell is neutralised (csvSafe).
 */
import type { Locale } from '../model'
import { CSV_COLUMNS, csvNumber, neutralise } from './csv'
import type { FigureRow } from './labels'

export interface CsvDialect {
  readonly delimiter: ',' | ';'
  readonly decimal: '.' | ','
}

export const CSV_DIALECTS = {
  /** RFC 4180 as English spreadsheets and most programs read it. */
  comma: { delimiter: ',', decimal: '.' },
  /** As Belgian (French and Dutch) spreadsheets read it. */
  semicolon: { delimiter: ';', decimal: ',' },
} as const satisfies Record<string, CsvDialect>

export type CsvDialectName = keyof typeof CSV_DIALECTS

/** The dialect a reader of the interface's language opens in columns without an import wizard. */
export function defaultDialect(locale: Locale): CsvDialectName {
  return locale === 'en' ? 'comma' : 'semicolon'
}

/** A cell of a CSV file: a number (written with the dialect's decimal mark) or text (neutralised). */
export type CsvCell = number | string | null

/** A number as the dialect writes it: up to 4 decimals, no grouping, the dialect's decimal mark. */
export function dialectNumber(value: number, dialect: CsvDialect): string {
  const text = csvNumber(value)
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal)
}

/** Quotes a cell holding the delimiter, a quote or a line break (RFC 4180), quotes doubled. */
export function quoteFor(cell: string, dialect: CsvDialect): string {
  const needs = cell.includes(dialect.delimiter) || /["\r\n]/.test(cell)
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** One cell as written: numbers are never neutralised (they cannot be formulas), text always is. */
export function writeCell(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? dialectNumber(cell, dialect) : ''
  return quoteFor(neutralise(cell), dialect)
}

/** A CSV file in a dialect: UTF-8 with a byte-order mark (spreadsheets then read accents right), CRLF lines. */
export function toDialectCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect, bom = true): string {
  const body = rows.map((row) => row.map((cell) => writeCell(cell, dialect)).join(dialect.delimiter)).join('\r\n')
  return `${bom ? '\uFEFF' : ''}${body}\r\n`
}

/** The spreadsheet CSV's columns: the CSV export's, with `flag` after `value`. */
export const SPREADSHEET_COLUMNS = [...CSV_COLUMNS.slice(0, 5), 'flag', ...CSV_COLUMNS.slice(5)] as const

/**
 * The figures shown, one row each, for a spreadsheet: `value` a number (empty when withheld),
 * `flag` the withheld figure's mark ("< 5"), the rest as the CSV export writes it.
 */
export function spreadsheetRows(rows: readonly FigureRow[]): CsvCell[][] {
  const body = rows.map((r): CsvCell[] => [
    r.indicator,
    r.label,
    r.breakdown,
    r.period,
    r.suppressed !== undefined ? null : r.value,
    r.suppressed !== undefined ? r.shown : '',
    r.unit,
    r.baseline,
    r.status,
    r.sourceId,
    r.source?.title ?? '',
    r.source?.publisher ?? '',
    r.source?.url ?? '',
    r.quote,
    r.note,
  ])
  return [[...SPREADSHEET_COLUMNS], ...body]
}

export function spreadsheetCsv(rows: readonly FigureRow[], dialect: CsvDialect): string {
  return toDialectCsv(spreadsheetRows(rows), dialect)
}
