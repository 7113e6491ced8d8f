import type { Messages } from './messagesEn'
import main from './locales/nl.json'
import importMessages from './locales/import/nl.json'
import shareMessages from './locales/share/nl.json'

/** Dutch messages, loaded when the language is chosen. */
const messages: Messages = { ...main, import: importMessages, share: shareMessages }
export default messages
