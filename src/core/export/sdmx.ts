/**
 * SDMX-CSV 2.0 of a view, so a statistics office can load it: the columns `STRUCTURE`,
 * `STRUCTURE_ID`, `ACTION`, then the dimensions (INDICATOR, REF_AREA, AGE, SEX, TIME_PERIOD), the
 * measure OBS_VALUE and the attributes OBS_STATUS (Eurostat's flags: p provisional, e estimated,
 * b break in series, c confidential), UNIT_MEASURE and BASE_PER. A withheld figure has an empty
 * OBS_VALUE and OBS_STATUS `c`. SDMX-CSV always writes `.` as the decimal mark and `,` between
 * fields; ACTION `I` (information) says the file replaces nothing in the receiver's database.
 */
import type { DataRow } from './dataRows'
import { toDialectCsv, CSV_DIALECTS, type CsvCell } from './csvDialect'

/** The dataflow a Vigie file belongs to: agency VIGIE, id DF_VIGIE, version 1.0. */
export const SDMX_DATAFLOW = 'VIGIE:DF_VIGIE(1.0)'

export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'INDICATOR',
  'REF_AREA',
  'AGE',
  'SEX',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_STATUS',
  'UNIT_MEASURE',
  'BASE_PER',
] as const

/** SDMX's code for "total" (a figure not broken down by that dimension). */
export const SDMX_TOTAL = '_T'
/** Vigie's figures are about Belgium unless broken down by region. */
export const SDMX_AREA = 'BE'

const DAY = 86_400_000

/**
 * A period as SDMX writes it: `2014`, `2014-03`, `2014-03-18`, and an interval as its start and
 * its length in days (`2020-03-18/P120D`), SDMX's time range.
 */
export function sdmxPeriod(row: Pick<DataRow, 'period' | 'start' | 'end'>): string {
  if (!row.period.includes('/')) return row.period
  // The start as a day (a month interval starts on its first day), then the length in days.
  return `${new Date(row.start).toISOString().slice(0, 10)}/P${Math.round((row.end - row.start) / DAY)}D`
}

/** Eurostat's flags of a figure: `c` alone when it is withheld, else b (break), p or e. */
export function obsStatus(row: Pick<DataRow, 'value' | 'status' | 'seriesBreak'>): string {
  if (row.value === null) return 'c'
  const status = row.status === 'provisional' ? 'p' : row.status === 'estimate' ? 'e' : ''
  return `${row.seriesBreak ? 'b' : ''}${status}`
}

export function sdmxRows(rows: readonly DataRow[]): CsvCell[][] {
  return [
    [...SDMX_COLUMNS],
    ...rows.map((r): CsvCell[] => [
      'dataflow',
      SDMX_DATAFLOW,
      'I',
      r.indicator,
      r.region || SDMX_AREA,
      r.ageGroup || SDMX_TOTAL,
      r.gender || SDMX_TOTAL,
      sdmxPeriod(r),
      r.value,
      obsStatus(r),
      r.unit,
      r.baseline,
    ]),
  ]
}

/** The SDMX-CSV 2.0 file: comma-separated, `.` decimals, UTF-8 without a byte-order mark. */
export function toSdmxCsv(rows: readonly DataRow[]): string {
  return toDialectCsv(sdmxRows(rows), CSV_DIALECTS.comma, false)
}
