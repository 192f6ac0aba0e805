// The window's security settings and the sender check, kept free of Electron imports
// (types only) so the unit tests can assert them in plain Node.
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron'
import type { Envelope } from '../../shared/contract/errors'

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Outreach Ledger',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/** True when a frame URL is our renderer: the same file, or the dev server's origin. */
export function isOwnRendererUrl(frameUrl: string | undefined, rendererUrl: string): boolean {
  if (!frameUrl) return false
  try {
    const frame = new URL(frameUrl)
    const own = new URL(rendererUrl)
    if (own.protocol === 'file:')
      return frame.protocol === 'file:' && frame.pathname === own.pathname
    return frame.origin === own.origin
  } catch {
    return false
  }
}

type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>

/**
 * Registers every channel with ipcMain.handle. A message from any frame but our own window's
 * main frame is answered with FORBIDDEN_SENDER and never reaches a service.
 */
export function bindIpc(
  ipc: {
    handle: (
      channel: string,
      listener: (event: IpcMainInvokeEvent, input: unknown) => unknown,
    ) => void
  },
  channels: readonly string[],
  invoke: Invoke,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of channels)
    ipc.handle(channel, (event, input) =>
      isTrusted(event)
        ? invoke(channel, input)
        : {
            ok: false,
            error: {
              code: 'FORBIDDEN_SENDER',
              message: 'This window may not use Outreach Ledger.',
            },
          },
    )
}
