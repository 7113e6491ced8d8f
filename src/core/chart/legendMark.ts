/**
 * A legend entry's mark as the line is drawn: a stroke in the series' colour with its symbol in
 * the middle, so a reader matches the entry to its line by colour and shape, not by colour alone.
 * One drawing for every surface: the dashboard's legend, the embed, Present, SVG/PNG slides and the
 * HTML file. Pure: SVG markup from fixed shapes and a checked colour.
 */
import type { ChartSeries } from './chartState'

/** The symbol's outline in a 12×12 box, as ECharts draws it on the line. */
export const SYMBOL_PATHS: Record<ChartSeries['symbol'], string> = {
  circle: 'M6 2a4 4 0 1 1 0 8a4 4 0 1 1 0-8z',
  rect: 'M2.5 2.5h7v7h-7z',
  roundRect: 'M4 2.5h4a1.5 1.5 0 0 1 1.5 1.5v4a1.5 1.5 0 0 1-1.5 1.5h-4a1.5 1.5 0 0 1-1.5-1.5v-4a1.5 1.5 0 0 1 1.5-1.5z',
  triangle: 'M6 1.5l4.5 8h-9z',
  diamond: 'M6 1l5 5l-5 5l-5-5z',
  pin: 'M6 1a3.5 3.5 0 0 1 3.5 3.5c0 2.5-3.5 6.5-3.5 6.5s-3.5-4-3.5-6.5a3.5 3.5 0 0 1 3.5-3.5z',
  arrow: 'M6 1l4 10l-4-3l-4 3z',
}

/** A colour safe to write into markup: a #rrggbb hex, else black. */
export function safeColour(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : '#000000'
}

/**
 * The mark's SVG elements in a 28×12 box, placed at (x, y) and scaled by `scale` (1 = 28×12 px):
 * the line (dashed where the series is drawn dashed) and the symbol at its middle.
 */
export function legendMarkSvg(mark: { readonly colour: string; readonly symbol: ChartSeries['symbol']; readonly dashed?: boolean }, x: number, y: number, scale: number): string {
  const colour = safeColour(mark.colour)
  const path = SYMBOL_PATHS[mark.symbol] ?? SYMBOL_PATHS.circle
  return (
    `<g transform="translate(${x},${y}) scale(${scale})">` +
    `<line x1="0" y1="6" x2="28" y2="6" stroke="${colour}" stroke-width="2.5"${mark.dashed ? ' stroke-dasharray="4 3"' : ''}/>` +
    `<path d="${path}" transform="translate(8 0)" fill="${colour}" stroke="#ffffff" stroke-width="0.8"/>` +
    `</g>`
  )
}
