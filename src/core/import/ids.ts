/**
 * The ids an imported dataset's indicators and source take in the merged dataset. Apart from
 * `table.ts` because the first load needs them (stores/datasets.ts, core/chart/trendOption.ts) and
 * nothing else of the imported table.
 */

/** The id of an imported indicator in the merged dataset: never the same as a bundled one. */
export function namespacedId(datasetId: string, indicatorId: string): string {
  return `${datasetId}:${indicatorId}`
}

export function sourceIdOf(datasetId: string): string {
  return `${datasetId}:file`
}

/** Whether a source id is an imported file's (its figures are "as in the file", never "published"). */
export function isImportedSource(sourceId: string): boolean {
  return sourceId.endsWith(':file')
}
