import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import type { Sniff } from '../core/import/detect'
import { checkFileSize, MAX_IMPORT_BYTES } from '../core/import/limits'
import type { Mapping, ReadSettings, SeriesSetting } from '../core/import/mapping'
import { Cancelled, ImportClient, type Done } from '../import/client'
import { useDatasetsStore } from './datasets'
import { baseName, datasetOf, saveImport } from './importCommit'
import { importedActions } from './importedActions'
import { mark, noticeList, type Notice } from './importNotices'
import { mappingToEdit, plain, remember, type MappingDraft } from './importMapping'
import { milestonesMapping } from '../core/ownMilestonesRead'
import { useOwnMilestonesStore } from './ownMilestones'

export type { MappingDraft, Notice }

export type Stage = 'idle' | 'sniffing' | 'problem' | 'mapping' | 'milestones' | 'running' | 'report' | 'clash' | 'saving' | 'done'

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * The Import screen: files waiting, the current file's detection, mapping, check and report, and
 * the actions on imported datasets (rename, hide, delete, export: `importedActions.ts`; the
 * remembered mapping: `importMapping.ts`). Parsing runs in a worker; this store only moves
 * results and asks the datasets store to show them.
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
  const { notices, say } = noticeList()
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
      // A milestones file (a date and a title, no figures): read as the reader's own milestones.
      const ownMapping = milestonesMapping(s.header)
      if (ownMapping) {
        const read = await useOwnMilestonesStore().readFile(current, s.settings, s.header, ownMapping)
        if (file.value !== current) return
        if (read) stage.value = 'milestones'
        else await next()
        return
      }
      // A 10,000-column file's detection is large: taking it in and drawing the step are separate
      // tasks, so neither holds the page for long.
      await nextTask()
      if (file.value !== current) return
      const previous = sniff.value
      sniff.value = s
      settings.value = plain(s.settings)
      const sameHeader = previous && previous.header.join('\u0001') === s.header.join('\u0001') && mapping.value
      if (!sameHeader) {
        const chosen = mappingToEdit(s, Object.keys(forced).length > 0)
        if (chosen.unreadable) say('mapping.rememberedIgnored', { name: current.name }, 'warning')
        remembered.value = chosen.remembered
        mapping.value = chosen.mapping
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
    const meta = datasetOf(done.table, name.value, current.name)
    // Only the column roles are remembered: how the bytes are read is each file's own.
    remember(sniff.value.header, plain(mapping.value))
    // "Imported" is said once the write has committed: a reload before then would lose the data.
    stage.value = 'saving'
    const saved = await saveImport(storage, datasets, meta, replaceId)
    if (saved === 'clash') {
      stage.value = clashId.value ? 'clash' : 'report'
      return
    }
    if (saved === 'kept') {
      stage.value = 'report'
      say('storage.replaceKept', { name: meta.name }, 'warning')
      return
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

  /** The milestones file is added (or dropped): on to the next file. */
  async function milestonesDone(added: boolean): Promise<void> {
    if (!added) useOwnMilestonesStore().dropPending()
    stage.value = added ? 'done' : stage.value
    await next()
  }

  const library = importedActions(datasets, names, say)

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
    milestonesDone,
    ...library,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportsStore, import.meta.hot))

export type { SeriesSetting }
