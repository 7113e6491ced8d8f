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

// The service worker that keeps the app and its data for offline use, registered once the page
// has loaded (its code is a lazy chunk, off the first load). Not in the dev server (no worker is
// built there), and not for an embed framed by another site: that page is the host's, and its
// browser keeps a separate, short-lived store for it.
if (import.meta.env.PROD && 'serviceWorker' in navigator && !framedByOtherOrigin()) {
  const update = useAppUpdateStore(pinia)
  addEventListener('load', () => void import('./serviceWorker').then(({ startServiceWorker }) => startServiceWorker(update)), { once: true })
}
