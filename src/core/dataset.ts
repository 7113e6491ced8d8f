import {
  BASELINE_NOT_STATED,
  BASELINE_PREVIOUS_PERIOD,
  JURISDICTIONS,
  LOCALES,
  MILESTONE_CATEGORIES,
  MILESTONE_IMPORTANCES,
  OFFENCES,
  RELATIVE_UNITS,
  STATUSES,
  UNITS,
  type DataIssue,
  type Dataset,
  type Indicator,
  type IssueCode,
  type Locale,
  type Localized,
  type Milestone,
  type Observation,
  type Offence,
  type Source,
} from './model'
import { parsePeriod, periodPrecision } from './period'
import { fillTexts, shownInField, type GivenTexts } from './languages'
import { parseTable, type Parsed, type Table, type TableRow } from './csv/table'

/** The canonical columns of each file, in order (DESIGN section 2, plus `compares_to`). */
export const CANONICAL_COLUMNS = {
  sources: ['id', 'title', 'publisher', 'date', 'url', 'language', 'document'],
  indicators: [
    'id',
    'offence',
    'unit',
    'compares_to',
    'label_en',
    'label_fr',
    'label_nl',
    'description_en',
    'description_fr',
    'description_nl',
  ],
  observations: [
    'indicator',
    'period',
    'value',
    'baseline',
    'age_group',
    'gender',
    'region',
    'status',
    'source',
    'quote',
    'note',
  ],
  milestones: [
    'date',
    'end_date',
    'precision',
    'category',
    'jurisdiction',
    'offences',
    'title_en',
    'title_fr',
    'title_nl',
    'source',
    'quote',
    'note',
  ],
} as const

/**
 * Columns read when the header has them: older files without them stay valid. The bundled data
 * must have them all, filled (`complete`, checked by `npm run check-data`).
 */
export const EXTENSION_COLUMNS = {
  sources: ['checked', 'title_fr', 'title_nl', 'publisher_fr', 'publisher_nl', 'title_de', 'publisher_de'],
  indicators: [
    'part_of',
    'caveat_en',
    'caveat_fr',
    'caveat_nl',
    'short_en',
    'short_fr',
    'short_nl',
    'importance',
    'label_de',
    'description_de',
    'caveat_de',
    'short_de',
    'producer_en',
    'producer_fr',
    'producer_nl',
    'producer_de',
  ],
  observations: [],
  milestones: ['importance', 'title_de'],
} as const satisfies Record<keyof typeof CANONICAL_COLUMNS, readonly string[]>

/**
 * Extension columns a complete file may still leave out: a row needs short labels only when its
 * label is long, a translated publisher only when the name differs in that language, and a German
 * description only when it has an English one (description_* are canonical, so may be empty).
 */
const OPTIONAL_IN_COMPLETE: ReadonlySet<string> = new Set(['short_en', 'short_fr', 'short_nl', 'short_de', 'publisher_fr', 'publisher_nl', 'publisher_de', 'description_de'])

/**
 * A German text or column the `complete` reading asks for and the file lacks. The bundled data must
 * have German; a dataset of one's own (`check-data <folder>`, the importer) may not: there German
 * falls back (languages.ts) and its completeness is reported instead of failing.
 */
export function isMissingGerman(issue: DataIssue): boolean {
  return (issue.code === 'missing_translation' || issue.code === 'missing_column') && issue.field.endsWith('_de')
}

/** How strictly to read: `complete` also requires the extension columns, a caveat per indicator and a URL per source. */
export interface ReadOptions {
  readonly complete?: boolean
}

export type CanonicalFile = keyof typeof CANONICAL_COLUMNS
/** The four files of a canonical dataset, by kind. */
export const CANONICAL_FILES = Object.keys(CANONICAL_COLUMNS) as CanonicalFile[]

