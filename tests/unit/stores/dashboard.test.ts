// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW } from '../../../src/core/view'
import { makeEntry } from '../../../src/import/entries'
import { useDashboardStore } from '../../../src/stores/dashboard'
import { useViewStore } from '../../../src/stores/view'
import { files, HOTLINE, HOTLINE_CHANGE } from '../../helpers/csv'
import { importedFixture } from '../../helpers/imported'
import { loadBundled } from '../../helpers/stores'

const GROOMING = { id: 'grooming_files', offence: 'grooming', unit: 'count', label_en: 'Grooming files', label_fr: 'Dossiers de grooming' }

/** The small bundled dataset plus a grooming indicator: two offences to filter between. */
const data = () =>
  files({
    indicators: [HOTLINE, HOTLINE_CHANGE, GROOMING],
    observations: [
      { indicator: 'cf_hotline_reports', period: '2013', value: 1232, source: 'seed_ga_2014', quote: 'In 2013, 1232 reports.' },
      { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' },
      { indicator: 'cf_hotline_reports', period: '2020', value: 2056, source: 'knack' },
      { indicator: 'cf_hotline_reports', period: '2021', value: 2310, source: 'knack' },
      { indicator: 'grooming_files', period: '2019', value: 40, source: 'knack' },
      { indicator: 'grooming_files', period: '2020', value: 43, source: 'knack' },
    ],
  })

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

const drawn = (dashboard: ReturnType<typeof useDashboardStore>) => dashboard.trendView.series.map((s) => s.label)

describe('dashboard store (what the dashboard shows)', () => {
  it('draws by default the series with enough figures to be a trend, and lists the years', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    // Four hotline figures make a trend; two grooming figures are statements, drawn when asked for.
    expect(drawn(dashboard)).toEqual(['Reports to the hotline'])
    expect(dashboard.years[0]).toBe(2013)
    expect(dashboard.years).toContain(2021)
    expect(dashboard.isEmpty).toBe(false)
  })

  it('after an offence filter, shows only that offence', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    useViewStore().toggleOffence('grooming')
    expect(drawn(dashboard)).toEqual(['Grooming files'])
    expect(dashboard.trendView.series[0]!.points.map((p) => p.value)).toEqual([40, 43])
  })

  it('after a period filter, draws only the figures inside it', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    view.setIndicators(['cf_hotline_reports'])
    view.setPeriod(2019, 2020)
    const [hotline] = dashboard.trendView.series
    expect(hotline!.label).toBe('Reports to the hotline')
    expect(hotline!.points.map((p) => p.value)).toEqual([1414, 2056])
    expect(dashboard.trendView.series).toHaveLength(1)
  })

  it('in index mode, each line starts at 100 on its base year', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    view.setIndicators(['cf_hotline_reports'])
    view.setMode('index')
    view.setBase(2019)
    const values = dashboard.trendView.series[0]!.points.map((p) => p.value)
    expect(values).toContain(100)
    expect(values[values.length - 1]).toBeCloseTo((2310 / 1414) * 100, 5)
  })

  it('says there is nothing to show when the filters leave no figure and no milestone', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    useViewStore().toggleOffence('sextortion')
    expect(dashboard.trendView.series).toEqual([])
    expect(dashboard.isEmpty).toBe(true)
  })

  it('draws a saved view without changing what the dashboard shows', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const saved = dashboard.viewOf({ ...DEFAULT_VIEW, offences: ['grooming'] })
    expect(saved.series.map((s) => s.label)).toEqual(['Grooming files'])
    expect(drawn(dashboard)).toContain('Reports to the hotline')
  })

  it('shows an imported dataset once it is added, and no longer once it is hidden', async () => {
    const datasets = await loadBundled(data())
    const dashboard = useDashboardStore()
    const meta = importedFixture('owid-layout.csv', 'u1', 'OWID')
    datasets.setImported([makeEntry(meta, false)])
    const view = useViewStore()
    const ids = datasets.dataset.indicators.filter((i) => i.dataset === 'u1').map((i) => i.id)
    expect(ids.length).toBeGreaterThan(0)
    view.setIndicators(ids)
    expect(dashboard.trendView.series.length).toBeGreaterThan(0)
    datasets.setImported([makeEntry({ ...meta, hidden: true }, false)])
    expect(dashboard.trendView.series).toEqual([])
  })
})

