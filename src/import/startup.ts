/**
 * What the datasets store loads at start, lazily and only when a database exists: the stored
 * imports as entries, and the records set aside.
 */
import { makeEntry, type ImportedEntry } from './entries'
import { loadImported, type SetAside } from './persist'

export async function loadStartup(): Promise<{ entries: ImportedEntry[]; setAside: SetAside[]; error: string }> {
  const loaded = await loadImported()
  return { entries: loaded.datasets.map((d) => makeEntry(d, true)), setAside: loaded.setAside, error: loaded.error }
}
