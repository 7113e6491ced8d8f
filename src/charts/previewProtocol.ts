/**
 * Messages between the page and the chart-preview worker, which draws the first picture of the
 * trend chart as SVG off the main thread, so the dashboard paints and responds before the
 * interactive chart engine is loaded.
 */
import type { ChartLayout } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import type { TrendText } from '../core/chart/trendOption'

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

export type PreviewReply =
  | { readonly id: number; readonly tree: SvgNode; readonly hits: PictureHits }
  | { readonly id: number; readonly error: string }

/** Beyond this many points the copy to the worker costs more than it saves: the chart engine draws directly. */
export const PREVIEW_MAX_POINTS = 20_000

export function previewText(text: TrendText): PreviewText {
  const { unitAxis, status, category, source, baseline, milestones } = text
  return { unitAxis, status, category, source, baseline, milestones }
}
