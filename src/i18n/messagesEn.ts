// Precompiled at build time by @intlify/unplugin-vue-i18n: no message compiler ships, no eval.
import en from './locales/en.json'
// Feature namespaces, each owned by its feature: `import.*` (CSV import) and `share.*` (share, embed, export).
import importEn from './locales/import/en.json'
import shareEn from './locales/share/en.json'

/** English messages, shipped with the first load; their shape is every language's. */
const messages = { ...en, import: importEn, share: shareEn }

export type Messages = typeof messages
export default messages
