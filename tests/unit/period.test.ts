import { describe, expect, it } from 'vitest'
import { parsePeriod, periodPrecision } from '../../src/core/period'

describe('parsePeriod', () => {
  it('reads a year, a month and a day with their span', () => {
    const year = parsePeriod('2013')!
    expect(year.kind).toBe('year')
    expect(new Date(year.start).getFullYear()).toBe(2013)
    expect(new Date(year.end).getFullYear()).toBe(2014)
    expect(new Date(year.mid).getMonth()).toBe(6) // drawn mid-year

    const month = parsePeriod('2020-07')!
    expect(month.kind).toBe('month')
    expect(new Date(month.end).getMonth()).toBe(7)

    const day = parsePeriod('2020-07-15')!
    expect(day.kind).toBe('day')
    expect(day.end - day.start).toBeGreaterThanOrEqual(23 * 3600_000)
  })

  it('reads an interval and draws it at its middle', () => {
    const p = parsePeriod('2020-03-18/2020-07-15')!
    expect(p.kind).toBe('interval')
    expect(new Date(p.start).getDate()).toBe(18)
    expect(new Date(p.end).getDate()).toBe(16) // exclusive end: the day after 15 July
    expect(periodPrecision(p)).toBe('day')
    expect(p.mid).toBeGreaterThan(p.start)
    expect(p.mid).toBeLessThan(p.end)
  })

  it.each(['', '13', '2013-13', '2021-02-30', '2020-7', '15/07/2020', '2020-Q1', '2020/2019', 'abc', '2020-01-01/2020-01-02/2020'])(
    'rejects %j',
    (text) => expect(parsePeriod(text)).toBeNull(),
  )
})
