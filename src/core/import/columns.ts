import type { ImportedTable } from './table'

class Column<T extends Uint32Array | Float64Array | Uint8Array> {
  data: T
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024)
  }
  grow(n: number): void {
    const next = this.make(Math.max(n, this.data.length * 2))
    next.set(this.data as never)
    this.data = next
  }
  trimmed(length: number): T {
    return this.data.slice(0, length) as T
  }
}

const u32 = (n: number): Uint32Array => new Uint32Array(n)

/** One figure as codes, ready to hold. */
export interface FigureCodes {
  indicator: number
  period: number
  value: number
  status: number
  baseline: number
  ageGroup: number
  gender: number
  region: number
  note: number
  quote: number
  line: number
}

/**
 * The columns an import holds while it reads: growable typed arrays, one per field, and the
 * duplicate check, an open-addressing hash of row indexes keyed by (indicator, period, breakdown)
 * codes (no string key per row).
 */
export class HeldColumns {
  length = 0
  private readonly indicator = new Column(u32)
  private readonly period = new Column(u32)
  private readonly value = new Column((n) => new Float64Array(n))
  private readonly status = new Column((n) => new Uint8Array(n))
  private readonly baseline = new Column(u32)
  private readonly ageGroup = new Column(u32)
  private readonly gender = new Column(u32)
  private readonly region = new Column(u32)
  private readonly note = new Column(u32)
  private readonly quote = new Column(u32)
  private readonly line = new Column(u32)
  private readonly all = [this.indicator, this.period, this.value, this.status, this.baseline, this.ageGroup, this.gender, this.region, this.note, this.quote, this.line]
  /** Row indexes + 1; 0 is an empty slot. */
  private slots = new Int32Array(1 << 12)

  /** The slot the last `lineOfSame` found empty: where `add` puts the figure. */
  private free = -1

  /** The line of a figure held with the same key (indicator, period, breakdown), or -1 (then `add` may hold this one). */
  lineOfSame(f: Readonly<Pick<FigureCodes, 'indicator' | 'period' | 'ageGroup' | 'gender' | 'region'>>): number {
    const slot = this.probe(f.indicator, f.period, f.ageGroup, f.gender, f.region)
    const earlier = this.slots[slot]! - 1
    this.free = earlier >= 0 ? -1 : slot
    return earlier >= 0 ? this.line.data[earlier]! : -1
  }

  /** Holds a figure just checked by lineOfSame (and found new). */
  add(f: Readonly<FigureCodes>): void {
    const slot = this.free
    if (slot < 0) throw new Error('add without lineOfSame')
    this.free = -1
    const r = this.length
    if (r === this.line.data.length) for (const c of this.all) c.grow(r * 2)
    this.indicator.data[r] = f.indicator
    this.period.data[r] = f.period
    this.value.data[r] = f.value
    this.status.data[r] = f.status
    this.baseline.data[r] = f.baseline
    this.ageGroup.data[r] = f.ageGroup
    this.gender.data[r] = f.gender
    this.region.data[r] = f.region
    this.note.data[r] = f.note
    this.quote.data[r] = f.quote
    this.line.data[r] = f.line
    this.length = r + 1
    this.slots[slot] = r + 1
    if (this.length * 2 > this.slots.length) this.rehash()
  }

  private hash(indicator: number, period: number, age: number, gender: number, region: number): number {
    let h = Math.imul(indicator + 1, 0x9e3779b1)
    h = Math.imul(h ^ (period + 0x7f4a7c15), 0x85ebca6b)
    h = Math.imul(h ^ age, 0xc2b2ae35)
    h = Math.imul(h ^ (gender + 0x165667b1), 0x27d4eb2f)
    h = Math.imul(h ^ (region + 0x61c88647), 0x9e3779b1)
    return (h ^ (h >>> 15)) >>> 0
  }

  /** The slot holding an earlier figure with the same key, or the empty slot where this one goes. */
  private probe(indicator: number, period: number, age: number, gender: number, region: number): number {
    const slots = this.slots
    const mask = slots.length - 1
    // At most slots.length steps: the table is never more than half full (rehash), so an empty slot comes first.
    for (let s = this.hash(indicator, period, age, gender, region) & mask, step = 0; step < slots.length; s = (s + 1) & mask, step++) {
      const slot = slots[s]!
      if (slot === 0) return s
      const r = slot - 1
      if (
        this.indicator.data[r] === indicator &&
        this.period.data[r] === period &&
        this.ageGroup.data[r] === age &&
        this.gender.data[r] === gender &&
        this.region.data[r] === region
      ) return s
    }
    throw new Error('duplicate check: no free slot')
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let r = 0; r < this.length; r++) {
      let s = this.hash(this.indicator.data[r]!, this.period.data[r]!, this.ageGroup.data[r]!, this.gender.data[r]!, this.region.data[r]!) & mask
      // At most slots.length steps: the new table has twice the slots of the rows it takes.
      for (let step = 0; slots[s] !== 0 && step < slots.length; step++) s = (s + 1) & mask
      slots[s] = r + 1
    }
    this.slots = slots
  }

  /** The columns at their length, with the dictionaries they code into; the duplicate check is let go. */
  finish(dictionaries: Pick<ImportedTable, 'periods' | 'strings' | 'indicators'>): ImportedTable {
    const n = this.length
    this.slots = new Int32Array(0)
    return {
      length: n,
      indicator: this.indicator.trimmed(n),
      period: this.period.trimmed(n),
      value: this.value.trimmed(n),
      status: this.status.trimmed(n),
      baseline: this.baseline.trimmed(n),
      ageGroup: this.ageGroup.trimmed(n),
      gender: this.gender.trimmed(n),
      region: this.region.trimmed(n),
      note: this.note.trimmed(n),
      quote: this.quote.trimmed(n),
      line: this.line.trimmed(n),
      ...dictionaries,
    }
  }
}
