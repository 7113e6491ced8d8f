import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * The element's size as its ResizeObserver last reported it (null before the first report, which
 * comes after the first layout: reading the size in mounted would force one).
 */
export function useChartSize(element: Ref<HTMLElement | null>, onResize: (size: { width: number; height: number }) => void): Ref<{ width: number; height: number } | null> {
  const size = ref<{ width: number; height: number } | null>(null)
  let observer: ResizeObserver | null = null
  onMounted(() => {
    if (!element.value) return
    observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      size.value = { width: entry.contentRect.width, height: entry.contentRect.height }
      onResize(size.value)
    })
    observer.observe(element.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return size
}