/** The text of each canonical file, keyed by file kind, with the name to cite in messages. */
export type DatasetFiles = Record<CanonicalFile, { readonly name: string; readonly text: string }>

/**
 * A short label must fit a legend entry on one line of a phone or a slide column: about 40
 * characters. Labels longer than this need one in the bundled data (`complete`).
 */
export const SHORT_LABEL_MAX = 40

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Length as a reader counts it: code points, not UTF-16 units. */
const length = (text: string): number => [...text].length

/**
 * Why a short label cannot stand for its label (a message naming the language), or null when it can:
 * English, French and Dutch or none (German, added later, may be missing: it then falls back, see
 * readShort), one line without control characters, at most SHORT_LABEL_MAX
 * characters and shorter than the label. Shared by the canonical reader and the importer.
 */
export function shortLabelProblem(short: GivenTexts, label: Localized): { locale: Locale; message: string } | null {
  for (const l of LOCALES) {
    const text = short[l]
    if (!text && l === 'de') continue
    if (!text) return { locale: l, message: `short_${l} is empty: give a short label in all languages (German may be left out) or none` }
    if (CONTROL.test(text)) return { locale: l, message: `short_${l} contains a control character` }
    if (length(text) > SHORT_LABEL_MAX) return { locale: l, message: `short_${l} has ${length(text)} characters (at most ${SHORT_LABEL_MAX})` }
    if (length(text) >= length(label[l])) return { locale: l, message: `short_${l} is not shorter than label_${l}` }
  }
  return null
}

/** A plain decimal number as the canonical files write it: `1232`, `-3.5`, `0.25`. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/** Reads cells by column name and records issues at the right line and column. */
class RowReader {
  constructor(
    private readonly table: Table,
    private readonly issues: DataIssue[],
    private row: TableRow = { line: 0, cells: [] },
  ) {}

  at(row: TableRow): this {
    this.row = row
    return this
  }

  get line(): number {
    return this.row.line
  }

  get(field: string): string {
    const index = this.table.header.indexOf(field)
    return index < 0 ? '' : (this.row.cells[index] ?? '').trim()
  }

  report(field: string, code: IssueCode, message: string): void {
    const index = this.table.header.indexOf(field)
    this.issues.push({
      file: this.table.file,
      line: this.row.line,
      column: index + 1,
      field,
      code,
      message,
    })
  }

  has(field: string): boolean {
    return this.table.header.includes(field)
  }

  /** The cells `prefix_en`, `prefix_fr`… that are filled. */
  given(prefix: string): GivenTexts {
    return Object.fromEntries(LOCALES.map((l) => [l, this.get(`${prefix}_${l}`)]))
  }

  /** `prefix_en`, `prefix_fr`… as one value, each missing text falling back in FALLBACK_ORDER (languages.ts). */
  localized(prefix: string): Localized {
    return fillTexts(this.given(prefix)).text
  }

  /** Returns the cell, reporting it when empty. */
  required(field: string): string {
    const value = this.get(field)
    if (!value) this.report(field, 'empty_required', `${field} is empty`)
    return value
  }

  /** Returns the cell when it is one of `allowed`, else reports it and returns null. */
  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T | null {
    const value = this.get(field)
    if (!value && fallback !== undefined) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.report(
      field,
      value ? 'unknown_vocabulary' : 'empty_required',
      value ? `"${value}" is not one of ${allowed.join(', ')}` : `${field} is empty (one of ${allowed.join(', ')})`,
    )
    return null
  }
}

function readTable(
  kind: CanonicalFile,
  file: { name: string; text: string },
  issues: DataIssue[],
  options: ReadOptions = {},
): Table {
  const parsed = parseTable(file.name, file.text)
  issues.push(...parsed.issues)
  const required: readonly string[] = options.complete
    ? [...CANONICAL_COLUMNS[kind], ...EXTENSION_COLUMNS[kind].filter((c) => !OPTIONAL_IN_COMPLETE.has(c))]
    : CANONICAL_COLUMNS[kind]
  for (const column of required) {
    if (!parsed.value.header.includes(column)) {
      issues.push({
        file: file.name,
        line: 1,
        column: 0,
        field: column,
        code: 'missing_column',
        message: `the header lacks the column "${column}"`,
      })
    }
  }
  return parsed.value
}

