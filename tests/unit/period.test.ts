import { describe, expect, it } from 'vitest'
import { calendarDate, firstYear, lastYear, parsePeriod, periodPrecision, yearOf, yearStart } from '../../src/core/period'
import { formatDate, formatPeriod } from '../../src/core/format'
import { inEveryTimeZone } from '../helpers/timezones'

describe('parsePeriod', () => {
  it('reads a year, a month and a day with their span, the same in every time zone', () => {
    inEveryTimeZone((zone) => {
      const year = parsePeriod('2013')!
      expect(year.kind, zone).toBe('year')
      expect(calendarDate(year.start), zone).toEqual({ year: 2013, month: 1, day: 1 })
      expect(calendarDate(year.end), zone).toEqual({ year: 2014, month: 1, day: 1 })
      expect(calendarDate(year.mid).month, zone).toBe(7) // drawn mid-year
      expect([firstYear(year), lastYear(year)], zone).toEqual([2013, 2013])

      const month = parsePeriod('2020-07')!
      expect(month.kind, zone).toBe('month')
      expect(calendarDate(month.start), zone).toEqual({ year: 2020, month: 7, day: 1 })
      expect(calendarDate(month.end), zone).toEqual({ year: 2020, month: 8, day: 1 })

      const day = parsePeriod('2020-07-15')!
      expect(day.kind, zone).toBe('day')
      expect(day.end - day.start, zone).toBe(24 * 3600_000)

      // The first and last days of a year stay in their year.
      expect(firstYear(parsePeriod('2013-01-01')!), zone).toBe(2013)
      expect(lastYear(parsePeriod('2012-12-31')!), zone).toBe(2012)
    })
  })

  it('gives the same time-axis numbers whatever the host time zone', () => {
    const texts = ['2013', '2020-07', '2020-07-15', '2020-03-18/2020-07-15', '2014-04', '1989-11-20']
    const reference = texts.map((t) => parsePeriod(t))
    inEveryTimeZone((zone) => expect(texts.map((t) => parsePeriod(t)), zone).toEqual(reference))
    expect(reference[0]!.start).toBe(Date.UTC(2013, 0, 1))
  })

  it('reads an interval and draws it at its middle', () => {
    inEveryTimeZone((zone) => {
      const p = parsePeriod('2020-03-18/2020-07-15')!
      expect(p.kind).toBe('interval')
      expect(calendarDate(p.start), zone).toEqual({ year: 2020, month: 3, day: 18 })
      expect(calendarDate(p.end), zone).toEqual({ year: 2020, month: 7, day: 16 }) // exclusive end: the day after 15 July
      expect(periodPrecision(p)).toBe('day')
      expect(p.mid).toBeGreaterThan(p.start)
      expect(p.mid).toBeLessThan(p.end)
    })
  })

  it('writes dates and periods with their own calendar fields in every time zone', () => {
    inEveryTimeZone((zone) => {
      expect(formatPeriod(parsePeriod('2013')!, 'en'), zone).toBe('2013')
      expect(formatPeriod(parsePeriod('2014-04')!, 'fr'), zone).toBe('avril 2014')
      expect(formatPeriod(parsePeriod('2013-01-01')!, 'nl'), zone).toBe('1 januari 2013')
      expect(formatPeriod(parsePeriod('2020-03-18/2020-07-15')!, 'en'), zone).toBe('18 March 2020 – 15 July 2020')
      expect(formatDate(yearStart(2012), 'day', 'en'), zone).toBe('1 January 2012')
    })
  })

  it('turns years into axis numbers and back, also for years before 100', () => {
    inEveryTimeZone((zone) => {
      for (const year of [50, 1989, 2013, 2026]) {
        expect(yearOf(yearStart(year)), zone).toBe(year)
        expect(yearOf(yearStart(year + 1) - 1), zone).toBe(year)
      }
    })
  })

  it.each(['', '13', '2013-13', '2021-02-30', '2020-7', '15/07/2020', '2020-Q1', '2020/2019', 'abc', '2020-01-01/2020-01-02/2020'])(
    'rejects %j',
    (text) => expect(parsePeriod(text)).toBeNull(),
  )
})
