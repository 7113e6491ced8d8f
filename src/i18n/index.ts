import { watch } from 'vue'
import { createI18n } from 'vue-i18n'
import messagesEn, { type Messages } from './messagesEn'
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

export type { Messages }

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Locale,
  fallbackLocale: 'en' as Locale,
  // French, Dutch and German join below when chosen.
  messages: { en: messagesEn } as Record<Locale, Messages>,
})

// French, Dutch and German messages load on demand: English ships with the first load, the others
// only when chosen (the first-load budget is tight).
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./messagesFr'),
  nl: () => import('./messagesNl'),
  de: () => import('./messagesDe'),
}
const loaded = new Set<Locale>(['en'])

/** Makes sure the messages of `locale` are there; the UI re-renders in that language once they are. */
export async function loadLocaleMessages(locale: Locale): Promise<void> {
  if (loaded.has(locale) || locale === 'en') return
  const messages = await loaders[locale]()
  i18n.global.setLocaleMessage(locale, messages.default)
  loaded.add(locale)
}

/**
 * Merges a feature's lazily loaded catalogue (`namespace.*`, in every language) into vue-i18n, and
 * merges it again, synchronously and before anything renders with it, whenever a language's
 * catalogue is replaced (French, Dutch and German load on demand). `marker` is a key only the lazy part has;
 * callers name the English catalogue's type, so every other language must have every key it has.
 */
export function mergeLazyMessages<Catalogue extends object>(namespace: string, marker: string, catalogues: Record<Locale, Catalogue>): void {
  const ensure = (locale: Locale): void => {
    const messages = i18n.global.getLocaleMessage(locale) as Record<string, Record<string, unknown> | undefined>
    if (messages[namespace]?.[marker] === undefined) i18n.global.mergeLocaleMessage(locale, { [namespace]: catalogues[locale] })
  }
  watch(
    () => LOCALES.map((l) => i18n.global.getLocaleMessage(l)),
    () => LOCALES.forEach(ensure),
    { immediate: true, flush: 'sync' },
  )
}