describe('dashboard store: the series choice and the period slider', () => {
  it('says what a view without a choice draws, and lists the grooming key series of two figures as figures', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    expect(dashboard.seriesChoice?.shown.map((i) => i.id)).toEqual(['cf_hotline_reports'])
    view.toggleOffence('csam')
    view.toggleOffence('grooming')
    // Two grooming figures (and a change series with none): listed, not drawn, while the hotline series is drawn.
    expect(dashboard.seriesChoice?.shown.map((i) => i.id)).toEqual(['cf_hotline_reports'])
    expect(dashboard.seriesChoice?.lone.map((i) => i.id)).toEqual(['cf_hotline_change', 'grooming_files'])
    view.setIndicators(['grooming_files'])
    expect(dashboard.seriesChoice).toBeNull()
  })

  it('offers the key series again only when "all series" draws more of them', async () => {
    await loadBundled(files({ indicators: [HOTLINE, { ...HOTLINE_CHANGE, importance: 'secondary' }] }))
    const dashboard = useDashboardStore()
    const view = useViewStore()
    view.toggleOffence('csam')
    expect(dashboard.keySeriesFewer).toBe(false)
    view.setSeries('all')
    expect(dashboard.keySeriesFewer).toBe(true)
  })

  it('turns where the slider settles into a period filter of whole years, leaving an end at the figures’ own open', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    const at = (year: number) => Date.UTC(year, 6, 1)
    dashboard.zoomTo(at(2019), at(2030))
    expect([view.state.from, view.state.to]).toEqual([2019, null])
    // The figures drawn now start in 2019: a start before them keeps the filter's own.
    dashboard.zoomTo(at(2000), at(2020))
    expect([view.state.from, view.state.to]).toEqual([2019, 2020])
    // Settling where it already is changes nothing (no new link written).
    const before = view.state
    dashboard.zoomTo(at(2000), at(2020))
    expect(view.state).toBe(before)
  })

  it('numbers the timeline’s milestones as the chart does, after the filters', async () => {
    await loadBundled(data())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    expect(dashboard.timelineMilestones.map((m) => [m.number, m.milestone.title.en])).toEqual([[1, 'Grooming laws in force']])
    view.toggleCategory('policy')
    expect(dashboard.timelineMilestones).toEqual([])
  })

  it('offers a breakdown only by a dimension with two values or more among the shown series', async () => {
    const regions = files({
      observations: [
        { indicator: 'cf_hotline_reports', period: '2019', value: 10, source: 'knack', region: 'BE-VLG' },
        { indicator: 'cf_hotline_reports', period: '2019', value: 12, source: 'knack', region: 'BE-WAL' },
        { indicator: 'cf_hotline_reports', period: '2020', value: 11, source: 'knack', region: 'BE-VLG' },
        { indicator: 'cf_hotline_reports', period: '2020', value: 13, source: 'knack', region: 'BE-WAL' },
      ],
    })
    await loadBundled(regions)
    const dashboard = useDashboardStore()
    useViewStore().setIndicators(['cf_hotline_reports'])
    expect(dashboard.dimensions).toEqual(['region'])
    expect(dashboard.breakdownModes).toContain('small')
  })
})


describe('dashboard store: compare before and after', () => {
  const milestoneData = () =>
    files({
      indicators: [HOTLINE],
      observations: ['2010', '2011', '2012', '2014', '2015', '2016'].map((period, i) => ({ indicator: 'cf_hotline_reports', period, value: [100, 110, 120, 300, 280, 260][i]!, source: 'knack' })),
      milestones: [{ date: '2013-06', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'csam', title_en: 'A law', source: 'knack' }],
    })

  it('describes each count series before and after the milestone the view compares, and nothing when none is', async () => {
    await loadBundled(milestoneData())
    const dashboard = useDashboardStore()
    const view = useViewStore()
    expect(dashboard.comparison).toBeNull()
    view.setCompare('1')
    const row = dashboard.comparison!.rows[0]!
    expect(row.before).toMatchObject({ ok: true, figures: 3, level: 110, first: '2010', last: '2012' })
    expect(row.before.ok && row.before.yearly).toBeCloseTo(10, 10)
    expect(row.after).toMatchObject({ ok: true, figures: 3, level: 280, first: '2014', last: '2016' })
    expect(row.after.ok && row.after.yearly).toBeCloseTo(-20, 10)
    // A window of two years each side: 2011–2012 and 2014–2015, too few.
    view.setCompareYears(2)
    expect(dashboard.comparison!.rows[0]!.before).toEqual({ ok: false, figures: 2 })
    view.setCompare('')
    expect(dashboard.comparison).toBeNull()
    expect(view.state.compareYears).toBeNull()
  })
})
