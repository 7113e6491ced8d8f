import { vi } from 'vitest'
import { readDataset, type DatasetFiles } from '../../src/core/dataset'
import { useDatasetsStore } from '../../src/stores/datasets'
import { files } from './csv'

/**
 * Serves `data` as the bundled dataset (what the build's dataset.json holds) and has the datasets
 * store load it, as the app does at start. The active pinia must be set first.
 */
export async function loadBundled(data: DatasetFiles = files()): Promise<ReturnType<typeof useDatasetsStore>> {
  const { value, issues } = readDataset(data)
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ value, issues, newer: [] }), { status: 200 })))
  const datasets = useDatasetsStore()
  await datasets.loadBundled()
  return datasets
}
