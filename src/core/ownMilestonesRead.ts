/**
 * Reading and checking the reader's own milestones (src/core/ownMilestones.ts): a milestones file's
 * header (EN, FR, NL), each row or the form's fields checked with the same rules, a stored set
 * checked before it is used, and a set written back as data/milestones.csv's columns.
 */
import { unneutraliseFormulas, neutraliseFormulas } from './csvSafe'
import { parseTable } from './csv/table'
import { dict, own } from './dict'
import { JURISDICTIONS, LOCALES, MILESTONE_CATEGORIES, OFFENCES, type DataIssue, type Locale, type Localized, type MilestoneCategory, type Offence } from './model'
import { FALLBACK_ORDER } from './languages'
import { parsePeriod, periodPrecision } from './period'
import { normalisePeriodWithForm } from './import/periods'
import { xmlSafe } from './xmlText'
import { OWN_FIELDS, OWN_CSV_COLUMNS, OWN_FORMAT, OWN_MAX, OWN_NOTE_MAX, OWN_TITLE_MAX, ownTitle, precisionOf, type OwnField, type OwnMilestone, type OwnProblem, type OwnProblemCode, type OwnSet } from './ownMilestones'

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

/** Text as kept: Vigie's own formula apostrophes undone, controls and bidi overrides dropped, one line for a title. */
export function cleanText(raw: string, oneLine: boolean): string {
  const text = xmlSafe(unneutraliseFormulas(raw).replace(CONTROL, ''))
  return (oneLine ? text.replace(/[\t\r\n]+/g, ' ') : text.replace(/\r\n?/g, '\n')).trim()
}

/** A link kept only when it is http or https (no `javascript:`, `data:`, `file:`). */
export function safeLink(raw: string): string | null {
  const text = raw.trim()
  if (!text) return ''
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Header words for each field (lower case, accents removed, spaces as `_`): EN, FR, NL and the canonical names. */
const HEADER_WORDS: Readonly<Record<OwnField, readonly string[]>> = {
  date: ['date', 'datum', 'start', 'start_date', 'date_debut', 'date_de_debut', 'begindatum', 'startdatum', 'periode', 'period', 'jaar', 'annee', 'year'],
  end_date: ['end_date', 'end', 'date_fin', 'date_de_fin', 'fin', 'einddatum', 'eind', 'tot'],
  precision: ['precision', 'precisie', 'nauwkeurigheid'],
  category: ['category', 'categorie', 'type', 'soort'],
  jurisdiction: ['jurisdiction', 'juridiction', 'jurisdictie', 'bevoegdheid', 'niveau', 'level'],
  offences: ['offences', 'offence', 'offenses', 'infractions', 'infraction', 'misdrijven', 'misdrijf', 'delicten'],
  title_en: ['title_en', 'titre_en', 'titel_en', 'title', 'titre', 'titel', 'intitule', 'naam', 'name', 'nom', 'omschrijving', 'libelle'],
  title_fr: ['title_fr', 'titre_fr', 'titel_fr'],
  title_nl: ['title_nl', 'titre_nl', 'titel_nl'],
  title_de: ['title_de', 'titre_de', 'titel_de'],
  source: ['source', 'bron', 'lien', 'link', 'url', 'source_url'],
  note: ['note', 'notes', 'remarque', 'remarques', 'opmerking', 'opmerkingen', 'commentaire', 'comment', 'notitie'],
}

/** A header cell as compared with the words: lower case, no accents, `_` for spaces and dashes. */
export function headerKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[\s\-.]+/g, '_')
}

/** Which column each field is read from (-1: none). */
export type OwnMapping = Readonly<Record<OwnField, number>>

/** Columns that say a file holds figures, not milestones. */
const FIGURE_WORDS = new Set(['value', 'valeur', 'waarde', 'indicator', 'indicateur', 'indicator_id', 'aantal', 'nombre', 'count'])

/**
 * The mapping of a milestones file from its header, or null when it is not one: it needs a date
 * column and a title column, and no column of figures. A plain "title" is read as the title in
 * every language the file does not give.
 */
export function milestonesMapping(header: readonly string[]): OwnMapping | null {
  const keys = header.map(headerKey)
  if (keys.some((k) => FIGURE_WORDS.has(k))) return null
  const mapping = dict<number>()
  for (const field of OWN_FIELDS) {
    // The first word in the list wins over a later one (`title_en` before a plain `title`).
    let found = -1
    for (const word of HEADER_WORDS[field]) {
      found = keys.findIndex((k, c) => k === word && !Object.values(mapping).includes(c))
      if (found >= 0) break
    }
    mapping[field] = found
  }
  if (mapping.date! < 0 || (mapping.title_en! < 0 && mapping.title_fr! < 0 && mapping.title_nl! < 0 && mapping.title_de! < 0)) return null
  return mapping as OwnMapping
}

/** The fields of a milestone as typed or read, before checking. */
export type OwnInput = Readonly<Record<OwnField, string>>

export const EMPTY_INPUT: OwnInput = Object.freeze(dict(OWN_FIELDS.map((f) => [f, ''] as const))) as OwnInput

