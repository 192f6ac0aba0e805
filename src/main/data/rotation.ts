// Which automatic backups to keep: the latest of each of the last 7 days that have one, and
// before those, the latest of each of the 4 ISO weeks that have one, so about five weeks of
// history stay. Manual and pre-migration backups never come here, so they are never deleted.
// Pure: the caller turns file names into calendar days.
import { toDayNumber } from '../credits/engine/days'
import type { Day } from '../../shared/domain/credits'

export interface AutomaticBackup {
  name: string
  /** The calendar day (in the user's time zone) the backup was taken. */
  day: Day
}

export interface Rotation {
  daily: string[]
  /** The latest of each of the 4 weeks before the dailies' weeks. */
  weekly: string[]
  remove: string[]
}

export const keepDaily = 7
export const keepWeekly = 4

/** Monday of the ISO week `day` falls in, as a day number: one key per ISO week. */
export function isoWeekOf(day: Day): number {
  const n = toDayNumber(day)
  // Day 0 (1970-01-01) was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  return n - ((((n + 3) % 7) + 7) % 7)
}

/** The latest backup per key, newest key first, at most `limit` of them. */
function latestPer(
  sorted: readonly AutomaticBackup[],
  keyOf: (b: AutomaticBackup) => string | number,
  limit: number,
): string[] {
  const seen = new Set<string | number>()
  const kept: string[] = []
  for (const backup of sorted) {
    const key = keyOf(backup)
    if (seen.has(key)) continue
    seen.add(key)
    if (kept.length === limit) break
    kept.push(backup.name)
  }
  return kept
}

export function rotate(
  backups: readonly AutomaticBackup[],
  limits = { daily: keepDaily, weekly: keepWeekly },
): Rotation {
  // Newest first; names carry the instant, so they order backups taken on the same day.
  const sorted = [...backups].sort(
    (a, b) => b.day.localeCompare(a.day) || b.name.localeCompare(a.name),
  )
  const daily = latestPer(sorted, (b) => b.day, limits.daily)
  // Weeks before the oldest daily one's week: a week the dailies reach into is theirs.
  const oldestDaily = sorted.find((b) => b.name === daily.at(-1))
  const firstDailyWeek = oldestDaily ? isoWeekOf(oldestDaily.day) : Number.POSITIVE_INFINITY
  const weekly = latestPer(
    sorted.filter((b) => isoWeekOf(b.day) < firstDailyWeek),
    (b) => isoWeekOf(b.day),
    limits.weekly,
  )
  const kept = new Set([...daily, ...weekly])
  return { daily, weekly, remove: sorted.map((b) => b.name).filter((name) => !kept.has(name)) }
}

/** True when no automatic backup was taken on `today` yet. */
export function dailyBackupDue(backups: readonly AutomaticBackup[], today: Day): boolean {
  return !backups.some((b) => b.day === today)
}
