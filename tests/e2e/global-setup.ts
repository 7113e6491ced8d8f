import { existsSync } from 'node:fs'
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

let server: PreviewServer | undefined

/**
 * Serves the built app on 127.0.0.1 for the browser tests: dist/, or the folder in VIGIE_DIST
 * (so several builds can be tested side by side).
 */
export async function setup(project: TestProject): Promise<void> {
  const outDir = process.env.VIGIE_DIST ?? 'dist'
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` before the browser tests`)
  server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4173, strictPort: false },
    logLevel: 'warn',
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  project.provide('baseUrl', url)
}

export async function teardown(): Promise<void> {
  await server?.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
