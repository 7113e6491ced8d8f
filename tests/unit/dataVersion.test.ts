import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataVersionText, hashInput, releaseDay } from '../../src/core/dataVersion'
import { readDataVersion } from '../../scripts/dataVersion'

const DATA = join(__dirname, '../../data')

function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-version-'))
  cpSync(DATA, dir, { recursive: true })
  return dir
}

describe('data version', () => {
  it('is the newest dated changelog heading and a hash of the CSV files', () => {
    const version = readDataVersion(DATA)
    expect(version.released).toBe(releaseDay(readFileSync(join(DATA, 'CHANGELOG.md'), 'utf8')))
    expect(version.hash).toMatch(/^[0-9a-f]{8}$/)
    expect(dataVersionText(version)).toBe(`${version.released}+${version.hash}`)
  })

  it('changes when one figure changes, not when line endings do', () => {
    const dir = copyOfData()
    const before = readDataVersion(dir)
    const observations = join(dir, 'observations.csv')
    const text = readFileSync(observations, 'utf8')
    writeFileSync(observations, text.replace(/\n/g, '\r\n'))
    expect(readDataVersion(dir)).toEqual(before)
    writeFileSync(observations, text.replace(/,(\d+),/, (_m, n: string) => `,${Number(n) + 1},`))
    expect(readDataVersion(dir).hash).not.toBe(before.hash)
  })

  it('refuses a changelog without a dated heading', () => {
    const dir = copyOfData()
    writeFileSync(join(dir, 'CHANGELOG.md'), '# Changes\n\n## December 2026\n- something\n')
    expect(() => readDataVersion(dir)).toThrow(/YYYY-MM-DD/)
  })

  it('reads the first dated heading, newest first', () => {
    expect(releaseDay('# C\n\n## 2027-01-10 fix\n\n## 2026-12-04 audit\n')).toBe('2027-01-10')
    expect(releaseDay('## 2026-12 audit')).toBeNull()
  })

  it('hashes files in name order', () => {
    const a = { name: 'a.csv', text: 'x' }
    const b = { name: 'b.csv', text: 'y' }
    expect(hashInput([a, b])).toBe(hashInput([b, a]))
  })
})
