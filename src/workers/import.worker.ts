/// <reference lib="webworker" />
/**
 * The import worker: reads the file in slices, decodes, tokenizes with PapaParse and builds the
 * columns off the main thread, posting progress (bytes and rows) as it goes. The page cancels an
 * import by terminating the worker. The finished columns are transferred, not copied.
 */
import { CHUNK_BYTES } from '../core/import/limits'
import { EncodingSwitch, ImportRun, sniffFile, splitPoint, type ImportResult } from '../core/import/pipeline'
import { tableBuffers } from '../core/import/table'
import type { ReadSettings } from '../core/import/mapping'
import type { FromWorker, ToWorker } from '../import/protocol'
import { saveImported } from '../import/persist'

declare const self: DedicatedWorkerGlobalScope

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer)
}

async function sniff(file: Blob, forced: Partial<ReadSettings>): Promise<void> {
  post({ type: 'sniffed', result: await sniffFile(file.size, async (n) => new Uint8Array(await file.slice(0, n).arrayBuffer()), forced) })
}

/** Where the file may be cut near `from`: after the first line feed, or -1 (no line feed nearby). */
async function findCut(file: Blob, from: number): Promise<number> {
  const bytes = new Uint8Array(await file.slice(from, from + 256 * 1024).arrayBuffer())
  return splitPoint(bytes, from)
}

/** Reads bytes [from, to) of the file into the run, a slice at a time, the next read under way. */
async function read(file: Blob, importRun: ImportRun, from: number, to: number, report: () => void): Promise<void> {
  let next: Promise<ArrayBuffer> | null = from < to ? file.slice(from, Math.min(to, from + CHUNK_BYTES)).arrayBuffer() : null
  for (let at = from; next; at += CHUNK_BYTES) {
    const buffer: ArrayBuffer = await next
    next = at + CHUNK_BYTES < to ? file.slice(at + CHUNK_BYTES, Math.min(to, at + 2 * CHUNK_BYTES)).arrayBuffer() : null
    importRun.push(new Uint8Array(buffer))
    report()
  }
}

function reporter(importRun: ImportRun, total: number): () => void {
  let last = 0
  return () => {
    const now = performance.now()
    if (now - last < 80) return
    last = now
    post({ type: 'progress', bytes: importRun.bytes, total, records: importRun.records })
  }
}

/** The second worker's part, handed over by the page (null: there is none, read on alone). */
let partBox: { part: ImportResult | null } | null = null
let partWaiter: ((part: ImportResult | null) => void) | null = null

function waitForPart(): Promise<ImportResult | null> {
  if (partBox) {
    const { part } = partBox
    partBox = null
    return Promise.resolve(part)
  }
  return new Promise((resolve) => (partWaiter = resolve))
}

async function run(file: Blob, settings: ReadSettings, message: Extract<ToWorker, { type: 'import' }>, split: boolean): Promise<void> {
  const started = performance.now()
  const total = file.size
  const importRun = new ImportRun(settings, message.mapping, message.header)
  const report = reporter(importRun, total)
  const cut = split && message.split ? await findCut(file, message.split) : -1
  await read(file, importRun, 0, cut > 0 ? cut : total, report)
  if (cut > 0) {
    // The second worker read from the cut: take its part in, unless a quoted cell runs across the cut.
    const part = importRun.pending ? null : await waitForPart()
    if (part) importRun.absorb(part)
    else await read(file, importRun, cut, total, report)
  }
  const { table, report: result, header } = importRun.finish()
  post({ type: 'progress', bytes: total, total, records: result.records })
  post({ type: 'done', table, report: result, header, settings, ms: performance.now() - started }, tableBuffers(table))
}

/** The second worker: reads from the first line at or after `from` to the end, as a header-less file. */
async function runPart(message: Extract<ToWorker, { type: 'import-part' }>): Promise<void> {
  const { file } = message
  const cut = await findCut(file, message.from)
  if (cut < 0) return post({ type: 'part', part: null })
  const importRun = new ImportRun({ ...message.settings, hasHeader: false }, message.mapping, message.header)
  try {
    await read(file, importRun, cut, file.size, reporter(importRun, file.size))
    const part = importRun.finish()
    post({ type: 'part', part }, tableBuffers(part.table))
  } catch (e) {
    if (!(e instanceof EncodingSwitch)) throw e
    post({ type: 'part', part: null })
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data
  try {
    if (message.type === 'absorb') {
      if (partWaiter) {
        partWaiter(message.part)
        partWaiter = null
      } else partBox = { part: message.part }
      return
    }
    if (message.type === 'sniff') return await sniff(message.file, message.forced)
    // Writing to IndexedDB clones the columns: done here, so the page never stalls on it.
    if (message.type === 'store') return post({ type: 'stored', result: await saveImported(message.dataset, message.replaceId) })
    if (message.type === 'import-part') return await runPart(message)
    partBox = null
    partWaiter = null
    let settings = message.settings
    for (;;) {
      try {
        return await run(message.file, settings, message, settings === message.settings)
      } catch (e) {
        if (!(e instanceof EncodingSwitch) || settings.encoding !== 'utf-8') throw e
        // Valid UTF-8 at the start, not further on: read the whole file again as Windows-1252, alone.
        settings = { ...settings, encoding: 'windows-1252' }
        post({ type: 'encoding', encoding: settings.encoding })
      }
    }
  } catch (e) {
    const read = e instanceof DOMException || (e instanceof Error && e.name === 'NotReadableError')
    post({ type: 'failed', reason: read ? 'read' : 'internal', message: e instanceof Error ? e.message : String(e) })
  }
}
