/**
 * The chart state over generated data sets (tests/helpers/generatedData.ts), beside the bundled
 * data or alone, in every view mode, breakdown mode and scale, laid out for every profile. A fixed
 * seed runs every time; a new seed too, printed by fast-check when a case fails (re-run it with
 * `{ seed, path }`). A case that takes longer than its budget is reported with its seed instead of
 * hanging the run.
 */
import { Worker } from 'node:worker_threads'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { CHART_PROFILES, layoutChart, pagePanels, preferredHeight } from '../../src/core/chart/chartLayout'
import { CHARTS_PER_PAGE, deriveTrendView, PALETTE, panelSubset, SYMBOLS } from '../../src/core/chart/chartState'
import { buildTrendOption, describeChart, formatPoint, formatValue } from '../../src/core/chart/trendOption'
import { formatPeriod } from '../../src/core/format'
import { readDataset } from '../../src/core/dataset'
import { figureRows } from '../../src/core/export/labels'
import type { Dataset, Observation } from '../../src/core/model'
import { runPipeline, withheldOf } from '../../src/core/pipeline'
import { BREAKDOWN_MODES } from '../../src/core/breakdown'
import { DEFAULT_VIEW, SCALES, VIEW_MODES, type ViewState } from '../../src/core/view'
import { readDataFolder } from '../../scripts/dataFolder'
import { generatedCase, type GeneratedCase } from '../helpers/generatedData'
import { TEXT } from '../helpers/text'

const { value: bundled } = readDataset(readDataFolder('data'))

/** A case that runs longer than this (seconds, on a busy 2-core machine) is a loop, not slowness. */
const BUDGET_SECONDS = 60
/**
 * The watchdog: a thread that the test tells which case it starts; if a case outlives the budget,
 * it prints the case and ends the run (a synchronous endless loop cannot be interrupted otherwise).
 */
const watchdog = new Worker(
  `const { parentPort } = require('node:worker_threads')
   let current = null
   parentPort.on('message', (m) => { current = m ? { ...m, at: Date.now() } : null })
   setInterval(() => {
     if (current && Date.now() - current.at > ${BUDGET_SECONDS * 1000}) {
       process.stderr.write('Chart state case over its budget (an endless loop?): ' + JSON.stringify(current) + '\\n')
       process.kill(process.pid, 'SIGKILL')
     }
   }, 250).unref()`,
  { eval: true },
)
watchdog.unref()
afterAll(() => watchdog.terminate())

const combined = (generated: Dataset, withBundled: boolean): Dataset =>
  withBundled
    ? {
        sources: [...bundled.sources, ...generated.sources],
        indicators: [...bundled.indicators, ...generated.indicators],
        observations: [...bundled.observations, ...generated.observations],
        milestones: bundled.milestones,
      }
    : generated

const stateArb = fc.record({
  mode: fc.constantFrom(...VIEW_MODES),
  breakdown: fc.constantFrom(...BREAKDOWN_MODES),
  scale: fc.constantFrom(...SCALES),
  withBundled: fc.boolean(),
  base: fc.option(fc.integer({ min: 1999, max: 2013 }), { nil: null, freq: 3 }),
  page: fc.integer({ min: 1, max: 5 }),
})

