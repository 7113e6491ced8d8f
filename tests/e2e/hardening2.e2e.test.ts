import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { baseUrl, launch, openPage, waitForChart } from './browser'
import { download, unzip } from './files'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

describe('a cut emoji (issue 24, 1)', () => {
  it('the note of 199 × "a" + 😀 gives a well-formed PowerPoint, and the address follows the view to Index', async () => {
    const note = encodeURIComponent(`${'a'.repeat(199)}😀`)
    const title = encodeURIComponent('😀'.repeat(150))
    const { page, record } = await openPage(context, `/#/?off=grooming&title=${title}&note=${note}`)
    await waitForChart(page)
    expect(await page.locator('[data-testid="chart-note"]').textContent()).toBe('a'.repeat(199))
    const zip = unzip((await download(page, 'export-pptx')).bytes)
    let parts = 0
    for (const [name, bytes] of zip) {
      if (!name.endsWith('.xml')) continue
      parts++
      // Invalid UTF-8 (half an emoji) is what PowerPoint refused.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      const bad = await page.evaluate((t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null, text)
      expect(bad, name).toBeNull()
    }
    expect(parts).toBeGreaterThan(5)
    expect(new TextDecoder().decode(zip.get('docProps/core.xml'))).toContain('😀'.repeat(100))
    await page.click('[data-testid="share-toggle"]')
    await page.locator('input[name="view-mode"][data-mode="index"]').check()
    await expect.poll(() => new URL(page.url()).hash).toContain('view=index')
    await page.click('[data-testid="share-toggle"]')
    await page.click('[data-testid="copy-link"]')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
    expect(page.url()).toContain('view=index')
    expect(record.pageErrors).toEqual([])
    await page.close()
  })
})
