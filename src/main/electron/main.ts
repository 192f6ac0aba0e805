// The desktop shell: one secured window over the same backend as browser mode and the CLI.
// The only module (with window.ts types) that knows about Electron.
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, session } from 'electron'
import { Backend } from '../backend'
import { channelNames } from '../handlers'
import { dbFileName, dbPathVariable } from '../paths'
import { contentSecurityPolicy } from '../security'
import { bindIpc, isOwnRendererUrl, mainWindowOptions } from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href
let mainWindow: BrowserWindow | null = null

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')))
  window.once('ready-to-show', () => window.show())
  void (process.env.ELECTRON_RENDERER_URL
    ? window.loadURL(process.env.ELECTRON_RENDERER_URL)
    : window.loadFile(rendererFile))
  window.on('closed', () => {
    mainWindow = null
  })
  return window
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  // No navigation away from the app, no new windows, no permissions.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    )
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy],
        },
      }),
    )
    const dbPath = process.env[dbPathVariable] ?? join(app.getPath('userData'), dbFileName)
    const backend = await Backend.open({ dbPath })
    bindIpc(
      ipcMain,
      channelNames,
      (channel, input) => backend.invoke(channel, input),
      (event) =>
        mainWindow !== null &&
        event.sender.id === mainWindow.webContents.id &&
        isOwnRendererUrl(event.senderFrame?.url, rendererUrl),
    )
    app.on('will-quit', () => backend.close())
    mainWindow = createWindow()
  })

  app.on('window-all-closed', () => app.quit())
}