const CATEGORY_WORDS: ReadonlyMap<string, MilestoneCategory> = new Map([
  ...MILESTONE_CATEGORIES.map((c) => [c, c] as const),
  ['loi', 'law'], ['wet', 'law'], ['reglement', 'regulation'], ['regeling', 'regulation'], ['besluit', 'regulation'], ['arrete', 'regulation'],
  ['directive', 'eu_directive'], ['richtlijn', 'eu_directive'], ['politique', 'policy'], ['beleid', 'policy'], ['rapport', 'report'],
  ['verslag', 'report'], ['campagne', 'campaign'], ['projet', 'project'], ['project', 'project'], ['evenement', 'event'], ['gebeurtenis', 'event'],
])

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

/** A date as users write it (ISO, 15/07/2020, 07/2020) as an ISO year, month or day; null otherwise. */
function isoDate(raw: string): string | null {
  const found = normalisePeriodWithForm(raw)
  if (!found) return null
  const period = parsePeriod(found.text)
  return period && period.kind !== 'interval' ? found.text : null
}

/**
 * Checks the fields of one milestone (a file's row or the form): the milestone without its id
 * and number, or the problems, each naming its field. Every field is checked, so a row's report
 * names all its problems at once.
 */
export function checkOwnInput(input: OwnInput): { value: Omit<OwnMilestone, 'id' | 'seq'> | null; problems: OwnProblem[] } {
  const problems: OwnProblem[] = []
  const say = (field: OwnField, code: OwnProblemCode, value = input[field]) => problems.push({ field, code, value: short(cleanText(value, true)) })
  const dateText = input.date.trim()
  const date = dateText ? isoDate(dateText) : null
  if (!dateText) say('date', 'date_missing')
  else if (!date) say('date', 'date_malformed')
  const endText = input.end_date.trim()
  const endDate = endText ? isoDate(endText) : ''
  if (endText && !endDate) say('end_date', 'end_malformed')
  else if (date && endDate && parsePeriod(endDate)!.end <= parsePeriod(date)!.start) say('end_date', 'end_before_start')
  const precision = input.precision.trim().toLowerCase()
  if (date && precision && periodPrecision(parsePeriod(date)!) !== precision) say('precision', 'precision_mismatch')
  const categoryText = headerKey(input.category)
  const category = categoryText ? CATEGORY_WORDS.get(categoryText) : 'event'
  if (!category) say('category', 'unknown_category')
  const jurisdictionText = input.jurisdiction.trim()
  const jurisdiction = jurisdictionText ? JURISDICTIONS.find((j) => j.toLowerCase() === jurisdictionText.toLowerCase()) : ''
  if (jurisdiction === undefined) say('jurisdiction', 'unknown_jurisdiction')
  const offences: Offence[] = []
  for (const word of input.offences.split(/[;,|]/).map((o) => o.trim().toLowerCase()).filter(Boolean)) {
    const offence = OFFENCES.find((o) => o === word)
    if (!offence) say('offences', 'unknown_offence', word)
    else if (!offences.includes(offence)) offences.push(offence)
  }
  const given = dict(LOCALES.map((l) => [l, cleanText(input[`title_${l}`], true)] as const))
  const first = LOCALES.map((l) => own(given, l) ?? '').find(Boolean) ?? ''
  if (!first) say('title_en', 'title_missing')
  for (const l of LOCALES) if ([...(given[l] ?? '')].length > OWN_TITLE_MAX) say(`title_${l}`, 'title_too_long')
  const note = cleanText(input.note, false)
  if ([...note].length > OWN_NOTE_MAX) say('note', 'note_too_long')
  const source = safeLink(cleanText(input.source, true))
  if (source === null) say('source', 'bad_link')
  if (problems.length > 0 || !date || !category || jurisdiction === undefined || source === null) return { value: null, problems }
  // A language left empty shows another's: German in its stated order (languages.ts), else the first given.
  const fallback = (l: Locale): string => FALLBACK_ORDER[l].map((x) => own(given, x) ?? '').find(Boolean) || first
  const title = dict(LOCALES.map((l) => [l, fallback(l)] as const)) as Localized
  return {
    value: { date, endDate: endDate || '', category, jurisdiction, offences: offences.length ? offences : ['general'], title, source, note },
    problems,
  }
}

/** A new random id (8 lower-case letters and digits); `random` is injected for tests. */
export function newOwnId(random: () => number = Math.random): string {
  let id = ''
  for (let i = 0; i < 8; i++) id += 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32) % 32]
  return id
}

/** The next number to give: one past the highest ever given (`given`, kept beside the sets, so a deleted number is never reused). */
export function nextSeq(sets: readonly OwnSet[], given = 0): number {
  let high = given
  for (const s of sets) for (const m of s.milestones) high = Math.max(high, m.seq)
  return high + 1
}

/** A problem of a file's row: the line, the column, and the field's problem. */
export interface OwnRowIssue extends OwnProblem {
  readonly line: number
  /** 1-based column; 0 for the whole row. */
  readonly column: number
}

