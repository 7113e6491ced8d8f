/**
 * Which text a reader sees when the data give none in their language, and how complete each
 * language is. English is the one text every file must give; French and Dutch fall back to it, as
 * they always have. German, added later, falls back to French, then Dutch, then English: Vigie's
 * German readers are Belgium's German-speaking Community, schooled in French from primary school,
 * living beside Wallonia; a Belgian figure's French or Dutch label is its publisher's own wording,
 * where the English one is most often a translation; and Dutch is the closest to German of the
 * three. A label is never empty: English is required.
 */
import { LOCALES, type Indicator, type Locale, type Localized, type Milestone } from './model'

/** The languages tried, in order, for each language's text: the first one the data give is shown. */
export const FALLBACK_ORDER: Readonly<Record<Locale, readonly Locale[]>> = {
  en: ['en'],
  fr: ['fr', 'en'],
  nl: ['nl', 'en'],
  de: ['de', 'fr', 'nl', 'en'],
}

/** For each language the data give no text in, the language whose text is shown instead. */
export type ShownIn = Partial<Record<Locale, Locale>>

/** The texts a file gives, by language; a missing or empty one is not given. */
export type GivenTexts = Partial<Record<Locale, string>>

/**
 * Every language's text from those given, each falling back in FALLBACK_ORDER, and which languages
 * show another's. A language with nothing given anywhere gets '' (only for optional texts: the
 * reader requires an English label and title). A text given alike in two languages or more is a
 * name ("NCMEC", a series' code), the same in every language: none is said to be missing.
 */
export function fillTexts(given: GivenTexts): { text: Localized; shownIn: ShownIn } {
  const text = {} as Record<Locale, string>
  const shownIn: ShownIn = {}
  const texts = LOCALES.map((l) => given[l]).filter(Boolean)
  const aName = texts.length > 1 && texts.every((t) => t === texts[0])
  for (const locale of LOCALES) {
    const from = FALLBACK_ORDER[locale].find((l) => given[l])
    text[locale] = from ? given[from]! : ''
    if (from && from !== locale && !aName) shownIn[locale] = from
  }
  return { text, shownIn }
}

/** `shownIn` as a field to spread into a record: absent when every language has its own text. */
export function shownInField(shownIn: ShownIn): { shownIn?: ShownIn } {
  return Object.keys(shownIn).length ? { shownIn } : {}
}

/** How many of a dataset's labels (indicators) and titles (milestones) are the language's own. */
export interface LanguageCompleteness {
  readonly locale: Locale
  readonly labels: { readonly own: number; readonly total: number }
  readonly titles: { readonly own: number; readonly total: number }
  /** The languages shown instead where this one has no text, most used first. */
  readonly shownInstead: readonly Locale[]
}

/** Each language's completeness over indicator labels and milestone titles, in LOCALES order. */
export function languageCompleteness(indicators: readonly Pick<Indicator, 'shownIn'>[], milestones: readonly Pick<Milestone, 'shownIn'>[]): LanguageCompleteness[] {
  return LOCALES.map((locale) => {
    const instead = new Map<Locale, number>()
    const own = (items: readonly { shownIn?: ShownIn }[]): number => {
      let n = 0
      for (const item of items) {
        const from = item.shownIn?.[locale]
        if (from) instead.set(from, (instead.get(from) ?? 0) + 1)
        else n++
      }
      return n
    }
    const labels = { own: own(indicators), total: indicators.length }
    const titles = { own: own(milestones), total: milestones.length }
    return { locale, labels, titles, shownInstead: [...instead].sort((a, b) => b[1] - a[1]).map(([l]) => l) }
  })
}

/** A complete language: every label and title its own. */
export function isComplete(c: LanguageCompleteness): boolean {
  return c.labels.own === c.labels.total && c.titles.own === c.titles.total
}

/** One line per language for maintainers and the importer's log: "de: 12/47 indicator labels, 0/3 milestone titles (others in fr, en)". */
export function completenessLines(report: readonly LanguageCompleteness[]): string[] {
  return report.map((c) => {
    const instead = c.shownInstead.length ? ` (others shown in ${c.shownInstead.join(', ')})` : ''
    return `${c.locale}: ${c.labels.own}/${c.labels.total} indicator labels, ${c.titles.own}/${c.titles.total} milestone titles${instead}`
  })
}
