import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { formatIssue, type Dataset, type Milestone, type Observation } from '../../src/core/model'
import { milestonePrecisionProblems, seriesBreakProblems, tieringProblems } from '../../scripts/dataGuards'
import { readDataFolder } from '../../scripts/dataFolder'

const { value: data } = readDataset(readDataFolder('data'), 'bundled', { complete: true })

function withNotes(notes: Record<string, string>): Dataset {
  const observations = data.observations.map((o): Observation => {
    const note = notes[`${o.indicator} ${o.period.text}`]
    return note === undefined ? o : { ...o, note }
  })
  return { ...data, observations }
}

function withMilestone(match: (m: Milestone) => boolean, change: Partial<Milestone>): Dataset {
  return { ...data, milestones: data.milestones.map((m) => (match(m) ? { ...m, ...change } : m)) }
}

describe('check-data guards on the shipped data', () => {
  it('find nothing to say about data/', () => {
    expect([...seriesBreakProblems(data), ...milestonePrecisionProblems(data), ...tieringProblems(data)].map(formatIssue)).toEqual([])
  })
})

describe('series-break guard', () => {
  it('fails a break that follows a figure counted the same way (the sextortion break on 2018, as before the audit)', () => {
    const moved = withNotes({
      'cf_sextortion_files 2017': 'Counted as case files (La Meuse).',
      'cf_sextortion_files 2018': 'Series break: counted as case files from here, where 2015 counted reports.',
    })
    const problems = seriesBreakProblems(moved)
    // Both ends of the mistake: 2017 changes definition unmarked, 2018 is marked but shares 2017's.
    expect(problems.map((p) => p.message)).toEqual([
      'cf_sextortion_files 2017: counted as "case files" where 2015 is counted as "reports", without a "Series break:" note',
      expect.stringMatching(/cf_sextortion_files 2018: the series break follows 2017, which is counted the same way \("case files"\)/),
    ])
    expect(formatIssue(problems[1]!)).toMatch(/^data\/observations\.csv:\d+:11 \[note\]/)
  })

  it('fails a change of definition between neighbours that has no marker', () => {
    const unmarked = withNotes({ 'cf_sextortion_files 2017': 'Counted as case files (La Meuse).' })
    expect(seriesBreakProblems(unmarked).map((p) => p.message)).toEqual([
      'cf_sextortion_files 2017: counted as "case files" where 2015 is counted as "reports", without a "Series break:" note',
    ])
  })

  it('fails a break on a series\' first figure and a break mentioned in the middle of a note', () => {
    const first = withNotes({ 'cf_sextortion_files 2015': 'Series break: reports.' })
    expect(seriesBreakProblems(first).map((p) => p.message)).toEqual([expect.stringMatching(/2015: a series break on the series' first figure/)])
    const buried = withNotes({ 'cf_hotline_reports 2019': 'Figure stated by VRT. A series break may follow.' })
    expect(seriesBreakProblems(buried).map((p) => p.message)).toEqual([expect.stringMatching(/cf_hotline_reports 2019: the note mentions a series break but does not start with "Series break:"/)])
  })
})

describe('milestone precision guard', () => {
  const campaign = (m: Milestone) => m.title.en.startsWith('Child Focus communication campaign')

  it('fails a day-precision date whose note says it is inferred (the 18 October 2014 campaign before the audit)', () => {
    const problems = milestonePrecisionProblems(withMilestone(campaign, { precision: 'day' }))
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/the note says its date is inferred, so its precision is year, not day/)])
    expect(problems[0]!.field).toBe('precision')
  })

  it('fails a note that names another precision than the column', () => {
    const memorandum = (m: Milestone) => m.title.en.startsWith('Child Focus memorandum')
    const problems = milestonePrecisionProblems(withMilestone(memorandum, { note: 'Precision month: May 2014.' }))
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/the note says precision month, the precision column year/)])
  })
})

describe('tiering guard', () => {
  it('fails a proposal not in force that is marked key (COM(2022) 209 before the audit)', () => {
    const proposal = (m: Milestone) => m.date.text === '2022-05-11' && m.title.en.includes('COM(2022) 209')
    expect(data.milestones.find(proposal)!.importance).toBe('secondary')
    const problems = tieringProblems(withMilestone(proposal, { importance: 'key' }))
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/not in force, so its importance is secondary, not key/)])
  })
})

describe('checked dates (complete mode)', () => {
  function runCheck(dir: string): { code: number; out: string } {
    const env = { ...process.env, VIGIE_SEEDS: '/nonexistent/seeds', VIGIE_RESEARCH: '/nonexistent/research.csv' }
    try {
      return { code: 0, out: execFileSync('node_modules/.bin/tsx', ['scripts/check-data.ts', dir], { encoding: 'utf8', stdio: 'pipe', env }) }
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string }
      return { code: err.status, out: err.stdout + err.stderr }
    }
  }

  it('every shipped source has a checked month or day', () => {
    expect(data.sources.length).toBeGreaterThan(50)
    expect(data.sources.filter((s) => !/^\d{4}-\d{2}(-\d{2})?$/.test(s.checked ?? '')).map((s) => s.id)).toEqual([])
  })

  it('npm run check-data fails on a source without a checked date and on one that is not a date, naming the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-checked-'))
    cpSync('data', dir, { recursive: true })
    const path = join(dir, 'sources.csv')
    const lines = readFileSync(path, 'utf8').split('\n')
    const knack = lines.findIndex((l) => l.startsWith('knack_2019_hotline,'))
    const vrt = lines.findIndex((l) => l.startsWith('vrt_2019_news_images,'))
    // The checked cell (column 8, a month or a day), wherever later columns (the translations) follow it.
    const checkedCell = /,(\d{4}-\d{2}(?:-\d{2})?)(?=,|$)/
    lines[knack] = lines[knack]!.replace(checkedCell, ',')
    lines[vrt] = lines[vrt]!.replace(checkedCell, ',last week')
    writeFileSync(path, lines.join('\n'))
    const { code, out } = runCheck(dir)
    expect(code).toBe(1)
    expect(out).toContain(`sources.csv:${knack + 1}:8 [checked] source "knack_2019_hotline" has no checked date`)
    expect(out).toContain(`sources.csv:${vrt + 1}:8 [checked] checked "last week" is not an ISO month or day`)
  }, 20_000)
})
