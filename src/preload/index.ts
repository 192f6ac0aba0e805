// The renderer's only door to the main process: one typed function per contract channel.
// No raw ipcRenderer, no generic invoke(channel, ...).
import { contextBridge, ipcRenderer } from 'electron'
import { contract, type EnvelopeApi } from '../shared/contract'
import { mapContract } from '../shared/contract/channel'
import { desktopChannels, type DesktopApi } from '../shared/contract/desktop'

const api: EnvelopeApi = mapContract(
  contract,
  (name) => (input: unknown) => ipcRenderer.invoke(name, input),
)

// The shell's own actions (file dialogs, the file manager): only the desktop app has them.
const desktop: DesktopApi = mapContract(
  { desktop: desktopChannels },
  (name) => (input: unknown) => ipcRenderer.invoke(name, input),
).desktop

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('desktop', desktop)
