import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * A new build (new data or a new version) waiting to be used: the service worker has cached it
 * and waits (src/serviceWorker.ts). It is taken only when the reader asks, never swapped under them.
 */
export const useAppUpdateStore = defineStore('appUpdate', () => {
  /** A new build is cached and waits for the reader's reload. */
  const waiting = ref(false)
  /** The reader asked: the new build is being taken and the page reloads. */
  const reloading = ref(false)
  let take: (() => Promise<void>) | null = null

  /** Called by the service worker's page side when a new build is ready; `takeIt` activates it and reloads. */
  function offer(takeIt: () => Promise<void>): void {
    take = takeIt
    waiting.value = true
  }

  /** The reader's reload: takes the waiting build once, however often the button is pressed. */
  async function reload(): Promise<void> {
    if (!take || reloading.value) return
    reloading.value = true
    await take()
  }

  return { waiting, reloading, offer, reload }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAppUpdateStore, import.meta.hot))
