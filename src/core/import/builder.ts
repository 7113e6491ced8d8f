import { own } from '../dict'
import { BASELINE_NOT_STATED, BASELINE_PREVIOUS_PERIOD, RELATIVE_UNITS, type Offence, type Status, type Unit } from '../model'
import { shortLabelProblem } from '../dataset'
import { MAX_REPORTED_ISSUES } from './limits'
import { extraKey, guessOffence, isOffence, isUnit, slugify, type ExtraColumn, type Mapping, type ReadSettings } from './mapping'
import { parseValueCell, type NumberFormat } from './numbers'
import { normalisePeriod } from './periods'
import type { ImportedIndicator, ImportedTable } from './table'
import { unneutraliseFormulas as unneutralise } from '../csvSafe'

/** Why a row (or, in a wide table, a cell) was not imported. */
export type RowIssueCode =
  | 'ragged_row'
  | 'csv_syntax'
  | 'truncated'
  | 'missing_period'
  | 'unknown_period'
  | 'not_a_number'
  | 'missing_indicator'
  | 'unknown_offence'
  | 'unknown_unit'
  | 'unknown_status'
  | 'relative_without_baseline'
  | 'bad_baseline'
  | 'duplicate'

export interface RowIssue {
  /** 1-based line in the file (the header is line 1). */
  readonly line: number
  /** 1-based column, 0 for the whole row. */
  readonly column: number
  readonly field: string
  readonly code: RowIssueCode
  /** The offending cell, as written. */
  readonly value: string
  /** For `duplicate`: the line of the first figure; for `ragged_row`: the cells found. */
  readonly other: number
}

export interface ImportReport {
  /** Data records read (header and blank lines excluded). */
  readonly records: number
  /** Figures that will be imported. */
  readonly valid: number
  /** Rows (long tables) or cells (wide tables) rejected. */
  readonly rejected: number
  /** Cells holding a missing-value marker (`:`, `-`, `n/a`...): left out, not errors. */
  readonly missing: number
  readonly issues: readonly RowIssue[]
  /** Characters XML 1.0 forbids (controls, U+FFFF…), replaced by U+FFFD: exports could not hold them. */
  readonly replaced: number
  /** Rejections beyond MAX_REPORTED_ISSUES, counted but not detailed. */
  readonly unlisted: number
  /** Rows read with their quotes as text (relaxed quotes), and the first of them. */
  readonly quotesAsText?: { readonly rows: number; readonly first: number }
}

/** What a builder produces: the table, its report, and the series key of each indicator. */
export interface BuiltPart {
  readonly table: ImportedTable
  readonly report: ImportReport
  readonly keys: readonly string[]
}

const STATUS_CODE: Readonly<Record<Status, number>> = { reported: 0, provisional: 1, estimate: 2 }
// A Map: a status cell such as `constructor` must not find Object.prototype's.
const STATUS_WORDS: ReadonlyMap<string, Status> = new Map(Object.entries({
  '': 'reported',
  reported: 'reported',
  provisional: 'provisional',
  estimate: 'estimate',
  estimated: 'estimate',
  p: 'provisional',
  e: 'estimate',
  s: 'estimate',
  f: 'provisional',
  provisoire: 'provisional',
  voorlopig: 'provisional',
  estimation: 'estimate',
  schatting: 'estimate',
} satisfies Record<string, Status>))

class Column<T extends Uint32Array | Float64Array | Uint8Array> {
  data: T
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024)
  }
  grow(n: number): void {
    const next = this.make(Math.max(n, this.data.length * 2))
    next.set(this.data as never)
    this.data = next
  }
  trimmed(length: number): T {
    return this.data.slice(0, length) as T
  }
}

const u32 = (n: number): Uint32Array => new Uint32Array(n)

/**
 * Turns parsed records into an ImportedTable following a mapping: normalises periods (cached per
 * distinct text), numbers (the file's separators, missing markers, flags), statuses and baselines,
 * rejects what cannot be read with its line, column and reason, and spots duplicates with a hash
 * of dictionary codes (no string key per row). Nothing here throws on bad data.
 */
