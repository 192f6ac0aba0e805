// Calendar days in the user's time zone, as instants: a day event (a purchase, a reconciliation)
// is stored as its day and placed at that day's local midnight when the ledger is replayed.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  )
  return wall - Math.floor(ms / 1000) * 1000
}

/** The instant the day begins in the zone (its local midnight). */
export function startOfLocalDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const midnightUtc = Date.UTC(y, m - 1, d)
  let ms = midnightUtc - offsetAt(midnightUtc, timeZone)
  // Across a DST change the offset at the guess may differ from the offset at the answer.
  const corrected = midnightUtc - offsetAt(ms, timeZone)
  if (corrected !== ms) ms = corrected
  return new Date(ms).toISOString()
}

/** The last millisecond of the day in the zone. */
export function endOfLocalDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return new Date(Date.parse(startOfLocalDay(next, timeZone)) - 1).toISOString()
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name)
    return true
  } catch {
    return false
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
