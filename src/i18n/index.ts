import { createI18n } from 'vue-i18n'
// Precompiled at build time by @intlify/unplugin-vue-i18n: no message compiler ships, no eval.
import en from './locales/en.json'
import fr from './locales/fr.json'
import nl from './locales/nl.json'
// Feature namespaces, each owned by its feature: `import.*` (CSV import) and `share.*` (share, embed, export).
import importEn from './locales/import/en.json'
import importFr from './locales/import/fr.json'
import importNl from './locales/import/nl.json'
import shareEn from './locales/share/en.json'
import shareFr from './locales/share/fr.json'
import shareNl from './locales/share/nl.json'
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

const messages = {
  en: { ...en, import: importEn, share: shareEn },
  fr: { ...fr, import: importFr, share: shareFr },
  nl: { ...nl, import: importNl, share: shareNl },
}

export type Messages = (typeof messages)['en']

export const i18n = createI18n<[Messages], 'en' | 'fr' | 'nl', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages,
})
