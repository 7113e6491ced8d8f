import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import type { Sniff } from '../core/import/detect'
import { exportCanonicalCsv } from '../core/import/canonical'
import { dict } from '../core/dict'
import { checkFileSize, MAX_IMPORT_BYTES } from '../core/import/limits'
import { readRemembered, rememberedMapping } from '../core/import/remembered'
import { readThresholdEntry, SUPPRESSION_OFF } from '../core/threshold'
import { headerSignature, type Mapping, type ReadSettings, type Role, type Shape, type SeriesSetting } from '../core/import/mapping'
import type { ImportedDataset } from '../core/import/table'
import type { Offence, Unit } from '../core/model'
import { Cancelled, ImportClient, type Done } from '../import/client'
import { makeEntry } from '../import/entries'
import { deleteImported, discardSetAside, updateImported, type WriteResult } from '../import/persist'
import { useDatasetsStore } from './datasets'

export type Stage = 'idle' | 'sniffing' | 'problem' | 'mapping' | 'running' | 'report' | 'clash' | 'saving' | 'done'

/** The mapping as the form edits it (mutable, plain). */
export interface MappingDraft {
  shape: Shape
  roles: Record<Role, number>
  series: number[]
  defaults: { offence: Offence; unit: Unit; baseline: string }
  overrides: Record<string, { label: string; offence: Offence; unit: Unit }>
  /** Columns read as series of their own besides the layout's (a rate beside a count, `ref2024`). */
  extras: { column: number; unit: Unit; period: string }[]
}

/** Something to tell the user, with the i18n key under `import.` and its parameters. */
export interface Notice {
  readonly key: string
  readonly params: Record<string, string | number>
  readonly tone: 'info' | 'success' | 'warning' | 'error'
}

const MAPPING_KEY = 'vigie.import.mapping.'

function plain<T>(value: T): T {
  // From the raw objects: through Vue's proxy, a series called `hasOwnProperty` reads as a function.
  return JSON.parse(JSON.stringify(toRaw(value))) as T
}

