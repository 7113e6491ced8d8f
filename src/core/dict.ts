/**
 * Records keyed by users' text (series names, header cells). A plain `{}` answers `constructor`,
 * `toString` or `__proto__` from Object.prototype, and assigning `__proto__` replaces its prototype:
 * these have none, and look-ups only ever read own keys.
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>
  for (const [k, v] of entries) out[k] = v
  return out
}

/** The record's own value for `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
