/// <reference lib="webworker" />
/**
 * The import worker: reads the file in slices, decodes, tokenizes with PapaParse and builds the
 * columns off the main thread, posting progress (bytes and rows) as it goes. The page cancels an
 * import by terminating the worker. The finished columns are transferred, not copied.
 */
import { CHUNK_BYTES, SNIFF_BYTES } from '../core/import/limits'
import { EncodingSwitch, ImportRun, sniffBytes } from '../core/import/pipeline'
import { tableBuffers } from '../core/import/table'
import type { ReadSettings } from '../core/import/mapping'
import type { FromWorker, ToWorker } from '../import/protocol'
import { saveImported } from '../import/persist'

declare const self: DedicatedWorkerGlobalScope

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer)
}

async function sniff(file: Blob, forced: Partial<ReadSettings>): Promise<void> {
  const bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  post({ type: 'sniffed', result: sniffBytes(bytes, file.size <= SNIFF_BYTES, forced) })
}

async function run(file: Blob, settings: ReadSettings, message: Extract<ToWorker, { type: 'import' }>): Promise<void> {
  const started = performance.now()
  const total = file.size
  const importRun = new ImportRun(settings, message.mapping, message.header)
  let last = 0
  // Read the next slice while this one is parsed.
  let next: Promise<ArrayBuffer> | null = file.slice(0, CHUNK_BYTES).arrayBuffer()
  for (let at = 0; next; at += CHUNK_BYTES) {
    const buffer: ArrayBuffer = await next
    next = at + CHUNK_BYTES < total ? file.slice(at + CHUNK_BYTES, at + 2 * CHUNK_BYTES).arrayBuffer() : null
    importRun.push(new Uint8Array(buffer))
    const now = performance.now()
    if (now - last > 80) {
      last = now
      post({ type: 'progress', bytes: importRun.bytes, total, records: importRun.records })
    }
  }
  const { table, report, header } = importRun.finish()
  post({ type: 'progress', bytes: total, total, records: report.records })
  post({ type: 'done', table, report, header, settings, ms: performance.now() - started }, tableBuffers(table))
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data
  try {
    if (message.type === 'sniff') return await sniff(message.file, message.forced)
    // Writing to IndexedDB clones the columns: done here, so the page never stalls on it.
    if (message.type === 'store') return post({ type: 'stored', result: await saveImported(message.dataset) })
    let settings = message.settings
    for (;;) {
      try {
        return await run(message.file, settings, message)
      } catch (e) {
        if (!(e instanceof EncodingSwitch) || settings.encoding !== 'utf-8') throw e
        // Valid UTF-8 at the start, not further on: read the whole file again as Windows-1252.
        settings = { ...settings, encoding: 'windows-1252' }
        post({ type: 'encoding', encoding: settings.encoding })
      }
    }
  } catch (e) {
    const read = e instanceof DOMException || (e instanceof Error && e.name === 'NotReadableError')
    post({ type: 'failed', reason: read ? 'read' : 'internal', message: e instanceof Error ? e.message : String(e) })
  }
}
