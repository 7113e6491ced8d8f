/**
 * The Import screen's message catalogue, merged into vue-i18n when the screen loads, so the
 * dashboard's first load carries none of it (as the share feature does with its own).
 */
import { watch } from 'vue'
import { LOCALES, type Locale } from '../core/model'
import { i18n } from '../i18n'
import en from '../i18n/locales/import/lazy/en.json'
import fr from '../i18n/locales/import/lazy/fr.json'
import nl from '../i18n/locales/import/lazy/nl.json'

const LAZY: Record<Locale, typeof en> = { en, fr, nl }

function ensure(locale: Locale): void {
  const messages = i18n.global.getLocaleMessage(locale) as { import?: { report?: unknown } }
  if (!messages.import?.report) i18n.global.mergeLocaleMessage(locale, { import: LAZY[locale] })
}

// French and Dutch catalogues are replaced when they load: add the import messages back each time.
watch(
  () => LOCALES.map((l) => i18n.global.getLocaleMessage(l)),
  () => LOCALES.forEach(ensure),
  { immediate: true, flush: 'sync' },
)
