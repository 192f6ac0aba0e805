// The desktop shell's own small contract: the operating system's file dialogs and file manager.
// Not a backend service (browser mode and the CLI have no such thing), so it is not part of the
// contract in index.ts; the preload exposes it as window.desktop, only in the desktop app.
import * as z from 'zod'
import { channel, type EnvelopeApi } from './channel'

/** What a dialog is for: it decides the title, the file types offered and the button. */
export const pickPurposes = ['linkedin-export', 'csv', 'ledger-export'] as const
export type PickPurpose = (typeof pickPurposes)[number]

/** The purposes that can be a folder: a LinkedIn export is read from its unzipped folder. */
export const folderPurposes = ['linkedin-export'] as const satisfies readonly PickPurpose[]
export type FolderPurpose = (typeof folderPurposes)[number]

const pickFile = z
  .object({
    purpose: z.enum(pickPurposes, {
      error: 'Choose what the file is for: linkedin-export, csv or ledger-export.',
    }),
  })
  .strict()

const pickFolder = z
  .object({
    purpose: z.enum(folderPurposes, {
      error: 'Only a LinkedIn export is read from a folder: choose a file instead.',
    }),
  })
  .strict()

export const desktopChannels = {
  /** The chosen file's full path, or null when the dialog was cancelled. */
  pickFile: channel<string | null>()(pickFile),
  /** The chosen folder's full path, or null when the dialog was cancelled. */
  pickFolder: channel<string | null>()(pickFolder),
  /** Opens the file manager with the file (or folder) selected. */
  showInFolder: channel<null>()(
    z
      .object({
        path: z
          .string({ error: 'Give the path of the file to show.' })
          .trim()
          .min(1, { error: 'Give the path of the file to show.' })
          .max(4096, { error: 'That path is too long to be a file on this computer.' }),
      })
      .strict(),
  ),
}

export type DesktopChannels = typeof desktopChannels
/** What the preload exposes as window.desktop: one function per channel, answering envelopes. */
export type DesktopApi = EnvelopeApi<{ desktop: DesktopChannels }>['desktop']
/** The IPC channel names, "desktop.pickFile" and so on, apart from every backend channel's. */
export const desktopDomain = 'desktop'