export class TableBuilder {
  private length = 0
  private readonly indicatorCol = new Column(u32)
  private readonly periodCol = new Column(u32)
  private readonly valueCol = new Column((n) => new Float64Array(n))
  private readonly statusCol = new Column((n) => new Uint8Array(n))
  private readonly baselineCol = new Column(u32)
  private readonly ageCol = new Column(u32)
  private readonly genderCol = new Column(u32)
  private readonly regionCol = new Column(u32)
  private readonly noteCol = new Column(u32)
  private readonly quoteCol = new Column(u32)
  private readonly lineCol = new Column(u32)
  private readonly columns = [
    this.indicatorCol, this.periodCol, this.valueCol, this.statusCol, this.baselineCol, this.ageCol,
    this.genderCol, this.regionCol, this.noteCol, this.quoteCol, this.lineCol,
  ]

  private readonly periods: string[] = []
  private readonly periodCodes = new Map<string, number>()
  private readonly strings: string[] = ['']
  private readonly stringCodes = new Map<string, number>([['', 0]])
  private readonly indicators: ImportedIndicator[] = []
  private readonly indicatorCodes = new Map<string, number>()
  /** The series key of each indicator code. */
  private readonly indicatorKeys: string[] = []
  private readonly usedIds = new Set<string>()
  private readonly baselineCodes = new Map<string, number>()

  /** Open-addressing hash of row indexes + 1, keyed by (indicator, period, breakdown). */
  private slots = new Int32Array(1 << 12)

  private records = 0
  private rejected = 0
  private missing = 0
  /** Forbidden characters replaced while reading (counted by the run, which sees the text). */
  replaced = 0
  private readonly issues: RowIssue[] = []
  private unlisted = 0

  private readonly format: NumberFormat
  private readonly width: number
  private readonly extras: readonly ExtraColumn[]
  /** Per column, the last cell read and its string code: runs of equal cells skip the dictionary. */
  private readonly lastCell: (string | undefined)[]
  private readonly lastCode: Int32Array
  private lastPeriodText: string | undefined
  private lastPeriodCode = -1
  private lastKey: string | undefined
  private lastIndicator = -1
  private lastStatusCell: string | undefined
  private lastStatus: Status | undefined
  /** Per indicator code: whether its unit is relative (needs a baseline). */
  private readonly relative: boolean[] = []

  constructor(
    private readonly header: readonly string[],
    settings: ReadSettings,
    private readonly mapping: Mapping,
  ) {
    this.format = settings.numberFormat
    this.width = header.length
    this.extras = (mapping.extras ?? []).filter((e) => e.column >= 0 && e.column < header.length)
    this.lastCell = new Array<string | undefined>(header.length)
    this.lastCode = new Int32Array(header.length)
  }

  private reject(line: number, column: number, code: RowIssueCode, value = '', other = 0): void {
    this.rejected++
    if (this.issues.length < MAX_REPORTED_ISSUES) {
      this.issues.push({ line, column: column + 1, field: column >= 0 ? (this.header[column] ?? '') : '', code, value, other })
    } else this.unlisted++
  }

  /** A record PapaParse could not read. */
  syntax(line: number, kind: 'truncated' | 'quotes'): void {
    this.records++
    this.reject(line, -1, kind === 'truncated' ? 'truncated' : 'csv_syntax')
  }

  private stringCode(text: string): number {
    let code = this.stringCodes.get(text)
    if (code === undefined) {
      code = this.strings.length
      this.strings.push(text)
      this.stringCodes.set(text, code)
    }
    return code
  }

  /** The period's code, -1 when unknown (cached per distinct raw text, known or not). */
  private periodCode(raw: string): number {
    let code = this.periodCodes.get(raw)
    if (code !== undefined) return code
    const text = normalisePeriod(raw)
    if (text === null) code = -1
    else {
      const known = this.periodCodes.get(`\u0000${text}`)
      if (known !== undefined) code = known
      else {
        code = this.periods.length
        this.periods.push(text)
        this.periodCodes.set(`\u0000${text}`, code)
      }
    }
    this.periodCodes.set(raw, code)
    return code
  }

