/**
 * The static data API (a folder of files any static host serves, as Our World in Data's chart
 * URLs): the whole data set as a data package in place (`datapackage.json` beside its four CSV
 * files), `indicators.json` and `milestones.json`, one CSV and one JSON per indicator, and the
 * DCAT-AP description. Paths are under DATA_API (findable.ts); the zip is added by the build.
 * Withheld figures carry no number here either (dataRows.ts).
 */
import { DATA_LICENCE } from '../licences'
import type { Milestone } from '../model'
import { CSV_DIALECTS, toDialectCsv } from './csvDialect'
import { dataTables, packageFiles, type PackageMeta } from './datapackage'
import { indicatorContent, type DataContent, type DataRow } from './dataRows'
import { dcatDataset, STATIC_PATHS, type FindableMeta } from './findable'

function rowJson(r: DataRow): Record<string, unknown> {
  return {
    period: r.period,
    value: r.value,
    flag: r.flag,
    unit: r.unit,
    baseline: r.baseline,
    age_group: r.ageGroup,
    gender: r.gender,
    region: r.region,
    status: r.status,
    series_break: r.seriesBreak,
    source: r.source,
    quote: r.quote,
    note: r.note,
  }
}

function milestoneJson(m: Milestone): Record<string, unknown> {
  return {
    id: m.id,
    date: m.date.text,
    end_date: m.endDate?.text ?? null,
    category: m.category,
    jurisdiction: m.jurisdiction,
    offences: m.offences,
    importance: m.importance,
    title: m.title,
    source: m.source,
    quote: m.quote,
    note: m.note,
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Every text file of the static data API, by its path under DATA_API. */
export function staticDataFiles(meta: PackageMeta, content: DataContent, findable: FindableMeta): Map<string, string> {
  const dialect = CSV_DIALECTS.comma
  const files = new Map<string, string>()
  // The package in place: its descriptor's paths are the CSV files beside it.
  for (const [path, text] of packageFiles(meta, content, dialect)) if (path !== 'README.md') files.set(path, text)
  const head = { version: meta.version, license: DATA_LICENCE.url, citation: meta.citation }
  const counts = new Map<string, number>()
  for (const r of content.rows) counts.set(r.indicator, (counts.get(r.indicator) ?? 0) + 1)
  files.set(
    STATIC_PATHS.indicators,
    json({
      ...head,
      indicators: content.indicators.map((i) => ({
        id: i.id,
        offence: i.offence,
        unit: i.unit,
        label: i.label,
        description: i.description,
        caveat: i.caveat,
        part_of: i.partOf?.id ?? null,
        figures: counts.get(i.id) ?? 0,
        csv: STATIC_PATHS.indicatorCsv(i.id),
        json: STATIC_PATHS.indicatorJson(i.id),
      })),
    }),
  )
  files.set(STATIC_PATHS.milestones, json({ ...head, milestones: content.milestones.map((m) => milestoneJson(m.milestone)) }))
  for (const indicator of content.indicators) {
    const part = indicatorContent(content, indicator.id)
    files.set(STATIC_PATHS.indicatorCsv(indicator.id), toDialectCsv(dataTables(part).observations, dialect, false))
    files.set(
      STATIC_PATHS.indicatorJson(indicator.id),
      json({ ...head, indicator: { id: indicator.id, unit: indicator.unit, label: indicator.label, description: indicator.description, caveat: indicator.caveat }, sources: part.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date, url: s.url })), observations: part.rows.map(rowJson) }),
    )
  }
  files.set(STATIC_PATHS.dcat, json(dcatDataset(findable)))
  return files
}
