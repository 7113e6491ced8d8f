import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

export { unzip } from '../helpers/zip'

/** Width and height of a PNG, from its IHDR header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('no IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Clicks a share-menu item and returns the downloaded file's name and bytes. */
export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const panel = page.locator('[data-testid="share-panel"]')
  if (!(await panel.isVisible())) {
    await page.click('[data-testid="share-toggle"]')
    await panel.waitFor()
  }
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(`[data-testid="${testId}"]`)])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(path) }
}