  /** The baseline's string code, -1 when malformed. */
  private baselineCode(raw: string): number {
    let code = this.baselineCodes.get(raw)
    if (code !== undefined) return code
    const text = raw.trim()
    const lower = text.toLowerCase()
    if (!text) code = 0
    else if (lower === BASELINE_NOT_STATED || lower === BASELINE_PREVIOUS_PERIOD) code = this.stringCode(lower)
    else {
      const period = normalisePeriod(text)
      code = period === null ? -1 : this.stringCode(period)
    }
    this.baselineCodes.set(raw, code)
    return code
  }

  /**
   * The indicator's code for a series key, creating it on first sight; -1 with a reason when its
   * offence or unit cell is not in the vocabulary.
   */
  private indicatorCode(key: string, cells: readonly string[] | null, extraUnit: Unit | null): number | RowIssueCode {
    const code = this.indicatorCodes.get(key)
    if (code !== undefined) return code
    const { roles, defaults, overrides } = this.mapping
    const override = own(overrides, key)
    const cell = (index: number): string => (cells && index >= 0 ? unneutralise((cells[index] ?? '').trim()) : '')
    let offence: Offence = override?.offence ?? guessOffence(key) ?? defaults.offence
    let unit: Unit = override?.unit ?? extraUnit ?? defaults.unit
    if (!override && extraUnit) {
      // An extra column's unit is its own: the unit cell names the main value's.
      const offenceCell = cell(roles.offence)
      if (offenceCell) {
        if (!isOffence(offenceCell)) return 'unknown_offence'
        offence = offenceCell
      }
    } else if (!override) {
      const offenceCell = cell(roles.offence)
      if (offenceCell) {
        if (!isOffence(offenceCell)) return 'unknown_offence'
        offence = offenceCell
      }
      const unitCell = cell(roles.unit)
      if (unitCell) {
        if (!isUnit(unitCell)) return 'unknown_unit'
        unit = unitCell
      }
    }
    const en = override?.label || cell(roles.labelEn) || key
    const label = { en, fr: override?.label || cell(roles.labelFr) || en, nl: override?.label || cell(roles.labelNl) || en }
    // A series renamed in the mapping step drops the file's short labels: they shortened the old name.
    const short = override?.label ? null : { en: cell(roles.shortEn), fr: cell(roles.shortFr), nl: cell(roles.shortNl) }
    // Short labels that cannot stand for the label are left out: the legend shows the full one.
    const usable = short && (short.en || short.fr || short.nl) && !shortLabelProblem(short, label) ? short : undefined
    return this.addIndicator(key, offence, unit, label, usable)
  }

  private addIndicator(key: string, offence: Offence, unit: Unit, label: ImportedIndicator['label'], short?: ImportedIndicator['short']): number {
    // A key that is already an id (a canonical file's) stays as it is.
    let id = /^[a-z0-9][a-z0-9_-]{0,59}$/.test(key) ? key : slugify(key)
    if (this.usedIds.has(id)) {
      let n = 2
      while (this.usedIds.has(`${id}_${n}`)) n++
      id = `${id}_${n}`
    }
    this.usedIds.add(id)
    const created = this.indicators.length
    this.indicators.push(short ? { id, offence, unit, label, short } : { id, offence, unit, label })
    this.relative.push(RELATIVE_UNITS.includes(unit))
    this.indicatorKeys.push(key)
    this.indicatorCodes.set(key, created)
    return created
  }

