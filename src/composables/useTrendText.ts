import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TrendText } from '../core/chart/chartText'
import { buildTrendText } from '../i18n/trendText'

/** The chart words in the interface's language, recomputed when it changes. */
export function useTrendText(): ComputedRef<TrendText> {
  const { t, locale } = useI18n()
  return computed(() => {
    void locale.value
    return buildTrendText((key, named) => t(key, named ?? {}))
  })
}
