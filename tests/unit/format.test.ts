import { describe, expect, it } from 'vitest'
import { escapeHtml, formatDate, formatNumber, formatPeriod } from '../../src/core/format'
import { parsePeriod } from '../../src/core/period'

describe('formatNumber', () => {
  it('writes thousands the Belgian way in each language', () => {
    expect(formatNumber(1232, 'en')).toBe('1,232')
    expect(formatNumber(1232, 'nl')).toBe('1.232')
    expect(formatNumber(1232, 'fr')).toBe('1.232')
    expect(formatNumber(12.5, 'fr')).toBe('12,5')
    expect(formatNumber(4325000, 'nl')).toBe('4.325.000')
  })
})

describe('formatDate and formatPeriod', () => {
  it('keep the precision the data has, in the chosen language', () => {
    const april = parsePeriod('2014-04')!
    expect(formatDate(april.start, 'month', 'en')).toBe('April 2014')
    expect(formatDate(april.start, 'month', 'fr')).toBe('avril 2014')
    expect(formatDate(april.start, 'month', 'nl')).toBe('april 2014')
    expect(formatDate(parsePeriod('2013-03-08')!.start, 'day', 'fr')).toBe('8 mars 2013')
    expect(formatPeriod(parsePeriod('2013')!, 'nl')).toBe('2013')
  })

  it('label an interval by its first and last day', () => {
    expect(formatPeriod(parsePeriod('2020-03-18/2020-07-15')!, 'en')).toBe('18 March 2020 – 15 July 2020')
  })
})

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;')
  })
})
