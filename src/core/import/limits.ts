/**
 * Limits of the importer, documented in the README ("Importing your own CSV"). A file above
 * MAX_IMPORT_BYTES is refused from its `File.size`, before a single byte is read.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024

/** How much of the start of a file detection looks at first. */
export const SNIFF_BYTES = 256 * 1024

/**
 * How far detection reads on when the first records do not end within SNIFF_BYTES (a long quoted
 * note or series name): the window grows ×4 up to this. A quoted cell longer than this is named as
 * such ("cell_too_large"), never taken for a cut file.
 */
export const MAX_DETECT_BYTES = 32 * 1024 * 1024

/** How many bytes the worker reads, decodes and parses at a time. */
export const CHUNK_BYTES = 4 * 1024 * 1024

/** Rows shown in the mapping preview. */
export const PREVIEW_ROWS = 12

/** Rejected rows kept with full detail (the counts stay exact beyond it). */
export const MAX_REPORTED_ISSUES = 10_000

/** Refuses a file from its size alone: null when it may be read. */
export function checkFileSize(size: number): { code: 'empty' | 'too_large'; limit: number } | null {
  if (size === 0) return { code: 'empty', limit: MAX_IMPORT_BYTES }
  if (size > MAX_IMPORT_BYTES) return { code: 'too_large', limit: MAX_IMPORT_BYTES }
  return null
}
