import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, ledgerPaths, resolveDbPath } from '../../src/main/paths'

describe('where the ledger lives', () => {
  it('matches Electron userData on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Outreach Ledger')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe(
      '/cfg/Outreach Ledger',
    )
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Outreach Ledger',
    )
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
    ).toBe(join('C:\\Users\\ann\\AppData\\Roaming', 'Outreach Ledger'))
  })

  it('prefers --db, then $OUTREACH_LEDGER_DB, then the app folder', () => {
    expect(resolveDbPath('/x/a.sqlite', { OUTREACH_LEDGER_DB: '/y/b.sqlite' })).toBe('/x/a.sqlite')
    expect(resolveDbPath(undefined, { OUTREACH_LEDGER_DB: '/y/b.sqlite' })).toBe('/y/b.sqlite')
    expect(resolveDbPath(undefined, {})).toMatch(/Outreach Ledger[/\\]ledger\.sqlite$/)
  })

  it('keeps backups beside the data file', () => {
    expect(ledgerPaths('/data/ledger.sqlite')).toEqual({
      dbPath: '/data/ledger.sqlite',
      dataDir: '/data',
      backupsDir: '/data/backups',
    })
  })
})
