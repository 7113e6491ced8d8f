/**
 * What a reader sees, measured: the boxes of the texts ECharts actually drew (its display list),
 * the legend's entries and colours, the milestone key against the milestones drawn, on a desktop
 * screen in EN, FR and NL, on a phone, and in the exported slide and SVG.
 */
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { drawnMilestones, launch, openPage, waitForChart } from './browser'
import { download, unzip } from './files'
import { englishWords, frenchOrDutchWords, frenchSpacingMisses, type Reader } from '../helpers/english'
import { drawnTexts, expectDirectLabels, intersects, type Box } from './geometry'

type Option = {
  grid: { top: number }[]
  series: { id: string; color?: string; symbol?: string; xAxisIndex?: number }[]
}
const optionOf = (page: Page): Promise<Option> =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart.getOption())) as Option)

/** Checks a drawn chart as a reader would, and returns its milestone numbers. */
async function checkLegible(page: Page): Promise<string[]> {
  const option = await optionOf(page)
  const texts = await drawnTexts(page)
  expect(texts.length).toBeGreaterThan(5)
  // No text of the chart is cut, and no two overlap: milestone numbers, unit names, axis labels.
  for (const t of texts) expect(t.text.endsWith('…'), t.text).toBe(false)
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i]!, texts[j]!]
      expect(intersects(a, b), `"${a.text}" (${Math.round(a.x)},${Math.round(a.y)}) overlaps "${b.text}" (${Math.round(b.x)},${Math.round(b.y)})`).toBe(false)
    }
  }
  // Over several years the time axis names years, never a month ("Jul 2017" would read as a yearly figure's month).
  const months = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|mrt|mei|okt)\b/i
  expect(texts.filter((t) => months.test(t.text)).map((t) => t.text)).toEqual([])
  // Every milestone drawn carries its number above the plot.
  const numbers = await drawnMilestones(page)
  const top = option.grid[0]!.top
  for (const n of numbers) expect(texts.some((t) => t.text === n && t.y + t.height <= top + 1), `milestone ${n} labelled`).toBe(true)
  // No figure covers a milestone number: each point's symbol box (radius 5) stays clear of every number's box.
  const symbols = await page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; xAxisIndex?: number; data?: unknown[] }[] }; convertToPixel: (f: object, v: number[]) => number[] } }).__vigieChart
    const out: { x: number; y: number }[] = []
    for (const s of chart.getOption().series) {
      if (s.id.startsWith('milestones-')) continue
      for (const d of s.data ?? []) {
        const v = (Array.isArray(d) ? d : (d as { value?: number[] })?.value) as number[] | undefined
        if (!v || v[1] === null || v[1] === undefined) continue
        const [x, y] = chart.convertToPixel({ gridIndex: s.xAxisIndex ?? 0 }, v) as [number, number]
        out.push({ x, y })
      }
    }
    return out
  })
  for (const n of numbers) {
    for (const label of texts.filter((t) => t.text === n && t.y + t.height <= top + 1)) {
      const covered = symbols.find((p) => intersects(label, { text: '', x: p.x - 5, y: p.y - 5, width: 10, height: 10 }))
      expect(covered, `milestone ${n} covered by a point at ${covered?.x},${covered?.y}`).toBeUndefined()
    }
  }
  // The key under the chart lists exactly the milestones drawn.
  const key = await page.locator('.milestone-key li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-milestone')!))
  expect([...key].sort((a, b) => Number(a) - Number(b))).toEqual(numbers)
  // Every drawn series has a legend entry of its own colour, and no two series share colour and symbol.
  const lines = option.series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#'))
  expect(lines.length).toBeGreaterThan(0)
  const legend = await page.locator('[data-testid="chart-legend"] li').evaluateAll((lis) =>
    lis.map((li) => ({
      key: li.getAttribute('data-series')!,
      colour: li.getAttribute('data-colour')!,
      symbol: li.getAttribute('data-symbol')!,
      // The mark drawn in the entry: its stroke's and its symbol's colours.
      stroke: li.querySelector('svg line')?.getAttribute('stroke'),
      fill: li.querySelector('svg path')?.getAttribute('fill'),
      visible: (li as HTMLElement).offsetWidth > 0,
    })),
  )
  for (const s of lines) {
    const entry = legend.find((l) => l.key === s.id)
    expect(entry, `legend entry for ${s.id}`).toBeDefined()
    // The entry's line, colour and symbol are the line's…
    expect([entry!.colour, entry!.stroke, entry!.fill, entry!.symbol]).toEqual([s.color, s.color, s.color, s.symbol])
    expect(entry!.visible).toBe(true)
    // …and no other line of its panel looks the same (colour and symbol).
    const twins = lines.filter((o) => o !== s && (o.xAxisIndex ?? 0) === (s.xAxisIndex ?? 0) && o.color === s.color && o.symbol === s.symbol)
    expect(twins.map((o) => o.id), `lines drawn like ${s.id} in its panel`).toEqual([])
  }
  // Direct labels, where the layout drew them: one per line in its colour, none cut or overlapping.
  await expectDirectLabels(page, 'chart')
  // No visible text of the page ends in an ellipsis.
  const cut = await page.evaluate(() => document.body.innerText.split('\n').filter((line) => line.trim().endsWith('…')))
  expect(cut).toEqual([])
  return numbers
}

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