/** The baselines a relative figure may name: an ISO period, the previous period, or "not stated". */
export function isValidBaseline(baseline: string): boolean {
  return baseline === BASELINE_NOT_STATED || baseline === BASELINE_PREVIOUS_PERIOD || parsePeriod(baseline) !== null
}

/** A source's French, Dutch and German title and publisher, where the file gives any. */
function translationsOf(reader: RowReader): Pick<Source, 'translated'> {
  const translated: { [L in Exclude<Locale, 'en'>]?: { title: string; publisher: string } } = {}
  for (const l of ['fr', 'nl', 'de'] as const) {
    const title = reader.get(`title_${l}`)
    const publisher = reader.get(`publisher_${l}`)
    if (title || publisher) translated[l] = { title, publisher }
  }
  return Object.keys(translated).length ? { translated } : {}
}

function readSources(table: Table, issues: DataIssue[], options: ReadOptions): Source[] {
  const reader = new RowReader(table, issues)
  const seen = new Map<string, number>()
  const sources: Source[] = []
  for (const row of table.rows) {
    reader.at(row)
    const id = reader.required('id')
    if (!id) continue
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      reader.report('id', 'duplicate_id', `source "${id}" is already defined on line ${earlier}`)
      continue
    }
    seen.set(id, row.line)
    const url = reader.get('url')
    const document = reader.get('document')
    if (!url && !document) {
      reader.report('url', 'source_without_reference', `source "${id}" has neither a url nor a document`)
    } else if (!url && options.complete) {
      // A reader of an export must be able to open the source: a seed's file name is not a citation.
      reader.report('url', 'source_without_reference', `source "${id}" has no url a reader can open`)
    }
    if (options.complete) {
      // A French, Dutch or German reader cites the source in their language: no English title on their screen.
      for (const l of ['fr', 'nl', 'de'] as const) {
        if (!reader.get(`title_${l}`)) reader.report(`title_${l}`, 'missing_translation', `source "${id}" has no title_${l}: give its title in French, Dutch and German`)
      }
    }
    sources.push({
      id,
      title: reader.required('title'),
      publisher: reader.get('publisher'),
      date: reader.get('date'),
      url,
      languages: reader
        .get('language')
        .split(';')
        .map((l) => l.trim())
        .filter(Boolean),
      document,
      ...checkedOf(reader, id, options),
      ...translationsOf(reader),
    })
  }
  return sources
}

/**
 * `checked`: the month (or day) the source was last checked against its page, read when the
 * column is there. Required in the bundled data (`complete`): it dates what the app shows as
 * "data checked up to".
 */
function checkedOf(reader: RowReader, id: string, options: ReadOptions): { checked?: string } {
  const checked = reader.get('checked')
  if (!checked) {
    if (options.complete) reader.report('checked', 'bad_checked_date', `source "${id}" has no checked date (the month it was last checked, e.g. 2026-12)`)
    return {}
  }
  const period = parsePeriod(checked)
  if (!period || (period.kind !== 'month' && period.kind !== 'day')) {
    reader.report('checked', 'bad_checked_date', `checked "${checked}" is not an ISO month or day (2026-12 or 2026-12-04)`)
    return {}
  }
  return { checked }
}

/** A part's whole may be of the same offence, or a broad (`general`) total that includes it. */
function sameOffenceFamily(part: Offence, whole: Offence): boolean {
  return part === whole || whole === 'general'
}

