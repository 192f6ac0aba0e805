// The JSON export: everything out, and back into an empty ledger with nothing lost.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import { exportLedger } from '../../../src/main/data/export'
import { applyMigrations } from '../../../src/main/db/open'
import { migrations } from '../../../src/main/db/migrations'
import type {
  ExportDocument,
  ExportResult,
  ImportDataResult,
  Seat,
} from '../../../src/shared/contract'
import { addSeat, cli } from '../../helpers/cli'
import { call, eventCount, openBackend, refused, seatCount, tempDir } from '../../helpers/ledger'
import { checkpointSeats } from '../../helpers/rows'

const now = new Date('2026-11-23T18:00:00.000Z')
const clock = () => now

function readDoc(file: string): ExportDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as ExportDocument
}

/** A demo ledger with a merge on top (a contact pointing at another), exported. */
async function demoExport() {
  const dir = tempDir()
  const dbPath = join(dir, 'demo.sqlite')
  await generateDemo(dbPath, { now, days: 60, seed: 11 })
  const backend = await openBackend(dbPath, clock)
  const ids = backend.ledger.db
    .prepare('SELECT id FROM contacts ORDER BY id LIMIT 2')
    .pluck()
    .all() as number[]
  // Keep the newer contact, so the older row refers to a later one.
  await call(backend, 'contacts.merge', { keepId: ids[1], mergeId: ids[0] })
  // The dashboard's balances save each seat's credit checkpoint: derived, never exported.
  for (const seatId of [1, 2]) await call(backend, 'credits.balance', { seatId })
  const out = join(dir, 'export.json')
  const result = await call<ExportResult>(backend, 'data.export', { out })
  return { backend, out, result }
}

/** What a user sees for each seat: balance today and the statement of the last two months. */
async function seatViews(backend: Awaited<ReturnType<typeof openBackend>>) {
  const seats = await call<Seat[]>(backend, 'seats.list', { includeArchived: true })
  return Promise.all(
    seats.map(async (seat) => ({
      seat,
      balance: await call(backend, 'credits.balance', { seatId: seat.id }),
      statement: await call(backend, 'credits.statement', {
        seatId: seat.id,
        from: '2026-09-23',
        to: '2026-11-23',
      }),
    })),
  )
}

describe('exporting all data as JSON', () => {
  it('writes every table with its rows, schema-versioned, and lists the counts', async () => {
    const { backend, out, result } = await demoExport()
    const doc = readDoc(out)
    expect(doc).toMatchObject({
      format: 'outreach-ledger-export',
      schemaVersion: migrations.at(-1)!.version,
      exportedAt: now.toISOString(),
    })
    // Table-driven: every table of the schema (tables a later migration adds too), no views,
    // no migrations bookkeeping, no credit checkpoints (derived: saved again by the next balance).
    const tables = backend.ledger.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'credit_checkpoints') ORDER BY name",
      )
      .pluck()
      .all()
    expect(Object.keys(doc.tables)).toEqual(tables)
    expect(doc.tables).not.toHaveProperty('live_events')
    expect(checkpointSeats(backend.paths.dbPath)).toEqual([1, 2])
    expect(doc.tables).not.toHaveProperty('credit_checkpoints')
    expect(doc.tables.ledger_events).toHaveLength(eventCount(backend))
    expect(doc.tables.seats).toHaveLength(2)
    expect(result.rows.ledger_events).toBe(eventCount(backend))
    expect(result.bytes).toBe(readFileSync(out).length)
  })

  it('never overwrites a file, and writes to exports/ beside the ledger by default', async () => {
    const backend = await openBackend(undefined, clock)
    await call(backend, 'seats.add', {
      name: 'Work',
      planId: 'recruiter-lite',
      startedOn: '2026-01-05',
    })
    const out = join(tempDir(), 'taken.json')
    writeFileSync(out, 'keep me')
    const error = await refused(backend, 'data.export', { out })
    expect(error.code).toBe('EXPORT_FAILED')
    expect(readFileSync(out, 'utf8')).toBe('keep me')

    const result = await call<ExportResult>(backend, 'data.export', {})
    expect(result.file).toBe(
      join(backend.paths.dataDir, 'exports', 'ledger-export-2026-11-23T18-00-00-000Z.json'),
    )
    expect(readDoc(result.file).tables.seats).toHaveLength(1)
    expect(readdirSync(join(backend.paths.dataDir, 'exports'))).toEqual([
      'ledger-export-2026-11-23T18-00-00-000Z.json',
    ])
  })
})

