// Who has a ledger open. Restoring a backup, importing data and recovering swap or fill the file
// under every other connection, whose later writes would then be lost, so they refuse while
// anyone else has it open. Each process with the ledger open keeps a small file beside it,
// `<ledger>.in-use-<pid>`, written when its first Backend opens the ledger and removed when its
// last one closes (or the process exits). A file left by a process that died is ignored and
// tidied away. SQLite's locks cannot tell: an exclusive transaction on a WAL ledger does not
// wait for the other connections, which keep reading (and later writing) the file they opened.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/contract/errors'

const marker = '.in-use-'

/** The Backends of this process holding each ledger, by absolute path. */
const holders = new Map<string, Set<object>>()

function markerFile(dbPath: string, pid: number = process.pid): string {
  return `${dbPath}${marker}${pid}`
}

let exitHookInstalled = false
function removeMarkersOnExit(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const dbPath of holders.keys()) rmSync(markerFile(dbPath), { force: true })
  })
}

/** Records that `holder` (a Backend) has the ledger open. Best effort: never stops it opening. */
export function holdLedger(dbPath: string, holder: object): void {
  const held = holders.get(dbPath) ?? new Set<object>()
  holders.set(dbPath, held)
  held.add(holder)
  if (held.size > 1) return
  try {
    writeFileSync(
      markerFile(dbPath),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    )
  } catch {
    // A folder we cannot write to: opening the ledger will say so in its own words.
  }
  removeMarkersOnExit()
}

export function releaseLedger(dbPath: string, holder: object): void {
  const held = holders.get(dbPath)
  if (!held?.delete(holder) || held.size > 0) return
  holders.delete(dbPath)
  rmSync(markerFile(dbPath), { force: true })
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: unknown }).code === 'EPERM'
  }
}

function markedHost(file: string): string | null {
  try {
    const { host } = JSON.parse(readFileSync(file, 'utf8')) as { host?: unknown }
    return typeof host === 'string' ? host : null
  } catch {
    return null
  }
}

/** The other processes that have the ledger open, with the file that says so. */
function otherProcesses(dbPath: string): { pid: number; file: string }[] {
  const prefix = `${basename(dbPath)}${marker}`
  let names: string[]
  try {
    names = readdirSync(dirname(dbPath))
  } catch {
    return []
  }
  return names.flatMap((name) => {
    const pid = Number(name.slice(prefix.length))
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid) return []
    const file = join(dirname(dbPath), name)
    const host = markedHost(file)
    // On another machine (a shared folder) we cannot tell whether it still runs: assume it does.
    if ((host === null || host === hostname()) && !running(pid)) {
      rmSync(file, { force: true })
      return []
    }
    return [{ pid, file }]
  })
}

/**
 * Throws LEDGER_IN_USE when anyone but `holder` has the ledger open: another process, or
 * another Backend in this one. `doing` says what was refused ("restoring a backup").
 */
export function refuseIfOpenElsewhere(dbPath: string, holder: object, doing: string): void {
  const others = otherProcesses(dbPath)
  const here = [...(holders.get(dbPath) ?? [])].some((h) => h !== holder)
  if (others.length === 0 && !here) return
  const stale =
    others.length > 0
      ? ` If Outreach Ledger is not running, delete ${others.map((o) => o.file).join(' and ')} and try again.`
      : ''
  throw new AppError(
    'LEDGER_IN_USE',
    `Close Outreach Ledger first (the app, browser mode and any other outreach-ledger command using ${dbPath}), then try again: ${doing} while it is open elsewhere would lose what it writes next. Nothing was changed.${stale}`,
    { pids: others.map((o) => o.pid), inThisProcess: here },
  )
}