describe('legible on screen', () => {
  for (const lang of ['en', 'fr', 'nl', 'de'] as const) {
    it(`dashboard at 1366 px in ${lang.toUpperCase()}: no text overlaps or is cut, every line in the legend, the key = the milestones drawn`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
      const { page } = await openPage(context, `/#/?lang=${lang}`)
      await waitForChart(page)
      await checkLegible(page)
      // At this width each line is named at its end, as well as in the legend.
      expect(await expectDirectLabels(page, `dashboard ${lang}`)).toBeGreaterThan(0)
      await page.screenshot({ path: `tests/e2e/screenshots/dashboard-legible-${lang}.png`, fullPage: true })
      await context.close()
    })
  }

  for (const path of ['/#/?off=sextortion&lang=en', '/#/?off=csam&lang=en', '/#/?off=grooming&ms=all&lang=en', '/#/?view=index&lang=en']) {
    it(`stays legible for ${path} at 1920 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
      const { page } = await openPage(context, path)
      await waitForChart(page)
      await checkLegible(page)
      await context.close()
    })
  }

  it('on a 390 px phone: the same, every panel at least 100 px tall', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const { page } = await openPage(context, '/#/?lang=en')
    await waitForChart(page)
    await checkLegible(page)
    const heights = await page.evaluate(() => (window as unknown as { __vigieChart: { getOption: () => { grid: { height: number }[] } } }).__vigieChart.getOption().grid.map((g) => g.height))
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(100)
    // No room for direct labels on a phone: the legend names the lines.
    expect(await expectDirectLabels(page, 'phone')).toBe(0)
    // The chart starts in the first screen (at least 150 px of it above the fold), the key figures follow it,
    // each card with its source.
    const chart = await page.locator('[data-testid="trend-chart"]').boundingBox()
    expect(chart!.y + 150).toBeLessThanOrEqual(844)
    const cards = page.locator('[data-testid="key-figure"]')
    expect(await cards.count()).toBeGreaterThan(0)
    for (const source of await cards.locator('.card-source').all()) {
      expect(await source.isVisible()).toBe(true)
      expect(await source.textContent()).toMatch(/^Source: \S/)
    }
    await page.screenshot({ path: 'tests/e2e/screenshots/dashboard-phone-legible-en.png', fullPage: true })
    await context.close()
  })

  it('names the common base year of the index view in the subtitle of its exports and in every line’s Table row', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?view=index&tab=table&lang=en')
    const rows = page.locator('[data-testid="figures-table"] tbody tr')
    await rows.first().waitFor()
    const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[3]!.textContent ?? ''))
    const bases = new Set(units.map((u) => /(\d{4})/.exec(u)?.[1]))
    expect(bases.size).toBe(1)
    await context.close()
  })
})

describe('the embed explains what it draws', () => {
  for (const width of [360, 800]) {
    it(`at ${width} px: every line in the legend, every milestone number drawn explained in a key inside the frame, years only on the time axis`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const { page } = await openPage(context, '/embed.html#/embed?lang=en')
      await waitForChart(page)
      const numbers = await checkLegible(page)
      expect(numbers.length).toBeGreaterThan(0)
      // The key is inside the embed's own frame, after the chart.
      const inside = await page.evaluate(() => {
        const key = document.querySelector('[data-testid="embed"] .milestone-key')
        return key !== null && (key as HTMLElement).offsetHeight > 0
      })
      expect(inside).toBe(true)
      await page.screenshot({ path: `tests/e2e/screenshots/embed-${width}.png`, fullPage: true })
      await context.close()
    })
  }
})

describe('the HTML file on a phone', () => {
  it('is readable at 390 px: nothing wider than the screen, the chart drawn for a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    const { page } = await openPage(context, '/#/?lang=fr')
    await waitForChart(page)
    const html = (await download(page, 'export-html')).bytes.toString('utf8')
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    const sheet = await phone.newPage()
    await sheet.setContent(html)
    expect(await sheet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // The phone chart is shown, the wide one hidden; its text is at least 10 px on the phone's screen.
    const sizes = await sheet.evaluate(() =>
      [...document.querySelectorAll('.narrow svg text')].map((t) => {
        const svg = t.closest('svg')!
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))
        return Number.parseFloat(getComputedStyle(t).fontSize) * scale
      }),
    )
    expect(sizes.length).toBeGreaterThan(3)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10)
    expect(await sheet.locator('.wide').isVisible()).toBe(false)
    await sheet.screenshot({ path: 'tests/e2e/screenshots/html-390-fr.png' })
    await phone.close()
    await context.close()
  })
})

/** Saved views in localStorage before any page of the context runs a script. */
async function seedSavedViews(context: BrowserContext, views: readonly object[]): Promise<void> {
  await context.addInitScript((json) => {
    if (localStorage.getItem('vigie.savedViews') === null) localStorage.setItem('vigie.savedViews', json)
  }, JSON.stringify(views))
}

describe('Present fits the screen', () => {
  for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080]] as const) {
    it(`at ${width}×${height}: chart, legend, the whole milestone key and the ← → controls on the screen, legible`, async () => {
      const context = await browser.newContext({ viewport: { width, height } })
      // The saved views are there before the app's first script: set after it started, a hash-only
      // navigation kept the list the app had already read (empty), and Present never opened.
      await seedSavedViews(context, [
        { id: 'a', name: 'Tendances', savedAt: '2026-01-01T00:00:00Z', query: {} },
        { id: 'b', name: 'CSAM', savedAt: '2026-01-01T00:00:00Z', query: { off: 'csam' } },
      ])
      const { page } = await openPage(context, '/#/present?slide=1&lang=fr')
      await page.locator('[data-testid="present-title"]').waitFor()
      const total = Number(/(\d+)\D*$/.exec((await page.locator('[data-testid="present-counter"]').textContent()) ?? '')?.[1])
      for (let slide = 1; slide <= total; slide++) {
        if (slide > 1) await page.keyboard.press('ArrowRight')
        await expect.poll(() => page.url()).toContain(`slide=${slide}`)
        await waitForChart(page)
        await checkLegible(page)
        const outside = await page.evaluate(() => {
          const h = window.innerHeight
          const w = window.innerWidth
          const boxes = [
            ...document.querySelectorAll('.present-key li, .present-nav button, [data-testid="chart-legend"] li, [data-testid="trend-chart"], .present-title'),
          ]
          // Inside the screen, and not clipped by the key's own box.
          const key = document.querySelector('.present-key')?.getBoundingClientRect()
          return boxes
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            .filter(({ el, r }) => r.bottom > h + 0.5 || r.right > w + 0.5 || r.top < -0.5 || (key !== undefined && el.tagName === 'LI' && el.closest('.present-key') !== null && r.bottom > key.bottom + 0.5))
            .map(({ el, r }) => `${el.className || el.tagName} ${el.getAttribute('data-milestone') ?? ''} ${Math.round(r.top)}-${Math.round(r.bottom)}`)
        })
        expect(outside).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true)
        // Present names each line at its end (the room is there at every projector size tested).
        if (slide === 1) expect(await expectDirectLabels(page, `present ${width}`)).toBeGreaterThan(0)
        if (slide === 1) await page.screenshot({ path: `tests/e2e/screenshots/present-${width}x${height}.png` })
      }
      await context.close()
    })
  }
})

describe('legible in exports', () => {
  for (const [offence, lang] of [['sextortion', 'en'], ['csam', 'fr'], ['default', 'fr']] as const) {
    it(`the ${offence} slide (${lang}): the key holds exactly the milestones drawn, no text is cut, the PowerPoint speaks ${lang}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
      const { page } = await openPage(context, offence === 'default' ? `/#/?lang=${lang}` : `/#/?off=${offence}&lang=${lang}`)
      await waitForChart(page)
      const drawn = await drawnMilestones(page)
      const slide = await download(page, 'export-png-slide')
      writeFileSync(`tests/e2e/screenshots/slide-${offence}-${lang}.png`, slide.bytes)
      const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
      const texts = await page.evaluate((markup) => [...new DOMParser().parseFromString(markup, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent ?? ''), svg)
      for (const t of texts) expect(t.endsWith('…'), t).toBe(false)
      // The milestone key of the export: "N — date: title" lines (the number set apart), exactly the milestones drawn.
      const keyNumbers = texts.map((t) => /^(\d+) — /.exec(t)?.[1]).filter((n): n is string => n !== undefined)
      expect([...new Set(keyNumbers)].sort((a, b) => Number(a) - Number(b))).toEqual(drawn)
      const pptx = (await download(page, 'export-pptx')).bytes
      const parts = unzip(pptx)
      const slideXml = parts.get('ppt/slides/slide1.xml')!.toString('utf8')
      const tag = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE' }[lang]
      expect(slideXml).toContain(`lang="${tag}"`)
      expect(slideXml).not.toContain('lang="en-US"')
      const notes = parts.get('ppt/notesSlides/notesSlide1.xml')!.toString('utf8')
      for (const n of drawn) expect(notes).toMatch(new RegExp(`- ${n} — `))
      await context.close()
    })
  }
})

