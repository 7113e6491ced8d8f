/**
 * The version of a data set: the day it was released and a short hash of its content. Citations,
 * exports, the data package and links name it, so a reader can tell which figures a chart showed
 * even after a correction (data/CHANGELOG.md says what changed in each release).
 */
export interface DataVersion {
  /** ISO day of the release: the newest dated heading of data/CHANGELOG.md. */
  readonly released: string
  /** First 8 hex digits of the SHA-256 of the canonical CSV files (line endings normalised). */
  readonly hash: string
}

/** `2026-12-04+1a2b3c4d`: sortable by date, and two releases of one day still differ. */
export function dataVersionText(version: DataVersion): string {
  return `${version.released}+${version.hash}`
}

const DATED_HEADING = /^## (\d{4}-\d{2}-\d{2})\b/m

/** The release day of a changelog: its first `## YYYY-MM-DD` heading, or null when it has none. */
export function releaseDay(changelog: string): string | null {
  return DATED_HEADING.exec(changelog)?.[1] ?? null
}

/** The text a data set's hash is computed over: each file's name and content, LF line endings, in a fixed order. */
export function hashInput(files: readonly { readonly name: string; readonly text: string }[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${f.name}\n${f.text.replace(/\r\n?/g, '\n')}`)
    .join('\u0000')
}