  /**
   * Takes in the result of another builder that read the rest of the same file (from a line
   * boundary, in another worker): its figures are recoded into this builder's dictionaries,
   * checked for duplicates against these, and their lines shifted by `lineOffset`.
   */
  absorb(part: BuiltPart, lineOffset: number): void {
    const t = part.table
    const indicators = part.keys.map((key, i) => {
      const known = this.indicatorCodes.get(key)
      if (known !== undefined) return known
      const def = t.indicators[i]!
      return this.addIndicator(key, def.offence, def.unit, def.label, def.short)
    })
    const periods = t.periods.map((p) => this.periodCode(p))
    const strings = t.strings.map((text) => this.stringCode(text))
    const reportColumn = this.mapping.shape === 'transposed' ? -1 : this.mapping.roles.period
    for (let i = 0; i < t.length; i++) {
      const indicator = indicators[t.indicator[i]!]!
      const period = periods[t.period[i]!]!
      const age = strings[t.ageGroup[i]!]!
      const gender = strings[t.gender[i]!]!
      const region = strings[t.region[i]!]!
      const line = t.line[i]! + lineOffset
      const slot = this.probe(indicator, period, age, gender, region)
      const earlier = this.slots[slot]! - 1
      if (earlier >= 0) {
        this.reject(line, reportColumn, 'duplicate', String(t.value[i]), this.lineCol.data[earlier]!)
        continue
      }
      const r = this.length
      if (r === this.lineCol.data.length) for (const c of this.columns) c.grow(r * 2)
      this.indicatorCol.data[r] = indicator
      this.periodCol.data[r] = period
      this.valueCol.data[r] = t.value[i]!
      this.statusCol.data[r] = t.status[i]!
      this.baselineCol.data[r] = strings[t.baseline[i]!]!
      this.ageCol.data[r] = age
      this.genderCol.data[r] = gender
      this.regionCol.data[r] = region
      this.noteCol.data[r] = strings[t.note[i]!]!
      this.quoteCol.data[r] = strings[t.quote[i]!]!
      this.lineCol.data[r] = line
      this.length = r + 1
      this.slots[slot] = r + 1
      if (this.length * 2 > this.slots.length) this.rehash()
    }
    for (const issue of part.report.issues) {
      if (this.issues.length < MAX_REPORTED_ISSUES) {
        this.issues.push({ ...issue, line: issue.line + lineOffset, other: issue.code === 'duplicate' ? issue.other + lineOffset : issue.other })
      } else this.unlisted++
    }
    this.records += part.report.records
    this.rejected += part.report.rejected
    this.missing += part.report.missing
    this.replaced += part.report.replaced
    this.unlisted += part.report.unlisted
  }

  /** Reads one data record (its cells and the line it starts on). */
  record(cells: string[], line: number): void {
    this.records++
    if (cells.length !== this.width) {
      // Trailing empty cells (a spreadsheet's habit) are harmless; anything else is a ragged row.
      let extra = false
      for (let i = this.width; i < cells.length; i++) if (cells[i]!.trim() !== '') extra = true
      if (cells.length < this.width || extra) {
        this.reject(line, -1, 'ragged_row', '', cells.length)
        return
      }
    }
    const { shape, roles, series } = this.mapping
    let rowKey = ''
    if (shape === 'long') {
      const key = roles.indicator >= 0 ? unneutralise(cells[roles.indicator]!.trim()) : (this.header[roles.value] ?? 'value')
      if (!key) return this.reject(line, roles.indicator, 'missing_indicator')
      this.figure(cells, line, key, roles.period, cells[roles.period] ?? '', roles.value, true)
      rowKey = roles.indicator >= 0 ? key : ''
    } else if (shape === 'wide') {
      const periodCell = cells[roles.period] ?? ''
      for (const column of series) this.figure(cells, line, this.header[column] ?? '', roles.period, periodCell, column, false)
    } else {
      const key = roles.indicator >= 0 ? unneutralise(cells[roles.indicator]!.trim()) : `line ${line}`
      if (!key) return this.reject(line, roles.indicator, 'missing_indicator')
      for (const column of series) this.figure(cells, line, key, column, this.header[column] ?? '', column, false)
      rowKey = key
    }
    for (const extra of this.extras) {
      // Its own period (a `ref2024` column), else the row's period column.
      const own = extra.period.trim() !== '' || shape === 'transposed'
      const key = extraKey(rowKey, this.header[extra.column] ?? '')
      this.figure(cells, line, key, own ? extra.column : roles.period, own ? extra.period : (cells[roles.period] ?? ''), extra.column, false, extra.unit)
    }
  }

