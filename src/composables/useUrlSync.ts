import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useDashboardStore } from '../stores/dashboard'
import { useDatasetsStore } from '../stores/datasets'
import { useViewStore } from '../stores/view'
import { fromQuery, pagePart, toQuery, viewPart, type Query } from '../url/viewQuery'

/** Whether a route's view parameters say the same as a serialised view state. */
function sameQuery(a: Record<string, unknown>, b: Query): boolean {
  const view = viewPart(a)
  const keys = new Set([...Object.keys(view), ...Object.keys(b)])
  for (const k of keys) if (String(view[k] ?? '') !== (b[k] ?? '')) return false
  return true
}

/**
 * Keeps the view state and the URL in step on every screen: opening a link sets the view (unknown
 * parameters fall back to defaults with a notice), and every change of view rewrites the link,
 * keeping the screen's own parameters (the Present slide).
 */
export function useUrlSync(): void {
  const route = useRoute()
  const router = useRouter()
  const view = useViewStore()
  const datasets = useDatasetsStore()

  /**
   * Links this tab is writing: when the router arrives at one of them, it is our own earlier state
   * (a later change may already be on its way), never a link to read back. Reading it would undo
   * the changes made meanwhile (typing a title, then a note, quickly).
   */
  const writing = new Set<string>()
  const keyOf = (query: Record<string, unknown>) => JSON.stringify(Object.entries(viewPart(query)).map(([k, v]) => [k, String(v)]).sort())

  function readRoute(): void {
    if (datasets.status !== 'ready') return
    const query = route.query as Record<string, unknown>
    if (sameQuery(query, toQuery(view.state))) return
    if (writing.has(keyOf(query))) return
    const known = datasets.knownIds
    const hasLang = typeof query.lang === 'string'
    const { state, notices } = fromQuery(query, known, view.state.locale)
    // Own milestones the link names that this reader does not have: the sender's, said in a notice.
    const held = new Set(datasets.ownSets.flatMap((s) => (s.hidden ? [] : s.milestones.map((m) => m.id))))
    const missing = (state.own ?? []).filter((id) => !held.has(id)).length
    view.replace(hasLang ? state : { ...state, locale: view.state.locale }, notices, missing)
  }

  // The link names the own milestones the view shows, whoever's data changes them.
  const dashboard = useDashboardStore()
  watch(
    () => (datasets.status === 'ready' ? dashboard.ownShown : null),
    (ids) => {
      if (ids) view.setOwn(ids)
    },
    { immediate: true },
  )

  watch(() => [route.fullPath, datasets.status], readRoute, { immediate: true })
  watch(
    () => view.state,
    (state) => {
      if (datasets.status !== 'ready') return
      const query = toQuery(state)
      const current = route.query as Record<string, unknown>
      if (sameQuery(current, query)) return
      const key = keyOf(query)
      writing.add(key)
      // Forgotten a task after the navigation settles, when the route watcher has seen it.
      void router.replace({ query: { ...query, ...pagePart(current) } }).finally(() => setTimeout(() => writing.delete(key), 0))
    },
  )
}
