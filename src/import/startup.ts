/**
 * What the datasets store loads at start, lazily and only when a database exists: the stored
 * imports as entries, and the records set aside.
 */
import { makeEntry, type ImportedEntry } from './entries'
import { loadImported, loadOne, loadOwn, readMeta, type LoadedOwn, type SetAside } from './persist'

export async function loadStartup(): Promise<{ entries: ImportedEntry[]; setAside: SetAside[]; error: string; thresholdReset: string[]; own: LoadedOwn }> {
  // Own milestones first: a damaged set is then in the set-aside list the imports' reading returns.
  const own = await loadOwn()
  const loaded = await loadImported()
  return { entries: loaded.datasets.map((d) => makeEntry(d, true)), setAside: loaded.setAside, error: loaded.error, thresholdReset: loaded.thresholdReset, own }
}

export { loadOwn }

/** One dataset another tab stored, as an entry (null: not there, or unusable). */
export async function loadEntry(id: string): Promise<ImportedEntry | null> {
  const dataset = await loadOne(id)
  return dataset ? makeEntry(dataset, true) : null
}

/** `entry` with the stored description another tab rewrote (renamed, hidden, threshold), its columns as they are. */
export function withMeta(entry: ImportedEntry, meta: Omit<ImportedEntry['meta'], 'table'>): ImportedEntry {
  return makeEntry({ ...meta, table: entry.meta.table }, true)
}

export { readMeta }
