import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useAppUpdateStore } from '../../../src/stores/appUpdate'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('app update store (a new build waiting for the reader)', () => {
  it('says nothing and does nothing until the service worker offers a new build', async () => {
    const update = useAppUpdateStore()
    expect(update.waiting).toBe(false)
    await update.reload()
    expect(update.reloading).toBe(false)
  })

  it('shows the offer, and takes the new build only when the reader asks, once however often they press', async () => {
    const update = useAppUpdateStore()
    const take = vi.fn(() => Promise.resolve())
    update.offer(take)
    expect(update.waiting).toBe(true)
    expect(take).not.toHaveBeenCalled()
    await Promise.all([update.reload(), update.reload()])
    await update.reload()
    expect(take).toHaveBeenCalledTimes(1)
    expect(update.reloading).toBe(true)
  })
})
