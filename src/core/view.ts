import type { BreakdownDimension, BreakdownMode } from './breakdown'
import type { Jurisdiction, Locale, MilestoneCategory, Offence } from './model'

export const VIEW_MODES = ['absolute', 'index', 'change'] as const
export type ViewMode = (typeof VIEW_MODES)[number]
export const SCALES = ['linear', 'log'] as const
export type Scale = (typeof SCALES)[number]
export const TABS = ['chart', 'table', 'sources'] as const
export type Tab = (typeof TABS)[number]
/** Which milestones the chart draws: the key ones (default) or all of them. */
export const MILESTONE_SETS = ['key', 'all'] as const
export type MilestoneSet = (typeof MILESTONE_SETS)[number]

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
  readonly tab: Tab
  readonly locale: Locale
  /** How broken-down figures are drawn (src/core/breakdown.ts): one line per value, their total, small charts. */
  readonly breakdown: BreakdownMode
  /** The dimension the breakdown mode applies to. */
  readonly by: BreakdownDimension
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
  tab: 'chart',
  locale: 'en',
  breakdown: 'lines',
  by: 'region',
}
