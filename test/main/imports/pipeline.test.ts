// Imports end to end on a real ledger: the shared fixtures, re-import, undo, dry runs, CSV
// mappings, broken files and cancellable jobs.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import type { ImportJob, ImportRecord, ImportSummary, Seat } from '../../../src/shared/contract'
import { cli } from '../../helpers/cli'
import { call, eventCount, openBackend, refused, tempDir } from '../../helpers/ledger'

import { fixturesDir as fixtures } from '../../helpers/fixtures'
const now = () => new Date('2026-11-01T12:00:00.000Z')

interface Truth {
  inmails: number
  inmails_responded_within_90d: number
  inmails_responded: number
  followups: number
  inbound_conversations: number
}
const truth = (name: string) =>
  JSON.parse(readFileSync(join(fixtures, name, 'truth.json'), 'utf8')) as Truth

async function ledger(): Promise<{ backend: Backend; seat: Seat }> {
  const backend = await openBackend(undefined, now)
  await call(backend, 'settings.update', { timeZone: 'UTC' })
  const seat = await call<Seat>(backend, 'seats.add', {
    name: 'Work',
    planId: 'recruiter-lite',
    startedOn: '2025-12-01',
    openingBalance: 120,
  })
  return { backend, seat }
}

type Run = { importId: number | null; summary: ImportSummary }
const importLinkedIn = (backend: Backend, seatId: number, fixture: string, dryRun = false) =>
  call<Run>(backend, 'imports.run', {
    source: { kind: 'linkedin', path: join(fixtures, fixture), seatId },
    dryRun,
  })

describe('importing the LinkedIn export fixtures', () => {
  for (const fixture of ['linkedin-export', 'linkedin-export-quirks'])
    it(`finds what ${fixture}/truth.json says, and refunds the answered InMails`, async () => {
      const t = truth(fixture)
      const { backend, seat } = await ledger()
      const { summary, importId } = await importLinkedIn(backend, seat.id, fixture)
      expect(importId).not.toBeNull()
      expect(summary.inmails).toBe(t.inmails)
      expect(summary.followups).toBe(t.followups)
      expect(summary.refunds).toBe(t.inmails_responded_within_90d)
      expect(summary.skipped.inbound).toBe(t.inbound_conversations)
      const inmailRows = await call<{ total: number }>(backend, 'outreach.list', {
        channel: 'inmail',
        limit: 1,
      })
      expect(inmailRows.total).toBe(t.inmails)
      const answered = await call<{ total: number }>(backend, 'outreach.list', {
        channel: 'inmail',
        status: 'awaiting',
        limit: 1,
      })
      expect(answered.total).toBeLessThanOrEqual(t.inmails - t.inmails_responded)
    })

  it('adds nothing when the same export is imported again, and undo takes it all back', async () => {
    const { backend, seat } = await ledger()
    // In March, while the imported InMails were out, the balance shows them.
    const inMarch = { seatId: seat.id, at: '2026-03-01T12:00:00Z' }
    const untouched = (await call<{ available: number }>(backend, 'credits.balance', inMarch))
      .available
    const first = await importLinkedIn(backend, seat.id, 'linkedin-export')
    const events = eventCount(backend)
    const balance = (await call<{ available: number }>(backend, 'credits.balance', inMarch))
      .available
    const again = await importLinkedIn(backend, seat.id, 'linkedin-export')
    expect(again.importId).toBeNull()
    expect(again.summary).toMatchObject({
      inmails: 0,
      messages: 0,
      responses: 0,
      followups: 0,
      contacts: 0,
    })
    expect(again.summary.duplicates).toBe(first.summary.inmails + first.summary.messages)
    expect(eventCount(backend)).toBe(events)

    const undone = await call<ImportRecord>(backend, 'imports.undo', { importId: first.importId })
    expect(undone.undoneAt).not.toBeNull()
    expect((await call<{ total: number }>(backend, 'outreach.list', {})).total).toBe(0)
    expect((await call<{ total: number }>(backend, 'contacts.list', {})).total).toBe(0)
    expect((await call<{ available: number }>(backend, 'credits.balance', inMarch)).available).toBe(
      untouched,
    )
    expect(balance).not.toBe(untouched)
    expect((await refused(backend, 'imports.undo', { importId: first.importId })).message).toMatch(
      /already undone/,
    )

    // After an undo, importing again brings it back.
    const back = await importLinkedIn(backend, seat.id, 'linkedin-export')
    expect(back.summary.inmails).toBe(first.summary.inmails)
    expect((await call<{ available: number }>(backend, 'credits.balance', inMarch)).available).toBe(
      balance,
    )
  })

  it('a dry run reports the same numbers and writes nothing', async () => {
    const { backend, seat } = await ledger()
    const before = eventCount(backend)
    const dry = await importLinkedIn(backend, seat.id, 'linkedin-export', true)
    expect(dry.importId).toBeNull()
    expect(dry.summary.inmails).toBe(truth('linkedin-export').inmails)
    expect(eventCount(backend)).toBe(before)
    expect(await call<ImportRecord[]>(backend, 'imports.list', {})).toEqual([])
  })

  it('refuses a folder with no export, and a file that is not CSV, writing nothing', async () => {
    const { backend, seat } = await ledger()
    const dir = tempDir()
    const notFound = await refused(backend, 'imports.run', {
      source: { kind: 'linkedin', path: join(dir, 'nope'), seatId: seat.id },
    })
    expect(notFound.code).toBe('NOT_FOUND')
    const png = join(dir, 'messages.csv')
    writeFileSync(
      png,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]),
    )
    const notCsv = await refused(backend, 'imports.run', {
      source: { kind: 'linkedin', path: png, seatId: seat.id },
    })
    expect(notCsv.code).toBe('VALIDATION_FAILED')
    expect(eventCount(backend)).toBe(1)
  })
})

