/** The index view says what it is indexed on, and names every figure it cannot index. */
import { beforeAll, describe, expect, it } from 'vitest'
import { layoutChart } from '../../src/core/chart/chartLayout'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { buildTrendOption, unitName } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { runPipeline } from '../../src/core/pipeline'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { trendTextFor, exportTextFor } from '../../src/export/messages'
import { chartLabels } from '../../src/core/export/labels'
import { loadLocaleMessages } from '../../src/i18n'
import { readDataFolder } from '../../scripts/dataFolder'

const { value: data } = readDataset(readDataFolder('data'))
const run = (state: Partial<ViewState>) => runPipeline(data, { ...DEFAULT_VIEW, mode: 'index', ...state })

describe('index view', () => {
  beforeAll(async () => {
    await loadLocaleMessages('fr')
    await loadLocaleMessages('nl')
  })

  it('names its base on the axis and in the subtitle of every export, in each language', () => {
    const pipeline = run({ offences: ['grooming', 'sextortion'] })
    const view = deriveTrendView(pipeline.spec)
    const base = String(pipeline.viewResult.base)
    expect(base).toMatch(/^\d{4}$/)
    const expected = { en: `Index, ${base} = 100`, fr: `Indice, ${base} = 100`, nl: `Index, ${base} = 100` }
    for (const locale of ['en', 'fr', 'nl'] as const) {
      const localView = deriveTrendView(run({ offences: ['grooming', 'sextortion'], locale }).spec)
      const option = buildTrendOption(localView, layoutChart(localView, { width: 900, height: 500 }, 'screen'), trendTextFor(locale))
      const names = (option.yAxis as { name: string }[]).map((a) => a.name)
      expect(names).toContain(expected[locale])
      expect(chartLabels(localView, { ...DEFAULT_VIEW, mode: 'index' }, exportTextFor(locale)).subtitle).toContain(`${base} = 100`)
    }
    expect(unitName('index', view, trendTextFor('en'))).toBe(expected.en)
  })

  it('names every figure it leaves out: each one is drawn, withheld or named in the notice', () => {
    for (const state of [{ offences: ['grooming' as const, 'sextortion' as const] }, { offences: ['csam' as const] }, {}, { base: 2019 }]) {
      const { breakdown, viewResult } = run(state)
      for (const source of breakdown.series.filter((s) => s.indicator.unit === 'count')) {
        const drawn = viewResult.series.find((s) => s.key === source.key)
        const notices = viewResult.excluded.filter((e) => e.series.key === source.key)
        if (!drawn) {
          expect(notices.length + viewResult.blocked.filter((b) => b.series.key === source.key).length).toBeGreaterThan(0)
          continue
        }
        const shown = new Set(drawn.points.map((p) => p.observation.period.text))
        const named = new Set(notices.flatMap((n) => n.periods ?? []))
        for (const p of source.points) expect(shown.has(p.observation.period.text) || named.has(p.observation.period.text)).toBe(true)
      }
    }
  })

  it('indexes a series with a break within its base’s segment only', () => {
    const { viewResult } = run({})
    const split = viewResult.excluded.filter((e) => e.reason === 'other_segment')
    expect(split.length).toBeGreaterThan(0)
    for (const e of split) {
      const drawn = viewResult.series.find((s) => s.key === e.series.key)!
      expect(drawn.points.some((p) => e.periods!.includes(p.observation.period.text))).toBe(false)
      expect(drawn.viewBaseline).toBe(e.base)
    }
  })
})
