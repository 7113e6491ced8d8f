import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TrendView } from '../core/chart/chartState'
import { formatPoint, milestoneDate } from '../core/chart/chartText'
import { sideWords } from '../core/compareText'
import { formatPeriod, punctuate } from '../core/format'
import { buildCompareText } from '../i18n/trendText'

/**
 * What the keyboard (or the pointer over the picture) has reached: a figure of a series, a
 * milestone, or a side of "Compare before and after" (`index`: row × 2 + side, before first).
 */
export type Cursor = { mode: 'points'; series: number; point: number } | { mode: 'milestones'; index: number } | { mode: 'compare'; index: number }

const WALK_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']

function clamp(n: number, last: number): number {
  return Math.min(Math.max(n, 0), last)
}

/** Left/right and Home/End along a line, up/down across lines (wrapping), keeping the figure's place where it can. */
function stepPoints(view: TrendView, c: Extract<Cursor, { mode: 'points' }>, key: string): Cursor {
  const count = view.series.length
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const series = (c.series + (key === 'ArrowDown' ? 1 : -1) + count) % count
    return { mode: 'points', series, point: Math.min(c.point, (view.series[series]?.points.length ?? 1) - 1) }
  }
  const last = (view.series[c.series]?.points.length ?? 1) - 1
  const point = key === 'Home' ? 0 : key === 'End' ? last : clamp(c.point + (key === 'ArrowRight' ? 1 : -1), last)
  return { mode: 'points', series: c.series, point }
}

/**
 * Where a key takes the cursor: arrows walk the figures (left/right) and the lines (up/down), M
 * switches between figures and milestones, Escape leaves. `undefined`: the key is not the chart's.
 */
export function stepCursor(view: TrendView, c: Cursor | null, key: string): Cursor | null | undefined {
  const sides = (view.compare?.rows.length ?? 0) * 2
  if (key === 'c' || key === 'C') {
    if (sides === 0) return undefined
    return c?.mode === 'compare' ? { mode: 'points', series: 0, point: 0 } : { mode: 'compare', index: 0 }
  }
  if (c?.mode === 'compare' && WALK_KEYS.includes(key)) {
    const index = key === 'Home' ? 0 : key === 'End' ? sides - 1 : c.index + (key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1)
    return { mode: 'compare', index: clamp(index, sides - 1) }
  }
  if (key === 'm' || key === 'M') {
    if (view.milestones.length === 0) return undefined
    return c?.mode === 'milestones' ? { mode: 'points', series: 0, point: 0 } : { mode: 'milestones', index: 0 }
  }
  if (key === 'Escape') return null
  if (!WALK_KEYS.includes(key)) return undefined
  if (!c) return view.series.length > 0 ? { mode: 'points', series: 0, point: 0 } : view.milestones.length > 0 ? { mode: 'milestones', index: 0 } : null
  if (c.mode === 'points') return stepPoints(view, c, key)
  if (c.mode === 'compare') return c
  const last = view.milestones.length - 1
  const index = key === 'Home' ? 0 : key === 'End' ? last : c.index + (key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1)
  return { mode: 'milestones', index: clamp(index, last) }
}

/**
 * The keyboard's walk over the chart: the cursor, and what it reached in words (announced through
 * aria-live, shown under the chart, and the picture's tooltip text). A new view starts the walk again.
 */
export function useChartCursor(view: () => TrendView, onMove: (c: Cursor | null) => void) {
  const { t } = useI18n()
  const cursor = ref<Cursor | null>(null)

  /** A figure or milestone in words: value, period, source and quote. */
  function describe(c: Cursor | null): string {
    const v = view()
    if (!c) return ''
    if (c.mode === 'compare') {
      const row = v.compare?.rows[Math.floor(c.index / 2)]
      if (!row || !v.compare) return ''
      const side = c.index % 2 === 0 ? 'before' : 'after'
      const text = buildCompareText((key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)))
      const words = sideWords(row[side], v.locale, text)
      return punctuate(t('compare.announce', { series: row.label, side: text[side], number: v.compare.milestone.number, words }), v.locale)
    }
    if (c.mode === 'milestones') {
      const m = v.milestones[c.index]
      if (!m) return ''
      const source = v.sources.get(m.milestone.source)
      const quote = m.milestone.quote ? `“${m.milestone.quote}”` : source ? punctuate(`${t('chart.source')}: ${source.title}`, v.locale) : ''
      return t('chart.milestoneAnnounce', { number: m.tag ? `${m.tag} (${t('own.yours')})` : m.number, date: milestoneDate(m, v.locale), title: m.milestone.title[v.locale], quote })
    }
    const s = v.series[c.series]
    const p = s?.points[c.point]
    if (!s || !p) return ''
    const source = v.sources.get(p.observation.source)
    const quote = p.observation.quote ? ` “${p.observation.quote}”` : ''
    const words = { series: s.label, period: formatPeriod(p.observation.period, v.locale), value: formatPoint(p, s.unit, v.locale), source: source?.title ?? p.observation.source }
    return t('chart.pointAnnounce', words) + quote
  }

  function onKey(event: KeyboardEvent): void {
    const next = stepCursor(view(), cursor.value, event.key)
    if (next === undefined) return
    event.preventDefault()
    cursor.value = next
    onMove(next)
  }

  watch(view, () => (cursor.value = null))
  const readout = computed(() => describe(cursor.value))
  return { cursor, readout, describe, onKey }
}
