// Where an enrolment stands, derived from its stored steps and the ledger's facts about the
// person. Pure: the same rows and facts always give the same answer, so a response logged (or
// imported, or undone) changes the agenda without anything being written here.
import type {
  EnrolmentStatus,
  StepChannel,
  StepCondition,
  StepState,
} from '../../shared/contract/sequences'

export interface StoredStep {
  id: number
  position: number
  channel: StepChannel
  condition: StepCondition
  exit: boolean
  state: 'pending' | 'done' | 'skipped'
  /** When it was marked done or skipped. */
  doneAt: string | null
}

export interface PersonFacts {
  /** The first response (or meeting) since the enrolment started or was resumed that stops it. */
  stop: { eventId: number; at: string; kind: string } | null
  /** Whether they accepted a connection request (any time). */
  connected: boolean
  /** When the user stopped the enrolment by hand. */
  cancelledAt: string | null
}

export interface Progress {
  status: EnrolmentStatus
  /** When it completed, stopped or was cancelled; null while active. */
  endedAt: string | null
  /** Each step's state, in step order. */
  states: StepState[]
}

function conditionHolds(condition: StepCondition, connected: boolean): boolean {
  if (condition === 'not-connected') return !connected
  if (condition === 'connected') return connected
  return true
}

export function progressOf(steps: readonly StoredStep[], facts: PersonFacts): Progress {
  const ordered = [...steps].sort((a, b) => a.position - b.position)
  const states: StepState[] = []
  let completedAt: string | null = null
  let lastDone: string | null = null
  for (const step of ordered) {
    if (completedAt !== null) {
      // The exit step ended it: anything after it is not sent.
      states.push(step.state === 'pending' ? 'cancelled' : step.state)
      continue
    }
    if (step.state !== 'pending') {
      states.push(step.state)
      if (step.doneAt && (lastDone === null || step.doneAt > lastDone)) lastDone = step.doneAt
      if (step.exit) completedAt = step.doneAt ?? lastDone ?? ''
      continue
    }
    states.push(conditionHolds(step.condition, facts.connected) ? 'pending' : 'not-needed')
  }
  // With no step left to send (the rest were not needed), it has run its course.
  if (completedAt === null && !states.includes('pending') && ordered.length > 0)
    completedAt = lastDone ?? ''

  const ends: { status: EnrolmentStatus; at: string }[] = []
  if (completedAt !== null) ends.push({ status: 'completed', at: completedAt })
  if (facts.stop) ends.push({ status: 'stopped', at: facts.stop.at })
  if (facts.cancelledAt) ends.push({ status: 'cancelled', at: facts.cancelledAt })
  // Whatever happened first decides: a reply after the exit step leaves it completed.
  ends.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  const end = ends[0]
  if (!end) return { status: 'active', endedAt: null, states }
  return {
    status: end.status,
    endedAt: end.at === '' ? null : end.at,
    states: states.map((s) => (s === 'pending' ? 'cancelled' : s)),
  }
}
