// The desktop shell: one secured window over the same backend as browser mode and the CLI.
// The only module (with window.ts types) that knows about Electron.
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, Notification, session } from 'electron'
import { Backend } from '../backend'
import { startDailyBackups } from '../data/daily'
import { channelNames } from '../handlers'
import { dbFileName, dbPathVariable } from '../paths'
import { contentSecurityPolicy } from '../security'
import { atLoginArgument, loginItemSettings, ReminderLoop, type Reminder } from './reminders'
import { bindIpc, isOwnRendererUrl, mainWindowOptions } from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href
let mainWindow: BrowserWindow | null = null

function createWindow(hash = ''): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')))
  window.once('ready-to-show', () => window.show())
  void (process.env.ELECTRON_RENDERER_URL
    ? window.loadURL(`${process.env.ELECTRON_RENDERER_URL}${hash ? `#${hash}` : ''}`)
    : window.loadFile(rendererFile, hash ? { hash } : {}))
  window.on('closed', () => {
    mainWindow = null
  })
  return window
}

/** A desktop notification of due follow-ups; clicking it opens Today. */
function notify(reminder: Reminder): void {
  if (!Notification.isSupported()) return
  const note = new Notification({ title: reminder.title, body: reminder.body })
  note.on('click', () => {
    if (!mainWindow) mainWindow = createWindow('/today')
    else {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  note.show()
}

/** Registers (or removes) the login item that starts the app hidden to keep reminding. */
async function applyLoginItem(backend: Backend): Promise<void> {
  const settings = await backend.invoke('sequences.reminders', {})
  if (settings.ok)
    app.setLoginItemSettings(
      loginItemSettings((settings.result as { startAtLogin: boolean }).startAtLogin),
    )
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    // Running in the background since login: opening the app again shows the window.
    if (!mainWindow) {
      if (app.isReady()) mainWindow = createWindow()
      return
    }
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
      async (channel, input) => {
        const result = await backend.invoke(channel, input)
        if (channel === 'sequences.setReminders' && result.ok) await applyLoginItem(backend)
        return result
      },
      (event) =>
        mainWindow !== null &&
        event.sender.id === mainWindow.webContents.id &&
        isOwnRendererUrl(event.senderFrame?.url, rendererUrl),
    )
    const dailyBackups = startDailyBackups(backend)
    const reminders = new ReminderLoop((channel, input) => backend.invoke(channel, input), notify)
    reminders.start()
    await applyLoginItem(backend)
    app.on('will-quit', () => {
      reminders.stop()
      void dailyBackups.stop()
      backend.close()
    })
    // Started at login: no window, only reminders, until one is clicked.
    if (!process.argv.includes(atLoginArgument)) mainWindow = createWindow()
  })

  app.on('window-all-closed', () => app.quit())
}
