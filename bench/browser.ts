// The browser-mode cold start: from starting `node out/main/web.js --db <ledger>` to the
// dashboard drawn in Chromium (seat balances, this month's funnel, the weekly trend chart), the
// way a user opens the app on a machine without Electron. The app is built into a folder of the
// bench's own (node_modules/.cache), so the shared out/ folder is never rebuilt under anyone.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Browser, chromium } from '@playwright/test'
import { Backend } from '../src/main/backend'
import type { Figure } from './credits'
import { timingOf } from './measure'

/** The target: the dashboard visible in under a second on the 100k ledger. */
export const browserTarget = { ms: 1000 }

export interface BrowserResult {
  /** Opening messages in the ledger. */
  messages: number
  figures: Figure[]
  /** Why nothing was measured (the build failed, no Chromium), or null. */
  skipped: string | null
  chromium: string
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(repoRoot, 'node_modules', '.cache', 'outreach-ledger-bench', 'out')
// Debian's Chromium where present (as the end-to-end tests use), else Playwright's own.
const debianChromium = '/usr/bin/chromium'

async function build(): Promise<void> {
  const require = createRequire(import.meta.url)
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  rmSync(outDir, { recursive: true, force: true })
  await promisify(execFile)(
    process.execPath,
    [cli, 'build', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: repoRoot, maxBuffer: 16 << 20 },
  )
}

interface Started {
  child: ChildProcess
  url: string
}

function startServer(app: string, dbPath: string): Promise<Started> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(app, 'main', 'web.js'), '--db', dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running in your browser at (\S+)/.exec(output)
      if (match?.[1]) resolvePromise({ child, url: match[1] })
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise()
    child.once('exit', () => resolvePromise())
    child.kill('SIGTERM')
  })
}

/** One cold start, in phases (milliseconds); they add up to `totalMs`. */
interface Run {
  /** Spawning the server process to its URL printed (Node, the code, opening the ledger). */
  serverMs: number
  /** Then to the page's first request to the API (the page and its scripts loaded and run). */
  scriptsMs: number
  /** Then to the last seat balance answered (the seats, each seat's events read and replayed). */
  balancesMs: number
  /** Then to the last request answered (the funnels, the trend, the waiting list, the agenda). */
  restMs: number
  /** Then to the dashboard drawn (React and the chart). */
  drawMs: number
  totalMs: number
}

/**
 * The ledger as a day of use leaves it: opened yesterday, when the dashboard read every seat's
 * balance, which saved each seat's credit checkpoint (src/main/credits/checkpoints.ts).
 */
async function usedYesterday(source: string, dbPath: string, seats: number): Promise<void> {
  copyFileSync(source, dbPath)
  const yesterday = new Date(Date.now() - 86_400_000)
  const backend = await Backend.open({ dbPath, now: () => yesterday })
  try {
    for (let seatId = 1; seatId <= seats; seatId++) {
      const balance = await backend.invoke('credits.balance', { seatId })
      if (!balance.ok) throw new Error(`seat ${seatId}: ${balance.error.message}`)
    }
  } finally {
    backend.close()
  }
  // Its backups stay behind: each run's first start still writes the day's own.
  rmSync(join(dirname(dbPath), 'backups'), { recursive: true, force: true })
}

/**
 * One cold start on `dbPath`: the server started, a new browser context (empty cache) opened on
 * its URL, and the time until the dashboard is drawn. The page's clock is the ledger's "now", so
 * this month, last month and the trend are the generated ledger's own (the server keeps the
 * real clock: it only decides the balances' day and what still awaits a reply).
 */
async function coldStart(
  browser: Browser,
  app: string,
  dbPath: string,
  now: Date,
  seats: number,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.clock.setFixedTime(now)
  // Wall-clock milliseconds, as the browser reports its requests' timing.
  const api: { path: string; start: number; end: number }[] = []
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname
    if (!path.startsWith('/api/')) return
    const timing = request.timing()
    api.push({ path, start: timing.startTime, end: timing.startTime + timing.responseEnd })
  })
  const started = Date.now()
  const server = await startServer(app, dbPath)
  const ready = Date.now()
  try {
    await page.goto(server.url)
    // Checked in the page on every animation frame (this file is not compiled with the DOM's
    // types, hence the narrow shape of `document`).
    await page.waitForFunction(
      (count: number) => {
        const { document } = globalThis as unknown as {
          document: {
            querySelector: (selector: string) => unknown
            querySelectorAll: (selector: string) => { length: number }
          }
        }
        return (
          document.querySelectorAll('[data-testid="seat-available"]').length === count &&
          document.querySelector('#month-heading') !== null &&
          document.querySelector('#today-heading') !== null &&
          // The trend: its chart drawn, or no chart (weeks with nothing sent show a note).
          (document.querySelector('.chart') === null ||
            document.querySelector('.chart .recharts-surface') !== null)
        )
      },
      seats,
      { timeout: 60_000, polling: 'raf' },
    )
    const drawn = Date.now()
    const firstApi = Math.min(...api.map((r) => r.start))
    const balances = Math.max(
      ...api.filter((r) => r.path === '/api/credits.balance').map((r) => r.end),
    )
    const lastApi = Math.max(...api.map((r) => r.end))
    return {
      serverMs: ready - started,
      scriptsMs: firstApi - ready,
      balancesMs: balances - firstApi,
      restMs: lastApi - balances,
      drawMs: drawn - lastApi,
      totalMs: drawn - started,
    }
  } finally {
    await context.close()
    await stop(server.child)
  }
}

