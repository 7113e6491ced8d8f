import { columnBlock, columnDataset } from '../figures'
import { LOCALES, OFFENCES, STATUSES, TEXT_COLUMNS, UNITS, type Dataset, type FigureBlock, type TextColumn, type Indicator, type Localized, type Offence, type Period, type Source, type Unit } from '../model'
import { parsePeriod } from '../period'
import type { ShownIn } from '../languages'
import { namespacedId, sourceIdOf } from './ids'

/**
 * An imported table held in columns: one typed array per field and dictionaries for the strings,
 * so a million figures take tens of megabytes, not one object each. It is what the worker builds,
 * what IndexedDB stores (typed arrays clone cheaply) and what the Datasets panel summarises.
 * The dashboard reads these very columns (`toDataset`); objects are made only for rows it shows.
 */
export type ImportedTable = ImportedColumns & { readonly [C in ImportedTextColumn]: Uint32Array }

/** The text columns an imported table holds: the model's (TEXT_COLUMNS, model.ts) but its source, which is the file. */
export type ImportedTextColumn = Exclude<TextColumn, 'source'>
export const IMPORTED_TEXT_COLUMNS = TEXT_COLUMNS.filter((c): c is ImportedTextColumn => c !== 'source')

interface ImportedColumns {
  readonly length: number
  /** Index into `indicators`. */
  readonly indicator: Uint32Array
  /** Index into `periods`. */
  readonly period: Uint32Array
  readonly value: Float64Array
  /** Index into STATUSES. */
  readonly status: Uint8Array
  /** The line of the file each figure comes from. */
  readonly line: Uint32Array
  /** ISO 8601 periods. */
  readonly periods: readonly string[]
  /** What the text columns' codes index (0 is the empty string). */
  readonly strings: readonly string[]
  readonly indicators: readonly ImportedIndicator[]
}

export interface ImportedIndicator {
  /** Id within the dataset (the dashboard prefixes it with the dataset's id). */
  readonly id: string
  readonly offence: Offence
  readonly unit: Unit
  readonly label: Localized
  /** Short labels for the legend (`short_en/fr/nl/de` columns), when the file gives valid ones. */
  readonly short?: Localized
  /** The languages the file gives no label in, each with the language shown instead (languages.ts). */
  readonly shownIn?: ShownIn
}

/** An imported dataset as it is listed, stored and merged. */
export interface ImportedDataset {
  readonly id: string
  readonly name: string
  readonly fileName: string
  /** ISO timestamp. */
  readonly importedAt: string
  readonly hidden: boolean
  /**
   * Counts above zero and below this are withheld and shown as "< N" (src/core/suppression.ts);
   * absent: the default (5); 0: none withheld.
   */
  readonly suppressBelow?: number
  readonly table: ImportedTable
}

export { isImportedSource, namespacedId, sourceIdOf } from './ids'

export const TABLE_COLUMNS = ['indicator', 'period', 'value', 'status', ...IMPORTED_TEXT_COLUMNS, 'line'] as const

export interface TableSummary {
  readonly rows: number
  readonly indicators: number
  /** First and last period (ISO text), empty when there are no rows. */
  readonly from: string
  readonly to: string
}

// A memo, not state: a table's dictionary of periods never changes, so each period is parsed once
// however many of checkImported (start-up), summarise (the Datasets panel) and toDataset read it.
const parsed = new WeakMap<readonly string[], readonly (Period | null)[]>()

/** The table's periods parsed (null for one that does not parse), once per dictionary. */
export function parsedPeriods(periods: readonly string[]): readonly (Period | null)[] {
  let list = parsed.get(periods)
  if (!list) parsed.set(periods, (list = periods.map((p) => (typeof p === 'string' ? parsePeriod(p) : null))))
  return list
}

