import { createI18n } from 'vue-i18n'
// Precompiled at build time by @intlify/unplugin-vue-i18n: no message compiler ships, no eval.
import en from './locales/en.json'
import fr from './locales/fr.json'
import nl from './locales/nl.json'
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

export type Messages = typeof en

export const i18n = createI18n<[Messages], 'en' | 'fr' | 'nl', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, fr, nl },
})