const mapping = {
  columns: {
    profileUrl: 'Profile',
    name: 'Name',
    sentAt: 'Sent',
    channel: 'Channel',
    template: 'Template',
    repliedAt: 'Replied',
    sentiment: 'Sentiment',
  },
  dateFormat: 'DD/MM/YYYY',
  defaultChannel: 'inmail',
}

function spreadsheet(dir: string): string {
  const file = join(dir, 'outreach.csv')
  const rows = [
    'Name;Profile;Sent;Channel;Template;Replied;Sentiment',
    'Zoë Müller;https://www.linkedin.com/in/zoe-muller;05/01/2026;InMail;Hook A;07/01/2026;positive',
    'Ana Silva;linkedin.com/in/ana-silva;06/01/2026;InMail;Hook A;;',
    'Bo Chen;https://example.com/bo;07/01/2026;InMail;Hook B;;',
    'Chidi Okafor;;31/02/2026;Email;;;',
    'Dana Levi;;08/01/2026;Email;Follow;;',
  ]
  // Windows-1252, as Excel on Windows saves it.
  writeFileSync(file, Buffer.from(rows.join('\r\n'), 'latin1'))
  return file
}

describe('importing a spreadsheet', () => {
  it('maps columns, lists unreadable rows with their line, imports the rest once', async () => {
    const { backend, seat } = await ledger()
    const file = spreadsheet(tempDir())
    const preview = await call<{ encoding: string; delimiter: string; headers: string[] }>(
      backend,
      'imports.previewCsv',
      { path: file },
    )
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(preview.headers).toContain('Replied')

    const run = await call<Run>(backend, 'imports.run', {
      source: { kind: 'csv', path: file, seatId: seat.id, mapping },
    })
    expect(run.summary).toMatchObject({ inmails: 2, messages: 1, responses: 1, refunds: 1 })
    expect(run.summary.rejected.map((r) => r.line)).toEqual([4, 5])
    expect(run.summary.rejected[0]!.reason).toMatch(/example\.com/)
    const contacts = await call<{ contacts: { name: string | null }[] }>(backend, 'contacts.list', {
      search: 'Zoë',
    })
    expect(contacts.contacts.map((c) => c.name)).toEqual(['Zoë Müller'])

    const again = await call<Run>(backend, 'imports.run', {
      source: { kind: 'csv', path: file, seatId: seat.id, mapping },
    })
    expect(again.summary).toMatchObject({ inmails: 0, messages: 0, duplicates: 3 })
  })

  it('refuses a mapping that names a column the file does not have', async () => {
    const { backend, seat } = await ledger()
    const file = spreadsheet(tempDir())
    const error = await refused(backend, 'imports.run', {
      source: {
        kind: 'csv',
        path: file,
        seatId: seat.id,
        mapping: { ...mapping, columns: { ...mapping.columns, sentAt: 'Date sent' } },
      },
    })
    expect(error.message).toMatch(/Date sent/)
    expect(eventCount(backend)).toBe(1)
  })
})

