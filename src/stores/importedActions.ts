import type { ComputedRef } from 'vue'
import { exportCanonicalCsv } from '../core/import/canonical'
import type { ImportedDataset } from '../core/import/table'
import { readThresholdEntry, SUPPRESSION_OFF } from '../core/threshold'
import { makeEntry } from '../import/entries'
import { deleteImported, discardSetAside, updateImported, type WriteResult } from '../import/persist'
import type { useDatasetsStore } from './datasets'
import type { Notice } from './importNotices'

/**
 * The imports store's library job: what the Datasets panel does to datasets already imported
 * (rename, hide, threshold, delete, export, discard a set-aside record). Each change is shown at
 * once, then written; the write checks the stored record and this tab puts things right if
 * another tab got there first. Called once in the store's setup.
 */
export function importedActions(
  datasets: ReturnType<typeof useDatasetsStore>,
  names: ComputedRef<Map<string, string>>,
  say: (key: string, params?: Record<string, string | number>, tone?: Notice['tone']) => void,
) {
  function entry(id: string) {
    return datasets.imported.find((e) => e.meta.id === id)
  }

  /**
   * Renames or hides: shown at once, then written; the write checks the stored record in its
   * transaction and this tab puts things right if another tab got there first. Returns whether the
   * change was kept.
   */
  async function update(id: string, patch: Partial<Pick<ImportedDataset, 'name' | 'hidden' | 'suppressBelow'>>): Promise<boolean> {
    const found = entry(id)
    if (!found) return false
    const meta = { ...found.meta, ...patch }
    datasets.setImported(datasets.imported.map((e) => (e.meta.id === id ? makeEntry(meta, e.stored) : e)))
    if (!found.stored) return true
    // The stored description is rewritten with the patch as it is (suppressBelow included).
    const saved: WriteResult = await updateImported(id, patch as Parameters<typeof updateImported>[1])
    if (saved === 'gone') {
      // Deleted in another tab: say so rather than pretend the change was kept.
      datasets.setImported(datasets.imported.filter((e) => e.meta.id !== id))
      say('panel.gone', { name: found.meta.name }, 'error')
      return false
    }
    if (saved === 'clash') {
      datasets.setImported(datasets.imported.map((e) => (e.meta.id === id ? found : e)))
      await datasets.reloadImports()
      say('panel.nameTaken', { name: patch.name ?? '' }, 'error')
      return false
    }
    if (saved === 'saved') datasets.announce(id, 'updated')
    else say(`storage.${saved}`, { name: meta.name }, 'warning')
    return true
  }

  /** Renames a dataset; refuses an empty name or one another dataset has. Returns whether it did. */
  async function rename(id: string, newName: string): Promise<boolean> {
    const trimmed = newName.trim()
    const owner = names.value.get(trimmed.toLowerCase())
    if (!trimmed || (owner && owner !== id)) {
      say('panel.nameTaken', { name: trimmed }, 'error')
      return false
    }
    return update(id, { name: trimmed })
  }

  async function setHidden(id: string, hidden: boolean): Promise<void> {
    await update(id, { hidden })
  }

  /**
   * Sets the small-count threshold of a dataset: a whole number from 1 to 1,000, or SUPPRESSION_OFF
   * (only through the confirmed "show every count" control). Anything else changes nothing.
   */
  async function setSuppressBelow(id: string, below: number): Promise<boolean> {
    if (below !== SUPPRESSION_OFF && 'problem' in readThresholdEntry(String(below))) return false
    return update(id, { suppressBelow: below })
  }

  async function remove(id: string): Promise<void> {
    const found = entry(id)
    if (!found) return
    datasets.setImported(datasets.imported.filter((e) => e.meta.id !== id))
    const done = await deleteImported(id)
    say('panel.deleted', { name: found.meta.name })
    if (done === 'saved') datasets.announce(id, 'deleted')
    else say(`storage.${done}`, { name: found.meta.name }, 'warning')
  }

  /** The dataset as canonical CSV, with the file name to save it under. */
  function exportCsv(id: string): { fileName: string; text: string } | null {
    const found = entry(id)
    if (!found) return null
    const safe = found.meta.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'dataset'
    return { fileName: `${safe}-observations.csv`, text: exportCanonicalCsv(found.meta) }
  }

  async function discard(key: number): Promise<void> {
    await discardSetAside(key)
    datasets.setSetAside(datasets.setAside.filter((r) => r.key !== key))
  }

  return { rename, setHidden, setSuppressBelow, remove, exportCsv, discard }
}
