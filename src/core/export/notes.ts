import { punctuate } from '../format'
import { noteLine, type IndicatorNote } from './caveats'
import { citation, type ChartLabels, type ExportText, type FigureRow } from './labels'

/**
 * The speaker notes of a slide: what the chart shows in words and numbers, the milestones, every
 * source in full and the quoted sentences the figures stand in, so the presenter can answer
 * "where does this come from?" without leaving the slide.
 */
export function speakerNotes(
  labels: ChartLabels,
  rows: readonly FigureRow[],
  text: ExportText,
  exportedOn: string,
  caveats: { readonly heading: string; readonly notes: readonly IndicatorNote[] } = { heading: '', notes: [] },
): string {
  const out: string[] = [labels.title, labels.subtitle, ...[labels.chosenBy, labels.ownSubtitle].filter(Boolean), ...(labels.note ? [labels.note] : []), '']
  out.push(`${text.figures}:`)
  let current = ''
  for (const r of rows) {
    const heading = `${r.label} (${text.unit[r.unit]}${r.baseline ? `, ${text.baseline} ${r.baselineShown}` : ''})`
    if (heading !== current) {
      out.push(`- ${heading}`)
      current = heading
    }
    const status = r.status === 'reported' ? '' : ` (${text.status[r.status] ?? r.status})`
    out.push(`  ${r.periodLabel}: ${r.shown}${status}`)
  }
  // What the numbers are not, before anyone quotes them: caveats and parts never to be added to their whole.
  if (caveats.notes.length) {
    out.push('', `${caveats.heading}:`, ...caveats.notes.map((n) => `- ${noteLine(n)}`))
  }
  if (labels.milestoneKey.length) {
    out.push('', `${text.milestoneKey}:`, ...labels.milestoneKey.map((m) => `- ${m}`))
  }
  // "Compare before and after": the table, its method and the warning that it shows no cause.
  if (labels.compare.length) out.push('', ...labels.compare)
  out.push('', `${text.sources}:`, ...labels.sources.map((s) => `- ${citation(s)}`))
  // French spacing before the notes' own colons; quoted sentences (added below) stay exactly as published.
  const locale = text.locale ?? 'en'
  for (let i = 0; i < out.length; i++) out[i] = punctuate(out[i]!, locale)
  const quotes = rows.filter((r) => r.quote)
  if (quotes.length) {
    out.push('', punctuate(`${text.quotes}:`, locale))
    const seen = new Set<string>()
    for (const r of quotes) {
      if (seen.has(r.quote)) continue
      seen.add(r.quote)
      out.push(`- “${r.quote}” (${r.source?.title ?? r.sourceId}, ${r.periodLabel})`)
    }
  }
  out.push('', exportedOn)
  return out.join('\n')
}

/** Where things go on a 16:9 PowerPoint slide, in inches (10 × 5.625). */
export interface SlidePlan {
  readonly title: { x: number; y: number; w: number; h: number; fontSize: number }
  readonly subtitle: { x: number; y: number; w: number; h: number; fontSize: number }
  readonly image: { x: number; y: number; w: number; h: number }
  readonly footer: { x: number; y: number; w: number; h: number; fontSize: number }
}

/** The slide's layout for a chart image of the given aspect ratio (width / height), centred. */
export function slidePlan(imageAspect: number): SlidePlan {
  const W = 10
  const margin = 0.35
  const top = 1.05
  const bottom = 5.625 - 0.45
  let h = bottom - top - 0.05
  let w = h * imageAspect
  if (w > W - 2 * margin) {
    w = W - 2 * margin
    h = w / imageAspect
  }
  return {
    title: { x: margin, y: 0.15, w: W - 2 * margin, h: 0.55, fontSize: 24 },
    subtitle: { x: margin, y: 0.68, w: W - 2 * margin, h: 0.32, fontSize: 13 },
    image: { x: (W - w) / 2, y: top, w, h },
    footer: { x: margin, y: bottom + 0.02, w: W - 2 * margin, h: 0.4, fontSize: 9 },
  }
}
