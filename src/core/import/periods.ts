import { parsePeriod } from '../period'

/** The period forms the importer reads, for the mapping step ("detected: 15/07/2020"). */
export type PeriodForm =
  | 'year'
  | 'month'
  | 'day'
  | 'interval'
  | 'day_dmy'
  | 'month_my'
  | 'month_eurostat'
  | 'quarter'
  | 'year_span'
  | 'year_span_short'

const pad = (n: number): string => String(n).padStart(2, '0')

const QUARTER = /^(\d{4})\s*[-/ ]?\s*[QqTtKk]([1-4])$/
const QUARTER_FIRST = /^[QqTtKk]([1-4])\s*[-/ ]?\s*(\d{4})$/
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const MY = /^(\d{1,2})[/.-](\d{4})$/
const EUROSTAT_MONTH = /^(\d{4})[Mm](\d{2})$/
const SPAN = /^(\d{4})\s*[-–/]\s*(\d{4})$/
const SPAN_SHORT = /^(\d{4})\s*[-–/]\s*(\d{2})$/

function valid(text: string): string | null {
  return parsePeriod(text) ? text : null
}

/**
 * Normalises a period as users write it to the ISO 8601 form of the data model, or null:
 * `2013`, `2020-07`, `2020-07-15`, `15/07/2020` and `15.07.2020` (day first, as in Belgium),
 * `07/2020`, `2020M07`, `2020-Q1` / `2020 Q1` / `Q1 2020` (-> `2020-01/2020-03`), `2019-2020`
 * (-> `2019/2020`), `2019/20` (-> `2019/2020`), and ISO intervals.
 */
export function normalisePeriod(raw: string): string | null {
  return normalisePeriodWithForm(raw)?.text ?? null
}

export function normalisePeriodWithForm(raw: string): { text: string; form: PeriodForm } | null {
  const text = raw.trim()
  if (text.length < 4 || text.length > 25) return null
  const iso = parsePeriod(text)
  if (iso) return { text, form: iso.kind }
  let m = QUARTER.exec(text)
  if (m) return quarter(Number(m[1]), Number(m[2]))
  m = QUARTER_FIRST.exec(text)
  if (m) return quarter(Number(m[2]), Number(m[1]))
  m = DMY.exec(text)
  if (m) {
    const out = valid(`${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`)
    return out ? { text: out, form: 'day_dmy' } : null
  }
  m = MY.exec(text)
  if (m) {
    const out = valid(`${m[2]}-${pad(Number(m[1]))}`)
    return out ? { text: out, form: 'month_my' } : null
  }
  m = EUROSTAT_MONTH.exec(text)
  if (m) {
    const out = valid(`${m[1]}-${m[2]}`)
    return out ? { text: out, form: 'month_eurostat' } : null
  }
  m = SPAN.exec(text)
  if (m && Number(m[2]) > Number(m[1])) return { text: `${m[1]}/${m[2]}`, form: 'year_span' }
  m = SPAN_SHORT.exec(text)
  if (m) {
    const first = Number(m[1])
    const second = Number(m[2])
    if (second === (first + 1) % 100) return { text: `${first}/${first + 1}`, form: 'year_span_short' }
    // 2019/07 or 2019-07 with a two-digit month: a month.
    if (second >= 1 && second <= 12) {
      const out = valid(`${first}-${pad(second)}`)
      return out ? { text: out, form: 'month' } : null
    }
  }
  return null
}

function quarter(year: number, q: number): { text: string; form: PeriodForm } {
  return { text: `${year}-${pad(q * 3 - 2)}/${year}-${pad(q * 3)}`, form: 'quarter' }
}
