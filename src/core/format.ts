import type { Locale, Period, Precision } from './model'
import { parsePeriod, periodPrecision } from './period'

const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE' }

/** The BCP 47 tag used for numbers and `lang` attributes. */
export function intlTag(locale: Locale): string {
  return INTL_TAG[locale]
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/**
 * Formats a number the way Belgian readers write it: `1,232` in English, `1.232` in Dutch and in
 * French (Belgian French groups thousands with a point, where CLDR's fr-BE would use a space).
 */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  const key = `${locale}:${maximumFractionDigits}`
  let nf = numberFormats.get(key)
  if (!nf) {
    nf = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits })
    numberFormats.set(key, nf)
  }
  if (locale !== 'fr') return nf.format(value)
  return nf
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? '.' : part.value))
    .join('')
}

const DATE_PARTS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
}
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date at the precision the data has: "2014", "April 2014", "8 March 2013", "avril 2014",
 * "8 maart 2013". The browser's Intl month names replace date-fns' locale tables, which would add
 * about 6 KB gzip to the first load for the same words.
 */
export function formatDate(timestamp: number, precision: Precision, locale: Locale): string {
  const key = `${locale}:${precision}`
  let df = dateFormats.get(key)
  if (!df) {
    df = new Intl.DateTimeFormat(INTL_TAG[locale], DATE_PARTS[precision])
    dateFormats.set(key, df)
  }
  return df.format(new Date(timestamp))
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
