import { describe, expect, it } from 'vitest'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { chartLabels, figureRows } from '../../src/core/export/labels'
import { readDataset } from '../../src/core/dataset'
import { formatBaseline, punctuate } from '../../src/core/format'
import { sourceIn, type Source } from '../../src/core/model'
import { files } from '../helpers/csv'

const CHAMBER: Source = {
  id: 'chamber',
  title: 'Resolution',
  publisher: 'Belgian Chamber of Representatives',
  date: '2021',
  url: 'https://example.org',
  languages: ['fr', 'nl'],
  document: '003_x.txt',
  translated: {
    fr: { title: 'Proposition de résolution', publisher: 'Chambre des représentants de Belgique' },
    nl: { title: 'Voorstel van resolutie', publisher: 'Belgische Kamer van volksvertegenwoordigers' },
  },
}

describe('every word in the reader’s language', () => {
  it('cites a source by its title and publisher in French and Dutch where the data give them, the original otherwise', () => {
    expect(sourceIn(CHAMBER, 'fr').publisher).toBe('Chambre des représentants de Belgique')
    expect(sourceIn(CHAMBER, 'nl').title).toBe('Voorstel van resolutie')
    expect(sourceIn(CHAMBER, 'en')).toBe(CHAMBER)
    expect(sourceIn({ ...CHAMBER, translated: { fr: { title: '', publisher: 'Chambre' } } }, 'fr').title).toBe('Resolution')
  })

  it('translates the baseline vocabulary and keeps a period as it is', () => {
    expect(formatBaseline('not stated', 'fr')).toBe('non précisé')
    expect(formatBaseline('not stated', 'nl')).toBe('niet vermeld')
    expect(formatBaseline('previous period', 'fr')).toBe('période précédente')
    expect(formatBaseline('2019', 'fr')).toBe('2019')
    // A name of Object.prototype is not a word of the vocabulary.
    expect(formatBaseline('constructor', 'fr')).toBe('constructor')
  })

  it('sets a narrow no-break space before : ; ? ! in French only, never inside an address or a time', () => {
    expect(punctuate('Sources: a; b? c!', 'fr')).toBe('Sources\u202F: a\u202F; b\u202F? c\u202F!')
    expect(punctuate('par rapport à : x', 'fr')).toBe('par rapport à\u202F: x')
    expect(punctuate('https://example.org 10:30', 'fr')).toBe('https://example.org 10:30')
    expect(punctuate('Bronnen: a', 'nl')).toBe('Bronnen: a')
  })

  it('writes a French export’s labels and figures in French: publishers, baselines, spacing, key lines', () => {
    const { value: dataset } = readDataset(files())
    const milestones = dataset.milestones.map((milestone, i) => ({ number: i + 1, milestone }))
    const view = deriveTrendView({
      locale: 'fr',
      series: [],
      milestones,
      sources: new Map(dataset.sources.map((s) => [s.id, s])),
    })
    expect([...view.sources.values()].map((s) => s.title)).toEqual(['Rapport 2014 de la Global Alliance', 'Article de Knack'])
    const labels = chartLabels(view, { offences: [], mode: 'absolute', base: null, from: null, to: null }, {
      title: 'Tendances', offence: {} as never, base: (y) => y, logScale: '', what: {} as never, from: 'données de', sources: 'Sources',
      more: (n) => `et ${n} autres`, locale: 'fr',
    })
    expect(labels.milestoneKey[0]).toMatch(/^1 — avril 2014\u202F: /)
    expect(figureRows(view)).toEqual([])
  })
})
