import type { Status } from '../model'

/** How numbers are written in a file: `12.5` / `1,232` (English) or `12,5` / `1.232` / `1 232` (Belgian). */
export interface NumberFormat {
  readonly decimal: ',' | '.'
  /** The thousands separator besides spaces (always accepted between groups of three digits). */
  readonly thousands: '.' | ',' | ''
}

export const POINT_DECIMAL: NumberFormat = { decimal: '.', thousands: ',' }
export const COMMA_DECIMAL: NumberFormat = { decimal: ',', thousands: '.' }

/**
 * Cells that mean "no figure": not an error, the figure is left out. Besides Eurostat's and
 * English ones, those of French and Dutch spreadsheets: `n.d.` (non disponible), `n.b.` (niet
 * beschikbaar), `s.o.` (sans objet), `n.v.t.` (niet van toepassing), `x` (confidential).
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '', ':', '-', '–', '—', '−', '..', '...', '…', 'n/a', 'na', 'n.a.', 'nan', 'null', 'x', '*',
  'n.d.', 'nd', 'n.d', 'n.b.', 'nb', 'n.b', 's.o.', 'so', 's.o', 'n.v.t.', 'nvt', 'n.v.t', 'n.c.', 'nc', '/',
])

/** Eurostat flags after a value ("123 p"): which status they give it. Others (b, d, r, u...) keep `reported`. */
const FLAG_STATUS: ReadonlyMap<string, Status> = new Map([['p', 'provisional'], ['f', 'provisional'], ['e', 'estimate'], ['s', 'estimate']])
const FLAGS = /^(.*?\d)\s*([bcdefnprsuz]{1,4})$/
const MISSING_WITH_FLAG = /^:\s*[a-z]{1,4}$/
const PLAIN = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/
const SPACES = /[\s\u00a0\u202f']/g

export type Cell =
  | { readonly kind: 'value'; readonly value: number; readonly status: Status | null }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error' }

const MISSING: Cell = { kind: 'missing' }
const ERROR: Cell = { kind: 'error' }

function groupsOk(integer: string, sep: string): boolean {
  const groups = integer.split(sep)
  if (groups.length === 1) return true
  if (!/^\d{1,3}$/.test(groups[0]!)) return false
  for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i]!)) return false
  return true
}

/** Parses the number part of a cell (no flag), or returns NaN. Grouping must be by three digits. */
export function parseNumber(raw: string, format: NumberFormat): number {
  if (PLAIN.test(raw) && (format.decimal === '.' || !raw.includes('.'))) return Number(raw)
  let text = raw.trim()
  let sign = ''
  if (text.startsWith('-') || text.startsWith('+') || text.startsWith('−')) {
    sign = text[0] === '+' ? '' : '-'
    text = text.slice(1).trim()
  }
  if (text.endsWith('%')) text = text.slice(0, -1).trim()
  // Spaces (also no-break and narrow no-break, and the Swiss apostrophe) group thousands.
  if (/[\s\u00a0\u202f']/.test(text)) {
    const [integer = '', ...rest] = text.split(format.decimal)
    if (!groupsOk(integer.replace(SPACES, ' ').trim(), ' ')) return NaN
    text = text.replace(SPACES, '')
    if (rest.length > 1) return NaN
  }
  const decimalAt = text.lastIndexOf(format.decimal)
  let integer = decimalAt < 0 ? text : text.slice(0, decimalAt)
  const fraction = decimalAt < 0 ? '' : text.slice(decimalAt + 1)
  if (format.thousands && integer.includes(format.thousands)) {
    if (!groupsOk(integer, format.thousands)) return NaN
    integer = integer.split(format.thousands).join('')
  }
  if (!/^\d+$/.test(integer) || (decimalAt >= 0 && !/^\d+$/.test(fraction))) return NaN
  return Number(`${sign}${integer}${fraction ? `.${fraction}` : ''}`)
}

/**
 * Reads a value cell: a number (with the file's separators), a missing-value marker, or a number
 * followed by a Eurostat flag (`123 p`: kept, status provisional). Never throws.
 */
export function parseValueCell(raw: string, format: NumberFormat): Cell {
  if (PLAIN.test(raw) && (format.decimal === '.' || !raw.includes('.'))) return { kind: 'value', value: Number(raw), status: null }
  const text = raw.trim()
  const lower = text.toLowerCase()
  if (MISSING_MARKERS.has(lower) || MISSING_WITH_FLAG.test(lower)) return MISSING
  let status: Status | null = null
  let numberText = text
  const flagged = FLAGS.exec(lower)
  if (flagged) {
    numberText = text.slice(0, flagged[1]!.length)
    for (const flag of flagged[2]!) {
      const s = FLAG_STATUS.get(flag)
      if (s === 'estimate' || (s === 'provisional' && status === null)) status = s
    }
    status ??= 'reported'
  }
  const value = parseNumber(numberText, format)
  return Number.isFinite(value) ? { kind: 'value', value, status } : ERROR
}

/**
 * Guesses the number format from sample cells. A comma followed by other than three digits, or a
 * point followed by exactly three digits in a semicolon file, means Belgian; `12.5` means English.
 * `preferComma` (a `;` or tab file from a Belgian export) settles cells that say nothing either way.
 */
export function detectNumberFormat(cells: readonly string[], preferComma: boolean): NumberFormat {
  let comma = 0
  let point = 0
  let pointGroups = 0
  let commaGroups = 0
  for (const raw of cells) {
    const text = raw.trim().replace(/\s*[a-z]{1,4}$/i, '').replace(/%$/, '').trim()
    if (!/^[-+−]?[\d.,\s\u00a0\u202f]+$/.test(text) || !/\d/.test(text)) continue
    const lastComma = text.lastIndexOf(',')
    const lastPoint = text.lastIndexOf('.')
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma += 2
      else point += 2
    } else if (lastComma >= 0) {
      const after = text.length - lastComma - 1
      if (after !== 3 || text.indexOf(',') !== lastComma || /^[-+−]?0,/.test(text)) comma++
      else commaGroups++
    } else if (lastPoint >= 0) {
      const after = text.length - lastPoint - 1
      if (after !== 3 || /^[-+−]?0\./.test(text)) point++
      else if (text.indexOf('.') !== lastPoint) comma++ // 1.232.000: points group thousands
      else pointGroups++
    } else if (/\d[\s\u00a0\u202f]\d{3}/.test(text)) {
      // Space-grouped thousands are a continental habit: weakly suggests a decimal comma.
      if (preferComma) comma++
    }
  }
  if (comma > point) return COMMA_DECIMAL
  if (point > comma) return POINT_DECIMAL
  // Only 1.232-like or only 1,232-like cells: several of them read as thousands, not decimals.
  if (pointGroups >= 2 && commaGroups === 0) return COMMA_DECIMAL
  if (commaGroups >= 2 && pointGroups === 0) return POINT_DECIMAL
  return preferComma ? COMMA_DECIMAL : POINT_DECIMAL
}