function readIndicators(table: Table, issues: DataIssue[], dataset: string, options: ReadOptions): Indicator[] {
  const reader = new RowReader(table, issues)
  const seen = new Map<string, number>()
  const indicators: Indicator[] = []
  const comparisons: { line: TableRow; target: string }[] = []
  const parts: { line: TableRow; part: string; whole: string }[] = []
  for (const row of table.rows) {
    reader.at(row)
    const id = reader.required('id')
    const offence = reader.oneOf('offence', OFFENCES)
    const unit = reader.oneOf('unit', UNITS)
    reader.required('label_en')
    if (!id || !offence || !unit) continue
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      reader.report('id', 'duplicate_id', `indicator "${id}" is already defined on line ${earlier}`)
      continue
    }
    seen.set(id, row.line)
    const comparesTo = reader.get('compares_to')
    if (comparesTo) comparisons.push({ line: row, target: comparesTo })
    const partOf = reader.get('part_of')
    if (partOf) parts.push({ line: row, part: id, whole: partOf })
    const caveat = reader.localized('caveat')
    const { text: label, shownIn } = fillTexts(reader.given('label'))
    const short = readShort(reader, label, shownIn.de, options)
    if (options.complete) {
      for (const locale of LOCALES) {
        if (!reader.get(`caveat_${locale}`)) {
          // A missing German text is a translation to give (isMissingGerman), not a missing fact.
          reader.report(`caveat_${locale}`, locale === 'de' ? 'missing_translation' : 'empty_required', `caveat_${locale} is empty: say in a few words what the number is not`)
        }
      }
      // German came after French and Dutch, which fall back to English silently: the bundled data must have it.
      if (!reader.get('label_de')) reader.report('label_de', 'missing_translation', `indicator "${id}" has no label_de: give its label in German`)
      if (reader.get('description_en') && !reader.get('description_de')) {
        reader.report('description_de', 'missing_translation', `indicator "${id}" has no description_de: give its description in German`)
      }
      // Citations credit whoever produced the figures, not the press that relayed them.
      for (const locale of LOCALES) {
        if (!reader.get(`producer_${locale}`)) {
          reader.report(`producer_${locale}`, locale === 'de' ? 'missing_translation' : 'empty_required', `producer_${locale} is empty: name the organisation whose statistic indicator "${id}" is`)
        }
      }
    }
    const producer = readProducer(reader)
    indicators.push({
      id,
      offence,
      unit,
      comparesTo,
      partOf: null,
      label,
      short,
      // French and Dutch descriptions stay empty when not given (the screens say nothing); German
      // falls back, like its label, so a German screen shows the French text rather than none.
      description: {
        en: reader.get('description_en'),
        fr: reader.get('description_fr'),
        nl: reader.get('description_nl'),
        de: reader.localized('description').de,
      },
      caveat: caveat.en ? caveat : { en: '', fr: '', nl: '', de: '' },
      dataset,
      ...shownInField(shownIn),
      // Like milestones' importance: required in the bundled data; elsewhere an absent column or empty cell is key.
      importance: (options.complete || reader.get('importance') ? reader.oneOf('importance', MILESTONE_IMPORTANCES) : 'key') ?? 'key',
      ...(producer ? { producer } : {}),
    })
  }
  for (const { line, target } of comparisons) {
    if (!seen.has(target)) {
      reader.at(line).report('compares_to', 'unknown_indicator', `compares_to names an unknown indicator "${target}"`)
    }
  }
  checkDistinctShorts(indicators, table, reader)
  return resolveParts(indicators, parts, reader)
}

/**
 * Who produced the indicator's figures, each missing language falling back like a label; undefined
 * when the row names no one (imported files: citations credit the sources' publishers instead).
 */
function readProducer(reader: RowReader): Localized | undefined {
  const given = reader.given('producer')
  if (!LOCALES.some((l) => given[l])) return undefined
  return fillTexts(given).text
}

