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
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_MODES } from '../core/breakdown'
import { wellFormed } from '../core/xmlText'
import { CHARTS_ORDERS, cleanWords, DEFAULT_VIEW, MILESTONE_SETS, SCALES, SERIES_SETS, TABS, VIEW_MODES, WORDS_MAX, type ViewState } from '../core/view'

export const QUERY_VERSION = '1'

export type Query = Record<string, string>

/** A parameter that could not be used, for the visible notice. */
export interface QueryNotice {
  readonly param: string
  readonly value: string
}

const LIST_SEP = ','

/** Parameters of the view state, in the order links write them. */
export const VIEW_PARAMS = ['ind', 'off', 'jur', 'cat', 'src', 'from', 'to', 'view', 'base', 'scale', 'ms', 'sr', 'bd', 'by', 'so', 'sp', 'cmp', 'cmpw', 'title', 'sub', 'note', 'tab', 'lang', 'v', 'own'] as const

/**
 * Parameters that belong to a screen rather than to the view (the Present slide): recognised,
 * kept as they are when the view rewrites the link, and never part of the view state.
 */
export const PAGE_PARAMS = ['slide'] as const

/** An id in a link: letters, digits and `_ . : ~ -`, as the data files write them. */
export const ID_PATTERN = /^[\p{L}\p{N}_.:~-]{1,120}$/u
/** A milestone's number in a link (`cmp`): digits, after an optional capital letter for a numbering of its own. */
export const MILESTONE_NUMBER = /^[A-Z]?[1-9]\d{0,4}$/
/** Years each side of a compared milestone (`cmpw`): 1 to 50. */
const WINDOW = /^([1-9]|[1-4]\d|50)$/
/** A year in a link: four digits, not starting with 0 (so it writes back the same). */
const YEAR = /^[1-9]\d{3}$/

const join = (values: readonly string[]): string => values.join(LIST_SEP)

/** An own milestone's id in a link, and how many a link may name. */
const OWN_ID = /^[a-z0-9]{8}$/
const OWN_IDS_MAX = 500

/** Serialises a view state: defaults left out, language and version always written. */
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
  if (state.milestones !== DEFAULT_VIEW.milestones) q.ms = state.milestones
  if (state.series !== DEFAULT_VIEW.series) q.sr = state.series
  if (state.breakdown !== DEFAULT_VIEW.breakdown) q.bd = state.breakdown
  if (state.by !== DEFAULT_VIEW.by) q.by = state.by
  if (state.chartsOrder !== DEFAULT_VIEW.chartsOrder) q.so = state.chartsOrder
  if (state.chartsPage !== DEFAULT_VIEW.chartsPage) q.sp = String(state.chartsPage)
  if (state.compare) q.cmp = state.compare
  if (state.compare && state.compareYears !== null) q.cmpw = String(state.compareYears)
  if (state.title) q.title = state.title
  if (state.subtitle) q.sub = state.subtitle
  if (state.note) q.note = state.note
  if (state.tab !== DEFAULT_VIEW.tab) q.tab = state.tab
  if (state.own?.length) q.own = join(state.own)
  q.lang = state.locale
  q.v = QUERY_VERSION
  // Half an emoji makes the router's encodeURI throw, and the address would stop following the view.
  for (const k of Object.keys(q)) q[k] = wellFormed(q[k]!)
  return q
}

/** A query as a `?a=1&b=2` search string (URL-encoded, in a stable order). */
export function toSearch(query: Readonly<Query>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) params.set(k, v)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** What the query parser checks ids against; lists it does not know are checked for shape only. */
export interface KnownIds {
  readonly indicators?: ReadonlySet<string>
  readonly sources?: ReadonlySet<string>
  /** Milestone numbers as the chart writes them (`cmp`). */
  readonly milestones?: ReadonlySet<string>
}

/**
 * Brings a link written by an older version of Vigie to the current format. Version 1 is the
 * first; a link without `v` is read as version 1.
 */
export function migrate(query: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  // `dataset` was written by early version-1 links but never had an effect: dropped without a notice.
  if (!('dataset' in query)) return query
  return Object.fromEntries(Object.entries(query).filter(([param]) => param !== 'dataset'))
}

