// Browser mode opens the ledger without its integrity check and runs the check on another
// thread while the first screen loads. Nothing may be written or backed up before it passes,
// and a file it finds damaged must end up exactly where a file found damaged on opening does.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { answeredWhileChecking, Backend } from '../../../src/main/backend'
import { runDailyBackup } from '../../../src/main/data/daily'
import { backupFileName, dailyReason } from '../../../src/main/db/backup'
import { checkInBackground } from '../../../src/main/db/integrity-check'
import { latestSchemaVersion, migrations } from '../../../src/main/db/migrations'
import { openLedgerFile } from '../../../src/main/db/open'
import { ledgerPaths } from '../../../src/main/paths'
import type { AppStatus } from '../../../src/shared/contract'
import { cli } from '../../helpers/cli'
import { checkpointSeats, userRows } from '../../helpers/rows'
import { addTemplates, damagePagesOf } from '../../helpers/damage'
import { call, fixedNow, openBackend, refused, tempDir } from '../../helpers/ledger'

const seat = { name: 'Work', planId: 'recruiter-lite', startedOn: '2026-01-05' }
// The pages of the templates: nothing reads them when the ledger opens.
const templatePages = ['templates', 'template_versions']

function sha(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'none'
}

/** The ledger file and its write-ahead log, as bytes: unchanged means nothing was written. */
function fingerprint(dbPath: string): string {
  const wal = `${dbPath}-wal`
  return `${sha(dbPath)} ${existsSync(wal) ? statSync(wal).size : 0}`
}

/** A closed ledger with a seat and templates, and two good daily backups of yesterday. */
async function ledgerWithBackups() {
  const dbPath = join(tempDir(), 'ledger.sqlite')
  const healthy = await openBackend(dbPath)
  await call(healthy, 'seats.add', seat)
  await addTemplates(healthy)
  healthy.close()
  const { backupsDir } = healthy.paths
  mkdirSync(backupsDir, { recursive: true })
  // Two of the same day: rotation keeps only the later one, so a run that rotates removes one.
  for (const at of ['2026-03-09T08:00:00.000Z', '2026-03-09T18:00:00.000Z'])
    copyFileSync(dbPath, join(backupsDir, backupFileName(dbPath, dailyReason, new Date(at))))
  const backups = () => readdirSync(backupsDir).sort()
  return { dbPath, backups, before: backups() }
}

const opened: Backend[] = []
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close()
})

/** Opens as browser mode does: the integrity check on its own thread. */
async function openChecking(dbPath: string): Promise<Backend> {
  const backend = await Backend.open({ dbPath, now: fixedNow, checkInBackground: true })
  opened.push(backend)
  return backend
}

describe('the integrity check on its own thread', () => {
  it('finds nothing wrong with a sound ledger', async () => {
    const { dbPath } = await ledgerWithBackups()
    await expect(checkInBackground(dbPath).problems).resolves.toEqual([])
  })

  it('finds damaged pages that opening the file does not read', async () => {
    const { dbPath } = await ledgerWithBackups()
    damagePagesOf(dbPath, templatePages)
    const problems = await checkInBackground(dbPath).problems
    expect(problems.length).toBeGreaterThan(0)
  })
})