export async function runBrowserSuite(options: {
  dbPath: string
  now: Date
  messages: number
  seats: number
  runs: number
  log: (line: string) => void
  /**
   * An app built already (its out folder, inside this repository so its packages resolve):
   * measured as it is. By default the bench builds the working tree into a folder of its own.
   */
  app?: string
}): Promise<BrowserResult> {
  const chromiumName = existsSync(debianChromium) ? debianChromium : "Playwright's Chromium"
  const result = (figures: Figure[], skipped: string | null): BrowserResult => ({
    messages: options.messages,
    figures,
    skipped,
    chromium: chromiumName,
  })
  const app = options.app ?? outDir
  try {
    if (options.app === undefined) await build()
  } catch (error) {
    return result([], `the app did not build (${String(error).split('\n')[0]})`)
  }
  let browser: Browser
  try {
    browser = await chromium.launch({
      ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
    })
  } catch (error) {
    return result([], `Chromium did not start (${String(error).split('\n')[0]})`)
  }
  const dir = mkdtempSync(join(dirname(options.dbPath), 'browser-'))
  try {
    const usedDir = join(dir, 'used')
    mkdirSync(usedDir)
    const used = join(usedDir, 'ledger.sqlite')
    await usedYesterday(options.dbPath, used, options.seats)
    const first: Run[] = []
    const later: Run[] = []
    const ever: Run[] = []
    for (let i = 0; i < options.runs; i++) {
      // A copy per run: its first start of the day writes the daily backup; the second does not.
      const runDir = join(dir, String(i))
      mkdirSync(runDir)
      const dbPath = join(runDir, 'ledger.sqlite')
      copyFileSync(used, dbPath)
      // And the ledger as generated, never opened by the app: no checkpoints yet.
      const newDir = join(dir, `${i}-new`)
      mkdirSync(newDir)
      const newPath = join(newDir, 'ledger.sqlite')
      copyFileSync(options.dbPath, newPath)
      try {
        first.push(await coldStart(browser, app, dbPath, options.now, options.seats))
        later.push(await coldStart(browser, app, dbPath, options.now, options.seats))
        ever.push(await coldStart(browser, app, newPath, options.now, options.seats))
      } catch (error) {
        // A dashboard that never appears is reported, and the other suites still run.
        return result([], `a cold start failed (${String(error).split('\n')[0]})`)
      }
      rmSync(runDir, { recursive: true, force: true })
      rmSync(newDir, { recursive: true, force: true })
      options.log(
        `  run ${i + 1}: ${first.at(-1)!.totalMs.toFixed(0)} ms, then ${later.at(-1)!.totalMs.toFixed(0)} ms; ` +
          `never opened before: ${ever.at(-1)!.totalMs.toFixed(0)} ms`,
      )
    }
    const figure = (name: string, runs: Run[], pick: (r: Run) => number): Figure => ({
      name,
      events: options.messages,
      timing: timingOf(runs.map(pick), []),
    })
    const phases = (label: string, runs: Run[]): Figure[] => [
      figure(`start to dashboard drawn, ${label}`, runs, (r) => r.totalMs),
      figure('  server started (URL printed)', runs, (r) => r.serverMs),
      figure('  page and scripts loaded, first request', runs, (r) => r.scriptsMs),
      figure("  seats and every seat's balance answered", runs, (r) => r.balancesMs),
      figure('  funnels, trend, waiting list answered', runs, (r) => r.restMs),
      figure('  dashboard drawn', runs, (r) => r.drawMs),
    ]
    return result(
      [
        ...phases('first start of the day', first),
        ...phases('later start', later),
        ...phases('first start ever (no checkpoints yet)', ever),
      ],
      null,
    )
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The target line for docs/benchmarks.md. */
export function browserVerdict(result: BrowserResult): string {
  const target = `browser mode: dashboard visible < ${browserTarget.ms} ms on the 100,000-event ledger (cold start, median)`
  if (result.skipped) return `${target}: **not measured**, ${result.skipped}.`
  const first = result.figures[0]!.timing
  const later = result.figures[6]!.timing
  const met = first.median < browserTarget.ms && later.median < browserTarget.ms
  return `${target}: **${met ? 'met' : 'not met'}**, median ${first.median.toFixed(0)} ms on the first start of the day (with its daily backup), ${later.median.toFixed(0)} ms on a later start.`
}
