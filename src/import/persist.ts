/**
 * Imported datasets in IndexedDB (via `idb`), so they survive reloads and browser restarts. Loaded
 * lazily: the dashboard imports this module only when a database exists. A record that cannot be
 * used (corrupt, or written by another version) is moved to a `setAside` store and reported; it
 * never stops the app from starting. Write failures come back as values: `quota` when the browser
 * refuses the space (the data then stays in memory for the session).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { checkImported, type ImportedDataset, type ImportedTable } from '../core/import/table'

export const DB_NAME = 'vigie-imports'
/** The format of stored records; a record with another one is set aside. */
export const RECORD_FORMAT = 1

/** The small part of a dataset (renaming or hiding rewrites only this). */
type StoredMeta = Omit<ImportedDataset, 'table'> & { readonly format: number }

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
  setAside: { key: number; value: Omit<SetAside, 'key'> & { readonly record: unknown } }
}

let opening: Promise<IDBPDatabase<Schema>> | null = null

function db(): Promise<IDBPDatabase<Schema>> {
  opening ??= openDB<Schema>(DB_NAME, 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('datasets')) database.createObjectStore('datasets', { keyPath: 'id' })
      if (!database.objectStoreNames.contains('tables')) database.createObjectStore('tables')
      if (!database.objectStoreNames.contains('setAside')) database.createObjectStore('setAside', { autoIncrement: true })
    },
    blocked() {
      opening = null
    },
  }).catch((e: unknown) => {
    opening = null
    throw e
  })
  return opening
}

export type WriteResult = 'saved' | 'quota' | 'unavailable'

function writeError(e: unknown): WriteResult {
  const name = e instanceof Error || e instanceof DOMException ? e.name : ''
  return name === 'QuotaExceededError' ? 'quota' : 'unavailable'
}

export interface Loaded {
  readonly datasets: ImportedDataset[]
  readonly setAside: SetAside[]
  /** Why the database could not be read at all, else empty. */
  readonly error: string
}

function describe(value: unknown): { id: string; name: string } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as { id?: unknown; name?: unknown }
  return { id: typeof v.id === 'string' ? v.id : '', name: typeof v.name === 'string' ? v.name : '' }
}

/** Reads every stored dataset, moving unusable records aside. Never throws. */
export async function loadImported(): Promise<Loaded> {
  try {
    const database = await db()
    const tx = database.transaction(['datasets', 'tables', 'setAside'], 'readwrite')
    const tables = tx.objectStore('tables')
    const datasets: ImportedDataset[] = []
    let cursor = await tx.objectStore('datasets').openCursor()
    while (cursor) {
      const value = cursor.value as unknown
      const format = (value as { format?: unknown } | null)?.format
      const table = (await tables.get(cursor.key)) as unknown
      const candidate = { ...(value as object), table }
      const reason = format !== RECORD_FORMAT ? `stored in format ${String(format)}, this version reads format ${RECORD_FORMAT}` : checkImported(candidate)
      if (reason) {
        await tx.objectStore('setAside').add({ ...describe(value), reason, at: new Date().toISOString(), record: candidate })
        await tables.delete(cursor.key)
        await cursor.delete()
      } else {
        const { format: _format, ...meta } = cursor.value
        void _format
        datasets.push({ ...meta, table: table as ImportedTable })
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
    return { datasets, setAside, error: '' }
  } catch (e) {
    return { datasets: [], setAside: [], error: e instanceof Error ? e.message : String(e) }
  }
}

/** Stores a dataset: its columns and its description, in one transaction. */
export async function saveImported(dataset: ImportedDataset): Promise<WriteResult> {
  try {
    const database = await db()
    const { table, ...meta } = dataset
    const tx = database.transaction(['datasets', 'tables'], 'readwrite')
    await Promise.all([tx.objectStore('tables').put(table, dataset.id), tx.objectStore('datasets').put({ ...meta, format: RECORD_FORMAT }), tx.done])
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

/** Renames or hides: rewrites the small description only. */
export async function updateImported(id: string, patch: Partial<Pick<ImportedDataset, 'name' | 'hidden'>>): Promise<WriteResult> {
  try {
    const database = await db()
    const tx = database.transaction('datasets', 'readwrite')
    const record = await tx.store.get(id)
    if (record) await tx.store.put({ ...record, ...patch })
    await tx.done
    return 'saved'
  } catch (e) {
    return writeError(e)
  }
}

export async function deleteImported(id: string): Promise<WriteResult> {
  try {
    const tx = (await db()).transaction(['datasets', 'tables'], 'readwrite')
    await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('tables').delete(id), tx.done])
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
