/**
 * What the share menu does, one function per item. Loaded with the menu, never with the
 * dashboard; pptxgenjs loads later still, when a PowerPoint file is asked for.
 */
import { describeChart } from '../core/chart/chartText'
import { CSV_DIALECTS, defaultDialect, spreadsheetCsv, type CsvDialectName } from '../core/export/csvDialect'
import { embedSnippet, embedUrl } from '../core/export/embed'
import { indicatorNotes } from '../core/export/caveats'
import { buildHtmlDocument } from '../core/export/html'
import { preferredHeight } from '../core/chart/chartLayout'
import { exportFileName, figureRows } from '../core/export/labels'
import { speakerNotes } from '../core/export/notes'
import { toQuery, toSearch } from '../url/viewQuery'
import { copyImage, copyText } from './clipboard'
import { chartOnlySvg, composeExport, composeSlides, labelsOf, type ExportContext } from './compose'
import { saveBlob } from './download'
import { exportedOn, exportTextFor, htmlTextFor, translate } from './messages'
import { buildDeck, type DeckSlide } from './pptx'
import { blobToDataUrl, svgToPng } from './raster'

export type { ExportContext }

/** The caveats of the plotted indicators, in the export's language. */
function caveatsOf(ctx: ExportContext): { heading: string; notes: ReturnType<typeof indicatorNotes> } {
  const t = translate(ctx.view.locale)
  return { heading: t('table.notesTitle'), notes: indicatorNotes(ctx.view, { partOf: (whole) => t('chart.partOf', { whole }) }) }
}

/** The on-screen size of the chart, in CSS pixels. */
export interface ScreenSize {
  readonly width: number
  readonly height: number
}

export type PngKind = 'screen' | 'double' | 'slide'

/** The PNG of a view: screen size (1×), the same at 2×, or a 1920×1080 slide. */
export async function pngOf(ctx: ExportContext, kind: PngKind, screen: ScreenSize): Promise<{ blob: Blob; width: number; height: number }> {
  // A slide too crowded for one picture is spread over parts: the PNG is the first (it says so).
  const composed = kind === 'slide' ? composeSlides(ctx, { kind: 'slide' })[0]! : composeExport(ctx, { kind: 'screen', ...screen })
  const ratio = kind === 'double' ? 2 : 1
  const { width, height } = composed.layout
  const blob = await svgToPng(composed.svg, width, height, ratio)
  return { blob, width: width * ratio, height: height * ratio }
}

export async function downloadPng(ctx: ExportContext, kind: PngKind, screen: ScreenSize): Promise<string> {
  const { blob } = await pngOf(ctx, kind, screen)
  const name = exportFileName(ctx.view, ctx.state, kind === 'screen' ? 'png' : kind === 'double' ? '2x.png' : 'slide.png')
  saveBlob(blob, name)
  return name
}

