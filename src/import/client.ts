import { toRaw } from 'vue'
import type { Mapping, ReadSettings } from '../core/import/mapping'
import type { SniffResult } from '../core/import/pipeline'
import type { FromWorker, ToWorker } from './protocol'

/** Files from this size are read by two workers at once. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024
import { TABLE_COLUMNS, tableBuffers, type ImportedDataset, type ImportedTable } from '../core/import/table'
import type { WriteResult } from './persist'

export type Done = Extract<FromWorker, { type: 'done' }>
export type Progress = Extract<FromWorker, { type: 'progress' }>

/** Thrown when the user cancels: the worker was terminated. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

/**
 * The page's side of the import worker. One job at a time; cancel() terminates the worker (the
 * only way to stop PapaParse mid-file at once) and the next job starts a fresh one.
 */
export class ImportClient {
  private worker: Worker | null = null
  /** The second worker of a parallel read, if one runs. */
  private helper: Worker | null = null
  private reject: ((e: Error) => void) | null = null

  private start(): Worker {
    this.worker ??= new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'vigie-import' })
    return this.worker
  }

  private request<T>(message: ToWorker, onMessage: (m: FromWorker, resolve: (v: T) => void, reject: (e: Error) => void) => void): Promise<T> {
    this.cancel()
    const worker = this.start()
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        worker.onmessage = null
        worker.onerror = null
        this.reject = null
      }
      this.reject = (e) => {
        finish()
        reject(e)
      }
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data
        if (m.type === 'failed') {
          finish()
          reject(new Error(`${m.reason}: ${m.message}`))
          return
        }
        onMessage(
          m,
          (v) => {
            finish()
            resolve(v)
          },
          (e) => {
            finish()
            reject(e)
          },
        )
      }
      worker.onerror = (event) => {
        finish()
        this.worker?.terminate()
        this.worker = null
        reject(new Error(event.message || 'the import worker stopped'))
      }
      worker.postMessage(message)
    })
  }

  sniff(file: Blob, forced: Partial<ReadSettings> = {}): Promise<SniffResult> {
    return this.request<SniffResult>({ type: 'sniff', file, forced: JSON.parse(JSON.stringify(forced)) as Partial<ReadSettings> }, (m, resolve) => {
      if (m.type === 'sniffed') resolve(m.result)
    })
  }

  /**
   * Reads the whole file with the mapping. A large file is read by two workers at once (the page's
   * own thread stays free): the second from the first line after the middle, its part then merged
   * into the first's (which reads on alone if a quoted cell runs across the cut).
   */
  run(
    file: Blob,
    settings: ReadSettings,
    mapping: Mapping,
    header: readonly string[],
    onProgress: (p: Progress) => void,
    onEncoding: (encoding: ReadSettings['encoding']) => void,
  ): Promise<Done> {
    // Plain copies: reactive proxies cannot be posted.
    // From the raw objects: through Vue's proxy, a series called `hasOwnProperty` reads as a function.
    const plain = <T>(v: T): T => JSON.parse(JSON.stringify(toRaw(v))) as T
    const job = { file, settings: plain(settings), mapping: plain(mapping), header: plain(header) }
    const cores = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 1) : 1
    // Relaxed quotes are read by one worker: its count of rows read that way stays whole.
    const parallel = file.size >= PARALLEL_MIN_BYTES && cores >= 2 && (settings.encoding === 'utf-8' || settings.encoding === 'windows-1252') && settings.quotes !== 'relaxed'
    const split = parallel ? Math.floor(file.size / 2) : undefined
    const progress = { a: { bytes: 0, records: 0 }, b: { bytes: 0, records: 0 } }
    const report = (): void =>
      onProgress({ type: 'progress', total: file.size, bytes: Math.min(file.size, progress.a.bytes + progress.b.bytes), records: progress.a.records + progress.b.records })
    const promise = this.request<Done>({ type: 'import', ...job, split }, (m, resolve) => {
      if (m.type === 'progress') {
        progress.a = m
        report()
      } else if (m.type === 'encoding') {
        this.stopHelper()
        progress.b = { bytes: 0, records: 0 }
        onEncoding(m.encoding)
      } else if (m.type === 'done') {
        this.stopHelper()
        resolve(m)
      }
    })
    if (split !== undefined) {
      const helper = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'vigie-import-2' })
      this.helper = helper
      const handOver = (part: Extract<FromWorker, { type: 'part' }>['part']): void => {
        performance.mark(part ? 'vigie-import:part' : 'vigie-import:part-none')
        this.worker?.postMessage({ type: 'absorb', part } satisfies ToWorker, part ? tableBuffers(part.table) : [])
        this.stopHelper()
      }
      helper.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data
        if (m.type === 'progress') {
          progress.b = m
          report()
        } else if (m.type === 'part') handOver(m.part)
        else if (m.type === 'failed') handOver(null)
      }
      helper.onerror = () => handOver(null)
      helper.postMessage({ type: 'import-part', ...job, from: split } satisfies ToWorker)
    }
    return promise.finally(() => this.stopHelper())
  }

  private stopHelper(): void {
    this.helper?.terminate()
    this.helper = null
  }

  /**
   * Stores a dataset in IndexedDB from the worker: the columns are copied (a memcpy) and the
   * copies transferred, so the page keeps its own and never blocks on the structured clone.
   */
  async store(dataset: ImportedDataset, replaceId: string | null = null): Promise<WriteResult> {
    const table = dataset.table
    // One column per task (at most 8 MB for a million rows), so no copy holds the page up.
    const columns: Partial<Record<(typeof TABLE_COLUMNS)[number], unknown>> = {}
    for (const c of TABLE_COLUMNS) {
      columns[c] = table[c].slice()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const copy = {
      ...table,
      ...columns,
      periods: [...table.periods],
      strings: [...table.strings],
      indicators: table.indicators.map((i) => ({ ...i, label: { ...i.label }, ...(i.short ? { short: { ...i.short } } : {}) })),
    } as ImportedTable
    const message: ToWorker = { type: 'store', dataset: { ...dataset, table: copy }, replaceId }
    this.cancel()
    const worker = this.start()
    return new Promise<WriteResult>((resolve) => {
      // A write that never answers (a stuck database) must not leave the user waiting forever.
      const timer = setTimeout(() => resolve('unavailable'), 300_000)
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data
        if (m.type !== 'stored' && m.type !== 'failed') return
        clearTimeout(timer)
        resolve(m.type === 'stored' ? m.result : 'unavailable')
      }
      worker.onerror = () => {
        clearTimeout(timer)
        resolve('unavailable')
      }
      worker.postMessage(message, tableBuffers(copy))
    })
  }

  /** Stops the current job, if any, at once. */
  cancel(): void {
    this.stopHelper()
    if (this.reject) {
      this.worker?.terminate()
      this.worker = null
      this.reject(new Cancelled())
    }
  }
}
