// Where the clock and the user's time zone meet the sequence calendar: "today" and the moment
// a reminder fires. Both take the instant and the zone as arguments, so tests pin them.
import { dayInZone, instantOfWall } from '../time/zoned'

/** Today's calendar day in the user's zone, from the clock's instant. */
export function todayIn(now: Date, timeZone: string): string {
  return dayInZone(now.getTime(), timeZone)
}

/**
 * The instant a reminder for a step due on `day` fires: `hour`:00 local time in the zone (on
 * the day clocks go forward, a time in the gap moves forward with the clock).
 */
export function reminderInstant(day: string, timeZone: string, hour = 9): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(
    instantOfWall({ year, month, day: date, hour, minute: 0, second: 0 }, timeZone),
  ).toISOString()
}