describe('import jobs', () => {
  async function waitFor(backend: Backend, jobId: string): Promise<ImportJob> {
    for (let i = 0; i < 400; i++) {
      const job = await call<ImportJob>(backend, 'imports.progress', { jobId })
      if (job.state !== 'reading' && job.state !== 'writing') return job
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error('the job did not finish')
  }

  it('runs in the background and reports the summary', async () => {
    const { backend, seat } = await ledger()
    const { jobId } = await call<{ jobId: string }>(backend, 'imports.start', {
      kind: 'linkedin',
      path: join(fixtures, 'linkedin-export'),
      seatId: seat.id,
    })
    const done = await waitFor(backend, jobId)
    expect(done).toMatchObject({
      state: 'done',
      summary: { inmails: truth('linkedin-export').inmails },
    })
  })

  it('cancelled while reading, writes nothing', async () => {
    const { backend, seat } = await ledger()
    const dir = tempDir()
    const lines = ['Name,Sent']
    for (let i = 0; i < 200_000; i++) lines.push(`Person ${i},0${(i % 9) + 1}/01/2026`)
    writeFileSync(join(dir, 'big.csv'), lines.join('\n'))
    const bigMapping = {
      columns: { name: 'Name', sentAt: 'Sent' },
      dateFormat: 'DD/MM/YYYY',
      defaultChannel: 'message',
    }
    const { jobId } = await call<{ jobId: string }>(backend, 'imports.start', {
      kind: 'csv',
      path: join(dir, 'big.csv'),
      seatId: seat.id,
      mapping: bigMapping,
    })
    const cancelled = await call<ImportJob>(backend, 'imports.cancel', { jobId })
    expect(cancelled.state).toBe('cancelled')
    expect((await waitFor(backend, jobId)).state).toBe('cancelled')
    expect(eventCount(backend)).toBe(1)
    expect(await call<ImportRecord[]>(backend, 'imports.list', {})).toEqual([])
  })
})

describe('import from the CLI', () => {
  it('prints the summary object, lists imports and undoes one', async () => {
    const dir = tempDir()
    const db = join(dir, 'l.sqlite')
    await cli(db, 'settings', '--time-zone', 'UTC')
    await cli(
      db,
      'seat',
      'add',
      '--name',
      'Work',
      '--plan',
      'recruiter-lite',
      '--since',
      '2025-12-01',
    )
    const map = join(dir, 'map.json')
    writeFileSync(map, JSON.stringify(mapping))
    const run = await cli(
      db,
      'import',
      'csv',
      spreadsheet(dir),
      '--seat',
      'Work',
      '--map',
      map,
      '--json',
    )
    expect(run.code).toBe(0)
    const summary = run.json()
    for (const key of [
      'inmails',
      'responses',
      'refunds',
      'followups',
      'duplicates',
      'skipped',
      'rejected',
    ])
      expect(summary).toHaveProperty(key)
    expect(summary.rejected).toEqual([
      { line: 4, reason: expect.stringMatching(/example\.com/) },
      { line: 5, reason: expect.stringMatching(/31\/02\/2026/) },
    ])
    const linkedIn = await cli(
      db,
      'import',
      'linkedin',
      join(fixtures, 'linkedin-export', 'messages.csv'),
      '--seat',
      'Work',
      '--dry-run',
      '--json',
    )
    expect(linkedIn.json()).toMatchObject({
      inmails: truth('linkedin-export').inmails,
      importId: null,
    })
    expect((await cli(db, 'imports', 'list')).stdout).toMatch(/#1 .* csv +outreach\.csv/)
    expect((await cli(db, 'imports', 'undo', '1')).stdout).toMatch(/Undid import #1/)
    expect((await cli(db, 'imports', 'undo', '1')).code).toBe(1)
    const badMap = join(dir, 'bad.json')
    writeFileSync(badMap, '{ not json')
    const bad = await cli(db, 'import', 'csv', spreadsheet(dir), '--seat', 'Work', '--map', badMap)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Could not read the mapping/)
  })
})
