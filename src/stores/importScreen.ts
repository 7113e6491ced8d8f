import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import type { RowIssue } from '../core/import/builder'
import { reportCsv } from '../core/import/canonical'
import { ENCODINGS } from '../core/import/encoding'
import { MAX_DETECT_BYTES, MAX_IMPORT_BYTES } from '../core/import/limits'
import { DELIMITERS, periodInHeader, ROLES, SHAPES, unusedColumns, type Role } from '../core/import/mapping'
import { COMMA_DECIMAL, POINT_DECIMAL } from '../core/import/numbers'
import { namespacedId, summarise } from '../core/import/table'
import { isComplete, languageCompleteness } from '../core/languages'
import { DEFAULT_SUPPRESS_BELOW } from '../core/suppression'
import { readThresholdEntry, SUPPRESSION_OFF, thresholdOf, type ThresholdProblem } from '../core/threshold'
import { cutText } from '../core/xmlText'
import { useDatasetsStore } from './datasets'
import { useImportsStore, type MappingDraft } from './imports'

/**
 * The Import screen over the imports and datasets stores: the choices it offers (encodings,
 * delimiters, layouts, roles, size limits), the columns and series the mapping leaves or brings
 * in, the edits of the mapping, the imported datasets' summaries and thresholds, and the report
 * file. The import components display these and call these actions.
 */
