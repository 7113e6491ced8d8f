/**
 * Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return, and the
 * non-characters U+FFFE and U+FFFF (TextDecoder never yields lone surrogates). One in an SVG, a
 * PowerPoint part or the PNG drawn from the SVG makes the whole file unreadable, and `&#1;` is no
 * way out: XML forbids the character itself.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

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
