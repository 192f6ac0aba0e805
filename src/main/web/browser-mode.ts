// Browser mode itself: opens the ledger, serves the app on 127.0.0.1 and prints its address.
// Loaded by main.ts once Node's compile cache is on.
import { parseArgs } from 'node:util'
import { Backend } from '../backend'
import { startDailyBackups } from '../data/daily'
import { resolveDbPath } from '../paths'
import { startWebServer } from './server'
import { warmUp } from './warm-up'

/** Runs browser mode with the command line's --db and --port; `rendererDir` is the built app. */
export async function startBrowserMode(rendererDir: string): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' } },
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: --port must be a port number (0 to 65535), not "${values.port}".`)
    process.exit(2)
  }

  // The integrity check runs beside the first screen's requests; writes and backups wait for it.
  const backend = await Backend.open({ dbPath: resolveDbPath(values.db), checkInBackground: true })
  const dailyBackups = startDailyBackups(backend)
  const server = await startWebServer({
    backend,
    port,
    rendererDir,
    // While the browser parses and runs the page's scripts: the seats' balances, the
    // dashboard's first question.
    onPageSent: () => void warmUp(backend),
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
}
