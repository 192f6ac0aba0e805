// Local time in SQL. SQLite knows no time zones, so the zone's UTC offsets over the period are
// worked out here (Intl knows the zone database) and written into the query as a CASE over the
// instant: exact across daylight-saving changes, and no JavaScript call per row.
import { zoneOffsetMs } from '../time/zoned'

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in whole seconds. */
export function offsetSecondsAt(ms: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(ms, timeZone) / 1000)
}

export interface OffsetSpan {
  /** The first instant (ms) with this offset; -Infinity for the first span. */
  fromMs: number
  offsetSeconds: number
}

const msPerDay = 86_400_000

/**
 * The zone's offsets from `fromMs` to `toMs`: the offset in force at the start, then one span per
 * change, each from the exact millisecond it took effect (found by halving). Probed daily: no
 * zone changes its offset twice within a day.
 */
export function offsetSpans(timeZone: string, fromMs: number, toMs: number): OffsetSpan[] {
  const start = fromMs - msPerDay
  const end = toMs + msPerDay
  const spans: OffsetSpan[] = [
    { fromMs: -Infinity, offsetSeconds: offsetSecondsAt(start, timeZone) },
  ]
  let previousMs = start
  let previous = spans[0]!.offsetSeconds
  for (let ms = start + msPerDay; ; ms = Math.min(end, ms + msPerDay)) {
    const offset = offsetSecondsAt(ms, timeZone)
    if (offset !== previous) {
      let low = previousMs
      let high = ms
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2)
        if (offsetSecondsAt(mid, timeZone) === previous) low = mid
        else high = mid
      }
      spans.push({ fromMs: high, offsetSeconds: offset })
      previous = offset
    }
    previousMs = ms
    if (ms >= end) break
  }
  return spans
}

/**
 * SQL for the offset in seconds at the instant in `column` (an ISO string in UTC). ISO instants
 * compare as text in time order, so each change is one string comparison.
 */
export function offsetSql(column: string, spans: readonly OffsetSpan[]): string {
  if (spans.length === 1) return String(spans[0]!.offsetSeconds)
  const branches = spans
    .slice(1)
    .map(
      (span, i) =>
        `WHEN ${column} < '${new Date(span.fromMs).toISOString()}' THEN ${spans[i]!.offsetSeconds}`,
    )
  return `(CASE ${branches.join(' ')} ELSE ${spans.at(-1)!.offsetSeconds} END)`
}

/** SQL for the local calendar day of `column`, as days since 1970-01-01 (an integer). */
export function localDayNumberSql(column: string, spans: readonly OffsetSpan[]): string {
  // Whole seconds, so a send at 23:59:59.999 local stays on its day; the division floors.
  return `((unixepoch(${column}) + ${offsetSql(column, spans)}) / 86400)`
}
