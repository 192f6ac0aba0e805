// A real ledger ready for sequence tests: one seat and the two built-in sequences, on a clock
// the test can move.
import type { Sequence } from '../../src/shared/contract'
import { call, openWithSeat } from './ledger'

export interface SequencesLedgerOptions {
  /** Where the clock starts; Monday 23 November 2026, noon UTC, unless said. */
  now?: string
  timeZone?: string
  /** Changes to the seat: "Work" on Recruiter Lite since 1 November 2026 unless said. */
  seat?: Record<string, unknown>
}

export async function sequencesLedger({
  now = '2026-11-23T12:00:00.000Z',
  timeZone = 'UTC',
  seat = {},
}: SequencesLedgerOptions = {}) {
  const clock = { now: new Date(now) }
  const { backend, seat: added } = await openWithSeat({
    now: () => clock.now,
    timeZone,
    seat: { startedOn: '2026-11-01', ...seat },
  })
  const sequences = await call<Sequence[]>(backend, 'sequences.list', {})
  const byName = (name: string) => sequences.find((s) => s.name.startsWith(name))!
  return {
    backend,
    clock,
    seat: added,
    inmail: byName('InMail 0/3/7/14'),
    multi: byName('Connect 1'),
  }
}
