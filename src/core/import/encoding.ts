/**
 * Text encodings of user files. UTF-8 is tried first with a fatal decoder (an invalid byte means
 * it is not UTF-8); anything else falls back to Windows-1252, the superset of Latin-1 that Belgian
 * Excel and police exports use ("Liège", "Child Focus – 2019" with an en dash at 0x96).
 */
export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const
export type Encoding = (typeof ENCODINGS)[number]

export interface EncodingGuess {
  readonly encoding: Encoding
  /** The file starts with a byte-order mark (dropped from the text). */
  readonly bom: boolean
}

/** Detects the encoding from the first bytes of a file. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return { encoding: utf16, bom: false }
  try {
    // stream: true so that a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return { encoding: 'utf-8', bom: false }
  } catch {
    return { encoding: 'windows-1252', bom: false }
  }
}

/**
 * UTF-16 saved without a byte-order mark: text in Latin script has a zero in every other byte
 * (the high byte), at odd offsets in little-endian, even ones in big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros >= 0.6 * pairs && evenZeros <= 0.05 * pairs) return 'utf-16le'
  if (evenZeros >= 0.6 * pairs && oddZeros <= 0.05 * pairs) return 'utf-16be'
  return null
}

/** Windows-1252's characters at 0x80-0x9F (where Latin-1 has control codes); 0 where undefined. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]
const C1 = /[\u0080-\u009f]/g
const HAS_C1 = /[\u0080-\u009f]/

export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string
}

/**
 * A streaming decoder; UTF-8 is fatal so a later invalid byte can switch the file to Windows-1252.
 * Windows-1252 output is mapped again at 0x80-0x9F because some runtimes (Node's small ICU)
 * decode that label as plain Latin-1 and would turn "–" (0x96) into a control character.
 */
export function createDecoder(encoding: Encoding): Decoder {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
  if (encoding !== 'windows-1252') return decoder
  return {
    decode(bytes, options) {
      const text = decoder.decode(bytes, options)
      return HAS_C1.test(text) ? text.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0))) : text
    },
  }
}

/** `nul`: a text file with a few NUL bytes in it (a damaged or hand-edited file), not a binary. */
export type BinaryKind = 'zip' | 'pdf' | 'binary' | 'nul'

/**
 * Says whether bytes are not text at all: a zip (an .xlsx workbook is one), a PDF, or bytes with
 * NULs or many control characters. UTF-16 text (which has NULs) is recognised by its BOM first.
 */
export function detectBinary(bytes: Uint8Array, encoding: Encoding): BinaryKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip'
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null
  const n = Math.min(bytes.length, 8192)
  let control = 0
  let nuls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) nuls++
    else if (b < 9 || (b > 13 && b < 32) || b === 127) control++
  }
  if (n > 0 && (control + nuls) / n > 0.05) return 'binary'
  return nuls > 0 ? 'nul' : null
}

/** The 1-based line of the first NUL byte in the first 8 KB, 0 if none. */
export function nulLine(bytes: Uint8Array): number {
  const at = bytes.subarray(0, 8192).indexOf(0)
  if (at < 0) return 0
  let line = 1
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
  return line
}
