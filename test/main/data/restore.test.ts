// Restoring a backup while the app runs: the backup's data comes back, the current file is
// kept aside with everything in it (its WAL too), and a damaged backup changes nothing.
import { copyFileSync, readdirSync, readFileSync, truncateSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../src/main/db/open'
import { migrations } from '../../../src/main/db/migrations'
import type { AppStatus, BackupFile, RestoreResult, Seat } from '../../../src/shared/contract'
import { cli } from '../../helpers/cli'
import { call, fixedNow, openBackend, refused, tempDir } from '../../helpers/ledger'

const seat = (name: string) => ({ name, planId: 'recruiter-lite', startedOn: '2026-01-05' })

const seatNames = async (backend: Awaited<ReturnType<typeof openBackend>>) =>
  (await call<Seat[]>(backend, 'seats.list', {})).map((s) => s.name)

function seatsIn(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    // A main file whose every page is still in the WAL has no tables yet.
    const hasSeats = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'seats'").get()
    return hasSeats
      ? (db.prepare('SELECT name FROM seats ORDER BY id').pluck().all() as string[])
      : []
  } finally {
    db.close()
  }
}

/** A ledger with a backup of one seat, and a second seat added after the backup. */
async function ledgerWithBackup() {
  const dir = tempDir()
  const backend = await openBackend(join(dir, 'ledger.sqlite'))
  await call(backend, 'seats.add', seat('Before the backup'))
  const { file } = await call<{ file: string }>(backend, 'app.backup', {})
  return { dir, backend, backupName: file.split('/').at(-1)! }
}