/**
 * `short_en/fr/nl` (and `short_de`): all or none, each one line without control characters, at most
 * SHORT_LABEL_MAX characters and shorter than its label. A bad set is reported and dropped (the
 * full label is shown). In `complete` mode a label longer than SHORT_LABEL_MAX needs one, in German
 * too. A missing `short_de` (files older than German) follows the German label: the short label of
 * the language the label fell back to (`labelDeFrom`), else the German label itself.
 */
function readShort(reader: RowReader, label: Localized, labelDeFrom: Locale | undefined, options: ReadOptions): Localized | null {
  const cells = reader.given('short')
  const given = LOCALES.filter((l) => cells[l])
  if (given.length === 0) {
    const long = LOCALES.find((l) => length(label[l]) > SHORT_LABEL_MAX)
    if (options.complete && long) {
      reader.report(`label_${long}`, 'bad_short_label', `label_${long} is longer than ${SHORT_LABEL_MAX} characters: give short_en, short_fr, short_nl and short_de`)
    }
    return null
  }
  if (options.complete && !cells.de) reader.report('short_de', 'missing_translation', 'short_de is empty: give a short label in German too')
  const problem = shortLabelProblem(cells, label)
  if (problem) reader.report(`short_${problem.locale}`, 'bad_short_label', problem.message)
  if (problem) return null
  return { en: cells.en!, fr: cells.fr!, nl: cells.nl!, de: cells.de || (labelDeFrom ? cells[labelDeFrom]! : label.de) }
}

/** Two indicators of one offence with the same short label would show one legend entry twice. */
function checkDistinctShorts(indicators: readonly Indicator[], table: Table, reader: RowReader): void {
  const rowOf = new Map(table.rows.map((r) => [reader.at(r).get('id'), r]))
  for (const l of LOCALES) {
    const seen = new Map<string, Indicator>()
    for (const i of indicators) {
      // A German short label the file does not give follows the German label: not this file's word to refuse.
      if (!i.short || (l === 'de' && !reader.at(rowOf.get(i.id)!).get('short_de'))) continue
      const key = `${i.offence}\u0000${i.short[l].toLowerCase()}`
      const earlier = seen.get(key)
      const row = rowOf.get(i.id)
      if (earlier && row) reader.at(row).report(`short_${l}`, 'bad_short_label', `short_${l} "${i.short[l]}" is already the short label of "${earlier.id}" (${i.offence})`)
      else seen.set(key, i)
    }
  }
}

/**
 * Checks each `part_of` (an existing indicator, same unit, same offence or a general total, no
 * cycle) and links the part to its whole. A bad link is reported and left out, the indicator kept.
 */
function resolveParts(
  indicators: Indicator[],
  parts: readonly { line: TableRow; part: string; whole: string }[],
  reader: RowReader,
): Indicator[] {
  const byId = new Map(indicators.map((i) => [i.id, i]))
  const wholeOf = new Map<string, Indicator>()
  for (const { line, part, whole } of parts) {
    const p = byId.get(part)
    const w = byId.get(whole)
    const report = (message: string) => reader.at(line).report('part_of', 'bad_part_of', message)
    if (!p) continue
    if (!w) report(`part_of names an unknown indicator "${whole}"`)
    else if (w.id === p.id) report(`indicator "${part}" cannot be a part of itself`)
    else if (w.unit !== p.unit) report(`part_of "${whole}" is in ${w.unit}, "${part}" in ${p.unit}: a part has its whole's unit`)
    else if (!sameOffenceFamily(p.offence, w.offence)) {
      report(`part_of "${whole}" is about ${w.offence}, "${part}" about ${p.offence}: a part's whole has the same offence or is general`)
    } else wholeOf.set(p.id, w)
  }
  // A cycle (a within b within a) would make every "part of" a lie: drop the link that closes it.
  for (const { line, part } of parts) {
    const visited = new Set([part])
    for (let w = wholeOf.get(part); w; w = wholeOf.get(w.id)) {
      if (visited.has(w.id)) {
        reader.at(line).report('part_of', 'bad_part_of', `part_of of "${part}" runs in a circle back to "${w.id}"`)
        wholeOf.delete(part)
        break
      }
      visited.add(w.id)
    }
  }
  return indicators.map((i) => {
    const whole = wholeOf.get(i.id)
    return whole ? { ...i, partOf: { id: whole.id, label: whole.label } } : i
  })
}

