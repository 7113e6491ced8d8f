/**
 * The Import screen's message catalogue, merged into vue-i18n when the screen loads, so the
 * dashboard's first load carries none of it (as the share feature does with its own).
 */
import { mergeLazyMessages } from '../i18n'
import en from '../i18n/locales/import/lazy/en.json'
import fr from '../i18n/locales/import/lazy/fr.json'
import nl from '../i18n/locales/import/lazy/nl.json'
import de from '../i18n/locales/import/lazy/de.json'

mergeLazyMessages<typeof en>('import', 'report', { en, fr, nl, de })
