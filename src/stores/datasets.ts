import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import sourcesUrl from '../../data/sources.csv?url'
import indicatorsUrl from '../../data/indicators.csv?url'
import observationsUrl from '../../data/observations.csv?url'
import milestonesUrl from '../../data/milestones.csv?url'
import { readDataset, type DatasetFiles } from '../core/dataset'
import type { DataIssue, Dataset } from '../core/model'

const BUNDLED: Record<keyof DatasetFiles, string> = {
  sources: sourcesUrl,
  indicators: indicatorsUrl,
  observations: observationsUrl,
  milestones: milestonesUrl,
}

const EMPTY: Dataset = { sources: [], indicators: [], observations: [], milestones: [] }

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

/** The loaded data: the bundled dataset (imported ones join it later), and the problems found in it. */
export const useDatasetsStore = defineStore('datasets', () => {
  const bundled = shallowRef<Dataset>(EMPTY)
  const issues = shallowRef<readonly DataIssue[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')

  const dataset = computed<Dataset>(() => bundled.value)
  const sourceById = computed(() => new Map(dataset.value.sources.map((s) => [s.id, s])))
  const indicatorById = computed(() => new Map(dataset.value.indicators.map((i) => [i.id, i])))

  async function loadBundled(): Promise<void> {
    if (status.value === 'loading' || status.value === 'ready') return
    status.value = 'loading'
    try {
      const entries = await Promise.all(
        (Object.keys(BUNDLED) as (keyof DatasetFiles)[]).map(async (kind) => {
          const text = await fetchText(BUNDLED[kind])
          return [kind, { name: `data/${kind}.csv`, text }] as const
        }),
      )
      const parsed = readDataset(Object.fromEntries(entries) as DatasetFiles)
      bundled.value = parsed.value
      issues.value = parsed.issues
      status.value = 'ready'
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'failed'
    }
  }

  return { bundled, issues, status, error, dataset, sourceById, indicatorById, loadBundled }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetsStore, import.meta.hot))
