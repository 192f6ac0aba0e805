// Where an enrolment stands, from its steps and the facts about the person: whatever happened
// first (the exit step, a response, the user stopping it) decides.
import { describe, expect, it } from 'vitest'
import { progressOf, type StoredStep } from '../../../src/main/sequences/progress'

const step = (position: number, extra: Partial<StoredStep> = {}): StoredStep => ({
  id: position,
  position,
  channel: 'inmail',
  condition: 'always',
  exit: false,
  state: 'pending',
  doneAt: null,
  ...extra,
})
const none = { stop: null, connected: false, cancelledAt: null }
const reply = (at: string) => ({ ...none, stop: { eventId: 9, at, kind: 'reply' } })

describe('progress of an enrolment', () => {
  it('is active with steps pending, and completed once the exit step is done', () => {
    const steps = [
      step(1, { state: 'done', doneAt: '2026-11-24T09:00:00Z' }),
      step(2, { exit: true }),
    ]
    expect(progressOf(steps, none)).toEqual({
      status: 'active',
      endedAt: null,
      states: ['done', 'pending'],
    })
    const ended = progressOf(
      [steps[0]!, step(2, { exit: true, state: 'done', doneAt: '2026-12-01T09:00:00Z' }), step(3)],
      none,
    )
    expect(ended).toEqual({
      status: 'completed',
      endedAt: '2026-12-01T09:00:00Z',
      states: ['done', 'done', 'cancelled'],
    })
  })

  it('stops on a response before the exit, but a response after the exit leaves it completed', () => {
    const running = [
      step(1, { state: 'done', doneAt: '2026-11-24T09:00:00Z' }),
      step(2, { exit: true }),
    ]
    expect(progressOf(running, reply('2026-11-25T08:00:00Z'))).toEqual({
      status: 'stopped',
      endedAt: '2026-11-25T08:00:00Z',
      states: ['done', 'cancelled'],
    })
    const finished = [
      running[0]!,
      step(2, { exit: true, state: 'skipped', doneAt: '2026-12-01T09:00:00Z' }),
    ]
    expect(progressOf(finished, reply('2026-12-02T08:00:00Z')).status).toBe('completed')
    expect(progressOf(finished, reply('2026-11-30T08:00:00Z')).status).toBe('stopped')
  })

  it('skips conditional steps by the connection, and ends when nothing is left to send', () => {
    const steps = [
      step(1, { channel: 'connection-request', state: 'done', doneAt: '2026-11-24T09:00:00Z' }),
      step(2, { condition: 'not-connected' }),
      step(3, { channel: 'message', condition: 'connected', exit: true }),
      step(4, { condition: 'not-connected', exit: true }),
    ]
    expect(progressOf(steps, { ...none, connected: true }).states).toEqual([
      'done',
      'not-needed',
      'pending',
      'not-needed',
    ])
    expect(progressOf(steps, none).states).toEqual(['done', 'pending', 'not-needed', 'pending'])
    const allDone = [
      steps[0]!,
      step(2, { condition: 'not-connected', state: 'done', doneAt: '2026-11-28T09:00:00Z' }),
    ]
    expect(progressOf(allDone, { ...none, connected: true })).toMatchObject({
      status: 'completed',
      endedAt: '2026-11-28T09:00:00Z',
    })
  })

  it('is cancelled when the user stopped it before anything else happened', () => {
    const steps = [step(1), step(2, { exit: true })]
    expect(
      progressOf(steps, { ...reply('2026-11-26T08:00:00Z'), cancelledAt: '2026-11-25T08:00:00Z' }),
    ).toEqual({
      status: 'cancelled',
      endedAt: '2026-11-25T08:00:00Z',
      states: ['cancelled', 'cancelled'],
    })
  })
})
