// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TABLE_PAGE_ROWS } from '../../../src/core/tableRows'
import { useTableStore } from '../../../src/stores/table'
import { useViewStore } from '../../../src/stores/view'
import { files, HOTLINE, HOTLINE_CHANGE } from '../../helpers/csv'
import { loadBundled } from '../../helpers/stores'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

/** Hotline reports for `years` years from 1900: more figures than a page holds when asked. */
const many = (years: number) =>
  files({
    indicators: [{ ...HOTLINE, caveat_en: 'Reports, not prevalence' }, { ...HOTLINE_CHANGE, part_of: 'cf_hotline_reports' }],
    observations: Array.from({ length: years }, (_, i) => ({ indicator: 'cf_hotline_reports', period: String(1900 + i), value: 100 + i, source: 'knack' })),
  })

describe('table store (the Table tab)', () => {
  it('lists every figure of the view, sorted by period, formatted in the reader’s language', async () => {
    await loadBundled()
    const view = useViewStore()
    view.setLocale('en')
    view.setIndicators(['cf_hotline_reports', 'cf_hotline_change'])
    const table = useTableStore()
    expect(table.count).toBe(4)
    expect(table.rows.map((r) => [r.indicator, r.period, r.shown])).toEqual([
      ['Reports to the hotline', '2013', '1,232'],
      ['Reports to the hotline', '2019', '1,414'],
      ['Change in reports', '2020', '+45 %'],
      ['Reports to the hotline', '2020', '2,056'],
    ])
    // Sources in the reader's language, statuses and units in words.
    expect(table.rows[0]!.source).toBe('Global Alliance report 2014')
    expect(table.rows[0]!.unit).toBe('Number')
    expect(table.rows[2]!.baseline).toContain('previous period')
  })

  it('sorts by value, and by value the other way on a second click', async () => {
    await loadBundled()
    useViewStore().setIndicators(['cf_hotline_reports'])
    const table = useTableStore()
    table.sort('value')
    expect(table.rows.map((r) => r.shown)).toEqual(['1,232', '1,414', '2,056'])
    table.sort('value')
    expect(table.ascending).toBe(false)
    expect(table.rows.map((r) => r.shown)).toEqual(['2,056', '1,414', '1,232'])
  })

  it('shows a page of rows at a time, and the first page again when the view changes', async () => {
    await loadBundled(many(TABLE_PAGE_ROWS + 50))
    const view = useViewStore()
    view.setIndicators(['cf_hotline_reports'])
    const table = useTableStore()
    expect(table.count).toBe(TABLE_PAGE_ROWS + 50)
    expect(table.rows).toHaveLength(TABLE_PAGE_ROWS)
    expect(table.page).toMatchObject({ from: 0, to: TABLE_PAGE_ROWS, page: 0, pages: 2 })
    table.goToPage(1)
    expect(table.rows).toHaveLength(50)
    expect(table.rows[0]!.period).toBe(String(1900 + TABLE_PAGE_ROWS))
    // Past the last page: the last page.
    table.goToPage(7)
    expect(table.page.page).toBe(1)
    view.setPeriod(1900, 2100)
    expect(table.page.page).toBe(0)
  })

  it('notes each indicator once with its caveat and the whole it is a part of', async () => {
    await loadBundled(many(3))
    useViewStore().setIndicators(['cf_hotline_reports'])
    const table = useTableStore()
    expect(table.notes).toEqual([{ label: 'Reports to the hotline', caveat: 'Reports, not prevalence', partOf: '' }])
  })

  it('lists the milestones the filters leave, with their number, date and source', async () => {
    await loadBundled()
    const table = useTableStore()
    expect(table.milestones.map((m) => [m.number, m.date, m.title, m.source])).toEqual([[1, 'April 2014', 'Grooming laws in force', 'Global Alliance report 2014']])
    useViewStore().toggleCategory('policy')
    expect(table.milestones).toEqual([])
  })

  it('cites each source behind what is shown with its figures, milestones and quotes, in the reader’s language', async () => {
    await loadBundled()
    const view = useViewStore()
    view.setIndicators(['cf_hotline_reports'])
    view.setLocale('fr')
    const table = useTableStore()
    expect(table.sources.map((e) => [e.source.title, e.href, e.figures.length, e.milestones.length])).toEqual([
      ['Rapport 2014 de la Global Alliance', null, 1, 1],
      ['Article de Knack', 'https://example.org/a', 2, 0],
    ])
    expect(table.sources[0]!.figures[0]!.quote).toBe('In 2013, 1232 reports.')
    // A source with nothing shown is not listed.
    view.setPeriod(2019, 2020)
    view.toggleCategory('policy')
    expect(table.sources.map((e) => e.source.id)).toEqual(['knack'])
  })
})
