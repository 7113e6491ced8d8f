import { OFFENCES, UNITS } from '../model'
import { dict } from '../dict'
import { ROLES, SHAPES, type ExtraColumn, type Mapping, type Roles, type SeriesSetting } from './mapping'

/** Roles that mappings remembered by earlier versions do not have. */
const LATER_ROLES: ReadonlySet<string> = new Set(['shortEn', 'shortFr', 'shortNl', 'labelDe', 'shortDe'])

/**
 * A mapping remembered for a header: column roles only, never how the bytes were read (delimiter,
 * number format, encoding belong to each file and are detected afresh). What comes back from
 * storage is checked field by field: a record written by another version, or edited by hand, is
 * 'unreadable' (the caller ignores it and says so), never a half-mapping that stalls the screen.
 */
export function rememberedMapping(mapping: Mapping): string {
  return JSON.stringify({ version: 2, mapping })
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a remembered mapping for a header of `width` columns: null if none, 'unreadable' if unusable. */
export function readRemembered(raw: string | null, width: number): Mapping | 'unreadable' | null {
  if (raw === null) return null
  let saved: unknown
  try {
    saved = JSON.parse(raw)
  } catch {
    return 'unreadable'
  }
  // Version 1 kept `{ settings, mapping }`: its mapping is still read, its settings never.
  const m = isObject(saved) ? saved.mapping : undefined
  if (!isObject(m)) return 'unreadable'
  const inRange = (c: unknown): c is number => isInt(c) && c >= -1 && c < width
  if (typeof m.shape !== 'string' || !(SHAPES as readonly string[]).includes(m.shape)) return 'unreadable'
  // A role added after the mapping was remembered (the short labels) reads as "no such column".
  const roleOf = (r: string): unknown => (m.roles as Record<string, unknown>)[r] ?? (LATER_ROLES.has(r) ? -1 : undefined)
  if (!isObject(m.roles) || !ROLES.every((r) => inRange(roleOf(r)))) return 'unreadable'
  if (!Array.isArray(m.series) || !m.series.every((c) => inRange(c) && c >= 0)) return 'unreadable'
  const d = m.defaults
  if (!isObject(d) || !(OFFENCES as readonly unknown[]).includes(d.offence) || !(UNITS as readonly unknown[]).includes(d.unit) || typeof d.baseline !== 'string') return 'unreadable'
  if (!isObject(m.overrides)) return 'unreadable'
  // Keyed by series names: a series called `__proto__` must stay an entry, not replace the prototype.
  const overrides = dict<SeriesSetting>()
  for (const [key, o] of Object.entries(m.overrides)) {
    if (!isObject(o) || typeof o.label !== 'string' || !(OFFENCES as readonly unknown[]).includes(o.offence) || !(UNITS as readonly unknown[]).includes(o.unit)) return 'unreadable'
    overrides[key] = { label: o.label, offence: o.offence as SeriesSetting['offence'], unit: o.unit as SeriesSetting['unit'] }
  }
  const rawExtras = m.extras ?? []
  if (!Array.isArray(rawExtras)) return 'unreadable'
  const extras: ExtraColumn[] = []
  for (const e of rawExtras as unknown[]) {
    if (!isObject(e) || !inRange(e.column) || e.column < 0 || !(UNITS as readonly unknown[]).includes(e.unit) || typeof e.period !== 'string') return 'unreadable'
    extras.push({ column: e.column, unit: e.unit as ExtraColumn['unit'], period: e.period })
  }
  const roles = Object.fromEntries(ROLES.map((r) => [r, roleOf(r)])) as Roles
  return {
    shape: m.shape as Mapping['shape'],
    roles,
    series: [...(m.series as number[])],
    defaults: { offence: d.offence as Mapping['defaults']['offence'], unit: d.unit as Mapping['defaults']['unit'], baseline: d.baseline },
    overrides,
    extras,
  }
}