/** A mapping to edit; its overrides keyed by series names in a record without prototype (see core/dict). */
function draft(m: MappingDraft): MappingDraft {
  return { ...m, overrides: dict(Object.entries(m.overrides ?? {})) }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function baseName(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || fileName
}

function newId(): string {
  return `u${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`
}

function mark(name: string, start?: string): void {
  try {
    if (start) performance.measure(name, start)
    else performance.mark(name)
  } catch {
    // Marks are for the benchmark only.
  }
}

/** The mapping remembered for this header (roles only), 'unreadable' (then forgotten), or null. */
function recall(header: readonly string[]): MappingDraft | 'unreadable' | null {
  const key = MAPPING_KEY + headerSignature(header)
  let raw: string | null
  try {
    raw = localStorage.getItem(key)
  } catch {
    return null
  }
  const found = readRemembered(raw, header.length)
  if (found === 'unreadable') {
    try {
      localStorage.removeItem(key)
    } catch {
      // Ignored again next time, with the same notice.
    }
  }
  return found === 'unreadable' || found === null ? found : (plain(found) as MappingDraft)
}

function remember(header: readonly string[], mapping: MappingDraft): void {
  try {
    localStorage.setItem(MAPPING_KEY + headerSignature(header), rememberedMapping(mapping as unknown as Mapping))
  } catch {
    // Not remembering a mapping is acceptable.
  }
}

/**
 * The Import screen: files waiting, the current file's detection, mapping, check and report, and
 * the actions on imported datasets (rename, hide, delete, export). Parsing runs in a worker; this
 * store only moves results and asks the datasets store to show them.
 */
export const useImportsStore = defineStore('imports', () => {
  const datasets = useDatasetsStore()
  const client = new ImportClient()
  /** A second worker writes to IndexedDB, so the next file can be read meanwhile. */
  const storage = new ImportClient()

  const queue = shallowRef<readonly File[]>([])
  const file = shallowRef<File | null>(null)
  const stage = ref<Stage>('idle')
  const problem = ref<Notice | null>(null)
  const notices = ref<Notice[]>([])
  const sniff = shallowRef<Sniff | null>(null)
  const settings = ref<ReadSettings | null>(null)
  const mapping = ref<MappingDraft | null>(null)
  const remembered = ref(false)
  const name = ref('')
  const progress = ref({ bytes: 0, total: 0, records: 0 })
  const result = shallowRef<Done | null>(null)
  const encodingSwitched = ref(false)

  const names = computed(() => new Map(datasets.imported.map((e) => [e.meta.name.trim().toLowerCase(), e.meta.id])))
  const clashId = computed(() => names.value.get(name.value.trim().toLowerCase()) ?? null)

  function say(key: string, params: Record<string, string | number> = {}, tone: Notice['tone'] = 'info'): void {
    notices.value = [...notices.value.slice(-4), { key, params, tone }]
  }

  /** Queues files, refusing at once (from their size, unread) those that are empty or too large. */
  function addFiles(files: readonly File[]): void {
    const accepted: File[] = []
    for (const f of files) {
      const refused = checkFileSize(f.size)
      if (refused) say(`problem.${refused.code}`, { name: f.name, size: f.size, limit: MAX_IMPORT_BYTES }, 'error')
      else accepted.push(f)
    }
    queue.value = [...queue.value, ...accepted]
    if (stage.value === 'idle' || stage.value === 'done' || stage.value === 'problem') void next()
  }

  /** Pasted spreadsheet cells (tab-separated text) become a file like any other. */
  function addText(text: string): void {
    if (!text.trim()) {
      say('problem.empty', { name: 'paste' }, 'error')
      return
    }
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')
    addFiles([new File([text], `pasted-${stamp}.tsv`, { type: 'text/tab-separated-values' })])
  }

  /**
   * Gives each series of the label editor its settings (its key as label, the mapping's default
   * offence and unit) where it has none yet, so the editor binds to them and the import reads them.
   * Called on the user's edits that bring series into the editor (a role, a layout, a column).
   */
  function fillOverrides(keys: readonly string[]): void {
    const m = mapping.value
    if (!m) return
    const raw = toRaw(m.overrides)
    for (const key of keys) if (!Object.hasOwn(raw, key)) m.overrides[key] = { label: key, offence: m.defaults.offence, unit: m.defaults.unit }
  }

  function reset(): void {
    sniff.value = null
    settings.value = null
    mapping.value = null
    result.value = null
    problem.value = null
    remembered.value = false
    encodingSwitched.value = false
  }

  async function next(): Promise<void> {
    reset()
    const [first, ...rest] = queue.value
    queue.value = rest
    file.value = first ?? null
    if (!first) {
      stage.value = stage.value === 'done' ? 'done' : 'idle'
      return
    }
    name.value = baseName(first.name)
    mark('vigie-import:start')
    await detect({})
  }

  /** Runs detection on the current file, with the settings the user forced. */
  async function detect(forced: Partial<ReadSettings>): Promise<void> {
    const current = file.value
    if (!current) return
    stage.value = 'sniffing'
    try {
      const found = await client.sniff(current, forced)
      if (file.value !== current) return
      if (!found.ok) {
        problem.value = { key: `problem.${found.problem}`, params: { name: current.name, line: found.line ?? 0 }, tone: 'error' }
        stage.value = 'problem'
        return
      }
      const s = found.sniff
      // A 10,000-column file's detection is large: taking it in and drawing the step are separate
      // tasks, so neither holds the page for long.
      await nextTask()
      if (file.value !== current) return
      const previous = sniff.value
      sniff.value = s
      settings.value = plain(s.settings)
      const sameHeader = previous && previous.header.join('\u0001') === s.header.join('\u0001') && mapping.value
      if (!sameHeader) {
        // Only the column roles are remembered: how the bytes are read is this file's own.
        const saved = Object.keys(forced).length === 0 ? recall(s.header) : null
        if (saved === 'unreadable') say('mapping.rememberedIgnored', { name: current.name }, 'warning')
        const usable = saved !== 'unreadable' && saved !== null ? saved : null
        remembered.value = usable !== null
        mapping.value = draft(usable ?? (plain({ extras: [], ...s.mapping }) as MappingDraft))
      }
      await nextTask()
      if (file.value !== current) return
      stage.value = 'mapping'
      mark('vigie-import:sniff', 'vigie-import:start')
    } catch (e) {
      if (e instanceof Cancelled) return
      problem.value = { key: 'problem.internal', params: { name: current.name, reason: String(e) }, tone: 'error' }
      stage.value = 'problem'
    }
  }

  /** The user changed how the file is read: detect again with that setting fixed. */
  function changeSettings(patch: Partial<ReadSettings>): Promise<void> {
    const current = settings.value
    if (!current) return Promise.resolve()
    return detect({ ...current, ...patch })
  }

  /** Detects again with the given settings fixed (e.g. a delimiter for a file read as one column). */
  function redetect(forced: Partial<ReadSettings>): Promise<void> {
    return detect({ ...(settings.value ?? {}), ...forced })
  }

  async function check(): Promise<void> {
    const current = file.value
    if (!current || !settings.value || !mapping.value || !sniff.value) return
    stage.value = 'running'
    progress.value = { bytes: 0, total: current.size, records: 0 }
    encodingSwitched.value = false
    mark('vigie-import:run-start')
    try {
      const done = await client.run(
        current,
        settings.value,
        mapping.value as unknown as Mapping,
        sniff.value.header,
        (p) => (progress.value = { bytes: p.bytes, total: p.total, records: p.records }),
        (encoding) => {
          encodingSwitched.value = true
          if (settings.value) settings.value = { ...settings.value, encoding }
        },
      )
      if (file.value !== current) return
      result.value = done
      stage.value = 'report'
      mark('vigie-import:run', 'vigie-import:run-start')
    } catch (e) {
      if (e instanceof Cancelled) {
        say('cancelled', { name: current.name })
        stage.value = 'mapping'
        return
      }
      problem.value = { key: 'problem.internal', params: { name: current.name, reason: String(e) }, tone: 'error' }
      stage.value = 'problem'
    }
  }

  /** Stops the running check at once; the file and its mapping stay. */
  function cancelRun(): void {
    client.cancel()
  }

  function backToMapping(): void {
    result.value = null
    stage.value = 'mapping'
  }

  /** Drops the current file (nothing is loaded) and goes on with the next one. */
  function dropFile(): Promise<void> {
    client.cancel()
    if (file.value) say('dropped', { name: file.value.name })
    return next()
  }

  /** Loads the valid rows as a new dataset, asking first when the name is taken. */
  async function importValid(): Promise<void> {
    if (!result.value) return
    if (!name.value.trim()) name.value = baseName(file.value?.name ?? 'import')
    if (clashId.value) {
      stage.value = 'clash'
      return
    }
    await commit(null)
  }

  /** Answers the name clash: `rename` keeps both (with the new name), `replace` swaps the old one out. */
  async function resolveClash(choice: 'rename' | 'replace' | 'cancel', newName = ''): Promise<void> {
    if (choice === 'cancel') {
      stage.value = 'report'
      return
    }
    if (choice === 'rename') {
      name.value = newName.trim()
      if (!name.value || clashId.value) return
      await commit(null)
      return
    }
    await commit(clashId.value)
  }

  async function commit(replaceId: string | null): Promise<void> {
    const done = result.value
    const current = file.value
    if (!done || !current || !mapping.value || !settings.value || !sniff.value) return
    mark('vigie-import:commit-start')
    const meta: ImportedDataset = {
      id: newId(),
      name: name.value.trim(),
      fileName: current.name,
      importedAt: new Date().toISOString(),
      hidden: false,
      table: done.table,
    }
    // Only the column roles are remembered: how the bytes are read is each file's own.
    remember(sniff.value.header, plain(mapping.value))
    // "Imported" is said once the write has committed: a reload before then would lose the data.
    stage.value = 'saving'
    const saved = await storage.store(meta, replaceId)
    if (saved === 'clash') {
      // Another tab stored a dataset with this name meanwhile: read the list again and ask.
      await datasets.reloadImports()
      stage.value = clashId.value ? 'clash' : 'report'
      return
    }
    if (saved !== 'saved' && replaceId) {
      // Replace is atomic (one transaction): the write that failed replaced nothing, so the old
      // dataset stays, stored and shown; the new figures wait in the report for another try.
      stage.value = 'report'
      say('storage.replaceKept', { name: meta.name }, 'warning')
      return
    }
    const others = datasets.imported.filter((e) => e.meta.id !== replaceId)
    datasets.setImported([...others, makeEntry(meta, saved === 'saved')])
    if (saved === 'saved') {
      datasets.announce(meta.id, 'stored')
      if (replaceId) datasets.announce(replaceId, 'deleted')
    }
    mark('vigie-import:commit', 'vigie-import:commit-start')
    const summary = { name: meta.name, figures: meta.table.length, indicators: meta.table.indicators.length, dataset: meta.id }
    result.value = null
    stage.value = 'done'
    say('imported', summary, 'success')
    // Not stored: kept for the session, and said so.
    if (saved !== 'saved') say(`storage.${saved}`, { name: meta.name }, 'warning')
    mark('vigie-import:stored', 'vigie-import:commit-start')
    if (queue.value.length > 0) await next()
  }

  function entry(id: string) {
    return datasets.imported.find((e) => e.meta.id === id)
  }

  /**
   * Renames or hides: shown at once, then written; the write checks the stored record in its
   * transaction and this tab puts things right if another tab got there first. Returns whether the
   * change was kept.
   */
  async function update(id: string, patch: Partial<Pick<ImportedDataset, 'name' | 'hidden' | 'suppressBelow'>>): Promise<boolean> {
    const found = entry(id)
    if (!found) return false
    const meta = { ...found.meta, ...patch }
    datasets.setImported(datasets.imported.map((e) => (e.meta.id === id ? makeEntry(meta, e.stored) : e)))
    if (!found.stored) return true
    // The stored description is rewritten with the patch as it is (suppressBelow included).
    const saved: WriteResult = await updateImported(id, patch as Parameters<typeof updateImported>[1])
    if (saved === 'gone') {
      // Deleted in another tab: say so rather than pretend the change was kept.
      datasets.setImported(datasets.imported.filter((e) => e.meta.id !== id))
      say('panel.gone', { name: found.meta.name }, 'error')
      return false
    }
    if (saved === 'clash') {
      datasets.setImported(datasets.imported.map((e) => (e.meta.id === id ? found : e)))
      await datasets.reloadImports()
      say('panel.nameTaken', { name: patch.name ?? '' }, 'error')
      return false
    }
    if (saved === 'saved') datasets.announce(id, 'updated')
    else say(`storage.${saved}`, { name: meta.name }, 'warning')
    return true
  }

  /** Renames a dataset; refuses an empty name or one another dataset has. Returns whether it did. */
  async function rename(id: string, newName: string): Promise<boolean> {
    const trimmed = newName.trim()
    const owner = names.value.get(trimmed.toLowerCase())
    if (!trimmed || (owner && owner !== id)) {
      say('panel.nameTaken', { name: trimmed }, 'error')
      return false
    }
    return update(id, { name: trimmed })
  }

  async function setHidden(id: string, hidden: boolean): Promise<void> {
    await update(id, { hidden })
  }

  /**
   * Sets the small-count threshold of a dataset: a whole number from 1 to 1,000, or SUPPRESSION_OFF
   * (only through the confirmed "show every count" control). Anything else changes nothing.
   */
  async function setSuppressBelow(id: string, below: number): Promise<boolean> {
    if (below !== SUPPRESSION_OFF && 'problem' in readThresholdEntry(String(below))) return false
    return update(id, { suppressBelow: below })
  }

  async function remove(id: string): Promise<void> {
    const found = entry(id)
    if (!found) return
    datasets.setImported(datasets.imported.filter((e) => e.meta.id !== id))
    const done = await deleteImported(id)
    say('panel.deleted', { name: found.meta.name })
    if (done === 'saved') datasets.announce(id, 'deleted')
    else say(`storage.${done}`, { name: found.meta.name }, 'warning')
  }

  /** The dataset as canonical CSV, with the file name to save it under. */
  function exportCsv(id: string): { fileName: string; text: string } | null {
    const found = entry(id)
    if (!found) return null
    const safe = found.meta.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'dataset'
    return { fileName: `${safe}-observations.csv`, text: exportCanonicalCsv(found.meta) }
  }

  async function discard(key: number): Promise<void> {
    await discardSetAside(key)
    datasets.setSetAside(datasets.setAside.filter((r) => r.key !== key))
  }

  return {
    queue,
    file,
    stage,
    problem,
    notices,
    sniff,
    settings,
    mapping,
    remembered,
    name,
    progress,
    result,
    encodingSwitched,
    clashId,
    addFiles,
    addText,
    changeSettings,
    fillOverrides,
    redetect,
    check,
    cancelRun,
    backToMapping,
    dropFile,
    importValid,
    resolveClash,
    rename,
    setHidden,
    setSuppressBelow,
    remove,
    exportCsv,
    discard,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportsStore, import.meta.hot))

export type { SeriesSetting }
