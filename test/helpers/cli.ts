// Runs the CLI in-process against a real ledger file, capturing what it prints.
import { join } from 'node:path'
import { expect } from 'vitest'
import { runCli } from '../../src/main/cli/program'
import { fixedNow, tempDir } from './ledger'

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

export type Cli = ReturnType<typeof cliAt>

/** A seat as `seat add` takes it; "Work" on Recruiter Lite unless said. */
export interface NewSeat {
  name?: string
  plan?: string
  /** YYYY-MM-DD */
  since: string
  balance?: number
}

/** The `seat add …` arguments for a seat. */
export function seatAddArgs({ name = 'Work', plan = 'recruiter-lite', since, balance }: NewSeat) {
  return [
    'seat',
    'add',
    '--name',
    name,
    '--plan',
    plan,
    '--since',
    since,
    ...(balance === undefined ? [] : ['--balance', String(balance)]),
  ]
}

/** Adds a seat through the CLI, failing the test, with what it printed, if it is refused. */
export async function addSeat(run: Cli, db: string, seat: NewSeat): Promise<void> {
  const added = await run(db, ...seatAddArgs(seat))
  expect(added.code, added.stderr).toBe(0)
}

/** A new ledger file in a temp folder, set to UTC, with one seat: where most CLI tests start. */
export async function ledgerWithSeat(run: Cli, seat: NewSeat): Promise<string> {
  const db = join(tempDir(), 'l.sqlite')
  expect((await run(db, 'settings', '--time-zone', 'UTC')).code).toBe(0)
  await addSeat(run, db, seat)
  return db
}
