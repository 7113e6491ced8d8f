/**
 * The canonical data model of Vigie (DESIGN section 2). Each stage of the pipeline has its own
 * type: raw CSV row (strings) -> these typed records -> series -> chart spec -> ECharts option.
 */

export const OFFENCES = ['csam', 'grooming', 'sextortion', 'sexting', 'online_harassment', 'general'] as const
export type Offence = (typeof OFFENCES)[number]

export const UNITS = [
  'count',
  'percent',
  'percent_change',
  'multiple',
  'rate_per_100k',
  'target_percent_yearly',
] as const
export type Unit = (typeof UNITS)[number]

/** What a series is drawn in: a data unit, or `index` (base period = 100) in the index view. */
export type DisplayUnit = Unit | 'index'

/** Units that express a figure relative to another one: they need a baseline and never share an axis with counts. */
export const RELATIVE_UNITS: readonly Unit[] = ['percent_change', 'multiple', 'target_percent_yearly']

export const STATUSES = ['reported', 'provisional', 'estimate'] as const
export type Status = (typeof STATUSES)[number]

export const MILESTONE_CATEGORIES = [
  'law',
  'regulation',
  'convention',
  'eu_directive',
  'policy',
  'report',
  'campaign',
  'project',
  'event',
] as const
export type MilestoneCategory = (typeof MILESTONE_CATEGORIES)[number]

export const JURISDICTIONS = [
  'BE',
  'BE-Flanders',
  'BE-Wallonia-Brussels',
  'BE-German-speaking',
  'EU',
  'CoE',
  'UN',
  'Global',
] as const
export type Jurisdiction = (typeof JURISDICTIONS)[number]

export const LOCALES = ['en', 'fr', 'nl', 'de'] as const
export type Locale = (typeof LOCALES)[number]

export type Localized = Record<Locale, string>

/** Baselines a relative figure may name besides an ISO period. */
export const BASELINE_NOT_STATED = 'not stated'
export const BASELINE_PREVIOUS_PERIOD = 'previous period'

export type Precision = 'year' | 'month' | 'day'

/** An ISO 8601 period: a year, a month, a day, or an interval between two of those. */
export interface Period {
  /** The text as written in the data, e.g. `2020-03-18/2020-07-15`. */
  readonly text: string
  readonly kind: Precision | 'interval'
  /** Start of the period: UTC midnight of its first day, in ms since the epoch (see period.ts). */
  readonly start: number
  /** End of the period, exclusive: UTC midnight after its last day. */
  readonly end: number
  /** Where the point is drawn: the middle of the period. */
  readonly mid: number
}

export interface Source {
  readonly id: string
  readonly title: string
  readonly publisher: string
  readonly date: string
  readonly url: string
  readonly languages: readonly string[]
  /** File name of the seed document, when the source is one (for the quote checks; never shown as a citation). */
  readonly document: string
  /** When the source was last checked against its page (`2026-12`, ISO month or day); absent in files without the column. */
  readonly checked?: string
  /**
   * Title and publisher in French, Dutch and German where the data give them (`title_fr`… in
   * sources.csv); absent or '' means the original is used. Read through `sourceIn`.
   */
  readonly translated?: { readonly [L in Exclude<Locale, 'en'>]?: { readonly title: string; readonly publisher: string } }
}

/** A source as a reader of a language cites it: its title and publisher in that language where the data have them. */
export function sourceIn(source: Source, locale: Locale): Source {
  const local = locale === 'en' ? undefined : source.translated?.[locale]
  if (!local) return source
  return { ...source, title: local.title || source.title, publisher: local.publisher || source.publisher }
}

/** Another indicator named by id, with its label, so a reader can say "part of …" without a lookup. */
export interface IndicatorRef {
  readonly id: string
  readonly label: Localized
}

export interface Indicator {
  readonly id: string
  readonly offence: Offence
  readonly unit: Unit
  /** For a relative indicator: the count indicator whose change it describes (consistency checks). */
  readonly comparesTo: string
  /**
   * The indicator this one is a subset of (hotline reports within sexual-exploitation files): same
   * unit, and nothing may add the two. Null when it is no one's part.
   */
  readonly partOf: IndicatorRef | null
  readonly label: Localized
  /**
   * A shorter label for tight places (the legend, line labels) where the full one would wrap or be
   * cut; null when the data give none (the full label is used).
   */
  readonly short: Localized | null
  readonly description: Localized
  /** What the number is not ("reports to a hotline, not a measure of prevalence"); empty strings when none. */
  readonly caveat: Localized
  /** Which dataset the indicator comes from (`bundled`, or an imported dataset's id). */
  readonly dataset: string
  /**
   * For each language the data give no label in, the language whose label is shown instead
   * (languages.ts, FALLBACK_ORDER); absent when every label is the language's own.
   */
  readonly shownIn?: Partial<Record<Locale, Locale>>
  /**
   * `key` series are drawn by default (the view's one message), `secondary` ones on "Show all
   * series" or when chosen; absent (imported data, files without the column) counts as key.
   */
  readonly importance?: MilestoneImportance
  /**
   * The organisation whose statistic the indicator is (Child Focus, NCMEC, Eurostat…), which a
   * source may only relay; citations credit it. Absent when the data name no one (imported files).
   */
  readonly producer?: Localized
}

