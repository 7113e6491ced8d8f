import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { chartLabels, type ExportText } from '../../src/core/export/labels'
import { viewFor } from '../../src/core/export/spec'
import { formatPeriod } from '../../src/core/format'
import { dataCheckedUpTo, knownNewerProblems, latestFigure, newerByIndicator, readKnownNewer } from '../../src/core/freshness'
import { formatIssue } from '../../src/core/model'
import { DEFAULT_VIEW } from '../../src/core/view'
import { readNewerFile } from '../../scripts/bundledDataset'
import { readDataFolder } from '../../scripts/dataFolder'
import { files, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'

const shipped = readDataset(readDataFolder('data'), 'bundled', { complete: true }).value

describe('data checked up to', () => {
  it('is the latest month any source was checked, in the reader\'s language', () => {
    const month = dataCheckedUpTo([{ checked: '2026-11-23' }, { checked: '2026-12-04' }, {}, { checked: '2025-01' }])
    expect(month?.text).toBe('2026-12')
    expect(formatPeriod(month!, 'en')).toBe('December 2026')
    expect(formatPeriod(month!, 'fr')).toBe('décembre 2026')
    expect(formatPeriod(month!, 'nl')).toBe('december 2026')
    expect(dataCheckedUpTo([{}, { checked: '' }])).toBeNull()
  })

  it('goes into the source line of every export when the sources shown carry a date, and not otherwise', () => {
    const text = { sources: 'Sources', more: (n: number) => `and ${n} more`, checkedUpTo: (d: string) => `Data checked up to ${d}.` } as unknown as ExportText
    const withDates = readDataset(
      files({ sources: [{ ...SOURCE_DOC, checked: '2026-11-23' }, { ...SOURCE_WEB, checked: '2026-12-04' }] }),
    ).value
    const state = { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'] }
    const dated = chartLabels(viewFor(withDates, state), state, { ...text, from: 'from', what: { count: 'counts' } } as ExportText)
    expect(dated.sourceLine).toBe('Sources: knack.be; Global Alliance · Data checked up to December 2026.')
    const undated = chartLabels(viewFor(readDataset(files()).value, state), state, { ...text, from: 'from', what: { count: 'counts' } } as ExportText)
    expect(undated.sourceLine).toBe('Sources: knack.be; Global Alliance')
  })
})

describe('figures known to be newer than the data (data/newer.csv)', () => {
  it('each names an indicator of the shipped data, a period after its latest figure, a link and a note', () => {
    const { value: newer, issues } = readNewerFile('data')
    expect(issues.map(formatIssue)).toEqual([])
    expect(newer.length).toBeGreaterThan(0)
    expect(knownNewerProblems(shipped, newer).map(formatIssue)).toEqual([])
    for (const n of newer) {
      expect(n.period.start).toBeGreaterThanOrEqual(latestFigure(shipped, n.indicator)!.end)
      expect(n.url).toMatch(/^https:\/\//)
    }
    // NCMEC's referral reports for Belgium stop at 2024 in the data; its 2025 report is flagged as published.
    expect(latestFigure(shipped, 'ncmec_cybertipline_referral_reports_belgium')?.text).toBe('2024')
    expect(newerByIndicator(newer).get('ncmec_cybertipline_referral_reports_belgium')?.period.text).toBe('2025')
    // The hotline is current to 2024 (Belga, 8 May 2025): nothing later is flagged.
    expect(latestFigure(shipped, 'cf_hotline_reports')?.text).toBe('2024')
    expect(newerByIndicator(newer).has('cf_hotline_reports')).toBe(false)
  })

  it('fails a row once the data hold that period, or one naming an unknown indicator, at its line', () => {
    const text = 'indicator,period,url,note\ncf_hotline_reports,2024,https://example.org,published\nghost,2024,https://example.org,published\n'
    const { value, issues } = readKnownNewer('data/newer.csv', text)
    expect(issues).toEqual([])
    expect(knownNewerProblems(shipped, value).map(formatIssue)).toEqual([
      'data/newer.csv:2:2 [period] cf_hotline_reports already has a figure for 2024, as late as 2024: remove this row',
      'data/newer.csv:3:1 [indicator] "ghost" is not an indicator of the data',
    ])
  })

  it('names a bad period, a link that is not http(s) and an empty note at their line and column', () => {
    const text = 'indicator,period,url,note\na,20x4,https://x.org,n\nb,2024,javascript:alert(1),n\nc,2024,https://x.org,\n'
    expect(readKnownNewer('data/newer.csv', text).issues.map(formatIssue)).toEqual([
      'data/newer.csv:2:2 [period] period "20x4" is not an ISO period',
      'data/newer.csv:3:3 [url] url is not an http(s) address a reader can open',
      'data/newer.csv:4:4 [note] note is empty: say where the figure stands and why it is not in the data',
    ])
  })
})
