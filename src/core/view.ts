import type { BreakdownDimension, BreakdownMode } from './breakdown'
import type { Jurisdiction, Locale, MilestoneCategory, Offence } from './model'

export const VIEW_MODES = ['absolute', 'index', 'change'] as const
export type ViewMode = (typeof VIEW_MODES)[number]
export const SCALES = ['linear', 'log'] as const
export type Scale = (typeof SCALES)[number]
export const TABS = ['chart', 'table', 'sources'] as const
export type Tab = (typeof TABS)[number]

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
  readonly tab: Tab
  readonly locale: Locale
  /**
   * Imported datasets shown besides the bundled one, by id; empty means the default (every loaded
   * dataset). Carried as given: a link may name a dataset this browser has not imported.
   */
  readonly datasets: readonly string[]
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
  tab: 'chart',
  locale: 'en',
  datasets: [],
  breakdown: 'lines',
  by: 'region',
}
