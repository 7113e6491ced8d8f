/**
 * The share feature's larger message catalogue, merged into vue-i18n when the first share, embed
 * or present module loads, so the dashboard's first load carries only the menu's label. The JSON
 * files are precompiled at build time like the others (no message compiler, no eval).
 */
import type { TrendText } from '../core/chart/chartText'
import type { ExportText } from '../core/export/labels'
import type { HtmlText } from '../core/export/html'
import { formatDate } from '../core/format'
import { MILESTONE_CATEGORIES, STATUSES, UNITS, type DisplayUnit, type Locale } from '../core/model'
import { VIEW_MODES } from '../core/view'
import { i18n, mergeLazyMessages } from '../i18n'
import { buildCompareText, buildLabelText, buildTrendText } from '../i18n/trendText'
import en from '../i18n/locales/share/lazy/en.json'
import fr from '../i18n/locales/share/lazy/fr.json'
import nl from '../i18n/locales/share/lazy/nl.json'
import de from '../i18n/locales/share/lazy/de.json'

mergeLazyMessages<typeof en>('share', 'panel', { en, fr, nl, de })

type Translate = (key: string, named?: Record<string, unknown>, options?: { locale?: Locale; plural?: number }) => string

/** Translates in a given language, whatever the interface's current one. */
export function translate(locale: Locale): (key: string, named?: Record<string, unknown>, plural?: number) => string {
  const t = i18n.global.t as unknown as Translate
  return (key, named = {}, plural) => t(key, named, plural === undefined ? { locale } : { locale, plural })
}

const DISPLAY_UNITS: DisplayUnit[] = [...UNITS, 'index']

/** The chart builder's words in a given language (what useTrendText gives the dashboard). */
export function trendTextFor(locale: Locale): TrendText {
  return buildTrendText(translate(locale))
}

/** The words of exported files in a given language. */
export function exportTextFor(locale: Locale): ExportText {
  const t = translate(locale)
  return {
    ...buildLabelText(t, locale),
    mode: Object.fromEntries(VIEW_MODES.map((m) => [m, t(`controls.mode.${m}`)])) as ExportText['mode'],
    unit: Object.fromEntries(DISPLAY_UNITS.map((u) => [u, t(`unit.${u}`)])) as ExportText['unit'],
    status: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])),
    category: Object.fromEntries(MILESTONE_CATEGORIES.map((c) => [c, t(`category.${c}`)])),
    milestoneKey: t('chart.milestoneKey'),
    figures: t('share.text.figures'),
    quotes: t('share.text.quotes'),
    exportedOn: (date) => t('share.text.exportedOn', { date }),
    part: (n, of) => t('share.text.part', { n, of }),
    viewOnline: t('share.text.viewOnline'),
    baseline: t('chart.baseline'),
    chartsRange: (from, to, of) => t('controls.chartsRange', { from, to, of }),
    chosen: { title: t('share.text.chosen.title'), subtitle: t('share.text.chosen.subtitle'), both: t('share.text.chosen.both') },
    compare: buildCompareText(t),
  }
}

/** "Exported from Vigie on 12 May 2025", in a given language. */
export function exportedOn(locale: Locale, now: Date): string {
  return exportTextFor(locale).exportedOn(formatDate(now.getTime(), 'day', locale))
}

/** The words of the self-contained HTML file. */
export function htmlTextFor(locale: Locale, now: Date): HtmlText {
  const t = translate(locale)
  const text = exportTextFor(locale)
  return {
    milestoneKey: text.milestoneKey,
    figures: text.figures,
    sources: text.sources,
    columns: {
      indicator: t('table.indicator'),
      period: t('table.period'),
      value: t('table.value'),
      unit: t('table.unit'),
      baseline: t('chart.baseline'),
      status: t('table.status'),
      source: t('table.source'),
      quote: t('share.text.quote'),
    },
    unit: text.unit,
    status: text.status,
    exportedOn: exportedOn(locale, now),
    viewOnline: text.viewOnline,
    legend: translate(locale)('chart.legend'),
  }
}
