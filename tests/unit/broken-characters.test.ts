import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cleanWords, DEFAULT_VIEW, WORDS_MAX, type ViewState } from '../../src/core/view'
import { fromQuery, isViewState, toQuery, toSearch } from '../../src/url/viewQuery'
import { wrapText } from '../../src/core/export/layout'
import { cutText, graphemes, wellFormed, xmlSafe } from '../../src/core/xmlText'
import { neutraliseFormulas } from '../../src/core/csvSafe'

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇧🇪', 'é', 'e\u0301', '\uD83D', '\uDE00', 'a', ' ', '<', '&']

/** Strings a hostile link can carry: any UTF-16 units, emoji (with modifiers and joiners) and lone surrogates, often past the 200-unit cut. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 260 }),
  fc.array(fc.constantFrom(...EMOJI), { maxLength: 230 }).map((parts) => parts.join('')),
  fc.tuple(fc.nat({ max: 210 }), fc.constantFrom(...EMOJI)).map(([n, e]) => 'a'.repeat(n) + e + e),
)

/** Whether text survives UTF-8 unchanged (a lone surrogate does not). */
const utf8RoundTrips = (text: string) => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text)) === text

describe('text is cut by whole characters, and no writer lets half an emoji through', () => {
  it('the issue\'s note: 199 × "a" + 😀 keeps no half emoji', () => {
    const note = cleanWords(`${'a'.repeat(199)}😀`)
    expect(note).toBe('a'.repeat(199))
    expect(cleanWords('😀'.repeat(150))).toBe('😀'.repeat(100))
    expect(cutText('👨‍👩‍👧'.repeat(30), 20)).toBe('👨‍👩‍👧'.repeat(2))
  })

  it('cleanWords: well-formed, at most 200 units, whole characters only, idempotent', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const clean = cleanWords(raw)
        expect(clean).not.toMatch(LONE)
        expect(clean.length).toBeLessThanOrEqual(WORDS_MAX)
        expect(utf8RoundTrips(clean)).toBe(true)
        expect(cleanWords(clean)).toBe(clean)
        // The words kept are the start of the whole words, ending between two characters.
        // eslint-disable-next-line no-control-regex
        const whole = wellFormed(raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim())
        expect(whole.startsWith(clean)).toBe(true)
        let at = 0
        const ends = new Set([0, ...graphemes(whole).map((g) => (at += g.length))])
        expect(ends.has(clean.length)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('the address never throws and round-trips the view exactly, emoji and lone surrogates included', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, sub, note) => {
        const state: ViewState = { ...DEFAULT_VIEW, mode: 'index', title: cleanWords(title), subtitle: cleanWords(sub), note: cleanWords(note) }
        expect(isViewState(state)).toBe(true)
        const query = toQuery(state)
        // What the router does with every value (vue-router encodes with encodeURI).
        for (const v of Object.values(query)) expect(() => encodeURI(v)).not.toThrow()
        const back = fromQuery(Object.fromEntries(new URLSearchParams(toSearch(query))))
        expect(back.state).toEqual(state)
        expect(back.notices).toEqual([])
      }),
      { numRuns: 300 },
    )
    // A state that was never cleaned still gives an address.
    const raw = { ...DEFAULT_VIEW, note: `${'a'.repeat(199)}\uD83D` }
    expect(() => Object.values(toQuery(raw)).map(encodeURI)).not.toThrow()
  })

  it('every writer (XML, CSV, wrapped export text) turns a lone surrogate into U+FFFD', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 40, max: 600 }), (raw, width) => {
        expect(xmlSafe(raw)).not.toMatch(LONE)
        expect(xmlSafe(raw).length).toBe(raw.length)
        expect(neutraliseFormulas(raw)).not.toMatch(LONE)
        for (const line of wrapText(cleanWords(raw), width, 16)) expect(utf8RoundTrips(line), JSON.stringify(line)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
