import { describe, expect, it } from 'vitest'
import { importBytes, sniffFile } from '../../src/core/import/pipeline'
import { MAX_DETECT_BYTES, SNIFF_BYTES } from '../../src/core/import/limits'

const utf8 = (text: string) => new TextEncoder().encode(text)
/** Detection as the worker runs it, on a file held in memory; counts the bytes read. */
async function detect(bytes: Uint8Array) {
  let read = 0
  const result = await sniffFile(bytes.length, (n) => {
    read = Math.max(read, n)
    return bytes.subarray(0, n)
  })
  return { result, read }
}

describe('detection reads on to the end of the first records however long a quoted cell is (issue 24, 4)', () => {
  it('a 10 MB quoted note on line 2 is read, not taken for a cut file', async () => {
    const note = 'x'.repeat(10 * 1024 * 1024)
    const bytes = utf8(`indicator,period,value,note\nGrooming,2021,12,"${note}"\nGrooming,2022,14,short\n`)
    const { result } = await detect(bytes)
    if (!result.ok) throw new Error(`refused: ${result.problem}`)
    expect(result.sniff.preview[0]!.cells[3]!.length).toBe(note.length)
    expect(result.sniff.mapping.roles.note).toBe(3)
    const all = importBytes(bytes)
    if (!all.ok) throw new Error(all.problem)
    expect(all.result.report).toMatchObject({ valid: 2, rejected: 0 })
  }, 60_000)

  it('a 1 MB quoted series name is read and becomes a series', async () => {
    const name = `Series ${'n'.repeat(1024 * 1024)}`
    const { result } = await detect(utf8(`indicator,period,value\n"${name}",2021,12\n"${name}",2022,13\n`))
    if (!result.ok) throw new Error(`refused: ${result.problem}`)
    expect(result.sniff.seriesKeys).toEqual([name])
  }, 60_000)

  it('4 MB of doubled quotes ("") in one cell is one cell, not "a line longer than 256 KB"', async () => {
    const { result } = await detect(utf8(`indicator,period,value,note\nGrooming,2021,12,"${'""'.repeat(2 * 1024 * 1024)}"\n`))
    if (!result.ok) throw new Error(`refused: ${result.problem}`)
    expect(result.sniff.preview[0]!.cells[3]!.length).toBe(2 * 1024 * 1024)
  }, 60_000)

  it('a quoted cell over the stated size is named as such, with its line', async () => {
    const { result, read } = await detect(utf8(`indicator,period,value,note\nGrooming,2021,12,"${'x'.repeat(MAX_DETECT_BYTES + 1024)}"\n`))
    expect(result).toEqual({ ok: false, problem: 'cell_too_large', line: 2 })
    expect(read).toBe(MAX_DETECT_BYTES)
  }, 60_000)

  it('a quote really left open to the end of the file is still "never closed"', async () => {
    const { result } = await detect(utf8(`indicator,period,value\nGrooming,2021,"12${'x'.repeat(SNIFF_BYTES * 2)}`))
    expect(result).toEqual({ ok: false, problem: 'unclosed_quote', line: 2 })
  }, 60_000)

  it('a short file is read once', async () => {
    const { result, read } = await detect(utf8('indicator,period,value\nGrooming,2021,12\n'))
    expect(result.ok).toBe(true)
    expect(read).toBeLessThan(100)
  }, 60_000)
})