describe('a crowded view on slides', () => {
  it('spreads the whole CSAM view (FR, all series) over several slides, each legible: no two texts intersect, years on the axis, every milestone drawn in its key', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    const { page } = await openPage(context, '/#/?off=csam&sr=all&lang=fr')
    await waitForChart(page)
    const drawn = await drawnMilestones(page)
    const panels = (await optionOf(page)).grid.length
    const svg = (await download(page, 'export-svg-slide')).bytes.toString('utf8')
    const parts = unzip((await download(page, 'export-pptx')).bytes)
    const slides = [...parts.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).length
    expect(panels).toBeGreaterThan(4)
    expect(slides).toBeGreaterThan(1)
    expect(slides).toBeLessThan(panels)
    for (let n = 1; n <= slides; n++) {
      const xml = parts.get(`ppt/slides/slide${n}.xml`)!.toString('utf8')
      expect(xml).toContain(`partie ${n} sur ${slides}`)
      expect(xml).toContain('lang="fr-BE"')
      expect(parts.has(`ppt/notesSlides/notesSlide${n}.xml`)).toBe(true)
    }
    // The first part as the SVG slide, measured where a browser draws it.
    const sheet = await context.newPage()
    await sheet.setViewportSize({ width: 1920, height: 1080 })
    await sheet.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`)
    const boxes: Box[] = await sheet.evaluate(() =>
      [...document.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const r = t.getBoundingClientRect()
          return { text: t.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height }
        }),
    )
    await sheet.screenshot({ path: 'tests/e2e/screenshots/slide-svg-csam-fr.png' })
    const overlaps: string[] = []
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => intersects(a, b) && overlaps.push(`"${a.text}" × "${b.text}"`)))
    expect(overlaps).toEqual([])
    for (const b of boxes) expect(b.text.endsWith('…'), b.text).toBe(false)
    // Type that reads from the back of a room: every text of the 1920×1080 slide at least 18 px, the
    // title larger than the chart's, the key not smaller than the chart's.
    const sizes = await sheet.evaluate(() =>
      [...document.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({ text: t.textContent ?? '', size: Number.parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1) })),
    )
    const small = sizes.filter((t) => t.size < 17.5).map((t) => `${t.text} (${t.size.toFixed(1)} px)`)
    expect(small).toEqual([])
    const chartSize = Math.min(...sizes.filter((t) => /^20\d\d$/.test(t.text)).map((t) => t.size))
    expect(Math.max(...sizes.map((t) => t.size))).toBeGreaterThan(chartSize * 1.5)
    expect(Math.min(...sizes.filter((t) => /^\d+ — /.test(t.text)).map((t) => t.size))).toBeGreaterThanOrEqual(chartSize)
    for (const b of boxes) expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= 1920 && b.y + b.height <= 1080, `${b.text} inside the slide`).toBe(true)
    expect(boxes.filter((b) => /^20\d\d$/.test(b.text)).length).toBeGreaterThanOrEqual(3)
    const keyNumbers = boxes.map((b) => /^(\d+) — /.exec(b.text)?.[1]).filter((n): n is string => n !== undefined)
    expect([...new Set(keyNumbers)].sort((a, b) => Number(a) - Number(b))).toEqual(drawn)
    // The subtitle (wrapped over lines) says which part this is.
    expect(boxes.map((b) => b.text).join(' ')).toContain(`partie 1 sur ${slides}`)
    await context.close()
  })
})

describe('words a presenter can keep', () => {
  it('sets a title, subtitle and note on the dashboard; the link, the SVG export and the embed carry them', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    const { page } = await openPage(context, '/#/?off=grooming&lang=en')
    await waitForChart(page)
    await page.locator('[data-testid="chart-words"] summary').click()
    await page.fill('[data-testid="words-title"]', 'Grooming files since the 2014 laws')
    await page.fill('[data-testid="words-subtitle"]', 'Child Focus case files, Belgium')
    await page.fill('[data-testid="words-note"]', '2024 figures are provisional.')
    await page.locator('[data-testid="words-note"]').press('Tab')
    await expect.poll(() => page.url()).toContain('note=')
    expect(decodeURIComponent(page.url().replace(/\+/g, ' '))).toContain('title=Grooming files since the 2014 laws')
    await expect(page.locator('[data-testid="chart-title"]').textContent()).resolves.toBe('Grooming files since the 2014 laws')
    await expect(page.locator('[data-testid="chart-note"]').textContent()).resolves.toBe('2024 figures are provisional.')
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    expect(svg).toContain('>Grooming files since the 2014 laws</text>')
    expect(svg).toContain('>Child Focus case files, Belgium</text>')
    expect(svg).toContain('>2024 figures are provisional.</text>')
    // The same link as an embed shows the same words.
    const embed = await context.newPage()
    await embed.goto(page.url().replace('#/?', '#/embed?'))
    await embed.locator('[data-testid="embed-note"]').waitFor()
    expect(await embed.locator('h1').textContent()).toBe('Grooming files since the 2014 laws')
    expect(await embed.locator('[data-testid="embed-note"]').textContent()).toBe('2024 figures are provisional.')
    await context.close()
  })
})

describe('words being typed', () => {
  it('keeps a title being typed when the editor redraws before it is committed (its placeholders arriving)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?off=grooming&lang=en')
    await waitForChart(page)
    // The generated placeholders come with the share catalogue, held back here until the title is typed.
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/messages-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.locator('[data-testid="chart-words"] summary').click()
    await page.locator('[data-testid="words-title"]').click()
    await page.keyboard.type('Grooming since 2014')
    release()
    // The placeholder arrives and the editor redraws; the box keeps its focus and what was typed.
    await expect.poll(() => page.locator('[data-testid="words-subtitle"]').getAttribute('placeholder')).toBeTruthy()
    expect(await page.locator('[data-testid="words-title"]').inputValue()).toBe('Grooming since 2014')
    await page.keyboard.press('Tab')
    await expect.poll(() => decodeURIComponent(page.url().replace(/\+/g, ' '))).toContain('title=Grooming since 2014')
    expect(await page.locator('[data-testid="chart-title"]').textContent()).toBe('Grooming since 2014')
    await context.close()
  })
})

describe('keyboard and screen readers', () => {
  it('skips to the chart, walks its figures and milestones with the arrow keys and M, and reads each out', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?ind=cf_hotline_reports&lang=en')
    await page.locator('[data-testid="trend-chart"]').waitFor({ state: 'attached' })
    // "Skip to the chart" is the first Tab stop of the dashboard.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-to-chart')
    expect(await page.locator('[data-testid="skip-to-chart"]').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('trend-chart')
    const readout = page.locator('[data-testid="chart-readout"]')
    expect(await readout.getAttribute('aria-live')).toBe('polite')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => readout.textContent()).toContain('2013: 1,232')
    expect(await readout.textContent()).toContain('Source:')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => readout.textContent()).toMatch(/2014: 1,4\d\d/)
    await page.keyboard.press('m')
    const first = page.locator('.milestone-key li').first()
    const number = await first.getAttribute('data-milestone')
    await expect.poll(() => readout.textContent()).toContain(`Milestone ${number}:`)
    expect(await readout.textContent()).toContain((await first.locator('.milestone-title').textContent())!.trim())
    await page.keyboard.press('Escape')
    await expect.poll(() => readout.textContent()).toBe('')
    await context.close()
  })

  it('puts the view controls a few Tab presses after the offence chips', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?lang=en')
    await page.locator('.filters [data-offence="general"]').focus()
    let presses = 0
    while (presses < 40 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'mode' || document.activeElement?.closest('.view-controls') !== null))) {
      await page.keyboard.press('Tab')
      presses++
    }
    expect(presses).toBeLessThanOrEqual(8)
    await context.close()
  })
})

describe('the link follows quick successive changes', () => {
  it('keeps every one of three edits made a task apart, in the view and in the link', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?off=grooming&lang=en')
    await waitForChart(page)
    await page.locator('[data-testid="chart-words"] summary').click()
    await page.evaluate(async () => {
      const edit = (testid: string, value: string) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!
        input.value = value
        input.dispatchEvent(new Event('change'))
      }
      // A task apart: each change's link is still being written when the next one comes.
      edit('words-title', 'One')
      await new Promise((resolve) => setTimeout(resolve, 0))
      edit('words-subtitle', 'Two')
      await new Promise((resolve) => setTimeout(resolve, 0))
      edit('words-note', 'Three')
    })
    await expect.poll(() => page.url()).toContain('note=Three')
    await page.waitForTimeout(300)
    const url = new URL(page.url().replace('#/', ''))
    expect([url.searchParams.get('title'), url.searchParams.get('sub'), url.searchParams.get('note')]).toEqual(['One', 'Two', 'Three'])
    expect(await page.locator('[data-testid="chart-title"]').textContent()).toBe('One')
    await context.close()
  })
})

/** Every text a reader of the page meets (and its screen-reader names), leaving out what is marked as another language and quoted sentences. */
function readerTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang
    const out: string[] = []
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (['SCRIPT', 'STYLE', 'BLOCKQUOTE', 'TEMPLATE', 'NOSCRIPT'].includes(e.tagName.toUpperCase())) return true
        const l = e.getAttribute('lang')
        if (l && !l.startsWith(lang.slice(0, 2))) return true
      }
      return false
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim()
      if (text && !skip(n.parentElement)) out.push(text)
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (skip(el)) continue
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const v = el.getAttribute(a)
        if (v) out.push(v)
      }
    }
    return out
  })
}

/** The words of an SVG export's `<text>` elements. */
const svgTexts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"))
/** The texts of an Office XML part (`<a:t>`). */
const officeTexts = (xml: string): string[] => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))

/** Each text with an English word (for German, a French or Dutch one too), for a readable failure: "where: text [words]". */
function english(where: string, texts: readonly string[], lang: Reader): string[] {
  return texts.flatMap((t) => {
    const words = [...englishWords(t, lang), ...(lang === 'de' ? frenchOrDutchWords(t) : [])]
    return words.length ? [`${where}: ${t.slice(0, 140)} [${words.join(', ')}]`] : []
  })
}

describe('every word in the reader’s language', () => {
  for (const lang of ['fr', 'nl', 'de'] as const) {
    it(`no English word on any ${lang.toUpperCase()} surface: dashboard (chart, table, sources), phone, embed, Present, and every export; French spacing before : ; ? !`, async () => {
      const found: string[] = []
      const spacing: string[] = []
      const check = (where: string, texts: readonly string[]) => {
        found.push(...english(where, texts, lang))
        if (lang === 'fr') spacing.push(...texts.flatMap((t) => frenchSpacingMisses(t).map((m) => `${where}: …${m}`)))
      }
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
      for (const path of [`/#/?lang=${lang}`, `/#/?off=csam&lang=${lang}`]) {
        const { page } = await openPage(context, path)
        await waitForChart(page)
        check(`dashboard ${path}`, [...(await readerTexts(page)), ...(await drawnTexts(page)).map((t) => t.text)])
        for (const tab of ['table', 'sources']) {
          await page.click(`#tab-${tab}`)
          await page.locator(tab === 'table' ? '[data-testid="figures-table"]' : '[data-testid="sources-list"]').waitFor()
          check(`${tab} ${path}`, await readerTexts(page))
          // Sources are cited by title, publisher and date: never by an internal file name.
          expect((await readerTexts(page)).join(' ')).not.toMatch(/\b\d{3}_[0-9a-f]{16}\.txt\b/)
        }
        await page.click('#tab-chart')
        check(`SVG ${path}`, svgTexts((await download(page, 'export-svg')).bytes.toString('utf8')))
        check(`SVG slide ${path}`, svgTexts((await download(page, 'export-svg-slide')).bytes.toString('utf8')))
        const html = (await download(page, 'export-html')).bytes.toString('utf8')
        const sheet = await context.newPage()
        await sheet.setContent(html)
        check(`HTML ${path}`, await readerTexts(sheet))
        await sheet.close()
        const deck = unzip((await download(page, 'export-pptx')).bytes)
        for (const [name, xml] of deck) {
          if (!/^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(name)) continue
          const text = xml.toString('utf8')
          check(`PowerPoint ${path} ${name}`, officeTexts(text))
          expect(text, name).not.toMatch(/\blang="en-/)
        }
        await page.close()
      }
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
      const { page: onPhone } = await openPage(phone, `/#/?lang=${lang}`)
      await waitForChart(onPhone)
      check('phone', await readerTexts(onPhone))
      await phone.close()
      for (const width of [360, 800]) {
        const frame = await browser.newContext({ viewport: { width, height: 900 } })
        const { page: embed } = await openPage(frame, `/embed.html#/embed?lang=${lang}`)
        await waitForChart(embed)
        check(`embed ${width}`, [...(await readerTexts(embed)), ...(await drawnTexts(embed)).map((t) => t.text)])
        await frame.close()
      }
      const presenting = await browser.newContext({ viewport: { width: 1366, height: 768 } })
      await seedSavedViews(presenting, [{ id: 'a', name: 'CSAM', savedAt: '2026-01-01T00:00:00Z', query: { off: 'csam' } }])
      const { page: present } = await openPage(presenting, `/#/present?slide=1&lang=${lang}`)
      await present.locator('[data-testid="present-title"]').waitFor()
      await waitForChart(present)
      check('Present', [...(await readerTexts(present)), ...(await drawnTexts(present)).map((t) => t.text)])
      await presenting.close()
      await context.close()
      expect(found).toEqual([])
      expect(spacing).toEqual([])
    })
  }
})

