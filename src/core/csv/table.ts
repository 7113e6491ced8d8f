import Papa from 'papaparse'
import type { DataIssue } from '../model'

/** One data row of a CSV file, with the line it starts on (header = line 1). */
export interface TableRow {
  readonly line: number
  readonly cells: readonly string[]
}

export interface Table {
  readonly file: string
  readonly header: readonly string[]
  readonly rows: readonly TableRow[]
}

export interface Parsed<T> {
  readonly value: T
  readonly issues: readonly DataIssue[]
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++
  return n
}

/**
 * Parses a comma-separated file with a header row. Never throws: syntax errors (an unclosed quote,
 * a row with too many or too few cells) come back as issues with their line, and the good rows are kept.
 */
export function parseTable(file: string, text: string, delimiter = ','): Parsed<Table> {
  const issues: DataIssue[] = []
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: { line: number; cells: string[] }[] = []
  let cursor = 0
  let line = 1
  Papa.parse<string[]>(body, {
    header: false,
    delimiter,
    skipEmptyLines: false,
    step(result) {
      const next = result.meta.cursor
      // Lines consumed before this record started, counting the newline that ended the previous one.
      const startLine = line
      line += countNewlines(body, cursor, next)
      cursor = next
      for (const error of result.errors) {
        issues.push({
          file,
          line: startLine,
          column: 0,
          field: '',
          code: 'csv_syntax',
          message: `CSV syntax: ${error.message}`,
        })
      }
      // A record with a syntax error (e.g. a file cut inside quotes) is reported, not half-read.
      if (result.errors.length > 0) return
      const cells = result.data
      if (cells.length === 1 && cells[0] === '') return // blank line
      records.push({ line: startLine, cells })
    },
  })
  const header = (records.shift()?.cells ?? []).map((name) => name.trim())
  const rows: TableRow[] = []
  for (const record of records) {
    if (record.cells.length !== header.length) {
      issues.push({
        file,
        line: record.line,
        column: 0,
        field: '',
        code: 'ragged_row',
        message: `row has ${record.cells.length} cells, the header has ${header.length}`,
      })
      continue
    }
    rows.push(record)
  }
  return { value: { file, header, rows }, issues }
}
