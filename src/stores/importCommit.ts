import type { ImportedDataset, ImportedTable } from '../core/import/table'
import type { ImportClient } from '../import/client'
import { makeEntry } from '../import/entries'
import type { WriteResult } from '../import/persist'
import type { useDatasetsStore } from './datasets'

/** The imports store's commit job: a checked file becomes a dataset, stored and shown. */

/** A file's name without its extension: the dataset's name until the user gives one. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || fileName
}

function newId(): string {
  return `u${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`
}

/** The dataset a checked file becomes: a new id, shown (not hidden), imported now. */
export function datasetOf(table: ImportedTable, name: string, fileName: string): ImportedDataset {
  return { id: newId(), name: name.trim(), fileName, importedAt: new Date().toISOString(), hidden: false, table }
}

/**
 * Writes the dataset (replacing `replaceId` in the same transaction) and shows it. `clash`:
 * another tab stored a dataset with this name meanwhile (the list is read again, nothing shown);
 * `kept`: a replace failed, so the old dataset stays, stored and shown, and the new figures wait
 * for another try; else how the write went (anything but `saved`: kept for this session only).
 */
export async function saveImport(
  storage: ImportClient,
  datasets: ReturnType<typeof useDatasetsStore>,
  meta: ImportedDataset,
  replaceId: string | null,
): Promise<WriteResult | 'kept'> {
  const saved = await storage.store(meta, replaceId)
  if (saved === 'clash') {
    await datasets.reloadImports()
    return 'clash'
  }
  // Replace is atomic (one transaction): the write that failed replaced nothing.
  if (saved !== 'saved' && replaceId) return 'kept'
  const others = datasets.imported.filter((e) => e.meta.id !== replaceId)
  datasets.setImported([...others, makeEntry(meta, saved === 'saved')])
  if (saved === 'saved') {
    datasets.announce(meta.id, 'stored')
    if (replaceId) datasets.announce(replaceId, 'deleted')
  }
  return saved
}
