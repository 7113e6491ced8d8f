import { dict } from '../dict'
import type { Offence, Unit } from '../model'
import type { Encoding } from './encoding'
import {
  DELIMITERS,
  guessOffence,
  isCodeHeader,
  noRoles,
  normaliseHeader,
  roleOfHeader,
  unitOfHeader,
  type ExtraColumn,
  type HeaderWarning,
  type Mapping,
  type ReadSettings,
  type Roles,
  type SeriesSetting,
} from './mapping'
import { detectNumberFormat, parseValueCell, type NumberFormat } from './numbers'
import { normalisePeriodWithForm, type PeriodForm } from './periods'
import { CsvStream, tokenizeRelaxed, type Newline, type QuoteMode } from './stream'
import { PREVIEW_ROWS } from './limits'

/** What detection found at the start of a file: every setting, the header, a preview and a mapping. */
export interface Sniff {
  readonly settings: ReadSettings
  readonly bom: boolean
  readonly header: readonly string[]
  readonly headerWarnings: readonly HeaderWarning[]
  /** The first data rows, with their lines, for the preview. */
  readonly preview: readonly { readonly line: number; readonly cells: readonly string[] }[]
  /** The period forms seen, per column (transposed tables: in the header). */
  readonly periodForms: readonly (readonly PeriodForm[])[]
  readonly mapping: Mapping
  /** Series keys seen in the sample, for the label editor. */
  readonly seriesKeys: readonly string[]
  /** The first line whose quotes are read as text (relaxed quotes), 0 when none. */
  readonly quotesAsText: number
  /** The file starts with Excel's `sep=` line, which named the delimiter. */
  readonly sepLine: boolean
}

export type SniffFailure = 'empty' | 'header_only' | 'no_columns' | 'unclosed_quote' | 'line_too_long'

/** Why detection gave up, with the line it concerns where there is one. */
export interface SniffRefusal {
  readonly problem: SniffFailure
  readonly line?: number
}

/** Excel's first line `sep=;` names the delimiter: it is no row of the table. */
const SEP_LINE = /^sep=([,;\t|])[ \t]*(?=\r\n|\n|\r|$)/i

/** The delimiter named by an Excel `sep=` first line, if any. */
export function sepLine(text: string): string | null {
  const found = SEP_LINE.exec(text)
  return found ? found[1]! : null
}

/** Blanks an Excel `sep=` first line (kept as an empty line, so line numbers stay those of the file). */
export function dropSepLine(text: string): string {
  return text.replace(SEP_LINE, '')
}

interface Sample {
  readonly records: { line: number; cells: string[] }[]
  readonly syntax: { line: number; kind: 'truncated' | 'quotes' }[]
  /** Lines whose quotes were read as text (relaxed mode). */
  readonly literal: number[]
  /** The text of the record left unfinished at the end of the sample, and its line. */
  readonly rest: string
  readonly restLine: number
}

function readSample(text: string, delimiter: string, newline: Newline, complete: boolean, quotes: QuoteMode, limit = 200): Sample {
  const records: { line: number; cells: string[] }[] = []
  const syntax: Sample['syntax'] = []
  const literal: number[] = []
  const stream = new CsvStream(
    delimiter,
    newline,
    {
      record: (cells, line) => {
        if (records.length < limit) records.push({ line, cells })
      },
      syntax: (line, kind) => syntax.push({ line, kind }),
      literal: (line) => literal.push(line),
    },
    quotes,
  )
  stream.push(text)
  const restLine = stream.nextLine
  const rest = stream.pending ? text.slice(text.length - stream.carried) : ''
  if (complete) stream.end()
  return { records, syntax, literal, rest, restLine }
}

export function detectNewline(text: string): Newline {
  const n = text.indexOf('\n')
  if (n < 0) return text.includes('\r') ? '\r' : '\n'
  return n > 0 && text[n - 1] === '\r' ? '\r\n' : '\n'
}

