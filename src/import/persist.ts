/**
 * Imported datasets in IndexedDB (via `idb`), so they survive reloads and browser restarts. Loaded
 * lazily: the dashboard imports this module only when a database exists. A record that cannot be
 * used (corrupt, or written by another version) is moved to a `setAside` store and reported; it
 * never stops the app from starting. Write failures come back as values: `quota` when the browser
 * refuses the space (the data then stays in memory for the session).
 *
 * Columns are stored in chunks (format 2): Chromium refuses a single value above about 133 MB, so a
 * dataset of millions of figures is several records, written in one transaction (all or nothing).
 * Records of format 1 (the whole table in one value) are still read.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb'
import { DEFAULT_SUPPRESS_BELOW } from '../core/suppression'
import { isStoredThreshold } from '../core/threshold'
import { checkImported, TABLE_COLUMNS, type ImportedDataset, type ImportedIndicator, type ImportedTable } from '../core/import/table'
import { OWN_FORMAT, type OwnSet } from '../core/ownMilestones'
import { checkOwnSet } from '../core/ownMilestonesRead'

export const DB_NAME = 'vigie-imports'
/** The format of stored records; a record with another one is set aside. */
export const RECORD_FORMAT = 2
/** Format 1: the table in the `tables` store as one value. Still read. */
const SINGLE_VALUE_FORMAT = 1
/** Bytes of one column chunk, and about as many UTF-16 code units of text per dictionary chunk. */
export const CHUNK_BYTES = 16 * 1024 * 1024

type Column = (typeof TABLE_COLUMNS)[number]
/** The dictionary of texts is chunked too: one file may hold millions of distinct notes. */
type ChunkKind = Column | 'strings'
type ChunkKey = [string, ChunkKind, number]

/** Where the table's columns are: the small part stored with the description. */
interface TableHead {
  readonly length: number
  readonly periods: readonly string[]
  readonly indicators: readonly ImportedIndicator[]
  /** Number of chunks of each column and of the strings. */
  readonly chunks: Readonly<Record<ChunkKind, number>>
}

/** The small part of a dataset (renaming or hiding rewrites only this). */
type StoredMeta = Omit<ImportedDataset, 'table'> & { readonly format: number; readonly head?: TableHead }

export interface SetAside {
  readonly key: number
  readonly id: string
  readonly name: string
  readonly reason: string
  readonly at: string
}

interface Schema extends DBSchema {
  datasets: { key: string; value: StoredMeta }
  tables: { key: string; value: ImportedTable }
  chunks: { key: ChunkKey; value: ArrayBufferView | readonly string[] }
  setAside: { key: number; value: Omit<SetAside, 'key'> & { readonly record: unknown } }
  /** The reader's own milestones, a set per record (version 3). */
  own: { key: string; value: OwnSet & { readonly format: number } }
  /** The highest own-milestone number ever given (`ownSeq`): a deleted one's is never given again. */
  meta: { key: string; value: number }
}

let opening: Promise<IDBPDatabase<Schema>> | null = null

function db(): Promise<IDBPDatabase<Schema>> {
  // Version 3 adds the stores of own milestones; what versions 1 and 2 stored is kept as it is.
  opening ??= openDB<Schema>(DB_NAME, 3, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('own')) database.createObjectStore('own', { keyPath: 'id' })
      if (!database.objectStoreNames.contains('meta')) database.createObjectStore('meta')
      if (!database.objectStoreNames.contains('datasets')) database.createObjectStore('datasets', { keyPath: 'id' })
      if (!database.objectStoreNames.contains('tables')) database.createObjectStore('tables')
      if (!database.objectStoreNames.contains('setAside')) database.createObjectStore('setAside', { autoIncrement: true })
      if (!database.objectStoreNames.contains('chunks')) database.createObjectStore('chunks')
    },
    blocked() {
      opening = null
    },
    // Another tab opens a newer version: let it, and open again next time.
    blocking(_current, _next, event) {
      ;(event.target as IDBDatabase).close()
      opening = null
    },
  }).catch((e: unknown) => {
    opening = null
    throw e
  })
  return opening
}

/**
 * `clash`: another dataset (another tab's) has this name; `gone`: the dataset was deleted meanwhile
 * (in another tab). Both are found inside the write's transaction.
 */
export type WriteResult = 'saved' | 'quota' | 'unavailable' | 'clash' | 'gone'

