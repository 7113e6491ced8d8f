import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CANONICAL_FILES, type DatasetFiles } from '../src/core/dataset'

/**
 * The four canonical CSV files of a folder, named `<shownAs>/<kind>.csv` in messages. A missing
 * file reads as empty, so the reader reports it at its place like any other problem.
 */
export function readDataFolder(dir: string, shownAs = 'data'): DatasetFiles {
  return Object.fromEntries(
    CANONICAL_FILES.map((kind) => {
      const path = join(dir, `${kind}.csv`)
      return [kind, { name: join(shownAs, `${kind}.csv`), text: existsSync(path) ? readFileSync(path, 'utf8') : '' }]
    }),
  ) as DatasetFiles
}
