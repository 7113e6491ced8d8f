// @vitest-environment happy-dom
import { effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useMediaQuery } from '../../src/composables/useMediaQuery'

afterEach(() => vi.unstubAllGlobals())

/** A media query list whose listeners can be counted and told of a change. */
function fakeMatchMedia(initial: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>()
  const list = {
    matches: initial,
    addEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.add(f),
    removeEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.delete(f),
  }
  vi.stubGlobal('matchMedia', () => list)
  return { listeners, change: (matches: boolean) => listeners.forEach((f) => f({ matches })) }
}

describe('useMediaQuery', () => {
  it('follows the query while its screen lives, and removes its listener when the screen goes', () => {
    const media = fakeMatchMedia(false)
    const scope = effectScope()
    const narrow = scope.run(() => useMediaQuery('(max-width: 900px)'))!
    expect(narrow.value).toBe(false)
    media.change(true)
    expect(narrow.value).toBe(true)
    expect(media.listeners.size).toBe(1)
    scope.stop()
    // Leaving the dashboard and opening it again leaves no listener behind.
    expect(media.listeners.size).toBe(0)
  })
})
