import { useI18n } from 'vue-i18n'
import { seriesLabel } from '../core/chart/chartState'
import { baselineText, formatPoint, formatValue } from '../core/chart/chartText'
import type { DisplayUnit } from '../core/model'
import type { SeriesPoint } from '../core/series'
import type { ViewSeries } from '../core/transform'
import { useViewStore } from '../stores/view'

/**
 * A figure's words in the reader's language, as the chart and every export write them: a series'
 * label, a value with its unit, a point (withheld ones as "< 5"), a baseline ("compared with: 2019").
 */
export function useFigureText() {
  const { t } = useI18n()
  const view = useViewStore()
  const locale = () => view.state.locale
  return {
    seriesLabel: (series: Pick<ViewSeries, 'indicator' | 'breakdown'>) => seriesLabel(series, locale()),
    value: (value: number, unit: DisplayUnit) => formatValue(value, unit, locale()),
    point: (point: Pick<SeriesPoint, 'value' | 'suppressed' | 'withheld'>, unit: DisplayUnit) => formatPoint(point, unit, locale()),
    baseline: (baseline: string) => baselineText(baseline, { baseline: t('chart.baseline') }, locale()),
  }
}
