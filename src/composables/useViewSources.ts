import { computed, type ComputedRef } from 'vue'
import type { TrendView } from '../core/chart/chartState'
import { sourcesOf } from '../core/export/labels'
import type { Source } from '../core/model'

/** Every source behind a view, figures first, then milestones (the printed list under the chart). */
export function useViewSources(view: () => TrendView): ComputedRef<Source[]> {
  // sourcesOf reads each line's summary once, not every figure on each filter change.
  return computed(() => sourcesOf(view()))
}
