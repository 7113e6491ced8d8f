import { createI18n } from 'vue-i18n'
// Precompiled at build time by @intlify/unplugin-vue-i18n: no message compiler ships, no eval.
import en from './locales/en.json'
// Feature namespaces, each owned by its feature: `import.*` (CSV import) and `share.*` (share, embed, export).
import importEn from './locales/import/en.json'
import shareEn from './locales/share/en.json'
import { LOCALES, type Locale } from '../core/model'

const STORAGE_KEY = 'vigie.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The language to start in: the saved choice, else the browser's, else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (isLocale(saved)) return saved
  } catch {
    // Storage can be disabled (private mode, sandboxed iframe): fall through.
  }
  const browser = (navigator.language || 'en').slice(0, 2)
  return isLocale(browser) ? browser : 'en'
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not persisting is acceptable; the URL still carries the language.
  }
}

const messagesEn = { ...en, import: importEn, share: shareEn }

export type Messages = typeof messagesEn

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Locale,
  fallbackLocale: 'en' as Locale,
  // French and Dutch join below when chosen.
  messages: { en: messagesEn } as Record<Locale, Messages>,
})

// French and Dutch messages load on demand: English ships with the first load, the others only
// when chosen (the first-load budget is tight).
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./messagesFr'),
  nl: () => import('./messagesNl'),
}
const loaded = new Set<Locale>(['en'])

/** Makes sure the messages of `locale` are there; the UI re-renders in that language once they are. */
export async function loadLocaleMessages(locale: Locale): Promise<void> {
  if (loaded.has(locale) || locale === 'en') return
  const messages = await loaders[locale]()
  i18n.global.setLocaleMessage(locale, messages.default)
  loaded.add(locale)
}
