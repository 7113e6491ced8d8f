import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Runs the script as `npm run check-data` does. The source documents are pointed at a folder that
 * does not exist: no unit test reads ../shared (a plain clone has none).
 */
function runCheck(dir: string, ...flags: string[]): { code: number; out: string } {
  const env = { ...process.env, VIGIE_SEEDS: '/nonexistent/seeds', VIGIE_RESEARCH: '/nonexistent/research.csv' }
  try {
    const out = execFileSync('node_modules/.bin/tsx', ['scripts/check-data.ts', dir, ...flags], { encoding: 'utf8', stdio: 'pipe', env })
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
