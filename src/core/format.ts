import type { Locale, Period, Precision } from './model'
import { calendarDate, parsePeriod, periodPrecision } from './period'

const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' }

/** The BCP 47 tag used for numbers and `lang` attributes. */
export function intlTag(locale: Locale): string {
  return INTL_TAG[locale]
}

/** Thousands and decimal separators: Belgian French, Dutch and German all write 1.232,5; English 1,232.5. */
const SEPARATORS: Record<Locale, { readonly group: string; readonly decimal: string }> = {
  en: { group: ',', decimal: '.' },
  fr: { group: '.', decimal: ',' },
  nl: { group: '.', decimal: ',' },
  de: { group: '.', decimal: ',' },
}

/**
 * Rounds a plain decimal string (no sign, no exponent) to `digits` fraction digits, half away from
 * zero, as Intl does on the shortest representation of the number.
 */
function roundDecimal(plain: string, digits: number): { int: string; frac: string } {
  const [int = '0', frac = ''] = plain.split('.')
  if (frac.length <= digits) return { int, frac }
  const kept = int + frac.slice(0, digits)
  if (frac.charCodeAt(digits) < 53 /* '5' */) return { int: kept.slice(0, int.length), frac: kept.slice(int.length) }
  const d = kept.split('').map(Number)
  let i = d.length - 1
  while (i >= 0 && d[i] === 9) d[i--] = 0
  if (i >= 0) d[i] = d[i]! + 1
  const rounded = (i < 0 ? '1' : '') + d.join('')
  const split = rounded.length - digits
  return { int: rounded.slice(0, split), frac: rounded.slice(split) }
}

/**
 * Formats a number the way Belgian readers write it: `1,232` in English, `1.232` in Dutch, German and
 * French (Belgian French groups thousands with a point, where CLDR's fr-BE would use a space).
 * Written out rather than through Intl.NumberFormat: the first Intl call loads the ICU data, which
 * took 45-75 ms of the dashboard's first render in Chromium; the result is the same (a property
 * test compares the two).
 */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  const plain = String(Math.abs(value))
  if (!Number.isFinite(value) || plain.includes('e')) return intlNumber(value, locale, maximumFractionDigits)
  const { int, frac } = roundDecimal(plain, maximumFractionDigits)
  const { group, decimal } = SEPARATORS[locale]
  const fraction = frac.replace(/0+$/, '')
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (fraction ? decimal + fraction : '')
}

/** Intl for what the written-out formatter leaves alone: infinities, NaN and exponent-sized numbers. */
function intlNumber(value: number, locale: Locale, maximumFractionDigits: number): string {
  const { group, decimal } = SEPARATORS[locale]
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits })
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? group : part.type === 'decimal' ? decimal : part.value))
    .join('')
}

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
}

/** The name of a month (1–12) in a language: "December", "décembre", "december", "Dezember". */
export function monthName(month: number, locale: Locale): string {
  return MONTHS[locale][month - 1] ?? String(month)
}

/**
 * A date at the precision the data has: "2014", "April 2014", "8 March 2013", "avril 2014",
 * "8 maart 2013", "8. März 2013" (day month year in every language, as Intl writes them for en-GB,
 * fr-BE, nl-BE and de-BE: German puts a point after the day). Twelve month names per language cost less than Intl's first call or date-fns' locale
 * tables; a test checks every month against Intl.
 */
export function formatDate(timestamp: number, precision: Precision, locale: Locale): string {
  const date = calendarDate(timestamp)
  const year = String(date.year)
  if (precision === 'year') return year
  const month = `${MONTHS[locale][date.month - 1]} ${year}`
  return precision === 'month' ? month : `${date.day}${locale === 'de' ? '.' : ''} ${month}`
}

/** A period label: a year, a month, a day, or "18 March 2020 – 15 July 2020" for an interval. */
export function formatPeriod(period: Period, locale: Locale): string {
  if (period.kind !== 'interval') return formatDate(period.start, period.kind, locale)
  // The interval's end is exclusive: label its last part by that part's own start and precision.
  const last = parsePeriod(period.text.split('/')[1] ?? '')
  const from = formatDate(period.start, periodPrecision(period), locale)
  return last ? `${from} – ${formatPeriod(last, locale)}` : from
}

/** Escapes text for the few places (ECharts HTML tooltips) where a string becomes markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** An http(s) link to show as an anchor, or null: a `javascript:` or malformed URL in a file stays plain text. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

/** The words of the baseline vocabulary (data values `not stated`, `previous period`) in each language. */
const BASELINE_WORDS: Record<Locale, Readonly<Record<string, string>>> = {
  en: { 'not stated': 'not stated', 'previous period': 'previous period' },
  fr: { 'not stated': 'non précisé', 'previous period': 'période précédente' },
  nl: { 'not stated': 'niet vermeld', 'previous period': 'vorige periode' },
  de: { 'not stated': 'nicht angegeben', 'previous period': 'Vorperiode' },
}

/** A relative figure's baseline as a reader of the language reads it: a period stays, the vocabulary is translated. */
export function formatBaseline(baseline: string, locale: Locale): string {
  return Object.hasOwn(BASELINE_WORDS[locale], baseline) ? BASELINE_WORDS[locale][baseline]! : baseline
}

/**
 * French typography: a narrow no-break space (U+202F) before `:` `;` `?` `!` that end a word
 * ("Sources : …"), replacing any space there; a colon inside an address or a time stays as it is.
 * Other languages are returned unchanged.
 */
export function punctuate(text: string, locale: Locale): string {
  if (locale !== 'fr') return text
  return text.replace(/([^\s\u00A0\u202F:;?!])[ \u00A0\u202F]?([:;?!]+)(?=\s|$)/g, '$1\u202F$2')
}
