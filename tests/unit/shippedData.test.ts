import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { formatIssue, RELATIVE_UNITS } from '../../src/core/model'
import { readBundledDataset, readNewerFile } from '../../scripts/bundledDataset'
import { readDataFolder } from '../../scripts/dataFolder'

const files = readDataFolder('data')
const { value: data, issues } = readDataset(files)

describe('the shipped data set', () => {
  it('passes the validator', () => {
    expect(issues.map(formatIssue)).toEqual([])
  })

  it('reaches the browser unchanged: the build-time JSON parses back to exactly what the CSV reader gives', () => {
    const shipped = JSON.parse(JSON.stringify(readBundledDataset('data')))
    expect(shipped).toEqual({ value: data, issues, newer: JSON.parse(JSON.stringify(readNewerFile('data').value)) })
    expect(shipped.value.observations).toHaveLength(data.observations.length)
  })

  it('holds the 2013 figure of 1232 reports to Child Focus, quoted', () => {
    const o = data.observations.find((x) => x.period.text === '2013' && x.value === 1232)
    expect(o).toBeDefined()
    expect(o!.quote).toContain('1232')
  })

  it('holds the 2017 Child Focus cases (144, 110 of them about self-produced images) and the +10 % ICSE target', () => {
    const of = (indicator: string, period: string) => data.observations.find((o) => o.indicator === indicator && o.period.text === period)
    expect(of('cf_online_problem_cases', '2017')?.value).toBe(144)
    expect(of('cf_online_problem_cases_self_generated', '2017')?.value).toBe(110)
    const target = data.observations.filter((o) => o.indicator === 'ga_icse_identified_victims_target')
    expect(target.length).toBeGreaterThan(0)
    expect(target.every((o) => o.value === 10 && o.baseline === 'previous period')).toBe(true)
    expect(data.indicators.find((i) => i.id === 'ga_icse_identified_victims_target')!.unit).toBe('target_percent_yearly')
  })

  it('records the lockdown increases as relative figures with their baselines, never as counts', () => {
    const lockdown = data.observations.filter((o) => o.period.text.includes('/') && o.period.text.startsWith('2020'))
    const byValue = (v: number) => lockdown.filter((o) => o.value === v)
    expect(byValue(118)).toHaveLength(1)
    for (const o of lockdown) {
      const unit = data.indicators.find((i) => i.id === o.indicator)!.unit
      expect(RELATIVE_UNITS).toContain(unit)
    }
    const baselines = lockdown.map((o) => o.baseline).sort()
    expect(baselines.filter((b) => b === 'not stated')).toHaveLength(3)
    expect(baselines).toContain('2019')
  })

  it('dates the key milestones at the precision the documents give', () => {
    const dates = data.milestones.map((m) => m.date.text)
    for (const d of ['2011-11-30', '2012-12-14', '2011-12-13', '2013-03-08', '2014-04', '2020-07-24', '2021-03-23', '2023-05-25']) {
      expect(dates).toContain(d)
    }
  })

  it('never calls CSAM "child pornography" in its own labels', () => {
    for (const i of data.indicators) {
      for (const label of [i.label.en, i.label.fr, i.label.nl]) {
        expect(label.toLowerCase()).not.toMatch(/child porn|pédopornographie|kinderporno/)
      }
    }
  })
})
