// Each test gets its own browser-mode server on a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'

export interface App {
  url: string
  dbPath: string
  dataDir: string
  /** Stops the server, runs `meanwhile` (e.g. damage the file), and starts it again. */
  restart: (meanwhile?: () => void) => Promise<void>
  /** Runs the CLI (built) against this test's ledger. */
  cli: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>
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
