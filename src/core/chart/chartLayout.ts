/**
 * The chart's layout: from the chart state, a size and a profile (where the chart is shown), the
 * pixel decisions: font sizes, panel boxes, where each milestone label goes so none overlaps
 * another, whether the period slider and tooltips exist, how far long series are thinned. Pure.
 */
import { milestoneTag, type TrendView } from './chartState'

/**
 * Where a chart is shown. No `print` profile: printing the page prints the chart the screen shows,
 * and every export draws a `picture`, a `slide` or (the narrow embed picture) a `phone` layout.
 */
export const CHART_PROFILES = ['screen', 'phone', 'embed', 'present', 'slide', 'picture'] as const
export type ChartProfile = (typeof CHART_PROFILES)[number]

export interface PanelBox {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly height: number
  /** About how many intervals the value axis is split into: its labels keep two lines' room apart. */
  readonly ticks: number
}

/** A milestone label's row above the plot (0 nearest the plot) and its text. */
export interface MilestoneLabel {
  readonly number: number
  readonly row: number
  readonly text: string
}

export interface ChartLayout {
  readonly profile: ChartProfile
  readonly width: number
  readonly height: number
  readonly fontSize: number
  readonly milestoneFontSize: number
  /** Tooltips and hover emphasis (not in pictures). */
  readonly interactive: boolean
  /** The period slider under the chart (a control: only where it works and there is room). */
  readonly slider: boolean
  readonly panels: readonly PanelBox[]
  readonly milestoneLabels: readonly MilestoneLabel[]
  /** Height of one row of milestone labels. */
  readonly labelRowHeight: number
  /** About one point per pixel: longer segments are thinned (the same line, far less to draw). */
  readonly pointBudget: number
  /** Panels per row: small charts sit in a grid, as many columns as the width allows; other charts 1. */
  readonly columns: number
  /** A figure's symbol size in pixels (a provisional one's hollow symbol is 2 px larger): larger where read from afar. */
  readonly symbolSize: number
  /**
   * Direct labels: each line's short label at its last drawn point, in its colour, the right margin
   * reserved for them (see directLabelsFit). Null where there is no room: the legend names the lines.
   */
  readonly directLabels: { readonly fontSize: number; readonly distance: number; readonly width: number } | null
}

interface ProfileRules {
  readonly fontSize: number
  readonly milestoneFontSize: number
  readonly interactive: boolean
  readonly slider: boolean
  readonly left: number
  readonly right: number
  readonly minPanel: number
}

const RULES: Record<ChartProfile, ProfileRules> = {
  screen: { fontSize: 12, milestoneFontSize: 11, interactive: true, slider: true, left: 72, right: 28, minPanel: 120 },
  phone: { fontSize: 11, milestoneFontSize: 11, interactive: true, slider: true, left: 56, right: 16, minPanel: 110 },
  embed: { fontSize: 11, milestoneFontSize: 11, interactive: true, slider: false, left: 60, right: 16, minPanel: 90 },
  present: { fontSize: 17, milestoneFontSize: 16, interactive: true, slider: false, left: 96, right: 32, minPanel: 150 },
  // Drawn at its size on a 1920×1080 slide: 18 px type reads from the back of a room (about 9 pt on a shown slide).
  slide: { fontSize: 18, milestoneFontSize: 18, interactive: false, slider: false, left: 100, right: 32, minPanel: 170 },
  picture: { fontSize: 12, milestoneFontSize: 11, interactive: false, slider: false, left: 72, right: 28, minPanel: 100 },
}

/** Average glyph width of the chart's sans-serif digits, as a share of the font size (a little generous). */
const DIGIT = 0.62
/**
 * Gap between the plot's top edge and the lowest row of milestone numbers: more than the radius of
 * the largest point symbol (9 px hollow), so a figure at the top of its axis never covers a number.
 */
export const LABEL_CLEARANCE = 8

/** Average glyph width of the chart's sans-serif text (labels), as a share of the font size (generous). */
const GLYPH = 0.6
/** Gap between a line's last point and its direct label. */
const LABEL_GAP = 6
/** Direct labels take at most this share of the chart's width; past it, the legend names the lines. */
export const DIRECT_LABEL_SHARE = 0.3
/** Past this many lines in one panel, direct labels would stack into a column taller than their lines: the legend names them. */
export const DIRECT_LABEL_LINES = 7

/** A text's estimated width in pixels at a font size. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * GLYPH * fontSize)
}

/** The narrowest width a text takes on at most two lines, broken at a space (one line when it has none). */
export function twoLineWidth(text: string, fontSize: number): number {
  let best = textWidth(text, fontSize)
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
    best = Math.min(best, Math.max(textWidth(text.slice(0, i), fontSize), textWidth(text.slice(i + 1), fontSize)))
  }
  return best
}

