import { own } from '../dict'
import { BASELINE_NOT_STATED, BASELINE_PREVIOUS_PERIOD, RELATIVE_UNITS, type Offence, type Status, type Unit } from '../model'
import { shortLabelProblem } from '../dataset'
import { fillTexts, shownInField } from '../languages'
import { guessOffence, isOffence, isUnit, slugify, type Mapping } from './mapping'
import { normalisePeriod } from './periods'
import type { ImportedIndicator } from './table'
import { unneutraliseFormulas as unneutralise } from '../csvSafe'

export const STATUS_CODE: Readonly<Record<Status, number>> = { reported: 0, provisional: 1, estimate: 2 }
// A Map: a status cell such as `constructor` must not find Object.prototype's.
export const STATUS_WORDS: ReadonlyMap<string, Status> = new Map(Object.entries({
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

/**
 * The dictionaries an import codes its cells into, normalising each distinct text once: texts,
 * periods (ISO), baselines (an ISO period or a keyword) and indicators (from a series key, with
 * offence, unit and labels from the mapping or the row's cells).
 */
export class Dictionaries {
  readonly periods: string[] = []
  private readonly periodCodes = new Map<string, number>()
  readonly strings: string[] = ['']
  private readonly stringCodes = new Map<string, number>([['', 0]])
  readonly indicators: ImportedIndicator[] = []
  private readonly indicatorCodes = new Map<string, number>()
  /** The series key of each indicator code. */
  readonly indicatorKeys: string[] = []
  private readonly usedIds = new Set<string>()
  private readonly baselineCodes = new Map<string, number>()
  /** Per indicator code: whether its unit is relative (needs a baseline). */
  readonly relative: boolean[] = []

  constructor(private readonly mapping: Mapping) {}

  stringCode(text: string): number {
    let code = this.stringCodes.get(text)
    if (code === undefined) {
      code = this.strings.length
      this.strings.push(text)
      this.stringCodes.set(text, code)
    }
    return code
  }

  /** The period's code, -1 when unknown (cached per distinct raw text, known or not). */
  periodCode(raw: string): number {
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
  baselineCode(raw: string): number {
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

  /** The code of an indicator already seen under this series key. */
  knownIndicator(key: string): number | undefined {
    return this.indicatorCodes.get(key)
  }

  /**
   * The indicator's code for a series key, creating it on first sight; a reason when its offence
   * or unit cell is not in the vocabulary.
   */
  indicatorCode(key: string, cells: readonly string[] | null, extraUnit: Unit | null): number | 'unknown_offence' | 'unknown_unit' {
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
    // A series name (its key, a header, or a name typed in the mapping step) is the same in every
    // language: no language's own, so none falls back. Label columns are per language: each missing
    // one falls back (languages.ts) and the Indicators screen says which one is shown.
    const { text: label, shownIn } = override?.label
      ? fillTexts({ en: override.label, fr: override.label, nl: override.label, de: override.label })
      : fillTexts({ en: cell(roles.labelEn) || key, fr: cell(roles.labelFr), nl: cell(roles.labelNl), de: cell(roles.labelDe) })
    // A series renamed in the mapping step drops the file's short labels: they shortened the old name.
    const shortCells = override?.label ? null : { en: cell(roles.shortEn), fr: cell(roles.shortFr), nl: cell(roles.shortNl), de: cell(roles.shortDe) }
    // Short labels that cannot stand for the label are left out: the legend shows the full one.
    const usable = shortCells && (shortCells.en || shortCells.fr || shortCells.nl) && !shortLabelProblem(shortCells, label) ? shortCells : undefined
    // No German short label: the short label of the language the German label comes from, else the German label.
    const short = usable && { ...usable, de: usable.de || (shownIn.de ? usable[shownIn.de] : label.de) }
    return this.addIndicator(key, offence, unit, label, short || undefined, shownIn)
  }

  addIndicator(
    key: string,
    offence: Offence,
    unit: Unit,
    label: ImportedIndicator['label'],
    short?: ImportedIndicator['short'],
    shownIn: NonNullable<ImportedIndicator['shownIn']> = {},
  ): number {
    // A key that is already an id (a canonical file's) stays as it is.
    let id = /^[a-z0-9][a-z0-9_-]{0,59}$/.test(key) ? key : slugify(key)
    if (this.usedIds.has(id)) {
      let n = 2
      // At most one step per id taken: each one tried and found taken is a different id.
      while (this.usedIds.has(`${id}_${n}`) && n <= this.usedIds.size + 1) n++
      id = `${id}_${n}`
    }
    this.usedIds.add(id)
    const created = this.indicators.length
    this.indicators.push({ id, offence, unit, label, ...(short ? { short } : {}), ...shownInField(shownIn) })
    this.relative.push(RELATIVE_UNITS.includes(unit))
    this.indicatorKeys.push(key)
    this.indicatorCodes.set(key, created)
    return created
  }
}
