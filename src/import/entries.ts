import { toDataset, type ImportedDataset } from '../core/import/table'
import type { Dataset } from '../core/model'

/** An imported dataset beside the bundled one, as the datasets store keeps it. */
export interface ImportedEntry {
  readonly meta: ImportedDataset
  /** The dataset in the app's model, made once on first read (namespaced indicator ids). */
  readonly view: () => Dataset
  /** Whether IndexedDB holds it; false: kept in memory for this session only. */
  readonly stored: boolean
}

/** Wraps an imported dataset for the datasets store: its model form is made once, on first read. */
export function makeEntry(meta: ImportedDataset, stored: boolean): ImportedEntry {
  let made: Dataset | null = null
  return {
    meta,
    stored,
    view: () => (made ??= toDataset(meta)),
  }
}
