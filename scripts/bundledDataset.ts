/**
 * Vite plugin: reads the four canonical CSVs of `data/` once, at build time, with the app's own
 * reader, and ships the result (figures and any issues) as one JSON file. The browser then loads
 * the dataset with a native JSON parse instead of running the CSV reader on the first load, which
 * took about 100 ms of main thread on a phone-speed CPU. `import url from 'virtual:vigie-bundled-dataset'`
 * gives the file's URL; index.html preloads it, so it downloads beside the scripts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { CANONICAL_FILES, readDataset } from '../src/core/dataset'
import { readKnownNewer, type KnownNewer } from '../src/core/freshness'
import type { DataIssue, Dataset } from '../src/core/model'
import { readDataFolder } from './dataFolder'

const ID = 'virtual:vigie-bundled-dataset'
const RESOLVED = `\0${ID}`
const DEV_PATH = '/@vigie/dataset.json'

/** What the JSON file holds: exactly what readDataset returns for the bundled CSVs. */
export interface BundledDataset {
  readonly value: Dataset
  readonly issues: readonly DataIssue[]
  /** Figures known to be published but not yet in the data (`data/newer.csv`). */
  readonly newer: readonly KnownNewer[]
}

/** `data/newer.csv`: optional; check-data validates it, the app only reads the rows that parse. */
export const NEWER_FILE = 'newer.csv'

export function readNewerFile(dataDir: string, shownAs = 'data'): ReturnType<typeof readKnownNewer> {
  const path = join(dataDir, NEWER_FILE)
  return readKnownNewer(join(shownAs, NEWER_FILE), existsSync(path) ? readFileSync(path, 'utf8') : '')
}

export function readBundledDataset(dataDir: string): BundledDataset {
  return { ...readDataset(readDataFolder(dataDir)), newer: readNewerFile(dataDir).value }
}

export function bundledDataset(dataDir: string): Plugin {
  let serving = false
  return {
    name: 'vigie-bundled-dataset',
    configResolved(config) {
      serving = config.command === 'serve'
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED) return undefined
      for (const kind of CANONICAL_FILES) this.addWatchFile(resolve(dataDir, `${kind}.csv`))
      this.addWatchFile(resolve(dataDir, NEWER_FILE))
      // The dev server reads the CSVs on each request, so an edit shows on reload.
      if (serving) return `export default ${JSON.stringify(DEV_PATH)}`
      const ref = this.emitFile({ type: 'asset', name: 'dataset.json', source: JSON.stringify(readBundledDataset(dataDir)) })
      return `export default import.meta.ROLLUP_FILE_URL_${ref}`
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const asset = context.bundle && Object.values(context.bundle).find((f) => f.type === 'asset' && f.names?.includes('dataset.json'))
        if (!asset) return html
        return html.replace('</head>', `  <link rel="preload" href="./${asset.fileName}" as="fetch" type="application/json" crossorigin />\n  </head>`)
      },
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response) => {
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        response.end(JSON.stringify(readBundledDataset(dataDir)))
      })
    },
  }
}