describe('importing an export', () => {
  it('round-trips: imported into an empty ledger and exported again, every table is identical', async () => {
    const { backend, out } = await demoExport()
    const target = await openBackend(undefined, clock)
    const imported = await call<ImportDataResult>(target, 'data.import', { file: out })
    expect(imported.rows.ledger_events).toBe(eventCount(backend))

    const again = join(tempDir(), 'again.json')
    await call(target, 'data.export', { out: again })
    expect(readDoc(again).tables).toEqual(readDoc(out).tables)
    expect(readDoc(again).tables.merges).toHaveLength(1)

    // And what the user sees through the real services is the same.
    expect(await seatViews(target)).toEqual(await seatViews(backend))
    expect(await call(target, 'analytics.metrics', { by: 'template' })).toEqual(
      await call(backend, 'analytics.metrics', { by: 'template' }),
    )
  })

  it('refuses a ledger that already holds data, and changes nothing', async () => {
    const { out } = await demoExport()
    const target = await openBackend(undefined, clock)
    await call(target, 'seats.add', {
      name: 'Mine',
      planId: 'recruiter-lite',
      startedOn: '2026-01-05',
    })
    const error = await refused(target, 'data.import', { file: out })
    expect(error.code).toBe('LEDGER_NOT_EMPTY')
    expect(error.message).toMatch(/already holds data.*new, empty ledger/)
    expect(seatCount(target)).toBe(1)
    expect(eventCount(target)).toBe(1)
  })

  it('is all or nothing: a row pointing at a missing row leaves the ledger empty', async () => {
    const { out } = await demoExport()
    const doc = readDoc(out)
    doc.tables.ledger_events!.at(-1)!.contact_id = 999_999
    const broken = join(tempDir(), 'broken.json')
    writeFileSync(broken, JSON.stringify(doc))
    const target = await openBackend(undefined, clock)
    const error = await refused(target, 'data.import', { file: broken })
    expect(error.code).toBe('EXPORT_INVALID')
    expect(error.message).toMatch(/refer to rows that are not in it.*ledger_events.*contacts/)
    expect(seatCount(target)).toBe(0)
    expect(eventCount(target)).toBe(0)
    // The scratch file it was built in is gone.
    expect(readdirSync(target.paths.dataDir).filter((f) => f.includes('.import-'))).toEqual([])
  })

  it('explains files that are not exports', async () => {
    const target = await openBackend(undefined, clock)
    const dir = tempDir()
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{ "format": ', /is not valid JSON/],
      ['other.json', JSON.stringify({ hello: 1 }), /not an Outreach Ledger export/],
      [
        'extra-table.json',
        JSON.stringify({
          format: 'outreach-ledger-export',
          schemaVersion: 2,
          exportedAt: now.toISOString(),
          tables: { wishes: [] },
        }),
        /a table "wishes" that schema 2 does not have/,
      ],
      [
        'extra-column.json',
        JSON.stringify({
          format: 'outreach-ledger-export',
          schemaVersion: 1,
          exportedAt: now.toISOString(),
          tables: { settings: [{ key: 'timeZone', value: 'UTC', colour: 'red' }] },
        }),
        /row 1 of "settings" has a column "colour"/,
      ],
    ]
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text)
      const error = await refused(target, 'data.import', { file: join(dir, name) })
      expect(error.code, name).toBe('EXPORT_INVALID')
      expect(error.message, name).toMatch(message)
    }
    const missing = await refused(target, 'data.import', { file: join(dir, 'nope.json') })
    expect(missing.message).toMatch(/Could not read/)
  })

  it('refuses an export from a newer app', async () => {
    const file = join(tempDir(), 'future.json')
    writeFileSync(
      file,
      JSON.stringify({
        format: 'outreach-ledger-export',
        schemaVersion: 99,
        exportedAt: now.toISOString(),
        tables: {},
      }),
    )
    const target = await openBackend(undefined, clock)
    const error = await refused(target, 'data.import', { file })
    expect(error.code).toBe('EXPORT_TOO_NEW')
    expect(error.message).toMatch(/newer version of Outreach Ledger \(schema 99.*Update the app/)
  })

  it('upgrades an export from an older schema exactly as the app upgrades an old file', async () => {
    // A ledger as the first release wrote it: schema 1, seats and settings only.
    const dir = tempDir()
    const old = new Database(join(dir, 'v1.sqlite'))
    applyMigrations(old, migrations.slice(0, 1), now)
    old
      .prepare(
        `INSERT INTO seats (id, name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
           price_cents, started_on, created_at)
         VALUES (1, 'Old seat', 'recruiter-lite', 30, 150, 'start-day', 5, 17000, '2026-01-05', ?)`,
      )
      .run(now.toISOString())
    old.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', 'Europe/Berlin')").run()
    const out = join(dir, 'v1.json')
    exportLedger(
      {
        db: old,
        paths: { dbPath: join(dir, 'v1.sqlite'), dataDir: dir, backupsDir: dir },
        now: clock,
      },
      1,
      '0.0.1',
      out,
    )
    old.close()
    expect(readDoc(out).schemaVersion).toBe(1)

    const target = await openBackend(undefined, clock)
    const result = await call<ImportDataResult>(target, 'data.import', { file: out })
    expect(result.schemaVersion).toBe(1)
    // Migration 2 gave the seat its opening event, as it does for a v1 file.
    const [seat] = await call<Seat[]>(target, 'seats.list', {})
    expect(seat).toMatchObject({ name: 'Old seat', planId: 'recruiter-lite' })
    expect(eventCount(target)).toBe(1)
    expect(await call(target, 'settings.get', {})).toEqual({ timeZone: 'Europe/Berlin' })
    expect(await call(target, 'credits.balance', { seatId: seat!.id })).toMatchObject({
      available: expect.any(Number),
    })
  })
})

