import { figuresOf } from './figures'
import type { Dataset, FigureBlock, Observation } from './model'
import { yearOf } from './period'

/**
 * How many of an indicator's figures share a source, a jurisdiction and a span of years: what the
 * filters look at. An indicator has a handful of these however many figures it has.
 */
export interface Tally {
  readonly source: string
  /** The figures' `region`, empty for Belgium (`jurisdictionOf` in filters.ts reads it as BE). */
  readonly region: string
  readonly firstYear: number
  readonly lastYear: number
  readonly count: number
}

/**
 * Consecutive rows `start` to `start + length - 1`: an indicator whose figures stand together in
 * time order in its file (the usual layout) needs no array of row numbers.
 */
export class RowRun implements Iterable<number> {
  constructor(
    readonly start: number,
    readonly length: number,
  ) {}
  *[Symbol.iterator](): Iterator<number> {
    for (let r = this.start; r < this.start + this.length; r++) yield r
  }
}

/** Row numbers in order. */
export type RowList = Uint32Array | RowRun

/** An indicator's figures: rows of one block (an indicator's figures all come from one file), in time order. */
export interface IndicatorRows {
  readonly block: FigureBlock
  readonly rows: RowList
}

/** Figures grouped by indicator as row numbers, each group in time order, counts and tallies: built once per dataset. */
export interface DatasetIndex {
  readonly rowsByIndicator: ReadonlyMap<string, IndicatorRows>
  readonly countByIndicator: ReadonlyMap<string, number>
  readonly talliesByIndicator: ReadonlyMap<string, readonly Tally[]>
}

// A memo, not state: a dataset is immutable, so its index never changes. Filter changes on a large
// dataset then walk the chosen indicators' rows instead of every figure, and never re-sort.
const cache = new WeakMap<Dataset, DatasetIndex>()

export function indexDataset(dataset: Dataset): DatasetIndex {
  let index = cache.get(dataset)
  if (index) return index
  const rowsByIndicator = new Map<string, IndicatorRows>()
  const countByIndicator = new Map<string, number>()
  const talliesByIndicator = new Map<string, Tally[]>()
  for (const block of figuresOf(dataset)) {
    for (const [code, rows] of groupRows(block)) {
      const id = block.indicators[code]!
      // Ids are unique across blocks (imports are namespaced); should two meet, the first keeps its figures.
      if (rowsByIndicator.has(id)) continue
      rowsByIndicator.set(id, { block, rows })
      countByIndicator.set(id, rows.length)
      talliesByIndicator.set(id, tallies(block, rows))
    }
  }
  index = { rowsByIndicator, countByIndicator, talliesByIndicator }
  cache.set(dataset, index)
  return index
}

/** A block's rows per indicator code, each in time order (ties in file order). */
function groupRows(block: FigureBlock): Map<number, RowList> {
  const n = block.indicators.length
  const counts = new Uint32Array(n)
  const first = new Int32Array(n).fill(-1)
  const last = new Int32Array(n)
  const start = Float64Array.from(block.periods, (p) => p.start)
  // Whether each indicator's rows so far are in time order: then a run of consecutive rows is its group.
  const ordered = new Uint8Array(n).fill(1)
  for (let r = 0; r < block.length; r++) {
    const code = block.indicator[r]!
    if (first[code] === -1) first[code] = r
    else if (start[block.period[r]!]! < start[block.period[last[code]!]!]!) ordered[code] = 0
    last[code] = r
    counts[code]!++
  }
  const groups = new Map<number, RowList>()
  const arrays = new Map<number, Uint32Array>()
  counts.forEach((count, code) => {
    if (count === 0) return
    if (ordered[code] && last[code]! - first[code]! + 1 === count) groups.set(code, new RowRun(first[code]!, count))
    else arrays.set(code, new Uint32Array(count))
  })
  if (arrays.size === 0) return groups
  const filled = new Uint32Array(n)
  for (let r = 0; r < block.length; r++) {
    const rows = arrays.get(block.indicator[r]!)
    if (rows) rows[filled[block.indicator[r]!]!++] = r
  }
  for (const [code, rows] of arrays) groups.set(code, rows.sort((a, b) => start[block.period[a]!]! - start[block.period[b]!]! || a - b))
  return groups
}

function tallies(block: FigureBlock, rows: RowList): Tally[] {
  // Counted first by codes (numbers, no text per figure), then merged by the text and years they stand for.
  const code = (column: 'source' | 'region', r: number): number => {
    const codes = block.text[column]
    return typeof codes === 'string' ? 0 : codes[r]!
  }
  const periods = block.periods.length
  const width = block.strings.length + 1
  const byCode = new Map<number, number>()
  for (const r of rows) {
    const key = (code('source', r) * width + code('region', r)) * periods + block.period[r]!
    byCode.set(key, (byCode.get(key) ?? 0) + 1)
  }
  const byKey = new Map<string, { source: string; region: string; firstYear: number; lastYear: number; count: number }>()
  for (const [key, count] of byCode) {
    const p = key % periods
    const pair = (key - p) / periods
    const regionCode = pair % width
    const sourceCode = (pair - regionCode) / width
    const at = (column: 'source' | 'region', c: number): string => {
      const codes = block.text[column]
      return typeof codes === 'string' ? codes : (block.strings[c] ?? '')
    }
    const source = at('source', sourceCode)
    const region = at('region', regionCode)
    const period = block.periods[p]!
    const firstYear = yearOf(period.start)
    const lastYear = yearOf(period.end - 1)
    const k = `${source}\u0000${region}\u0000${firstYear}\u0000${lastYear}`
    const tally = byKey.get(k)
    if (tally) tally.count += count
    else byKey.set(k, { source, region, firstYear, lastYear, count })
  }
  return [...byKey.values()]
}

// A memo, not state: an indicator's rows never change, so its objects, once made, are kept as one array.
const madeGroups = new WeakMap<IndicatorRows, readonly Observation[]>()

/** An indicator's figures as objects, in time order (made once; only for what is shown). */
export function indicatorFigures(dataset: Dataset, indicator: string): readonly Observation[] {
  const found = indexDataset(dataset).rowsByIndicator.get(indicator)
  if (!found) return []
  let group = madeGroups.get(found)
  if (!group) madeGroups.set(found, (group = Array.from(found.rows, (r) => found.block.row(r))))
  return group
}

/** The first years of every figure (the period pickers' years), from the tallies. */
export function figureYears(dataset: Dataset): Set<number> {
  const years = new Set<number>()
  for (const list of indexDataset(dataset).talliesByIndicator.values()) for (const t of list) years.add(t.firstYear)
  return years
}

/** The sources figures cite, from the tallies. */
export function figureSources(dataset: Dataset): Set<string> {
  const sources = new Set<string>()
  for (const list of indexDataset(dataset).talliesByIndicator.values()) for (const t of list) sources.add(t.source)
  return sources
}

/** The figures of a few indicators as objects, in the dataset's order (as a reader of its files meets them). */
export function figuresOfIndicators(dataset: Dataset, ids: Iterable<string>): Observation[] {
  const { rowsByIndicator } = indexDataset(dataset)
  const blocks = figuresOf(dataset)
  const found = [...new Set(ids)].flatMap((id) => {
    const f = rowsByIndicator.get(id)
    return f ? Array.from(f.rows, (r) => ({ block: f.block, r })) : []
  })
  found.sort((a, b) => blocks.indexOf(a.block) - blocks.indexOf(b.block) || a.r - b.r)
  return found.map(({ block, r }) => block.row(r))
}