  /**
   * Reads one figure. `periodColumn` is where a bad period is reported; `whole` says a rejection
   * rejects the whole row (long tables) rather than one cell.
   */
  private figure(cells: readonly string[], line: number, key: string, periodColumn: number, periodText: string, valueColumn: number, whole: boolean, extraUnit: Unit | null = null): void {
    const roles = this.mapping.roles
    const rawValue = valueColumn >= 0 ? (cells[valueColumn] ?? '') : ''
    const parsed = parseValueCell(rawValue, this.format)
    if (parsed.kind === 'missing') {
      this.missing++
      return
    }
    let period: number
    if (periodText === this.lastPeriodText) period = this.lastPeriodCode
    else {
      if (!periodText.trim()) return this.reject(line, periodColumn, 'missing_period')
      period = this.periodCode(periodText)
      this.lastPeriodText = periodText
      this.lastPeriodCode = period
    }
    if (period < 0) return this.reject(line, periodColumn, 'unknown_period', periodText.trim())
    if (parsed.kind === 'error') return this.reject(line, valueColumn, 'not_a_number', rawValue.trim())
    let indicator: number
    if (key === this.lastKey) indicator = this.lastIndicator
    else {
      if (roles.offence >= 0 && !own(this.mapping.overrides, key)) {
        const cell = (cells[roles.offence] ?? '').trim()
        if (cell && !isOffence(cell)) return this.reject(line, roles.offence, 'unknown_offence', cell)
      }
      if (roles.unit >= 0 && !own(this.mapping.overrides, key) && !extraUnit) {
        const cell = (cells[roles.unit] ?? '').trim()
        if (cell && !isUnit(cell)) return this.reject(line, roles.unit, 'unknown_unit', cell)
      }
      const code = this.indicatorCode(key, cells, extraUnit)
      if (typeof code === 'string') {
        const column = code === 'unknown_offence' ? roles.offence : roles.unit
        return this.reject(line, column, code, cells[column] ?? '')
      }
      // Only rows whose offence and unit cells were checked above may take the shortcut.
      if (roles.offence < 0 && roles.unit < 0 && !extraUnit) {
        this.lastKey = key
        this.lastIndicator = code
      }
      indicator = code
    }
    let status: Status = parsed.status ?? 'reported'
    if (roles.status >= 0) {
      const cell = cells[roles.status] ?? ''
      let named = this.lastStatus
      if (cell !== this.lastStatusCell) {
        named = STATUS_WORDS.get(cell.trim().toLowerCase())
        this.lastStatusCell = cell
        this.lastStatus = named
      }
      if (named === undefined) return this.reject(line, roles.status, 'unknown_status', cell.trim().toLowerCase())
      if (named !== 'reported' || parsed.status === null) status = named
    }
    let baseline = 0
    if (this.relative[indicator]) {
      const rawBaseline = roles.baseline >= 0 ? (cells[roles.baseline] ?? '') : ''
      baseline = this.baselineCode(rawBaseline.trim() ? rawBaseline : this.mapping.defaults.baseline)
      if (baseline < 0) return this.reject(line, roles.baseline, 'bad_baseline', rawBaseline.trim())
      if (baseline === 0) return this.reject(line, roles.baseline, 'relative_without_baseline')
    }
    const age = this.columnCode(cells, roles.ageGroup)
    const gender = this.columnCode(cells, roles.gender)
    const region = this.columnCode(cells, roles.region)
    const slot = this.probe(indicator, period, age, gender, region)
    const earlier = this.slots[slot]! - 1
    if (earlier >= 0) return this.reject(line, whole ? periodColumn : valueColumn, 'duplicate', rawValue.trim(), this.lineCol.data[earlier]!)

    const r = this.length
    if (r === this.lineCol.data.length) for (const c of this.columns) c.grow(r * 2)
    this.indicatorCol.data[r] = indicator
    this.periodCol.data[r] = period
    this.valueCol.data[r] = parsed.value
    this.statusCol.data[r] = STATUS_CODE[status]
    this.baselineCol.data[r] = baseline
    this.ageCol.data[r] = age
    this.genderCol.data[r] = gender
    this.regionCol.data[r] = region
    this.noteCol.data[r] = this.columnCode(cells, roles.note)
    this.quoteCol.data[r] = this.columnCode(cells, roles.quote)
    this.lineCol.data[r] = line
    this.length = r + 1
    this.slots[slot] = r + 1
    if (this.length * 2 > this.slots.length) this.rehash()
  }

