import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import bundledDatasetUrl from 'virtual:vigie-bundled-dataset'
import { milestoneTag, numberMilestones } from '../core/chart/chartState'
import { mergeDatasets } from '../core/figures'
import { dataCheckedUpTo, type KnownNewer } from '../core/freshness'
import type { DataIssue, Dataset } from '../core/model'
import { namespacedId, sourceIdOf } from '../core/import/ids'
import type { ImportedEntry } from '../import/entries'
import { ownMilestonesOf, type OwnSet } from '../core/ownMilestones'

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

/** What a tab tells the others: a dataset stored (new), or one whose description or existence changed. */
export type ImportsChange = 'stored' | 'updated' | 'deleted'
const IMPORTS_MESSAGE = 'vigie-imports:changed'
const IMPORTS_MESSAGE_VERSION = 1
interface ImportsMessage {
  readonly type: typeof IMPORTS_MESSAGE
  readonly v: typeof IMPORTS_MESSAGE_VERSION
  readonly id: string
  readonly change: ImportsChange
}
/** The channel on which tabs say their own milestones changed. */
const OWN_CHANNEL = 'vigie-own'
const OWN_MESSAGE = 'vigie-own:changed'
/** Messages are gathered this long before anything is read back. */
const CHANGE_DELAY_MS = 30
/** Datasets waiting to be read back at most (a flood of made-up ids is dropped beyond it). */
const MAX_PENDING = 32

/** A message of the imports channel, checked; null for anything else (another version's, a forged one). */
export function importsMessage(data: unknown): ImportsMessage | null {
  if (typeof data !== 'object' || data === null) return null
  const m = data as Record<string, unknown>
  if (m.type !== IMPORTS_MESSAGE || m.v !== IMPORTS_MESSAGE_VERSION) return null
  if (typeof m.id !== 'string' || !/^[\w-]{1,64}$/.test(m.id)) return null
  if (m.change !== 'stored' && m.change !== 'updated' && m.change !== 'deleted') return null
  return { type: IMPORTS_MESSAGE, v: IMPORTS_MESSAGE_VERSION, id: m.id, change: m.change }
}

export type { ImportedEntry }

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
  /** Datasets whose stored small-count threshold was unusable and is now the default. */
  readonly thresholdReset: string[]
  /** The reader's own milestones, by set, and the highest number ever given. */
  readonly own?: { readonly sets: OwnSet[]; readonly given: number }
}

/**
 * Reads the imported datasets kept in IndexedDB. The reading code loads only when the database
 * exists, so a first visit fetches nothing more; any failure is reported, never thrown.
 */