function checkCase(generated: GeneratedCase, options: { mode: ViewState['mode']; breakdown: ViewState['breakdown']; scale: ViewState['scale']; withBundled: boolean; base: number | null; page: number }): void {
  const dataset = combined(generated.dataset, options.withBundled)
  const suppressBelow = (i: { dataset: string }) => (i.dataset === 'g' ? generated.below : 0)
  const withheld = withheldOf(dataset, suppressBelow)
  const state: ViewState = {
    ...DEFAULT_VIEW,
    indicators: [...(options.withBundled ? bundled.indicators.slice(0, 12).map((i) => i.id) : []), ...generated.dataset.indicators.map((i) => i.id)],
    mode: options.mode,
    breakdown: options.breakdown,
    scale: options.scale,
    base: options.mode === 'index' ? options.base : null,
    milestones: 'all',
    chartsPage: options.page,
  }
  const pipeline = runPipeline(dataset, state, { suppressBelow, withheld })
  const view = deriveTrendView(pipeline.spec)

  // Every drawn series has a style and a legend entry with that style.
  if (view.chartsPage) {
    // Small charts past a page: a page of at most CHARTS_PER_PAGE charts, saying which of how many.
    expect(view.panels.length).toBeLessThanOrEqual(CHARTS_PER_PAGE)
    expect(view.chartsPage.to - view.chartsPage.from + 1).toBe(view.panels.length)
    expect(view.chartsPage.of).toBeGreaterThan(CHARTS_PER_PAGE)
  } else expect(view.series.length).toBe(pipeline.spec.series.length)
  const legend = new Map(view.legend.map((e) => [e.key, e]))
  for (const s of view.series) {
    expect(PALETTE).toContain(s.colour)
    expect(SYMBOLS).toContain(s.symbol)
    const entry = legend.get(pipeline.spec.groups ? s.indicator.id : s.key)
    expect(entry).toBeDefined()
    expect([entry!.colour, entry!.symbol]).toEqual([s.colour, s.symbol])
  }
  expect(view.panels.length).toBeLessThanOrEqual(Math.max(view.series.length, 0))

  // No withheld value is reachable: not as a point's value, a row, or anything computed from it.
  const isWithheld = (o: Observation) => withheld.has(o)
  for (const s of view.series) {
    for (const p of s.points) {
      if (options.mode === 'absolute' && isWithheld(p.observation)) expect(p.suppressed).toBeDefined()
      if (options.mode !== 'absolute') expect(isWithheld(p.observation)).toBe(false)
      if (s.key.includes('|total:')) expect(p.suppressed).toBeUndefined()
    }
  }
  for (const row of figureRows(view)) {
    if (row.suppressed !== undefined) {
      expect(row.value).toBe(0)
      expect(row.shown).toMatch(/^(< \d+|withheld)$/)
    }
  }
  // The screen-reader description (the readout's words) names a withheld figure by its withheld form only.
  const description = describeChart(view).split('; ')
  view.series.forEach((s, i) => {
    const part = description[i]!
    const ends = s.points.length > 1 ? [s.points[0], s.points[s.points.length - 1]] : [s.points[0]]
    ends.forEach((p, end) => {
      if (p?.suppressed === undefined) return
      const said = `${formatPeriod(p.observation.period, view.locale)} ${formatPoint(p, s.unit, view.locale)}`
      const number = `${formatPeriod(p.observation.period, view.locale)} ${formatValue(p.value, s.unit, view.locale)}`
      expect(part).toContain(said)
      // The first figure is said after the label, the last after a comma.
      if (said !== number) expect(part.includes(end === 0 ? `: ${number},` : `, ${number} (`) || part.endsWith(`: ${number} (1)`)).toBe(false)
    })
  })
  // A total is never a sum with a withheld part in it.
  for (const s of view.series.filter((x) => x.key.includes('|total:'))) {
    const parts = pipeline.series.filter((x) => x.indicator.id === s.indicator.id)
    for (const p of s.points) {
      const inPeriod = parts.flatMap((x) => x.points.filter((q) => q.observation.period.text === p.observation.period.text))
      expect(inPeriod.some((q) => isWithheld(q.observation))).toBe(false)
    }
  }
  // A computed total's missing periods are named in the notice under the breakdown control.
  for (const total of pipeline.breakdown.series.filter((x) => x.key.includes('|total:'))) {
    const parts = pipeline.series.filter((x) => x.indicator.id === total.indicator.id && x.points.some((q) => q.observation.region))
    const shown = new Set(total.points.map((q) => q.observation.period.text))
    const named = new Set(pipeline.breakdown.missing.filter((m) => m.indicator.id === total.indicator.id).flatMap((m) => m.periods))
    for (const q of parts.flatMap((x) => x.points)) expect(shown.has(q.observation.period.text) || named.has(q.observation.period.text)).toBe(true)
  }
  // In a change view, no change from or to a withheld figure.
  if (options.mode === 'change') {
    for (const s of view.series) {
      const source = pipeline.breakdown.series.find((x) => x.key === s.key)!
      for (const p of s.points) {
        const i = source.points.findIndex((q) => q.observation === p.observation)
        if (i > 0) expect(isWithheld(source.points[i - 1]!.observation)).toBe(false)
      }
    }
  }

  // Every notice that says what was left out matches what was left out.
  const drawn = new Map(pipeline.viewResult.series.map((s) => [s.key, s]))
  const excluded = new Map(pipeline.viewResult.excluded.map((e) => [e.series.key, e]))
  const blocked = new Map(pipeline.viewResult.blocked.map((b) => [b.series.key, b]))
  for (const source of pipeline.breakdown.series) {
    const d = drawn.get(source.key)
    const e = excluded.get(source.key)
    const b = blocked.get(source.key)
    if (!d) {
      // Left out entirely: the notice names it.
      expect(e !== undefined || b !== undefined).toBe(true)
      continue
    }
    if (e) expect(e.periods).toBeDefined()
    if (options.mode === 'index') {
      // Each figure is drawn, or named: withheld, or outside what could be indexed against the base.
      const named = new Set([...(b?.periods ?? []), ...(e?.periods ?? [])])
      const shown = new Set(d.points.map((p) => p.observation.period.text))
      for (const p of source.points) expect(shown.has(p.observation.period.text) || named.has(p.observation.period.text)).toBe(true)
      for (const period of e?.periods ?? []) expect(shown.has(period)).toBe(false)
    }
  }

  // The layout, for every profile, and slides' pages: each finishes and covers every panel once.
  for (const profile of CHART_PROFILES) {
    for (const width of [360, 800, 1366]) {
      const height = preferredHeight(view, width, profile)
      const layout = layoutChart(view, { width, height }, profile)
      expect(layout.panels.length).toBe(Math.max(view.panels.length, 1))
      expect(layout.milestoneLabels.length).toBe(view.milestones.length)
    }
  }
  if (view.panels.length <= 60) {
    const pages = pagePanels(view.panels.length, (indexes) => preferredHeight(panelSubset(view, indexes), 1280, 'slide') <= 720)
    expect(pages.flat()).toEqual(view.panels.map((_, i) => i))
  }
  // The renderer draws every series and no withheld number.
  const option = buildTrendOption(view, layoutChart(view, { width: 800, height: 600 }, 'screen'), TEXT)
  const lines = (option.series as { id?: string; data?: unknown[] }[]).filter((s) => s.id && !String(s.id).includes('#'))
  for (const s of view.series) {
    const line = lines.find((l) => l.id === s.key)
    expect(line).toBeDefined()
    if (!line) continue
    for (const p of s.points.filter((q) => q.suppressed !== undefined)) {
      const items = (line.data ?? []).filter((item) => Array.isArray(item) ? item[0] === p.x && item[1] !== null : (item as { value: number[] }).value?.[0] === p.x)
      expect(items).toEqual([])
    }
  }
}

let caseNumber = 0
const property = fc.property(generatedCase, stateArb, (generated, options) => {
  watchdog.postMessage({ case: ++caseNumber, options })
  try {
    checkCase(generated, options)
  } finally {
    watchdog.postMessage(null)
  }
})

describe('chart state on generated data', () => {
  it('holds for a fixed seed', () => {
    fc.assert(property, { seed: 20_261_204, numRuns: 200 })
  }, 300_000)

  it('holds for a new seed (printed on failure)', () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff)
    try {
      fc.assert(property, { seed, numRuns: 100 })
    } catch (error) {
      throw new Error(`Failed with generated seed ${seed}: ${(error as Error).message}`, { cause: error })
    }
  }, 300_000)
})
