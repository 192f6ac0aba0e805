// The desktop shell: one secured window over the same backend as browser mode and the CLI.
// The only module (with window.ts types) that knows about Electron.
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  session,
  shell,
  Tray,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron'
import { Backend } from '../backend'
import { closeAfterBackups, startDailyBackups } from '../data/daily'
import { channelNames } from '../handlers'
import { dbFileName, dbPathVariable } from '../paths'
import { contentSecurityPolicy } from '../security'
import { bindDesktopIpc } from './desktop'
import {
  atLoginArgument,
  keepRunningInTray,
  loginItemSettings,
  ReminderLoop,
  trayMenu,
  trayTooltip,
  type Reminder,
} from './reminders'
import { trayIconDataUrl } from './tray-icon'
import { bindIpc, isOwnRendererUrl, mainWindowOptions } from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href
let mainWindow: BrowserWindow | null = null
let tray: Tray | null = null
const startedAtLogin = process.argv.includes(atLoginArgument)
let startAtLogin = false

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

/** Brings the window forward, opening one when the app runs in the tray without it. */
function openWindow(hash = ''): void {
  if (!mainWindow) {
    mainWindow = createWindow(hash)
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

/** Only our own window's renderer may call a service or open a dialog. */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  return (
    mainWindow !== null &&
    event.sender.id === mainWindow.webContents.id &&
    isOwnRendererUrl(event.senderFrame?.url, rendererUrl)
  )
}

/** The OS open dialog, modal to the window; the chosen path, or null when cancelled. */
async function openDialog(options: OpenDialogOptions): Promise<string | null> {
  const chosen = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options)
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
}

/** A desktop notification of due follow-ups; clicking it opens Today. */
function notify(reminder: Reminder): void {
  if (!Notification.isSupported()) return
  const note = new Notification({ title: reminder.title, body: reminder.body })
  note.on('click', () => openWindow('/today'))
  note.show()
}

/** The tray icon while the app keeps running without a window for reminders; else none. */
function syncTray(): void {
  if (!keepRunningInTray({ startedAtLogin, startAtLogin })) {
    tray?.destroy()
    tray = null
    return
  }
  if (tray) return
  tray = new Tray(nativeImage.createFromDataURL(trayIconDataUrl))
  tray.setToolTip(trayTooltip)
  const actions = { open: () => openWindow(), quit: () => app.quit() }
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenu.map((item) => ({ label: item.label, click: actions[item.id] })),
    ),
  )
  tray.on('click', () => openWindow())
}

/** Registers (or removes) the login item that starts the app hidden to keep reminding. */
async function applyLoginItem(backend: Backend): Promise<void> {
  const settings = await backend.invoke('sequences.reminders', {})
  if (!settings.ok) return
  startAtLogin = (settings.result as { startAtLogin: boolean }).startAtLogin
  app.setLoginItemSettings(loginItemSettings(startAtLogin))
  syncTray()
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
      fromOurWindow,
    )
    bindDesktopIpc(
      ipcMain,
      {
        openDialog,
        showItemInFolder: (path) => shell.showItemInFolder(path),
        downloads: () => app.getPath('downloads'),
      },
      fromOurWindow,
    )
    const dailyBackups = startDailyBackups(backend)
    const reminders = new ReminderLoop((channel, input) => backend.invoke(channel, input), notify)
    reminders.start()
    await applyLoginItem(backend)
    // Quitting waits for a daily backup under way, then exits (app.exit emits no will-quit).
    let closing: Promise<void> | null = null
    app.on('will-quit', (event) => {
      event.preventDefault()
      if (closing) return
      reminders.stop()
      closing = closeAfterBackups(backend, dailyBackups).finally(() => app.exit())
    })
    // Started at login: no window, only reminders, until one is clicked.
    if (!startedAtLogin) mainWindow = createWindow()
  })

  // With reminders on, closing the window leaves the app in the tray so reminders go on.
  app.on('window-all-closed', () => {
    if (!keepRunningInTray({ startedAtLogin, startAtLogin })) app.quit()
  })
}