function observationKey(o: { indicator: string; period: string; ageGroup: string; gender: string; region: string }): string {
  return [o.indicator, o.period, o.ageGroup, o.gender, o.region].join('\u0000')
}

function readObservations(
  table: Table,
  issues: DataIssue[],
  indicators: ReadonlyMap<string, Indicator>,
  sources: ReadonlyMap<string, Source>,
): Observation[] {
  const reader = new RowReader(table, issues)
  const seen = new Map<string, number>()
  const observations: Observation[] = []
  for (const row of table.rows) {
    reader.at(row)
    let ok = true
    const indicatorId = reader.required('indicator')
    const indicator = indicators.get(indicatorId)
    if (indicatorId && !indicator) {
      reader.report('indicator', 'unknown_indicator', `unknown indicator "${indicatorId}" (not in indicators.csv)`)
      ok = false
    }
    const periodText = reader.required('period')
    const period = parsePeriod(periodText)
    if (periodText && !period) {
      reader.report(
        'period',
        'malformed_period',
        `"${periodText}" is not an ISO 8601 period (2013, 2020-07, 2020-07-15 or 2020-03-18/2020-07-15)`,
      )
    }
    const valueText = reader.required('value')
    if (valueText && !PLAIN_NUMBER.test(valueText)) {
      reader.report('value', 'not_a_number', `"${valueText}" is not a number (write 1232 or 12.5, no separators)`)
      ok = false
    }
    const baseline = reader.get('baseline')
    if (indicator) {
      const relative = RELATIVE_UNITS.includes(indicator.unit)
      if (relative && !baseline) {
        reader.report(
          'baseline',
          'relative_without_baseline',
          `unit ${indicator.unit} needs a baseline (a period such as 2019, "${BASELINE_PREVIOUS_PERIOD}", or "${BASELINE_NOT_STATED}")`,
        )
        ok = false
      } else if (relative && !isValidBaseline(baseline)) {
        reader.report(
          'baseline',
          'malformed_period',
          `baseline "${baseline}" is neither a period, "${BASELINE_PREVIOUS_PERIOD}" nor "${BASELINE_NOT_STATED}"`,
        )
        ok = false
      } else if (!relative && baseline) {
        reader.report('baseline', 'baseline_on_absolute', `unit ${indicator.unit} takes no baseline, found "${baseline}"`)
      }
    }
    const status = reader.oneOf('status', STATUSES, 'reported')
    const sourceId = reader.required('source')
    const source = sources.get(sourceId)
    if (sourceId && !source) {
      reader.report('source', 'unknown_source', `unknown source "${sourceId}" (not in sources.csv)`)
      ok = false
    }
    const quote = reader.get('quote')
    if (source?.document && !quote) {
      reader.report('quote', 'missing_quote', `source "${sourceId}" is a document: quote the sentence the figure stands in`)
    }
    if (!ok || !indicator || !period || !status || !source || !valueText) continue
    const observation: Observation = {
      indicator: indicator.id,
      period,
      value: Number(valueText),
      baseline,
      ageGroup: reader.get('age_group'),
      gender: reader.get('gender'),
      region: reader.get('region'),
      status,
      source: source.id,
      quote,
      note: reader.get('note'),
      origin: { file: table.file, line: row.line },
    }
    const key = observationKey({ ...observation, period: period.text })
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      reader.report(
        'period',
        'duplicate_key',
        `duplicate of line ${earlier}: same indicator, period and breakdown (${indicator.id}, ${period.text})`,
      )
      continue
    }
    seen.set(key, row.line)
    observations.push(observation)
  }
  return observations
}