function writeError(e: unknown): WriteResult {
  const name = e instanceof Error || e instanceof DOMException ? e.name : ''
  return name === 'QuotaExceededError' ? 'quota' : 'unavailable'
}

export interface Loaded {
  readonly datasets: ImportedDataset[]
  readonly setAside: SetAside[]
  /** Why the database could not be read at all, else empty. */
  readonly error: string
  /** Names of datasets whose stored small-count threshold was unusable and is now the default (5). */
  readonly thresholdReset: string[]
}

function describe(value: unknown): { id: string; name: string } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as { id?: unknown; name?: unknown }
  return { id: typeof v.id === 'string' ? v.id : '', name: typeof v.name === 'string' ? v.name : '' }
}

/** The typed array a column holds. */
function kindOf(column: Column): typeof Uint32Array | typeof Float64Array | typeof Uint8Array {
  return column === 'value' ? Float64Array : column === 'status' ? Uint8Array : Uint32Array
}

function chunkRange(id: string, kind?: ChunkKind): IDBKeyRange {
  return kind ? IDBKeyRange.bound([id, kind, 0], [id, kind, Infinity]) : IDBKeyRange.bound([id], [id, []])
}

/** Where a column is cut: chunks of at most CHUNK_BYTES. */
function columnCuts(column: ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number }): [number, number][] {
  const per = Math.max(1, Math.floor(CHUNK_BYTES / column.BYTES_PER_ELEMENT))
  const out: [number, number][] = []
  for (let at = 0; at < column.length; at += per) out.push([at, Math.min(at + per, column.length)])
  return out.length > 0 ? out : [[0, 0]]
}

/** Splits the texts into runs of about CHUNK_BYTES / 2 code units. */
function stringChunks(strings: readonly string[]): string[][] {
  const out: string[][] = []
  let run: string[] = []
  let size = 0
  for (const s of strings) {
    if (run.length > 0 && size + s.length > CHUNK_BYTES / 2) {
      out.push(run)
      run = []
      size = 0
    }
    run.push(s)
    size += s.length + 8
  }
  if (run.length > 0 || out.length === 0) out.push(run)
  return out
}

type ReadTx = IDBPTransaction<Schema, ('datasets' | 'tables' | 'chunks' | 'setAside')[], 'readwrite'>

/** Reassembles a format-2 table from its chunks; what cannot be is left for checkImported to name. */
async function readChunked(tx: ReadTx, id: string, head: TableHead): Promise<unknown> {
  const chunks = tx.objectStore('chunks')
  const table: Record<string, unknown> = { length: head.length, periods: head.periods, indicators: head.indicators }
  for (const c of TABLE_COLUMNS) {
    const parts = (await chunks.getAll(chunkRange(id, c))) as ArrayBufferView[]
    if (parts.length !== head.chunks?.[c]) continue
    const Kind = kindOf(c)
    const total = parts.reduce((n, p) => n + (p instanceof Kind ? p.length : Number.NaN), 0)
    if (!Number.isFinite(total)) continue
    const column = new Kind(total)
    let at = 0
    for (const p of parts as InstanceType<typeof Kind>[]) {
      column.set(p, at)
      at += p.length
    }
    table[c] = column
  }
  const texts = (await chunks.getAll(chunkRange(id, 'strings'))) as unknown[]
  if (texts.length === head.chunks?.strings && texts.every(Array.isArray)) table.strings = (texts as string[][]).flat()
  return table
}

