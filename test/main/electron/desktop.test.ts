import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import { afterAll, describe, expect, it } from 'vitest'
import {
  bindDesktopIpc,
  desktopChannelNames,
  fileDialogOptions,
  folderDialogOptions,
} from '../../../src/main/electron/desktop'
import { channelNames } from '../../../src/main/handlers'
import { mapContract } from '../../../src/shared/contract/channel'
import { desktopChannels, pickPurposes } from '../../../src/shared/contract/desktop'

const downloads = '/home/sam/Downloads'

describe('the file dialogs', () => {
  it('offers a LinkedIn export as its messages.csv, starting in Downloads', () => {
    const options = fileDialogOptions('linkedin-export', downloads)
    expect(options.title).toMatch(/LinkedIn export/)
    expect(options.defaultPath).toBe(downloads)
    expect(options.properties).toContain('openFile')
    expect(options.properties).not.toContain('openDirectory')
    expect(options.properties).not.toContain('multiSelections')
    expect(options.filters?.[0]).toEqual({ name: 'LinkedIn export (*.csv)', extensions: ['csv'] })
  })

  it('offers the right file types first for each purpose, and any file after them', () => {
    expect(fileDialogOptions('csv', downloads).filters?.[0]?.extensions).toEqual([
      'csv',
      'tsv',
      'txt',
    ])
    expect(fileDialogOptions('ledger-export', downloads).filters?.[0]).toEqual({
      name: 'Outreach Ledger export (*.json)',
      extensions: ['json'],
    })
    for (const purpose of pickPurposes) {
      const { title, filters } = fileDialogOptions(purpose, downloads)
      expect(title).not.toBe('')
      expect(filters?.at(-1)).toEqual({ name: 'All files', extensions: ['*'] })
    }
    const titles = pickPurposes.map((purpose) => fileDialogOptions(purpose, downloads).title)
    expect(new Set(titles).size).toBe(pickPurposes.length)
  })

  it('opens a folder dialog for the unzipped LinkedIn export, with no file types', () => {
    const options = folderDialogOptions('linkedin-export', downloads)
    expect(options.properties).toContain('openDirectory')
    expect(options.properties).not.toContain('openFile')
    expect(options.filters).toBeUndefined()
    expect(options.title).toMatch(/folder of your unzipped LinkedIn export/)
    expect(options.defaultPath).toBe(downloads)
  })
})

describe('the desktop IPC binding', () => {
  const folder = mkdtempSync(join(tmpdir(), 'outreach-ledger-desktop-'))
  const report = join(folder, 'report.pdf')
  writeFileSync(report, '%PDF')
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown

  function bind(trusted: boolean, chosen: string | null = '/home/sam/Downloads/messages.csv') {
    const listeners = new Map<string, Listener>()
    const dialogs: OpenDialogOptions[] = []
    const shown: string[] = []
    bindDesktopIpc(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      {
        openDialog: async (options) => {
          dialogs.push(options)
          return chosen
        },
        showItemInFolder: (path) => shown.push(path),
        downloads: () => downloads,
      },
      () => trusted,
    )
    const call = (channel: string, input: unknown) =>
      listeners.get(channel)!({} as IpcMainInvokeEvent, input)
    return { listeners, dialogs, shown, call }
  }

  it('registers exactly the channels the preload calls, none of them a backend channel', () => {
    const { listeners } = bind(true)
    const preloadNames: string[] = []
    mapContract({ desktop: desktopChannels }, (name) => preloadNames.push(name))
    expect([...listeners.keys()].sort()).toEqual(preloadNames.sort())
    expect(desktopChannelNames).toEqual([
      'desktop.pickFile',
      'desktop.pickFolder',
      'desktop.showInFolder',
    ])
    for (const name of desktopChannelNames) expect(channelNames).not.toContain(name)
  })

  it('answers a foreign sender with FORBIDDEN_SENDER and opens no dialog', async () => {
    const { call, dialogs, shown } = bind(false)
    expect(await call('desktop.pickFile', { purpose: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })
    expect(await call('desktop.pickFolder', { purpose: 'linkedin-export' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })
    expect(await call('desktop.showInFolder', { path: report })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })
    expect(dialogs).toEqual([])
    expect(shown).toEqual([])
  })

  it('opens the dialog for the purpose and answers the chosen path', async () => {
    const { call, dialogs } = bind(true)
    expect(await call('desktop.pickFile', { purpose: 'ledger-export' })).toEqual({
      ok: true,
      result: '/home/sam/Downloads/messages.csv',
    })
    expect(dialogs).toEqual([fileDialogOptions('ledger-export', downloads)])
    await call('desktop.pickFolder', { purpose: 'linkedin-export' })
    expect(dialogs[1]).toEqual(folderDialogOptions('linkedin-export', downloads))
  })

  it('answers null when the dialog is cancelled', async () => {
    const { call } = bind(true, null)
    expect(await call('desktop.pickFile', { purpose: 'csv' })).toEqual({ ok: true, result: null })
  })

  it('refuses a bad purpose with a sentence, before any dialog opens', async () => {
    const { call, dialogs } = bind(true)
    const unknown = await call('desktop.pickFile', { purpose: 'passwords' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect((unknown as { error: { message: string } }).error.message).toMatch(/linkedin-export/)
    // A spreadsheet is a file: there is no folder to choose for it.
    expect(await call('desktop.pickFolder', { purpose: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/choose a file/) },
    })
    expect(await call('desktop.pickFile', { purpose: 'csv', defaultPath: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await call('desktop.pickFile', null)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(dialogs).toEqual([])
  })

  it('shows a file that is there in the file manager', async () => {
    const { call, shown } = bind(true)
    expect(await call('desktop.showInFolder', { path: report })).toEqual({ ok: true, result: null })
    expect(shown).toEqual([report])
  })

  it('refuses to show a path that is gone or not a full path, saying so', async () => {
    const { call, shown } = bind(true)
    const gone = join(folder, 'moved.pdf')
    expect(await call('desktop.showInFolder', { path: gone })).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `Nothing is at ${gone} any more: it may have been moved or deleted.`,
      },
    })
    expect(await call('desktop.showInFolder', { path: 'report.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call('desktop.showInFolder', { path: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(shown).toEqual([])
  })

  it('turns a failing dialog into a sentence that says what to do instead', async () => {
    const listeners = new Map<string, Listener>()
    bindDesktopIpc(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      {
        openDialog: () => Promise.reject(new Error('no display')),
        showItemInFolder: () => undefined,
        downloads: () => downloads,
      },
      () => true,
    )
    const reply = await listeners.get('desktop.pickFile')!({} as IpcMainInvokeEvent, {
      purpose: 'csv',
    })
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The file dialog could not be opened. Type or paste the path instead.',
      },
    })
  })
})
