import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { JURISDICTIONS, LOCALES, MILESTONE_CATEGORIES, OFFENCES } from '../../src/core/model'
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_MODES } from '../../src/core/breakdown'
import { CHARTS_ORDERS, DEFAULT_VIEW, MILESTONE_SETS, SCALES, SERIES_SETS, TABS, VIEW_MODES, type ViewState } from '../../src/core/view'
import { fromQuery, isViewState, pagePart, toQuery, toSearch, viewPart } from '../../src/url/viewQuery'

const id = fc.stringMatching(/^[a-z0-9_][a-z0-9_.:~-]{0,30}$/)
const ids = fc.uniqueArray(id, { maxLength: 5 })
const subset = <T extends string>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length })
const year = fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null })

/** Any valid view state: the states a link can carry. */
const viewState: fc.Arbitrary<ViewState> = fc
  .record({
    indicators: ids,
    offences: subset(OFFENCES),
    jurisdictions: subset(JURISDICTIONS),
    categories: subset(MILESTONE_CATEGORIES),
    sources: ids,
    from: year,
    to: year,
    mode: fc.constantFrom(...VIEW_MODES),
    base: year,
    scale: fc.constantFrom(...SCALES),
    milestones: fc.constantFrom(...MILESTONE_SETS),
    series: fc.constantFrom(...SERIES_SETS),
    title: fc.constantFrom('', 'Grooming since the 2014 laws', 'Signalements — Child Focus & “NCMEC”', '<b>Hostile</b> =1+1'),
    subtitle: fc.constantFrom('', 'Belgium, 2013–2023'),
    note: fc.constantFrom('', 'Figures for 2024 are provisional; see the annual report.'),
    tab: fc.constantFrom(...TABS),
    locale: fc.constantFrom(...LOCALES),
    breakdown: fc.constantFrom(...BREAKDOWN_MODES),
    by: fc.constantFrom(...BREAKDOWN_DIMENSIONS),
    chartsOrder: fc.constantFrom(...CHARTS_ORDERS),
    chartsPage: fc.integer({ min: 1, max: 9999 }),
    compare: fc.constantFrom('', '1', '31', '99999', 'Y2'),
    compareYears: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  })
  .map((s) => (s.from !== null && s.to !== null && s.from > s.to ? { ...s, from: s.to, to: s.from } : s))
  .map((s) => (s.compare === '' ? { ...s, compareYears: null } : s))

/** What the browser does with a link: the query string as text, then parsed back into parameters. */
function throughUrl(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(toSearch(query)))
}

describe('view state <-> URL', () => {
  it('round-trips any valid view state exactly, through a real URL, with no notice', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const { state: back, notices } = fromQuery(throughUrl(toQuery(state)))
        expect(back).toEqual(state)
        expect(notices).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('leaves defaults out and always writes the version and the language', () => {
    expect(toQuery(DEFAULT_VIEW)).toEqual({ lang: 'en', v: '1' })
    expect(toQuery({ ...DEFAULT_VIEW, mode: 'index', base: 2015 })).toEqual({
      view: 'index',
      base: '2015',
      lang: 'en',
      v: '1',
    })
  })

  it('never throws on random query strings and always yields a valid state', () => {
    const key = fc.oneof(fc.constantFrom('ind', 'off', 'jur', 'cat', 'src', 'from', 'to', 'view', 'base', 'scale', 'ms', 'tab', 'lang', 'v', 'slide'), fc.string())
    const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('0000', '2013', '1e3', ' 2014', 'csam,,grooming', 'log', 'index'))
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value)), fc.string(), (pairs, raw) => {
        const params = new URLSearchParams(pairs)
        for (const query of [Object.fromEntries(params), Object.fromEntries(new URLSearchParams(raw))]) {
          const { state } = fromQuery(query)
          expect(isViewState(state)).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('reads an old link with the retired `dataset` parameter as the same view, with no notice, and does not write it back', () => {
    const { state, notices } = fromQuery({ off: 'grooming', dataset: 'my-import', lang: 'fr', v: '1' })
    expect(notices).toEqual([])
    expect(state).toEqual({ ...DEFAULT_VIEW, offences: ['grooming'], locale: 'fr' })
    expect(toQuery(state)).not.toHaveProperty('dataset')
  })

  it('never throws on what vue-router may hand over: arrays, nulls, odd types', () => {
    const odd = fc.oneof(fc.string(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.constant(null))), fc.integer(), fc.object())
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('ind', 'off', 'from', 'to', 'lang', 'view', 'x'), odd), (query) => {
        expect(isViewState(fromQuery(query).state)).toBe(true)
      }),
    )
  })

  it('falls back to defaults with one notice per broken parameter', () => {
    const { state, notices } = fromQuery({ view: 'pie', from: '20x4', off: 'csam,kittens', lang: 'es', zoom: '3', v: '9' }, {}, 'fr')
    expect(state).toEqual({ ...DEFAULT_VIEW, offences: ['csam'], locale: 'fr' })
    expect(notices.map((n) => n.param).sort()).toEqual(['from', 'lang', 'off', 'v', 'view', 'zoom'])
  })

  it('checks ids against the data when it knows them', () => {
    const { state, notices } = fromQuery({ ind: 'a,b', src: 's1,nope' }, { indicators: new Set(['a']), sources: new Set(['s1']) })
    expect(state.indicators).toEqual(['a'])
    expect(state.sources).toEqual(['s1'])
    expect(notices).toEqual([{ param: 'ind', value: 'b' }, { param: 'src', value: 'nope' }])
  })

  it('drops a period that ends before it starts, and years written with a leading zero', () => {
    expect(fromQuery({ from: '2020', to: '2015' }).state).toMatchObject({ from: 2020, to: null })
    expect(fromQuery({ from: '0999' }).state.from).toBeNull()
  })

  it('keeps the Present slide apart from the view', () => {
    const query = { slide: '3', lang: 'nl', v: '1' }
    expect(fromQuery(query).notices).toEqual([])
    expect(pagePart(query)).toEqual({ slide: '3' })
    expect(viewPart(query)).toEqual({ lang: 'nl', v: '1' })
  })
})

describe('compare before and after in the link', () => {
  const known = { milestones: new Set(['1', '2', '31']) }
  it('carries the compared milestone and its window, and reads them back', () => {
    const state = { ...DEFAULT_VIEW, compare: '31', compareYears: 5 }
    expect(toQuery(state)).toEqual({ cmp: '31', cmpw: '5', lang: 'en', v: '1' })
    expect(fromQuery(toQuery(state), known)).toEqual({ state, notices: [] })
  })
  it('ignores an unknown milestone with a notice, and its window with it', () => {
    const { state, notices } = fromQuery({ cmp: '999', cmpw: '3' }, known)
    expect(state.compare).toBe('')
    expect(state.compareYears).toBeNull()
    expect(notices).toEqual([{ param: 'cmp', value: '999' }])
  })
  it('drops a malformed window with a notice and keeps the milestone', () => {
    const { state, notices } = fromQuery({ cmp: '2', cmpw: '0' }, known)
    expect(state).toEqual({ ...DEFAULT_VIEW, compare: '2' })
    expect(notices).toEqual([{ param: 'cmpw', value: '0' }])
    expect(fromQuery({ cmp: '2; drop', cmpw: '51' }, known).notices.map((n) => n.param)).toEqual(['cmp'])
  })
})
