// The desktop-only shell actions behind window.desktop: which dialog to open for what, and the
// IPC binding that validates each call and checks its sender like every backend channel.
// Electron types only, so the unit tests run it in plain Node; main.ts supplies the real calls.
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import type * as z from 'zod'
import { channelName } from '../../shared/contract/channel'
import {
  desktopChannels,
  desktopDomain,
  type FolderPurpose,
  type PickPurpose,
} from '../../shared/contract/desktop'
import type { Envelope, ErrorInfo } from '../../shared/contract/errors'
import { bindIpc } from './window'

const allFiles = { name: 'All files', extensions: ['*'] }

/** Per purpose: the file dialog's title and the types it offers first. */
const fileDialogs: Record<
  PickPurpose,
  { title: string; filter: { name: string; extensions: string[] } }
> = {
  // The importer reads messages.csv and finds Connections.csv and Invitations.csv beside it; a
  // .zip is refused (unzip it first), so it is not offered.
  'linkedin-export': {
    title: 'Choose messages.csv from your unzipped LinkedIn export',
    filter: { name: 'LinkedIn export (*.csv)', extensions: ['csv'] },
  },
  csv: {
    title: 'Choose the spreadsheet to import',
    filter: {
      name: 'Spreadsheet saved as CSV (*.csv, *.tsv, *.txt)',
      extensions: ['csv', 'tsv', 'txt'],
    },
  },
  'ledger-export': {
    title: 'Choose the export file from your other computer',
    filter: { name: 'Outreach Ledger export (*.json)', extensions: ['json'] },
  },
}

const folderDialogs: Record<FolderPurpose, { title: string }> = {
  'linkedin-export': { title: 'Choose the folder of your unzipped LinkedIn export' },
}

/** The open dialog for a file: titled for its purpose, its file types first, from Downloads. */
export function fileDialogOptions(purpose: PickPurpose, downloads: string): OpenDialogOptions {
  const { title, filter } = fileDialogs[purpose]
  return {
    title,
    defaultPath: downloads,
    buttonLabel: 'Choose',
    // "All files" second: a file saved as .CSV or without an extension can still be chosen.
    filters: [filter, allFiles],
    properties: ['openFile', 'dontAddToRecent'],
  }
}

/** The open dialog for a folder, from Downloads (where browsers put the export). */
export function folderDialogOptions(purpose: FolderPurpose, downloads: string): OpenDialogOptions {
  return {
    title: folderDialogs[purpose].title,
    defaultPath: downloads,
    buttonLabel: 'Choose',
    properties: ['openDirectory', 'dontAddToRecent'],
  }
}

/** What main.ts does with Electron: open a dialog (null when cancelled), reveal a file. */
export interface ShellActions {
  openDialog: (options: OpenDialogOptions) => Promise<string | null>
  showItemInFolder: (path: string) => void
  /** The user's Downloads folder, where dialogs start. */
  downloads: () => string
}

type Method = keyof typeof desktopChannels
type Input<K extends Method> = z.output<(typeof desktopChannels)[K]['input']>

const fail = (error: ErrorInfo): Envelope<never> => ({ ok: false, error })

async function run(
  method: Method,
  input: unknown,
  shell: ShellActions,
): Promise<Envelope<unknown>> {
  switch (method) {
    case 'pickFile': {
      const { purpose } = input as Input<'pickFile'>
      return {
        ok: true,
        result: await shell.openDialog(fileDialogOptions(purpose, shell.downloads())),
      }
    }
    case 'pickFolder': {
      const { purpose } = input as Input<'pickFolder'>
      return {
        ok: true,
        result: await shell.openDialog(folderDialogOptions(purpose, shell.downloads())),
      }
    }
    case 'showInFolder': {
      const { path } = input as Input<'showInFolder'>
      // Only a full path, and only one that is there: the file manager would open nowhere.
      if (!isAbsolute(path) || !existsSync(path))
        return fail({
          code: 'NOT_FOUND',
          message: `Nothing is at ${path} any more: it may have been moved or deleted.`,
        })
      shell.showItemInFolder(path)
      return { ok: true, result: null }
    }
  }
}

// A Map, not object lookups, so a name like "desktop.constructor" finds nothing.
const methods = new Map(
  (Object.keys(desktopChannels) as Method[]).map((method) => [
    channelName(desktopDomain, method),
    method,
  ]),
)

export const desktopChannelNames: readonly string[] = [...methods.keys()]

/** When Electron itself fails, what the user can still do. */
const fallback: Record<Method, string> = {
  pickFile: 'The file dialog could not be opened. Type or paste the path instead.',
  pickFolder: 'The folder dialog could not be opened. Type or paste the path instead.',
  showInFolder: 'The file manager could not be opened. The path is shown to copy instead.',
}

/**
 * Registers the desktop channels with ipcMain.handle through bindIpc, so a foreign sender gets
 * FORBIDDEN_SENDER exactly as on a backend channel. Inputs are checked with the contract's
 * schemas before any dialog opens.
 */
export function bindDesktopIpc(
  ipc: Parameters<typeof bindIpc>[0],
  shell: ShellActions,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  bindIpc(
    ipc,
    desktopChannelNames,
    async (channel, raw) => {
      const method = methods.get(channel)
      if (!method)
        return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${channel}".` })
      const parsed = desktopChannels[method].input.safeParse(raw === null ? undefined : raw)
      if (!parsed.success)
        return fail({
          code: 'VALIDATION_FAILED',
          message: parsed.error.issues[0]?.message ?? 'The request was not valid.',
          details: parsed.error.issues.map((issue) => ({
            path: issue.path,
            message: issue.message,
          })),
        })
      try {
        return await run(method, parsed.data, shell)
      } catch {
        return fail({ code: 'INTERNAL', message: fallback[method] })
      }
    },
    isTrusted,
  )
}
