import { STATUSES, type Dataset, type Indicator, type Localized, type Observation, type Offence, type Period, type Source, type Status, type Unit } from '../model'
import { parsePeriod } from '../period'

/**
 * An imported table held in columns: one typed array per field and dictionaries for the strings,
 * so a million figures take tens of megabytes, not one object each. It is what the worker builds,
 * what IndexedDB stores (typed arrays clone cheaply) and what the Datasets panel summarises.
 * Observation objects are made from it only when the dashboard shows the dataset (`toDataset`).
 */
export interface ImportedTable {
  readonly length: number
  /** Index into `indicators`. */
  readonly indicator: Uint32Array
  /** Index into `periods`. */
  readonly period: Uint32Array
  readonly value: Float64Array
  /** Index into STATUSES. */
  readonly status: Uint8Array
  /** Indexes into `strings` (0 is the empty string). */
  readonly baseline: Uint32Array
  readonly ageGroup: Uint32Array
  readonly gender: Uint32Array
  readonly region: Uint32Array
  readonly note: Uint32Array
  readonly quote: Uint32Array
  /** The line of the file each figure comes from. */
  readonly line: Uint32Array
  /** ISO 8601 periods. */
  readonly periods: readonly string[]
  readonly strings: readonly string[]
  readonly indicators: readonly ImportedIndicator[]
}

export interface ImportedIndicator {
  /** Id within the dataset (the dashboard prefixes it with the dataset's id). */
  readonly id: string
  readonly offence: Offence
  readonly unit: Unit
  readonly label: Localized
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

export const TABLE_COLUMNS = ['indicator', 'period', 'value', 'status', 'baseline', 'ageGroup', 'gender', 'region', 'note', 'quote', 'line'] as const

/** The id of an imported indicator in the merged dataset: never the same as a bundled one. */
export function namespacedId(datasetId: string, indicatorId: string): string {
  return `${datasetId}:${indicatorId}`
}

export function sourceIdOf(datasetId: string): string {
  return `${datasetId}:file`
}

/** Whether a source id is an imported file's (its figures are "as in the file", never "published"). */
export function isImportedSource(sourceId: string): boolean {
  return sourceId.endsWith(':file')
}

export interface TableSummary {
  readonly rows: number
  readonly indicators: number
  /** First and last period (ISO text), empty when there are no rows. */
  readonly from: string
  readonly to: string
}

export function summarise(table: ImportedTable): TableSummary {
  let first: Period | null = null
  let last: Period | null = null
  const used = new Uint8Array(table.periods.length)
  for (let i = 0; i < table.length; i++) used[table.period[i]!] = 1
  table.periods.forEach((text, i) => {
    if (!used[i]) return
    const p = parsePeriod(text)
    if (!p) return
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
 * Materialises an imported dataset as the app's model: namespaced indicators, one source (the
 * file), and one Observation per figure sharing its Period and strings. This costs an object per
 * figure, so it runs only for visible datasets, once, when the dashboard first reads them.
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
    label: i.label,
    description: { en: '', fr: '', nl: '' },
    caveat: { en: '', fr: '', nl: '' },
    dataset: imported.id,
  }))
  const periods = table.periods.map((p) => parsePeriod(p))
  const observations: Observation[] = []
  for (let r = 0; r < table.length; r++) {
    const period = periods[table.period[r]!]
    const indicator = indicators[table.indicator[r]!]
    if (!period || !indicator) continue
    observations.push({
      indicator: indicator.id,
      period,
      value: table.value[r]!,
      baseline: table.strings[table.baseline[r]!] ?? '',
      ageGroup: table.strings[table.ageGroup[r]!] ?? '',
      gender: table.strings[table.gender[r]!] ?? '',
      region: table.strings[table.region[r]!] ?? '',
      status: (STATUSES[table.status[r]!] ?? 'reported') as Status,
      source: sourceId,
      quote: table.strings[table.quote[r]!] ?? '',
      note: table.strings[table.note[r]!] ?? '',
      origin: { file: imported.fileName, line: table.line[r]! },
    })
  }
  return { sources: [source], indicators, observations, milestones: [] }
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
 * Checks a value read back from storage: the right fields with the right types and lengths, codes
 * within their dictionaries. Returns a reason when it is not a usable dataset.
 */
export function checkImported(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const d = value as Partial<ImportedDataset>
  if (typeof d.id !== 'string' || !d.id) return 'no id'
  if (typeof d.name !== 'string' || typeof d.fileName !== 'string' || typeof d.importedAt !== 'string') return 'missing name, file name or date'
  const t = d.table as Partial<ImportedTable> | undefined
  if (!t || typeof t !== 'object') return 'no table'
  if (typeof t.length !== 'number' || !Number.isInteger(t.length) || t.length < 0) return 'bad row count'
  if (!Array.isArray(t.periods) || !Array.isArray(t.strings) || !Array.isArray(t.indicators)) return 'missing dictionaries'
  const kinds = { value: Float64Array, status: Uint8Array } as Record<string, unknown>
  for (const c of TABLE_COLUMNS) {
    const column = t[c] as unknown
    const kind = (kinds[c] ?? Uint32Array) as typeof Uint32Array
    if (!(column instanceof kind) || column.length !== t.length) return `column ${c} is missing or has the wrong length`
  }
  for (const i of t.indicators as unknown[]) {
    const ind = i as Partial<ImportedIndicator>
    if (typeof ind?.id !== 'string' || typeof ind.offence !== 'string' || typeof ind.unit !== 'string' || typeof ind.label?.en !== 'string') {
      return 'bad indicator'
    }
  }
  const limits: [keyof ImportedTable, number][] = [
    ['indicator', t.indicators.length],
    ['period', t.periods.length],
    ['status', STATUSES.length],
    ['baseline', t.strings.length],
    ['ageGroup', t.strings.length],
    ['gender', t.strings.length],
    ['region', t.strings.length],
    ['note', t.strings.length],
    ['quote', t.strings.length],
  ]
  for (const [c, limit] of limits) {
    const column = t[c] as Uint32Array
    for (let r = 0; r < column.length; r++) if (column[r]! >= limit) return `column ${String(c)} refers past its dictionary`
  }
  if (t.periods.some((p) => typeof p !== 'string' || !parsePeriod(p))) return 'bad period'
  return null
}
