import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { sourceIn } from '../core/model'
import { sourceEntries } from '../core/sourceEntries'
import { milestoneRows, sortFigures, tableNotes, tablePage, tableRows, type TableColumn, type TableText } from '../core/tableRows'
import { i18n } from '../i18n'
import { buildTrendText } from '../i18n/trendText'
import { useDashboardStore } from './dashboard'
import { useDatasetsStore } from './datasets'
import { useViewStore } from './view'

/**
 * The Table and Sources tabs: the Table's sort and page, and the rows, notes and milestone rows it
 * shows, from the pipeline's view result (core/tableRows.ts); the sources behind what is shown
 * (core/sourceEntries.ts). DataTable.vue and SourcesList.vue only display them.
 */
export const useTableStore = defineStore('table', () => {
  const dashboard = useDashboardStore()
  const datasets = useDatasetsStore()
  const view = useViewStore()

  const sortBy = shallowRef<TableColumn>('period')
  const ascending = shallowRef(true)
  /** The page asked for, and the view result it was asked for in: another view starts at the first page. */
  const asked = shallowRef<{ page: number; of: unknown }>({ page: 0, of: null })

  /** The words of the rows in the interface's language (they change when its catalogue arrives). */
  const text = computed<TableText>(() => {
    void i18n.global.locale.value
    const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
    const trend = buildTrendText(t)
    return {
      ...trend,
      withheldWhy: t('chart.withheldWhy'),
      unit: trend.unitAxis,
      indexBase: (base) => t('unit.indexBase', { base }),
      status: trend.status,
      importedStatus: trend.importedStatus ?? t('status.imported'),
      partOf: (whole) => t('chart.partOf', { whole }),
    }
  })

  /** A source's title in the reader's language. */
  const sourceTitle = computed(() => {
    const locale = view.state.locale
    const byId = datasets.sourceById
    return (id: string): string => {
      const found = byId.get(id)
      return found ? sourceIn(found, locale).title : id
    }
  })

  /** Every figure of the view, in the order asked for (only what sorting needs, per figure). */
  const figures = computed(() => sortFigures(dashboard.viewResult.series, sortBy.value, ascending.value, view.state.locale, sourceTitle.value))
  const count = computed(() => figures.value.length)
  /** The page shown: from, to (exclusive), its number from 0 and how many there are. */
  const page = computed(() => tablePage(count.value, asked.value.of === dashboard.viewResult ? asked.value.page : 0))
  /** The rows of the page shown, formatted. */
  const rows = computed(() =>
    tableRows(figures.value, page.value.from, page.value.to, {
      locale: view.state.locale,
      mode: view.state.mode,
      checks: dashboard.checkByObservation,
      sourceTitle: sourceTitle.value,
      text: text.value,
    }),
  )
  /** Each indicator of the view once, with its caveat and the whole it is a part of. */
  const notes = computed(() => tableNotes(dashboard.viewResult.series, view.state.locale, text.value))
  /** Every milestone the filters leave. */
  const milestones = computed(() => milestoneRows(dashboard.milestones, view.state.locale, sourceTitle.value))

  /** Each source behind what is shown, with its figures and milestones and their quoted sentences. */
  const sources = computed(() =>
    sourceEntries(datasets.dataset.sources, dashboard.selection, datasets.indicatorById, view.state.locale, text.value.baseline),
  )

  /** Sorts by a column; the same column again turns the order round. Back to the first page. */
  function sort(column: TableColumn): void {
    if (sortBy.value === column) ascending.value = !ascending.value
    else {
      sortBy.value = column
      ascending.value = true
    }
    asked.value = { page: 0, of: dashboard.viewResult }
  }

  /** Shows another page (clamped to the pages there are). */
  function goToPage(n: number): void {
    asked.value = { page: Math.max(0, Math.min(page.value.pages - 1, n)), of: dashboard.viewResult }
  }

  return { sortBy, ascending, count, page, rows, notes, milestones, sources, sort, goToPage }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTableStore, import.meta.hot))