export function summarise(table: ImportedTable): TableSummary {
  let first: Period | null = null
  let last: Period | null = null
  const used = new Uint8Array(table.periods.length)
  for (let i = 0; i < table.length; i++) used[table.period[i]!] = 1
  parsedPeriods(table.periods).forEach((p, i) => {
    if (!used[i] || !p) return
    if (!first || p.start < first.start) first = p
    if (!last || p.end > last.end) last = p
  })
  return {
    rows: table.length,
    indicators: table.indicators.length,
    from: (first as Period | null)?.text ?? '',
    to: (last as Period | null)?.text ?? '',
  }
}

/**
 * An imported indicator's label, short label and fallbacks, German included. A dataset stored
 * before German was a language has none: its German shows the French label where the file gave
 * one (it differs from the English), else the English, and says so (`shownIn`).
 */
export function withGerman(i: ImportedIndicator): Pick<Indicator, 'label' | 'short' | 'shownIn'> {
  if (typeof (i.label as Partial<Localized>).de === 'string') return { label: i.label, short: i.short ?? null, ...(i.shownIn ? { shownIn: i.shownIn } : {}) }
  const from = i.label.fr !== i.label.en ? 'fr' : i.label.nl !== i.label.en ? 'nl' : 'en'
  const shownIn: ShownIn = { ...i.shownIn, de: from }
  return { label: { ...i.label, de: i.label[from] }, short: i.short ? { ...i.short, de: i.short[from] } : null, shownIn }
}

/**
 * An imported dataset in the app's model: namespaced indicators, one source (the file), and its
 * figures as the table's own columns (nothing copied: the block reads the typed arrays and
 * dictionaries the worker built; each period is parsed once). Observation objects are made only
 * for the rows something shows (figures.ts).
 */
export function toDataset(imported: ImportedDataset): Dataset {
  const { table } = imported
  const sourceId = sourceIdOf(imported.id)
  const source: Source = {
    id: sourceId,
    title: imported.name,
    publisher: '',
    date: imported.importedAt.slice(0, 10),
    url: '',
    languages: [],
    document: imported.fileName,
  }
  const indicators: Indicator[] = table.indicators.map((i) => ({
    id: namespacedId(imported.id, i.id),
    offence: i.offence,
    unit: i.unit,
    comparesTo: '',
    partOf: null,
    ...withGerman(i),
    description: { en: '', fr: '', nl: '', de: '' },
    caveat: { en: '', fr: '', nl: '', de: '' },
    dataset: imported.id,
  }))
  // checkImported and the worker let only valid periods in; a bad one would be a broken record.
  const periods = parsedPeriods(table.periods).map((p, i) => p ?? { text: table.periods[i]!, kind: 'year' as const, start: 0, end: 0, mid: 0 })
  const block = columnBlock({
    length: table.length,
    indicator: table.indicator,
    indicators: indicators.map((i) => i.id),
    period: table.period,
    periods,
    value: table.value,
    status: table.status,
    text: Object.fromEntries(TEXT_COLUMNS.map((c) => [c, c === 'source' ? sourceId : table[c]])) as FigureBlock['text'],
    strings: table.strings,
    file: imported.fileName,
    line: table.line,
  })
  return columnDataset({ sources: [source], indicators, milestones: [], figures: [block] })
}

/** The typed arrays of a table, to transfer them between threads without copying. */
export function tableBuffers(table: ImportedTable): ArrayBuffer[] {
  return TABLE_COLUMNS.map((c) => table[c].buffer as ArrayBuffer)
}

/** Bytes held by the typed-array columns. */
export function tableBytes(table: ImportedTable): number {
  return TABLE_COLUMNS.reduce((n, c) => n + table[c].byteLength, 0)
}

/**
 * Checks a value read back from storage, the whole record: every field with its type, every
 * column with its kind and length, every code within its dictionary, every dictionary entry a
 * string, indicator ids unique, offences, units and labels in the vocabulary. Anything that would
 * break a screen later (a blank chart from two indicators with one id, an empty Table in French
 * from a missing `label.fr`) is found here, at start-up. Returns a reason when it is not a usable
 * dataset; hand-written, with a test per field (tests/unit/import-table.test.ts).
 */
