import { toRaw } from 'vue'
import { dict } from '../core/dict'
import type { Sniff } from '../core/import/detect'
import { headerSignature, type Mapping, type Role, type Shape } from '../core/import/mapping'
import { readRemembered, rememberedMapping } from '../core/import/remembered'
import type { Offence, Unit } from '../core/model'

/**
 * The imports store's mapping job: the mapping as the form edits it, and the one remembered per
 * header in localStorage (column roles only; checked field by field when read back).
 */

/** The mapping as the form edits it (mutable, plain). */
export interface MappingDraft {
  shape: Shape
  roles: Record<Role, number>
  series: number[]
  defaults: { offence: Offence; unit: Unit; baseline: string }
  overrides: Record<string, { label: string; offence: Offence; unit: Unit }>
  /** Columns read as series of their own besides the layout's (a rate beside a count, `ref2024`). */
  extras: { column: number; unit: Unit; period: string }[]
}

const MAPPING_KEY = 'vigie.import.mapping.'

export function plain<T>(value: T): T {
  // From the raw objects: through Vue's proxy, a series called `hasOwnProperty` reads as a function.
  return JSON.parse(JSON.stringify(toRaw(value))) as T
}

/** A mapping to edit; its overrides keyed by series names in a record without prototype (see core/dict). */
export function draft(m: MappingDraft): MappingDraft {
  return { ...m, overrides: dict(Object.entries(m.overrides ?? {})) }
}

/** The mapping remembered for this header (roles only), 'unreadable' (then forgotten), or null. */
export function recall(header: readonly string[]): MappingDraft | 'unreadable' | null {
  const key = MAPPING_KEY + headerSignature(header)
  let raw: string | null
  try {
    raw = localStorage.getItem(key)
  } catch {
    return null
  }
  const found = readRemembered(raw, header.length)
  if (found === 'unreadable') {
    try {
      localStorage.removeItem(key)
    } catch {
      // Ignored again next time, with the same notice.
    }
  }
  return found === 'unreadable' || found === null ? found : (plain(found) as MappingDraft)
}

export function remember(header: readonly string[], mapping: MappingDraft): void {
  try {
    localStorage.setItem(MAPPING_KEY + headerSignature(header), rememberedMapping(mapping as unknown as Mapping))
  } catch {
    // Not remembering a mapping is acceptable.
  }
}

/**
 * The mapping to edit for a newly detected file: the one remembered for its header (unless the
 * user forced how it is read), else the detected one. Only column roles are remembered: how the
 * bytes are read is each file's own. `unreadable`: a remembered one was there and is forgotten.
 */
export function mappingToEdit(sniff: Sniff, forced: boolean): { mapping: MappingDraft; remembered: boolean; unreadable: boolean } {
  const saved = forced ? null : recall(sniff.header)
  const usable = saved !== 'unreadable' && saved !== null ? saved : null
  return { mapping: draft(usable ?? (plain({ extras: [], ...sniff.mapping }) as MappingDraft)), remembered: usable !== null, unreadable: saved === 'unreadable' }
}
