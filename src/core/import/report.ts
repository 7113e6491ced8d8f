import { MAX_REPORTED_ISSUES } from './limits'
import type { ImportedTable } from './table'

/** Why a row (or, in a wide table, a cell) was not imported. */
export type RowIssueCode =
  | 'ragged_row'
  | 'csv_syntax'
  | 'truncated'
  | 'missing_period'
  | 'unknown_period'
  | 'not_a_number'
  | 'missing_indicator'
  | 'unknown_offence'
  | 'unknown_unit'
  | 'unknown_status'
  | 'relative_without_baseline'
  | 'bad_baseline'
  | 'duplicate'

export interface RowIssue {
  /** 1-based line in the file (the header is line 1). */
  readonly line: number
  /** 1-based column, 0 for the whole row. */
  readonly column: number
  readonly field: string
  readonly code: RowIssueCode
  /** The offending cell, as written. */
  readonly value: string
  /** For `duplicate`: the line of the first figure; for `ragged_row`: the cells found. */
  readonly other: number
}

export interface ImportReport {
  /** Data records read (header and blank lines excluded). */
  readonly records: number
  /** Figures that will be imported. */
  readonly valid: number
  /** Rows (long tables) or cells (wide tables) rejected. */
  readonly rejected: number
  /** Cells holding a missing-value marker (`:`, `-`, `n/a`...): left out, not errors. */
  readonly missing: number
  readonly issues: readonly RowIssue[]
  /** Characters XML 1.0 forbids (controls, U+FFFF…), replaced by U+FFFD: exports could not hold them. */
  readonly replaced: number
  /** Rejections beyond MAX_REPORTED_ISSUES, counted but not detailed. */
  readonly unlisted: number
  /** Rows read with their quotes as text (relaxed quotes), and the first of them. */
  readonly quotesAsText?: { readonly rows: number; readonly first: number }
}

/** What a builder produces: the table, its report, and the series key of each indicator. */
export interface BuiltPart {
  readonly table: ImportedTable
  readonly report: ImportReport
  readonly keys: readonly string[]
}

/**
 * The validation log of one read: records seen, figures rejected (the first MAX_REPORTED_ISSUES
 * with line, column and reason, the rest counted), missing-value cells and replaced characters.
 */
export class IssueLog {
  records = 0
  rejected = 0
  missing = 0
  /** Forbidden characters replaced while reading (counted by the run, which sees the text). */
  replaced = 0
  unlisted = 0
  private readonly issues: RowIssue[] = []

  constructor(private readonly header: readonly string[]) {}

  /** A figure or row not imported: `column` is 0-based, -1 for the whole row. */
  reject(line: number, column: number, code: RowIssueCode, value = '', other = 0): void {
    this.rejected++
    this.add({ line, column: column + 1, field: column >= 0 ? (this.header[column] ?? '') : '', code, value, other })
  }

  private add(issue: RowIssue): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue)
    else this.unlisted++
  }

  /** Takes in another part's report (the rest of the same file), its lines shifted by `lineOffset`. */
  absorb(report: ImportReport, lineOffset: number): void {
    for (const issue of report.issues) this.add({ ...issue, line: issue.line + lineOffset, other: issue.code === 'duplicate' ? issue.other + lineOffset : issue.other })
    this.records += report.records
    this.rejected += report.rejected
    this.missing += report.missing
    this.replaced += report.replaced
    this.unlisted += report.unlisted
  }

  report(valid: number): ImportReport {
    return {
      records: this.records,
      valid,
      rejected: this.rejected,
      missing: this.missing,
      replaced: this.replaced,
      issues: [...this.issues].sort((a, b) => a.line - b.line || a.column - b.column),
      unlisted: this.unlisted,
    }
  }
}
