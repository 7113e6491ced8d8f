import { indexDataset } from './datasetIndex'
import { OFFENCES, sourceIn, type Dataset, type Indicator, type Locale, type Offence, type Period } from './model'

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
  // Sources are cited by their title in the reader's language, where the data give one.
  const sourceTitle = new Map(dataset.sources.map((s) => [s.id, sourceIn(s, locale).title]))
  const byIndicator = new Map<string, { figures: number; first: Period | null; last: Period | null; sources: Set<string> }>()
  // Read on the columns: an indicator's periods and sources, never its figures as objects.
  for (const [id, { block, rows }] of indexDataset(dataset).rowsByIndicator) {
    const entry: { figures: number; first: Period | null; last: Period | null; sources: Set<string> } = { figures: rows.length, first: null, last: null, sources: new Set() }
    byIndicator.set(id, entry)
    for (const r of rows) {
      const period = block.periods[block.period[r]!]!
      if (!entry.first || period.start < entry.first.start) entry.first = period
      if (!entry.last || period.end > entry.last.end) entry.last = period
    }
    for (const t of indexDataset(dataset).talliesByIndicator.get(id) ?? []) entry.sources.add(sourceTitle.get(t.source) ?? t.source)
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
