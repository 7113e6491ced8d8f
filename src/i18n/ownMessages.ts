/**
 * The words of the reader's own milestones beyond the two the dashboard needs ("yours", the notice
 * of a link's missing ones): the form, the milestones file step and the panel, merged into vue-i18n
 * when the Timeline or the Import screen loads, so the first load carries none of them.
 */
import { mergeLazyMessages } from '.'
import en from './locales/own/lazy/en.json'
import fr from './locales/own/lazy/fr.json'
import nl from './locales/own/lazy/nl.json'
import de from './locales/own/lazy/de.json'

mergeLazyMessages<typeof en>('own', 'field', { en, fr, nl, de })
