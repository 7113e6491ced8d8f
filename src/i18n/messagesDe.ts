import type { Messages } from './messagesEn'
import main from './locales/de.json'
import importMessages from './locales/import/de.json'
import shareMessages from './locales/share/de.json'

/** German messages, loaded when the language is chosen. */
const messages: Messages = { ...main, import: importMessages, share: shareMessages }
export default messages