function readMilestones(
  table: Table,
  issues: DataIssue[],
  sources: ReadonlyMap<string, Source>,
  options: ReadOptions,
): Milestone[] {
  const reader = new RowReader(table, issues)
  const seen = new Map<string, number>()
  const milestones: Milestone[] = []
  for (const row of table.rows) {
    reader.at(row)
    const dateText = reader.required('date')
    const date = parsePeriod(dateText)
    if (dateText && (!date || date.kind === 'interval')) {
      reader.report('date', 'malformed_period', `"${dateText}" is not an ISO 8601 date (2014, 2014-04 or 2014-04-01)`)
    }
    const endText = reader.get('end_date')
    const endDate = endText ? parsePeriod(endText) : null
    if (endText && (!endDate || endDate.kind === 'interval')) {
      reader.report('end_date', 'malformed_period', `"${endText}" is not an ISO 8601 date`)
    } else if (date && endDate && endDate.end <= date.start) {
      reader.report('end_date', 'malformed_period', `end_date ${endText} is before date ${dateText}`)
    }
    const precision = reader.oneOf('precision', ['year', 'month', 'day'] as const)
    if (date && precision && date.kind !== 'interval' && periodPrecision(date) !== precision) {
      reader.report(
        'precision',
        'precision_mismatch',
        `precision "${precision}" does not match the date "${dateText}" (${periodPrecision(date)})`,
      )
    }
    if (options.complete && !reader.get('title_de')) reader.report('title_de', 'missing_translation', 'title_de is empty: give the title in German')
    const category = reader.oneOf('category', MILESTONE_CATEGORIES)
    const jurisdiction = reader.oneOf('jurisdiction', JURISDICTIONS)
    const offences: Offence[] = []
    for (const offence of reader.required('offences').split(';').map((o) => o.trim()).filter(Boolean)) {
      if ((OFFENCES as readonly string[]).includes(offence)) offences.push(offence as Offence)
      else reader.report('offences', 'unknown_vocabulary', `"${offence}" is not one of ${OFFENCES.join(', ')}`)
    }
    // A file without the column shows every milestone (all key); a file with it must say which are.
    const importance =
      reader.has('importance') || options.complete ? reader.oneOf('importance', MILESTONE_IMPORTANCES) : 'key'
    const titleEn = reader.required('title_en')
    const sourceId = reader.required('source')
    const source = sources.get(sourceId)
    if (sourceId && !source) reader.report('source', 'unknown_source', `unknown source "${sourceId}" (not in sources.csv)`)
    const quote = reader.get('quote')
    if (source?.document && !quote) {
      reader.report('quote', 'missing_quote', `source "${sourceId}" is a document: quote the sentence the milestone stands in`)
    }
    if (!date || date.kind === 'interval' || !precision || !category || !jurisdiction || !importance || !titleEn || !source) continue
    if (endText && !endDate) continue
    const id = `${dateText}:${titleEn}`
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      reader.report('title_en', 'duplicate_key', `duplicate of line ${earlier}: same date and title`)
      continue
    }
    seen.set(id, row.line)
    milestones.push({
      id,
      date,
      endDate,
      precision,
      category,
      jurisdiction,
      offences: offences.length > 0 ? offences : ['general'],
      importance,
      ...titleOf(reader),
      source: source.id,
      quote,
      note: reader.get('note'),
      origin: { file: table.file, line: row.line },
    })
  }
  return milestones
}

/** A milestone's title in every language (each missing one falling back) and which languages show another's. */
function titleOf(reader: RowReader): Pick<Milestone, 'title' | 'shownIn'> {
  const { text, shownIn } = fillTexts(reader.given('title'))
  return { title: text, ...shownInField(shownIn) }
}

