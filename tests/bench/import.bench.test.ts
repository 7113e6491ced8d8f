/**
 * Import benchmark (`npm run bench`): a generated long CSV of 1,000,000 rows x 9 columns (~80 MB)
 * imported through the real Import screen in Chromium (read, parse, detect, normalise, validate,
 * hold), against bare `Papa.parse` and uDSV on the same file in the same page, then what showing
 * the visible dataset on the dashboard adds beyond its columns (issue 20: ≤ 10 MB). Prints figures
 * and their budgets (DESIGN section 7); it asserts only that the import worked, not the timings.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, launch, waitForChart } from '../e2e/browser'

const ROWS = 1_000_000
const REPEATS = Number(process.env.VIGIE_BENCH_REPEATS ?? 2)
const papaPath = fileURLToPath(new URL('../../node_modules/papaparse/papaparse.min.js', import.meta.url))
const udsvPath = fileURLToPath(new URL('../../node_modules/udsv/dist/uDSV.iife.min.js', import.meta.url))

let browser: Browser
let dir: string
let file: string

const AGES = ['0-11', '12-15', '16-17', '18+']
const GENDERS = ['female', 'male', 'unknown']
const REGIONS = ['BE-Flanders', 'BE-Wallonia-Brussels', 'BE-German-speaking', 'Antwerpen', 'Liège', 'Bruxelles']

/** Writes the benchmark file: unique (indicator, period, breakdown) per row, plain numbers. */
async function generate(path: string): Promise<void> {
  const out = createWriteStream(path)
  const write = (s: string): Promise<void> => new Promise((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())))
  await write('indicator,period,value,baseline,age_group,gender,region,status,source\n')
  let chunk = ''
  for (let i = 0; i < ROWS; i++) {
    let k = i
    const region = REGIONS[k % 6]!
    k = Math.floor(k / 6)
    const gender = GENDERS[k % 3]!
    k = Math.floor(k / 3)
    const age = AGES[k % 4]!
    k = Math.floor(k / 4)
    const month = k % 288
    k = Math.floor(k / 288)
    const period = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
    const value = ((i * 7919) % 100000) / 10
    chunk += `hotline_reports_${String(k).padStart(3, '0')},${period},${value},,${age},${gender},${region},${i % 10 === 0 ? 'provisional' : 'reported'},police_stats_2023\n`
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(chunk)
  await new Promise((resolve) => out.end(resolve))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'))
  file = join(dir, 'observations-1m.csv')
  await generate(file)
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function heap(page: Page): Promise<{ used: number; backing: number }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number }
  await cdp.detach()
  return { used: usage.usedSize, backing: usage.backingStorageSize ?? 0 }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

interface ImportRun {
  sniff: number
  run: number
  commit: number
  stored: number
  wall: number
  longest: number
  heapGrowth: number
  backingGrowth: number
  columns: number
  valid: number
  /** Heap and array-buffer growth once the dashboard shows the visible dataset, beyond the columns held. */
  shownHeap: number
  shownBacking: number
  /** Figures the dashboard's dataset holds, and lines of the imported dataset it draws. */
  figures: number
  drawnImported: number
}