/** Reads up to `limit` records of a sample (its last, maybe cut, line dropped unless complete). */
export function sampleRecords(text: string, delimiter: string, newline: Newline, complete: boolean, limit = 200, quotes: QuoteMode = 'standard'): { line: number; cells: string[] }[] {
  return readSample(text, delimiter, newline, complete, quotes, limit).records
}

/**
 * Picks the delimiter that splits the sample's rows into the same number of cells (more than
 * one) most often; among equally consistent ones, the one that gives more cells.
 */
export function detectDelimiter(text: string, newline: Newline, complete: boolean): string {
  let best: string = ','
  let bestScore = -1
  const sample = text.slice(0, 64 * 1024)
  for (const delimiter of DELIMITERS) {
    // Relaxed quotes: a stray quote (a formula cell) must not hide the rows after it.
    const records = sampleRecords(sample, delimiter, newline, complete, 50, 'relaxed')
    const counts = new Map<number, number>()
    for (const r of records) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1)
    let mode = 1
    let modeCount = 0
    for (const [width, count] of counts) if (count > modeCount || (count === modeCount && width > mode)) [mode, modeCount] = [width, count]
    const score = mode > 1 ? (modeCount / Math.max(1, records.length)) * 1000 + Math.min(mode, 999) : 0
    if (score > bestScore) [best, bestScore] = [delimiter, score]
  }
  return best
}

