import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'

/**
 * One page of a long list (a 10,000-column file's columns): only that page is rendered, so the
 * mapping step stays a few thousand elements whatever the width.
 */
export interface Page {
  readonly page: Ref<number>
  /** 0-based, end exclusive. */
  readonly from: ComputedRef<number>
  readonly to: ComputedRef<number>
  readonly total: ComputedRef<number>
  readonly size: number
  move(delta: number): void
}

export function usePage(count: () => number, size: number): Page {
  const page = ref(0)
  const total = computed(count)
  const last = computed(() => Math.max(0, Math.ceil(total.value / size) - 1))
  watch(last, (n) => {
    if (page.value > n) page.value = n
  })
  const from = computed(() => Math.min(page.value, last.value) * size)
  const to = computed(() => Math.min(total.value, from.value + size))
  return {
    page,
    from,
    to,
    total,
    size,
    move: (delta) => {
      page.value = Math.max(0, Math.min(last.value, page.value + delta))
    },
  }
}
