/**
 * Prints the size of the JavaScript the dashboard loads before it can draw, from Vite's manifest:
 * the entry chunk and its static imports, plus the ECharts chunk that the chart imports as soon as
 * it mounts (lazy only so it is evaluated in its own task). Raw and gzip; fails above 280 KB gzip.
 */
import { readFileSync } from 'node:fs'
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
// The chart's ECharts chunk is on the critical path too, even though it is a separate request.
for (const key of [...seen]) {
  for (const dynamic of manifest[key].dynamicImports ?? []) if (/echarts/.test(dynamic)) walk(dynamic)
}

let raw = 0
let gzip = 0
const rows = []
for (const key of seen) {
  const file = manifest[key].file
  const bytes = readFileSync(join(dist, file))
  const z = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzip += z
  rows.push(`  ${file}  ${(bytes.length / 1024).toFixed(1)} KB raw, ${(z / 1024).toFixed(1)} KB gzip`)
}
const lazy = Object.values(manifest).filter((m) => m.file.endsWith('.js') && !rows.some((r) => r.includes(m.file)))
console.log('Initial JS of the dashboard (entry + static imports + the chart\'s ECharts chunk):')
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
