// Restore, import and recovery while another process has the ledger open (the app, browser
// mode, a second CLI): refused with LEDGER_IN_USE and nothing changed, because that process
// would go on writing into a file that is no longer the ledger.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { RestoreResult } from '../../../src/shared/contract'
import { cli } from '../../helpers/cli'
import { call, openBackend, refused, tempDir } from '../../helpers/ledger'

const seat = (name: string) => ({ name, planId: 'recruiter-lite', startedOn: '2026-01-05' })

/**
 * A second process with the ledger open through its own Backend, as the running app has it.
 * `send('add <name>')` adds a seat there; `send('close')` closes it; `kill()` ends it abruptly.
 */
async function openElsewhere(dbPath: string) {
  const dir = tempDir()
  const script = join(dir, 'app.mts')
  const src = (path: string) => pathToFileURL(resolve(path)).href
  writeFileSync(
    script,
    `import { createInterface } from 'node:readline'
     import { Backend } from '${src('src/main/backend.ts')}'
     const backend = await Backend.open({ dbPath: ${JSON.stringify(dbPath)} })
     console.log('open')
     for await (const line of createInterface({ input: process.stdin })) {
       if (line.startsWith('add ')) {
         const added = await backend.invoke('seats.add', {
           name: line.slice(4), planId: 'recruiter-lite', startedOn: '2026-01-05' })
         console.log(added.ok ? 'added' : JSON.stringify(added.error))
       } else if (line === 'close') {
         backend.close()
         console.log('closed')
       }
     }`,
  )
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: resolve('.') })
  onTestFinished(() => void child.kill('SIGKILL'))
  let errors = ''
  child.stderr.on('data', (c: Buffer) => (errors += c.toString()))
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async (): Promise<string> => {
    const line = await lines.next()
    if (line.done) throw new Error(`the second process ended: ${errors}`)
    return line.value
  }
  expect(await next()).toBe('open')
  return {
    pid: child.pid!,
    send: async (command: string): Promise<string> => {
      child.stdin.write(`${command}\n`)
      return next()
    },
    kill: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done())
        child.kill('SIGKILL')
      }),
  }
}

function seatsIn(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT name FROM seats ORDER BY id').pluck().all() as string[]
  } finally {
    db.close()
  }
}

/** A ledger file with one seat and a backup of it, closed. */
async function ledgerWithBackup() {
  const dir = tempDir()
  const backend = await openBackend(join(dir, 'ledger.sqlite'))
  await call(backend, 'seats.add', seat('In the backup'))
  const { file } = await call<{ file: string }>(backend, 'app.backup', {})
  await call(backend, 'seats.add', seat('After the backup'))
  backend.close()
  return { dir, dbPath: backend.paths.dbPath, backupName: file.split('/').at(-1)! }
}

describe('while another process has the ledger open', () => {
  it('restore is refused; that process keeps writing into the ledger, and can restore once it closes', async () => {
    const { dir, dbPath, backupName } = await ledgerWithBackup()
    const app = await openElsewhere(dbPath)
    expect(readdirSync(dir)).toContain(`ledger.sqlite.in-use-${app.pid}`)
    const before = readdirSync(dir).sort()

    const run = await cli(dbPath, 'restore', '--backup', backupName)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: Close Outreach Ledger first .*Nothing was changed\./)
    const json = await cli(dbPath, '--json', 'restore', '--backup', backupName)
    expect(json.json()).toMatchObject({
      error: { code: 'LEDGER_IN_USE', details: { pids: [app.pid] } },
    })
    expect(readdirSync(dir).sort()).toEqual(before)

    // What the app writes next lands in the ledger, not in a file set aside.
    expect(await app.send('add Logged in the app')).toBe('added')
    expect(seatsIn(dbPath)).toEqual(['In the backup', 'After the backup', 'Logged in the app'])

    expect(await app.send('close')).toBe('closed')
    expect(readdirSync(dir)).not.toContain(`ledger.sqlite.in-use-${app.pid}`)
    const again = await cli(dbPath, 'restore', '--backup', backupName)
    expect(again.code).toBe(0)
    expect(seatsIn(dbPath)).toEqual(['In the backup'])
  }, 30_000)

  it('import-data into an empty ledger is refused', async () => {
    const { dbPath } = await ledgerWithBackup()
    const out = join(tempDir(), 'all.json')
    expect((await cli(dbPath, 'export', '--out', out)).code).toBe(0)
    const target = join(tempDir(), 'new.sqlite')
    const app = await openElsewhere(target)

    const run = await cli(target, '--json', 'import-data', out)
    expect(run.code).toBe(1)
    expect(run.json()).toMatchObject({ error: { code: 'LEDGER_IN_USE' } })
    expect(run.stderr).toMatch(/importing data while it is open elsewhere/)
    expect(seatsIn(target)).toEqual([])
    await app.send('close')
  }, 30_000)

  it('recovering a damaged ledger is refused and the damaged file stays where it is', async () => {
    const { dir, dbPath, backupName } = await ledgerWithBackup()
    const garbage = 'garbage '.repeat(1000)
    writeFileSync(dbPath, garbage)
    const app = await openElsewhere(dbPath)
    const backend = await openBackend(dbPath)
    for (const choice of [{ action: 'start-empty' }, { action: 'restore', backup: backupName }]) {
      const error = await refused(backend, 'app.recover', choice)
      expect(error.code).toBe('LEDGER_IN_USE')
      expect(error.message).toMatch(/recovering the ledger while it is open elsewhere/)
    }
    expect(readFileSync(dbPath, 'utf8')).toBe(garbage)
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false)
    await app.send('close')
  }, 30_000)

  it('a process that ended without closing does not block a restore', async () => {
    const { dir, dbPath, backupName } = await ledgerWithBackup()
    const app = await openElsewhere(dbPath)
    await app.kill()
    expect(readdirSync(dir)).toContain(`ledger.sqlite.in-use-${app.pid}`)

    const run = await cli(dbPath, 'restore', '--backup', backupName)
    expect(run.code).toBe(0)
    expect(seatsIn(dbPath)).toEqual(['In the backup'])
    // The file it left is tidied away.
    expect(existsSync(join(dir, `ledger.sqlite.in-use-${app.pid}`))).toBe(false)
  }, 30_000)
})

describe('in the process that has the ledger open', () => {
  it("the app's own restore works; a second Backend on the same file blocks it", async () => {
    const { dbPath, backupName } = await ledgerWithBackup()
    const app = await openBackend(dbPath)
    const other = await openBackend(dbPath)
    const error = await refused(app, 'data.restore', { backup: backupName })
    expect(error.code).toBe('LEDGER_IN_USE')
    expect(seatsIn(dbPath)).toEqual(['In the backup', 'After the backup'])

    other.close()
    const result = await call<RestoreResult>(app, 'data.restore', { backup: backupName })
    expect(result.status).toMatchObject({ state: 'ready', seatCount: 1 })
    // Closing the app removes its mark, so a CLI restore afterwards is not refused.
    app.close()
    expect(readdirSync(app.paths.dataDir).filter((f) => f.includes('.in-use-'))).toEqual([])
    expect((await cli(dbPath, 'restore', '--backup', backupName)).code).toBe(0)
  })
})
