// Runs the CLI in-process against a real ledger file, capturing what it prints.
import { runCli } from '../../src/main/cli/program'
import { fixedNow } from './ledger'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
  /** stdout parsed as JSON (for --json runs). */
  json: () => Record<string, unknown>
}

/** A `cli(db, ...args)` whose clock reads `now`. */
export function cliAt(now: () => Date) {
  return async (db: string, ...args: string[]): Promise<CliRun> => {
    let stdout = ''
    let stderr = ''
    const code = await runCli(['--db', db, ...args], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
      now,
    })
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }
  }
}

export const cli = cliAt(fixedNow)
