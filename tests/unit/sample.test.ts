import { describe, expect, it } from 'vitest'
import { lttb } from '../../src/core/sample'

const pts = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 10) * 100 + (i === 500 ? 1000 : 0) }))

describe('lttb', () => {
  it('thins a long series to the threshold, keeping the ends and the peaks', () => {
    const data = pts(5000)
    const out = lttb(data, 300, (p) => p.x, (p) => p.y)
    expect(out).toHaveLength(300)
    expect(out[0]).toBe(data[0])
    expect(out[out.length - 1]).toBe(data[4999])
    expect(out.some((p) => p.x === 500)).toBe(true) // the spike survives
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x)
  })

  it('returns a short series unchanged', () => {
    const data = pts(50)
    expect(lttb(data, 300, (p) => p.x, (p) => p.y)).toBe(data)
  })
})