describe('the CLI', () => {
  it('exports with --out and imports with import-data, refusing a second import', async () => {
    const dir = tempDir()
    const source = join(dir, 'source.sqlite')
    await addSeat(cli, source, { since: '2026-01-05' })
    const out = join(dir, 'all.json')
    const exported = await cli(source, 'export', '--out', out)
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/Exported to .*all\.json[\s\S]*seats: 1/)

    const target = join(dir, 'target.sqlite')
    const imported = await cli(target, '--json', 'import-data', out)
    expect(imported.code).toBe(0)
    expect(imported.json()).toMatchObject({ rows: { seats: 1, ledger_events: 1 } })
    const again = await cli(target, 'import-data', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already holds data/)
    expect(existsSync(join(dir, 'exports'))).toBe(false)
  })
})

describe('any text survives the round trip', () => {
  it('names and notes with quotes, newlines, emoji and other scripts come back unchanged', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        async (name, note, amount) => {
          const source = await openBackend(undefined, clock)
          const added = await source.invoke('seats.add', {
            name: `${name.trim() || 'x'} seat`,
            planId: 'recruiter-lite',
            startedOn: '2026-01-05',
          })
          expect(added.ok).toBe(true)
          // What an import might bring in: any text, and numbers inside JSON text.
          source.ledger.db
            .prepare('INSERT INTO contacts (name, notes, tags, created_at) VALUES (?, ?, ?, ?)')
            .run(name, note, JSON.stringify([note, amount]), now.toISOString())
          const out = join(tempDir(), 'odd.json')
          await call(source, 'data.export', { out })
          const target = await openBackend(undefined, clock)
          await call(target, 'data.import', { file: out })
          const again = join(tempDir(), 'again.json')
          await call(target, 'data.export', { out: again })
          expect(readDoc(again).tables).toEqual(readDoc(out).tables)
          expect(readDoc(again).tables.contacts![0]).toMatchObject({ name, notes: note })
        },
      ),
      { numRuns: 15 },
    )
  })
})
