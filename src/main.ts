import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { framedByOtherOrigin } from './framing'
import { useAppUpdateStore } from './stores/appUpdate'
import './styles/main.css'

const pinia = createPinia()
createApp(App).use(pinia).use(i18n).use(router).mount('#app')

// The service worker that keeps the app and its data for offline use. Its code is a lazy chunk, and
// it starts a few seconds after the page has loaded, when the browser is idle: caching the whole
// build (about 2.5 MB) must not compete with the first chart, nor with the chart engine fetched at
// the first input, on a slow connection. Not in the dev server (no worker is built there), and not
// for an embed framed by another site: that page is the host's, and its browser keeps a separate,
// short-lived store for it.
const SERVICE_WORKER_DELAY_MS = 3000
if (import.meta.env.PROD && 'serviceWorker' in navigator && !framedByOtherOrigin()) {
  const update = useAppUpdateStore(pinia)
  const start = (): void => void import('./serviceWorker').then(({ startServiceWorker }) => startServiceWorker(update))
  const whenIdle = (): void => void ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 5000 }) : start())
  addEventListener('load', () => setTimeout(whenIdle, SERVICE_WORKER_DELAY_MS), { once: true })
}
