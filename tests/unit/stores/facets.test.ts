// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useFacetsStore } from '../../../src/stores/facets'
import { useViewStore } from '../../../src/stores/view'
import { files, HOTLINE, HOTLINE_CHANGE } from '../../helpers/csv'
import { loadBundled } from '../../helpers/stores'

const GROOMING = { id: 'grooming_files', offence: 'grooming', unit: 'count', label_en: 'Grooming files' }

/** Four hotline figures (a trend, drawn by default), one change and two grooming figures. */
const data = () =>
  files({
    indicators: [HOTLINE, HOTLINE_CHANGE, GROOMING],
    observations: [
      { indicator: 'cf_hotline_reports', period: '2013', value: 1232, source: 'seed_ga_2014', quote: 'In 2013, 1232 reports.' },
      { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' },
      { indicator: 'cf_hotline_reports', period: '2020', value: 2056, source: 'knack' },
      { indicator: 'cf_hotline_reports', period: '2021', value: 2310, source: 'knack' },
      { indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'previous period', source: 'knack' },
      { indicator: 'grooming_files', period: '2019', value: 40, source: 'knack' },
      { indicator: 'grooming_files', period: '2020', value: 43, source: 'knack' },
    ],
  })

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

const countOf = <T extends string>(options: readonly { value: T; count: number }[], value: T) => options.find((o) => o.value === value)?.count

describe('facets store (the filter panel)', () => {
  it('counts the figures each offence would show, whatever offence is chosen', async () => {
    await loadBundled(data())
    const facets = useFacetsStore()
    expect(countOf(facets.offences, 'csam')).toBe(5)
    expect(countOf(facets.offences, 'grooming')).toBe(2)
    // Choosing one offence leaves the other's count as it was: it says what choosing it would show.
    useViewStore().toggleOffence('grooming')
    expect(countOf(facets.offences, 'csam')).toBe(5)
  })

  it('lists only the sources something cites, titled in the reader’s language, with their counts', async () => {
    await loadBundled(data())
    const view = useViewStore()
    view.setLocale('fr')
    const facets = useFacetsStore()
    expect(facets.sources.map((s) => [s.value, s.title])).toEqual([
      ['seed_ga_2014', 'Rapport 2014 de la Global Alliance'],
      ['knack', 'Article de Knack'],
    ])
    // The 2013 figure and the milestone cite the report.
    expect(countOf(facets.sources, 'seed_ga_2014')).toBe(2)
    expect(countOf(facets.categories, 'law')).toBe(1)
    // The four hotline figures drawn by default and the milestone.
    expect(countOf(facets.jurisdictions, 'BE')).toBe(5)
  })

  it('groups the indicators by offence, says which are drawn, and ticks one on and off', async () => {
    await loadBundled(data())
    const view = useViewStore()
    const facets = useFacetsStore()
    const drawn = () => facets.indicators.flatMap((g) => g.indicators.filter((i) => i.shown).map((i) => i.indicator.id))
    expect(facets.indicators.map((g) => g.offence)).toEqual(['csam', 'grooming'])
    expect(facets.indicators[0]!.indicators.map((i) => [i.indicator.id, i.figures])).toEqual([
      ['cf_hotline_reports', 4],
      ['cf_hotline_change', 1],
    ])
    expect(drawn()).toEqual(['cf_hotline_reports'])
    facets.toggleIndicator('grooming_files')
    expect(view.state.indicators).toEqual(['cf_hotline_reports', 'grooming_files'])
    // Two indicators chosen: two filters set, both folded.
    expect(facets.folded).toBe(2)
    expect(facets.active).toBe(2)
    // Back to the defaults: no choice in the link.
    facets.toggleIndicator('grooming_files')
    expect(view.state.indicators).toEqual([])
    expect(drawn()).toEqual(['cf_hotline_reports'])
  })

  it('picks a period, moving the other end when it would be on the wrong side', async () => {
    await loadBundled(data())
    const view = useViewStore()
    const facets = useFacetsStore()
    facets.pickYear('from', 2019)
    facets.pickYear('to', 2015)
    expect([view.state.from, view.state.to]).toEqual([2015, 2015])
    facets.pickYear('from', 2020)
    expect([view.state.from, view.state.to]).toEqual([2020, 2020])
    facets.pickYear('to', null)
    expect([view.state.from, view.state.to]).toEqual([2020, null])
    expect(facets.active).toBe(1)
  })
})
