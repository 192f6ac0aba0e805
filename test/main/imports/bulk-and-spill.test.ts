// A big import's shortcuts must not change what it finds or writes: the messages spread over
// temporary files while the export is read (spill.ts), the indexes built once after a bulk load
// instead of row by row (bulk.ts), and the people met again not looked up again (people.ts).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import { openLinkedInExport, readLinkedInExport } from '../../../src/main/imports/linkedin'
import { createContact } from '../../../src/main/contacts/service'
import { SenderTally } from '../../../src/main/imports/linkedin/me'
import { readProblem, readSource } from '../../../src/main/imports/read'
import { dryRun, writeImport } from '../../../src/main/imports/write'
import type { ImportSummary } from '../../../src/shared/contract'
import { fixturesDir as fixtures } from '../../helpers/fixtures'
import { call, openWithSeat } from '../../helpers/ledger'
import { generateExport } from '../../../bench/export-file'
import { messageLine, messagesHeader, myUrl, useTempDir } from './linkedin/temp-export'

const temp = useTempDir()
const now = () => new Date('2026-11-01T12:00:00.000Z')
const exports = ['linkedin-export', 'linkedin-export-quirks']
const generated = mkdtempSync(join(tmpdir(), 'outreach-generated-'))
beforeAll(async () => {
  await generateExport(generated, { seed: 5, messages: 5000, from: '2025-06-01', to: '2025-11-30' })
})
afterAll(() => rmSync(generated, { recursive: true, force: true }))

// Temporary files go to a folder of this test's own, so other tests' imports cannot be counted.
let ownTmp = ''
const savedTmp = process.env.TMPDIR
beforeEach(() => {
  ownTmp = mkdtempSync(join(tmpdir(), 'outreach-spill-test-'))
  process.env.TMPDIR = ownTmp
})
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmp
  rmSync(ownTmp, { recursive: true, force: true })
})
const spillDirs = () =>
  readdirSync(ownTmp).filter((name) => name.startsWith('outreach-ledger-import-')).length

describe('an export spread over temporary files', () => {
  it.each(exports)('%s reads exactly as when it is read in one piece', async (name) => {
    const whole = await readLinkedInExport(join(fixtures, name))
    const before = spillDirs()
    // A few hundred bytes per file: dozens of files for the fixture.
    const spread = await readLinkedInExport(join(fixtures, name), { bucketBytes: 256 })
    expect(spread).toEqual(whole)
    expect(whole.outreach.length).toBeGreaterThan(5)
    expect(spillDirs()).toBe(before)
  })

  it('keeps every conversation whole, with text that holds separators and line breaks', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      {
        id: `c${i}`,
        fromMe: true,
        other: `Person ${i}`,
        otherUrl: `https://www.linkedin.com/in/person-${i}`,
        date: `2026-02-${String(1 + (i % 27)).padStart(2, '0')} 09:00:00 UTC`,
        subject: `Role ${i}`,
        content: `Hello ${i},\r\nline two\u001fwith a unit separator`,
      },
      {
        id: `c${i}`,
        fromMe: true,
        other: `Person ${i}`,
        otherUrl: `https://www.linkedin.com/in/person-${i}`,
        date: `2026-02-${String(1 + (i % 27)).padStart(2, '0')} 10:00:00 UTC`,
        content: 'A follow-up',
      },
      {
        id: `c${i}`,
        fromMe: false,
        other: `Person ${i}`,
        otherUrl: `https://www.linkedin.com/in/person-${i}`,
        date: `2026-02-${String(1 + (i % 27)).padStart(2, '0')} 11:00:00 UTC`,
        content: i % 2 ? 'Sounds great, happy to talk' : 'Not interested, thanks',
      },
    ])
    // Newest first, as LinkedIn lists them: a conversation's rows far apart in the file.
    const lines = rows.flat().reverse().map(messageLine)
    await temp.write('messages.csv', [messagesHeader, ...lines].join('\n') + '\n')
    const whole = await readLinkedInExport(temp.dir)
    const spread = await readLinkedInExport(temp.dir, { bucketBytes: 200 })
    expect(spread).toEqual(whole)
    expect(spread.outreach).toHaveLength(60)
    expect(spread.outreach.every((o) => o.followups.length === 1 && o.response)).toBe(true)
    expect(spread.outreach.find((o) => o.conversationId === 'c0')!.body).toBe(
      'Hello 0,\nline two\u001fwith a unit separator',
    )
    expect(spread.me).toEqual({ name: 'Jordan Avery', profileUrl: myUrl, detected: true })
  })

  it('keeps the messages on disk while the export is open, and removes them when done', async () => {
    const reading = await openLinkedInExport(join(fixtures, 'linkedin-export'), {
      bucketBytes: 256,
    })
    expect(spillDirs()).toBe(1)
    const files = readdirSync(join(ownTmp, readdirSync(ownTmp)[0]!))
    expect(files.length).toBeGreaterThan(10)
    expect([...reading.outreach()].length).toBeGreaterThan(5)
    reading.dispose()
    expect(spillDirs()).toBe(0)
    // A small export stays in memory.
    const small = await openLinkedInExport(join(fixtures, 'linkedin-export'))
    expect(spillDirs()).toBe(0)
    small.dispose()
  })
})