/**
 * Whether each line can carry its short label at its end, and the width the labels need: not on a
 * phone (the legend above the chart reads better on a narrow touch screen), not in small charts
 * (one legend names the lines of every chart; a label on each would repeat it twelve times), not
 * past DIRECT_LABEL_LINES lines in a panel or where the stacked labels would be taller than the
 * panel, and only when the longest label fits in DIRECT_LABEL_SHARE of the width, on one line
 * or, failing that, broken onto two. (The period slider never leaves a line's end outside the
 * plot for long: where it settles becomes the period filter, which redraws the chart.)
 */
export function directLabelsFit(
  view: Pick<TrendView, 'panels' | 'series'>,
  width: number,
  profile: ChartProfile,
  panelHeight: number,
): { width: number; fontSize: number; lines: 1 | 2 } | null {
  if (profile === 'phone') return null
  if (view.series.length === 0 || view.panels.some((p) => p.label !== undefined)) return null
  const fontSize = RULES[profile].fontSize
  const most = Math.max(...view.panels.map((p) => p.series.length))
  if (most > DIRECT_LABEL_LINES) return null
  const room = width * DIRECT_LABEL_SHARE - LABEL_GAP - 4
  const one = Math.max(...view.series.map((s) => textWidth(s.shortLabel, fontSize)))
  const two = Math.max(...view.series.map((s) => twoLineWidth(s.shortLabel, fontSize)))
  const lines = one <= room ? 1 : two <= room ? 2 : null
  // Stacked, the labels of the fullest panel must fit its height.
  if (lines === null || most * lines * Math.ceil(fontSize * 1.3) > panelHeight) return null
  return { width: (lines === 1 ? one : two) + LABEL_GAP + 4, fontSize, lines }
}

/** How far the milestone numbers reach past the plot's right edge: direct labels start beyond it. */
function milestoneOverhang(view: Pick<TrendView, 'milestones' | 'domain'>, plot: { readonly left: number; readonly width: number }, fontSize: number): number {
  const domain = view.domain
  if (!domain) return 0
  const span = domain.max - domain.min || 1
  let reach = 0
  for (const m of view.milestones) {
    const t = m.kind === 'interval' ? (Math.max(m.milestone.date.start, domain.min) + Math.min(m.milestone.endDate!.end, domain.max)) / 2 : m.milestone.date.mid
    const x = ((t - domain.min) / span) * plot.width
    reach = Math.max(reach, x + (milestoneTag(m).length * DIGIT * fontSize) / 2 + 3 - plot.width)
  }
  return Math.max(0, Math.ceil(reach))
}

/** Room for a panel's unit name above it. */
const UNIT_NAME = 22
const PANEL_GAP = 18

/** A small chart is at least this wide (its value axis included), so its axis labels stay readable. */
export const MIN_CHART_WIDTH = 280

/** How many panels sit side by side: small charts (panels with a breakdown value) fill the width in a grid. */
export function gridColumns(view: Pick<TrendView, 'panels'>, width: number): number {
  if (!view.panels.some((p) => p.label !== undefined)) return 1
  return Math.max(1, Math.min(view.panels.length, Math.floor(Math.max(width, 200) / MIN_CHART_WIDTH)))
}

/** The plot of one grid cell: where its panel's time axis runs, and where milestone numbers are placed. */
function cellPlot(rules: ProfileRules, width: number, columns: number): { left: number; width: number } {
  return { left: rules.left, width: width / columns - rules.left - rules.right }
}

/** The profile a live surface uses at a width: phones get their own. */
export function screenProfile(width: number): ChartProfile {
  return width < 600 ? 'phone' : 'screen'
}

function axisBottom(rules: ProfileRules, slider: boolean): number {
  // The time axis' labels, and the slider below them when there is one.
  return Math.round(rules.fontSize * 2.2) + (slider ? 36 : 4)
}

/**
 * Milestone labels in rows above the plot: each label takes the lowest row where it clears the
 * label before it by a few pixels, so no two overlap however close their dates are.
 */
export function placeMilestoneLabels(
  view: Pick<TrendView, 'milestones' | 'domain'>,
  plot: { readonly left: number; readonly width: number },
  fontSize: number,
): MilestoneLabel[] {
  const domain = view.domain
  if (!domain) return []
  const span = domain.max - domain.min || 1
  const placed = view.milestones
    .map((m) => {
      const t = m.kind === 'interval' ? (Math.max(m.milestone.date.start, domain.min) + Math.min(m.milestone.endDate!.end, domain.max)) / 2 : m.milestone.date.mid
      const x = plot.left + ((t - domain.min) / span) * plot.width
      const text = milestoneTag(m)
      return { number: m.number, text, x, half: (text.length * DIGIT * fontSize) / 2 + 3 }
    })
    .sort((a, b) => a.x - b.x || a.number - b.number)
  const rightEdge: number[] = []
  return placed.map((p) => {
    let row = rightEdge.findIndex((edge) => p.x - p.half >= edge + 2)
    if (row < 0) {
      row = rightEdge.length
      rightEdge.push(-Infinity)
    }
    rightEdge[row] = p.x + p.half
    return { number: p.number, row, text: p.text }
  })
}

