// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

describe('afterInputsSettle (when the chart engine loads)', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.resetModules()
  })

  it('waits for a first input, then for inputs to pause, and runs once', async () => {
    vi.useFakeTimers()
    const { afterInputsSettle } = await import('../../src/charts/firstInput')
    const run = vi.fn()
    afterInputsSettle(run, 400)
    vi.advanceTimersByTime(5000)
    expect(run).not.toHaveBeenCalled()
    // A pointer that keeps moving: nothing yet.
    for (let i = 0; i < 10; i++) {
      window.dispatchEvent(new Event('pointermove'))
      vi.advanceTimersByTime(300)
    }
    expect(run).not.toHaveBeenCalled()
    // It rests.
    vi.advanceTimersByTime(400)
    expect(run).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new Event('keydown'))
    vi.advanceTimersByTime(1000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('never runs once cancelled (the chart was taken off the page)', async () => {
    vi.useFakeTimers()
    const { afterInputsSettle } = await import('../../src/charts/firstInput')
    const run = vi.fn()
    const cancel = afterInputsSettle(run, 400)
    window.dispatchEvent(new Event('wheel'))
    vi.advanceTimersByTime(100)
    cancel()
    vi.advanceTimersByTime(1000)
    expect(run).not.toHaveBeenCalled()
  })
})
