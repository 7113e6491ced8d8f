/**
 * "Compare before and after" in words (src/core/compare.ts): the table's cells, the keyboard
 * cursor's readout and the lines exports carry, from words the caller translates (core holds no
 * catalogue). Numbers in the reader's language.
 */
import type { CompareSide, Comparison } from './compare'
import { formatDate, formatNumber, punctuate } from './format'
import type { Locale } from './model'

export interface CompareText {
  /** "Before and after milestone {number} ({date}): {title}" */
  readonly heading: (number: string, date: string, title: string) => string
  readonly before: string
  readonly after: string
  /** "{figures} figures ({first}–{last}): level {level}, {yearly} a year" */
  readonly side: (words: { figures: string; first: string; last: string; level: string; yearly: string }) => string
  /** "too few figures to describe a trend ({figures})" */
  readonly tooFew: (figures: number) => string
  /** "{years} years each side" / every figure drawn. */
  readonly window: (years: number | null) => string
  /** The milestone has an end date: before its start, after its end. */
  readonly interval: string
  /** Series drawn that are not counts, left out ({n}); none drawn at all. */
  readonly notCounts: (n: number) => string
  readonly noCounts: string
  /** The method in one sentence; the plain warning that this is no evidence of cause. */
  readonly method: string
  readonly disclaimer: string
}

/** A described side in words, or the refusal. */
export function sideWords(side: CompareSide, locale: Locale, text: CompareText): string {
  if (!side.ok) return text.tooFew(side.figures)
  const sign = side.yearly > 0 ? '+' : side.yearly < 0 ? '−' : ''
  return text.side({
    figures: formatNumber(side.figures, locale),
    first: side.first,
    last: side.last,
    level: formatNumber(side.level, locale, 1),
    yearly: sign + formatNumber(Math.abs(side.yearly), locale, 1),
  })
}

export interface CompareWords {
  readonly heading: string
  readonly window: string
  readonly rows: readonly { readonly key: string; readonly label: string; readonly colour: string; readonly before: string; readonly after: string }[]
  /** What the reader must know: interval, series left out, method, and that it is no evidence of cause. */
  readonly notes: readonly string[]
}

/** The comparison in words: the table's heading and cells, and its notes. */
export function compareWords(c: Comparison, locale: Locale, text: CompareText): CompareWords {
  const { milestone } = c.milestone
  const date = formatDate(milestone.date.start, milestone.precision, locale) + (milestone.endDate ? `–${formatDate(milestone.endDate.start, milestone.precision, locale)}` : '')
  const notes = [
    ...(milestone.endDate ? [text.interval] : []),
    ...(c.rows.length === 0 ? [text.noCounts] : c.notCounts > 0 ? [text.notCounts(c.notCounts)] : []),
    text.method,
    text.disclaimer,
  ]
  return {
    heading: punctuate(text.heading(String(c.milestone.number), date, milestone.title[locale]), locale),
    window: text.window(c.years),
    rows: c.rows.map((r) => ({ key: r.key, label: r.label, colour: r.colour, before: punctuate(sideWords(r.before, locale, text), locale), after: punctuate(sideWords(r.after, locale, text), locale) })),
    notes: notes.map((n) => punctuate(n, locale)),
  }
}

/** The comparison as plain lines (speaker notes, the HTML file, the image's footer). */
export function compareLines(c: Comparison, locale: Locale, text: CompareText): string[] {
  const w = compareWords(c, locale, text)
  const colon = (s: string) => punctuate(s, locale)
  return [
    `${w.heading} (${w.window})`,
    ...w.rows.map((r) => colon(`- ${r.label}: ${text.before} ${r.before}; ${text.after} ${r.after}`)),
    ...w.notes,
  ]
}
