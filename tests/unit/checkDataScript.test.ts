import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function runCheck(dir: string): { code: number; out: string } {
  try {
    const out = execFileSync('node_modules/.bin/tsx', ['scripts/check-data.ts', dir], { encoding: 'utf8', stdio: 'pipe' })
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
