import { OFFENCES, UNITS, type Offence, type Unit } from '../model'
import type { Encoding } from './encoding'
import type { NumberFormat } from './numbers'
import type { Newline, QuoteMode } from './stream'

/**
 * How a table holds its figures: `long` (one figure per row: period, value, indicator columns),
 * `wide` (a period column and one column per series) or `transposed` (one row per series, one
 * column per period, as Eurostat and many yearly reports lay them out).
 */
export const SHAPES = ['long', 'wide', 'transposed'] as const
export type Shape = (typeof SHAPES)[number]

/** Column roles a user assigns in the mapping step. -1 means "no such column". */
export const ROLES = [
  'period',
  'value',
  'indicator',
  'offence',
  'unit',
  'baseline',
  'status',
  'ageGroup',
  'gender',
  'region',
  'note',
  'quote',
  'labelEn',
  'labelFr',
  'labelNl',
  'labelDe',
  'shortEn',
  'shortFr',
  'shortNl',
  'shortDe',
] as const
export type Role = (typeof ROLES)[number]
export type Roles = Record<Role, number>

/** A series' settings, editable per indicator in the mapping step. */
export interface SeriesSetting {
  readonly label: string
  readonly offence: Offence
  readonly unit: Unit
}

export interface Mapping {
  readonly shape: Shape
  readonly roles: Roles
  /** `wide`: the value columns, one series each; `transposed`: the period columns. */
  readonly series: readonly number[]
  /** Used where no column says otherwise. */
  readonly defaults: { readonly offence: Offence; readonly unit: Unit; readonly baseline: string }
  /** Per series key (the indicator cell, the column header or the row label): label, offence, unit. */
  readonly overrides: Readonly<Record<string, SeriesSetting>>
  /** Columns read besides the layout's own (see ExtraColumn); absent in mappings remembered before them. */
  readonly extras?: readonly ExtraColumn[]
}

/**
 * A column imported besides the layout's own: in a long table, a second value column (a rate
 * beside a count), each row giving a figure to the series `<row's series> – <header>`; in a wide
 * or transposed table, a column whose header is no period (`ref2024`), read as the series
 * `<row's series> – <header>` at the period the user gives.
 */
export interface ExtraColumn {
  readonly column: number
  readonly unit: Unit
  /** The period of its figures (transposed tables); empty: the row's period column. */
  readonly period: string
}

/** The series key of an extra column's figures. */
export function extraKey(rowKey: string, header: string): string {
  return rowKey ? `${rowKey} – ${header}` : header
}

/** How the bytes become rows; each detected, each changeable by the user. */
export interface ReadSettings {
  readonly encoding: Encoding
  readonly delimiter: string
  readonly newline: Newline
  readonly hasHeader: boolean
  readonly numberFormat: NumberFormat
  /** `relaxed` when detection found quotes that are text (see QuoteMode); absent: standard. */
  readonly quotes?: QuoteMode
}

export const DELIMITERS = [',', ';', '\t', '|'] as const

export function noRoles(): Roles {
  return Object.fromEntries(ROLES.map((r) => [r, -1])) as Roles
}

