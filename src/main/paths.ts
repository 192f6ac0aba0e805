// Where the ledger lives. Electron's userData folder and this function agree, so the desktop
// app, browser mode and the CLI open the same file by default.
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const appFolderName = 'Outreach Ledger'
export const dbFileName = 'ledger.sqlite'
/** Overrides the data file for the CLI, browser mode and tests. */
export const dbPathVariable = 'OUTREACH_LEDGER_DB'

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), appFolderName)
}

export interface LedgerPaths {
  dbPath: string
  dataDir: string
  backupsDir: string
}

export function ledgerPaths(dbPath: string): LedgerPaths {
  const absolute = resolve(dbPath)
  const dataDir = dirname(absolute)
  return { dbPath: absolute, dataDir, backupsDir: join(dataDir, 'backups') }
}

/** The data file: an explicit path wins, then the environment, then the app's own folder. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env[dbPathVariable]
  return resolve(chosen && chosen.length > 0 ? chosen : join(defaultDataDir(), dbFileName))
}