async function loadStoredImports(): Promise<StoredImports> {
  const none: StoredImports = { entries: [], setAside: [], error: '', thresholdReset: [] }
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

/**
 * The loaded data: the bundled dataset and the user's imported ones, and the problems found.
 * `dataset` merges the bundled data with every visible import (their indicator ids are prefixed
 * with the import's id, so they never clash): the rest of the app reads only that. The merge puts
 * their columns side by side (core/figures.ts): showing a dataset makes no object per figure.
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
  /** Datasets whose stored small-count threshold was unusable and was set back to the default (a notice says so). */
  const thresholdReset = shallowRef<readonly string[]>([])

  /** The reader's own milestones (src/stores/ownMilestones.ts changes them), by set, and the highest number given. */
  const ownSets = shallowRef<readonly OwnSet[]>([])
  const ownGiven = ref(0)
  const merged = computed<Dataset>(() => mergeDatasets([bundled.value, ...imported.value.filter((e) => !e.meta.hidden).map((e) => e.view())]))
  const dataset = computed<Dataset>(() => {
    const own = ownMilestonesOf(ownSets.value)
    return own.length ? { ...merged.value, milestones: [...merged.value.milestones, ...own] } : merged.value
  })
  /**
   * Ids a link may name, read from the imports' descriptions: checking a link never turns a
   * dataset of millions of figures into objects (only showing it does).
   */
  const knownIds = computed(() => {
    const visible = imported.value.filter((e) => !e.meta.hidden)
    return {
      indicators: new Set([...bundled.value.indicators.map((i) => i.id), ...visible.flatMap((e) => e.meta.table.indicators.map((i) => namespacedId(e.meta.id, i.id)))]),
      sources: new Set([...bundled.value.sources.map((s) => s.id), ...visible.map((e) => sourceIdOf(e.meta.id))]),
      // Milestones as the chart writes them: 1..n in the whole data set, the reader's own "Y1"… (core/chart/chartState.ts).
      milestones: new Set(numberMilestones(dataset.value.milestones).map(milestoneTag)),
    }
  })
  const sourceById = computed(() => new Map(dataset.value.sources.map((s) => [s.id, s])))
  const indicatorById = computed(() => new Map(dataset.value.indicators.map((i) => [i.id, i])))

  /**
   * Other tabs' changes to the stored datasets arrive on this channel, one message per dataset
   * changed. Any same-origin page can post on it, so a message is checked (shape, version, a
   * dataset this tab holds unless it announces a new one), messages are coalesced, and a tab reads
   * back only the dataset named, once per change, checked against the database (a forged
   * "deleted" for a dataset still stored changes nothing).
   */
  let channel: BroadcastChannel | null = null
  const pending = new Map<string, ImportsChange>()
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  function listen(): void {
    if (channel || typeof BroadcastChannel === 'undefined') return
    channel = new BroadcastChannel(IMPORTS_DB)
    channel.onmessage = (event: MessageEvent) => {
      const message = importsMessage(event.data)
      if (!message) return
      const held = imported.value.some((e) => e.stored && e.meta.id === message.id)
      // A change to a dataset this tab does not hold, or a "new" one it already has: nothing to read.
      if ((message.change === 'stored') === held) return
      if (pending.size >= MAX_PENDING && !pending.has(message.id)) return
      pending.set(message.id, message.change)
      flushTimer ??= setTimeout(() => void applyChanges(), CHANGE_DELAY_MS)
    }
  }

  /** Reads back the datasets other tabs changed: each once, whatever the number of messages about it. */
  async function applyChanges(): Promise<void> {
    const batch = [...pending]
    pending.clear()
    try {
      const { loadEntry, readMeta, withMeta } = await import('../import/startup')
      for (const [id, change] of batch) {
        if (change === 'stored') {
          const entry = await loadEntry(id)
          if (entry && !imported.value.some((e) => e.meta.id === id)) imported.value = [...imported.value, entry]
          continue
        }
        const meta = await readMeta(id)
        if (meta === 'unreadable') continue
        if (meta === null) {
          imported.value = imported.value.filter((e) => !(e.stored && e.meta.id === id))
          continue
        }
        const current = imported.value.find((e) => e.stored && e.meta.id === id)
        if (current && (current.meta.name !== meta.name || current.meta.hidden !== meta.hidden || current.meta.suppressBelow !== meta.suppressBelow)) {
          imported.value = imported.value.map((e) => (e === current ? withMeta(e, meta) : e))
        }
      }
    } finally {
      flushTimer = null
      if (pending.size) flushTimer = setTimeout(() => void applyChanges(), CHANGE_DELAY_MS)
    }
  }

  /** Tells the other tabs that this one changed a stored dataset. */
  function announce(id: string, change: ImportsChange): void {
    const message: ImportsMessage = { type: IMPORTS_MESSAGE, v: IMPORTS_MESSAGE_VERSION, id, change }
    channel?.postMessage(message)
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
      return c && c.stored && c.meta.name === e.meta.name && c.meta.hidden === e.meta.hidden && c.meta.suppressBelow === e.meta.suppressBelow ? c : e
    })
    const ids = new Set(stored.map((e) => e.meta.id))
    imported.value = [...stored, ...imported.value.filter((e) => !e.stored && !ids.has(e.meta.id))]
    setAside.value = loaded.setAside
    if (loaded.thresholdReset.length) thresholdReset.value = [...thresholdReset.value, ...loaded.thresholdReset]
  }

  async function loadBundled(): Promise<void> {
    if (status.value === 'loading' || status.value === 'ready') return
    status.value = 'loading'
    listen()
    listenOwn()
    const stored = loadStoredImports()
    try {
      const parsed = await fetchBundled()
      const loaded = await stored
      bundled.value = parsed.value
      issues.value = parsed.issues
      newer.value = parsed.newer ?? []
      imported.value = loaded.entries
      if (loaded.own) setOwn(loaded.own.sets, loaded.own.given)
      setAside.value = loaded.setAside
      storageError.value = loaded.error
      thresholdReset.value = loaded.thresholdReset
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

  function setOwn(sets: readonly OwnSet[], given: number): void {
    ownSets.value = sets
    ownGiven.value = Math.max(ownGiven.value, given)
  }

  /**
   * Another tab changed its own milestones: read them all again (a few hundred at most). The
   * message carries nothing but its type, so a forged one only makes the tab read the database.
   */
  let ownChannel: BroadcastChannel | null = null
  let ownTimer: ReturnType<typeof setTimeout> | null = null
  function listenOwn(): void {
    if (ownChannel || typeof BroadcastChannel === 'undefined') return
    ownChannel = new BroadcastChannel(OWN_CHANNEL)
    ownChannel.onmessage = (event: MessageEvent) => {
      const m = event.data as { type?: unknown } | null
      if (typeof m !== 'object' || m === null || m.type !== OWN_MESSAGE) return
      ownTimer ??= setTimeout(() => {
        ownTimer = null
        void import('../import/startup').then(async ({ loadOwn }) => {
          const loaded = await loadOwn()
          if (!loaded.error) {
            ownSets.value = loaded.sets
            ownGiven.value = Math.max(ownGiven.value, loaded.given)
          }
        })
      }, CHANGE_DELAY_MS)
    }
  }

  /** Tells the other tabs that this one changed its own milestones. */
  function announceOwn(): void {
    listenOwn()
    ownChannel?.postMessage({ type: OWN_MESSAGE })
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
    thresholdReset,
    dataset,
    knownIds,
    sourceById,
    indicatorById,
    loadBundled,
    reloadImports,
    announce,
    setImported,
    setSetAside,
    ownSets,
    ownGiven,
    setOwn,
    announceOwn,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetsStore, import.meta.hot))
