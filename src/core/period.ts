/**
 * Periods are calendar data, not instants. This is the one place where a period's calendar fields
 * become numbers on the time axis, and where such a number is read back as a year, a month or a
 * day: both in UTC, so a reader in Brussels, New York or Tokyo sees the same years, and the bundled
 * JSON is the same whatever the time zone of the machine that built it. No other module calls a
 * local-time Date API on data (ESLint holds that line).
 */
import { addDays, addMonths, addYears, isValid, parseISO } from 'date-fns'
import { utc } from '@date-fns/utc'
import type { Period, Precision } from './model'

const YEAR = /^\d{4}$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

interface Span {
  readonly precision: Precision
  /** UTC midnight at the span's first day, in ms since the epoch. */
  readonly start: number
  /** Exclusive end, UTC midnight after the span's last day. */
  readonly end: number
}

function parseSpan(text: string): Span | null {
  let precision: Precision
  if (YEAR.test(text)) precision = 'year'
  else if (MONTH.test(text)) precision = 'month'
  else if (DAY.test(text)) precision = 'day'
  else return null
  // `in: utc` makes date-fns read and add in UTC: calendar arithmetic, whatever the host's zone.
  const start = parseISO(text, { in: utc })
  if (!isValid(start)) return null
  // parseISO rolls 2021-02-30 into March: reject dates that do not round-trip.
  if (precision === 'day' && start.getUTCDate() !== Number(text.slice(8, 10))) return null
  const end = precision === 'year' ? addYears(start, 1) : precision === 'month' ? addMonths(start, 1) : addDays(start, 1)
  return { precision, start: start.getTime(), end: end.getTime() }
}

/**
 * Parses an ISO 8601 period as the data model allows it: `2013`, `2020-07`, `2020-07-15`, or an
 * interval `2020-03-18/2020-07-15` whose ends are any of those forms. Returns null when malformed.
 */
export function parsePeriod(raw: string): Period | null {
  const text = raw.trim()
  const parts = text.split('/')
  if (parts.length > 2) return null
  const first = parseSpan(parts[0] ?? '')
  if (!first) return null
  if (parts.length === 1) {
    return { text, kind: first.precision, start: first.start, end: first.end, mid: first.start + (first.end - first.start) / 2 }
  }
  const last = parseSpan(parts[1] ?? '')
  if (!last || last.end <= first.start) return null
  return { text, kind: 'interval', start: first.start, end: last.end, mid: first.start + (last.end - first.start) / 2 }
}

/** The precision of the period's first end (an interval reports the precision of its start). */
export function periodPrecision(period: Period): Precision {
  if (period.kind !== 'interval') return period.kind
  const first = period.text.split('/')[0] ?? ''
  return YEAR.test(first) ? 'year' : MONTH.test(first) ? 'month' : 'day'
}

/** The calendar fields of a time-axis number (month 1–12). */
export interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Reads a time-axis number (as made by parsePeriod or yearStart) back as calendar fields. */
export function calendarDate(time: number): CalendarDate {
  const date = new Date(time)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The calendar year a time-axis number falls in. */
export function yearOf(time: number): number {
  return new Date(time).getUTCFullYear()
}

/** The time-axis number of 1 January of a year. */
export function yearStart(year: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(year, 0, 1)
}

/** The year a period starts in. */
export function firstYear(period: Period): number {
  return yearOf(period.start)
}

/** The year a period's last day falls in (its end is exclusive). */
export function lastYear(period: Period): number {
  return yearOf(period.end - 1)
}
