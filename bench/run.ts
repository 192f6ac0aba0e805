// The benchmark harness: `npm run bench` measures at full size and writes docs/benchmarks.md;
// `npm run bench -- --quick` runs tiny sizes in seconds (to check the harness, not for numbers);
// `npm run bench -- --big` measures the import at 100,000 and 1,000,000 messages, and the
// dashboard on a ledger of a million messages too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { runBrowserSuite } from './browser'
import { runCreditsSuite } from './credits'
import { type DashboardResult, runDashboardSuite } from './dashboard'
import type { GeneratedLedger, LedgerPlan } from './generate'
import { importTerminal } from './import-report'
import { runImportSuite } from './imports'
import { inFreshProcess } from './measure'
import { monthReportMarkdown, monthReportVerdict, runMonthReportSuite } from './month-report'
import {
  describeMachine,
  figuresTable,
  markdownReport,
  type Report,
  type SeatSummary,
  targetVerdict,
} from './report'

export interface BenchOptions {
  /** Tiny sizes and two runs per figure. */
  quick?: boolean
  /** The import at 100,000 and 1,000,000 messages (instead of 25,000 and 100,000). */
  big?: boolean
  /** Where the Markdown goes; docs/benchmarks.md for a full run, a temp file for a quick one. */
  out?: string
  /** Runs per figure (default 15; 2 when quick). */
  runs?: number
  /** Keep the generated ledger instead of deleting it. */
  keep?: boolean
  log?: (line: string) => void
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const seed = 20_260_101

/** Messages per generated LinkedIn export, smallest first: two sizes, to see memory grow or not. */
export function importSizes(quick: boolean, big: boolean): number[] {
  if (quick) return [1_000, 2_000]
  return big ? [100_000, 1_000_000] : [25_000, 100_000]
}

/** Samples the 1-minute load average every few seconds until stopped. */
function watchLoad(): () => { highest: number; end: number } {
  let highest = loadavg()[0] ?? 0
  const timer = setInterval(() => (highest = Math.max(highest, loadavg()[0] ?? 0)), 5000)
  timer.unref()
  return () => {
    clearInterval(timer)
    const end = loadavg()[0] ?? 0
    return { highest: Math.max(highest, end), end }
  }
}

/** The busiest seat first; the measured seats are the first two (the first one when quick). */
function ledgerPlan(quick: boolean): LedgerPlan {
  const common = { seed, timeZone: 'America/New_York', from: '2023-01-01', to: '2025-12-31' }
  return quick
    ? {
        ...common,
        seats: [
          {
            name: 'Busiest seat',
            planId: 'recruiter-professional',
            events: 1_000,
            changePlanTo: 'recruiter-corporate',
          },
          { name: 'Founder', planId: 'sales-navigator-core', events: 200 },
        ],
      }
    : {
        ...common,
        seats: [
          {
            name: 'Busiest seat',
            planId: 'recruiter-professional',
            events: 100_000,
            changePlanTo: 'recruiter-corporate',
          },
          { name: 'Team seat', planId: 'recruiter-lite', events: 10_000 },
          { name: 'Sourcer', planId: 'recruiter-lite', events: 2_000 },
          { name: 'Founder', planId: 'sales-navigator-core', events: 300 },
        ],
      }
}

/**
 * Generates the ledger in a child process: its transaction leaves a few hundred MB of memory
 * behind that the process keeps, which would otherwise count in the figures' peak RSS.
 */
async function generateApart(dbPath: string, plan: LedgerPlan): Promise<GeneratedLedger> {
  const script = fileURLToPath(new URL('./generate.ts', import.meta.url))
  const made = JSON.parse(await inFreshProcess(script, [dbPath, JSON.stringify(plan)])) as {
    seats: GeneratedLedger['seats']
    now: string
  }
  return { seats: made.seats, now: new Date(made.now) }
}

/**
 * The dashboard on a ledger of about a million opening messages (the busiest seat ten times as
 * busy over the same years), generated apart and deleted after.
 */
async function bigDashboard(
  dir: string,
  plan: LedgerPlan,
  runs: number,
  log: (line: string) => void,
): Promise<DashboardResult> {
  const bigPlan: LedgerPlan = {
    ...plan,
    seats: plan.seats.map((s, i) => (i === 0 ? { ...s, events: 1_210_000 } : s)),
  }
  const dbPath = join(dir, 'ledger-1m.sqlite')
  log(`Generating a ledger of ${bigPlan.seats.map((s) => s.events).join(' + ')} events…`)
  const started = performance.now()
  const generated = await generateApart(dbPath, bigPlan)
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s; measuring its dashboard…`)
  try {
    return await runDashboardSuite({ dbPath, now: generated.now, runs })
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  }
}

function seatSummaries(dbPath: string, seats: { id: number; name: string }[]): SeatSummary[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    const kinds = db.prepare(
      'SELECT kind, count(*) AS n FROM ledger_events WHERE seat_id = ? GROUP BY kind',
    )
    return seats.map(({ id, name }) => {
      const rows = kinds.all(id) as { kind: string; n: number }[]
      return {
        name,
        events: rows.reduce((sum, r) => sum + r.n, 0),
        kinds: Object.fromEntries(rows.map((r) => [r.kind, r.n])),
      }
    })
  } finally {
    db.close()
  }
}

function versions(): { sqlite: string; betterSqlite3: string } {
  const db = new Database(':memory:')
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string
  db.close()
  const require = createRequire(import.meta.url)
  const { version } = require('better-sqlite3/package.json') as { version: string }
  return { sqlite, betterSqlite3: version }
}

/** Generates the ledger, runs every suite, writes the report; returns what it wrote. */
export async function main(options: BenchOptions = {}): Promise<Report> {
  const quick = options.quick ?? false
  const big = !quick && (options.big ?? false)
  const log = options.log ?? ((line: string) => console.log(line))
  const runs = options.runs ?? (quick ? 2 : 15)
  const coldRuns = quick ? 2 : Math.max(2, Math.ceil(runs / 2))
  const out =
    options.out ??
    (quick
      ? join(tmpdir(), 'outreach-ledger-bench-quick.md')
      : join(repoRoot, 'docs', 'benchmarks.md'))
  const plan = ledgerPlan(quick)
  const { sqlite, betterSqlite3 } = versions()
  const machine = describeMachine(sqlite, betterSqlite3)
  const stopWatchingLoad = watchLoad()
  const dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-bench-'))
  const dbPath = join(dir, 'ledger.sqlite')
  try {
    log(`Generating the ledger (${plan.seats.map((s) => s.events).join(' + ')} events) in ${dir}…`)
    const started = performance.now()
    const generated = await generateApart(dbPath, plan)
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    const seats = seatSummaries(dbPath, generated.seats)

    const measured = generated.seats.slice(0, quick ? 1 : 2)
    log(`Measuring ${measured.map((s) => `${s.name} (${s.events} events)`).join(', ')}…`)
    const month = { from: `${plan.to.slice(0, 7)}-01`, to: plan.to }
    const credits = await runCreditsSuite({
      dbPath,
      now: generated.now,
      seats: measured,
      month,
      runs,
      coldRuns,
    })

    log('Measuring what the dashboard loads…')
    const dashboard = await runDashboardSuite({ dbPath, now: generated.now, runs })
    const dashboardBig = big ? await bigDashboard(dir, plan, runs, log) : undefined

    // Not in a quick run: it builds the app and drives Chromium.
    const browser = quick
      ? undefined
      : (log('Measuring browser mode from a cold start to the dashboard drawn…'),
        await runBrowserSuite({
          dbPath,
          now: generated.now,
          messages: dashboard.messages,
          seats: generated.seats.length,
          runs: Math.min(runs, 5),
          log,
        }))

    log(`Measuring a month report (${month.from} to ${month.to}, every seat)…`)
    // A suite that fails is reported as such; the figures of the others are still written.
    const monthReport = await runMonthReportSuite({
      dbPath,
      now: generated.now,
      runs,
      month,
    }).catch((error: unknown) => {
      log(`  the month report could not be measured: ${String(error).split('\n')[0]}`)
      return null
    })

    const sizes = importSizes(quick, big)
    log(`Measuring the import of LinkedIn exports of ${sizes.join(' and ')} messages…`)
    const imports = await runImportSuite({
      dir: join(dir, 'imports'),
      sizes,
      runs: quick ? 2 : Math.min(runs, 7),
      seed,
      from: plan.from,
      to: plan.to,
      alwaysProfile: quick,
      log,
    })
    const flags = [
      quick ? '--quick' : '',
      big ? '--big' : '',
      options.runs ? `--runs ${options.runs}` : '',
    ]
      .filter(Boolean)
      .join(' ')
    const report: Report = {
      date: new Date().toISOString().slice(0, 10),
      command: flags ? `npm run bench -- ${flags}` : 'npm run bench',
      machine,
      ledger: { seed: plan.seed, timeZone: plan.timeZone, from: plan.from, to: plan.to, seats },
      runs,
      coldRuns,
      quick,
      load: stopWatchingLoad(),
      credits,
      imports,
      dashboard,
      ...(dashboardBig ? { dashboardBig } : {}),
      ...(browser ? { browser } : {}),
    }
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(
      out,
      markdownReport(report) +
        (monthReport
          ? monthReportMarkdown(monthReport)
          : "\n## Month report\n\nNot measured in this run: it failed (see the bench's output).\n"),
    )
    log('')
    log(figuresTable(credits.figures))
    log('')
    log(targetVerdict(credits.figures).text.replaceAll('**', ''))
    if (monthReport)
      for (const line of monthReportVerdict(monthReport)) log(line.replaceAll('**', ''))
    log('')
    log(importTerminal(imports))
    log(`Written to ${out}`)
    return report
  } finally {
    if (options.keep) log(`Kept the ledger at ${dbPath} and the exports in ${join(dir, 'imports')}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

function fromCommandLine(): BenchOptions {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      big: { type: 'boolean', default: false },
      out: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(
      'Usage: npm run bench [-- --quick | --big] [--out FILE] [--runs N] [--keep]\n' +
        '  --quick   tiny sizes, two runs per figure, a few seconds (writes to a temp file)\n' +
        '  --big     the import at 100,000 and 1,000,000 messages (default 25,000 and 100,000),\n' +
        '            and the dashboard on a ledger of 1,000,000 messages\n' +
        '  --out     where to write the Markdown (default docs/benchmarks.md)\n' +
        '  --runs    runs per figure (default 15; the import takes at most 7, 3 at a million)\n' +
        '  --keep    keep the generated ledger and exports',
    )
    process.exit(0)
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs)
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1))
    throw new Error(`--runs takes a whole number of runs, at least 1 (got "${values.runs}").`)
  if (values.quick && values.big) throw new Error('--quick and --big do not go together.')
  return {
    quick: values.quick,
    big: values.big,
    keep: values.keep,
    ...(values.out ? { out: resolve(values.out) } : {}),
    ...(runs ? { runs } : {}),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(fromCommandLine()).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
