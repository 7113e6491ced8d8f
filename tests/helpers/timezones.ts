/**
 * Time zones the period code is checked under: the two extremes of the world's offsets, our users'
 * zone and a zone west of UTC with summer time. Node reads `process.env.TZ` on each Date call, so
 * a test can switch zones between assertions.
 */
export const TIME_ZONES = ['UTC', 'Pacific/Kiritimati', 'Europe/Brussels', 'America/New_York', 'Pacific/Pago_Pago', 'Asia/Tokyo'] as const

/** Runs `check` once under each time zone, restoring the zone afterwards. */
export function inEveryTimeZone(check: (zone: string) => void): void {
  const before = process.env.TZ
  try {
    for (const zone of TIME_ZONES) {
      process.env.TZ = zone
      check(zone)
    }
  } finally {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  }
}
