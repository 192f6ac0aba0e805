// Credit checkpoints: a reopened ledger answers today's balance from the seat's state saved at
// the end of an earlier day plus the events since, and only while that state still holds.
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Backend } from '../../../src/main/backend'
import { holdsSeat } from '../../../src/main/credits/cache'
import { addDays } from '../../../src/main/credits/engine'
import type { Balance } from '../../../src/shared/contract'
import { call, fixedNow, openBackend, openWithSeat, tempDir } from '../../helpers/ledger'

// fixedNow is 2026-03-10 (UTC): the checkpoint is taken through 30 days before.
const endOfToday = '2026-03-10T23:59:59.999Z'
const through = '2026-02-08'

const person = (i: number) => ({ profileUrl: `https://www.linkedin.com/in/person-${i}` })

/** A seat since September: an InMail every other day, every third one answered 5 days later. */
async function busyLedger() {
  const dbPath = join(tempDir(), 'ledger.sqlite')
  const { backend, seat } = await openWithSeat({ dbPath, seat: { startedOn: '2025-09-01' } })
  for (let i = 0; i < 90; i++) {
    const day = addDays('2025-09-02', 2 * i)
    await call(backend, 'credits.send', { seatId: seat.id, to: person(i), at: `${day}T10:00:00Z` })
    if (i % 3 === 0)
      await call(backend, 'credits.respond', { to: person(i), at: `${addDays(day, 5)}T09:00:00Z` })
  }
  await call(backend, 'credits.purchase', {
    seatId: seat.id,
    at: '2025-12-01',
    credits: 10,
    priceCents: 1000,
  })
  return { dbPath, backend, seatId: seat.id }
}

const todays = (backend: Backend, seatId: number) =>
  call<Balance>(backend, 'credits.balance', { seatId })
/** The same day's balance asked for at an instant: always a replay of every event. */
const replayed = (backend: Backend, seatId: number) =>
  call<Balance>(backend, 'credits.balance', { seatId, at: endOfToday })

interface CheckpointRow {
  seat_id: number
  through_day: string
  state: string
  settings: string
  last_event_id: number
}

function checkpoints(dbPath: string): CheckpointRow[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db
      .prepare(
        'SELECT seat_id, through_day, state, settings, last_event_id FROM credit_checkpoints',
      )
      .all() as CheckpointRow[]
  } finally {
    db.close()
  }
}

async function reopened(dbPath: string, backend: Backend): Promise<Backend> {
  backend.close()
  return openBackend(dbPath)
}