/** Parses a query into a full, valid view state plus the parameters it had to drop. */
export function fromQuery(
  input: Readonly<Record<string, unknown>>,
  known: KnownIds = {},
  fallbackLocale: ViewState['locale'] = DEFAULT_VIEW.locale,
): { state: ViewState; notices: QueryNotice[] } {
  const notices: QueryNotice[] = []
  const query = migrate(input)
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
      if (allowed ? !allowed.has(item) : !ID_PATTERN.test(item)) notices.push({ param, value: item })
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
  /** A presenter's words: cleaned, and named in a notice when they had to be shortened or cleaned. */
  function words(param: string): string {
    const raw = text(param)
    if (raw === null) return ''
    const clean = cleanWords(raw)
    if (clean !== raw.trim()) notices.push({ param, value: raw.slice(0, 40) })
    return clean
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
    milestones: one('ms', MILESTONE_SETS, DEFAULT_VIEW.milestones),
    series: one('sr', SERIES_SETS, DEFAULT_VIEW.series),
    title: words('title'),
    subtitle: words('sub'),
    note: words('note'),
    tab: one('tab', TABS, DEFAULT_VIEW.tab),
    locale: one('lang', LOCALES, (LOCALES as readonly string[]).includes(fallbackLocale) ? fallbackLocale : DEFAULT_VIEW.locale),
    breakdown: one('bd', BREAKDOWN_MODES, DEFAULT_VIEW.breakdown),
    by: one('by', BREAKDOWN_DIMENSIONS, DEFAULT_VIEW.by),
    chartsOrder: one('so', CHARTS_ORDERS, DEFAULT_VIEW.chartsOrder),
    chartsPage: chartsPage(),
    ...compared(),
    ...ownIds(),
  }
  /** The milestone compared before and after, and its window: an unknown milestone is ignored with a notice. */
  function compared(): Pick<ViewState, 'compare' | 'compareYears'> {
    const raw = text('cmp')
    const window = text('cmpw')
    let compare = ''
    if (raw !== null && raw !== '') {
      if (MILESTONE_NUMBER.test(raw) && (!known.milestones || known.milestones.has(raw))) compare = raw
      else notices.push({ param: 'cmp', value: raw })
    }
    if (window === null || window === '' || !compare) return { compare, compareYears: null }
    if (WINDOW.test(window)) return { compare, compareYears: Number(window) }
    notices.push({ param: 'cmpw', value: window })
    return { compare, compareYears: null }
  }
  /** Own milestones' ids (8 letters or digits, at most OWN_IDS_MAX): anything else is dropped with a notice. */
  function ownIds(): { own?: string[] } {
    const raw = text('own')
    if (raw === null || raw === '') return {}
    const ids = [...new Set(raw.split(LIST_SEP).map((s) => s.trim()).filter(Boolean))]
    const kept = ids.filter((id) => OWN_ID.test(id)).slice(0, OWN_IDS_MAX)
    if (kept.length < ids.length) notices.push({ param: 'own', value: raw.slice(0, 40) })
    return kept.length ? { own: kept } : {}
  }
  /** A page of small charts: 1 to 9999 (past the last page, the last page is shown). */
  function chartsPage(): number {
    const raw = text('sp')
    if (raw === null || raw === '') return DEFAULT_VIEW.chartsPage
    if (/^[1-9]\d{0,3}$/.test(raw)) return Number(raw)
    notices.push({ param: 'sp', value: raw })
    return DEFAULT_VIEW.chartsPage
  }
  const recognised = new Set<string>([...VIEW_PARAMS, ...PAGE_PARAMS])
  for (const param of Object.keys(query)) {
    if (!recognised.has(param)) notices.push({ param, value: String(text(param) ?? '') })
  }
  return { state, notices }
}

const isYear = (y: unknown): boolean => y === null || (typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999)
function isList(value: unknown, ok: (item: string) => boolean): boolean {
  return Array.isArray(value) && value.every((x) => typeof x === 'string' && ok(x)) && new Set(value).size === value.length
}

/** Whether a value is a view state that links can carry exactly (what `fromQuery` always returns). */
export function isViewState(s: ViewState): boolean {
  const member = (values: readonly string[]) => (x: string) => values.includes(x)
  const id = (x: string) => ID_PATTERN.test(x)
  return (
    isList(s.indicators, id) &&
    isList(s.offences, member(OFFENCES)) &&
    isList(s.jurisdictions, member(JURISDICTIONS)) &&
    isList(s.categories, member(MILESTONE_CATEGORIES)) &&
    isList(s.sources, id) &&
    isYear(s.from) &&
    isYear(s.to) &&
    !(s.from !== null && s.to !== null && s.from > s.to) &&
    isYear(s.base) &&
    VIEW_MODES.includes(s.mode) &&
    SCALES.includes(s.scale) &&
    MILESTONE_SETS.includes(s.milestones) &&
    SERIES_SETS.includes(s.series) &&
    [s.title, s.subtitle, s.note].every((w) => typeof w === 'string' && w.length <= WORDS_MAX && cleanWords(w) === w) &&
    TABS.includes(s.tab) &&
    LOCALES.includes(s.locale) &&
    BREAKDOWN_MODES.includes(s.breakdown) &&
    BREAKDOWN_DIMENSIONS.includes(s.by) &&
    CHARTS_ORDERS.includes(s.chartsOrder) &&
    Number.isInteger(s.chartsPage) &&
    s.chartsPage >= 1 &&
    s.chartsPage <= 9999 &&
    typeof s.compare === 'string' &&
    (s.compare === '' || MILESTONE_NUMBER.test(s.compare)) &&
    (s.compareYears === null || (s.compare !== '' && WINDOW.test(String(s.compareYears)))) &&
    (s.own === undefined || (isList(s.own, (x) => OWN_ID.test(x)) && s.own.length > 0 && s.own.length <= OWN_IDS_MAX))
  )
}

/** Only the view parameters of a query, for comparing two links regardless of the screen's own. */
export function viewPart(query: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const page = new Set<string>(PAGE_PARAMS)
  return Object.fromEntries(Object.entries(query).filter(([k]) => !page.has(k)))
}

/** Only the screen's own parameters of a query (the Present slide), as strings. */
export function pagePart(query: Readonly<Record<string, unknown>>): Query {
  const out: Query = {}
  for (const k of PAGE_PARAMS) {
    const v = query[k]
    if (typeof v === 'string') out[k] = v
  }
  return out
}
