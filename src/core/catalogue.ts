import { OFFENCES, type Dataset, type Indicator, type Locale, type Offence, type Period } from './model'

export interface CatalogueEntry {
  readonly indicator: Indicator
  readonly figures: number
  readonly first: Period | null
  readonly last: Period | null
  /** Titles of the sources its figures come from. */
  readonly sources: readonly string[]
}

/** Lower-cases and strips accents, so "liege" finds "Liège" and "pedopiegeage" finds "pédopiégeage". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * The indicator catalogue grouped by offence, with each indicator's coverage, filtered by a search
 * on its id, label and description (in the chosen language).
 */
export function indicatorCatalogue(
  dataset: Dataset,
  search: string,
  locale: Locale,
): { offence: Offence; entries: CatalogueEntry[] }[] {
  const words = foldForSearch(search).split(/\s+/).filter(Boolean)
  const sourceTitle = new Map(dataset.sources.map((s) => [s.id, s.title]))
  const byIndicator = new Map<string, { figures: number; first: Period | null; last: Period | null; sources: Set<string> }>()
  for (const o of dataset.observations) {
    let entry = byIndicator.get(o.indicator)
    if (!entry) byIndicator.set(o.indicator, (entry = { figures: 0, first: null, last: null, sources: new Set() }))
    entry.figures++
    if (!entry.first || o.period.start < entry.first.start) entry.first = o.period
    if (!entry.last || o.period.end > entry.last.end) entry.last = o.period
    entry.sources.add(sourceTitle.get(o.source) ?? o.source)
  }
  const matches = (i: Indicator) => {
    if (words.length === 0) return true
    const haystack = foldForSearch(`${i.id} ${i.label[locale]} ${i.description[locale]} ${i.label.en}`)
    return words.every((w) => haystack.includes(w))
  }
  return OFFENCES.map((offence) => ({
    offence,
    entries: dataset.indicators
      .filter((i) => i.offence === offence && matches(i))
      .map((indicator) => {
        const e = byIndicator.get(indicator.id)
        return { indicator, figures: e?.figures ?? 0, first: e?.first ?? null, last: e?.last ?? null, sources: [...(e?.sources ?? [])] }
      }),
  })).filter((g) => g.entries.length > 0)
}