describe('one message by default', () => {
  it('draws the key series only (3-6 lines), "Show all series (N more)" one click away and back; an offence view lists its one- or two-figure series as figures', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?lang=en')
    await waitForChart(page)
    const lines = async () => (await optionOf(page)).series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#')).length
    const key = await lines()
    expect(key).toBeGreaterThanOrEqual(3)
    expect(key).toBeLessThanOrEqual(6)
    const toggle = page.locator('[data-testid="series-toggle"]')
    const more = Number(/\((\d+) more\)/.exec((await toggle.textContent()) ?? '')?.[1])
    expect(more).toBeGreaterThan(0)
    await toggle.click()
    await expect.poll(() => page.url()).toContain('sr=all')
    await expect.poll(lines).toBe(key + more)
    await checkLegible(page)
    await page.locator('[data-testid="series-toggle"]').click()
    await expect.poll(lines).toBe(key)
    // The CSAM view: its series of one or two figures are listed under the chart, not drawn as lonely dots.
    await page.goto(page.url().replace(/#\/\?.*$/, '#/?off=csam&lang=en'))
    await waitForChart(page)
    const listed = await page.locator('[data-testid="lone-figures"] li').allTextContents()
    expect(listed.length).toBeGreaterThan(0)
    // No drawn line is a lonely dot or two: each has at least three figures.
    const figures = await page.evaluate(() => {
      const option = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; data?: unknown[] }[] } } }).__vigieChart.getOption()
      const valueOf = (d: unknown) => (Array.isArray(d) ? d[1] : (d as { value?: unknown[] })?.value?.[1])
      return option.series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#')).map((s) => (s.data ?? []).filter((d) => valueOf(d) !== null && valueOf(d) !== undefined).length)
    })
    expect(figures.length).toBeGreaterThan(0)
    for (const n of figures) expect(n).toBeGreaterThanOrEqual(3)
    await context.close()
  })
})
