import type { Messages } from './messagesEn'
import main from './locales/fr.json'
import importMessages from './locales/import/fr.json'
import shareMessages from './locales/share/fr.json'

/** French messages, loaded when the language is chosen. */
const messages: Messages = { ...main, import: importMessages, share: shareMessages }
export default messages