export function checkImported(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const d = value as { [K in keyof ImportedDataset]?: unknown }
  if (typeof d.id !== 'string' || !/^[\w-]{1,64}$/.test(d.id)) return 'no id'
  if (typeof d.name !== 'string' || typeof d.fileName !== 'string' || typeof d.importedAt !== 'string') return 'missing name, file name or date'
  if (!d.name.trim()) return 'empty name'
  if (Number.isNaN(Date.parse(d.importedAt))) return 'bad import date'
  if (typeof d.hidden !== 'boolean') return 'bad hidden flag'
  const t = d.table as { [K in keyof ImportedTable]?: unknown } | undefined
  if (!t || typeof t !== 'object') return 'no table'
  if (typeof t.length !== 'number' || !Number.isInteger(t.length) || t.length < 0) return 'bad row count'
  const length = t.length
  if (!Array.isArray(t.periods) || !Array.isArray(t.strings) || !Array.isArray(t.indicators)) return 'missing dictionaries'
  const kinds: Partial<Record<(typeof TABLE_COLUMNS)[number], unknown>> = { value: Float64Array, status: Uint8Array }
  for (const c of TABLE_COLUMNS) {
    const column = t[c] as unknown
    const kind = (kinds[c] ?? Uint32Array) as typeof Uint32Array
    if (!(column instanceof kind) || column.length !== length) return `column ${c} is missing or has the wrong length`
  }
  const values = t.value as Float64Array
  for (let r = 0; r < length; r++) if (!Number.isFinite(values[r]!)) return `value ${r + 1} is not a number`
  if (t.strings.some((s) => typeof s !== 'string')) return 'a text in the dictionary is not text'
  if (t.periods.some((p) => typeof p !== 'string') || parsedPeriods(t.periods as string[]).some((p) => !p)) return 'bad period'
  const ids = new Set<string>()
  for (const i of t.indicators as unknown[]) {
    const ind = (typeof i === 'object' && i !== null ? i : {}) as { [K in keyof ImportedIndicator]?: unknown }
    const label = (typeof ind.label === 'object' && ind.label !== null ? ind.label : {}) as Record<string, unknown>
    if (typeof ind.id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,79}$/.test(ind.id)) return 'bad indicator id'
    if (ids.has(ind.id)) return `two indicators with the id "${ind.id}"`
    ids.add(ind.id)
    if (!(OFFENCES as readonly unknown[]).includes(ind.offence)) return `indicator "${ind.id}": unknown offence`
    if (!(UNITS as readonly unknown[]).includes(ind.unit)) return `indicator "${ind.id}": unknown unit`
    // Datasets stored before German have no German label: toDataset gives them one (withGerman).
    const stored = (l: string, texts: Record<string, unknown>) => typeof texts[l] === 'string' || (l === 'de' && texts[l] === undefined)
    for (const l of LOCALES) if (!stored(l, label)) return `indicator "${ind.id}": no ${l.toUpperCase()} label`
    if (ind.short !== undefined) {
      const short = (typeof ind.short === 'object' && ind.short !== null ? ind.short : {}) as Record<string, unknown>
      for (const l of LOCALES) if (!stored(l, short)) return `indicator "${ind.id}": no ${l.toUpperCase()} short label`
    }
    if (ind.shownIn !== undefined && (typeof ind.shownIn !== 'object' || ind.shownIn === null)) return `indicator "${ind.id}": bad shownIn`
  }
  const limits: [(typeof TABLE_COLUMNS)[number], number][] = [
    ['indicator', t.indicators.length],
    ['period', t.periods.length],
    ['status', STATUSES.length],
    ...IMPORTED_TEXT_COLUMNS.map((c): [ImportedTextColumn, number] => [c, (t.strings as unknown[]).length]),
  ]
  for (const [c, limit] of limits) {
    const column = t[c] as Uint32Array
    for (let r = 0; r < column.length; r++) if (column[r]! >= limit) return `column ${c} refers past its dictionary`
  }
  return null
}