export interface OwnFileRead {
  readonly milestones: readonly Omit<OwnMilestone, 'id' | 'seq'>[]
  readonly issues: readonly OwnRowIssue[]
  /** Syntax problems of the CSV itself (an unclosed quote, a ragged row), with their line. */
  readonly syntax: readonly DataIssue[]
  readonly rows: number
}

/**
 * Reads a milestones file: each row checked by `checkOwnInput`, a bad row left out and named by
 * line and column, the others kept. At most OWN_MAX milestones are read.
 */
export function readMilestonesFile(text: string, file: string, mapping: OwnMapping, delimiter = ','): OwnFileRead {
  const { value: table, issues: syntax } = parseTable(file, xmlSafe(text), delimiter)
  const milestones: Omit<OwnMilestone, 'id' | 'seq'>[] = []
  const issues: OwnRowIssue[] = []
  for (const row of table.rows.slice(0, OWN_MAX)) {
    const input = dict(OWN_FIELDS.map((f) => [f, mapping[f] >= 0 ? (row.cells[mapping[f]] ?? '') : ''] as const)) as OwnInput
    const { value, problems } = checkOwnInput(input)
    for (const p of problems) issues.push({ ...p, line: row.line, column: mapping[p.field] >= 0 ? mapping[p.field] + 1 : 0 })
    if (value) milestones.push(value)
  }
  return { milestones, issues, syntax, rows: table.rows.length }
}

function csvCell(value: string): string {
  const text = neutraliseFormulas(value)
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** A set as CSV in data/milestones.csv's columns (UTF-8, comma); the link is the source column. */
export function ownSetCsv(set: OwnSet): string {
  const lines = [OWN_CSV_COLUMNS.join(',')]
  for (const m of set.milestones) {
    // The form's fields are the file's columns, plus what a hand-made milestone leaves at its default.
    const row: Record<(typeof OWN_CSV_COLUMNS)[number], string> = { ...inputOf(m), precision: precisionOf(m.date), quote: '', importance: 'key' }
    lines.push(OWN_CSV_COLUMNS.map((c) => csvCell(row[c])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

const isString = (v: unknown): v is string => typeof v === 'string'

/** Why a stored set cannot be used (damaged, or written by another version), or null. */
export function checkOwnSet(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not a record'
  const s = value as Record<string, unknown>
  if (s.format !== OWN_FORMAT) return `stored in format ${String(s.format)}, this version reads format ${OWN_FORMAT}`
  if (!isString(s.id) || !/^[\w-]{1,64}$/.test(s.id) || !isString(s.name) || typeof s.hidden !== 'boolean' || !isString(s.createdAt) || typeof s.byHand !== 'boolean') return 'bad description'
  if (!Array.isArray(s.milestones) || s.milestones.length > OWN_MAX) return 'bad milestone list'
  for (const [i, raw] of (s.milestones as unknown[]).entries()) {
    const reason = checkStoredMilestone(raw)
    if (reason) return `milestone ${i + 1}: ${reason}`
  }
  return null
}

function checkStoredMilestone(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'not a record'
  const m = raw as Record<string, unknown>
  if (!isString(m.id) || !/^[a-z0-9]{8}$/.test(m.id)) return 'bad id'
  if (typeof m.seq !== 'number' || !Number.isInteger(m.seq) || m.seq < 1) return 'bad number'
  const title = m.title as Record<string, unknown> | null
  // A milestone stored before German has no German title: it shows another (see checkOwnInput).
  if (typeof title !== 'object' || title === null || !LOCALES.every((l) => isString(title[l]) || (l === 'de' && title[l] === undefined))) return 'bad title'
  if (!Array.isArray(m.offences) || !m.offences.every((o) => isString(o))) return 'bad offences'
  const input: OwnInput = {
    date: isString(m.date) ? m.date : '',
    end_date: isString(m.endDate) ? m.endDate : '',
    precision: '',
    category: isString(m.category) ? m.category : '?',
    jurisdiction: isString(m.jurisdiction) ? m.jurisdiction : '?',
    offences: (m.offences as string[]).join(';'),
    title_en: title.en as string,
    title_fr: title.fr as string,
    title_nl: title.nl as string,
    title_de: isString(title.de) ? title.de : '',
    source: isString(m.source) ? m.source : '',
    note: isString(m.note) ? m.note : '',
  }
  const { value, problems } = checkOwnInput(input)
  if (!value) return problems.map((p) => `${p.field}: ${p.code}`).join(', ')
  // Stored text must be what checking keeps: a record edited by hand with controls in it is damaged.
  if (value.date !== m.date || value.note !== m.note || LOCALES.some((l) => title[l] !== value.title[l] && !(l === 'de' && title[l] === undefined))) return 'text not as stored'
  return null
}

/** The form's fields for an own milestone being edited. */
export function inputOf(m: OwnMilestone): OwnInput {
  return {
    date: m.date,
    end_date: m.endDate,
    precision: '',
    category: m.category,
    jurisdiction: m.jurisdiction,
    offences: m.offences.join(';'),
    title_en: m.title.en,
    title_fr: m.title.fr,
    title_nl: m.title.nl,
    title_de: ownTitle(m).de,
    source: m.source,
    note: m.note,
  }
}
