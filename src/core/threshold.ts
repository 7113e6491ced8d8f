import { DEFAULT_SUPPRESS_BELOW } from './suppression'

/**
 * The small-count threshold's *value* (the rule is src/core/suppression.ts): a whole number from 1
 * to 1,000, or 0 when the user explicitly turned withholding off through its own control. A
 * threshold is never switched off by a cleared box, a typo or a damaged record.
 */
export const MAX_SUPPRESS_BELOW = 1000
/** Stored when withholding is explicitly off. */
export const SUPPRESSION_OFF = 0

/** Why a typed threshold was not taken. */
export type ThresholdProblem = 'empty' | 'notWhole' | 'range'

/** Reads the threshold box: a whole number from 1 to 1,000, or why not (the previous value then stays). */
export function readThresholdEntry(text: string): { value: number } | { problem: ThresholdProblem } {
  const trimmed = text.trim()
  if (!trimmed) return { problem: 'empty' }
  if (!/^\d+$/.test(trimmed)) return { problem: /^[+-]?\d+$/.test(trimmed) ? 'range' : 'notWhole' }
  const value = Number(trimmed)
  return value >= 1 && value <= MAX_SUPPRESS_BELOW ? { value } : { problem: 'range' }
}

/** Whether a stored threshold is usable: absent (the default), 0 (explicitly off) or a whole number from 1 to 1,000. */
export function isStoredThreshold(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= SUPPRESSION_OFF && value <= MAX_SUPPRESS_BELOW)
}

/** The threshold to apply for a stored value: anything unusable means the default, never "off". */
export function thresholdOf(stored: unknown): number {
  return stored !== undefined && isStoredThreshold(stored) ? (stored as number) : DEFAULT_SUPPRESS_BELOW
}
