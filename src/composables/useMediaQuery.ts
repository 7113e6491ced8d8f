import { onScopeDispose, ref, type Ref } from 'vue'

/**
 * Whether a CSS media query matches, kept up to date while the component (or effect scope) that
 * asked lives; its listener is removed when that ends, so a screen left and opened again does not
 * pile listeners up.
 */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const onChange = (event: MediaQueryListEvent) => (matches.value = event.matches)
  list.addEventListener('change', onChange)
  onScopeDispose(() => list.removeEventListener('change', onChange))
  return matches
}
