/**
 * Draws the app's install icons (public/icons/*.png) from public/favicon.svg with the machine's
 * Chromium, so they stay in step with the favicon without an image library. Run after editing the
 * favicon: `node scripts/make-icons.mjs`; the PNGs are committed (the build only copies them).
 *
 * - icon-192.png, icon-512.png: the favicon as it is ("any" purpose).
 * - icon-maskable-512.png: full-bleed background and the mark shrunk into the middle, so the
 *   launcher's circle or squircle crop (the inner 80 %) never cuts the line.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const svg = readFileSync('public/favicon.svg', 'utf8')
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1]
const mark = /<path[^>]*\/>/.exec(svg)?.[0]
if (!background || !mark) throw new Error('public/favicon.svg: expected one <rect fill="#…"> and one <path/>')
// Scaled to 70 % about the centre: the mark then lies within 10.2 of 16 units from the centre (safe zone: 12.8).
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(4.8 4.8) scale(0.7)">${mark}</g></svg>`

const icons = [
  { file: 'public/icons/icon-192.png', size: 192, source: svg },
  { file: 'public/icons/icon-512.png', size: 512, source: svg },
  { file: 'public/icons/icon-maskable-512.png', size: 512, source: maskable },
]

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
try {
  const page = await browser.newPage()
  for (const { file, size, source } of icons) {
    const base64 = await page.evaluate(
      async ({ text, px }) => {
        const img = new Image(px, px)
        img.src = `data:image/svg+xml;base64,${btoa(text)}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = px
        canvas.height = px
        canvas.getContext('2d').drawImage(img, 0, 0, px, px)
        return canvas.toDataURL('image/png').split(',')[1]
      },
      { text: source, px: size },
    )
    writeFileSync(file, Buffer.from(base64, 'base64'))
    console.log(`${file}  ${size}×${size}`)
  }
} finally {
  await browser.close()
}
