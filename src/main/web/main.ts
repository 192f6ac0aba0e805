// `npm run web`: browser mode, for machines where Electron will not start and for tests.
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { Backend } from '../backend'
import { startDailyBackups } from '../data/daily'
import { resolveDbPath } from '../paths'
import { startWebServer } from './server'

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' } },
})
const port = values.port === undefined ? 0 : Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port must be a port number (0 to 65535), not "${values.port}".`)
  process.exit(2)
}

const backend = await Backend.open({ dbPath: resolveDbPath(values.db) })
const dailyBackups = startDailyBackups(backend)
const server = await startWebServer({
  backend,
  port,
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
})
// Handlers first: whoever reads the URL below may stop us at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void Promise.all([server.close(), dailyBackups.stop()]).then(() => {
      backend.close()
      process.exit(0)
    })
  })

console.log(`Outreach Ledger is running in your browser at ${server.url}`)
console.log(`Data file: ${backend.paths.dbPath}  (Ctrl+C to stop)`)
