import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { importBytes } from '../../src/core/import/pipeline'
import en from '../../src/i18n/locales/import/lazy/en.json'
import fr from '../../src/i18n/locales/import/lazy/fr.json'
import nl from '../../src/i18n/locales/import/lazy/nl.json'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))

function translator(locale: 'en' | 'fr' | 'nl') {
  const i18n = createI18n({ legacy: false, locale, messages: { en: { import: en }, fr: { import: fr }, nl: { import: nl } } })
  return i18n.global.t
}

describe('import messages', () => {
  const out = importBytes(fixture('bad-ragged-fr.csv'))
  if (!out.ok) throw new Error(out.problem)
  const [short, long] = out.result.report.issues
  const width = out.result.header.length

  it('say how many cells the header has, with the right plural', () => {
    expect(short).toMatchObject({ line: 3, code: 'ragged_row', other: 2 })
    expect(long).toMatchObject({ line: 4, code: 'ragged_row', other: 8 })
    const fr = translator('fr')
    expect(fr('import.issue.ragged_row', { other: short!.other, width }, short!.other)).toBe('la ligne a 2 cellules, l’en-tête en a 3')
    expect(fr('import.issue.ragged_row', { other: 1, width }, 1)).toBe('la ligne a 1 cellule, l’en-tête en a 3')
    expect(translator('en')('import.issue.ragged_row', { other: 1, width }, 1)).toBe('the row has 1 cell, the header has 3')
    expect(translator('nl')('import.issue.ragged_row', { other: 8, width }, 8)).toBe('de rij heeft 8 cellen, de kopregel heeft er 3')
  })

  it('name period forms as patterns, not as a year that could be the file’s', () => {
    const formed = importBytes(fixture('police-count-rate.csv'))
    if (!formed.ok) throw new Error(formed.problem)
    const forms = formed.sniff.periodForms[formed.sniff.mapping.roles.period]!
    expect(forms).toEqual(['year'])
    for (const [locale, pattern] of [['en', 'year (YYYY)'], ['fr', 'année (AAAA)'], ['nl', 'jaar (JJJJ)']] as const) {
      const t = translator(locale)
      expect(t('import.mapping.forms', { forms: forms.map((f) => t(`import.form.${f}`)).join(', ') })).toContain(pattern)
      expect(t(`import.form.year`)).not.toMatch(/^\d{4}$/)
    }
  })

  it('count figures and indicators with their plural in every language', () => {
    for (const locale of ['en', 'fr', 'nl'] as const) {
      const t = translator(locale)
      const one = t('import.imported', { name: 'x', figures: t('import.count.figures', { n: 1 }, 1), indicators: t('import.count.indicators', { n: 1 }, 1) })
      expect(one).not.toMatch(/\b1 (figures|chiffres|cijfers|indicators|indicateurs|indicatoren)\b/)
      expect(t('import.report.unlisted', { n: 1 }, 1)).not.toMatch(/rejections|rejets|weigeringen/)
    }
  })

  it('exist in French and Dutch for every English key', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
    // Read from the files: vue-i18n compiles the imported objects in place.
    const load = (l: string): object => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/import/lazy/${l}.json`, import.meta.url), 'utf8')) as object
    expect(keys(load('fr')).sort()).toEqual(keys(load('en')).sort())
    expect(keys(load('nl')).sort()).toEqual(keys(load('en')).sort())
  })
})

describe('imported figures on the chart', () => {
  it('say "as in the imported file" in the tooltip, never the bundled data’s "reported/published"', async () => {
    const { buildTrendOption, deriveTrendView, numberMilestones } = await import('../../src/core/chart/trendOption')
    const { layoutChart } = await import('../../src/core/chart/chartLayout')
    const { buildSeries } = await import('../../src/core/series')
    const { applyView } = await import('../../src/core/transform')
    const { toDataset } = await import('../../src/core/import/table')
    const { TEXT } = await import('../helpers/text')
    const out = importBytes(fixture('police-count-rate.csv'))
    if (!out.ok) throw new Error(out.problem)
    const data = toDataset({ id: 'u1', name: 'Police', fileName: 'police-count-rate.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
    const view = deriveTrendView({
      locale: 'en',
      series: applyView(buildSeries(data.observations, data.indicators), 'absolute', null).series,
      milestones: numberMilestones([]),
      sources: new Map(data.sources.map((s) => [s.id, s])),
    })
    const option = buildTrendOption(view, layoutChart(view, { width: 1000, height: 480 }, 'screen'), { ...TEXT, importedStatus: 'as in the imported file' })
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })
    expect(html).toContain('as in the imported file')
    expect(html).not.toContain(TEXT.status.reported)
  })
})
