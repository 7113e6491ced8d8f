/**
 * The bundled data's version (src/core/dataVersion.ts), computed at build time from data/: the
 * release day from CHANGELOG.md and a hash of the canonical CSV files. Vite passes it to the app
 * as `__VIGIE_DATA_VERSION__`; check-data fails when the changelog has no dated heading.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CANONICAL_FILES } from '../src/core/dataset'
import { hashInput, releaseDay, type DataVersion } from '../src/core/dataVersion'

export const CHANGELOG_FILE = 'CHANGELOG.md'

export function readDataVersion(dataDir: string): DataVersion {
  const changelogPath = join(dataDir, CHANGELOG_FILE)
  const released = existsSync(changelogPath) ? releaseDay(readFileSync(changelogPath, 'utf8')) : null
  if (!released) throw new Error(`${join(dataDir, CHANGELOG_FILE)}: no "## YYYY-MM-DD" heading to date the data release`)
  const files = CANONICAL_FILES.map((kind) => {
    const path = join(dataDir, `${kind}.csv`)
    return { name: `${kind}.csv`, text: existsSync(path) ? readFileSync(path, 'utf8') : '' }
  })
  const hash = createHash('sha256').update(hashInput(files)).digest('hex').slice(0, 8)
  return { released, hash }
}
