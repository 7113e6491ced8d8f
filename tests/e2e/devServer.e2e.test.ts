import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { launch } from './browser'

// `npm start` runs the dev server, not the build: the README's first command must work too.
let server: ViteDevServer
let browser: Browser

beforeAll(async () => {
  server = await createServer({ server: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'error' })
  await server.listen()
  browser = await launch()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('dev server (npm start)', () => {
  it('shows the dashboard on the bundled data: the chart picture first, the interactive chart at the first input', async () => {
    const url = server.resolvedUrls!.local[0]!
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      // vue-i18n warns in development when a key falls back to English: Dutch must be complete.
      if (m.type() === 'error' || m.text().includes('[intlify]')) errors.push(m.text())
    })
    await page.goto(`${url}#/?lang=nl`)
    // The dev server reads data/*.csv itself: the key figures show the bundled data, in Dutch.
    await page.locator('[data-testid="trend-preview"] svg').waitFor({ timeout: 60_000 })
    await expect(page.locator('main').textContent()).resolves.toContain('Child Focus')
    await expect(page.locator('main').textContent()).resolves.toContain('Soort misdrijf')
    expect(await page.locator('[data-testid="trend-chart"] canvas').count()).toBe(0)
    await page.mouse.move(300, 300)
    await page.locator('[data-testid="trend-chart"] canvas').waitFor({ timeout: 60_000 })
    expect(errors).toEqual([])
  }, 180_000)
})
