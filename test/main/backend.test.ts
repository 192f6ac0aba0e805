import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { AppStatus, BackupFile } from '../../src/shared/contract'
import { call, openBackend, refused, seatCount, tempDir } from '../helpers/ledger'

const seat = { name: 'Work', planId: 'recruiter-lite', startedOn: '2026-01-05' }

describe('backups', () => {
  it('copies rows that are still in the WAL (a file copy would lose them)', async () => {
    const backend = await openBackend()
    await call(backend, 'seats.add', seat)
    // The row is committed but not yet checkpointed into the main file.
    expect(readdirSync(backend.paths.dataDir)).toContain('ledger.sqlite-wal')
    const out = join(tempDir(), 'copy.sqlite')
    const result = await call<{ file: string; bytes: number }>(backend, 'app.backup', { out })
    expect(result.file).toBe(out)
    const copy = new Database(out, { readonly: true })
    expect(copy.prepare('SELECT name FROM seats').all()).toEqual([{ name: 'Work' }])
    copy.close()
  })

  it('writes to the backups folder by default and lists it', async () => {
    const backend = await openBackend()
    await call(backend, 'app.backup', {})
    const backups = await call<BackupFile[]>(backend, 'app.backups', {})
    expect(backups).toHaveLength(1)
    expect(backups[0]!.name).toMatch(/^ledger-2026-03-10T12-00-00-000Z-manual\.sqlite$/)
  })

  it('never overwrites an existing file', async () => {
    const backend = await openBackend()
    const out = join(tempDir(), 'precious.txt')
    writeFileSync(out, 'keep me')
    const error = await refused(backend, 'app.backup', { out })
    expect(error.code).toBe('BACKUP_FAILED')
    expect(readFileSync(out, 'utf8')).toBe('keep me')
  })
})

describe('recovering a damaged ledger', () => {
  async function damagedLedgerWithBackup() {
    const dir = tempDir()
    const dbPath = join(dir, 'ledger.sqlite')
    const healthy = await openBackend(dbPath)
    await call(healthy, 'seats.add', seat)
    await call(healthy, 'app.backup', {})
    await call(healthy, 'seats.add', { ...seat, name: 'After the backup' })
    healthy.close()
    writeFileSync(dbPath, 'garbage '.repeat(1000))
    return { dir, dbPath, backend: await openBackend(dbPath) }
  }

  it('reports the damage and the backups instead of crashing', async () => {
    const { backend } = await damagedLedgerWithBackup()
    const status = await call<AppStatus>(backend, 'app.status', {})
    expect(status.state).toBe('damaged')
    if (status.state !== 'damaged') return
    expect(status.backups).toHaveLength(1)
    const error = await refused(backend, 'seats.list', {})
    expect(error.code).toBe('DATABASE_DAMAGED')
  })

  it('restores a backup and keeps the damaged file aside', async () => {
    const { dir, backend } = await damagedLedgerWithBackup()
    const [backup] = await call<BackupFile[]>(backend, 'app.backups', {})
    const status = await call<AppStatus>(backend, 'app.recover', {
      action: 'restore',
      backup: backup!.name,
    })
    expect(status).toMatchObject({ state: 'ready', seatCount: 1 })
    const aside = readdirSync(dir).filter((f) => f.includes('.damaged-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toMatch(/^garbage/)
  })

  it('starts an empty ledger on request, keeping the damaged file', async () => {
    const { dir, backend } = await damagedLedgerWithBackup()
    const status = await call<AppStatus>(backend, 'app.recover', { action: 'start-empty' })
    expect(status).toMatchObject({ state: 'ready', seatCount: 0 })
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(true)
    expect(seatCount(backend)).toBe(0)
  })

  it('refuses a backup name that is not in the backups folder', async () => {
    const { backend } = await damagedLedgerWithBackup()
    for (const name of ['../ledger.sqlite', 'nope.sqlite', '/etc/passwd']) {
      const error = await refused(backend, 'app.recover', { action: 'restore', backup: name })
      expect(error.code).toBe('BACKUP_NOT_FOUND')
    }
    expect((await call<AppStatus>(backend, 'app.status', {})).state).toBe('damaged')
  })

  it('does not "recover" a healthy ledger', async () => {
    const backend = await openBackend()
    await call(backend, 'seats.add', seat)
    const error = await refused(backend, 'app.recover', { action: 'start-empty' })
    expect(error.code).toBe('NOT_DAMAGED')
    expect(seatCount(backend)).toBe(1)
  })
})

describe('doctor', () => {
  it('reports paths, schema and a clean integrity check', async () => {
    const backend = await openBackend()
    const report = await call<{
      integrity: { ok: boolean }
      schemaVersion: number
      dbPath: string
    }>(backend, 'app.doctor', {})
    expect(report.integrity.ok).toBe(true)
    expect(report.schemaVersion).toBeGreaterThan(0)
    expect(report.dbPath).toBe(backend.paths.dbPath)
  })
})
