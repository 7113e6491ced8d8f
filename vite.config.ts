import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'
import { bundledDataset } from './scripts/bundledDataset'
import { readDataVersion } from './scripts/dataVersion'
import { staticData } from './scripts/staticData'

/**
 * Strict Content-Security-Policy for the built app only: the dev server injects inline
 * scripts and styles for hot reload, which a strict policy would block.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'vigie-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      )
    },
  }
}

/**
 * Only embed.html may be framed by other sites: every other page tells the browser so, as a host
 * should (README, "Security"). A meta CSP cannot carry frame-ancestors, hence a header.
 */
export const FRAME_ANCESTORS = "frame-ancestors 'self'"

function frameAncestors(): Plugin {
  const guard = (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void): void => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!
    if (!path.endsWith('/embed.html')) res.setHeader('Content-Security-Policy', FRAME_ANCESTORS)
    next()
  }
  return {
    name: 'vigie-frame-ancestors',
    configureServer(server) {
      server.middlewares.use(guard)
      // The dev server has no embed.html: it serves the app's page under that name.
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/embed.html')) req.url = req.url.replace('/embed.html', '/index.html')
        next()
      })
    },
    configurePreviewServer: (server) => void server.middlewares.use(guard),
  }
}

/**
 * embed.html: the built index.html under a second name, the page other sites may frame (hosts
 * send index.html `frame-ancestors 'self'`). A copy, not a second entry, so the chunks stay as
 * they are.
 */
function embedPage(): Plugin {
  return {
    name: 'vigie-embed-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (!index || index.type !== 'asset') throw new Error('vigie-embed-page: no index.html in the bundle')
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: index.source })
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
      escapeHtml: false,
      // Every message is precompiled (locales/**), so vue-i18n's JIT message compiler never runs:
      // leave it out of the first load (-4.7 KB gzip).
      dropMessageCompiler: true,
    }),
    contentSecurityPolicy(),
    frameAncestors(),
    embedPage(),
    bundledDataset(fileURLToPath(new URL('./data', import.meta.url))),
    // data/v1/ (static data URLs, zip, DCAT-AP) and the page's schema.org Dataset JSON-LD.
    staticData(fileURLToPath(new URL('./data', import.meta.url))),
  ],
  base: './',
  define: {
    // The bundled data's release day and content hash (src/dataVersion.ts).
    __VIGIE_DATA_VERSION__: JSON.stringify(readDataVersion(fileURLToPath(new URL('./data', import.meta.url)))),
    // Feature flags of Vue and vue-i18n: drop what Vigie does not use from the bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    target: 'es2022',
    manifest: true,
    // Inlined assets would become data: URLs; keep data files as real files fetched from 'self'.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // ECharts (and zrender) in a chunk of its own: the interactive chart and the SVG export share
        // it, and a test can tell from the requests that it never loads before the first input.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
  },
})
