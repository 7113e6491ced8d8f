// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW } from '../../../src/core/view'
import { usePresentStore } from '../../../src/stores/present'
import { useSavedViewsStore } from '../../../src/stores/savedViews'
import { loadBundled } from '../../helpers/stores'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

/** Reports (a count) and their change (a percentage): two panels. */
const TWO_PANELS = { ...DEFAULT_VIEW, locale: 'en' as const, indicators: ['cf_hotline_reports', 'cf_hotline_change'] }

describe('present store (the slides of Present mode)', () => {
  it('shows each saved view on one slide when its panels fit the screen', async () => {
    await loadBundled()
    const saved = useSavedViewsStore()
    saved.save('Reports', TWO_PANELS)
    saved.save('Reports alone', { ...TWO_PANELS, indicators: ['cf_hotline_reports'] })
    const present = usePresentStore()
    present.setScreen(1920, 2400)
    expect(present.slides.map((s) => [s.saved.name, s.part, s.view.panels.length])).toEqual([
      ['Reports', null, 2],
      ['Reports alone', null, 1],
    ])
    expect(present.labelsOf(present.slides[0]!).subtitle).not.toContain('part')
  })

  it('spreads a view over parts on a short screen, every part saying which it is under the whole view’s subtitle', async () => {
    await loadBundled()
    useSavedViewsStore().save('Reports', TWO_PANELS)
    const present = usePresentStore()
    present.setScreen(1920, 2400)
    const whole = present.labelsOf(present.slides[0]!)
    present.setScreen(1280, 300)
    const slides = present.slides
    expect(slides.map((s) => [s.part, s.view.panels.map((p) => p.unit)])).toEqual([
      [{ n: 1, of: 2 }, ['count']],
      [{ n: 2, of: 2 }, ['percent_change']],
    ])
    const labels = slides.map((s) => present.labelsOf(s))
    expect(labels.map((l) => l.subtitle)).toEqual([`${whole.subtitle} · part 1 of 2`, `${whole.subtitle} · part 2 of 2`])
    expect(labels.every((l) => l.title === whole.title)).toBe(true)
  })
})

describe('present store: the deck of saved views', () => {
  it('exports each saved view whole, named, with a link to it (the export pages it)', async () => {
    await loadBundled()
    const saved = useSavedViewsStore()
    saved.save('Reports', TWO_PANELS)
    saved.save('Change', { ...TWO_PANELS, indicators: ['cf_hotline_change'] })
    const now = new Date(Date.UTC(2026, 0, 2))
    const deck = usePresentStore().deckViews(now)
    expect(deck.map((d) => [d.name, d.ctx.view.panels.length, d.ctx.now])).toEqual([
      ['Reports', 2, now],
      ['Change', 1, now],
    ])
    expect(deck[1]!.ctx.link).toContain('#/?')
    expect(deck[1]!.ctx.link).toContain('cf_hotline_change')
  })
})
