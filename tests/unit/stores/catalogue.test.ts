// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readDataset } from '../../../src/core/dataset'
import { parsePeriod } from '../../../src/core/period'
import { DEFAULT_VIEW } from '../../../src/core/view'
import { useDatasetsStore } from '../../../src/stores/datasets'
import { useCatalogueStore } from '../../../src/stores/catalogue'
import { useViewStore } from '../../../src/stores/view'
import { files } from '../../helpers/csv'
import { loadBundled } from '../../helpers/stores'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe('catalogue store (the indicator catalogue)', () => {
  it('lists every indicator by offence with its figures, and what a search finds', async () => {
    await loadBundled()
    const catalogue = useCatalogueStore()
    expect(catalogue.total).toBe(2)
    expect(catalogue.groups.map((g) => [g.offence, g.entries.map((e) => [e.indicator.id, e.figures])])).toEqual([
      ['csam', [['cf_hotline_reports', 3], ['cf_hotline_change', 1]]],
    ])
    catalogue.search = 'change'
    expect(catalogue.groups.flatMap((g) => g.entries.map((e) => e.indicator.id))).toEqual(['cf_hotline_change'])
    expect(catalogue.total).toBe(1)
    catalogue.search = 'nothing like this'
    expect(catalogue.total).toBe(0)
  })

  it('opens one indicator alone on the dashboard, in the reader’s language', async () => {
    await loadBundled()
    useViewStore().setLocale('nl')
    expect(useCatalogueStore().chartOf('cf_hotline_reports')).toEqual({ ...DEFAULT_VIEW, locale: 'nl', indicators: ['cf_hotline_reports'] })
  })

  it('flags an indicator whose newer figure is known to be published, the latest one', async () => {
    const { value, issues } = readDataset(files())
    const newer = [
      { indicator: 'cf_hotline_reports', period: parsePeriod('2023'), url: 'https://example.org/2023', note: '', origin: value.observations[0]!.origin },
      { indicator: 'cf_hotline_reports', period: parsePeriod('2024'), url: 'https://example.org/2024', note: '', origin: value.observations[0]!.origin },
    ]
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ value, issues, newer }), { status: 200 })))
    await useDatasetsStore().loadBundled()
    const catalogue = useCatalogueStore()
    expect(catalogue.newer.get('cf_hotline_reports')?.url).toBe('https://example.org/2024')
    expect(catalogue.newer.has('cf_hotline_change')).toBe(false)
  })
})

