import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { readDataFolder } from '../../scripts/dataFolder'

/**
 * Runs the script as `npm run check-data` does. The source documents are pointed at a folder that
 * does not exist: no unit test reads ../shared (a plain clone has none).
 */
function runCheck(dir: string, ...flags: string[]): { code: number; out: string } {
  return runCheckIn(process.cwd(), dir, ...flags)
}

/** The same, run from another folder (whose `data/` is then the shipped data); no `dir`: as `npm run check-data`. */
function runCheckIn(cwd: string, dir: string, ...flags: string[]): { code: number; out: string } {
  const env = { ...process.env, VIGIE_SEEDS: '/nonexistent/seeds', VIGIE_RESEARCH: '/nonexistent/research.csv' }
  const root = process.cwd()
  try {
    const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/check-data.ts'), ...(dir ? [dir] : []), ...flags], { encoding: 'utf8', stdio: 'pipe', env, cwd })
    return { code: 0, out }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, out: err.stdout + err.stderr }
  }
}

describe('npm run check-data', () => {
  it('passes on the shipped data and lists the published-vs-computed mismatches', () => {
    const { code, out } = runCheck('data')
    expect(code).toBe(0)
    expect(out).toMatch(/0 problems/)
    expect(out).toMatch(/MISMATCH .*cf_hotline_reports_change_vs_prev_year 2018: published 136%, computed 131\.64%/)
  })

  it('says which checks it could not run without the source documents, and fails on them only when asked to', () => {
    const plain = runCheck('data')
    expect(plain.code).toBe(0)
    expect(plain.out).toMatch(/NOT RUN: quotes word for word against the seed documents: \/nonexistent\/seeds not found/)
    expect(plain.out).toMatch(/NOT RUN: published figures of the research file .*not found/)
    const strict = runCheck('data', '--with-sources')
    expect(strict.code).toBe(1)
    expect(strict.out).toMatch(/FAILED: quotes word for word against the seed documents/)
    expect(strict.out).toMatch(/2 required checks could not run/)
  }, 20_000)

  it('requires German in the shipped data, and only reports its completeness in a folder of one’s own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-data-'))
    cpSync('data', dir, { recursive: true })
    // A copy without the German columns: a dataset of one's own in the three older languages.
    for (const [file, columns] of [['indicators', ['label_de', 'description_de', 'caveat_de', 'short_de']], ['milestones', ['title_de']], ['sources', ['title_de', 'publisher_de']]] as const) {
      const path = join(dir, `${file}.csv`)
      const rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data
      const drop = new Set<number>(columns.map((c) => rows[0]!.indexOf(c)))
      writeFileSync(path, Papa.unparse(rows.map((r) => r.filter((_, i) => !drop.has(i))), { newline: '\n' }) + '\n')
    }
    const own = runCheck(dir)
    expect(own.code).toBe(0)
    expect(own.out).toContain('languages: de: 0/47 indicator labels, 0/66 milestone titles (others shown in fr)')
    expect(own.out).toContain('languages: fr: 47/47 indicator labels, 66/66 milestone titles')
    // The shipped data (`data/` of the folder it runs in: here a copy) may not lose a German label.
    const root = mkdtempSync(join(tmpdir(), 'vigie-root-'))
    cpSync('data', join(root, 'data'), { recursive: true })
    const path = join(root, 'data/indicators.csv')
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data
    rows[2]![rows[0]!.indexOf('label_de')] = ''
    writeFileSync(path, Papa.unparse(rows, { newline: '\n' }) + '\n')
    for (const shipped of [runCheckIn(root, ''), runCheckIn(root, 'data')]) {
      expect(shipped.code).toBe(1)
      expect(shipped.out).toMatch(/indicators\.csv:3:\d+ \[label_de\] indicator "cf_hotline_reports" has no label_de/)
    }
  }, 30_000)

  it('requires each indicator’s producer in the shipped data, and not in a file imported into the app', () => {
    const producers = ['producer_en', 'producer_fr', 'producer_nl', 'producer_de']
    // A copy without the producer columns, read as the app reads an import: valid (credited to its sources' publishers).
    const dir = mkdtempSync(join(tmpdir(), 'vigie-data-'))
    cpSync('data', dir, { recursive: true })
    const own = join(dir, 'indicators.csv')
    const rows = Papa.parse<string[]>(readFileSync(own, 'utf8'), { skipEmptyLines: true }).data
    const drop = new Set<number>(producers.map((c) => rows[0]!.indexOf(c)))
    writeFileSync(own, Papa.unparse(rows.map((r) => r.filter((_, i) => !drop.has(i))), { newline: '\n' }) + '\n')
    const imported = readDataset(readDataFolder(dir), 'my_data')
    expect(imported.issues).toEqual([])
    expect(imported.value.indicators.every((i) => i.producer === undefined)).toBe(true)
    // The shipped data may not leave a producer out.
    const root = mkdtempSync(join(tmpdir(), 'vigie-root-'))
    cpSync('data', join(root, 'data'), { recursive: true })
    const path = join(root, 'data/indicators.csv')
    const shippedRows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data
    shippedRows[2]![shippedRows[0]!.indexOf('producer_fr')] = ''
    writeFileSync(path, Papa.unparse(shippedRows, { newline: '\n' }) + '\n')
    const shipped = runCheckIn(root, '')
    expect(shipped.code).toBe(1)
    expect(shipped.out).toMatch(/indicators\.csv:3:\d+ \[producer_fr\] producer_fr is empty: name the organisation whose statistic indicator "cf_hotline_reports" is/)
  }, 30_000)

  it('fails on a broken copy and names the file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-data-'))
    cpSync('data', dir, { recursive: true })
    const path = join(dir, 'observations.csv')
    const lines = readFileSync(path, 'utf8').split('\n')
    const target = lines.findIndex((l) => l.startsWith('cf_hotline_reports,2014,'))
    lines[target] = lines[target]!.replace('cf_hotline_reports,2014,1432', 'cf_hotline_reports,2014,1.432,5')
    writeFileSync(path, lines.join('\n'))
    const { code, out } = runCheck(dir)
    expect(code).toBe(1)
    expect(out).toContain(`observations.csv:${target + 1}`)
  }, 20_000)
})
