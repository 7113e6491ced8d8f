import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ViewState } from '../core/view'
import { toQuery, type Query } from '../url/viewQuery'

/** A view the user named and kept: stored as its link's query, so old saves migrate like old links. */
export interface SavedView {
  readonly id: string
  readonly name: string
  readonly query: Query
  readonly savedAt: string
}

const STORAGE_KEY = 'vigie.savedViews'

function isSavedView(value: unknown): value is SavedView {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.savedAt === 'string' &&
    !!v.query &&
    typeof v.query === 'object' &&
    Object.values(v.query as object).every((x) => typeof x === 'string')
  )
}

/** Reads saved views from storage; anything unreadable is skipped, never thrown. */
export function loadSavedViews(storage: Pick<Storage, 'getItem'> | undefined): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : []
  } catch {
    return []
  }
}

function storage(): Storage | undefined {
  try {
    return localStorage
  } catch {
    // Storage can be disabled (private mode, sandboxed iframe).
    return undefined
  }
}

/** The user's named views, in the order Present mode shows them, kept in localStorage. */
export const useSavedViewsStore = defineStore('savedViews', () => {
  const views = ref<SavedView[]>(loadSavedViews(storage()))

  function save(name: string, state: ViewState): SavedView {
    const view: SavedView = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name: name.trim() || `#${views.value.length + 1}`,
      query: toQuery(state),
      savedAt: new Date().toISOString(),
    }
    views.value = [...views.value, view]
    return view
  }

  function remove(id: string): void {
    views.value = views.value.filter((v) => v.id !== id)
  }

  /** Moves a view up (-1) or down (+1) in the list. */
  function move(id: string, step: -1 | 1): void {
    const from = views.value.findIndex((v) => v.id === id)
    const to = from + step
    if (from < 0 || to < 0 || to >= views.value.length) return
    const next = [...views.value]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item!)
    views.value = next
  }

  function rename(id: string, name: string): void {
    views.value = views.value.map((v) => (v.id === id && name.trim() ? { ...v, name: name.trim() } : v))
  }

  /** Picks up saves made in another tab. */
  function reload(): void {
    views.value = loadSavedViews(storage())
  }

  watch(views, (next) => {
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify(next))
    } catch {
      // Full or disabled storage: the views last for this visit.
    }
  })

  return { views, save, remove, move, rename, reload }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSavedViewsStore, import.meta.hot))
