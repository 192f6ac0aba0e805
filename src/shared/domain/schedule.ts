// When each step of a follow-up sequence falls due. Pure calendar arithmetic on `YYYY-MM-DD`
// days: no clock, no time zone (days are already the user's calendar days). The clock and the
// zone enter in src/main/sequences/clock.ts, which takes both as arguments.

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export const weekdayNames: Record<Weekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
}

/** Seeds 001–003: send Tuesday to Thursday. */
export const defaultPreferredWeekdays: readonly Weekday[] = [2, 3, 4]

export interface ScheduleOptions {
  /** Count day offsets in working days (Monday–Friday) and never land on a weekend. */
  businessDays: boolean
  /** Move each step forward to the next of these weekdays; empty means any day. */
  preferredWeekdays: readonly Weekday[]
}

export interface StepTiming {
  /** Days after the start (calendar days, or working days with `businessDays`). */
  dayOffset: number
}

const dayMs = 86_400_000

function toMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * dayMs)
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / dayMs)
}

export function weekdayOf(day: string): Weekday {
  const js = new Date(toMs(day)).getUTCDay()
  return (js === 0 ? 7 : js) as Weekday
}

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** "21 Nov 2026", as the screens show days, for sentences written in the main process. */
export function spokenDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return `${d} ${monthNames[m - 1]} ${y}`
}

export function isBusinessDay(day: string): boolean {
  return weekdayOf(day) <= 5
}

/** The weekdays a step may land on; an impossible combination falls back to working days. */
export function allowedWeekdays(options: ScheduleOptions): Set<Weekday> {
  let allowed = new Set<Weekday>(
    options.preferredWeekdays.length > 0
      ? options.preferredWeekdays
      : ([1, 2, 3, 4, 5, 6, 7] as Weekday[]),
  )
  if (options.businessDays) {
    allowed = new Set([...allowed].filter((d) => d <= 5))
    if (allowed.size === 0) allowed = new Set<Weekday>([1, 2, 3, 4, 5])
  }
  return allowed
}

/** The first day on or after `day` that falls on an allowed weekday (at most 6 days later). */
export function nextAllowed(day: string, allowed: ReadonlySet<Weekday>): string {
  let d = day
  for (let i = 0; i < 7 && !allowed.has(weekdayOf(d)); i++) d = addDays(d, 1)
  return d
}

/** `n` working days after `day` (a weekend start counts from the Monday after). */
export function addBusinessDays(day: string, n: number): string {
  let d = day
  while (!isBusinessDay(d)) d = addDays(d, 1)
  for (let left = n; left > 0;) {
    d = addDays(d, 1)
    if (isBusinessDay(d)) left--
  }
  return d
}

/** The nominal day of a step before weekday preferences: start + offset. */
export function nominalDay(start: string, offset: number, options: ScheduleOptions): string {
  return options.businessDays ? addBusinessDays(start, offset) : addDays(start, offset)
}

/** `gap` days after `day`: calendar days, or working days with `businessDays`. */
export function addGap(day: string, gap: number, options: ScheduleOptions): string {
  return options.businessDays ? addBusinessDays(day, gap) : addDays(day, gap)
}

/**
 * The due day of every step, in step order. The first step lands on its nominal day; each later
 * one keeps its gap from the step before (the difference of their offsets), then moves forward
 * to the next allowed weekday. A step that moves pushes the later ones by as much, so the gaps
 * the sequence defines are never squeezed (a shifted bump never crowds the new angle).
 */
export function scheduleSteps(
  start: string,
  steps: readonly StepTiming[],
  options: ScheduleOptions,
): string[] {
  const allowed = allowedWeekdays(options)
  const due: string[] = []
  steps.forEach((step, i) => {
    const previous = due[i - 1]
    const previousStep = steps[i - 1]
    const earliest =
      previous === undefined || previousStep === undefined
        ? nominalDay(start, step.dayOffset, options)
        : addGap(previous, step.dayOffset - previousStep.dayOffset, options)
    due.push(nextAllowed(earliest, allowed))
  })
  return due
}

export interface PlannedStep extends StepTiming {
  /** The step's current due day. */
  dueOn: string
}

/**
 * New due days for the steps after one that was done, skipped or moved to `anchor.day`: each
 * keeps at least its defined gap from the step before it and moves by `shift` days (a snooze
 * moves the rest by as much as the snoozed step), never earlier than that; then it snaps forward
 * to an allowed weekday.
 */
export function replanAfter(
  anchor: { day: string; dayOffset: number },
  later: readonly PlannedStep[],
  options: ScheduleOptions,
  shift = 0,
): string[] {
  const allowed = allowedWeekdays(options)
  let previous = anchor
  return later.map((step) => {
    const kept = addGap(previous.day, step.dayOffset - previous.dayOffset, options)
    const shifted = addDays(step.dueOn, shift)
    const day = nextAllowed(kept > shifted ? kept : shifted, allowed)
    previous = { day, dayOffset: step.dayOffset }
    return day
  })
}