/** Header words (EN, FR, NL, canonical) that name each role. */
const ROLE_NAMES: readonly [Role, RegExp][] = [
  ['labelEn', /^(label_en|label en|indicator_label_en)$/],
  ['labelFr', /^(label_fr|label fr|indicator_label_fr)$/],
  ['labelNl', /^(label_nl|label nl|indicator_label_nl)$/],
  ['labelDe', /^(label_de|label de|indicator_label_de)$/],
  ['shortEn', /^(short_en|short en|short_label_en)$/],
  ['shortFr', /^(short_fr|short fr|short_label_fr)$/],
  ['shortNl', /^(short_nl|short nl|short_label_nl)$/],
  ['shortDe', /^(short_de|short de|short_label_de)$/],
  ['period', /^(period|periode|période|year|years|jaar|année|annee|an|date|datum|time|time_period|tijd|month|mois|maand|quarter|trimestre|kwartaal|jaartal|obs_time)$/],
  ['value', /^(value|values|valeur|waarde|count|nombre|aantal|number|n|total|totaal|obs_value|cases|dossiers|figure|chiffre|cijfer)$/],
  ['offence', /^(offence|offense|offence_type|domaine|domein)$/],
  ['unit', /^(unit|units|unité|unite|eenheid|unit_measure)$/],
  ['baseline', /^(baseline|base|référence|reference|referentie|basis|compared_to)$/],
  ['status', /^(status|statut|flag|flags|obs_status|obs_flag)$/],
  ['ageGroup', /^(age|âge|age_group|age group|tranche d'âge|groupe d'âge|leeftijd|leeftijdsgroep)$/],
  ['gender', /^(gender|sex|sexe|genre|geslacht)$/],
  ['region', /^(region|région|regio|gewest|province|provincie|arrondissement|geo|zone|commune|gemeente|jurisdiction|juridiction|ressort|entity|country|pays|land|location|area|district|judicial district|arrondissement judiciaire|gerechtelijk arrondissement|zone de police|politiezone|police zone)$/],
  ['note', /^(note|notes|remark|remarque|opmerking|comment|commentaire|commentaar)$/],
  ['quote', /^(quote|citation|citaat)$/],
  ['indicator', /^(indicator|indicateur|indicatoren|series|série|serie|reeks|type|infraction|type d'infraction|type infraction|misdrijf|feit|fait|category|catégorie|categorie|label|measure|mesure|maatstaf|variable|indic|indic_cr)$/],
]

/** Headers that name a rate (per 100,000 inhabitants...) or a share in percent, in EN, FR, NL. */
const RATE_HEADER = /taux|\brate\b|per\s*100[\s.,]?000|pour\s*100[\s.,]?000|par\s*100[\s.,]?000|\bper\s*(1|10)[\s.,]?000\b|inwoners|habitants|inhabitants|‰/i
const PERCENT_HEADER = /%|pourcent|percent|procent|aandeel|\bshare\b|\bpart\b/i
/** Headers that name a count: "Nombre de faits", "Aantal feiten", "Number of reports". */
const COUNT_HEADER = /^(nombre|aantal|number|count|total|totaal|cases|dossiers|faits|feiten|reports|signalements|meldingen|n)\b/i

/** The unit a header names, if it names one: a rate, a percentage, or a count. */
export function unitOfHeader(name: string): 'rate_per_100k' | 'percent' | 'count' | null {
  const text = name.trim()
  // "Taux d'élucidation (%)" is a share, not a rate per inhabitants.
  if (text.includes('%') && !/100[\s.,]?000|inwoners|habitants|inhabitants/i.test(text)) return 'percent'
  if (RATE_HEADER.test(text)) return 'rate_per_100k'
  if (PERCENT_HEADER.test(text)) return 'percent'
  if (COUNT_HEADER.test(text)) return 'count'
  return null
}

/** Columns that only repeat another one in code form (OWID's `Code` beside `Entity`): not imported by default. */
const CODE_HEADER = /^(code|iso|iso_code|iso3|iso 3|iso-3|country code|code pays|landcode|geo code|nis|code ins|nis-code|ins)$/i

export function isCodeHeader(name: string): boolean {
  return CODE_HEADER.test(name.trim())
}

export function roleOfHeader(name: string): Role | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ')
  for (const [role, pattern] of ROLE_NAMES) if (pattern.test(key)) return role
  return null
}

/** Words in a series' name that say its offence (EN, FR, NL). */
const OFFENCE_WORDS: readonly [Offence, RegExp][] = [
  ['sextortion', /sextor|sexual extortion|chantage|afpersing/i],
  ['grooming', /grooming|pédopiégeage|leurre|lokken/i],
  ['sexting', /sexting|self-generated|autoproduit|zelfgemaakt/i],
  ['csam', /csam|abuse material|pornograph|porno|abus sexuels d'enfants|misbruikmateriaal|hotline|stopchildporno|ncmec/i],
  ['online_harassment', /harass|harcèlement|cyberpest|intimidation/i],
]

export function guessOffence(text: string): Offence | null {
  for (const [offence, pattern] of OFFENCE_WORDS) if (pattern.test(text)) return offence
  return null
}

export function isOffence(value: string): value is Offence {
  return (OFFENCES as readonly string[]).includes(value)
}

export function isUnit(value: string): value is Unit {
  return (UNITS as readonly string[]).includes(value)
}

/** A key that is the same for files with the same header, for remembering their mapping. */
export function headerSignature(header: readonly string[]): string {
  let h = 0x811c9dc5
  const text = header.map((n) => n.trim().toLowerCase()).join('\u0001')
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return `${header.length}-${(h >>> 0).toString(36)}`
}

export interface HeaderWarning {
  readonly column: number
  readonly code: 'blank_header' | 'duplicate_header'
  readonly original: string
  readonly name: string
}

/** Names blank header cells `Column N` and numbers repeated names `name (2)`, saying so. */
export function normaliseHeader(raw: readonly string[]): { header: string[]; warnings: HeaderWarning[] } {
  const warnings: HeaderWarning[] = []
  const used = new Map<string, number>()
  const header = raw.map((cell, i) => {
    const original = cell
    let name = cell.replace(/^\uFEFF/, '').trim()
    if (!name) {
      name = `Column ${i + 1}`
      warnings.push({ column: i + 1, code: 'blank_header', original, name })
    }
    const seen = used.get(name.toLowerCase())
    if (seen !== undefined) {
      let n = seen + 1
      while (used.has(`${name} (${n})`.toLowerCase())) n++
      used.set(name.toLowerCase(), n)
      const renamed = `${name} (${n})`
      warnings.push({ column: i + 1, code: 'duplicate_header', original, name: renamed })
      name = renamed
    }
    used.set(name.toLowerCase(), used.get(name.toLowerCase()) ?? 1)
    return name
  })
  return { header, warnings }
}

/**
 * The columns a mapping leaves out: neither a role, nor a series or period column, nor an extra
 * column. The mapping step lists them, and the report repeats the list.
 */
export function unusedColumns(mapping: Pick<Mapping, 'roles' | 'series' | 'extras'>, width: number): number[] {
  const used = new Set<number>([...Object.values(mapping.roles), ...mapping.series, ...(mapping.extras ?? []).map((e) => e.column)])
  return Array.from({ length: width }, (_, c) => c).filter((c) => !used.has(c))
}

/** A period written inside a header such as `ref2024` or `info 2024` (its year), or ''. */
export function periodInHeader(name: string): string {
  const found = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(name)
  return found ? found[1]! : ''
}

/** A short, URL-safe indicator id from a series name: `Grooming (dossiers)` -> `grooming_dossiers`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
  return slug || 'series'
}