  /** The string code of a text cell (trimmed, formula apostrophe undone), 0 without a column. */
  private columnCode(cells: readonly string[], index: number): number {
    if (index < 0) return 0
    const cell = cells[index] ?? ''
    if (cell === this.lastCell[index]) return this.lastCode[index]!
    const code = this.stringCode(unneutralise(cell.trim()))
    this.lastCell[index] = cell
    this.lastCode[index] = code
    return code
  }

  private hash(indicator: number, period: number, age: number, gender: number, region: number): number {
    let h = Math.imul(indicator + 1, 0x9e3779b1)
    h = Math.imul(h ^ (period + 0x7f4a7c15), 0x85ebca6b)
    h = Math.imul(h ^ age, 0xc2b2ae35)
    h = Math.imul(h ^ (gender + 0x165667b1), 0x27d4eb2f)
    h = Math.imul(h ^ (region + 0x61c88647), 0x9e3779b1)
    return (h ^ (h >>> 15)) >>> 0
  }

  /** The slot holding an earlier figure with the same key, or the empty slot where this one goes. */
  private probe(indicator: number, period: number, age: number, gender: number, region: number): number {
    const slots = this.slots
    const mask = slots.length - 1
    for (let s = this.hash(indicator, period, age, gender, region) & mask; ; s = (s + 1) & mask) {
      const slot = slots[s]!
      if (slot === 0) return s
      const r = slot - 1
      if (
        this.indicatorCol.data[r] === indicator &&
        this.periodCol.data[r] === period &&
        this.ageCol.data[r] === age &&
        this.genderCol.data[r] === gender &&
        this.regionCol.data[r] === region
      ) return s
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let r = 0; r < this.length; r++) {
      let s = this.hash(this.indicatorCol.data[r]!, this.periodCol.data[r]!, this.ageCol.data[r]!, this.genderCol.data[r]!, this.regionCol.data[r]!) & mask
      while (slots[s] !== 0) s = (s + 1) & mask
      slots[s] = r + 1
    }
    this.slots = slots
  }

  /** Rows read so far (for progress). */
  get recordCount(): number {
    return this.records
  }

  finish(): BuiltPart {
    const n = this.length
    const table: ImportedTable = {
      length: n,
      indicator: this.indicatorCol.trimmed(n),
      period: this.periodCol.trimmed(n),
      value: this.valueCol.trimmed(n),
      status: this.statusCol.trimmed(n),
      baseline: this.baselineCol.trimmed(n),
      ageGroup: this.ageCol.trimmed(n),
      gender: this.genderCol.trimmed(n),
      region: this.regionCol.trimmed(n),
      note: this.noteCol.trimmed(n),
      quote: this.quoteCol.trimmed(n),
      line: this.lineCol.trimmed(n),
      periods: this.periods,
      strings: this.strings,
      indicators: this.indicators,
    }
    this.slots = new Int32Array(0)
    return {
      table,
      report: {
        records: this.records,
        valid: n,
        rejected: this.rejected,
        missing: this.missing,
        replaced: this.replaced,
        issues: [...this.issues].sort((a, b) => a.line - b.line || a.column - b.column),
        unlisted: this.unlisted,
      },
      keys: this.indicatorKeys,
    }
  }
}
