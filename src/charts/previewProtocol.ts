/**
 * Messages between the page and the chart-preview worker, which draws the first picture of the
 * trend chart as SVG off the main thread, so the dashboard paints and responds before the
 * interactive chart engine is loaded.
 */
import type { ChartLayout } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import type { TrendText } from '../core/chart/chartText'

/** The chart words a worker can receive: functions cannot be posted, and only tooltips and the aria text use them. */
export type PreviewText = Omit<TrendText, 'chartDescription' | 'consistency'>

export interface PreviewRequest {
  readonly id: number
  readonly view: TrendView
  readonly text: PreviewText
  /** The still layout (stillLayout) of the chart at its size. */
  readonly layout: ChartLayout
}

/** One SVG element as plain data: the page builds it with createElementNS, never by parsing markup. */
export interface SvgNode {
  readonly tag: string
  readonly attrs: Readonly<Record<string, string | number | boolean>>
  readonly children?: readonly SvgNode[]
  readonly text?: string
}

/**
 * Where the picture draws each figure and milestone, in CSS pixels of the chart: with them the
 * picture answers the pointer (which figure is under it) before the chart engine is loaded.
 */
export interface PictureHits {
  /** A figure: its series and point index in the chart state, and where its symbol is. */
  readonly points: readonly { readonly series: number; readonly point: number; readonly x: number; readonly y: number }[]
  /** A milestone: its index in the chart state, its line (or band, from `x` to `x2`), and the plot's top and bottom. */
  readonly milestones: readonly { readonly index: number; readonly x: number; readonly x2: number; readonly top: number; readonly bottom: number }[]
}

/** What the pointer at (x, y) is over in the picture: a figure within 12 px, else a milestone's line (4 px) or band. */
export function hitAt(
  hits: PictureHits,
  x: number,
  y: number,
): { mode: 'points'; series: number; point: number } | { mode: 'milestones'; index: number } | null {
  let nearest: PictureHits['points'][number] | null = null
  let distance = NEAR_POINT * NEAR_POINT
  for (const h of hits.points) {
    const d = (h.x - x) ** 2 + (h.y - y) ** 2
    if (d <= distance) {
      distance = d
      nearest = h
    }
  }
  if (nearest) return { mode: 'points', series: nearest.series, point: nearest.point }
  const m = hits.milestones.find((m) => y >= m.top && y <= m.bottom && x >= Math.min(m.x, m.x2) - NEAR_LINE && x <= Math.max(m.x, m.x2) + NEAR_LINE)
  return m ? { mode: 'milestones', index: m.index } : null
}

/** How near the pointer must be to a figure's symbol, or to a milestone's line, in CSS pixels. */
const NEAR_POINT = 12
const NEAR_LINE = 4

export type PreviewReply =
  | { readonly id: number; readonly tree: SvgNode; readonly hits: PictureHits }
  | { readonly id: number; readonly error: string }

/** Beyond this many points the copy to the worker costs more than it saves: the chart engine draws directly. */
export const PREVIEW_MAX_POINTS = 20_000

export function previewText(text: TrendText): PreviewText {
  const { unitAxis, panelTitle, status, category, source, baseline, milestones, indexAxis } = text
  return { unitAxis, ...(panelTitle ? { panelTitle } : {}), status, category, source, baseline, milestones, ...(indexAxis ? { indexAxis } : {}) }
}
