import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { DATA_TEXT } from '../../src/core/export/dataText'
import { SOURCE_TERMS } from '../../src/core/sourceTerms'
import { LOCALES, sourceIn } from '../../src/core/model'
import { readDataFolder } from '../../scripts/dataFolder'
import { englishWords, frenchOrDutchWords } from '../helpers/english'

/** Every catalogue of the app: the main one, the share and import features' (menu and lazy parts), the data download group. */
const CATALOGUES = ['', 'share/', 'share/lazy/', 'import/', 'import/lazy/', 'dataDownload/', 'own/lazy/', 'languages/']
const load = (folder: string, l: string): object => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${folder}${l}.json`, import.meta.url), 'utf8')) as object
const entries = (o: object, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? entries(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]))

/** Values that name a language, a format or the data's own vocabulary on purpose (codes the file must use). */
const NAMED_ON_PURPOSE = /^(catalogue\.languageName\.en|issue\.unknown_(offence|unit|status)|mapping\.baselineHint|issue\.(relative_without_baseline|bad_baseline))$/

describe('German', () => {
  it('has every key of every English catalogue', () => {
    for (const folder of CATALOGUES) {
      const keys = entries(load(folder, 'en')).map(([k]) => k).sort()
      expect(entries(load(folder, 'de')).map(([k]) => k).sort(), folder || 'main').toEqual(keys)
    }
  })

  it('shows no English, French or Dutch word in the interface texts', () => {
    const found: string[] = []
    for (const folder of CATALOGUES) {
      for (const [key, text] of entries(load(folder, 'de'))) {
        if (NAMED_ON_PURPOSE.test(key)) continue
        // Placeholders ({count}, {from}) are names for the code, filled with German words or numbers.
        const shown = text.replace(/\{[^}]*\}/g, ' ')
        const words = [...englishWords(shown, 'de'), ...frenchOrDutchWords(shown)]
        if (words.length) found.push(`${folder}${key}: ${words.join(', ')}`)
      }
    }
    expect(found).toEqual([])
  })

  it('keeps the footer’s copy of the producers’ terms (each language’s catalogue, so only English ships first) the same as the exports’', () => {
    for (const l of LOCALES) expect((load('', l) as { licence: { terms: string } }).licence.terms, l).toBe(SOURCE_TERMS[l])
  })

  it('writes the data downloads’ words and the producers’ terms in German', () => {
    const values = (o: unknown): string[] =>
      typeof o === 'string' ? [o] : typeof o === 'function' ? [(o as (...a: string[]) => string)('x', 'y')] : typeof o === 'object' && o !== null ? Object.values(o).flatMap(values) : []
    const text = [...values(DATA_TEXT.de), SOURCE_TERMS.de].join(' ')
    expect(englishWords(text, 'de')).toEqual([])
    expect(frenchOrDutchWords(text)).toEqual([])
  })

  it('gives every bundled label, short label, description, caveat, milestone title and source title in German, without English, French or Dutch', () => {
    const { value } = readDataset(readDataFolder('data'), 'bundled', { complete: true })
    const texts = [
      ...value.indicators.flatMap((i) => [i.label.de, i.short?.de ?? '', i.description.de, i.caveat.de].map((t) => [i.id, t] as const)),
      ...value.milestones.map((m) => [m.id, m.title.de] as const),
      ...value.sources.map((s) => [s.id, `${sourceIn(s, 'de').title} ${sourceIn(s, 'de').publisher}`] as const),
    ]
    const found = texts.flatMap(([id, t]) => {
      const words = [...englishWords(t, 'de'), ...frenchOrDutchWords(t)]
      return words.length ? [`${id}: ${words.join(', ')} in "${t.slice(0, 100)}"`] : []
    })
    expect(found).toEqual([])
    for (const i of value.indicators) {
      // CSAM is explained in German wherever a description names it.
      if (/\bCSAM\b/.test(i.description.en)) expect(i.description.de, i.id).toMatch(/Darstellungen sexuellen Kindesmissbrauchs|CSAM-|\bCSAM\b/)
    }
  })
})
