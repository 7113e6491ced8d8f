import { countXmlForbidden, xmlSafe } from '../xmlText'
import { TableBuilder, type ImportReport } from './builder'

/** Where a file may be cut for a second worker: just after the first line feed at or after `from`. */
export function splitPoint(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(0x0a)
  return i < 0 ? -1 : from + i + 1
}
import { detectBinary, detectEncoding, createDecoder, nulLine, type BinaryKind, type Decoder, type Encoding } from './encoding'
import { dropSepLine, sniff, type Sniff, type SniffFailure } from './detect'
import { MAX_DETECT_BYTES, SNIFF_BYTES } from './limits'
import { normaliseHeader, type Mapping, type ReadSettings } from './mapping'
import { CsvStream } from './stream'
import type { ImportedTable } from './table'

export type SniffProblem = SniffFailure | BinaryKind | 'not_text' | 'cell_too_large'

export type SniffResult = { readonly ok: true; readonly sniff: Sniff } | { readonly ok: false; readonly problem: SniffProblem; readonly line?: number }

/**
 * Detection on the first bytes of a file (`complete` when they are the whole file). The user's
 * choices in `forced` win over detection, the encoding included. Never throws.
 */
export function sniffBytes(bytes: Uint8Array, complete: boolean, forced: Partial<ReadSettings> = {}, window = SNIFF_BYTES): SniffResult {
  try {
    if (bytes.length === 0) return { ok: false, problem: 'empty' }
    const guess = detectEncoding(bytes)
    const encoding: Encoding = forced.encoding ?? guess.encoding
    const binary = detectBinary(bytes, encoding)
    if (binary === 'nul') return { ok: false, problem: 'nul', line: nulLine(bytes) }
    if (binary) return { ok: false, problem: binary }
    let text: string
    try {
      text = createDecoder(encoding).decode(bytes.subarray(0, window), { stream: !complete })
    } catch {
      text = createDecoder('windows-1252').decode(bytes.subarray(0, window), { stream: !complete })
    }
    // The same text the full read will see, so series keys from the preview match it.
    const found = sniff(xmlSafe(text), { encoding, bom: guess.bom, complete: complete && bytes.length <= window, forced })
    if ('problem' in found) return found.line === undefined ? { ok: false, problem: found.problem } : { ok: false, problem: found.problem, line: found.line }
    return { ok: true, sniff: found }
  } catch {
    return { ok: false, problem: 'not_text' }
  }
}

/**
 * Detection on a file of `size` bytes, reading on to the end of its first records however long a
 * quoted cell is: while the sample ends inside a record, the window grows ×4, up to
 * MAX_DETECT_BYTES. A record still open there is a quoted cell over that size ('cell_too_large')
 * or a line without a break ('line_too_long'); a quote still open at the end of the file is one
 * never closed. `readPrefix(n)` gives the first n bytes.
 */
export async function sniffFile(size: number, readPrefix: (n: number) => Promise<Uint8Array> | Uint8Array, forced: Partial<ReadSettings> = {}): Promise<SniffResult> {
  for (let window = SNIFF_BYTES; ; window = Math.min(window * 4, MAX_DETECT_BYTES)) {
    const bytes = await readPrefix(Math.min(size, window))
    const done = settled(sniffBytes(bytes, size <= window, forced, window), size <= window, window)
    if (done) return done
  }
}

/** The result of one detection window, or null when the window must grow (the first records go on past it). */
function settled(result: SniffResult, complete: boolean, window: number): SniffResult | null {
  if (result.ok || complete || (result.problem !== 'unclosed_quote' && result.problem !== 'line_too_long')) return result
  if (window < MAX_DETECT_BYTES) return null
  return result.problem === 'unclosed_quote' ? { ok: false, problem: 'cell_too_large', line: result.line ?? 0 } : result
}

export interface ImportResult {
  readonly table: ImportedTable
  readonly report: ImportReport
  readonly header: readonly string[]
  /** The series key of each indicator (to merge parts read in parallel). */
  readonly keys: readonly string[]
}

/** Thrown by ImportRun.push when a file read as UTF-8 turns out not to be: restart as Windows-1252. */
export class EncodingSwitch extends Error {}

/**
 * One streaming import: bytes in (any chunk size), decoded, tokenized by PapaParse, read into
 * columns by a TableBuilder following the mapping.
 */
export class ImportRun {
  private readonly decoder: Decoder
  private readonly stream: CsvStream
  private builder: TableBuilder | null = null
  private header: string[] = []
  private bytesRead = 0
  private literalRows = 0
  private firstLiteral = 0

