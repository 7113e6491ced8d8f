/**
 * What the dashboard says around its chart, as pure functions of the data and the view (the
 * dashboard store and its composable run them; DashboardView.vue only displays them): the figures
 * listed instead of drawn, and the period a slider settles on.
 */
import { baselineText, formatValue } from './chart/chartText'
import { figuresOfIndicators } from './datasetIndex'
import type { DefaultChoice } from './filters'
import { punctuate, formatPeriod } from './format'
import type { Dataset, Locale } from './model'
import { yearOf } from './period'
import type { ViewSeries } from './transform'
import type { ViewState } from './view'

/**
 * Key series of one or two figures, listed as figures under the chart (in the period shown), not
 * drawn as lonely dots: "Grooming files, 2019: 40".
 */
export function loneFigureLines(
  dataset: Dataset,
  choice: Pick<DefaultChoice, 'lone'> | null,
  state: Pick<ViewState, 'from' | 'to'>,
  locale: Locale,
  baselineWord: string,
): { readonly key: string; readonly text: string }[] {
  if (!choice || choice.lone.length === 0) return []
  const lone = new Map(choice.lone.map((i) => [i.id, i]))
  const inPeriod = (year: number) => (state.from === null || year >= state.from) && (state.to === null || year <= state.to)
  return figuresOfIndicators(dataset, lone.keys())
    .filter((o) => inPeriod(yearOf(o.period.start)))
    .map((o) => {
      const indicator = lone.get(o.indicator)!
      const baseline = o.baseline ? ` (${baselineText(o.baseline, { baseline: baselineWord }, locale)})` : ''
      return {
        key: `${o.indicator}@${o.period.text}@${o.region}@${o.ageGroup}@${o.gender}`,
        text: punctuate(`${indicator.short?.[locale] ?? indicator.label[locale]}, ${formatPeriod(o.period, locale)}: ${formatValue(o.value, indicator.unit, locale)}${baseline}`, locale),
      }
    })
}

/**
 * The period filter a slider settling on `start`–`end` (time-axis numbers) asks for, in whole
 * years; an end at or past the figures' own leaves that end of the filter as it was. Null when
 * nothing changes (or nothing is drawn).
 */
export function periodOfZoom(
  start: number,
  end: number,
  series: readonly Pick<ViewSeries, 'points'>[],
  state: Pick<ViewState, 'from' | 'to'>,
): { from: number | null; to: number | null } | null {
  let first = Infinity
  let last = -Infinity
  for (const s of series) {
    for (const p of s.points) {
      const year = yearOf(p.x)
      if (year < first) first = year
      if (year > last) last = year
    }
  }
  if (!Number.isFinite(first)) return null
  const from = yearOf(start)
  const to = yearOf(end)
  const next = { from: from <= first ? state.from : from, to: to >= last ? state.to : to }
  return next.from !== state.from || next.to !== state.to ? next : null
}