export interface Observation {
  readonly indicator: string
  readonly period: Period
  readonly value: number
  readonly baseline: string
  readonly ageGroup: string
  readonly gender: string
  readonly region: string
  readonly status: Status
  readonly source: string
  readonly quote: string
  readonly note: string
  /** Where the figure stands in its file, for error messages and audit. */
  readonly origin: Origin
}

/** How much a milestone matters to the story: key ones are shown by default, secondary ones on request. */
export const MILESTONE_IMPORTANCES = ['key', 'secondary'] as const
export type MilestoneImportance = (typeof MILESTONE_IMPORTANCES)[number]

export interface Milestone {
  /** Stable key: date + first words of the English title. */
  readonly id: string
  readonly date: Period
  readonly endDate: Period | null
  readonly precision: Precision
  readonly category: MilestoneCategory
  readonly jurisdiction: Jurisdiction
  readonly offences: readonly Offence[]
  readonly importance: MilestoneImportance
  readonly title: Localized
  /** For each language the data give no title in, the language shown instead; absent when none. */
  readonly shownIn?: Partial<Record<Locale, Locale>>
  readonly source: string
  readonly quote: string
  readonly note: string
  readonly origin: Origin
  /**
   * Set on the reader's own milestones (src/core/ownMilestones.ts): their number among the reader's
   * own ("Y3"), their link (http or https, or ''), and the set they belong to. Absent on the data's.
   */
  readonly own?: { readonly seq: number; readonly link: string; readonly set: string }
}

export interface Origin {
  readonly file: string
  readonly line: number
}

/**
 * Figures held in columns (src/core/figures.ts): what the pipeline reads. The block's shape is
 * the model's, so it lives here beside `Observation`.
 */
/**
 * The text fields of a figure, each a dictionary-coded column: the one list a new optional text
 * column is added to (then its reader fills it; `row` and every column walk follow this list).
 */
export const TEXT_COLUMNS = ['baseline', 'ageGroup', 'gender', 'region', 'source', 'quote', 'note'] as const
export type TextColumn = (typeof TEXT_COLUMNS)[number]

/** One text column: a code per row into the block's `strings`, or one text every row shares (an imported file's source). */
export type TextCodes = Uint32Array | string

/** A block of figures from one origin (the bundled data, or one imported file), held in columns. */
export interface FigureBlock {
  readonly length: number
  /** Index into `indicators` (full, namespaced ids). */
  readonly indicator: Uint32Array
  readonly indicators: readonly string[]
  /** Index into `periods`: each distinct period parsed once. */
  readonly period: Uint32Array
  readonly periods: readonly Period[]
  readonly value: Float64Array
  /** Index into STATUSES. */
  readonly status: Uint8Array
  readonly text: { readonly [C in TextColumn]: TextCodes }
  readonly strings: readonly string[]
  /** The file and line each figure comes from (audit, error messages). */
  readonly file: string
  readonly line: Uint32Array
  /**
   * Row `i` as an object: made on first use and kept, so the same row is always the same object
   * (withheld figures and consistency checks are keyed by it). Only shown rows are ever made.
   */
  row(i: number): Observation
}

export interface Dataset {
  readonly sources: readonly Source[]
  readonly indicators: readonly Indicator[]
  /**
   * Every figure as an object. Readers, scripts and tests use it; the app reads the columns
   * (`figuresOf` in figures.ts) and, for a dataset held in columns, never reads this (it would
   * make an object per figure).
   */
  readonly observations: readonly Observation[]
  /** The figures in columns, when the dataset is held that way (imports, the merged dataset); else made once from `observations`. */
  readonly figures?: readonly FigureBlock[]
  readonly milestones: readonly Milestone[]
}

/** A problem found in a file: what is wrong and exactly where. Bad data is a value, never a throw. */
export interface DataIssue {
  readonly file: string
  /** 1-based line in the file (the header is line 1). */
  readonly line: number
  /** 1-based column number, 0 when the problem concerns the whole row or file. */
  readonly column: number
  /** Column name, when known. */
  readonly field: string
  readonly code: IssueCode
  readonly message: string
}

export type IssueCode =
  | 'csv_syntax'
  | 'missing_column'
  | 'ragged_row'
  | 'empty_required'
  | 'unknown_vocabulary'
  | 'unknown_indicator'
  | 'unknown_source'
  | 'malformed_period'
  | 'not_a_number'
  | 'relative_without_baseline'
  | 'baseline_on_absolute'
  | 'missing_quote'
  | 'quote_not_in_document'
  | 'published_figure_missing'
  | 'source_without_reference'
  | 'missing_translation'
  | 'duplicate_key'
  | 'duplicate_id'
  | 'precision_mismatch'
  | 'bad_part_of'
  | 'bad_short_label'
  | 'bad_checked_date'
  | 'misplaced_series_break'
  | 'proposal_marked_key'
  | 'undated_release'

export function formatIssue(issue: DataIssue): string {
  const where = issue.column > 0 ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file}:${issue.line}`
  const field = issue.field ? ` [${issue.field}]` : ''
  return `${where}${field} ${issue.message}`
}
