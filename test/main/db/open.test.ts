import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations, appliedVersions, openLedgerFile } from '../../../src/main/db/open'
import { latestSchemaVersion, migrations, type Migration } from '../../../src/main/db/migrations'
import { ledgerPaths } from '../../../src/main/paths'
import { AppError } from '../../../src/shared/contract/errors'
import { fixedNow, tempDir } from '../../helpers/ledger'

function paths() {
  return ledgerPaths(join(tempDir(), 'ledger.sqlite'))
}

async function openError(p: ReturnType<typeof paths>, known?: readonly Migration[]) {
  try {
    const opened = await openLedgerFile(p, fixedNow, known)
    opened.db.close()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the ledger opened')
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

describe('opening the ledger file', () => {
  it('creates a new file at the latest schema with WAL, full sync and foreign keys', async () => {
    const p = paths()
    const { db, schemaVersion, migrationBackup } = await openLedgerFile(p, fixedNow)
    expect(schemaVersion).toBe(latestSchemaVersion)
    expect(appliedVersions(db)).toEqual(migrations.map((m) => m.version))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(migrationBackup).toBeNull() // nothing to lose in a new file
    db.close()
  })

  it('upgrades a ledger from every earlier schema, keeping its rows', async () => {
    for (let version = 1; version <= latestSchemaVersion; version++) {
      const p = paths()
      const old = new Database(p.dbPath)
      applyMigrations(old, migrations.slice(0, version), fixedNow())
      old.close()
      const { db, schemaVersion } = await openLedgerFile(p, fixedNow)
      expect(schemaVersion).toBe(latestSchemaVersion)
      expect(appliedVersions(db)).toEqual(migrations.map((m) => m.version))
      db.close()
    }
  })

  it('gives seats from schema 1 their opening ledger entry when upgrading to schema 2', async () => {
    const p = paths()
    const v1 = new Database(p.dbPath)
    applyMigrations(v1, migrations.slice(0, 1), fixedNow())
    v1.prepare(
      `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
         price_cents, started_on, created_at)
       VALUES ('Work', 'recruiter-lite', 30, 120, 'start-day', 5, 17000, '2026-01-05', 'x')`,
    ).run()
    v1.close()
    const { db, migrationBackup } = await openLedgerFile(p, fixedNow)
    expect(migrationBackup).not.toBeNull()
    const opened = db
      .prepare("SELECT day, credits, terms FROM ledger_events WHERE kind = 'seat-opened'")
      .get() as {
      day: string
      credits: number
      terms: string
    }
    expect(opened.day).toBe('2026-01-05')
    expect(opened.credits).toBe(30)
    expect(JSON.parse(opened.terms)).toEqual({
      monthlyCredits: 30,
      cap: 120,
      renewal: 'start-day',
      renewalDay: 5,
      priceCents: 17000,
    })
    expect(db.prepare('SELECT expiry_policy, refund_declines FROM seats').get()).toEqual({
      expiry_policy: '90d',
      refund_declines: 1,
    })
    db.close()
  })

  it('refuses to rewrite a ledger event', async () => {
    const p = paths()
    const { db } = await openLedgerFile(p, fixedNow)
    db.prepare(
      `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
         price_cents, started_on, created_at)
       VALUES ('Work', 'recruiter-lite', 30, 120, 'start-day', 5, 17000, '2026-01-05', 'x')`,
    ).run()
    db.prepare(
      "INSERT INTO ledger_events (seat_id, kind, day, credits, recorded_at) VALUES (1, 'purchase', '2026-01-06', 5, 'x')",
    ).run()
    expect(() => db.prepare('UPDATE ledger_events SET credits = 500').run()).toThrow(/append-only/)
    db.close()
  })

  it('backs the file up before a migration runs, and the backup holds the old data', async () => {
    const p = paths()
    const v1 = await openLedgerFile(p, fixedNow)
    v1.db
      .prepare(
        `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
           price_cents, started_on, created_at)
         VALUES ('Work', 'recruiter-lite', 30, 120, 'start-day', 5, 17000, '2026-01-05', 'x')`,
      )
      .run()
    v1.db.close()

    const next: Migration = {
      version: latestSchemaVersion + 1,
      name: 'test: seat colour',
      sql: "ALTER TABLE seats ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'",
    }
    const upgraded = await openLedgerFile(p, fixedNow, [...migrations, next])
    expect(upgraded.schemaVersion).toBe(next.version)
    expect(upgraded.db.prepare('SELECT name, colour FROM seats').get()).toEqual({
      name: 'Work',
      colour: 'blue',
    })
    upgraded.db.close()

    expect(upgraded.migrationBackup).not.toBeNull()
    const backup = new Database(upgraded.migrationBackup!, { readonly: true })
    expect(backup.prepare('SELECT name FROM seats').all()).toEqual([{ name: 'Work' }])
    expect(appliedVersions(backup)).toEqual(migrations.map((m) => m.version))
    backup.close()
  })

  it('rolls a failing migration back completely', async () => {
    const p = paths()
    ;(await openLedgerFile(p, fixedNow)).db.close()
    const broken: Migration = {
      version: latestSchemaVersion + 1,
      name: 'test: broken',
      sql: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);',
    }
    const error = await openError(p, [...migrations, broken])
    expect(error.code).toBe('DATABASE_UNAVAILABLE')
    const db = new Database(p.dbPath)
    expect(appliedVersions(db)).toEqual(migrations.map((m) => m.version))
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toBeUndefined()
    db.close()
  })

  it('refuses a ledger written by a newer app and leaves the file untouched', async () => {
    const p = paths()
    ;(await openLedgerFile(p, fixedNow)).db.close()
    const db = new Database(p.dbPath)
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
      latestSchemaVersion + 1,
      'from the future',
      'x',
    )
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const before = sha(p.dbPath)

    const error = await openError(p)
    expect(error.code).toBe('DATABASE_TOO_NEW')
    expect(error.message).toMatch(/newer version of Outreach Ledger/)
    expect(sha(p.dbPath)).toBe(before)
    expect(existsSync(p.backupsDir)).toBe(false)
  })

  it('reports a file that is not a database as damaged', async () => {
    const p = paths()
    writeFileSync(p.dbPath, 'these are my notes, not a database'.repeat(200))
    const error = await openError(p)
    expect(error.code).toBe('DATABASE_DAMAGED')
    expect(error.message).toMatch(/Restore a backup or start an empty ledger/)
  })

  it('reports a ledger with corrupted pages as damaged', async () => {
    const p = paths()
    const opened = await openLedgerFile(p, fixedNow)
    const insert = opened.db.prepare(
      `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
         price_cents, started_on, created_at)
       VALUES (?, 'recruiter-lite', 30, 120, 'start-day', 5, 17000, '2026-01-05', 'x')`,
    )
    for (let i = 0; i < 400; i++) insert.run(`Seat ${i} ${'x'.repeat(200)}`)
    opened.db.pragma('wal_checkpoint(TRUNCATE)')
    opened.db.close()
    const bytes = readFileSync(p.dbPath)
    // Scribble over every page but the first (the header), as a failing disk might.
    for (let offset = 4096; offset < bytes.length; offset += 97) bytes[offset] = 0xa5
    writeFileSync(p.dbPath, bytes)

    const error = await openError(p)
    expect(error.code).toBe('DATABASE_DAMAGED')
  })

  it('refuses an SQLite file that belongs to another program', async () => {
    const p = paths()
    const other = new Database(p.dbPath)
    other.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)')
    other.close()
    const error = await openError(p)
    expect(error.code).toBe('DATABASE_DAMAGED')
    expect(readdirSync(p.dataDir)).toContain('ledger.sqlite')
  })
})
