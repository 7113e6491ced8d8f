/**
 * The Sources tab: each source behind what is shown, with its figures and milestones and their
 * quoted sentences, in the reader's language. Pure; the table store runs it and SourcesList.vue displays it.
 */
import { seriesLabel } from './chart/chartState'
import { baselineText, formatValue } from './chart/chartText'
import { formatDate, formatPeriod, punctuate, safeHttpUrl } from './format'
import { sourceIn, type Indicator, type Locale, type Milestone, type Observation, type Source } from './model'
import { breakdownOf } from './series'

/** A figure or milestone as the Sources tab cites it. */
export interface CitedItem {
  readonly key: string
  readonly text: string
  readonly quote: string
  readonly note: string
}

export interface SourceEntry {
  readonly source: Source
  /** The source's address when it is one a reader can open (http or https), else null. */
  readonly href: string | null
  readonly figures: readonly CitedItem[]
  readonly milestones: readonly CitedItem[]
}

/** Every source with a figure or milestone among those shown, in the data's order. */
export function sourceEntries(
  sources: readonly Source[],
  shown: { readonly observations: readonly Observation[]; readonly milestones: readonly Milestone[] },
  indicatorById: ReadonlyMap<string, Indicator>,
  locale: Locale,
  baselineWord: string,
): SourceEntry[] {
  return sources
    .map((s) => sourceIn(s, locale))
    .map((source) => ({
      source,
      href: safeHttpUrl(source.url),
      figures: shown.observations
        .filter((o) => o.source === source.id)
        .map((o) => {
          const indicator = indicatorById.get(o.indicator)!
          const baseline = o.baseline ? ` (${baselineText(o.baseline, { baseline: baselineWord }, locale)})` : ''
          return {
            key: `${o.indicator}@${o.period.text}@${breakdownOf(o)}`,
            text: punctuate(`${seriesLabel({ indicator, breakdown: breakdownOf(o) }, locale)}, ${formatPeriod(o.period, locale)}: ${formatValue(o.value, indicator.unit, locale)}${baseline}`, locale),
            quote: o.quote,
            note: o.note,
          }
        }),
      milestones: shown.milestones
        .filter((m) => m.source === source.id)
        .map((m) => ({
          key: m.id,
          text: punctuate(`${formatDate(m.date.start, m.precision, locale)}: ${m.title[locale]}`, locale),
          quote: m.quote,
          note: m.note,
        })),
    }))
    .filter((e) => e.figures.length > 0 || e.milestones.length > 0)
}
