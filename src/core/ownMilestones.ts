/**
 * The reader's own milestones, as kept and drawn (reading and checking: ownMilestonesRead.ts): read from a milestones file (the columns of data/milestones.csv, named
 * in English, French or Dutch) or typed in a form, checked field by field with the same rules, kept
 * as sets (one per imported file, one for those added by hand), numbered apart from the data set's
 * ("Y1", "Y2": in the order they were made, never reused), and written back as canonical CSV.
 * Hostile text is neutralised as in imported figures: formula apostrophes Vigie wrote are undone,
 * characters XML forbids and control characters become harmless, CSV cells are neutralised on export.
 */
import type { Jurisdiction, Localized, Milestone, MilestoneCategory, Offence, Precision } from './model'
import { parsePeriod, periodPrecision } from './period'

/** The fields of an own milestone, in the order of data/milestones.csv. */
export const OWN_FIELDS = ['date', 'end_date', 'precision', 'category', 'jurisdiction', 'offences', 'title_en', 'title_fr', 'title_nl', 'title_de', 'source', 'note'] as const
export type OwnField = (typeof OWN_FIELDS)[number]

/** The columns an export writes: data/milestones.csv's, in its order. */
// `title_de` last, as in data/milestones.csv (German came after the other columns).
export const OWN_CSV_COLUMNS = ['date', 'end_date', 'precision', 'category', 'jurisdiction', 'offences', 'title_en', 'title_fr', 'title_nl', 'source', 'quote', 'note', 'importance', 'title_de'] as const

/** Longest title and note kept (longer text is a pasted document, not a milestone). */
export const OWN_TITLE_MAX = 300
export const OWN_NOTE_MAX = 2000
/** Own milestones one reader may keep: the chart and its key stay readable far below it. */
export const OWN_MAX = 500
/** Format of a stored set; another one is set aside. */
export const OWN_FORMAT = 1

/** One own milestone as stored: plain text fields, checked. */
export interface OwnMilestone {
  /** Random, 8 letters or digits: what a link names. */
  readonly id: string
  /** Its number among the reader's own ("Y3"): given once, in creation order, never reused. */
  readonly seq: number
  readonly date: string
  readonly endDate: string
  readonly category: MilestoneCategory
  readonly jurisdiction: Jurisdiction | ''
  readonly offences: readonly Offence[]
  /** In the languages given; an empty one shows the first given. */
  readonly title: Localized
  /** An http(s) link, or ''. */
  readonly source: string
  readonly note: string
}

/** A set of own milestones: one imported file, or those added by hand. Listed with imported datasets. */
export interface OwnSet {
  readonly id: string
  readonly name: string
  readonly hidden: boolean
  readonly createdAt: string
  readonly byHand: boolean
  readonly milestones: readonly OwnMilestone[]
}

/** A field's problem: a code the screen words in the reader's language. */
export type OwnProblemCode =
  | 'date_missing'
  | 'date_malformed'
  | 'end_malformed'
  | 'end_before_start'
  | 'precision_mismatch'
  | 'title_missing'
  | 'title_too_long'
  | 'note_too_long'
  | 'unknown_category'
  | 'unknown_jurisdiction'
  | 'unknown_offence'
  | 'bad_link'

export interface OwnProblem {
  readonly field: OwnField
  readonly code: OwnProblemCode
  /** The cell as written (shortened), for the message. */
  readonly value: string
}

export const OWN_TAG_PREFIX = 'Y'
export const ownTag = (seq: number): string => `${OWN_TAG_PREFIX}${seq}`

/** The precision a stored date has. */
export function precisionOf(date: string): Precision {
  const period = parsePeriod(date)
  return period && period.kind !== 'interval' ? periodPrecision(period) : 'day'
}

/**
 * An own milestone's title in every language. One stored before German was a language has no German
 * title: it shows the French one, as German falls back (languages.ts; the French is always filled).
 */
export function ownTitle(m: Pick<OwnMilestone, 'title'>): Localized {
  return typeof (m.title as Partial<Localized>).de === 'string' ? m.title : { ...m.title, de: m.title.fr }
}

/** An own milestone in the model every surface draws: marked as the reader's, numbered apart. */
export function ownToMilestone(m: OwnMilestone, set: Pick<OwnSet, 'name'>): Milestone | null {
  const date = parsePeriod(m.date)
  const endDate = m.endDate ? parsePeriod(m.endDate) : null
  if (!date || date.kind === 'interval' || (m.endDate && !endDate)) return null
  return {
    id: `own:${m.id}`,
    date,
    endDate,
    precision: precisionOf(m.date),
    category: m.category,
    jurisdiction: m.jurisdiction || 'BE',
    offences: m.offences,
    importance: 'key',
    title: ownTitle(m),
    source: '',
    quote: '',
    note: m.note,
    origin: { file: set.name, line: 0 },
    own: { seq: m.seq, link: m.source, set: set.name },
  }
}

/** The milestones of the visible sets, in the model. */
export function ownMilestonesOf(sets: readonly OwnSet[]): Milestone[] {
  return sets.filter((s) => !s.hidden).flatMap((s) => s.milestones.flatMap((m) => ownToMilestone(m, s) ?? []))
}