describe('credit checkpoints', () => {
  it('answers a reopened ledger from the checkpoint, as a replay of every event does', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    const first = await todays(backend, seatId)
    expect(first.pendingRefunds.length).toBeGreaterThan(0)
    expect(checkpoints(dbPath).map((c) => [c.seat_id, c.through_day])).toEqual([[seatId, through]])

    const again = await reopened(dbPath, backend)
    expect(await todays(again, seatId)).toEqual(first)
    // Answered without reading the seat's events: the cache never got them.
    expect(holdsSeat(again.ledger, seatId)).toBe(false)
    expect(await replayed(again, seatId)).toEqual(first)
  })

  it('never waits for another writer to save one: the balance is answered, the save left for later', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    backend.ledger.db.exec('DELETE FROM credit_checkpoints')
    const again = await reopened(dbPath, backend)
    // Another connection holds the write lock (an import writing on its own thread).
    const other = new Database(dbPath)
    other.exec('BEGIN IMMEDIATE')
    try {
      // Waiting for the lock would take the whole minute (and fail the test's time limit).
      again.ledger.db.pragma('busy_timeout = 60000')
      const balance = await todays(again, seatId)
      expect(balance).toEqual(await replayed(again, seatId))
      expect(checkpoints(dbPath)).toEqual([])
      expect(again.ledger.db.pragma('busy_timeout', { simple: true })).toBe(60000)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  })

  it('answers again from what it answered while nothing moved, and anew once something did', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    await todays(backend, seatId)
    const again = await reopened(dbPath, backend)
    const first = await todays(again, seatId)
    expect(await todays(again, seatId)).toEqual(first)
    expect(holdsSeat(again.ledger, seatId)).toBe(false)
    // A contact renamed on this connection: its pending refund reads the new name.
    const contactId = again.ledger.db
      .prepare('SELECT id FROM contacts WHERE profile_url = ?')
      .pluck()
      .get(person(79).profileUrl) as number
    await call(again, 'contacts.update', { contactId, name: 'Grace Hopper' })
    const renamed = await todays(again, seatId)
    expect(renamed.pendingRefunds.map((p) => p.contact)).toContain('Grace Hopper')
    // An InMail logged by another program (the CLI): counted at once.
    const other = await openBackend(dbPath)
    await call(other, 'credits.send', { seatId, to: person(501), at: '2026-03-10T08:00:00Z' })
    const logged = await todays(again, seatId)
    expect(logged.pendingRefunds.map((p) => p.contact)).toContain('linkedin.com/in/person-501')
    expect(logged).toEqual(await replayed(again, seatId))
  })

  it('keeps answering from it after today is logged', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    await todays(backend, seatId)
    let again = await reopened(dbPath, backend)
    await call(again, 'credits.send', { seatId, to: person(500), at: '2026-03-10T08:00:00Z' })
    await call(again, 'credits.respond', { to: person(87), at: '2026-03-10T09:00:00Z' })
    // A day event too (stored with its day, not an instant).
    await call(again, 'credits.purchase', { seatId, at: '2026-03-09', credits: 3, priceCents: 300 })
    again = await reopened(dbPath, again)
    const balance = await todays(again, seatId)
    expect(holdsSeat(again.ledger, seatId)).toBe(false)
    expect(balance).toEqual(await replayed(again, seatId))
    expect(balance.pendingRefunds.map((p) => p.contact)).toContain('linkedin.com/in/person-500')
    expect(balance.batches.some((b) => b.source === 'purchase' && b.dated === '2026-03-09')).toBe(
      true,
    )
  })

  it('names pending refunds as their contacts are named now', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    // person-79's InMail (2026-02-07, unanswered) is inside the checkpoint, still refundable.
    expect((await todays(backend, seatId)).pendingRefunds.map((p) => p.contact)).toContain(
      'linkedin.com/in/person-79',
    )
    const again = await reopened(dbPath, backend)
    const db = again.ledger.db
    const contactId = db
      .prepare('SELECT id FROM contacts WHERE profile_url = ?')
      .pluck()
      .get(person(79).profileUrl) as number
    await call(again, 'contacts.update', { contactId, name: 'Grace Hopper' })
    const renamed = await reopened(dbPath, again)
    const balance = await todays(renamed, seatId)
    expect(holdsSeat(renamed.ledger, seatId)).toBe(false)
    expect(balance.pendingRefunds.map((p) => p.contact)).toContain('Grace Hopper')
    expect(balance).toEqual(await replayed(renamed, seatId))
  })

  it('replays every event again once an import it holds is undone', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    const folder = tempDir()
    const me = 'https://www.linkedin.com/in/jordan-avery-recruits'
    const to = person(900).profileUrl
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        `c1,,Jordan Avery,${me},Sam Lee,${to},2026-01-20 09:00:00 UTC,Role,Hi Sam,INBOX`,
        `c2,,Jordan Avery,${me},Sam Lee,${to},2026-03-09 09:00:00 UTC,Role,Hi again,INBOX`,
      ].join('\n') + '\n',
    )
    const before = await todays(backend, seatId)
    const { importId } = await call<{ importId: number }>(backend, 'imports.run', {
      source: { kind: 'linkedin', path: folder, seatId, me },
    })
    // The checkpoint saved now holds the imported InMails.
    const imported = await todays(backend, seatId)
    expect(imported.available).toBeLessThan(before.available)
    let again = await reopened(dbPath, backend)
    expect(await todays(again, seatId)).toEqual(imported)
    expect(holdsSeat(again.ledger, seatId)).toBe(false)

    await call(again, 'imports.undo', { importId })
    again = await reopened(dbPath, again)
    expect(await todays(again, seatId)).toEqual(before)
    expect(holdsSeat(again.ledger, seatId)).toBe(true)
  })

  const changes: [string, (backend: Backend, seatId: number) => Promise<unknown>][] = [
    [
      'an InMail logged on a day it covers',
      (backend, seatId) =>
        call(backend, 'credits.send', { seatId, to: person(900), at: '2026-01-20T10:00:00Z' }),
    ],
    [
      'a purchase dated on a day it covers',
      (backend, seatId) =>
        call(backend, 'credits.purchase', { seatId, at: through, credits: 5, priceCents: 500 }),
    ],
    [
      'another time zone',
      (backend) => call(backend, 'settings.update', { timeZone: 'America/New_York' }),
    ],
    [
      'another expiry policy',
      (backend, seatId) => call(backend, 'credits.setPolicy', { seatId, expiry: 'never' }),
    ],
  ]
  for (const [what, change] of changes) {
    it(`replays every event again after ${what}, and saves a new checkpoint`, async () => {
      const { dbPath, backend, seatId } = await busyLedger()
      const before = await todays(backend, seatId)
      const [saved] = checkpoints(dbPath)
      let again = await reopened(dbPath, backend)
      await change(again, seatId)
      again = await reopened(dbPath, again)
      const balance = await todays(again, seatId)
      expect(holdsSeat(again.ledger, seatId)).toBe(true)
      expect(balance).toEqual(await replayed(again, seatId))
      expect(balance).not.toEqual(before)
      expect(checkpoints(dbPath)[0]).not.toEqual(saved)
    })
  }

  it('ignores a damaged checkpoint', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    const first = await todays(backend, seatId)
    backend.close()
    const db = new Database(dbPath)
    db.prepare('UPDATE credit_checkpoints SET state = \'{"day": "soon"}\'').run()
    db.close()
    let again = await openBackend(dbPath)
    expect(await todays(again, seatId)).toEqual(first)
    expect(holdsSeat(again.ledger, seatId)).toBe(true)
    // And that balance saved a good one in its place.
    again = await reopened(dbPath, again)
    expect(await todays(again, seatId)).toEqual(first)
    expect(holdsSeat(again.ledger, seatId)).toBe(false)
  })

  it('is taken again under other time-zone rules (a tzdata update can move past days)', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    const first = await todays(backend, seatId)
    backend.close()
    const db = new Database(dbPath)
    db.prepare(
      "UPDATE credit_checkpoints SET settings = json_set(settings, '$.tzdata', '1999a')",
    ).run()
    db.close()
    const again = await openBackend(dbPath)
    expect(await todays(again, seatId)).toEqual(first)
    expect(holdsSeat(again.ledger, seatId)).toBe(true)
  })

  it('writes none while the integrity check runs, and writes it once the check passes', async () => {
    const { dbPath, backend, seatId } = await busyLedger()
    backend.close()
    const copy = join(tempDir(), 'copy.sqlite')
    copyFileSync(dbPath, copy)
    const checking = await Backend.open({ dbPath: copy, now: fixedNow, checkInBackground: true })
    try {
      const first = await todays(checking, seatId)
      expect(checkpoints(copy)).toEqual([])
      await checking.integrityChecked()
      expect(checkpoints(copy).map((c) => c.through_day)).toEqual([through])
      expect(await todays(checking, seatId)).toEqual(first)
    } finally {
      checking.close()
    }
  })
})