/** The height a chart needs at a width so that every panel gets its minimum room. */
export function preferredHeight(view: Pick<TrendView, 'panels' | 'milestones' | 'domain'>, width: number, profile: ChartProfile): number {
  const rules = RULES[profile]
  const columns = gridColumns(view, width)
  const rows = Math.max(0, ...placeMilestoneLabels(view, cellPlot(rules, width, columns), rules.milestoneFontSize).map((l) => l.row + 1))
  // Rows of the grid (one panel per row unless small charts sit side by side).
  const panels = Math.max(Math.ceil(view.panels.length / columns), 1)
  const top = UNIT_NAME + rows * Math.round(rules.milestoneFontSize * 1.35) + 4 + LABEL_CLEARANCE
  return top + panels * rules.minPanel + (panels - 1) * (PANEL_GAP + UNIT_NAME) + axisBottom(rules, rules.slider)
}

/** Lays the chart out at a size for a profile. */
export function layoutChart(view: TrendView, size: { readonly width: number; readonly height: number }, profile: ChartProfile): ChartLayout {
  const rules = RULES[profile]
  const width = Math.max(size.width, 200)
  const height = Math.max(size.height, 160)
  const columns = gridColumns(view, width)
  const count = Math.max(view.panels.length, 1)
  const rowCount = Math.ceil(count / columns)
  const gaps = (rowCount - 1) * (PANEL_GAP + UNIT_NAME)
  const bottom = axisBottom(rules, rules.slider)
  const labelRowHeight = Math.round(rules.milestoneFontSize * 1.35)
  const rowsAbove = (plot: { left: number; width: number }) => Math.max(0, ...placeMilestoneLabels(view, plot, rules.milestoneFontSize).map((l) => l.row + 1))
  // Direct labels take the right margin, so the plot narrows and the milestone numbers may need
  // more rows: the labels are decided on the plot as it would be without them.
  const roughHeight = (height - UNIT_NAME - rowsAbove(cellPlot(rules, width, columns)) * labelRowHeight - 4 - LABEL_CLEARANCE - bottom - gaps) / rowCount
  const fit = directLabelsFit(view, width, profile, roughHeight)
  const extraRight = fit?.width ?? 0
  const plot = cellPlot({ ...rules, right: rules.right + extraRight }, width, columns)
  const milestoneLabels = placeMilestoneLabels(view, plot, rules.milestoneFontSize)
  const rows = Math.max(0, ...milestoneLabels.map((l) => l.row + 1))
  // Milestone numbers above the top panel, the unit name above them.
  const top = UNIT_NAME + rows * labelRowHeight + 4 + LABEL_CLEARANCE
  const panelHeight = Math.max((height - top - bottom - gaps) / rowCount, 40)
  const cell = width / columns
  const panels = Array.from({ length: count }, (_, i) => {
    const column = i % columns
    return {
      left: Math.round(column * cell) + rules.left,
      right: Math.round(width - (column + 1) * cell) + rules.right + extraRight,
      top: top + Math.floor(i / columns) * (panelHeight + PANEL_GAP + UNIT_NAME),
      height: panelHeight,
      ticks: Math.max(1, Math.min(5, Math.floor(panelHeight / (rules.fontSize * 2.4)))),
    }
  })
  return {
    profile,
    width,
    height,
    fontSize: rules.fontSize,
    milestoneFontSize: rules.milestoneFontSize,
    interactive: rules.interactive,
    slider: rules.slider,
    panels,
    milestoneLabels,
    labelRowHeight,
    pointBudget: Math.max(Math.round(plot.width), 100),
    columns,
    // Under LABEL_CLEARANCE × 2 with its hollow variant, so a figure still never reaches a milestone number.
    symbolSize: profile === 'slide' ? 11 : profile === 'present' ? 9 : 7,
    directLabels: fit ? { fontSize: fit.fontSize, distance: LABEL_GAP + milestoneOverhang(view, plot, rules.milestoneFontSize), width: fit.width - LABEL_GAP - 4 } : null,
  }
}

/**
 * The same layout as a still picture (the preview that stands in until the interactive chart
 * loads): same geometry, so nothing moves at the swap, but no tooltip and no slider, which would
 * not work in a picture.
 */
export function stillLayout(layout: ChartLayout): ChartLayout {
  return { ...layout, interactive: false, slider: false }
}

/**
 * Panels 0..count-1 split into pages in order, each page as many panels as `fits` accepts (always
 * at least one): a slide holds the panels it can show legibly, the next slide the rest.
 */
export function pagePanels(count: number, fits: (indexes: readonly number[]) => boolean): number[][] {
  // One page even with no panel: a view of milestones alone still gets its slide.
  if (count <= 1) return [range(0, count)]
  const pages: number[][] = []
  let start = 0
  while (start < count) {
    let end = start + 1
    while (end < count && fits(range(start, end + 1))) end++
    pages.push(range(start, end))
    start = end
  }
  return pages
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i)
