import { own } from '../dict'
import type { Status, Unit } from '../model'
import { HeldColumns, type FigureCodes } from './columns'
import { Dictionaries, STATUS_CODE, STATUS_WORDS } from './dictionaries'
import { extraKey, isOffence, isUnit, type ExtraColumn, type Mapping, type ReadSettings } from './mapping'
import { parseValueCell, type NumberFormat } from './numbers'
import { IssueLog, type BuiltPart, type RowIssueCode } from './report'
import { unneutraliseFormulas as unneutralise } from '../csvSafe'

export type { BuiltPart, ImportReport, RowIssue, RowIssueCode } from './report'

/**
 * Turns parsed records into an ImportedTable following a mapping, one job per part: this file
 * reads a record's cells by the mapping's shape (long, wide, transposed, extra columns) and
 * checks each figure; `dictionaries.ts` normalises and codes texts, periods, baselines and
 * indicators (each distinct text once); `columns.ts` holds the figures and spots duplicates;
 * `report.ts` logs what was rejected, with line, column and reason. Nothing here throws on bad data.
 */
export class TableBuilder {
  private readonly held = new HeldColumns()
  private readonly codes: Dictionaries
  private readonly log: IssueLog
  /** One figure's codes, filled for each figure in turn (no object per row). */
  private readonly figureCodes: FigureCodes = { indicator: 0, period: 0, value: 0, status: 0, baseline: 0, ageGroup: 0, gender: 0, region: 0, note: 0, quote: 0, line: 0 }

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
    this.codes = new Dictionaries(mapping)
    this.log = new IssueLog(header)
  }

  /** Forbidden characters replaced while reading (counted by the run, which sees the text). */
  get replaced(): number {
    return this.log.replaced
  }
  set replaced(n: number) {
    this.log.replaced = n
  }

  private reject(line: number, column: number, code: RowIssueCode, value = '', other = 0): void {
    this.log.reject(line, column, code, value, other)
  }

  /** A record PapaParse could not read. */
  syntax(line: number, kind: 'truncated' | 'quotes'): void {
    this.log.records++
    this.reject(line, -1, kind === 'truncated' ? 'truncated' : 'csv_syntax')
  }

  /**
   * Takes in the result of another builder that read the rest of the same file (from a line
   * boundary, in another worker): its figures are recoded into this builder's dictionaries,
   * checked for duplicates against these, and their lines shifted by `lineOffset`.
   */
  absorb(part: BuiltPart, lineOffset: number): void {
    const t = part.table
    const indicators = part.keys.map((key, i) => {
      const known = this.codes.knownIndicator(key)
      if (known !== undefined) return known
      const def = t.indicators[i]!
      return this.codes.addIndicator(key, def.offence, def.unit, def.label, def.short, def.shownIn)
    })
    const periods = t.periods.map((p) => this.codes.periodCode(p))
    const strings = t.strings.map((text) => this.codes.stringCode(text))
    const reportColumn = this.mapping.shape === 'transposed' ? -1 : this.mapping.roles.period
    const f = this.figureCodes
    for (let i = 0; i < t.length; i++) {
      f.indicator = indicators[t.indicator[i]!]!
      f.period = periods[t.period[i]!]!
      f.value = t.value[i]!
      f.status = t.status[i]!
      f.baseline = strings[t.baseline[i]!]!
      f.ageGroup = strings[t.ageGroup[i]!]!
      f.gender = strings[t.gender[i]!]!
      f.region = strings[t.region[i]!]!
      f.note = strings[t.note[i]!]!
      f.quote = strings[t.quote[i]!]!
      f.line = t.line[i]! + lineOffset
      const earlier = this.held.lineOfSame(f)
      if (earlier >= 0) this.reject(f.line, reportColumn, 'duplicate', String(t.value[i]), earlier)
      else this.held.add(f)
    }
    this.log.absorb(part.report, lineOffset)
  }

  /** Reads one data record (its cells and the line it starts on). */
  record(cells: string[], line: number): void {
    this.log.records++
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
      this.log.missing++
      return
    }
    let period: number
    if (periodText === this.lastPeriodText) period = this.lastPeriodCode
    else {
      if (!periodText.trim()) return this.reject(line, periodColumn, 'missing_period')
      period = this.codes.periodCode(periodText)
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
      const code = this.codes.indicatorCode(key, cells, extraUnit)
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
    if (this.codes.relative[indicator]) {
      const rawBaseline = roles.baseline >= 0 ? (cells[roles.baseline] ?? '') : ''
      baseline = this.codes.baselineCode(rawBaseline.trim() ? rawBaseline : this.mapping.defaults.baseline)
      if (baseline < 0) return this.reject(line, roles.baseline, 'bad_baseline', rawBaseline.trim())
      if (baseline === 0) return this.reject(line, roles.baseline, 'relative_without_baseline')
    }
    const f = this.figureCodes
    f.indicator = indicator
    f.period = period
    f.value = parsed.value
    f.status = STATUS_CODE[status]
    f.baseline = baseline
    f.ageGroup = this.columnCode(cells, roles.ageGroup)
    f.gender = this.columnCode(cells, roles.gender)
    f.region = this.columnCode(cells, roles.region)
    const earlier = this.held.lineOfSame(f)
    if (earlier >= 0) return this.reject(line, whole ? periodColumn : valueColumn, 'duplicate', rawValue.trim(), earlier)
    f.note = this.columnCode(cells, roles.note)
    f.quote = this.columnCode(cells, roles.quote)
    f.line = line
    this.held.add(f)
  }

  /** The string code of a text cell (trimmed, formula apostrophe undone), 0 without a column. */
  private columnCode(cells: readonly string[], index: number): number {
    if (index < 0) return 0
    const cell = cells[index] ?? ''
    if (cell === this.lastCell[index]) return this.lastCode[index]!
    const code = this.codes.stringCode(unneutralise(cell.trim()))
    this.lastCell[index] = cell
    this.lastCode[index] = code
    return code
  }

  /** Rows read so far (for progress). */
  get recordCount(): number {
    return this.log.records
  }

  finish(): BuiltPart {
    const { periods, strings, indicators, indicatorKeys } = this.codes
    const table = this.held.finish({ periods, strings, indicators })
    return { table, report: this.log.report(table.length), keys: indicatorKeys }
  }
}
