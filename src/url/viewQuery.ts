/**
 * View state <-> query string. Defaults are left out, so a link carries only what the user
 * changed; `v` versions the format so old links can be migrated. Parsing never throws: an unknown
 * or malformed parameter falls back to its default and is reported as a notice.
 */
import {
  JURISDICTIONS,
  LOCALES,
  MILESTONE_CATEGORIES,
  OFFENCES,
} from '../core/model'
import { DEFAULT_VIEW, SCALES, TABS, VIEW_MODES, type ViewState } from '../core/view'

export const QUERY_VERSION = '1'

export type Query = Record<string, string>

/** A parameter that could not be used, for the visible notice. */
export interface QueryNotice {
  readonly param: string
  readonly value: string
}

const LIST_SEP = ','

const join = (values: readonly string[]): string => values.join(LIST_SEP)

export function toQuery(state: ViewState): Query {
  const q: Query = {}
  if (state.indicators.length) q.ind = join(state.indicators)
  if (state.offences.length) q.off = join(state.offences)
  if (state.jurisdictions.length) q.jur = join(state.jurisdictions)
  if (state.categories.length) q.cat = join(state.categories)
  if (state.sources.length) q.src = join(state.sources)
  if (state.from !== null) q.from = String(state.from)
  if (state.to !== null) q.to = String(state.to)
  if (state.mode !== DEFAULT_VIEW.mode) q.view = state.mode
  if (state.base !== null) q.base = String(state.base)
  if (state.scale !== DEFAULT_VIEW.scale) q.scale = state.scale
  if (state.tab !== DEFAULT_VIEW.tab) q.tab = state.tab
  q.lang = state.locale
  q.v = QUERY_VERSION
  return q
}

/** What the query parser checks ids against; lists it does not know are accepted as they are. */
export interface KnownIds {
  readonly indicators?: ReadonlySet<string>
  readonly sources?: ReadonlySet<string>
}

const YEAR = /^\d{4}$/

/** Parses a query into a full, valid view state plus the parameters it had to drop. */
export function fromQuery(query: Readonly<Record<string, unknown>>, known: KnownIds = {}, fallbackLocale = DEFAULT_VIEW.locale): { state: ViewState; notices: QueryNotice[] } {
  const notices: QueryNotice[] = []
  const text = (param: string): string | null => {
    const raw = query[param]
    const value = Array.isArray(raw) ? raw[0] : raw
    return typeof value === 'string' ? value : null
  }
  function list<T extends string>(param: string, allowed: ReadonlySet<string> | undefined): T[] {
    const raw = text(param)
    if (raw === null || raw === '') return []
    const out: T[] = []
    for (const item of raw.split(LIST_SEP)) {
      if (allowed && !allowed.has(item)) notices.push({ param, value: item })
      else if (!out.includes(item as T)) out.push(item as T)
    }
    return out
  }
  function one<T extends string>(param: string, allowed: readonly T[], fallback: T): T {
    const raw = text(param)
    if (raw === null) return fallback
    if ((allowed as readonly string[]).includes(raw)) return raw as T
    notices.push({ param, value: raw })
    return fallback
  }
  function year(param: string): number | null {
    const raw = text(param)
    if (raw === null || raw === '') return null
    if (YEAR.test(raw)) return Number(raw)
    notices.push({ param, value: raw })
    return null
  }
  const version = text('v')
  if (version !== null && version !== QUERY_VERSION) notices.push({ param: 'v', value: version })

  const from = year('from')
  let to = year('to')
  if (from !== null && to !== null && from > to) {
    notices.push({ param: 'to', value: String(to) })
    to = null
  }
  const state: ViewState = {
    indicators: list('ind', known.indicators),
    offences: list('off', new Set(OFFENCES)),
    jurisdictions: list('jur', new Set(JURISDICTIONS)),
    categories: list('cat', new Set(MILESTONE_CATEGORIES)),
    sources: list('src', known.sources),
    from,
    to,
    mode: one('view', VIEW_MODES, DEFAULT_VIEW.mode),
    base: year('base'),
    scale: one('scale', SCALES, DEFAULT_VIEW.scale),
    tab: one('tab', TABS, DEFAULT_VIEW.tab),
    locale: one('lang', LOCALES, fallbackLocale),
  }
  const recognised = new Set(['ind', 'off', 'jur', 'cat', 'src', 'from', 'to', 'view', 'base', 'scale', 'tab', 'lang', 'v'])
  for (const param of Object.keys(query)) {
    if (!recognised.has(param)) notices.push({ param, value: String(text(param) ?? '') })
  }
  return { state, notices }
}
