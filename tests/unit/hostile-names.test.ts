// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { drawPreview } from '../../src/charts/previewDraw'
import { previewText, type SvgNode } from '../../src/charts/previewProtocol'
import { layoutChart, stillLayout } from '../../src/core/chart/chartLayout'
import { buildTrendOption, deriveTrendView, numberMilestones, type TrendSpec } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { importBytes } from '../../src/core/import/pipeline'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { files, HOTLINE, HOTLINE_CHANGE } from '../helpers/csv'
import { TEXT } from '../helpers/text'

// Names that a plain object answers from Object.prototype.
const PROTO_NAMES = ['hasOwnProperty', 'constructor', '__proto__', 'toString', 'valueOf']

function specWithLabels(en: string, en2: string): TrendSpec {
  const { value } = readDataset(files({ indicators: [{ ...HOTLINE, label_en: en }, { ...HOTLINE_CHANGE, label_en: en2 }] }))
  return {
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  }
}

const texts = (node: SvgNode): string[] => [...(node.text ? [node.text] : []), ...(node.children ?? []).flatMap(texts)]

describe('series named after Object.prototype members', () => {
  it.each(PROTO_NAMES)('a series labelled %s is drawn, and its label is never an ECharts series name', (name) => {
    const view = deriveTrendView(specWithLabels(name, 'hasOwnProperty'))
    const layout = layoutChart(view, { width: 800, height: 480 }, 'screen')
    const option = buildTrendOption(view, layout, TEXT)
    const series = option.series as { id?: string; name?: string }[]
    for (const s of series) {
      expect(PROTO_NAMES).not.toContain(s.name)
      expect(PROTO_NAMES).not.toContain(s.id)
    }
    // ECharts itself draws it (it threw "hasOwnProperty is not a function" on the old option).
    const { tree } = drawPreview({ view, text: previewText(TEXT), layout: stillLayout(layout) })
    expect(texts(tree)).toEqual(expect.arrayContaining(['Number', 'Change (%)']))
    expect(view.legend.map((l) => l.label)).toEqual([name, 'hasOwnProperty'])
  })
})

function imported(csv: string) {
  const out = importBytes(new TextEncoder().encode(csv))
  if (!out.ok) throw new Error(out.problem)
  return out.result
}

describe('vocabulary look-ups ignore Object.prototype', () => {
  it.each(['constructor', '__proto__'])('status "%s" is rejected, not read as reported', (status) => {
    const { report } = imported(`indicator,period,value,status\ncases,2019,10,reported\ncases,2020,12,${status}\n`)
    expect(report.valid).toBe(1)
    expect(report.issues.map((i) => [i.line, i.code, i.value])).toEqual([[3, 'unknown_status', status.toLowerCase()]])
  })

  it.each(['constructor', '__proto__', 'hasOwnProperty'])('an indicator named "%s" gets its offence and unit checked', (name) => {
    const { table, report } = imported(
      `indicator,period,value,offence,unit,baseline\n${name},2019,10,grooming,percent_change,2018\n${name},2020,12,grooming,percent_change,2019\nother,2020,5,zzz,count,\n${name}x,2020,5,grooming,zzz,\n`,
    )
    expect(table.indicators.find((i) => i.label.en === name)).toMatchObject({ offence: 'grooming', unit: 'percent_change' })
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'unknown_offence'],
      [5, 'unknown_unit'],
    ])
  })
})
