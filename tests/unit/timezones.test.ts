/**
 * Periods are calendar data: the years a reader sees must not depend on the time zone of the
 * machine that built the data or of the reader's browser. Each check runs under time zones from
 * UTC+14 to UTC−11 (tests/helpers/timezones.ts).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { LineSeriesOption } from 'echarts'
import { layoutChart } from '../../src/core/chart/chartLayout'
import { buildTrendOption } from '../../src/core/chart/trendOption'
import { checkConsistency } from '../../src/core/consistency'
import { readDataset } from '../../src/core/dataset'
import { yearRange } from '../../src/core/export/labels'
import { viewFor } from '../../src/core/export/spec'
import { selectFigures } from '../../src/core/filters'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { DEFAULT_VIEW } from '../../src/core/view'
import { readDataFolder } from '../../scripts/dataFolder'
import { inEveryTimeZone } from '../helpers/timezones'
import { TEXT } from '../helpers/text'

const { value: data } = readDataset(readDataFolder('data'))

describe('the same years in every time zone', () => {
  it('a one-year view keeps exactly that year’s figures, 1,232 hotline reports under 2013', () => {
    inEveryTimeZone((zone) => {
      const { observations } = selectFigures(data, { ...DEFAULT_VIEW, from: 2013, to: 2013 })
      expect(observations.length, zone).toBeGreaterThan(0)
      expect(observations.every((o) => o.period.text.startsWith('2013')), zone).toBe(true)
      const hotline = observations.find((o) => o.indicator === 'cf_hotline_reports')
      expect(hotline?.value, zone).toBe(1232)
      // A figure of 2012 never slips in, one of the last day of 2013 never slips out.
      expect(selectFigures(data, { ...DEFAULT_VIEW, from: 2012, to: 2012 }).observations.some((o) => o.period.text.startsWith('2013')), zone).toBe(false)
    })
  })

  it('the index view takes the base year the user chose', () => {
    inEveryTimeZone((zone) => {
      const { observations, indicators } = selectFigures(data, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] })
      const [indexed] = applyView(buildSeries(observations, indicators), 'index', 2014).series
      expect(indexed?.viewBaseline, zone).toBe('2014')
      const base = indexed!.points.find((p) => p.observation.period.text === '2014')
      expect(base?.value, zone).toBe(100)
    })
  })

  it('a part-year claim is compared with the total of the year it ends in', () => {
    const expected = checkConsistency(data).map((c) => `${c.observation.period.text}:${c.compared.period}`)
    expect(expected.some((e) => e.startsWith('2020-') && e.endsWith(':2020'))).toBe(true)
    inEveryTimeZone((zone) => expect(checkConsistency(data).map((c) => `${c.observation.period.text}:${c.compared.period}`), zone).toEqual(expected))
  })

  it('exports name the same first and last year, and the chart reads its axis in UTC', () => {
    const reference = yearRange(viewFor(data, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] }))
    expect(reference?.[0]).toBe(2013)
    inEveryTimeZone((zone) => {
      const spec = viewFor(data, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] })
      expect(yearRange(spec), zone).toEqual(reference)
      const layout = layoutChart(spec, { width: 1200, height: 480 }, 'screen')
      const option = buildTrendOption(spec, layout, TEXT) as { useUTC?: boolean; dataZoom: { labelFormatter?: (v: number) => string }[] }
      expect(option.useUTC, zone).toBe(true)
      // The slider names the year of a New Year's instant in UTC, in every zone.
      const slider = option.dataZoom[0]!
      expect(slider.labelFormatter!(Date.UTC(2014, 0, 1)), zone).toBe('2014')
      expect(slider.labelFormatter!(Date.UTC(2017, 0, 1)), zone).toBe('2017')
      const hotline = (buildTrendOption(spec, layout, TEXT).series as LineSeriesOption[]).find((s) => String(s.id).startsWith('cf_hotline_reports'))!
      const first = (hotline.data as { value: [number, number] }[])[0]!.value
      expect(first[1], zone).toBe(1232)
      expect(first[0], zone).toBe(data.observations.find((o) => o.indicator === 'cf_hotline_reports' && o.period.text === '2013')!.period.mid)
    })
  })

  it('the bundled JSON is byte-identical whether built under UTC, Tokyo or Los Angeles', () => {
    const script = "import { readBundledDataset } from './scripts/bundledDataset.ts'; process.stdout.write(JSON.stringify(readBundledDataset('data')))"
    const build = (zone: string) =>
      createHash('sha256')
        .update(execFileSync('node_modules/.bin/tsx', ['--eval', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8', maxBuffer: 64 << 20 }))
        .digest('hex')
    const utc = build('UTC')
    expect(build('Asia/Tokyo')).toBe(utc)
    expect(build('America/Los_Angeles')).toBe(utc)
  }, 30_000)
})
