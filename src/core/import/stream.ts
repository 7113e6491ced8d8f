import Papa from 'papaparse'

export type Newline = '\n' | '\r\n' | '\r'

/**
 * How quotes are read: `standard` (RFC 4180, by PapaParse), or `relaxed`, for files whose quotes
 * are plainly text (`=HYPERLINK("http://…","click")` written into an unquoted cell): a quote opens a
 * quoted cell only at the cell's start and only if its closing quote is followed by a delimiter
 * or a line break; otherwise the cell is read as it stands, quotes included.
 */
export type QuoteMode = 'standard' | 'relaxed'

/** What the tokenizer hands on: a record's cells and the line it starts on, or a syntax problem. */
export interface RecordSink {
  record(cells: string[], line: number): void
  /** A record PapaParse could not read (a stray quote, a file cut inside quotes). */
  syntax(line: number, kind: 'truncated' | 'quotes'): void
  /** A record read with its quotes as text (relaxed mode only). */
  literal?(line: number): void
}

interface RelaxedRecord {
  readonly cells: string[]
  /** Lines the record spans. */
  readonly span: number
  /** Some of its quotes were read as text. */
  readonly literal: boolean
  /** A quote opened at a cell's start and never closed: the file ends inside it. */
  readonly unclosed: boolean
}

function countBreaks(text: string, from: number, to: number, breakChar: string): number {
  let n = 0
  for (let i = text.indexOf(breakChar, from); i >= 0 && i < to; i = text.indexOf(breakChar, i + 1)) n++
  return n
}

/** A formula cell cut by the delimiter (`=HYPERLINK("a"`, `"b")`) is joined again while its brackets are open. */
function joinFormulas(cells: string[], delimiter: string): string[] {
  const out: string[] = []
  for (let i = 0; i < cells.length; i++) {
    let cell = cells[i]!
    const open = (text: string): number => text.split('(').length - text.split(')').length
    if (/^\s*[=+@]/.test(cell)) while (open(cell) > 0 && i + 1 < cells.length) cell += delimiter + cells[++i]!
    out.push(cell)
  }
  return out
}

/**
 * The relaxed tokenizer (QuoteMode). Returns the complete records of `text` and where the first
 * unfinished one starts (`final`: the text is the end of the file, every record is complete).
 */
export function tokenizeRelaxed(text: string, delimiter: string, newline: Newline, final: boolean): { records: RelaxedRecord[]; cursor: number } {
  const records: RelaxedRecord[] = []
  const breakChar = newline === '\r' ? '\r' : '\n'
  const n = text.length
  const more = (at: number): boolean => !final && newline.startsWith(text.slice(at)) && at + newline.length > n
  let i = 0
  let nextDelimiter = -2
  let nextBreak = -2
  records: while (i < n) {
    const start = i
    const cells: string[] = []
    let literal = false
    for (;;) {
      let quoted = false
      if (text.charCodeAt(i) === 34) {
        let j = i + 1
        let value = ''
        let state: 'open' | 'closed' | 'text' = 'open'
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0) break
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(j, q + 1)
            j = q + 2
            continue
          }
          const after = q + 1
          if (after < n && more(after)) return { records, cursor: start }
          if (after >= n) {
            if (!final) return { records, cursor: start }
            state = 'closed'
          } else state = text.startsWith(delimiter, after) || text.startsWith(newline, after) ? 'closed' : 'text'
          if (state === 'closed') {
            value += text.slice(j, q)
            i = after
          }
          break
        }
        if (state === 'open') {
          if (!final) return { records, cursor: start }
          records.push({ cells: [], span: countBreaks(text, start, n, breakChar) + 1, literal: false, unclosed: true })
          break records
        }
        if (state === 'closed') {
          cells.push(value)
          quoted = true
        } else literal = true
      }
      if (!quoted) {
        // The next delimiter and line break are looked up again only once passed: linear, not
        // quadratic, when a delimiter never occurs (as when detection tries each delimiter).
        if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = text.indexOf(delimiter, i)
        if (nextBreak !== -1 && nextBreak < i) nextBreak = text.indexOf(newline, i)
        const d = nextDelimiter
        const nl = nextBreak
        let end = d < 0 ? nl : nl < 0 ? d : Math.min(d, nl)
        if (end < 0) {
          if (!final) return { records, cursor: start }
          end = n
        }
        cells.push(text.slice(i, end))
        i = end
      }
      if (i >= n) {
        if (!final) return { records, cursor: start }
        records.push({ cells: literal ? joinFormulas(cells, delimiter) : cells, span: countBreaks(text, start, n, breakChar) + 1, literal, unclosed: false })
        break records
      }
      if (text.startsWith(delimiter, i)) {
        i += delimiter.length
        continue
      }
      if (more(i)) return { records, cursor: start }
      records.push({ cells: literal ? joinFormulas(cells, delimiter) : cells, span: countBreaks(text, start, i, breakChar) + 1, literal, unclosed: false })
      i += newline.length
      continue records
    }
  }
  return { records, cursor: n }
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
    private readonly delimiter: string,
    private readonly newline: Newline,
    private readonly sink: RecordSink,
    private readonly quotes: QuoteMode = 'standard',
  ) {
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' })
    this.breakChar = newline === '\r' ? '\r' : '\n'
  }

  /** Whether a record is unfinished (e.g. inside a quoted cell) at this point. */
  get pending(): boolean {
    return this.carry !== ''
  }

  /** Characters of an unfinished record waiting for the next chunk. */
  get carried(): number {
    return this.carry.length
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line
  }

  /** Parses what can be parsed of `text`; an unfinished record waits for the next chunk. */
  push(text: string): void {
    const input = this.carry ? this.carry + text : text
    if (this.quotes === 'relaxed') {
      const { records, cursor } = tokenizeRelaxed(input, this.delimiter, this.newline, false)
      this.emitRelaxed(records)
      this.carry = input.slice(cursor)
      return
    }
    const result = this.parser.parse(input, 0, true)
    this.emit(result, input)
    this.carry = input.slice(result.meta.cursor)
  }

  /** Parses what is left: a record still inside quotes here means the file was cut. */
  end(): void {
    if (!this.carry) return
    const input = this.carry
    this.carry = ''
    if (this.quotes === 'relaxed') return this.emitRelaxed(tokenizeRelaxed(input, this.delimiter, this.newline, true).records)
    const result = this.parser.parse(input, 0, false)
    this.emit(result, input)
  }

  private emitRelaxed(records: readonly RelaxedRecord[]): void {
    for (const r of records) {
      const line = this.line
      this.line += r.span
      if (r.unclosed) this.sink.syntax(line, 'truncated')
      else if (r.cells.length === 1 && r.cells[0]!.trim() === '') continue
      else {
        if (r.literal) this.sink.literal?.(line)
        this.sink.record(r.cells, line)
      }
    }
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
