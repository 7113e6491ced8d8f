/// <reference types="vite/client" />
// virtual:pwa-register (vite-plugin-pwa): the page side of the service worker, in src/serviceWorker.ts.
/// <reference types="vite-plugin-pwa/vanillajs" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** URL of the bundled dataset, read from data/*.csv at build time (scripts/bundledDataset.ts). */
declare module 'virtual:vigie-bundled-dataset' {
  const url: string
  export default url
}
