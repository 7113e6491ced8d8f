import { toDataset, type ImportedDataset } from '../core/import/table'
import type { Dataset } from '../core/model'
import type { ImportedEntry } from '../stores/datasets'

/** Wraps an imported dataset for the datasets store: its model form is made once, on first read. */
export function makeEntry(meta: ImportedDataset, stored: boolean): ImportedEntry {
  let made: Dataset | null = null
  return {
    meta,
    stored,
    view: () => (made ??= toDataset(meta)),
  }
}
