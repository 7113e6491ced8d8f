import { dataVersionText, type DataVersion } from './core/dataVersion'

declare const __VIGIE_DATA_VERSION__: DataVersion

/** The bundled data's version, set at build time from data/ (scripts/dataVersion.ts, vite.config.ts). */
export const BUNDLED_DATA_VERSION: DataVersion = __VIGIE_DATA_VERSION__

/** As shown to readers and written in exports and citations: `2026-12-04+1a2b3c4d`. */
export const BUNDLED_DATA_VERSION_TEXT = dataVersionText(BUNDLED_DATA_VERSION)
