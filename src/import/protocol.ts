import type { ImportReport } from '../core/import/builder'
import type { Mapping, ReadSettings } from '../core/import/mapping'
import type { ImportResult, SniffResult } from '../core/import/pipeline'
import type { ImportedDataset, ImportedTable } from '../core/import/table'
import type { WriteResult } from './persist'

/** Messages from the page to the import worker. */
export type ToWorker =
  | { readonly type: 'sniff'; readonly file: Blob; readonly forced: Partial<ReadSettings> }
  | { readonly type: 'store'; readonly dataset: ImportedDataset; readonly replaceId: string | null }
  | {
      readonly type: 'import'
      readonly file: Blob
      readonly settings: ReadSettings
      readonly mapping: Mapping
      readonly header: readonly string[]
      /** Cut near this byte and take in the rest from a second worker (`absorb`). */
      readonly split?: number
    }
  | {
      readonly type: 'import-part'
      readonly file: Blob
      readonly settings: ReadSettings
      readonly mapping: Mapping
      readonly header: readonly string[]
      /** Read from the first line that starts at or after this byte. */
      readonly from: number
    }
  | { readonly type: 'absorb'; readonly part: ImportResult | null }

/** Messages from the import worker to the page. */
export type FromWorker =
  | { readonly type: 'sniffed'; readonly result: SniffResult }
  | { readonly type: 'progress'; readonly bytes: number; readonly total: number; readonly records: number }
  | { readonly type: 'encoding'; readonly encoding: ReadSettings['encoding'] }
  | {
      readonly type: 'done'
      readonly table: ImportedTable
      readonly report: ImportReport
      readonly header: readonly string[]
      readonly settings: ReadSettings
      readonly ms: number
    }
  | { readonly type: 'stored'; readonly result: WriteResult }
  | { readonly type: 'part'; readonly part: ImportResult | null }
  | { readonly type: 'failed'; readonly reason: 'read' | 'internal'; readonly message: string }