  constructor(
    private readonly settings: ReadSettings,
    private readonly mapping: Mapping,
    /** The header as the mapping saw it (used when the file has no header row). */
    expectedHeader: readonly string[],
  ) {
    this.decoder = createDecoder(settings.encoding)
    if (!settings.hasHeader) this.start([...expectedHeader])
    this.stream = new CsvStream(
      settings.delimiter,
      settings.newline,
      {
        record: (cells, line) => {
          if (this.builder) this.builder.record(cells, line)
          else this.start(normaliseHeader(cells).header)
        },
        syntax: (line, kind) => this.builder?.syntax(line, kind),
        literal: (line) => {
          if (this.literalRows++ === 0) this.firstLiteral = line
        },
      },
      settings.quotes ?? 'standard',
    )
  }

  private start(header: string[]): void {
    this.header = header
    this.builder = new TableBuilder(header, this.settings, this.mapping)
    this.builder.replaced = this.replaced
  }

  /** Forbidden characters replaced so far (the header's included, before the builder exists). */
  private replaced = 0

  /** Replaces what XML forbids before the tokenizer sees it, one unit for one, and counts it. */
  private clean(text: string): string {
    const n = countXmlForbidden(text)
    if (n === 0) return text
    this.replaced += n
    if (this.builder) this.builder.replaced += n
    return xmlSafe(text)
  }

  get bytes(): number {
    return this.bytesRead
  }

  get records(): number {
    return this.builder?.recordCount ?? 0
  }

  /** True when the bytes so far end in the middle of a record (a quoted cell going on). */
  get pending(): boolean {
    return this.stream.pending
  }

  /** The line the next record starts on (for the lines of a part read from here on). */
  get nextLine(): number {
    return this.stream.nextLine
  }

  /** Merges the result of a run over the rest of the file, which started where this one stands. */
  absorb(part: ImportResult): void {
    if (!this.builder) this.start([])
    this.builder!.absorb(part, this.stream.nextLine - 1)
  }

  /** Reads the next bytes. Throws EncodingSwitch when UTF-8 decoding fails. */
  push(chunk: Uint8Array): void {
    let text: string
    try {
      text = this.decoder.decode(chunk, { stream: true })
    } catch {
      throw new EncodingSwitch('not UTF-8')
    }
    if (this.bytesRead === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (this.bytesRead === 0 && this.settings.hasHeader) text = dropSepLine(text)
    this.bytesRead += chunk.length
    this.stream.push(this.clean(text))
  }

  finish(): ImportResult {
    let rest: string
    try {
      rest = this.decoder.decode()
    } catch {
      throw new EncodingSwitch('not UTF-8')
    }
    if (rest) this.stream.push(this.clean(rest))
    this.stream.end()
    if (!this.builder) this.start([])
    const { table, report, keys } = this.builder!.finish()
    const quotes = this.literalRows > 0 ? { quotesAsText: { rows: this.literalRows, first: this.firstLiteral } } : {}
    return { table, report: { ...report, ...quotes }, keys, header: this.header }
  }
}

/**
 * The whole import in one call (tests, small pasted texts): sniff, then read every byte with the
 * detected (or given) settings and mapping, switching to Windows-1252 if UTF-8 fails late.
 */
export function importBytes(
  bytes: Uint8Array,
  choose: (sniff: Sniff) => { settings?: ReadSettings; mapping?: Mapping } = () => ({}),
): { ok: true; sniff: Sniff; result: ImportResult } | { ok: false; problem: SniffProblem } {
  let sniffed: SniffResult | null = null
  for (let window = SNIFF_BYTES; !sniffed; window = Math.min(window * 4, MAX_DETECT_BYTES)) {
    sniffed = settled(sniffBytes(bytes.subarray(0, window), bytes.length <= window, {}, window), bytes.length <= window, window)
  }
  if (!sniffed.ok) return sniffed
  const chosen = choose(sniffed.sniff)
  let settings = chosen.settings ?? sniffed.sniff.settings
  const mapping = chosen.mapping ?? sniffed.sniff.mapping
  for (;;) {
    try {
      const run = new ImportRun(settings, mapping, sniffed.sniff.header)
      for (let at = 0; at < bytes.length; at += 65536) run.push(bytes.subarray(at, at + 65536))
      return { ok: true, sniff: sniffed.sniff, result: run.finish() }
    } catch (e) {
      if (!(e instanceof EncodingSwitch) || settings.encoding !== 'utf-8') throw e
      settings = { ...settings, encoding: 'windows-1252' }
    }
  }
}