const NUMBER_SHAPED = /^[-+−]?[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*%?(\s*[a-z]{1,4})?$/i

/**
 * The cells the number format is guessed from: those of a column named as the value, else of
 * every column whose cells are mostly number-shaped (a label such as "1,5" in a text column is no
 * evidence).
 */
function numberCells(records: readonly { cells: readonly string[] }[]): string[] {
  const [head, ...rows] = records
  if (!head) return []
  const valueColumn = head.cells.findIndex((h) => roleOfHeader(h) === 'value')
  const columns = valueColumn >= 0 ? [valueColumn] : head.cells.map((_, c) => c)
  const out: string[] = []
  for (const c of columns) {
    const cells = rows.map((r) => (r.cells[c] ?? '').trim()).filter(Boolean)
    const shaped = cells.filter((cell) => NUMBER_SHAPED.test(cell))
    if (shaped.length > 0 && shaped.length >= 0.8 * cells.length) out.push(...shaped)
  }
  return out
}

function isNumberLike(cell: string, format: NumberFormat): boolean {
  return parseValueCell(cell, format).kind === 'value'
}

export interface SniffOptions {
  readonly encoding: Encoding
  readonly bom: boolean
  /** Whether `text` is the whole file (else its last line may be cut). */
  readonly complete: boolean
  /** Settings the user chose, overriding detection. */
  readonly forced?: Partial<Omit<ReadSettings, 'encoding'>>
}

/** Detects settings, header, shape and column roles from the start of a file. Never throws. */
export function sniff(text: string, options: SniffOptions): Sniff | SniffRefusal {
  const named = sepLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  const body = dropSepLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (!body.trim()) return { problem: 'empty' }
  const forced = options.forced ?? {}
  const newline = forced.newline ?? detectNewline(body)
  const delimiter = forced.delimiter ?? named ?? detectDelimiter(body, newline, options.complete)
  let quotes: QuoteMode = forced.quotes ?? 'standard'
  let sample = readSample(body, delimiter, newline, options.complete, quotes)
  if (forced.quotes === undefined) {
    // Quotes that are plainly text (inside a cell, a formula's) make a strict reader swallow the
    // rest of the file: read them as text when that gives the rows back.
    const relaxed = readSample(body, delimiter, newline, options.complete, 'relaxed')
    if (relaxed.literal.length > 0 && (sample.syntax.length > 0 || sample.records.length < relaxed.records.length)) {
      quotes = 'relaxed'
      sample = relaxed
    }
  }
  const records = sample.records
  /** Why the record left open at the end of the sample is open: a quote never closed, or a very long line. */
  const openRecord = (): SniffRefusal => {
    const cut = tokenizeRelaxed(sample.rest, delimiter, newline, true).records.some((r) => r.unclosed)
    return { problem: cut ? 'unclosed_quote' : 'line_too_long', line: sample.restLine }
  }
  if (records.length === 0) {
    if (!options.complete && sample.rest) return openRecord()
    const truncated = sample.syntax.find((e) => e.kind === 'truncated')
    return truncated ? { problem: 'unclosed_quote', line: truncated.line } : { problem: 'empty' }
  }
  const preferComma = delimiter === ';' || (delimiter === '\t' && /\d,\d/.test(body.slice(0, 4096)))
  const numberFormat = forced.numberFormat ?? detectNumberFormat(numberCells(records), preferComma)
  const first = records[0]!.cells
  // A first row with a word in it is a header; a row of numbers is data.
  const hasHeader = forced.hasHeader ?? first.some((c) => c.trim() !== '' && !isNumberLike(c, numberFormat))
  const width = Math.max(...records.map((r) => r.cells.length))
  if (width < 2 && records.length > 0 && !forced.delimiter) {
    // One column: nothing to map (no period beside a value).
    return { problem: 'no_columns' }
  }
  const rawHeader = hasHeader ? first : Array.from({ length: first.length }, () => '')
  const { header, warnings } = normaliseHeader(rawHeader)
  const data = hasHeader ? records.slice(1) : records
  if (data.length === 0) {
    // A header and nothing readable under it: say why, with the line, when a quote or a long line is the cause.
    const truncated = sample.syntax.find((e) => e.kind === 'truncated')
    if (truncated) return { problem: 'unclosed_quote', line: truncated.line }
    if (!options.complete && sample.rest) return openRecord()
    if (options.complete) return { problem: 'header_only' }
  }
  const settings: ReadSettings = { encoding: options.encoding, delimiter, newline, hasHeader, numberFormat, quotes }
  const periodForms = header.map((_, c) => {
    const forms = new Set<PeriodForm>()
    for (const r of data) {
      const found = normalisePeriodWithForm(r.cells[c] ?? '')
      if (found) forms.add(found.form)
    }
    return [...forms]
  })
  const { mapping, seriesKeys } = suggestMapping(header, data.map((r) => r.cells), numberFormat)
  const headerForms = header.map((h) => normalisePeriodWithForm(h)?.form)
  return {
    settings,
    bom: options.bom,
    header,
    headerWarnings: warnings,
    preview: data.slice(0, PREVIEW_ROWS),
    periodForms: mapping.shape === 'transposed' ? headerForms.map((f) => (f ? [f] : [])) : periodForms,
    mapping,
    seriesKeys,
    quotesAsText: quotes === 'relaxed' ? (sample.literal[0] ?? 0) : 0,
    sepLine: named !== null,
  }
}

/** Share of the non-empty cells of a column that pass `test`. */
function share(rows: readonly (readonly string[])[], column: number, test: (cell: string) => boolean): number {
  let n = 0
  let ok = 0
  for (const row of rows) {
    const cell = (row[column] ?? '').trim()
    if (!cell) continue
    n++
    if (test(cell)) ok++
  }
  return n === 0 ? 0 : ok / n
}

/**
 * Suggests a mapping: roles from header words (EN, FR, NL, canonical), the period column from its
 * content, value columns from numbers, and the shape: periods in the header -> transposed; a text
 * column that names series or a single value column -> long; several value columns -> wide (a
 * region column beside them, as in Our World in Data's `Entity, Code, Year, …`, is a breakdown).
 * In a long table the value is the column that names a count ("Nombre de faits"), not a rate
 * beside it; the rate is read in the same pass as a series of its own (an extra column).
 */
export function suggestMapping(header: readonly string[], rows: readonly (readonly string[])[], format: NumberFormat): { mapping: Mapping; seriesKeys: string[] } {
  const roles: Roles = noRoles()
  const named = header.map((h) => roleOfHeader(h))
  named.forEach((role, c) => {
    if (role && roles[role] < 0) roles[role] = c
  })
  const headerPeriods = header.map((h, c) => (named[c] === null && normalisePeriodWithForm(h) ? c : -1)).filter((c) => c >= 0)
  const numeric = (c: number): boolean => share(rows, c, (cell) => parseValueCell(cell, format).kind !== 'error') >= 0.8 && share(rows, c, (cell) => parseValueCell(cell, format).kind === 'value') > 0
  const defaults = { offence: 'general' as Offence, unit: 'count' as const, baseline: '' }
  const overrides = dict<SeriesSetting>()
  const setting = (key: string, unit: Unit = defaults.unit): SeriesSetting => ({ label: key, offence: guessOffence(key) ?? defaults.offence, unit })
  /** A rate or a share named by its header keeps that unit; anything else is a count. */
  const unitOf = (c: number): Unit => {
    const unit = unitOfHeader(header[c] ?? '')
    return unit === 'rate_per_100k' || unit === 'percent' ? unit : 'count'
  }

  if (headerPeriods.length >= 2) {
    if (roles.indicator < 0) {
      const unnamed = header.findIndex((_, c) => !headerPeriods.includes(c) && named[c] === null)
      roles.indicator = unnamed >= 0 ? unnamed : header.findIndex((_, c) => !headerPeriods.includes(c))
    }
    roles.period = -1
    roles.value = -1
    const keys = [...new Set(rows.map((r) => (r[roles.indicator] ?? '').trim()).filter(Boolean))].slice(0, 50)
    for (const k of keys) overrides[k] = setting(k)
    return { mapping: { shape: 'transposed', roles, series: headerPeriods, defaults, overrides, extras: [] }, seriesKeys: keys }
  }
  if (roles.period < 0) {
    roles.period = header.findIndex((_, c) => named[c] === null && share(rows, c, (cell) => normalisePeriodWithForm(cell) !== null) >= 0.8)
  }
  const free = (c: number): boolean => c !== roles.period && !Object.values(roles).includes(c)
  const numbers = header.map((_, c) => c).filter((c) => free(c) && numeric(c))
  // A code column (OWID's `Code` beside `Entity`) repeats a breakdown: it names no series.
  const texts = header.map((_, c) => c).filter((c) => free(c) && !numbers.includes(c) && !isCodeHeader(header[c]!))
  if (roles.value < 0 && roles.indicator < 0 && numbers.length >= 2 && texts.length === 0) {
    for (const c of numbers) overrides[header[c]!] = setting(header[c]!, unitOf(c))
    return { mapping: { shape: 'wide', roles, series: numbers, defaults, overrides, extras: [] }, seriesKeys: numbers.map((c) => header[c]!) }
  }
  if (roles.value < 0) {
    // The count, not the rate or share beside it; without a word either way, the last number column.
    const counts = numbers.filter((c) => unitOfHeader(header[c]!) === 'count')
    const plain = numbers.filter((c) => unitOfHeader(header[c]!) === null)
    roles.value = counts[0] ?? plain[plain.length - 1] ?? numbers[numbers.length - 1] ?? -1
  }
  if (roles.indicator < 0 && texts.length > 0) roles.indicator = texts[0]!
  // Other number columns whose header says what they hold (a rate, a share, another count) are
  // read as series of their own; the rest are listed as not imported, for the user to decide.
  const extras: ExtraColumn[] = numbers.filter((c) => c !== roles.value && unitOfHeader(header[c]!) !== null).map((c) => ({ column: c, unit: unitOf(c), period: '' }))
  const valueUnit = roles.value >= 0 ? unitOf(roles.value) : defaults.unit
  const keys =
    roles.indicator >= 0
      ? [...new Set(rows.map((r) => (r[roles.indicator] ?? '').trim()).filter(Boolean))].slice(0, 50)
      : roles.value >= 0
        ? [header[roles.value]!]
        : []
  // A canonical file names offence and unit per row: leave those to its columns.
  if (roles.offence < 0 && roles.unit < 0 && roles.labelEn < 0) for (const k of keys) overrides[k] = setting(k, valueUnit)
  return { mapping: { shape: 'long', roles, series: [], defaults, overrides, extras }, seriesKeys: keys }
}
