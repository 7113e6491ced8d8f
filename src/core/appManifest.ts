/**
 * The web app manifest (what a phone or a desktop browser shows when Vigie is installed), in each
 * interface language. A manifest has one name, so the build writes one file per language
 * (`manifest.webmanifest` in English, `manifest-fr.webmanifest`…) and the page links the one of the
 * interface language. Every file has the same `id`, `start_url` and `scope`, so they describe one app.
 * A new interface language adds its words to MANIFEST_WORDS (the type asks for every locale).
 */
import type { Locale } from './model'

export interface ManifestWords {
  /** Shown under the icon and in the install prompt. */
  readonly name: string
  /** Under the icon on a home screen: at most 12 characters, so no launcher cuts it. */
  readonly short_name: string
  readonly description: string
}

export const MANIFEST_WORDS: Readonly<Record<Locale, ManifestWords>> = {
  en: {
    name: 'Vigie: online child sexual exploitation in Belgium',
    short_name: 'Vigie',
    description: 'Statistics on online child sexual exploitation in Belgium, plotted against policy milestones. Works offline once opened.',
  },
  fr: {
    name: 'Vigie : exploitation sexuelle des enfants en ligne en Belgique',
    short_name: 'Vigie',
    description: 'Statistiques sur l’exploitation sexuelle des enfants en ligne en Belgique, face aux jalons des politiques publiques. Fonctionne hors ligne une fois ouverte.',
  },
  nl: {
    name: 'Vigie: online seksuele uitbuiting van kinderen in België',
    short_name: 'Vigie',
    description: 'Cijfers over online seksuele uitbuiting van kinderen in België, naast de mijlpalen van het beleid. Werkt offline eens geopend.',
  },
  de: {
    name: 'Vigie: sexuelle Ausbeutung von Kindern im Internet in Belgien',
    short_name: 'Vigie',
    description: 'Statistiken zur sexuellen Ausbeutung von Kindern im Internet in Belgien, neben den Meilensteinen der Politik. Funktioniert nach dem ersten Öffnen auch offline.',
  },
}

/** The header's blue (the favicon's background) and the page's white. */
export const THEME_COLOUR = '#1f3a5f'
export const BACKGROUND_COLOUR = '#ffffff'

export interface ManifestIcon {
  readonly src: string
  readonly sizes: string
  readonly type: 'image/png'
  readonly purpose: 'any' | 'maskable'
}

/** public/icons, drawn from the favicon by scripts/make-icons.mjs. */
export const MANIFEST_ICONS: readonly ManifestIcon[] = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
]

export interface WebManifest extends ManifestWords {
  readonly id: string
  readonly lang: Locale
  readonly dir: 'ltr'
  readonly start_url: string
  readonly scope: string
  readonly display: 'standalone'
  readonly theme_color: string
  readonly background_color: string
  readonly icons: readonly ManifestIcon[]
}

/** The file the page links for `locale`, beside index.html. */
export function manifestFileName(locale: Locale): string {
  return locale === 'en' ? 'manifest.webmanifest' : `manifest-${locale}.webmanifest`
}

/**
 * The manifest in `locale`. URLs are relative to the manifest, which sits beside index.html, so the
 * app installs from whatever folder it is hosted in. The start page opens in the language the
 * reader chose last (remembered by the app), not the one the manifest was read in.
 */
export function webManifest(locale: Locale): WebManifest {
  return {
    ...MANIFEST_WORDS[locale],
    id: './',
    lang: locale,
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: MANIFEST_ICONS,
  }
}
