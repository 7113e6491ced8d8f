import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { compareWords } from '../core/compareText'
import { buildCompareText } from '../i18n/trendText'
import { useDashboardStore } from '../stores/dashboard'

/** "Compare before and after" in the interface's language: the table's heading, cells and notes (or null). */
export function useCompareWords() {
  const { t, locale } = useI18n()
  const dashboard = useDashboardStore()
  return computed(() => {
    void locale.value
    const c = dashboard.comparison
    return c ? compareWords(c, dashboard.trendView.locale, buildCompareText((key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)))) : null
  })
}
