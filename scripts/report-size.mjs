/**
 * Prints the size of the JavaScript the dashboard loads before its first full picture, from Vite's
 * manifest: the entry chunk and its static imports, plus the chart-preview worker that draws the
 * first chart. The interactive ECharts chunk, loaded at the user's first input, is printed apart.
 * Raw and gzip; fails above 280 KB gzip.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const BUDGET_GZIP = 280 * 1024
const dist = process.env.VIGIE_DIST ?? 'dist'
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
const seen = new Set()
function walk(key) {
  if (seen.has(key)) return
  seen.add(key)
  for (const dep of manifest[key].imports ?? []) walk(dep)
}
walk(entryKey)
// The preview worker is built as a plain asset (not in the manifest), and it is on the first load.
const worker = readdirSync(join(dist, 'assets')).find((f) => /^chartPreview\.worker-.*\.js$/.test(f))
if (!worker) throw new Error(`no chart-preview worker in ${dist}/assets`)
const initial = [...[...seen].map((key) => manifest[key].file), `assets/${worker}`]

let raw = 0
let gzip = 0
const rows = []
for (const file of initial) {
  const bytes = readFileSync(join(dist, file))
  const z = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzip += z
  rows.push(`  ${file}  ${(bytes.length / 1024).toFixed(1)} KB raw, ${(z / 1024).toFixed(1)} KB gzip`)
}
const lazy = Object.values(manifest).filter((m) => m.file.endsWith('.js') && !rows.some((r) => r.includes(m.file)))
console.log('Initial JS of the dashboard (entry + static imports + the chart-preview worker):')
console.log(rows.join('\n'))
console.log(`  total: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${BUDGET_GZIP / 1024} KB gzip)`)
console.log(`Lazy JS chunks: ${lazy.length}`)
for (const m of lazy) {
  const bytes = readFileSync(join(dist, m.file))
  console.log(`  ${m.file}  ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`)
}
if (gzip > BUDGET_GZIP) {
  console.error(`Initial JS ${(gzip / 1024).toFixed(1)} KB gzip is over the ${BUDGET_GZIP / 1024} KB budget`)
  process.exit(1)
}
