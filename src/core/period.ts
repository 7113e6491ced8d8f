import { addDays, addMonths, addYears, isValid, parseISO } from 'date-fns'
import type { Period, Precision } from './model'

const YEAR = /^\d{4}$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

interface Span {
  readonly precision: Precision
  readonly start: Date
  /** Exclusive end. */
  readonly end: Date
}

function parseSpan(text: string): Span | null {
  let precision: Precision
  if (YEAR.test(text)) precision = 'year'
  else if (MONTH.test(text)) precision = 'month'
  else if (DAY.test(text)) precision = 'day'
  else return null
  const start = parseISO(text)
  // parseISO rolls 2021-02-30 into March: reject dates that do not round-trip.
  if (!isValid(start)) return null
  if (precision === 'day' && start.getDate() !== Number(text.slice(8, 10))) return null
  const end = precision === 'year' ? addYears(start, 1) : precision === 'month' ? addMonths(start, 1) : addDays(start, 1)
  return { precision, start, end }
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
    const start = first.start.getTime()
    const end = first.end.getTime()
    return { text, kind: first.precision, start, end, mid: start + (end - start) / 2 }
  }
  const last = parseSpan(parts[1] ?? '')
  if (!last || last.end.getTime() <= first.start.getTime()) return null
  const start = first.start.getTime()
  const end = last.end.getTime()
  return { text, kind: 'interval', start, end, mid: start + (end - start) / 2 }
}

/** The precision of the period's first end (an interval reports the precision of its start). */
export function periodPrecision(period: Period): Precision {
  if (period.kind !== 'interval') return period.kind
  const first = period.text.split('/')[0] ?? ''
  return YEAR.test(first) ? 'year' : MONTH.test(first) ? 'month' : 'day'
}