describe('finding the user among the senders', () => {
  const party = (n: number) => ({ url: `https://www.linkedin.com/in/p${n}`, name: `P ${n}` })
  const me = { url: myUrl, name: 'Jordan Avery' }

  it('finds the user among far more senders than it counts at once', () => {
    const tally = new SenderTally(null, 8)
    for (let i = 0; i < 5_000; i++) {
      // The user writes every other message; everyone else writes once or twice.
      tally.add(i % 2 === 0 ? me : party(i % 1_700), [])
    }
    expect(tally.me((name) => name)).toEqual({
      name: 'Jordan Avery',
      profileUrl: myUrl,
      detected: true,
    })
  })

  it('counts exactly while there is room: the first of equal counts wins', () => {
    const tally = new SenderTally(null, 8)
    for (const n of [3, 1, 1, 3, 2, 2]) tally.add(party(n), [])
    expect(tally.me((name) => name).profileUrl).toBe(party(3).url)
  })
})

const ledger = () => openWithSeat({ now, seat: { startedOn: '2025-12-01', openingBalance: 120 } })

/** The ledger's indexes. */
const indexes = (backend: Backend) =>
  backend.ledger.db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .all()

/** Everything written, row by row (recorded_at is the same clock in both ledgers). */
const written = (backend: Backend) => ({
  events: backend.ledger.db.prepare('SELECT * FROM ledger_events ORDER BY id').all(),
  contacts: backend.ledger.db.prepare('SELECT * FROM contacts ORDER BY id').all(),
})

/** Every event written, by what it says: its key, its person, the events it points to. */
const said = (backend: Backend) =>
  backend.ledger.db
    .prepare(
      `SELECT e.source_key, e.kind, e.at, e.day, e.channel, e.open_profile, e.subject,
         e.body_chars, e.body_words, e.response_kind, e.sentiment, c.profile_url, c.name,
         i.source_key AS inmail, f.source_key AS followup_of
       FROM ledger_events e LEFT JOIN contacts c ON c.id = e.contact_id
       LEFT JOIN ledger_events i ON i.id = e.inmail_id
       LEFT JOIN ledger_events f ON f.id = e.followup_of
       ORDER BY e.source_key, e.kind, e.at`,
    )
    .all()

async function importInto(
  backend: Backend,
  seatId: number,
  folder: string,
  bulkFromRows: number,
  dry = false,
  rememberPeople?: number,
  /** Spread over temporary files of this size (read back on the items thread); 0: in one piece. */
  bucketBytes = 512,
): Promise<ImportSummary> {
  const source = { kind: 'linkedin' as const, path: folder, seatId, overrides: {} }
  const read = await readSource(source, {
    timeZone: 'UTC',
    ...(bucketBytes > 0 ? { bucketBytes } : {}),
  })
  try {
    const request = {
      kind: 'linkedin' as const,
      source: 'messages.csv',
      seatId,
      read,
      bulkFromRows,
      ...(rememberPeople === undefined ? {} : { rememberPeople }),
    }
    return dry
      ? await dryRun(backend.ledger, request)
      : (await writeImport(backend.ledger, request)).summary
  } finally {
    read.dispose()
  }
}

