// The renderer's only door to the main process: one typed function per contract channel.
// No raw ipcRenderer, no generic invoke(channel, ...).
import { contextBridge, ipcRenderer } from 'electron'
import { contract, type EnvelopeApi } from '../shared/contract'
import { mapContract } from '../shared/contract/channel'

const api: EnvelopeApi = mapContract(
  contract,
  (name) => (input: unknown) => ipcRenderer.invoke(name, input),
)

contextBridge.exposeInMainWorld('api', api)
