import Papa from 'papaparse'

export type Newline = '\n' | '\r\n' | '\r'

/** What the tokenizer hands on: a record's cells and the line it starts on, or a syntax problem. */
export interface RecordSink {
  record(cells: string[], line: number): void
  /** A record PapaParse could not read (a stray quote, a file cut inside quotes). */
  syntax(line: number, kind: 'truncated' | 'quotes'): void
}

/**
 * Feeds text in chunks to PapaParse's tokenizer, carrying an unfinished last record over to the
 * next chunk (as PapaParse's own streamers do), and numbers each record with the line it starts on:
 * a record spans one line plus the line breaks inside its quoted cells. Blank lines are skipped.
 */
export class CsvStream {
  private readonly parser: Papa.Parser
  private carry = ''
  private line = 1
  private readonly breakChar: string

  constructor(
    delimiter: string,
    newline: Newline,
    private readonly sink: RecordSink,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' })
    this.breakChar = newline === '\r' ? '\r' : '\n'
  }

  /** Whether a record is unfinished (e.g. inside a quoted cell) at this point. */
  get pending(): boolean {
    return this.carry !== ''
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line
  }

  /** Parses what can be parsed of `text`; an unfinished record waits for the next chunk. */
  push(text: string): void {
    const input = this.carry ? this.carry + text : text
    const result = this.parser.parse(input, 0, true)
    this.emit(result, input)
    this.carry = input.slice(result.meta.cursor)
  }

  /** Parses what is left: a record still inside quotes here means the file was cut. */
  end(): void {
    if (!this.carry) return
    const input = this.carry
    this.carry = ''
    const result = this.parser.parse(input, 0, false)
    this.emit(result, input)
  }

  private emit(result: Papa.ParseResult<string[]>, input: string): void {
    const rows = result.data
    const quoted = input.includes('"')
    const failed = new Map<number, 'truncated' | 'quotes'>()
    for (const error of result.errors) {
      if (error.row === undefined) continue
      failed.set(error.row, error.code === 'MissingQuotes' ? 'truncated' : 'quotes')
    }
    const breakChar = this.breakChar
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!
      const line = this.line
      let span = 1
      if (quoted) for (const cell of cells) if (cell.includes(breakChar)) span += cell.split(breakChar).length - 1
      this.line += span
      const problem = failed.get(i)
      if (problem) {
        this.sink.syntax(line, problem)
        continue
      }
      if (cells.length === 1 && cells[0]!.trim() === '') continue
      this.sink.record(cells, line)
    }
  }
}
