/**
 * Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return, the
 * non-characters U+FFFE and U+FFFF, and lone surrogates (half an emoji, left by text cut at a
 * UTF-16 unit: UTF-8 cannot encode it, so the file's bytes become invalid). One in an SVG, a
 * PowerPoint part or the PNG drawn from the SVG makes the whole file unreadable, and `&#1;` is no
 * way out: XML forbids the character itself.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/** A surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The replacement: one UTF-16 unit for one, so lines and columns stay where they were. */
export const REPLACEMENT = '\uFFFD'

/** `text` with every character XML forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  FORBIDDEN.lastIndex = 0
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN, REPLACEMENT) : text
}

/** How many characters of `text` XML forbids. */
export function countXmlForbidden(text: string): number {
  FORBIDDEN.lastIndex = 0
  if (!FORBIDDEN.test(text)) return 0
  return text.match(FORBIDDEN)?.length ?? 0
}

/**
 * `text` with every lone surrogate replaced by U+FFFD: what `encodeURIComponent`, the router and
 * UTF-8 writers need (each throws on, or corrupts, half an emoji).
 */
export function wellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, REPLACEMENT) : text
}

let segmenter: Intl.Segmenter | null = null
/** The user-perceived characters of `text` (grapheme clusters: an emoji with its modifiers, a letter with its accents). */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

/**
 * `text` cut to at most `maxUnits` UTF-16 units, by whole characters (grapheme clusters), never
 * inside an emoji or between a letter and its accent; lone surrogates become U+FFFD.
 */
export function cutText(text: string, maxUnits: number): string {
  const clean = wellFormed(text)
  if (clean.length <= maxUnits) return clean
  let out = ''
  for (const g of graphemes(clean)) {
    if (out.length + g.length > maxUnits) break
    out += g
  }
  return out
}
