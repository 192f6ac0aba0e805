// `npm run web`: browser mode, for machines where Electron will not start and for tests.
// Node's compile cache goes on before the app's code loads: later starts reuse the compiled
// code (kept in the system's temporary folder) instead of parsing it again.
import { enableCompileCache } from 'node:module'
import { fileURLToPath } from 'node:url'

enableCompileCache()
// Here, not in browser-mode.ts: the build puts that in a chunk of its own, in another folder.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
const { startBrowserMode } = await import('./browser-mode')
await startBrowserMode(rendererDir)