/** One import through the UI, in a fresh page: marks from the app, long tasks from an observer. */
async function importOnce(): Promise<ImportRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
  const page = await context.newPage()
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] }
    w.__long = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  // The dashboard first, so its code is loaded before anything is measured: what showing the
  // imported dataset costs later is then the data's cost only.
  await page.goto(new URL('./#/', baseUrl()).toString())
  await waitForChart(page)
  await page.evaluate(() => (location.hash = '#/import'))
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  await page.waitForTimeout(300)
  const before = await heap(page)
  const t0 = await page.evaluate(() => performance.now())
  const wall0 = Date.now()
  await page.setInputFiles('[data-testid="import-file"]', file)
  await page.waitForSelector('[data-testid="import-check"]')
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]', { timeout: 300_000 })
  const valid = Number((await page.locator('[data-testid="import-valid"]').textContent())!.replace(/\D/g, ''))
  const profiler = process.env.VIGIE_BENCH_DEBUG ? await page.context().newCDPSession(page) : null
  if (profiler) {
    await profiler.send('Profiler.enable')
    await profiler.send('Profiler.start')
  }
  await page.click('[data-testid="import-commit"]')
  await page.waitForSelector('[data-testid="import-notice"].notice-success', { timeout: 120_000 })
  if (profiler) {
    await page.waitForTimeout(500)
    const { profile } = (await profiler.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } }
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const self = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame
      const key = `${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
    })
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, t]) => `${(t / 1000).toFixed(0)}ms ${k}`).join('\n'))
  }
  const wall = Date.now() - wall0
  await page.waitForFunction(() => performance.getEntriesByName('vigie-import:stored').length > 0, null, { timeout: 120_000 })
  const marks = await page.evaluate((start) => {
    const d = (name: string): number => performance.getEntriesByName(name).at(-1)?.duration ?? NaN
    const w = window as unknown as { __long: { start: number; duration: number }[] }
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, { imported: { meta: { table: Record<string, unknown> } }[] }> } } } } }).__vue_app__
    const table = app.config.globalProperties.$pinia._s.get('datasets')!.imported[0]!.meta.table
    let columns = 0
    for (const v of Object.values(table)) if (ArrayBuffer.isView(v)) columns += v.byteLength
    return {
      sniff: d('vigie-import:sniff'),
      run: d('vigie-import:run'),
      commit: d('vigie-import:commit'),
      stored: d('vigie-import:stored'),
      longest: Math.max(0, ...w.__long.filter((e) => e.start >= start).map((e) => e.duration)),
      debug: JSON.stringify({ long: w.__long.filter((e) => e.start >= start).map((e) => [Math.round(e.start - start), Math.round(e.duration)]), marks: performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')).map((m) => [m.name, Math.round(m.startTime - start), Math.round(m.duration)]) }),
      columns,
    }
  }, t0)
  const after = await heap(page)
  // What showing it on the dashboard costs: the dataset is visible, the dashboard draws its
  // default view (imported series count as key ones), every filter and count reads it.
  await page.evaluate(() => (location.hash = '#/'))
  await waitForChart(page)
  await page.waitForTimeout(500)
  const shown = await page.evaluate(() => {
    type Stores = Map<string, { dataset?: { figures?: { length: number }[] }; breakdown?: { series: { indicator: { dataset: string } }[] } }>
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Stores } } } } }).__vue_app__
    const stores = app.config.globalProperties.$pinia._s
    const figures = (stores.get('datasets')!.dataset!.figures ?? []).reduce((n, b) => n + b.length, 0)
    const drawnImported = stores.get('dashboard')!.breakdown!.series.filter((s) => s.indicator.dataset !== 'bundled').length
    return { figures, drawnImported }
  })
  const onDashboard = await heap(page)
  await context.close()
  if (process.env.VIGIE_BENCH_DEBUG) console.log(marks.debug)
  return { ...marks, wall, valid, heapGrowth: after.used - before.used, backingGrowth: after.backing - before.backing, shownHeap: onDashboard.used - after.used, shownBacking: onDashboard.backing - after.backing, figures: shown.figures, drawnImported: shown.drawnImported }
}

/** Bare parsers on the same file in the same kind of page: the string is read first, untimed. */
async function bareParsers(): Promise<{ papa: number; papaFromFile: number; udsv: number; rows: number; papaHeap: number }> {
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await page.goto(new URL('./#/import', baseUrl()).toString())
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  await page.addScriptTag({ path: papaPath })
  await page.addScriptTag({ path: udsvPath })
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'bench-file'
    document.body.append(input)
  })
  await page.setInputFiles('#bench-file', file)
  const before = await heap(page)
  const result = await page.evaluate(async () => {
    type Papa = { parse: (s: string, c?: object) => { data: unknown[] } }
    type UDSV = { inferSchema: (s: string) => unknown; initParser: (schema: unknown) => { stringArrs: (s: string) => unknown[] } }
    const w = window as unknown as { Papa: Papa; uDSV: UDSV; __keep: unknown }
    const f = (document.getElementById('bench-file') as HTMLInputElement).files![0]!
    const r0 = performance.now()
    const text = await f.text()
    const read = performance.now() - r0
    const t0 = performance.now()
    const parsed = w.Papa.parse(text)
    const papa = performance.now() - t0
    w.__keep = parsed
    return { papa, read, rows: parsed.data.length }
  })
  const afterPapa = await heap(page)
  const udsv = await page.evaluate(async () => {
    type UDSV = { inferSchema: (s: string) => unknown; initParser: (schema: unknown) => { stringArrs: (s: string) => unknown[] } }
    const w = window as unknown as { uDSV: UDSV; __keep: unknown }
    w.__keep = null
    const text = await (document.getElementById('bench-file') as HTMLInputElement).files![0]!.text()
    const t0 = performance.now()
    const rows = w.uDSV.initParser(w.uDSV.inferSchema(text)).stringArrs(text)
    const ms = performance.now() - t0
    return rows.length > 0 ? ms : NaN
  })
  await context.close()
  return { papa: result.papa, papaFromFile: result.papa + result.read, udsv, rows: result.rows, papaHeap: afterPapa.used - before.used }
}

it('imports 1,000,000 rows within the budgets (printed)', async () => {
  const size = statSync(file).size
  const runs: ImportRun[] = []
  for (let i = 0; i < REPEATS; i++) runs.push(await importOnce())
  const bare: Awaited<ReturnType<typeof bareParsers>>[] = []
  for (let i = 0; i < REPEATS; i++) bare.push(await bareParsers())
  const best = <T>(list: T[], key: (t: T) => number): T => list.reduce((a, b) => (key(b) < key(a) ? b : a))
  const run = best(runs, (r) => r.sniff + r.run + r.commit)
  const b = { papa: Math.min(...bare.map((x) => x.papa)), papaFromFile: Math.min(...bare.map((x) => x.papaFromFile)), udsv: Math.min(...bare.map((x) => x.udsv)), papaHeap: bare[0]!.papaHeap }
  const total = run.sniff + run.run + run.commit
  const held = run.heapGrowth + Math.max(run.backingGrowth, 0)
  const lines = [
    `Import benchmark: ${ROWS.toLocaleString('en')} rows x 9 columns, ${mb(size)} (Chromium, best of ${REPEATS})`,
    `  import total (read+parse+detect+normalise+validate+hold): ${s(total)}  [detect ${s(run.sniff)}, worker pass ${s(run.run)}, hold ${(run.commit).toFixed(0)} ms]`,
    `  bare Papa.parse of the same text, main thread:            ${s(b.papa)}  -> ratio ${(total / b.papa).toFixed(2)} (budget <= 1.00)`,
    `  bare Papa.parse including File.text():                   ${s(b.papaFromFile)}  -> ratio ${(total / b.papaFromFile).toFixed(2)}`,
    `  uDSV stringArrs of the same text (JS speed limit):        ${s(b.udsv)}  -> ratio ${(total / b.udsv).toFixed(2)}`,
    `  longest main-thread task during the import:               ${run.longest.toFixed(0)} ms (budget <= 100 ms; 0 = no task over 50 ms)`,
    `  JS heap growth, dataset held: ${mb(run.heapGrowth)} heap + ${mb(Math.max(run.backingGrowth, 0))} array buffers = ${mb(held)} (budget <= 150 MB); typed columns ${mb(run.columns)}`,
    `  bare Papa.parse result held: ${mb(b.papaHeap)} heap`,
    `  shown on the dashboard (visible, default view, ${run.figures.toLocaleString('en')} figures, ${run.drawnImported} imported lines drawn): +${mb(run.shownHeap)} heap + ${mb(Math.max(run.shownBacking, 0))} array buffers = +${mb(run.shownHeap + Math.max(run.shownBacking, 0))} beyond its columns (budget <= 10 MB)`,
    `  stored in IndexedDB after ${s(run.stored)}; wall time in the test driver (UI clicks included) ${s(run.wall)}`,
    `  all runs (detect/worker/hold ms): ${runs.map((r) => `${r.sniff.toFixed(0)}/${r.run.toFixed(0)}/${r.commit.toFixed(0)}`).join(', ')}; bare Papa ms: ${bare.map((x) => x.papa.toFixed(0)).join(', ')}`,
  ]
  console.log(lines.join('\n'))
  expect(run.valid).toBe(ROWS)
})
