// Daily backups while the app runs: one a day, rotated, never touching other backups.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { addDays } from '../../../src/main/credits/engine/days'
import { closeAfterBackups, runDailyBackup, startDailyBackups } from '../../../src/main/data/daily'
import type { BackupFile } from '../../../src/shared/contract'
import { call, openBackend, refused, tempDir } from '../../helpers/ledger'

const seat = { name: 'Work', planId: 'recruiter-lite', startedOn: '2026-01-05' }

/** A backend whose clock can be moved, with one seat (an empty ledger is not backed up). */
async function runningLedger(start = '2026-10-15T10:00:00.000Z') {
  let now = new Date(start)
  const backend = await openBackend(undefined, () => now)
  await call(backend, 'settings.update', { timeZone: 'Europe/Berlin' })
  await call(backend, 'seats.add', seat)
  return {
    backend,
    setDay: (day: string, time = '10:00:00') => (now = new Date(`${day}T${time}.000Z`)),
    names: () => readdirSync(backend.paths.backupsDir).sort(),
  }
}

describe('daily backups', () => {
  it('writes one backup a day, the first time the app checks that day', async () => {
    const { backend, setDay, names } = await runningLedger()
    const first = await runDailyBackup(backend)
    expect(first.written).toBe(
      join(backend.paths.backupsDir, 'ledger-2026-10-15T10-00-00-000Z-daily.sqlite'),
    )
    // Later the same (Berlin) day: nothing new.
    setDay('2026-10-15', '21:30:00')
    expect((await runDailyBackup(backend)).written).toBeNull()
    // 22:30 UTC is already the next day in Berlin.
    setDay('2026-10-15', '22:30:00')
    expect((await runDailyBackup(backend)).written).not.toBeNull()
    expect(names()).toEqual([
      'ledger-2026-10-15T10-00-00-000Z-daily.sqlite',
      'ledger-2026-10-15T22-30-00-000Z-daily.sqlite',
    ])
    // A real, consistent copy of the ledger.
    const copy = new Database(first.written!, { readonly: true })
    expect(copy.prepare('SELECT name FROM seats').pluck().all()).toEqual(['Work'])
    copy.close()
  })

  it('does not back up a ledger with nothing in it yet', async () => {
    const backend = await openBackend()
    expect(await runDailyBackup(backend)).toEqual({ written: null, removed: [] })
    expect(existsSync(backend.paths.backupsDir)).toBe(false)
  })

  it('after 40 days keeps 7 daily and 4 weekly, and never deletes manual or pre-migration ones', async () => {
    const { backend, setDay, names } = await runningLedger()
    const { backupsDir } = backend.paths
    await call(backend, 'app.backup', {})
    await call(backend, 'app.backup', {
      out: join(backupsDir, 'ledger-2026-01-01T00-00-00-000Z-before-schema-3.sqlite'),
    })
    await call(backend, 'app.backup', { out: join(backupsDir, 'before-my-holiday.sqlite') })
    for (let i = 0; i < 40; i += 1) {
      setDay(addDays('2026-10-15', i))
      await runDailyBackup(backend)
    }
    expect(names().filter((n) => n.endsWith('-daily.sqlite'))).toHaveLength(11)
    expect(names()).toContain('ledger-2026-10-15T10-00-00-000Z-manual.sqlite')
    expect(names()).toContain('ledger-2026-01-01T00-00-00-000Z-before-schema-3.sqlite')
    expect(names()).toContain('before-my-holiday.sqlite')

    const listed = await call<BackupFile[]>(backend, 'app.backups', {})
    const kinds = (kind: string) => listed.filter((b) => b.kind === kind).map((b) => b.name)
    expect(kinds('daily')).toHaveLength(7)
    expect(kinds('daily')[0]).toBe('ledger-2026-11-23T10-00-00-000Z-daily.sqlite')
    expect(kinds('weekly')).toEqual([
      'ledger-2026-11-15T10-00-00-000Z-daily.sqlite',
      'ledger-2026-11-08T10-00-00-000Z-daily.sqlite',
      'ledger-2026-11-01T10-00-00-000Z-daily.sqlite',
      'ledger-2026-10-25T10-00-00-000Z-daily.sqlite',
    ])
    expect(kinds('manual').sort()).toEqual([
      'before-my-holiday.sqlite',
      'ledger-2026-10-15T10-00-00-000Z-manual.sqlite',
    ])
    expect(kinds('pre-migration')).toEqual([
      'ledger-2026-01-01T00-00-00-000Z-before-schema-3.sqlite',
    ])
    // Dated by when each was taken (from its name), not when the file was last touched.
    expect(listed.find((b) => b.name === kinds('daily')[0])!.createdAt).toBe(
      '2026-11-23T10:00:00.000Z',
    )
  })

  it('two ledgers in one folder keep their own backups: due check, rotation, listing, restore', async () => {
    const dir = tempDir()
    let now = new Date('2026-10-15T10:00:00.000Z')
    const work = await openBackend(join(dir, 'work.sqlite'), () => now)
    const personal = await openBackend(join(dir, 'personal.sqlite'), () => now)
    await call(work, 'seats.add', seat)
    await call(personal, 'seats.add', { ...seat, name: 'Personal' })
    // A backup the user named by hand belongs to no ledger: both list it.
    const holiday = join(work.paths.backupsDir, 'before-my-holiday.sqlite')
    await call(work, 'app.backup', { out: holiday })
    // Dated by its file time, as a file copied in by hand would be.
    utimesSync(holiday, new Date('2026-10-01'), new Date('2026-10-01'))
    for (let i = 0; i < 12; i += 1) {
      now = new Date(`${addDays('2026-10-15', i)}T10:00:00.000Z`)
      expect((await runDailyBackup(work)).written).toMatch(/work-[^/]*-daily\.sqlite$/)
      expect((await runDailyBackup(personal)).written).toMatch(/personal-[^/]*-daily\.sqlite$/)
    }
    // Each rotated on its own: 7 daily (20–26 Oct) and the latest of the week before (18 Oct).
    const listed = async (backend: typeof work) =>
      (await call<BackupFile[]>(backend, 'app.backups', {})).map((b) => `${b.kind} ${b.name}`)
    const expected = (name: string) => [
      ...[26, 25, 24, 23, 22, 21, 20].map(
        (d) => `daily ${name}-2026-10-${d}T10-00-00-000Z-daily.sqlite`,
      ),
      `weekly ${name}-2026-10-18T10-00-00-000Z-daily.sqlite`,
      'manual before-my-holiday.sqlite',
    ]
    expect(await listed(work)).toEqual(expected('work'))
    expect(await listed(personal)).toEqual(expected('personal'))
    expect(readdirSync(work.paths.backupsDir)).toHaveLength(17)

    // One ledger's backup cannot be restored into the other.
    const other = await refused(work, 'data.restore', {
      backup: 'personal-2026-10-26T10-00-00-000Z-daily.sqlite',
    })
    expect(other.code).toBe('BACKUP_NOT_FOUND')
    await call(work, 'data.restore', { backup: 'work-2026-10-18T10-00-00-000Z-daily.sqlite' })
    expect(await call<{ name: string }[]>(work, 'seats.list', {})).toEqual([
      expect.objectContaining({ name: 'Work' }),
    ])
  })

  it('quitting waits for a backup under way, then closes the ledger', async () => {
    const { backend, names } = await runningLedger()
    const logged: string[] = []
    // Starting takes the day's backup at once; quit straight after, while it is being copied.
    const daily = startDailyBackups(backend, (message) => logged.push(message))
    await closeAfterBackups(backend, daily)
    expect(logged).toEqual([])
    expect(names()).toEqual(['ledger-2026-10-15T10-00-00-000Z-daily.sqlite'])
    const copy = new Database(join(backend.paths.backupsDir, names()[0]!), { readonly: true })
    expect(copy.prepare('SELECT name FROM seats').pluck().all()).toEqual(['Work'])
    copy.close()
    expect(backend.ledger.db.open).toBe(false)
  })

  it('runs on start and stops cleanly', async () => {
    const { backend, names } = await runningLedger()
    const daily = startDailyBackups(backend, (message) => {
      throw new Error(message)
    })
    await daily.stop()
    expect(names()).toEqual(['ledger-2026-10-15T10-00-00-000Z-daily.sqlite'])
  })

  it('logs a failure instead of throwing it at the app', async () => {
    const { backend } = await runningLedger()
    // Something that is not a folder where the backups folder should be.
    writeFileSync(backend.paths.backupsDir, 'in the way')
    const logged: string[] = []
    await startDailyBackups(backend, (message) => logged.push(message)).stop()
    expect(logged).toEqual([expect.stringMatching(/daily backup failed: .*not a directory/)])
  })

  it('does not keep the process alive', async () => {
    const dir = tempDir()
    const script = join(dir, 'run.mts')
    const src = (path: string) => pathToFileURL(resolve(path)).href
    writeFileSync(
      script,
      `import { Backend } from '${src('src/main/backend.ts')}'
       import { startDailyBackups } from '${src('src/main/data/daily.ts')}'
       const backend = await Backend.open({ dbPath: ${JSON.stringify(join(dir, 'ledger.sqlite'))} })
       await backend.invoke('seats.add', ${JSON.stringify(seat)})
       startDailyBackups(backend)
       console.log('started')`,
    )
    // If the hourly timer held the event loop, this child would never exit and the test would
    // time out.
    const result = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: resolve('.') })
      onTestFinished(() => void child.kill())
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += c.toString()))
      child.stderr.on('data', (c: Buffer) => (out += c.toString()))
      child.on('exit', (code) => done({ code, out }))
    })
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('started') })
    expect(readdirSync(join(dir, 'backups'))).toEqual([
      expect.stringMatching(/^ledger-.*-daily\.sqlite$/),
    ])
  }, 30_000)
})