describe('restoring a backup while the app runs', () => {
  it('brings back the backup and keeps the current file, with rows still in its WAL', async () => {
    const { dir, backend, backupName } = await ledgerWithBackup()
    const dbPath = backend.paths.dbPath
    // No checkpoints: the next rows stay in ledger.sqlite-wal. A second connection (another
    // window, the CLI) keeps even closing from folding them into the main file.
    backend.ledger.db.pragma('wal_autocheckpoint = 0')
    const other = new Database(dbPath, { readonly: true })
    other.prepare('SELECT count(*) FROM seats').get()
    await call(backend, 'seats.add', seat('Only in the WAL'))
    const mainFileAlone = join(tempDir(), 'main-only.sqlite')
    copyFileSync(dbPath, mainFileAlone)
    expect(seatsIn(mainFileAlone)).not.toContain('Only in the WAL')

    const result = await call<RestoreResult>(backend, 'data.restore', { backup: backupName })
    expect(result.restored).toBe(backupName)
    expect(result.status).toMatchObject({ state: 'ready', seatCount: 1 })
    expect(await seatNames(backend)).toEqual(['Before the backup'])
    // The app keeps working on the restored file.
    await call(backend, 'seats.add', seat('After the restore'))
    expect(await seatNames(backend)).toEqual(['After the restore', 'Before the backup'])

    // The replaced ledger is beside it, renamed with its WAL, so nothing is lost.
    expect(result.keptAside).toBe(`${dbPath}.before-restore-2026-03-10T12-00-00-000Z`)
    expect(readdirSync(dir)).toContain('ledger.sqlite.before-restore-2026-03-10T12-00-00-000Z-wal')
    other.close()
    expect(seatsIn(result.keptAside)).toEqual(['Before the backup', 'Only in the WAL'])
    // The backup itself is untouched and still listed, with the ledger it replaced (not its WAL).
    const backups = await call<BackupFile[]>(backend, 'app.backups', {})
    expect(backups.map((b) => [b.kind, b.name])).toEqual([
      ['before-restore', 'ledger.sqlite.before-restore-2026-03-10T12-00-00-000Z'],
      ['manual', backupName],
    ])
  })

  it('a restore is undone by restoring the ledger it kept aside, which keeps the other too', async () => {
    const { backend, backupName } = await ledgerWithBackup()
    await call(backend, 'seats.add', seat('Added after the backup'))
    const first = await call<RestoreResult>(backend, 'data.restore', { backup: backupName })
    expect(await seatNames(backend)).toEqual(['Before the backup'])
    await call(backend, 'seats.add', seat('Added after the restore'))

    const keptAside = first.keptAside.split('/').at(-1)!
    const listed = await call<BackupFile[]>(backend, 'app.backups', {})
    expect(listed.find((b) => b.name === keptAside)).toMatchObject({
      kind: 'before-restore',
      createdAt: '2026-03-10T12:00:00.000Z',
    })
    const undo = await call<RestoreResult>(backend, 'data.restore', { backup: keptAside })
    expect(undo.status).toMatchObject({ state: 'ready', seatCount: 2 })
    expect(await seatNames(backend)).toEqual(['Added after the backup', 'Before the backup'])

    // Both are kept: the file restored from (a copy was restored) and the one it replaced.
    expect(undo.keptAside).toBe(`${first.keptAside}-2`)
    expect(seatsIn(first.keptAside)).toEqual(['Before the backup', 'Added after the backup'])
    expect(seatsIn(undo.keptAside)).toEqual(['Before the backup', 'Added after the restore'])
    const kinds = (await call<BackupFile[]>(backend, 'app.backups', {})).map((b) => b.kind)
    expect(kinds.sort()).toEqual(['before-restore', 'before-restore', 'manual'])

    // Undoing the undo works the same way, by name or by the full path "restore" printed.
    await call(backend, 'data.restore', { backup: undo.keptAside })
    expect(await seatNames(backend)).toEqual(['Added after the restore', 'Before the backup'])
  })

  it('two restores at the same clock reading keep both replaced ledgers', async () => {
    const { backend, backupName } = await ledgerWithBackup()
    await call(backend, 'seats.add', seat('Current the first time'))
    const first = await call<RestoreResult>(backend, 'data.restore', { backup: backupName })
    await call(backend, 'seats.add', seat('Current the second time'))
    const second = await call<RestoreResult>(backend, 'data.restore', { backup: backupName })
    expect(first.keptAside).toBe(`${backend.paths.dbPath}.before-restore-2026-03-10T12-00-00-000Z`)
    expect(second.keptAside).toBe(`${first.keptAside}-2`)
    expect(seatsIn(first.keptAside)).toEqual(['Before the backup', 'Current the first time'])
    expect(seatsIn(second.keptAside)).toEqual(['Before the backup', 'Current the second time'])
  })

  it('refuses a damaged backup and leaves the current ledger as it was', async () => {
    const { dir, backend, backupName } = await ledgerWithBackup()
    await call(backend, 'seats.add', seat('Current'))
    const backup = join(backend.paths.backupsDir, backupName)
    truncateSync(backup, Math.floor(statSync(backup).size / 2))
    const before = readdirSync(dir).sort()

    const error = await refused(backend, 'data.restore', { backup: backupName })
    expect(error.code).toBe('BACKUP_DAMAGED')
    expect(error.message).toMatch(
      new RegExp(
        `The backup ${backupName} cannot be restored: .*Your current ledger was not changed`,
      ),
    )
    expect(await seatNames(backend)).toEqual(['Before the backup', 'Current'])
    expect(readdirSync(dir).sort()).toEqual(before)
  })

  it('refuses a backup from a newer app, and names outside the backups folder', async () => {
    const { backend } = await ledgerWithBackup()
    const future = new Database(join(backend.paths.backupsDir, 'from-the-future.sqlite'))
    applyMigrations(future, [...migrations, { version: 99, name: 'future', sql: '' }], fixedNow())
    future.close()
    const newer = await refused(backend, 'data.restore', { backup: 'from-the-future.sqlite' })
    expect(newer.code).toBe('BACKUP_DAMAGED')
    expect(newer.message).toMatch(/newer or different version of Outreach Ledger \(schema 99\)/)

    const outside = await refused(backend, 'data.restore', { backup: '../ledger.sqlite' })
    expect(outside.code).toBe('BACKUP_NOT_FOUND')
    expect(await seatNames(backend)).toEqual(['Before the backup'])
  })

  it('upgrades a backup from an older schema as it opens it', async () => {
    const { backend } = await ledgerWithBackup()
    const old = new Database(join(backend.paths.backupsDir, 'schema-2.sqlite'))
    applyMigrations(old, migrations.slice(0, 2), fixedNow())
    old
      .prepare(
        `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
           price_cents, started_on, created_at)
         VALUES ('From schema 2', 'recruiter-lite', 30, 150, 'start-day', 5, 17000, '2026-01-05', ?)`,
      )
      .run(fixedNow().toISOString())
    old.close()
    const result = await call<RestoreResult>(backend, 'data.restore', { backup: 'schema-2.sqlite' })
    expect(result.status).toMatchObject({
      state: 'ready',
      schemaVersion: migrations.at(-1)!.version,
    })
    expect(await seatNames(backend)).toEqual(['From schema 2'])
  })

  it('the recovery screen also checks a backup before setting the damaged file aside', async () => {
    const { dir, backend, backupName } = await ledgerWithBackup()
    backend.close()
    const garbage = 'garbage '.repeat(1000)
    copyFileSync(join(backend.paths.backupsDir, backupName), join(dir, 'good-copy.sqlite'))
    truncateSync(join(backend.paths.backupsDir, backupName), 4096)
    await import('node:fs').then((fs) => fs.writeFileSync(backend.paths.dbPath, garbage))
    const damaged = await openBackend(backend.paths.dbPath)
    const error = await refused(damaged, 'app.recover', { action: 'restore', backup: backupName })
    expect(error.code).toBe('BACKUP_DAMAGED')
    expect(readFileSync(damaged.paths.dbPath, 'utf8')).toBe(garbage)
    const status = await call<AppStatus>(damaged, 'app.status', {})
    expect(status.state).toBe('damaged')
  })

  it('from the CLI: restore --backup NAME', async () => {
    const { backend, backupName } = await ledgerWithBackup()
    await call(backend, 'seats.add', seat('Second'))
    backend.close()
    const run = await cli(backend.paths.dbPath, 'restore', '--backup', backupName)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /Restored .*manual\.sqlite\.\nThe ledger it replaced is kept at .*before-restore/,
    )
    expect(seatsIn(backend.paths.dbPath)).toEqual(['Before the backup'])
    const listed = await cli(backend.paths.dbPath, 'backups')
    expect(listed.stdout).toMatch(/manual\s+ledger-.*-manual\.sqlite/)
    expect(listed.stdout).toMatch(/before-restore\s+ledger\.sqlite\.before-restore-/)

    // The command restore printed undoes it.
    const undo = /To undo: (restore --backup (\S+))$/m.exec(run.stdout)!
    const undone = await cli(backend.paths.dbPath, 'restore', '--backup', undo[2]!)
    expect(undone.code).toBe(0)
    expect(seatsIn(backend.paths.dbPath)).toEqual(['Before the backup', 'Second'])
    const unknown = await cli(backend.paths.dbPath, 'restore', '--backup', 'nope.sqlite')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/There is no backup named "nope.sqlite". Run "backups"/)
  })
})
