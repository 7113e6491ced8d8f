import { xmlSafe } from '../core/xmlText'
import { slidePlan } from '../core/export/notes'
import type { Locale } from '../core/model'

/** The language tag PowerPoint's spell checker and screen readers get for each interface language. */
export const PPTX_LANG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' }

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
  return tagLanguage((await pptx.write({ outputType: 'arraybuffer' })) as ArrayBuffer, lang)
}

/**
 * pptxgenjs writes the speaker notes (and a few empty paragraph ends) as `en-US` whatever the text
 * boxes say: a French deck's notes would be spell-checked and read out as English. Every language
 * tag of the slides and notes is set to the interface's. JSZip is pptxgenjs' own zip library
 * (same version), loaded with it, on demand.
 */
async function tagLanguage(file: ArrayBuffer, lang: string): Promise<Blob> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(file)
  const parts = Object.keys(zip.files).filter((name) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(name))
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string')
    zip.file(name, xml.replace(/\b(lang|altLang)="en-US"/g, `$1="${lang}"`))
  }
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' })
}