/** The SVG of a view at the chart's screen size, or as a 1920×1080 slide (the first part of a crowded view, as the PNG). */
export function downloadSvg(ctx: ExportContext, screen: ScreenSize, kind: 'screen' | 'slide' = 'screen'): string {
  const { svg } = kind === 'slide' ? composeSlides(ctx, { kind: 'slide' })[0]! : composeExport(ctx, { kind: 'screen', ...screen })
  const name = exportFileName(ctx.view, ctx.state, kind === 'slide' ? 'slide.svg' : 'svg')
  saveBlob(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml' }), name)
  return name
}

/** The figures shown, for a spreadsheet: semicolons and decimal commas from French or Dutch, unless the reader chose. */
export function downloadCsv(ctx: ExportContext, dialect: CsvDialectName = defaultDialect(ctx.view.locale)): string {
  const name = exportFileName(ctx.view, ctx.state, 'csv')
  saveBlob(new Blob([spreadsheetCsv(figureRows(ctx.view), CSV_DIALECTS[dialect])], { type: 'text/csv;charset=utf-8' }), name)
  return name
}

/** The width of the HTML file's phone chart, in CSS pixels. */
const NARROW = 360

export function downloadHtml(ctx: ExportContext, screen: ScreenSize): string {
  const width = Math.max(640, Math.min(1100, Math.round(screen.width)))
  const height = Math.max(360, Math.round(screen.height))
  const labels = labelsOf(ctx)
  const description = describeChart(ctx.view)
  const html = buildHtmlDocument({
    locale: ctx.view.locale,
    labels,
    legend: ctx.view.legend.map((s) => ({ name: s.label, color: s.colour, symbol: s.symbol })),
    chartSvg: chartOnlySvg(ctx, width, height),
    narrowChartSvg: chartOnlySvg(ctx, NARROW, preferredHeight(ctx.view, NARROW, 'phone'), 'phone'),
    description,
    rows: figureRows(ctx.view),
    link: ctx.link,
    text: htmlTextFor(ctx.view.locale, ctx.now),
    caveats: caveatsOf(ctx),
  })
  const name = exportFileName(ctx.view, ctx.state, 'html')
  saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), name)
  return name
}

const PICTURE = { width: 1860, height: 820 }

/**
 * The slides of a view: the chart and its key as a picture, title and subtitle as text, sources in
 * the notes; one slide, or one per part when its panels do not all fit legibly on one.
 */
export async function slidesOf(ctx: ExportContext, name?: string): Promise<DeckSlide[]> {
  const text = exportTextFor(ctx.view.locale)
  const t = translate(ctx.view.locale)
  const date = exportedOn(ctx.view.locale, ctx.now)
  const slides: DeckSlide[] = []
  for (const composed of composeSlides(ctx, { kind: 'picture', ...PICTURE })) {
    const png = await svgToPng(composed.svg, PICTURE.width, PICTURE.height)
    const { labels } = composed
    // The part's own chart state: its notes list the figures of the lines it shows.
    const part = { ...ctx, view: composed.view }
    slides.push({
      title: name || labels.title,
      subtitle: name ? `${labels.title} · ${labels.subtitle}` : labels.subtitle,
      image: await blobToDataUrl(png),
      imageAspect: PICTURE.width / PICTURE.height,
      alt: t('share.text.alt', { description: composed.description }),
      footer: [labels.note, labels.sourceLine, date].filter(Boolean).join(' · '),
      notes: speakerNotes(labels, figureRows(part.view), text, `${date} · ${ctx.link}`, caveatsOf(part)),
    })
  }
  return slides
}

export async function downloadPptx(ctx: ExportContext): Promise<string> {
  const slides = await slidesOf(ctx)
  const blob = await buildDeck(slides, slides[0]!.title, ctx.view.locale)
  const name = exportFileName(ctx.view, ctx.state, 'pptx')
  saveBlob(blob, name)
  return name
}

/** All saved views as one deck, in their order, each slide titled with the view's name. */
export async function downloadDeck(views: readonly { name: string; ctx: ExportContext }[], title: string): Promise<string> {
  const slides: DeckSlide[] = []
  for (const v of views) slides.push(...(await slidesOf(v.ctx, v.name)))
  const blob = await buildDeck(slides, title, views[0]?.ctx.view.locale ?? 'en')
  const name = 'vigie-saved-views.pptx'
  saveBlob(blob, name)
  return name
}

export function copyChartImage(ctx: ExportContext, screen: ScreenSize): Promise<'copied' | 'unsupported' | 'failed'> {
  return copyImage(pngOf(ctx, 'screen', screen).then((p) => p.blob))
}

/** The iframe snippet of a view, for the given app address. */
export function embedCodeOf(ctx: ExportContext, appUrl: string): string {
  return embedSnippet(embedUrl(appUrl, toSearch(toQuery(ctx.state))), `Vigie: ${labelsOf(ctx).title}`)
}

export { copyText }
