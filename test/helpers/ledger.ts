// Real ledgers in temp folders, with a fixed clock, for tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { Backend } from '../../src/main/backend'
import type { Envelope, Seat } from '../../src/shared/contract'

const cleanups: (() => void)[] = []

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!()
})

/** A new empty folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export const fixedNow = (): Date => new Date('2026-03-10T12:00:00.000Z')

export async function openBackend(
  dbPath = join(tempDir(), 'ledger.sqlite'),
  now: () => Date = fixedNow,
): Promise<Backend> {
  const backend = await Backend.open({ dbPath, now })
  cleanups.unshift(() => backend.close())
  return backend
}

export interface WithSeat {
  dbPath?: string
  now?: () => Date
  timeZone?: string
  /** The seat's fields: "Work" on Recruiter Lite unless said. */
  seat: { startedOn: string } & Record<string, unknown>
}

/** A real ledger set to the user's time zone with one seat: where most service tests start. */
export async function openWithSeat({ dbPath, now, timeZone = 'UTC', seat }: WithSeat) {
  const backend = await openBackend(dbPath, now)
  await call(backend, 'settings.update', { timeZone })
  const added = await call<Seat>(backend, 'seats.add', {
    name: 'Work',
    planId: 'recruiter-lite',
    ...seat,
  })
  return { backend, seat: added }
}

/** Calls a channel and returns its result, failing the test with the error if it was refused. */
export async function call<R = unknown>(
  backend: Backend,
  channel: string,
  input: unknown,
): Promise<R> {
  const envelope = await backend.invoke(channel, input)
  if (!envelope.ok)
    throw new Error(`${channel} refused: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.result as R
}

/** Calls a channel that must be refused, and returns the error. */
export async function refused(backend: Backend, channel: string, input: unknown) {
  const envelope: Envelope<unknown> = await backend.invoke(channel, input)
  if (envelope.ok) throw new Error(`${channel} was accepted: ${JSON.stringify(envelope.result)}`)
  return envelope.error
}

export function seatCount(backend: Backend): number {
  return (backend.ledger.db.prepare('SELECT count(*) AS n FROM seats').get() as { n: number }).n
}

export function eventCount(backend: Backend): number {
  return (
    backend.ledger.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }
  ).n
}

/**
 * The closing balance a statement's totals add up to: opening + granted + purchased − spent +
 * refunded − expired − forfeited + adjusted. Written out here, not taken from the engine, so a
 * test comparing it with `closing` checks the engine rather than repeating it.
 */
export function closingFromTotals(s: {
  opening: number
  granted: number
  purchased: number
  spent: number
  refunded: number
  expired: number
  forfeited: number
  adjusted: number
}): number {
  return (
    s.opening +
    s.granted +
    s.purchased -
    s.spent +
    s.refunded -
    s.expired -
    s.forfeited +
    s.adjusted
  )
}
