// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, type ViewState } from '../../../src/core/view'
import { fromQuery } from '../../../src/url/viewQuery'
import { useSavedViewsStore } from '../../../src/stores/savedViews'

const KEY = 'vigie.savedViews'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

const GROOMING_SINCE_2015: ViewState = { ...DEFAULT_VIEW, offences: ['grooming'], from: 2015, mode: 'index', base: 2015, title: 'Grooming since the law' }

describe('saved views store (the views a user names and keeps)', () => {
  it('restores exactly the view that was saved', () => {
    const saved = useSavedViewsStore().save('Grooming', GROOMING_SINCE_2015)
    expect(saved.name).toBe('Grooming')
    expect(fromQuery(saved.query).state).toEqual(GROOMING_SINCE_2015)
  })

  it('keeps the views for the next visit, in the order the user set', async () => {
    const store = useSavedViewsStore()
    const a = store.save('A', DEFAULT_VIEW)
    store.save('B', GROOMING_SINCE_2015)
    store.move(a.id, 1)
    await nextTick()
    setActivePinia(createPinia())
    const next = useSavedViewsStore()
    expect(next.views.map((v) => v.name)).toEqual(['B', 'A'])
    expect(fromQuery(next.views[0]!.query).state.offences).toEqual(['grooming'])
  })

  it('names an unnamed view by its place, and refuses an empty rename', () => {
    const store = useSavedViewsStore()
    const v = store.save('   ', DEFAULT_VIEW)
    expect(v.name).toBe('#1')
    store.rename(v.id, '  Hotline  ')
    expect(store.views[0]!.name).toBe('Hotline')
    store.rename(v.id, '  ')
    expect(store.views[0]!.name).toBe('Hotline')
  })

  it('removes a view, and a move past either end changes nothing', () => {
    const store = useSavedViewsStore()
    const a = store.save('A', DEFAULT_VIEW)
    const b = store.save('B', DEFAULT_VIEW)
    store.move(a.id, -1)
    store.move(b.id, 1)
    expect(store.views.map((v) => v.name)).toEqual(['A', 'B'])
    store.remove(a.id)
    expect(store.views.map((v) => v.name)).toEqual(['B'])
  })

  it('skips unreadable records in storage instead of failing', () => {
    localStorage.setItem(KEY, JSON.stringify([{ id: 'x', name: 'Kept', savedAt: '2026-01-01', query: { o: 'csam' } }, { id: 1 }, 'junk', null]))
    expect(useSavedViewsStore().views.map((v) => v.name)).toEqual(['Kept'])
    localStorage.setItem(KEY, '{not json')
    setActivePinia(createPinia())
    expect(useSavedViewsStore().views).toEqual([])
  })

  it('picks up a view saved in another tab', () => {
    const store = useSavedViewsStore()
    localStorage.setItem(KEY, JSON.stringify([{ id: 'other', name: 'From the other tab', savedAt: '2026-01-01', query: {} }]))
    store.reload()
    expect(store.views.map((v) => v.name)).toEqual(['From the other tab'])
  })
})