/**
 * A part can never exceed its whole in the same period (hotline reports within all sexual-exploitation
 * files): a figure that does says the `part_of` link, or one of the two figures, is wrong.
 */
export function checkParts(dataset: Dataset): DataIssue[] {
  const issues: DataIssue[] = []
  const key = (indicator: string, period: string) => `${indicator}\u0000${period}`
  const whole = new Map<string, number>()
  for (const o of dataset.observations) {
    if (!o.ageGroup && !o.gender && !o.region) whole.set(key(o.indicator, o.period.text), o.value)
  }
  const column = (CANONICAL_COLUMNS.observations as readonly string[]).indexOf('value') + 1
  for (const indicator of dataset.indicators) {
    if (!indicator.partOf) continue
    for (const o of dataset.observations) {
      if (o.indicator !== indicator.id || o.ageGroup || o.gender || o.region) continue
      const total = whole.get(key(indicator.partOf.id, o.period.text))
      if (total !== undefined && o.value > total) {
        issues.push({
          file: o.origin.file,
          line: o.origin.line,
          column,
          field: 'value',
          code: 'bad_part_of',
          message: `${o.value} (${indicator.id}, ${o.period.text}) exceeds its whole ${indicator.partOf.id} (${total})`,
        })
      }
    }
  }
  return issues
}

/**
 * Reads the four canonical files into a typed dataset. Every problem comes back as an issue with
 * file, line and column; rows with a blocking problem are left out, the others are kept.
 */
export function readDataset(files: DatasetFiles, dataset = 'bundled', options: ReadOptions = {}): Parsed<Dataset> {
  const issues: DataIssue[] = []
  const sources = readSources(readTable('sources', files.sources, issues, options), issues, options)
  const indicators = readIndicators(
    readTable('indicators', files.indicators, issues, options),
    issues,
    dataset,
    options,
  )
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  const indicatorById = new Map(indicators.map((i) => [i.id, i]))
  const observations = readObservations(
    readTable('observations', files.observations, issues),
    issues,
    indicatorById,
    sourceById,
  )
  const milestones = readMilestones(
    readTable('milestones', files.milestones, issues, options),
    issues,
    sourceById,
    options,
  )
  return { value: { sources, indicators, observations, milestones }, issues }
}

/** Collapses runs of whitespace so a quote can be matched across the document's line breaks. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Checks that each quote of a document source stands, word for word, in that document.
 * `documents` maps a source's `document` file name to the document's text.
 */
export function checkQuotes(dataset: Dataset, documents: ReadonlyMap<string, string>): DataIssue[] {
  const issues: DataIssue[] = []
  const squashed = new Map([...documents].map(([name, text]) => [name, squash(text)]))
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]))
  const records: { quote: string; source: string; origin: { file: string; line: number }; kind: CanonicalFile }[] = [
    ...dataset.observations.map((o) => ({ ...o, kind: 'observations' as const })),
    ...dataset.milestones.map((m) => ({ ...m, kind: 'milestones' as const })),
  ]
  for (const record of records) {
    const source = sourceById.get(record.source)
    if (!source?.document || !record.quote) continue
    const text = squashed.get(source.document)
    const column = (CANONICAL_COLUMNS[record.kind] as readonly string[]).indexOf('quote') + 1
    if (text === undefined) {
      issues.push({
        file: record.origin.file,
        line: record.origin.line,
        column,
        field: 'quote',
        code: 'quote_not_in_document',
        message: `document "${source.document}" of source "${source.id}" was not found`,
      })
    } else if (!text.includes(squash(record.quote))) {
      issues.push({
        file: record.origin.file,
        line: record.origin.line,
        column,
        field: 'quote',
        code: 'quote_not_in_document',
        message: `the quote is not, word for word, in ${source.document}: "${record.quote.slice(0, 60)}..."`,
      })
    }
  }
  return issues
}
