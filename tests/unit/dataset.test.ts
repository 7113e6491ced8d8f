import { describe, expect, it } from 'vitest'
import { checkQuotes, readDataset } from '../../src/core/dataset'
import { formatIssue } from '../../src/core/model'
import { files, HOTLINE, HOTLINE_CHANGE, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'

const codes = (f: ReturnType<typeof files>) => readDataset(f).issues.map((i) => `${i.code}@${i.file}:${i.line}:${i.column}`)

describe('readDataset', () => {
  it('reads a valid dataset without issues', () => {
    const { value, issues } = readDataset(files())
    expect(issues).toEqual([])
    expect(value.observations).toHaveLength(4)
    expect(value.observations[0]).toMatchObject({ indicator: 'cf_hotline_reports', value: 1232, status: 'reported' })
    expect(value.milestones[0]).toMatchObject({ precision: 'month', offences: ['grooming'] })
    expect(value.indicators[1]!.comparesTo).toBe('cf_hotline_reports')
  })

  it('reports an unknown indicator at its line and column, and keeps the other rows', () => {
    const f = files({ observations: [{ indicator: 'nope', period: '2013', value: 1, source: 'knack' }, { indicator: 'cf_hotline_reports', period: '2014', value: 2, source: 'knack' }] })
    expect(codes(f)).toEqual(['unknown_indicator@data/observations.csv:2:1'])
    expect(readDataset(f).value.observations).toHaveLength(1)
  })

  it('reports an unknown source', () => {
    const f = files({ observations: [{ indicator: 'cf_hotline_reports', period: '2013', value: 1, source: 'ghost' }] })
    expect(codes(f)).toEqual(['unknown_source@data/observations.csv:2:9'])
  })

  it('reports a malformed period', () => {
    const f = files({ observations: [{ indicator: 'cf_hotline_reports', period: '2013-13', value: 1, source: 'knack' }] })
    expect(codes(f)).toEqual(['malformed_period@data/observations.csv:2:2'])
  })

  it.each(['1.232,5', '1 232', 'NaN', '12e3', 'three'])('reports value %j as not a number', (value) => {
    const f = files({ observations: [{ indicator: 'cf_hotline_reports', period: '2013', value, source: 'knack' }] })
    expect(codes(f)).toEqual(['not_a_number@data/observations.csv:2:3'])
  })

  it('reports a relative unit without baseline, and accepts "not stated"', () => {
    const without = files({ observations: [{ indicator: 'cf_hotline_change', period: '2020', value: 45, source: 'knack' }] })
    expect(codes(without)).toEqual(['relative_without_baseline@data/observations.csv:2:4'])
    const notStated = files({ observations: [{ indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'not stated', source: 'knack' }] })
    expect(codes(notStated)).toEqual([])
    const invented = files({ observations: [{ indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'before', source: 'knack' }] })
    expect(codes(invented)).toEqual(['malformed_period@data/observations.csv:2:4'])
  })

  it('reports a missing quote for a seed document source', () => {
    const f = files({ observations: [{ indicator: 'cf_hotline_reports', period: '2013', value: 1232, source: 'seed_ga_2014' }] })
    expect(codes(f)).toEqual(['missing_quote@data/observations.csv:2:10'])
  })

  it('reports a source with neither url nor document', () => {
    const f = files({ sources: [SOURCE_DOC, { ...SOURCE_WEB, url: '' }] })
    expect(codes(f)).toEqual(['source_without_reference@data/sources.csv:3:5'])
  })

  it('reports a duplicate key: same indicator, period and breakdown', () => {
    const row = { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' }
    const dup = files({ observations: [row, { ...row, value: 1415 }] })
    expect(codes(dup)).toEqual(['duplicate_key@data/observations.csv:3:2'])
    expect(readDataset(dup).issues[0]!.message).toContain('line 2')
    const broken = files({ observations: [row, { ...row, gender: 'girls' }] })
    expect(codes(broken)).toEqual([])
  })

  it('reports unknown vocabulary in indicators and milestones', () => {
    const f = files({
      indicators: [{ ...HOTLINE, offence: 'child_porn' }, HOTLINE_CHANGE],
    })
    expect(readDataset(f).issues.map((i) => i.code)).toContain('unknown_vocabulary')
    const m = files({
      milestones: [{ date: '2014', precision: 'year', category: 'statute', jurisdiction: 'Mars', offences: 'general', title_en: 'x', source: 'knack' }],
    })
    expect(codes(m)).toEqual(['unknown_vocabulary@data/milestones.csv:2:4', 'unknown_vocabulary@data/milestones.csv:2:5'])
  })

  it('reports a milestone whose precision does not match its date', () => {
    const m = files({
      milestones: [{ date: '2014-04', precision: 'day', category: 'law', jurisdiction: 'BE', offences: 'general', title_en: 'x', source: 'knack' }],
    })
    expect(codes(m)).toEqual(['precision_mismatch@data/milestones.csv:2:3'])
  })

  it('reports a missing column and a file that is not CSV, without throwing', () => {
    const f = files()
    f.sources = { name: 'data/sources.csv', text: 'id,title\nx,y\n' }
    const issues = readDataset(f).issues
    expect(issues.some((i) => i.code === 'missing_column' && i.field === 'url')).toBe(true)
    f.observations = { name: 'data/observations.csv', text: '\u0000\u0001\u0002"' }
    expect(() => readDataset(f)).not.toThrow()
  })

  it('formats an issue as file:line:column with the field', () => {
    const f = files({ observations: [{ indicator: 'cf_hotline_reports', period: 'x', value: 1, source: 'knack' }] })
    expect(formatIssue(readDataset(f).issues[0]!)).toMatch(/^data\/observations\.csv:2:2 \[period\] "x" is not an ISO 8601 period/)
  })
})

describe('checkQuotes', () => {
  it('accepts a quote that stands in the document across line breaks, and flags one that does not', () => {
    const { value } = readDataset(files())
    const ok = new Map([['001_doc.txt', 'Intro.\nIn 2013,   1232\nreports. Since April 2014 grooming is an offence.']])
    expect(checkQuotes(value, ok)).toEqual([])
    const altered = new Map([['001_doc.txt', 'In 2013, 1233 reports. Since April 2014 grooming is an offence.']])
    expect(checkQuotes(value, altered).map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual(['quote_not_in_document@2:10'])
  })
})
