import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { checkAgainstResearch, checkAgainstSeeds, researchFigureProblems } from '../../scripts/sourceChecks'
import { files } from '../helpers/csv'

const { value: dataset } = readDataset(files())
const RESEARCH_HEADER = 'indicator,period,value,unit,publisher,source_url,confidence,note'

describe('checks against the source documents kept outside the repository', () => {
  it('finds every quote in its seed document, and names a quote that is not there word for word', () => {
    const seeds = mkdtempSync(join(tmpdir(), 'vigie-seeds-'))
    writeFileSync(join(seeds, '001_doc.txt'), 'Intro.\nIn 2013,\n1232 reports.\nSince April 2014 grooming is an offence.\n')
    expect(checkAgainstSeeds(dataset, seeds).problems).toEqual([])

    writeFileSync(join(seeds, '001_doc.txt'), 'In 2013, 1233 reports.\nSince April 2014 grooming is an offence.\n')
    const problems = checkAgainstSeeds(dataset, seeds).problems!
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'data/observations.csv', line: 2, field: 'quote', code: 'quote_not_in_document' })
  })

  it('finds every published figure once, with its URL, whatever our indicator id', () => {
    const text = [RESEARCH_HEADER, 'hotline_reports_old_name,2019,1414,reports,knack.be,https://example.org/a,high,', 'event_law,2014-04,1,event,x,https://x,high,'].join('\n')
    expect(researchFigureProblems(dataset, 'external-figures.csv', text)).toEqual([])
  })

  it('accepts a deliberate correction only when the figure’s note names the research figure', () => {
    const corrected = readDataset(
      files({
        observations: [
          { indicator: 'cf_hotline_reports', period: '2019', value: 1400, source: 'knack', note: 'Stored as 1400 (the research file gives 1414, which counts adults).' },
          { indicator: 'cf_hotline_reports', period: '2020', value: 2000, source: 'knack', note: 'Stored as 2000.' },
        ],
      }),
    ).value
    const text = [
      RESEARCH_HEADER,
      'cf_hotline_reports,2019,1414,reports,knack.be,https://example.org/a,high,',
      'cf_hotline_reports,2020,2056,reports,knack.be,https://example.org/a,high,',
    ].join('\n')
    expect(researchFigureProblems(corrected, 'external-figures.csv', text).map((p) => p.line)).toEqual([3])
  })

  it('names a published figure missing from data/ or cited with another URL, with its line', () => {
    const text = [
      RESEARCH_HEADER,
      'cf_hotline_reports,2019,1415,reports,knack.be,https://example.org/a,high,',
      'cf_hotline_reports,2020,2056,reports,knack.be,https://example.org/other,high,',
    ].join('\n')
    const problems = researchFigureProblems(dataset, 'external-figures.csv', text)
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'published_figure_missing'],
      [3, 'published_figure_missing'],
    ])
    expect(problems[0]!.message).toContain('2019 = 1415')
  })

  it('reports a check it could not run instead of passing it', () => {
    expect(checkAgainstSeeds(dataset, '/nonexistent/seeds').problems).toBeNull()
    expect(checkAgainstResearch(dataset, '/nonexistent/research.csv').problems).toBeNull()
  })
})
