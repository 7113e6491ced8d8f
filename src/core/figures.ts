import { STATUSES, TEXT_COLUMNS, type Dataset, type FigureBlock, type Observation, type Period, type Status, type TextColumn } from './model'

export { TEXT_COLUMNS, type FigureBlock, type TextColumn } from './model'

/**
 * Figures held in columns, as owid-grapher's CoreTable holds its rows: one typed array per field,
 * text dictionary-coded, each period parsed once into the `periods` dictionary. A million imported
 * figures are a few typed arrays, not a million objects. The pipeline (datasetIndex, filters,
 * suppression, consistency, catalogue, freshness) reads these columns; an `Observation` object is
 * made only for a row something shows (a drawn series, a tooltip, the Table), by `row(i)`.
 */

/** The text of a row's column. */
export function textOf(block: FigureBlock, column: TextColumn, i: number): string {
  const codes = block.text[column]
  return typeof codes === 'string' ? codes : (block.strings[codes[i]!] ?? '')
}

/** Builds a row from the columns (what `row` does for a block that was never objects). */
function materialise(block: Omit<FigureBlock, 'row'>, i: number): Observation {
  const text = (column: TextColumn): string => textOf(block as FigureBlock, column, i)
  return {
    indicator: block.indicators[block.indicator[i]!]!,
    period: block.periods[block.period[i]!]!,
    value: block.value[i]!,
    baseline: text('baseline'),
    ageGroup: text('ageGroup'),
    gender: text('gender'),
    region: text('region'),
    status: (STATUSES[block.status[i]!] ?? 'reported') as Status,
    source: text('source'),
    quote: text('quote'),
    note: text('note'),
    origin: { file: block.file, line: block.line[i]! },
  }
}

/** A block over columns, its rows made on demand and kept (a sparse cache: only rows shown). */
export function columnBlock(columns: Omit<FigureBlock, 'row'>): FigureBlock {
  const made = new Map<number, Observation>()
  return {
    ...columns,
    row(i) {
      let o = made.get(i)
      if (!o) made.set(i, (o = materialise(columns, i)))
      return o
    },
  }
}

/** Codes for a list of texts, with a shared dictionary. */
function encoder(): { code: (text: string) => number; strings: string[] } {
  const strings: string[] = ['']
  const codes = new Map<string, number>([['', 0]])
  return {
    strings,
    code(text) {
      let c = codes.get(text)
      if (c === undefined) codes.set(text, (c = strings.push(text) - 1))
      return c
    },
  }
}

/**
 * Columns over figures that are objects already (the bundled data, a test's figures): `row(i)`
 * gives back the very object, so a map keyed by an observation of `observations` finds it.
 */
export function blockFromObservations(observations: readonly Observation[]): FigureBlock {
  const n = observations.length
  const indicators = encoder()
  const text = encoder()
  const periodCodes = new Map<string, number>()
  const periods: Period[] = []
  const columns = {
    indicator: new Uint32Array(n),
    period: new Uint32Array(n),
    value: new Float64Array(n),
    status: new Uint8Array(n),
    line: new Uint32Array(n),
  }
  const textColumns = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, new Uint32Array(n)])) as Record<TextColumn, Uint32Array>
  observations.forEach((o, i) => {
    columns.indicator[i] = indicators.code(o.indicator)
    let p = periodCodes.get(o.period.text)
    if (p === undefined) periodCodes.set(o.period.text, (p = periods.push(o.period) - 1))
    columns.period[i] = p
    columns.value[i] = o.value
    columns.status[i] = Math.max(0, STATUSES.indexOf(o.status))
    columns.line[i] = o.origin.line
    for (const c of TEXT_COLUMNS) textColumns[c][i] = text.code(o[c])
  })
  return {
    length: n,
    ...columns,
    indicators: indicators.strings,
    periods,
    text: textColumns,
    strings: text.strings,
    file: observations[0]?.origin.file ?? '',
    row: (i) => observations[i]!,
  }
}

// A memo, not state: a dataset's figures never change, so their columns are made once.
const blocks = new WeakMap<readonly Observation[], readonly FigureBlock[]>()

/** The dataset's figures in columns: its own blocks, or columns made once from its observations. */
export function figuresOf(dataset: Pick<Dataset, 'observations' | 'figures'>): readonly FigureBlock[] {
  if (dataset.figures) return dataset.figures
  let made = blocks.get(dataset.observations)
  if (!made) blocks.set(dataset.observations, (made = [blockFromObservations(dataset.observations)]))
  return made
}

/**
 * A dataset held in columns. Its `observations` are made on first read only, every row at once
 * (scripts and tests read them; the app never does for imported data, see figures.ts's header).
 */
export function columnDataset(parts: Omit<Dataset, 'observations' | 'figures'> & { readonly figures: readonly FigureBlock[] }): Dataset {
  let observations: Observation[] | null = null
  return {
    sources: parts.sources,
    indicators: parts.indicators,
    milestones: parts.milestones,
    figures: parts.figures,
    get observations() {
      if (!observations) {
        observations = []
        for (const block of parts.figures) for (let i = 0; i < block.length; i++) observations.push(block.row(i))
      }
      return observations
    },
  }
}

/** Several datasets as one (bundled and every visible import): their columns side by side, nothing copied. */
export function mergeDatasets(parts: readonly Dataset[]): Dataset {
  if (parts.length === 1) return parts[0]!
  return columnDataset({
    sources: parts.flatMap((p) => p.sources),
    indicators: parts.flatMap((p) => p.indicators),
    milestones: parts.flatMap((p) => p.milestones),
    figures: parts.flatMap((p) => figuresOf(p)),
  })
}
