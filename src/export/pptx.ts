import { xmlSafe } from '../core/xmlText'
import { slidePlan } from '../core/export/notes'
import type { Locale } from '../core/model'

/** The language tag PowerPoint's spell checker and screen readers get for each interface language. */
export const PPTX_LANG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE' }

/** One slide of a deck: its texts, the chart picture and what the presenter reads in the notes. */
export interface DeckSlide {
  readonly title: string
  readonly subtitle: string
  /** The chart with its milestone key, as a PNG data: URL. */
  readonly image: string
  readonly imageAspect: number
  /** Alt text of the picture: series and milestones in words. */
  readonly alt: string
  readonly footer: string
  readonly notes: string
}

/**
 * Builds a 16:9 PowerPoint file, one slide per entry. pptxgenjs is loaded here, on demand only:
 * it never reaches the dashboard's first load.
 */
export async function buildDeck(slides: readonly DeckSlide[], title: string, locale: Locale): Promise<Blob> {
  const lang = PPTX_LANG[locale]
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.title = xmlSafe(title)
  pptx.author = 'Vigie'
  // pptxgenjs escapes markup but passes control characters on, and one makes the file unreadable.
  for (const raw of slides) {
    const s = { ...raw, title: xmlSafe(raw.title), subtitle: xmlSafe(raw.subtitle), alt: xmlSafe(raw.alt), footer: xmlSafe(raw.footer), notes: xmlSafe(raw.notes) }
    const plan = slidePlan(s.imageAspect)
    const slide = pptx.addSlide()
    slide.addText(s.title, { ...plan.title, bold: true, color: '111827', fontFace: 'Arial', valign: 'top', fit: 'shrink', lang })
    slide.addText(s.subtitle, { ...plan.subtitle, color: '374151', fontFace: 'Arial', valign: 'top', lang })
    slide.addImage({ data: s.image, ...plan.image, altText: s.alt })
    slide.addText(s.footer, { ...plan.footer, color: '374151', fontFace: 'Arial', valign: 'top', lang })
    slide.addNotes(s.notes)
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob
}
