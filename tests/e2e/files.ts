import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import type { Page } from 'playwright-core'

/** Width and height of a PNG, from its IHDR header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('no IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** A tiny zip reader: the central directory's entries, stored or deflated. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('no end of central directory: not a zip')
  const count = bytes.readUInt16LE(eocd + 10)
  let p = bytes.readUInt32LE(eocd + 16)
  const files = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = bytes.readUInt16LE(p + 10)
    const size = bytes.readUInt32LE(p + 20)
    const nameLength = bytes.readUInt16LE(p + 28)
    const extraLength = bytes.readUInt16LE(p + 30)
    const commentLength = bytes.readUInt16LE(p + 32)
    const local = bytes.readUInt32LE(p + 42)
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8')
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(start, start + size)
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data))
    p += 46 + nameLength + extraLength + commentLength
  }
  return files
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
