// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { namespacedId } from '../../../src/core/import/table'
import { makeEntry } from '../../../src/import/entries'
import { useDatasetsStore } from '../../../src/stores/datasets'
import { files, HOTLINE } from '../../helpers/csv'
import { importedFixture } from '../../helpers/imported'
import { loadBundled } from '../../helpers/stores'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('datasets store (what is loaded)', () => {
  it('loads the bundled data once and shows its indicators, sources and milestones', async () => {
    const datasets = await loadBundled()
    expect(datasets.status).toBe('ready')
    expect(datasets.dataset.indicators.map((i) => i.id)).toEqual(['cf_hotline_reports', 'cf_hotline_change'])
    expect(datasets.sourceById.get('knack')?.publisher).toBe('knack.be')
    expect(datasets.indicatorById.get('cf_hotline_reports')?.label.en).toBe('Reports to the hotline')
    expect(datasets.dataset.milestones).toHaveLength(1)
    await datasets.loadBundled()
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('keeps the problems found in the data for the user to see', async () => {
    const datasets = await loadBundled(files({ indicators: [HOTLINE, { ...HOTLINE, id: 'bad', unit: 'furlongs' }] }))
    expect(datasets.status).toBe('ready')
    expect(datasets.issues.length).toBeGreaterThan(0)
    expect(datasets.issues.some((i) => i.file.endsWith('indicators.csv'))).toBe(true)
  })

  it('says why when the bundled data cannot be fetched, and does not throw', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })))
    const datasets = useDatasetsStore()
    await datasets.loadBundled()
    expect(datasets.status).toBe('failed')
    expect(datasets.error).toContain('503')
    expect(datasets.dataset.observations).toEqual([])
  })

  it('merges an imported dataset beside the bundled one, under ids that cannot clash', async () => {
    const datasets = await loadBundled()
    const meta = importedFixture('owid-layout.csv', 'u1', 'OWID')
    datasets.setImported([makeEntry(meta, false)])
    const ids = datasets.dataset.indicators.map((i) => i.id)
    expect(ids).toContain('cf_hotline_reports')
    const imported = meta.table.indicators.map((i) => namespacedId('u1', i.id))
    expect(imported.length).toBeGreaterThan(0)
    for (const id of imported) expect(ids).toContain(id)
    // A link may name them.
    for (const id of imported) expect(datasets.knownIds.indicators.has(id)).toBe(true)
    expect(datasets.dataset.observations.length).toBeGreaterThan(4)
  })

  it('leaves a hidden import out of what every screen reads, and out of what links may name', async () => {
    const datasets = await loadBundled()
    const meta = { ...importedFixture('owid-layout.csv', 'u1'), hidden: true }
    datasets.setImported([makeEntry(meta, true)])
    expect(datasets.dataset.indicators.map((i) => i.id)).toEqual(['cf_hotline_reports', 'cf_hotline_change'])
    expect([...datasets.knownIds.indicators].some((id) => id.includes('u1'))).toBe(false)
    expect(datasets.imported).toHaveLength(1)
  })
})
