// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW } from '../../../src/core/view'
import { i18n } from '../../../src/i18n'
import { useViewStore } from '../../../src/stores/view'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

/** Waits (bounded) until the interface speaks `locale`: its messages load on demand. */
async function speaks(locale: string): Promise<void> {
  await vi.waitFor(() => expect(i18n.global.locale.value).toBe(locale), { timeout: 5000, interval: 20 })
  await nextTick()
}

describe('view store (what the user is looking at)', () => {
  it('starts on the default view in the saved language', async () => {
    localStorage.setItem('vigie.locale', 'nl')
    const view = useViewStore()
    expect(view.state).toEqual({ ...DEFAULT_VIEW, locale: 'nl' })
    await speaks('nl')
    expect(document.documentElement.lang).toBe('nl')
  })

  it('links the manifest of the interface language, so installing names the app in it', async () => {
    const link = document.createElement('link')
    link.rel = 'manifest'
    link.href = './manifest.webmanifest'
    document.head.append(link)
    try {
      const view = useViewStore()
      view.setLocale('fr')
      await speaks('fr')
      expect(link.getAttribute('href')).toBe('./manifest-fr.webmanifest')
      view.setLocale('en')
      await speaks('en')
      expect(link.getAttribute('href')).toBe('./manifest.webmanifest')
    } finally {
      link.remove()
    }
  })

  it('ticks an offence on and off, keeping the others', () => {
    const view = useViewStore()
    view.toggleOffence('csam')
    view.toggleOffence('grooming')
    expect(view.state.offences).toEqual(['csam', 'grooming'])
    view.toggleOffence('csam')
    expect(view.state.offences).toEqual(['grooming'])
  })

  it('clears every filter but keeps the language, view mode and tab', () => {
    const view = useViewStore()
    view.setLocale('fr')
    view.setMode('index')
    view.setTab('table')
    view.toggleOffence('sexting')
    view.toggleJurisdiction('BE')
    view.toggleSource('knack')
    view.setIndicators(['cf_hotline_reports'])
    view.setPeriod(2015, 2020)
    view.clearFilters()
    expect(view.state).toMatchObject({ indicators: [], offences: [], jurisdictions: [], sources: [], from: null, to: null })
    expect(view.state).toMatchObject({ locale: 'fr', mode: 'index', tab: 'table' })
  })

  it("keeps a presenter's title on one line, without control characters", () => {
    const view = useViewStore()
    view.setWords({ title: '  Reports\nto the\u0007 hotline  ', note: 'Source: Child Focus' })
    expect(view.state.title.includes('\n') || view.state.title.includes('\u0007')).toBe(false)
    expect(view.state.title.startsWith('Reports')).toBe(true)
    expect(view.state.title.endsWith('hotline')).toBe(true)
    expect(view.state.note).toBe('Source: Child Focus')
  })

  it('a link replaces the whole view and says which of its parameters were dropped', () => {
    const view = useViewStore()
    view.toggleOffence('csam')
    view.replace({ ...DEFAULT_VIEW, scale: 'log' }, [{ param: 'mode', value: 'bogus' }])
    expect(view.state.offences).toEqual([])
    expect(view.state.scale).toBe('log')
    expect(view.notices).toHaveLength(1)
  })

  it('switches the interface language and remembers it for the next visit', async () => {
    const view = useViewStore()
    await speaks('en')
    view.setLocale('fr')
    await speaks('fr')
    expect(i18n.global.t('nav.dashboard')).toBe('Tableau de bord')
    expect(localStorage.getItem('vigie.locale')).toBe('fr')
  })
})
