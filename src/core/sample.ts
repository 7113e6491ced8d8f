/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the points that shape a
 * line, so a long series drawn on a narrow chart looks the same with far fewer points. Always keeps
 * the first and last point. Returns the input itself when it is already small enough.
 */
export function lttb<T>(points: readonly T[], threshold: number, x: (p: T) => number, y: (p: T) => number): readonly T[] {
  const n = points.length
  if (threshold >= n || threshold < 3) return points
  const sampled: T[] = [points[0]!]
  const bucket = (n - 2) / (threshold - 2)
  let a = 0
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * bucket) + 1
    const nextEnd = Math.min(Math.floor((i + 2) * bucket) + 1, n)
    let avgX = 0
    let avgY = 0
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += x(points[j]!)
      avgY += y(points[j]!)
    }
    const count = Math.max(nextEnd - nextStart, 1)
    avgX /= count
    avgY /= count
    const start = Math.floor(i * bucket) + 1
    const end = Math.floor((i + 1) * bucket) + 1
    const ax = x(points[a]!)
    const ay = y(points[a]!)
    let best = start
    let bestArea = -1
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (y(points[j]!) - ay) - (ax - x(points[j]!)) * (avgY - ay))
      if (area > bestArea) {
        bestArea = area
        best = j
      }
    }
    sampled.push(points[best]!)
    a = best
  }
  sampled.push(points[n - 1]!)
  return sampled
}
