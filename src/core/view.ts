import type { BreakdownDimension, BreakdownMode } from './breakdown'
import type { Jurisdiction, Locale, MilestoneCategory, Offence } from './model'
import { cutText } from './xmlText'

export const VIEW_MODES = ['absolute', 'index', 'change'] as const
export type ViewMode = (typeof VIEW_MODES)[number]
export const SCALES = ['linear', 'log'] as const
export type Scale = (typeof SCALES)[number]
export const TABS = ['chart', 'table', 'sources'] as const
export type Tab = (typeof TABS)[number]
/** Which milestones the chart draws: the key ones (default) or all of them. */
export const MILESTONE_SETS = ['key', 'all'] as const
export type MilestoneSet = (typeof MILESTONE_SETS)[number]
/** Which series a view without a choice of indicators draws: the key ones (default) or all of them. */
export const SERIES_SETS = ['key', 'all'] as const
export type SeriesSet = (typeof SERIES_SETS)[number]
/** The order of small charts after the whole: the largest first, or by name. */
export const CHARTS_ORDERS = ['size', 'name'] as const
export type ChartsOrder = (typeof CHARTS_ORDERS)[number]

/**
 * Everything that defines what the user sees: the URL-ready state. Empty lists mean "no filter"
 * (all), so the default view is the empty state and a link carries only what the user changed.
 */
export interface ViewState {
  readonly indicators: readonly string[]
  readonly offences: readonly Offence[]
  readonly jurisdictions: readonly Jurisdiction[]
  readonly categories: readonly MilestoneCategory[]
  readonly sources: readonly string[]
  /** First and last year shown (inclusive), or null for the data's own range. */
  readonly from: number | null
  readonly to: number | null
  readonly mode: ViewMode
  /** Base year of the index view; null means each series' first year. */
  readonly base: number | null
  readonly scale: Scale
  readonly milestones: MilestoneSet
  /** Without a choice of indicators: the key series (one message) or every series ("Show all series"). */
  readonly series: SeriesSet
  /** The presenter's own words for the chart (empty: the generated title and subtitle, no note). */
  readonly title: string
  readonly subtitle: string
  readonly note: string
  readonly tab: Tab
  readonly locale: Locale
  /** How broken-down figures are drawn (src/core/breakdown.ts): one line per value, their total, small charts. */
  readonly breakdown: BreakdownMode
  /** The dimension the breakdown mode applies to. */
  readonly by: BreakdownDimension
  /** Small charts: their order after the whole, and the page shown (from 1; a page holds CHARTS_PER_PAGE). */
  readonly chartsOrder: ChartsOrder
  readonly chartsPage: number
  /**
   * "Compare before and after" (src/core/compare.ts): the milestone's number as the chart and its key
   * write it ('' : none), and the window in years each side (null: every figure drawn).
   */
  readonly compare: string
  readonly compareYears: number | null
  /**
   * The reader's own milestones the view shows, by id (src/core/ownMilestones.ts): kept in the
   * sender's browser only, so a link names them and whoever opens it without them is told how
   * many are not shown. Absent or empty: none.
   */
  readonly own?: readonly string[]
}

export const DEFAULT_VIEW: ViewState = {
  indicators: [],
  offences: [],
  jurisdictions: [],
  categories: [],
  sources: [],
  from: null,
  to: null,
  mode: 'absolute',
  base: null,
  scale: 'linear',
  milestones: 'key',
  series: 'key',
  title: '',
  subtitle: '',
  note: '',
  tab: 'chart',
  locale: 'en',
  breakdown: 'lines',
  by: 'region',
  chartsOrder: 'size',
  chartsPage: 1,
  compare: '',
  compareYears: null,
}

/** The longest title, subtitle or note a link carries. */
export const WORDS_MAX = 200

/**
 * A presenter's words as a link and an export may carry them: one line, no control characters,
 * trimmed, cut by whole characters (never inside an emoji: half of one breaks the address and every file).
 */
export function cleanWords(text: string): string {
  // eslint-disable-next-line no-control-regex
  return cutText(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim(), WORDS_MAX).trim()
}
