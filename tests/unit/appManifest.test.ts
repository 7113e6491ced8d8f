import { describe, expect, it } from 'vitest'
import { MANIFEST_ICONS, MANIFEST_WORDS, manifestFileName, webManifest } from '../../src/core/appManifest'
import { LOCALES } from '../../src/core/model'

describe('web app manifest (one per interface language)', () => {
  it('has words in every interface language, each its own, with a short name a launcher shows whole', () => {
    expect(Object.keys(MANIFEST_WORDS).sort()).toEqual([...LOCALES].sort())
    for (const locale of LOCALES) {
      const words = MANIFEST_WORDS[locale]
      expect(words.name, locale).toContain('Vigie')
      expect(words.short_name.length, locale).toBeLessThanOrEqual(12)
      expect(words.description.length, locale).toBeGreaterThan(40)
    }
    expect(new Set(LOCALES.map((l) => MANIFEST_WORDS[l].description)).size).toBe(LOCALES.length)
  })

  it('describes one app in every language: same id, start page, scope, display, colours and icons', () => {
    const [first, ...others] = LOCALES.map(webManifest)
    for (const manifest of others) {
      const { id, start_url, scope, display, theme_color, background_color, icons } = manifest
      expect({ id, start_url, scope, display, theme_color, background_color, icons }).toEqual({
        id: first!.id,
        start_url: first!.start_url,
        scope: first!.scope,
        display: first!.display,
        theme_color: first!.theme_color,
        background_color: first!.background_color,
        icons: first!.icons,
      })
    }
    for (const locale of LOCALES) expect(webManifest(locale).lang).toBe(locale)
  })

  it('keeps every URL relative, so the app installs from whatever folder it is hosted in', () => {
    for (const locale of LOCALES) {
      const manifest = webManifest(locale)
      for (const url of [manifest.id, manifest.start_url, manifest.scope, ...manifest.icons.map((i) => i.src)]) {
        expect(url, `${locale}: ${url}`).not.toMatch(/^(\/|[a-z]+:)/i)
      }
    }
  })

  it('offers a 192 and a 512 icon, and a maskable one', () => {
    expect(MANIFEST_ICONS.filter((i) => i.purpose === 'any').map((i) => i.sizes)).toEqual(['192x192', '512x512'])
    expect(MANIFEST_ICONS.some((i) => i.purpose === 'maskable')).toBe(true)
  })

  it('names one file per language: English as the default, the others by their code', () => {
    expect(manifestFileName('en')).toBe('manifest.webmanifest')
    expect(LOCALES.map(manifestFileName).every((f) => f.endsWith('.webmanifest'))).toBe(true)
    expect(new Set(LOCALES.map(manifestFileName)).size).toBe(LOCALES.length)
    expect(manifestFileName('fr')).toBe('manifest-fr.webmanifest')
  })
})