describe('a bulk load', () => {
  it.each([
    ...exports.map((name) => [name, join(fixtures, name)]),
    // Five thousand conversations with a few dozen people met again and again.
    ['a generated export', generated],
  ])('of %s writes the same rows as one row at a time', async (_name, folder) => {
    const rowByRow = await ledger()
    const bulk = await ledger()
    const indexesBefore = indexes(bulk.backend)
    // Every person looked up in the ledger, against a bulk load remembering only the last two.
    const one = await importInto(rowByRow.backend, rowByRow.seat.id, folder, Infinity, false, 0)
    const other = await importInto(bulk.backend, bulk.seat.id, folder, 0, false, 2)
    expect(other).toEqual(one)
    expect(written(bulk.backend)).toEqual(written(rowByRow.backend))
    // Every index is back, and agrees with its table.
    expect(indexes(bulk.backend)).toEqual(indexesBefore)
    expect(bulk.backend.ledger.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })

  it.each([
    ...exports.map((name) => [name, join(fixtures, name)]),
    ['a generated export', generated],
  ])(
    'of %s writes the same from parts read back on another thread as from one piece',
    async (_name, folder) => {
      const [inParts, whole] = [await ledger(), await ledger()]
      const one = await importInto(inParts.backend, inParts.seat.id, folder, 0)
      const other = await importInto(whole.backend, whole.seat.id, folder, 0, false, undefined, 0)
      expect(one).toEqual(other)
      // In another order (part by part), so compared by what they say, not by their ids.
      expect(said(inParts.backend)).toEqual(said(whole.backend))
    },
  )

  it('finds the people the ledger already holds, merged ones too, without adding them again', async () => {
    const folder = join(fixtures, 'linkedin-export')
    const people = (await readLinkedInExport(folder)).outreach
      .map((o) => o.contact.profileUrl)
      .filter((url): url is string => url !== null)
      .slice(0, 3)
    expect(people).toHaveLength(3)
    const ledgers = [await ledger(), await ledger()]
    for (const { backend } of ledgers) {
      const [kept, merged, other] = people.map(
        (profileUrl) => createContact(backend.ledger, { profileUrl, name: 'Known before' }).id,
      )
      await call(backend, 'contacts.merge', { keepId: kept, mergeId: merged })
      expect(other).toBeGreaterThan(0)
    }
    const [rowByRow, bulk] = ledgers as [
      Awaited<ReturnType<typeof ledger>>,
      Awaited<ReturnType<typeof ledger>>,
    ]
    const one = await importInto(rowByRow.backend, rowByRow.seat.id, folder, Infinity)
    const other = await importInto(bulk.backend, bulk.seat.id, folder, 0)
    expect(other).toEqual(one)
    expect(written(bulk.backend)).toEqual(written(rowByRow.backend))
  })

  it('finds what an earlier import wrote: nothing is added twice', async () => {
    const { backend, seat } = await ledger()
    const folder = join(fixtures, 'linkedin-export')
    const first = await importInto(backend, seat.id, folder, 0)
    const events = written(backend).events.length
    const again = await importInto(backend, seat.id, folder, 0)
    expect(again).toMatchObject({ inmails: 0, messages: 0, responses: 0, followups: 0 })
    expect(again.duplicates).toBe(first.inmails + first.messages)
    expect(written(backend).events).toHaveLength(events)
  })

  it('in a dry run leaves every index as it was and writes nothing', async () => {
    const { backend, seat } = await ledger()
    const before = { indexes: indexes(backend), ...written(backend) }
    const summary = await importInto(backend, seat.id, join(fixtures, 'linkedin-export'), 0, true)
    expect(summary.inmails).toBeGreaterThan(0)
    expect({ indexes: indexes(backend), ...written(backend) }).toEqual(before)
  })

  it('counts two follow-ups sent in the same second once, as a re-import would', async () => {
    const ana = { other: 'Ana Smith', otherUrl: 'https://www.linkedin.com/in/ana-smith-1' }
    await temp.write(
      'messages.csv',
      [
        messagesHeader,
        ...[
          {
            id: 'a',
            fromMe: true,
            ...ana,
            date: '2026-02-01 09:00:00 UTC',
            subject: 'Role',
            content: 'Hi',
          },
          { id: 'a', fromMe: true, ...ana, date: '2026-02-03 09:00:00 UTC', content: 'Any news?' },
          { id: 'a', fromMe: true, ...ana, date: '2026-02-03 09:00:00 UTC', content: 'Any news?' },
        ].map(messageLine),
      ].join('\n'),
    )
    for (const bulkFromRows of [0, Infinity]) {
      const { backend, seat } = await ledger()
      const summary = await importInto(backend, seat.id, temp.dir, bulkFromRows)
      expect(summary).toMatchObject({ inmails: 1, followups: 1 })
    }
  })

  it('leaves no temporary files behind when reading fails half-way', async () => {
    await temp.write(
      'messages.csv',
      `${messagesHeader}\n${messageLine({ id: 'a', fromMe: true, date: '2026-02-01 09:00:00 UTC', content: 'Hi' })}\n"a,"unclosed`,
    )
    const before = spillDirs()
    await expect(readLinkedInExport(temp.dir, { bucketBytes: 16 })).rejects.toMatchObject({
      code: 'BROKEN_QUOTES',
    })
    expect(spillDirs()).toBe(before)
    expect(existsSync(temp.dir)).toBe(true)
  })
})

describe('a disk too full for the temporary files', () => {
  it('says where space is needed and that nothing was written', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const problem = readProblem(Object.assign(new Error('no space left'), { code }), {
        path: '/exports/linkedin',
      })
      expect(problem?.code).toBe('DISK_FULL')
      expect(problem?.message).toContain(tmpdir())
      expect(problem?.message).toContain('nothing was written')
    }
    expect(readProblem(new Error('something else'), { path: '/x' })).toBeNull()
  })
})

describe('a thread reading the export that runs out of memory', () => {
  it('stops the import with IMPORT_TOO_LARGE, saying nothing was written', () => {
    const error = Object.assign(new Error('Worker terminated due to reaching memory limit'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    })
    const problem = readProblem(error, { path: '/exports/linkedin' })
    expect(problem).toMatchObject({ code: 'IMPORT_TOO_LARGE' })
    expect(problem?.message).toMatch(/nothing was written/)
  })
})
