import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isStoredThreshold, readThresholdEntry, thresholdOf } from '../../src/core/threshold'

describe('the small-count threshold value', () => {
  it('takes a whole number from 1 to 1,000 typed in the box, and says why it refuses anything else', () => {
    expect(readThresholdEntry(' 7 ')).toEqual({ value: 7 })
    expect(readThresholdEntry('1000')).toEqual({ value: 1000 })
    expect(readThresholdEntry('')).toEqual({ problem: 'empty' })
    expect(readThresholdEntry('-')).toEqual({ problem: 'notWhole' })
    expect(readThresholdEntry('2.5')).toEqual({ problem: 'notWhole' })
    expect(readThresholdEntry('-1')).toEqual({ problem: 'range' })
    expect(readThresholdEntry('0')).toEqual({ problem: 'range' })
    expect(readThresholdEntry('1001')).toEqual({ problem: 'range' })
  })

  it('never reads "off" from a typed entry: only 1 to 1,000 are taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        const read = readThresholdEntry(text)
        if ('value' in read) expect(Number.isInteger(read.value) && read.value >= 1 && read.value <= 1000).toBe(true)
      }),
    )
  })

  it('a stored value that is not 0 (explicitly off) or a whole number from 1 to 1,000 means the default, never off', () => {
    for (const bad of [-5, NaN, 'seven', {}, true, Infinity, 2.5, 1001, null, '5']) {
      expect(isStoredThreshold(bad), String(bad)).toBe(false)
      expect(thresholdOf(bad), String(bad)).toBe(5)
    }
    expect(thresholdOf(undefined)).toBe(5)
    expect(thresholdOf(0)).toBe(0)
    expect(thresholdOf(7)).toBe(7)
  })
})