export const useImportScreenStore = defineStore('importScreen', () => {
  const imports = useImportsStore()
  const datasets = useDatasetsStore()

  const header = computed(() => imports.sniff?.header ?? [])

  /** The columns the mapping leaves out: each can be read as a series of its own, and none vanishes without a word. */
  const unused = computed(() => (imports.mapping ? unusedColumns(imports.mapping, header.value.length) : []))
  const unusedNames = computed(() => unused.value.map((c) => header.value[c] ?? ''))
  /** Columns the layout does not read (extras included), offered as series of their own (a rate, `ref2024`). */
  const otherColumns = computed<number[]>(() => {
    const m = imports.mapping
    if (!m || m.shape === 'wide') return []
    return [...m.extras.map((e) => e.column), ...unused.value].sort((a, b) => a - b)
  })

  /** Series named in the first rows (or by the columns), for the label editor. */
  const seriesKeys = computed<string[]>(() => {
    const m = imports.mapping
    const sniff = imports.sniff
    if (!m || !sniff) return []
    if (m.shape === 'wide') return m.series.map((c) => header.value[c] ?? '')
    if (m.roles.indicator < 0) return m.shape === 'long' && m.roles.value >= 0 ? [header.value[m.roles.value]!] : []
    return [...new Set(sniff.preview.map((r) => (r.cells[m.roles.indicator] ?? '').trim()).filter(Boolean))]
  })
  /** A file that names offence, unit or labels in its own columns (a canonical export) needs no label editor. */
  const selfDescribed = computed(() => (['offence', 'unit', 'labelEn'] as const).some((r) => (imports.mapping?.roles[r] ?? -1) >= 0))
  /** The series whose label, offence and unit the user sets. */
  const editable = computed(() => (selfDescribed.value ? [] : seriesKeys.value))

  /** Every series in the editor gets its settings from the store, before it renders (never during). */
  function fillEditor(): void {
    imports.fillOverrides(editable.value)
  }

  /** Gives a column a role (-1: none); a column has one role, so it leaves any other role, the series and the extras. */
  function setRole(role: Role, column: number): void {
    const m = imports.mapping
    if (!m) return
    if (column >= 0) for (const r of ROLES) if (m.roles[r] === column && r !== role) m.roles[r] = -1
    m.roles[role] = column
    m.series = m.series.filter((c) => c !== column)
    m.extras = m.extras.filter((e) => e.column !== column)
    fillEditor()
  }

  /** Reads a column as a series (wide) or a period (transposed), or not. */
  function toggleSeries(column: number, on: boolean): void {
    const m = imports.mapping
    if (!m) return
    const series = m.series.filter((c) => c !== column)
    if (on) {
      series.push(column)
      for (const r of ROLES) if (m.roles[r] === column) m.roles[r] = -1
    }
    m.series = series.sort((a, b) => a - b)
    m.extras = m.extras.filter((e) => e.column !== column)
    fillEditor()
  }

  /** Reads a column the layout leaves as a series of its own (a count, dated by its header in a transposed file), or not. */
  function toggleExtra(column: number, on: boolean): void {
    const m = imports.mapping
    if (!m) return
    m.extras = m.extras.filter((e) => e.column !== column)
    if (on) {
      m.extras.push({ column, unit: 'count', period: m.shape === 'transposed' ? periodInHeader(header.value[column] ?? '') : '' })
      m.extras.sort((a, b) => a.column - b.column)
    }
  }

  function setShape(shape: MappingDraft['shape']): void {
    if (!imports.mapping) return
    imports.mapping.shape = shape
    fillEditor()
  }

  /** Reads the file again with other settings; the series it then finds get their settings in the editor. */
  async function changeSettings(patch: Parameters<typeof imports.changeSettings>[0]): Promise<void> {
    await imports.changeSettings(patch)
    fillEditor()
  }

  /** A decimal mark as the number format the reader uses. */
  function setDecimal(mark: 'comma' | 'point'): Promise<void> {
    return changeSettings({ numberFormat: mark === 'comma' ? COMMA_DECIMAL : POINT_DECIMAL })
  }

  /** A preview cell's start, cut by whole characters. */
  const cellStart = (cell: string, units: number): string => cutText(cell, units)

  /** The imported datasets, each with its size, period and small-count threshold (summaries kept per table). */
  const summaries = new WeakMap<object, ReturnType<typeof summarise>>()
  const datasetSummaries = computed(() =>
    datasets.imported.map((e) => {
      let s = summaries.get(e.meta.table)
      if (!s) summaries.set(e.meta.table, (s = summarise(e.meta.table)))
      const below = thresholdOf(e.meta.suppressBelow)
      return { entry: e, summary: s, suppressBelow: below, suppressOff: below === SUPPRESSION_OFF }
    }),
  )

  /** A typed threshold: taken if it is a whole number in range (saved, or not), else the problem, and the threshold stays. */
  async function enterThreshold(id: string, text: string): Promise<{ problem: ThresholdProblem } | { saved: boolean }> {
    const read = readThresholdEntry(text)
    if ('problem' in read) return read
    return { saved: await imports.setSuppressBelow(id, read.value) }
  }
  /** Withholds small counts again, below the default threshold. */
  const suppressDefault = (id: string) => imports.setSuppressBelow(id, DEFAULT_SUPPRESS_BELOW)
  /** Shows every count of a dataset (its owner says none is small). */
  const suppressOff = (id: string) => imports.setSuppressBelow(id, SUPPRESSION_OFF)

  /** The check's report as a CSV file, its reasons and headings in the reader's words. */
  function reportFile(reason: (issue: RowIssue) => string, headings: readonly string[]): string {
    return imports.result ? reportCsv(imports.result.report, reason, headings) : ''
  }

  /**
   * How many of the checked file's indicators have a label of their own in each language (the others
   * fall back, never empty), and whether every language is complete: the report says both.
   */
  const languages = computed(() => (imports.result ? languageCompleteness(imports.result.table.indicators, []) : []))
  const languagesComplete = computed(() => languages.value.every(isComplete))

  /** The dashboard's indicator choice of exactly an imported dataset's series ('' when it is gone). */
  function indicatorsOf(id: string | number | undefined): string {
    const entry = datasets.imported.find((e) => e.meta.id === id)
    return entry ? entry.meta.table.indicators.map((i) => namespacedId(entry.meta.id, i.id)).join(',') : ''
  }

  return {
    limits: { importBytes: MAX_IMPORT_BYTES, detectBytes: MAX_DETECT_BYTES },
    encodings: ENCODINGS,
    delimiters: DELIMITERS,
    shapes: SHAPES,
    roles: ROLES,
    unused,
    unusedNames,
    otherColumns,
    seriesKeys,
    editable,
    fillEditor,
    setRole,
    toggleSeries,
    toggleExtra,
    setShape,
    changeSettings,
    setDecimal,
    cellStart,
    datasetSummaries,
    enterThreshold,
    suppressDefault,
    suppressOff,
    reportFile,
    indicatorsOf,
    languages,
    languagesComplete,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportScreenStore, import.meta.hot))
