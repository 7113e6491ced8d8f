/**
 * The words that say which language stands in for a missing one (the Indicators screen's note, the
 * import report's completeness): merged into vue-i18n as `languages.*` when either screen loads, so
 * the first load carries none of them.
 */
import { mergeLazyMessages } from '.'
import en from './locales/languages/en.json'
import fr from './locales/languages/fr.json'
import nl from './locales/languages/nl.json'
import de from './locales/languages/de.json'

mergeLazyMessages<typeof en>('languages', 'shownIn', { en, fr, nl, de })
