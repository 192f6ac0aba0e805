// Each test gets its own browser-mode server on a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test as base, type Page } from '@playwright/test'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** A seat as `seat add` takes it; "Work" on Recruiter Lite unless said. */
export interface NewSeat {
  name?: string
  plan?: string
  /** YYYY-MM-DD */
  since: string
  balance?: number
  /** Another ledger file than this test's (e.g. "the other computer"). */
  db?: string
}

export interface App {
  url: string
  dbPath: string
  dataDir: string
  /** Stops the server, runs `meanwhile` (e.g. damage the file), and starts it again. */
  restart: (meanwhile?: () => void) => Promise<void>
  /** Runs the CLI (built) against this test's ledger. */
  cli: (...args: string[]) => Promise<CliResult>
  /** Runs the CLI and fails the test, with what it printed, unless it succeeds. */
  run: (...args: string[]) => Promise<CliResult>
  /** Adds a seat from the command line, failing the test if it is refused. */
  addSeat: (seat: NewSeat) => Promise<void>
}

/** A day `n` days before today (UTC), YYYY-MM-DD as the CLI takes it. */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/web.js', '--db', dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running in your browser at (\S+)/.exec(output)
      if (match?.[1]) resolve({ child, url: match[1] })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

// The same arguments as `seatAddArgs` in test/helpers/cli.ts; the e2e project cannot import
// that file (it is outside tsconfig.e2e.json's include).
function seatAddArgs({ name = 'Work', plan = 'recruiter-lite', since, balance, db }: NewSeat) {
  return [
    ...(db === undefined ? [] : ['--db', db]),
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

export const test = base.extend<{ app: App }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's way to say "no other fixtures"
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outreach-ledger-e2e-'))
    const dbPath = join(dataDir, 'ledger.sqlite')
    let server = await startServer(dbPath)
    const app: App = {
      url: server.url,
      dbPath,
      dataDir,
      restart: async (meanwhile) => {
        await stop(server.child)
        meanwhile?.()
        server = await startServer(dbPath)
        app.url = server.url
      },
      cli: (...args) =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, ['out/main/cli.js', '--db', dbPath, ...args])
          let stdout = ''
          let stderr = ''
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
          child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }))
        }),
      run: async (...args) => {
        const result = await app.cli(...args)
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0)
        return result
      },
      addSeat: async (seat) => {
        await app.run(...seatAddArgs(seat))
      },
    }
    await use(app)
    await stop(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'

/** Saves a screenshot into test-results/screens/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', 'screens', `${name}.png`), fullPage: true })
}
