import { punctuate } from '../format'
import type { Indicator, Locale } from '../model'

/** What one plotted indicator's number is not, and what it is a part of, in the spec's language. */
export interface IndicatorNote {
  readonly label: string
  readonly caveat: string
  /** "Part of “…”: do not add the two", or empty. */
  readonly partOf: string
}

/** The words an export needs for its indicator notes, translated by the caller. */
export interface IndicatorNotesText {
  readonly heading: string
  readonly partOf: (whole: string) => string
}

/**
 * Each plotted indicator once, in drawing order, that has a caveat or is a part of another: the
 * notes of every export (from the chart state) and of the Table (from the view result).
 */
export function indicatorNotes(spec: { readonly locale: Locale; readonly series: readonly { readonly indicator: Indicator }[] }, text: Pick<IndicatorNotesText, 'partOf'>): IndicatorNote[] {
  const seen = new Set<string>()
  const notes: IndicatorNote[] = []
  for (const { indicator } of spec.series) {
    if (seen.has(indicator.id) || (!indicator.caveat[spec.locale] && !indicator.partOf)) continue
    seen.add(indicator.id)
    notes.push({
      label: indicator.label[spec.locale],
      caveat: indicator.caveat[spec.locale],
      partOf: indicator.partOf ? text.partOf(indicator.partOf.label[spec.locale]) : '',
    })
  }
  return notes
}

/** One line of text per note: "Label: caveat. Part of “…”: do not add the two". */
export function noteLine(note: IndicatorNote, locale: Locale = 'en'): string {
  return punctuate(`${note.label}: ${[note.caveat, note.partOf].filter(Boolean).join('. ')}`, locale)
}
