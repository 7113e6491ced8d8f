import { computed, type Ref } from 'vue'
import { preferredHeight } from '../core/chart/chartLayout'
import { dashboardUrl, EMBED_HEIGHT_MESSAGE } from '../core/export/embed'
import { chartLabels } from '../core/export/labels'
import { exportTextFor } from '../export/messages'
import { useDashboardStore } from '../stores/dashboard'
import { useViewStore } from '../stores/view'
import { toQuery, toSearch } from '../url/viewQuery'

/**
 * What the embed shows around its chart, and how it talks to its host page: the chart's height at
 * a width (every panel keeps room to read), the export's title, subtitle and source line, the link
 * to the same view in the full dashboard, and the height message.
 */
export function useEmbed(width: Readonly<Ref<number>>) {
  const dashboard = useDashboardStore()
  const view = useViewStore()
  /** Every panel keeps room to read: the chart never gets less than the layout asks for. */
  const chartHeight = computed(() => preferredHeight(dashboard.trendView, width.value, 'embed'))
  const labels = computed(() => chartLabels(dashboard.trendView, view.state, exportTextFor(view.state.locale)))
  /** The same view in the full dashboard, opened outside the frame. */
  const fullView = computed(() => dashboardUrl(location.href, toSearch(toQuery({ ...view.state, tab: 'chart' }))))
  /** Tells the host page the height the embed needs. Only a number leaves the frame: any host may read it. */
  function tellHost(height: number): void {
    window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*')
  }
  return { chartHeight, labels, fullView, tellHost }
}