describe('a ledger checked in the background', () => {
  it('answers the first screen at once, then takes writes and the daily backup once the check passes', async () => {
    const { dbPath, backups, before } = await ledgerWithBackups()
    const backend = await openChecking(dbPath)
    const [added, daily] = await Promise.all([
      call(backend, 'seats.add', { ...seat, name: 'Second' }),
      runDailyBackup(backend),
    ])
    expect(added).toMatchObject({ name: 'Second' })
    // The setup the damaged case uses: a run on a sound file writes today's and rotates one out.
    expect(daily.written).not.toBeNull()
    expect(daily.removed).toHaveLength(1)
    expect(backups()).not.toEqual(before)
    expect((await call<AppStatus>(backend, 'app.checked', {})).state).toBe('ready')
  })

  it('never writes to the file, never backs it up, and reports it damaged when the check fails', async () => {
    const { dbPath, backups, before } = await ledgerWithBackups()
    damagePagesOf(dbPath, templatePages)
    const untouched = fingerprint(dbPath)

    const backend = await openChecking(dbPath)
    // Opening did not read the damaged pages: the first screen's questions are answered.
    expect((await call<AppStatus>(backend, 'app.status', {})).state).toBe('ready')
    const [write, daily] = await Promise.all([
      refused(backend, 'seats.add', { ...seat, name: 'Second' }),
      runDailyBackup(backend),
    ])
    expect(write.code).toBe('DATABASE_DAMAGED')
    expect(daily).toEqual({ written: null, removed: [] })
    expect(backups()).toEqual(before)

    // From now on, as when the file is found damaged on opening.
    const status = await call<AppStatus>(backend, 'app.status', {})
    expect(status.state).toBe('damaged')
    expect((await call<AppStatus>(backend, 'app.checked', {})).state).toBe('damaged')
    expect((await refused(backend, 'seats.list', {})).code).toBe('DATABASE_DAMAGED')
    expect((await refused(backend, 'credits.balance', { seatId: 1 })).code).toBe('DATABASE_DAMAGED')
    backend.close()
    expect(fingerprint(dbPath)).toBe(untouched)
  })

  it('recovers from a backup like a ledger found damaged on opening', async () => {
    const { dbPath, backups } = await ledgerWithBackups()
    damagePagesOf(dbPath, templatePages)
    const backend = await openChecking(dbPath)
    await backend.integrityChecked()
    const status = await call<AppStatus>(backend, 'app.recover', {
      action: 'restore',
      backup: backups().at(-1),
    })
    expect(status).toMatchObject({ state: 'ready', seatCount: 1 })
    expect(readdirSync(join(dbPath, '..')).some((f) => f.includes('.damaged-'))).toBe(true)
  })

  it('answers DATABASE_DAMAGED, and stops, when a request meets a damaged page later on', async () => {
    const { dbPath } = await ledgerWithBackups()
    const backend = await openChecking(dbPath)
    await backend.integrityChecked()
    expect((await call<AppStatus>(backend, 'app.status', {})).state).toBe('ready')
    // The disk fails while the app runs (the checked pages were read on the check's own
    // connection, so this one reads the templates from the file).
    damagePagesOf(dbPath, templatePages, false)
    expect((await refused(backend, 'templates.list', {})).code).toBe('DATABASE_DAMAGED')
    expect((await call<AppStatus>(backend, 'app.status', {})).state).toBe('damaged')
    expect((await refused(backend, 'seats.add', { ...seat, name: 'Second' })).code).toBe(
      'DATABASE_DAMAGED',
    )
  })

  it('answers only reads before the check is done: the first screen writes nothing', async () => {
    const { dbPath } = await ledgerWithBackups()
    const sound = await openBackend(dbPath)
    await call(sound, 'settings.update', { timeZone: 'Europe/Berlin' })
    await call(sound, 'credits.send', {
      seatId: 1,
      at: '2026-03-02T10:00:00.000Z',
      to: { name: 'Ada Lovelace' },
    })
    sound.close()
    const untouched = userRows(dbPath)

    const backend = await openChecking(dbPath)
    // What the dashboard asks for, all before the check can answer.
    const asked: Record<string, unknown> = {
      'app.status': {},
      'seats.list': {},
      'credits.balance': { seatId: 1 },
      'analytics.recruiterRule': {},
      'analytics.metrics': { from: '2026-03-01', to: '2026-03-31' },
      'analytics.trend': { weeks: 12 },
      'outreach.list': { status: 'awaiting', limit: 5 },
      'sequences.agenda': { days: 0 },
    }
    expect(Object.keys(asked).sort()).toEqual([...answeredWhileChecking].sort())
    const answers = await Promise.all(
      Object.entries(asked).map(([channel, input]) => backend.invoke(channel, input)),
    )
    expect(answers.map((a) => a.ok)).toEqual(answers.map(() => true))
    await backend.integrityChecked()
    backend.close()
    // What the dashboard read left behind, once the check passed: the seat's credit checkpoint
    // (derived, see credits/checkpoints.ts), and nothing of the user's.
    expect(userRows(dbPath)).toEqual(untouched)
    expect(checkpointSeats(dbPath)).toEqual([1])
  })
})

describe('opening with the check left for later', () => {
  it('still checks a file that needs a migration first: a damaged one is neither backed up nor migrated', async () => {
    const { dbPath, backups, before } = await ledgerWithBackups()
    damagePagesOf(dbPath, templatePages)
    const untouched = fingerprint(dbPath)
    const next = {
      version: latestSchemaVersion + 1,
      name: 'test: seat colour',
      sql: "ALTER TABLE seats ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'",
    }
    const paths = ledgerPaths(dbPath)
    await expect(
      openLedgerFile(paths, fixedNow, [...migrations, next], { checkLater: true }),
    ).rejects.toMatchObject({ code: 'DATABASE_DAMAGED' })
    expect(backups()).toEqual(before)
    expect(fingerprint(dbPath)).toBe(untouched)
  })
})

describe('the command line', () => {
  it('still checks the whole file on opening, and refuses a damaged one at once', async () => {
    const { dbPath } = await ledgerWithBackups()
    damagePagesOf(dbPath, templatePages)
    const run = await cli(dbPath, 'seat', 'list')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/damaged/)
  })
})