/** One stored description with its columns, checked: the dataset, or why it cannot be used. */
async function readRecord(tx: ReadTx, key: string, value: unknown): Promise<{ candidate: unknown; reason: string | null }> {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; head?: unknown }
  const format = stored.format
  let candidate: unknown = value
  try {
    if (format === RECORD_FORMAT && typeof stored.head === 'object' && stored.head !== null) {
      const { head, format: _f, ...meta } = stored as StoredMeta
      void _f
      candidate = { ...meta, table: await readChunked(tx, key, head!) }
      return { candidate, reason: checkImported(candidate) }
    }
    if (format === SINGLE_VALUE_FORMAT) {
      const { format: _f, ...meta } = stored as StoredMeta
      void _f
      candidate = { ...meta, table: (await tx.objectStore('tables').get(key)) as unknown }
      return { candidate, reason: checkImported(candidate) }
    }
    return { candidate, reason: format === RECORD_FORMAT ? 'no table' : `stored in format ${String(format)}, this version reads format ${RECORD_FORMAT}` }
  } catch (e) {
    return { candidate, reason: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * One stored dataset, read alone (what another tab just stored): null when it is not there or
 * cannot be used (start-up sets such a record aside). Never throws.
 */
export async function loadOne(id: string): Promise<ImportedDataset | null> {
  try {
    const tx = (await db()).transaction(['datasets', 'tables', 'chunks', 'setAside'], 'readwrite')
    const value = (await tx.objectStore('datasets').get(id)) as unknown
    const read = value === undefined ? null : await readRecord(tx, id, value)
    await tx.done
    if (!read || read.reason) return null
    const dataset = read.candidate as ImportedDataset
    return isStoredThreshold(dataset.suppressBelow) ? dataset : { ...dataset, suppressBelow: DEFAULT_SUPPRESS_BELOW }
  } catch {
    return null
  }
}

/** The stored description of one dataset (name, hidden, threshold; no columns), or null when it is not stored. */
export async function readMeta(id: string): Promise<Omit<ImportedDataset, 'table'> | null | 'unreadable'> {
  try {
    const value = await (await db()).get('datasets', id)
    if (!value) return null
    const { head: _h, format: _f, ...meta } = value
    void _h
    void _f
    return meta
  } catch {
    return 'unreadable'
  }
}

/** Reads every stored dataset, moving unusable records aside. Never throws. */
export async function loadImported(): Promise<Loaded> {
  try {
    const database = await db()
    const tx = database.transaction(['datasets', 'tables', 'chunks', 'setAside'], 'readwrite')
    const tables = tx.objectStore('tables')
    const datasets: ImportedDataset[] = []
    const thresholdReset: string[] = []
    let cursor = await tx.objectStore('datasets').openCursor()
    while (cursor) {
      const value = cursor.value as unknown
      const { candidate, reason } = await readRecord(tx, cursor.key, value)
      if (reason) {
        await tx.objectStore('setAside').add({ ...describe(value), reason, at: new Date().toISOString(), record: candidate })
        await tables.delete(cursor.key)
        await tx.objectStore('chunks').delete(chunkRange(cursor.key))
        await cursor.delete()
      } else {
        const dataset = candidate as ImportedDataset
        // An unusable threshold (-5, NaN, text, true…) must never mean "withhold nothing": the default, said once.
        if (!isStoredThreshold(dataset.suppressBelow)) {
          thresholdReset.push(dataset.name)
          await cursor.update({ ...(value as StoredMeta), suppressBelow: DEFAULT_SUPPRESS_BELOW })
          datasets.push({ ...dataset, suppressBelow: DEFAULT_SUPPRESS_BELOW })
        } else datasets.push(dataset)
      }
      cursor = await cursor.continue()
    }
    const setAside: SetAside[] = []
    let aside = await tx.objectStore('setAside').openCursor()
    while (aside) {
      const { record: _record, ...meta } = aside.value
      void _record
      setAside.push({ ...meta, key: aside.key })
      aside = await aside.continue()
    }
    await tx.done
    datasets.sort((a, b) => a.importedAt.localeCompare(b.importedAt))
    return { datasets, setAside, error: '', thresholdReset }
  } catch (e) {
    return { datasets: [], setAside: [], error: e instanceof Error ? e.message : String(e), thresholdReset: [] }
  }
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * Stores a dataset: its description and its columns in chunks, in one transaction, replacing
 * `replaceId` in the same one. The name is checked against the stored datasets inside that
 * transaction, so two tabs cannot both store "Same name". Resolves once the transaction has
 * committed.
 */
export async function saveImported(dataset: ImportedDataset, replaceId: string | null = null): Promise<WriteResult> {
  try {
    const database = await db()
    const { table, ...meta } = dataset
    const tx = database.transaction(['datasets', 'tables', 'chunks'], 'readwrite')
    const metas = tx.objectStore('datasets')
    const others = await metas.getAll()
    if (others.some((o) => o.id !== dataset.id && o.id !== replaceId && typeof o.name === 'string' && sameName(o.name, dataset.name))) {
      tx.abort()
      await tx.done.catch(() => undefined)
      return 'clash'
    }
    const chunks = tx.objectStore('chunks')
    const writes: Promise<unknown>[] = []
    const counts = {} as Record<ChunkKind, number>
    for (const c of TABLE_COLUMNS) {
      const column = table[c]
      const cuts = columnCuts(column)
      counts[c] = cuts.length
      // A copy, not a view: a view would clone its whole buffer. put() clones at once, so only one
      // chunk's copy is held at a time.
      cuts.forEach(([from, to], i) => writes.push(chunks.put(column.slice(from, to), [dataset.id, c, i])))
    }
    const texts = stringChunks(table.strings)
    counts.strings = texts.length
    texts.forEach((p, i) => writes.push(chunks.put(p, [dataset.id, 'strings', i])))
    const head: TableHead = { length: table.length, periods: table.periods, indicators: table.indicators, chunks: counts }
    writes.push(metas.put({ ...meta, format: RECORD_FORMAT, head }))
    if (replaceId && replaceId !== dataset.id) {
      writes.push(metas.delete(replaceId), tx.objectStore('tables').delete(replaceId), chunks.delete(chunkRange(replaceId)))
    }
    await Promise.all([...writes, tx.done])
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

/**
 * Renames or hides: rewrites the small description only. `gone` when another tab deleted the
 * dataset, `clash` when another stored dataset has the new name.
 */
export async function updateImported(id: string, patch: Partial<Pick<ImportedDataset, 'name' | 'hidden'>>): Promise<WriteResult> {
  try {
    const database = await db()
    const tx = database.transaction('datasets', 'readwrite')
    const record = await tx.store.get(id)
    let result: WriteResult = 'saved'
    if (!record) result = 'gone'
    else if (patch.name !== undefined && (await tx.store.getAll()).some((o) => o.id !== id && typeof o.name === 'string' && sameName(o.name, patch.name!))) result = 'clash'
    else await tx.store.put({ ...record, ...patch })
    await tx.done
    return result
  } catch (e) {
    return writeError(e)
  }
}

export async function deleteImported(id: string): Promise<WriteResult> {
  try {
    const tx = (await db()).transaction(['datasets', 'tables', 'chunks'], 'readwrite')
    await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('tables').delete(id), tx.objectStore('chunks').delete(chunkRange(id)), tx.done])
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

export async function discardSetAside(key: number): Promise<WriteResult> {
  try {
    await (await db()).delete('setAside', key)
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

export interface LoadedOwn {
  readonly sets: OwnSet[]
  /** The highest number ever given. */
  readonly given: number
  /** Names of damaged sets moved to the set-aside store. */
  readonly setAside: string[]
  readonly error: string
}

/** Reads the own milestones' sets, moving unusable ones aside (listed with the imports set aside). Never throws. */
export async function loadOwn(): Promise<LoadedOwn> {
  try {
    const tx = (await db()).transaction(['own', 'meta', 'setAside'], 'readwrite')
    const sets: OwnSet[] = []
    const setAside: string[] = []
    let cursor = await tx.objectStore('own').openCursor()
    while (cursor) {
      const value = cursor.value as unknown
      const reason = checkOwnSet(value)
      if (reason) {
        const { id, name } = describe(value)
        setAside.push(name || id)
        await tx.objectStore('setAside').add({ id, name, reason, at: new Date().toISOString(), record: value })
        await cursor.delete()
      } else {
        const { format: _f, ...set } = value as OwnSet & { format: number }
        void _f
        sets.push(set)
      }
      cursor = await cursor.continue()
    }
    const stored = (await tx.objectStore('meta').get('ownSeq')) as unknown
    await tx.done
    sets.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return { sets, given: typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0, setAside, error: '' }
  } catch (e) {
    return { sets: [], given: 0, setAside: [], error: e instanceof Error ? e.message : String(e) }
  }
}

/** Stores a set of own milestones (all of it) and the highest number given, in one transaction. */
export async function saveOwn(set: OwnSet, given: number): Promise<WriteResult> {
  try {
    const tx = (await db()).transaction(['own', 'meta'], 'readwrite')
    const previous = (await tx.objectStore('meta').get('ownSeq')) ?? 0
    await Promise.all([tx.objectStore('own').put({ ...set, format: OWN_FORMAT }), tx.objectStore('meta').put(Math.max(previous, given), 'ownSeq'), tx.done])
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

export async function deleteOwn(id: string): Promise<WriteResult> {
  try {
    await (await db()).delete('own', id)
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}
