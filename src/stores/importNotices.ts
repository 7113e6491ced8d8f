import { ref } from 'vue'

/** What the imports store tells: the user (notices, the last five) and the benchmark (performance marks). */

/** Something to tell the user, with the i18n key under `import.` and its parameters. */
export interface Notice {
  readonly key: string
  readonly params: Record<string, string | number>
  readonly tone: 'info' | 'success' | 'warning' | 'error'
}

/** The notices list and the one way to add to it. */
export function noticeList() {
  const notices = ref<Notice[]>([])
  function say(key: string, params: Record<string, string | number> = {}, tone: Notice['tone'] = 'info'): void {
    notices.value = [...notices.value.slice(-4), { key, params, tone }]
  }
  return { notices, say }
}

export function mark(name: string, start?: string): void {
  try {
    if (start) performance.measure(name, start)
    else performance.mark(name)
  } catch {
    // Marks are for the benchmark only.
  }
}
