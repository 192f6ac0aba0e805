// What an enrolment has left to do, step by step: which step can be done now (the next one in
// order; a step waits until the one before it is done or skipped) and the day each later step
// is expected on. The agenda, the calendar export and credits ahead all read this one plan.
import { replanAfter } from '../../shared/domain/schedule'
import type { LoadedEnrolment } from './enrolments'

export interface PlannedStep {
  /** Index into the enrolment's steps. */
  index: number
  /** Stored day for a step that can be done now; for a waiting step, its expected day. */
  day: string
  /** Null when it can be done now; else the position of the pending step before it. */
  waitsFor: number | null
}

/**
 * The pending steps of a running enrolment. The next pending step (and any pending step on the
 * same day offset) can be done now, on its stored day even when that has passed. The steps after
 * it keep their gaps from the day it will be done: its day, or today when it is overdue.
 */
export function planOf(loaded: LoadedEnrolment, today: string): PlannedStep[] {
  const { enrolment, rows, schedule } = loaded
  if (enrolment.status !== 'active') return []
  const states = enrolment.steps.map((s) => s.state)
  const next = states.indexOf('pending')
  if (next < 0) return []
  const first = rows[next]!
  const anchor = {
    day: first.due_on < today ? today : first.due_on,
    dayOffset: first.day_offset,
  }
  const later = rows.slice(next + 1)
  const expected = replanAfter(
    anchor,
    later.map((r) => ({ dayOffset: r.day_offset, dueOn: r.due_on })),
    schedule,
  )
  const plan: PlannedStep[] = [{ index: next, day: first.due_on, waitsFor: null }]
  let waiting = false
  let before = first.position
  later.forEach((row, i) => {
    const index = next + 1 + i
    if (states[index] !== 'pending') return
    // Steps on the same day as the next one go together (the two final steps of a plan).
    waiting ||= row.day_offset !== first.day_offset
    plan.push(
      waiting
        ? { index, day: expected[i]!, waitsFor: before }
        : { index, day: row.due_on, waitsFor: null },
    )
    before = row.position
  })
  return plan
}
