// Wall-clock times in an IANA time zone as UTC instants, and instants as that zone's calendar days.

export interface WallTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const offsets = new Map<string, Map<number, number>>()
/** Offsets change on quarter-hour boundaries (UTC) in every zone still in use. */
const bucketMs = 15 * 60 * 1000
const dayMs = 24 * 60 * 60 * 1000

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone)
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, found)
  }
  return found
}

/**
 * How far the zone's wall clock is ahead of UTC at instant `ms` (taken to its whole second), in
 * milliseconds, straight from the zone database: the one place the app asks Intl. Callers cache
 * it in the way that suits them (below by quarter hour; the credit engine by day and hour span).
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000
  const parts: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(new Date(wholeSecond)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  const wall = utcOfWall({
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  })
  return wall - wholeSecond
}

/** zoneOffsetMs, cached per quarter hour: offsets change on quarter-hour boundaries (UTC). */
function offsetAt(ms: number, timeZone: string): number {
  let cache = offsets.get(timeZone)
  if (!cache) offsets.set(timeZone, (cache = new Map()))
  const bucket = Math.floor(ms / bucketMs)
  const known = cache.get(bucket)
  if (known !== undefined) return known
  const offset = zoneOffsetMs(bucket * bucketMs, timeZone)
  if (cache.size > 100_000) cache.clear()
  cache.set(bucket, offset)
  return offset
}

/** The instant a wall-clock time would be if the zone were UTC. */
export function utcOfWall(wall: WallTime): number {
  const date = new Date(0)
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0)
  return date.getTime()
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time that happens twice (when clocks go
 * back) is its first occurrence; a time that does not exist (when clocks go forward) is moved
 * forward by the jump, as a clock would show it. Throws a RangeError for an unknown zone.
 */
export function instantOfWall(wall: WallTime, timeZone: string): number {
  const asUtc = utcOfWall(wall)
  const before = offsetAt(asUtc - dayMs, timeZone)
  const after = offsetAt(asUtc + dayMs, timeZone)
  const fits = [asUtc - before, asUtc - after].filter((ms) => ms + offsetAt(ms, timeZone) === asUtc)
  return fits.length > 0 ? Math.min(...fits) : asUtc - before
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function dayInZone(ms: number, timeZone: string): string {
  return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 10)
}
