import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import bundledDatasetUrl from 'virtual:vigie-bundled-dataset'
import { dataCheckedUpTo, type KnownNewer } from '../core/freshness'
import type { DataIssue, Dataset } from '../core/model'
import { namespacedId, sourceIdOf, type ImportedDataset } from '../core/import/table'

const EMPTY: Dataset = { sources: [], indicators: [], observations: [], milestones: [] }

/** The IndexedDB database of imported datasets (src/import/persist.ts). */
const IMPORTS_DB = 'vigie-imports'
/** Stored imports that take longer than this to read are left for later: the app starts anyway. */
const IMPORTS_TIMEOUT_MS = 5000

/** The bundled data: data/*.csv as the CSV reader reads them, done once at build time. */
async function fetchBundled(): Promise<{ value: Dataset; issues: DataIssue[]; newer?: KnownNewer[] }> {
  const response = await fetch(bundledDatasetUrl)
  if (!response.ok) throw new Error(`${bundledDatasetUrl}: HTTP ${response.status}`)
  return (await response.json()) as { value: Dataset; issues: DataIssue[]; newer?: KnownNewer[] }
}

/** An imported dataset beside the bundled one (src/import/entries.ts makes them). */
export interface ImportedEntry {
  readonly meta: ImportedDataset
  /** The dataset in the app's model, made once on first read (namespaced indicator ids). */
  readonly view: () => Dataset
  /** Whether IndexedDB holds it; false: kept in memory for this session only. */
  readonly stored: boolean
}

/** A stored record that could not be used and was set aside (src/import/persist.ts). */
export interface SetAsideRecord {
  readonly key: number
  readonly id: string
  readonly name: string
  readonly reason: string
  readonly at: string
}

interface StoredImports {
  readonly entries: ImportedEntry[]
  readonly setAside: SetAsideRecord[]
  readonly error: string
}

/**
 * Reads the imported datasets kept in IndexedDB. The reading code loads only when the database
 * exists, so a first visit fetches nothing more; any failure is reported, never thrown.
 */
async function loadStoredImports(): Promise<StoredImports> {
  const none: StoredImports = { entries: [], setAside: [], error: '' }
  try {
    if (typeof indexedDB === 'undefined') return none
    const names = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : null
    if (names && !names.some((d) => d.name === IMPORTS_DB)) return none
    const { loadStartup } = await import('../import/startup')
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<StoredImports>((resolve) => {
      timer = setTimeout(() => resolve({ ...none, error: 'timeout' }), IMPORTS_TIMEOUT_MS)
    })
    const loaded = await Promise.race([loadStartup(), timeout])
    clearTimeout(timer)
    return loaded
  } catch (e) {
    return { ...none, error: e instanceof Error ? e.message : String(e) }
  }
}

function merge(parts: readonly Dataset[]): Dataset {
  if (parts.length === 1) return parts[0]!
  return {
    sources: parts.flatMap((p) => p.sources),
    indicators: parts.flatMap((p) => p.indicators),
    observations: parts.flatMap((p) => p.observations),
    milestones: parts.flatMap((p) => p.milestones),
  }
}

/**
 * The loaded data: the bundled dataset and the user's imported ones, and the problems found.
 * `dataset` merges the bundled data with every visible import (their indicator ids are prefixed
 * with the import's id, so they never clash): the rest of the app reads only that.
 */
export const useDatasetsStore = defineStore('datasets', () => {
  const bundled = shallowRef<Dataset>(EMPTY)
  const issues = shallowRef<readonly DataIssue[]>([])
  /** Bundled figures known to be published but not yet in the data (data/newer.csv). */
  const newer = shallowRef<readonly KnownNewer[]>([])
  /** The latest month the bundled sources were checked: the footer's and exports' "data checked up to". */
  const checkedUpTo = computed(() => dataCheckedUpTo(bundled.value.sources))
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')
  const imported = shallowRef<readonly ImportedEntry[]>([])
  const setAside = shallowRef<readonly SetAsideRecord[]>([])
  /** Why stored imports could not be read, else empty. */
  const storageError = ref('')

  const dataset = computed<Dataset>(() =>
    merge([bundled.value, ...imported.value.filter((e) => !e.meta.hidden).map((e) => e.view())]),
  )
  /**
   * Ids a link may name, read from the imports' descriptions: checking a link never turns a
   * dataset of millions of figures into objects (only showing it does).
   */
  const knownIds = computed(() => {
    const visible = imported.value.filter((e) => !e.meta.hidden)
    return {
      indicators: new Set([...bundled.value.indicators.map((i) => i.id), ...visible.flatMap((e) => e.meta.table.indicators.map((i) => namespacedId(e.meta.id, i.id)))]),
      sources: new Set([...bundled.value.sources.map((s) => s.id), ...visible.map((e) => sourceIdOf(e.meta.id))]),
    }
  })
  const sourceById = computed(() => new Map(dataset.value.sources.map((s) => [s.id, s])))
  const indicatorById = computed(() => new Map(dataset.value.indicators.map((i) => [i.id, i])))

  /**
   * Other tabs' changes to the stored datasets (an import, a rename, a delete) arrive on this
   * channel; this tab then reads the database again, so it never acts on a stale list.
   */
  let channel: BroadcastChannel | null = null
  function listen(): void {
    if (channel || typeof BroadcastChannel === 'undefined') return
    channel = new BroadcastChannel(IMPORTS_DB)
    channel.onmessage = () => void reloadImports()
  }

  /** Tells the other tabs that this one changed the stored datasets. */
  function announce(): void {
    channel?.postMessage('changed')
  }

  /** Reads the stored datasets again, keeping what this tab holds for the session only. */
  async function reloadImports(): Promise<void> {
    const loaded = await loadStoredImports()
    if (loaded.error) {
      storageError.value = loaded.error
      return
    }
    const current = new Map(imported.value.map((e) => [e.meta.id, e]))
    // An unchanged entry is kept as it is, with the model already made from it.
    const stored = loaded.entries.map((e) => {
      const c = current.get(e.meta.id)
      return c && c.stored && c.meta.name === e.meta.name && c.meta.hidden === e.meta.hidden ? c : e
    })
    const ids = new Set(stored.map((e) => e.meta.id))
    imported.value = [...stored, ...imported.value.filter((e) => !e.stored && !ids.has(e.meta.id))]
    setAside.value = loaded.setAside
  }

  async function loadBundled(): Promise<void> {
    if (status.value === 'loading' || status.value === 'ready') return
    status.value = 'loading'
    listen()
    const stored = loadStoredImports()
    try {
      const parsed = await fetchBundled()
      const loaded = await stored
      bundled.value = parsed.value
      issues.value = parsed.issues
      newer.value = parsed.newer ?? []
      imported.value = loaded.entries
      setAside.value = loaded.setAside
      storageError.value = loaded.error
      status.value = 'ready'
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'failed'
    }
  }

  /** Replaces the list of imported datasets (the imports store computes it). */
  function setImported(entries: readonly ImportedEntry[]): void {
    imported.value = entries
  }

  function setSetAside(records: readonly SetAsideRecord[]): void {
    setAside.value = records
  }

  return {
    bundled,
    issues,
    newer,
    checkedUpTo,
    status,
    error,
    imported,
    setAside,
    storageError,
    dataset,
    knownIds,
    sourceById,
    indicatorById,
    loadBundled,
    reloadImports,
    announce,
    setImported,
    setSetAside,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetsStore, import.meta.hot))
