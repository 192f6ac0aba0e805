// The benchmark's results as a table for the terminal and as docs/benchmarks.md: the figures,
// the machine and versions they were measured on, the command that reproduces them, the targets.
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { type CreditsResult, type Figure, target } from './credits'
import { importSection, memoryVerdict, speedVerdict } from './import-report'
import { browserTarget, browserVerdict, type BrowserResult } from './browser'
import { dashboardNotes, dashboardVerdict, type DashboardResult } from './dashboard'
import type { ImportResult } from './imports'
import type { HotFunction } from './measure'

export interface Machine {
  cpu: string
  cores: number
  memoryBytes: number
  os: string
  node: string
  sqlite: string
  betterSqlite3: string
  /** 1-minute load average when the run started: other work on the machine skews figures. */
  load: number
}

export function describeMachine(sqlite: string, betterSqlite3: string): Machine {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    os: `${platform()} ${release()}`,
    node: process.version,
    sqlite,
    betterSqlite3,
    load: loadavg()[0] ?? 0,
  }
}

export interface SeatSummary {
  name: string
  events: number
  /** Events by kind, as stored. */
  kinds: Record<string, number>
}

export interface Report {
  date: string
  command: string
  machine: Machine
  /** What the generated ledger held. */
  ledger: { seed: number; timeZone: string; from: string; to: string; seats: SeatSummary[] }
  runs: number
  coldRuns: number
  quick: boolean
  /** 1-minute load average over the run (sampled every few seconds): highest, and at the end. */
  load?: { highest: number; end: number }
  credits: CreditsResult
  imports: ImportResult
  dashboard?: DashboardResult
  /** The dashboard on a ledger of about a million messages (`--big`). */
  dashboardBig?: DashboardResult
  browser?: BrowserResult
}

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0))
const mb = (bytes: number | null): string => (bytes === null ? '–' : (bytes / 2 ** 20).toFixed(0))
const count = (n: number): string => n.toLocaleString('en-US')

const columns = ['Figure', 'Events', 'Median ms', 'Min–max ms', 'Peak RSS MB', 'Runs']

function row(f: Figure): string[] {
  const t = f.timing
  return [
    f.name,
    count(f.events),
    ms(t.median),
    `${ms(t.min)}–${ms(t.max)}`,
    mb(t.peakRss),
    String(t.runs.length),
  ]
}

/** The figures as a Markdown table (also readable as plain text). */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = [columns, ...figures.map(row)]
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(columns), rule, ...rows.slice(1).map(line)].join('\n')
}

/** A figures table whose size column counts messages, not events. */
function messagesTable(figures: readonly Figure[]): string {
  return figuresTable(figures).replace(/\|( *)Events \|/, (_, pad: string) =>
    pad.length >= 3 ? `|${pad.slice(2)}Messages |` : '| Messages |',
  )
}

export interface Verdict {
  met: boolean | null
  text: string
}

/** Met when the median of the warm runs is under the target at (at least) the target's size. */
export function targetVerdict(figures: readonly Figure[]): Verdict {
  const measured = figures.find(
    (f) => f.name === `${target.figure}, warm` && f.events >= target.events,
  )
  const goal = `${target.figure} < ${target.ms} ms at ${count(target.events)} events (warm, median)`
  if (!measured)
    return { met: null, text: `${goal}: not measured (this run's largest seat is smaller).` }
  const met = measured.timing.median < target.ms
  return {
    met,
    text:
      `${goal}: **${met ? 'met' : 'not met'}**, median ${ms(measured.timing.median)} ms, ` +
      `slowest of ${measured.timing.runs.length} runs ${ms(measured.timing.max)} ms ` +
      `at ${count(measured.events)} events.`,
  }
}

function hotTable(hot: readonly HotFunction[]): string {
  const lines = ['| Function | File | Self time per run | Share |', '|---|---|---:|---:|']
  for (const f of hot)
    lines.push(
      `| ${f.name} | ${f.where || '(V8 or native)'} | ${ms(f.selfMs)} ms | ${(f.selfShare * 100).toFixed(0)}% |`,
    )
  return lines.join('\n')
}

/** The benchmark runs one process at a time, so it adds about 1 to the load average itself. */
function loadLine(machine: Machine, load: Report['load']): string {
  const start = `Load average (1 minute) when the run started: ${machine.load.toFixed(2)}`
  if (!load) return `- ${start}`
  return (
    `- ${start}; during the run up to ${load.highest.toFixed(2)}, at its end ${load.end.toFixed(2)}, ` +
    `the benchmark's own process counting for about 1 on these ${machine.cores} cores` +
    (machine.load >= 0.5
      ? '. Something else was running when it started (or had just stopped: the average lags by ' +
        'a minute), and other work slows every figure.'
      : '.')
  )
}

function browserSection(browser: BrowserResult): string[] {
  const lines = [
    '## Browser mode: cold start to the dashboard',
    '',
    `From starting browser mode (\`node out/main/web.js --db …\`, the app built by the bench into node_modules/.cache/outreach-ledger-bench) to the dashboard drawn in Chromium (${browser.chromium}, headless, driven by Playwright's chromium API): every seat's balance, this month's funnel and the weekly trend chart on screen. The generated ledger (${count(browser.messages)} opening messages).`,
    '',
  ]
  if (browser.skipped) return [...lines, `Not measured: ${browser.skipped}.`]
  return [
    ...lines,
    messagesTable(browser.figures),
    '',
    "- Each run starts from a copy of the ledger as a day's use leaves it (opened by the app the day before, when the dashboard read every seat's balance and so saved each seat's credit checkpoint), in a new folder: its first start writes the day's automatic backup (as the first start of a day does), the second start of the same copy does not. The third start is of a copy of the ledger as generated, never opened by the app.",
    "- Chromium is already running (not timed); each start gets a new browser context, so nothing is cached. The page's clock is set to the ledger's \"now\" (so this month, last month and the trend are the ledger's own); the server keeps the real clock, which decides the balances' day and the trend's weeks (the dashboard asks the server for the last 12 weeks: long after this ledger's activity ends, so the trend shows its empty note).",
    "- The phases: the server process started until its URL is printed (Node, the built code, opening the ledger; its integrity check then runs on a thread of its own); then until the page's first request to the API (the page, its scripts parsed and run); then until every seat's balance is answered (the seats, and each seat's first balance in that process: from its credit checkpoint and the events since, or, without one, every event read and replayed; the server starts on them as soon as the page's files are sent); then until the last request is answered (the funnels, the trend, the waiting list, the agenda: asked for alongside the seats, so usually answered before the balances); then until the dashboard is drawn.",
    ...browserFindings(browser),
  ]
}

/** Where a cold start spends its time, from the phases' medians. */
function browserFindings(browser: BrowserResult): string[] {
  const at = (name: string) =>
    browser.figures.find((f) => f.name.trim() === name)?.timing.median ?? 0
  const total = browser.figures[0]!.timing.median
  const ever = browser.figures[12]?.timing.median
  const server = at('server started (URL printed)')
  const scripts = at('page and scripts loaded, first request')
  const balances = at("seats and every seat's balance answered")
  const rest = at('funnels, trend, waiting list answered')
  const draw = at('dashboard drawn')
  const share = (n: number) => `${ms(n)} ms (${((n / total) * 100).toFixed(0)}%)`
  return [
    '',
    total < browserTarget.ms
      ? '### Where the cold start spends its time'
      : '### Why the cold start misses a second',
    '',
    `On the first start of the day (median ${ms(total)} ms): server start ${share(server)}, page and scripts ${share(scripts)}, seats and balances ${share(balances)}, the other requests ${share(rest)}, drawing ${share(draw)}.`,
    '',
    "- The first balances come from each seat's credit checkpoint (src/main/credits/checkpoints.ts): its state at the end of a day 30 days back, kept in the ledger (schema 4), plus the events since. Before checkpoints, the busiest seat's first balance read and replayed all of its 100,000 events with code V8 had not optimised yet, about 500 ms of the start; from its checkpoint it takes what the credits table's \"from its checkpoint\" row shows (there a month of events follows the checkpoint).",
    ...(ever === undefined
      ? []
      : [
          `- A ledger the app has never opened (no checkpoints yet: just generated, or restored from an old backup) replays every event once on its first start: median ${ms(ever)} ms. That first balance saves the checkpoints; an import leaves them for the next balance to save.`,
        ]),
    "- The page: React, the dashboard and the contract's schemas (zod, about 115 KB) are parsed before the first request; Recharts and the other screens load on demand.",
    "- Not on the path: the integrity check (`PRAGMA quick_check`, about 200 ms on this ledger) runs on a thread of its own at low priority while the first screen is served (src/main/db/integrity-check.ts; writes, checkpoints and the day's backup wait for it), and PDF fonts and pdfkit load with the first PDF.",
  ]
}

/** The full document for docs/benchmarks.md. */
export function markdownReport(report: Report): string {
  const { machine, ledger, credits, imports } = report
  const verdict = targetVerdict(credits.figures)
  const seatLines = ledger.seats.map(
    (s) =>
      `- ${s.name}: ${count(s.events)} events (` +
      Object.entries(s.kinds)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${count(n)} ${kind}`)
        .join(', ') +
      ')',
  )
  const parts = [
    '# Benchmarks',
    '',
    `Measured on ${report.date} with \`${report.command}\`${report.quick ? ' (a quick run: tiny sizes, two runs each; for checking the harness, not for the numbers)' : ''}.`,
    'The harness lives in `bench/` (`run.ts` is the entry); this file is its output.',
    '',
    '## Targets',
    '',
    `- ${verdict.text}`,
    `- ${speedVerdict(imports).text}`,
    `- ${memoryVerdict(imports).text}`,
    ...(report.dashboard ? [`- ${dashboardVerdict(report.dashboard)}`] : []),
    report.dashboardBig
      ? `- ${dashboardVerdict(report.dashboardBig)}`
      : '- dashboard data < 300 ms at 1,000,000 messages: not measured in this run (`npm run bench -- --big`).',
    ...(report.browser ? [`- ${browserVerdict(report.browser)}`] : []),
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${machine.os}`,
    `- Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3})`,
    loadLine(machine, report.load),
    '',
    '## Ledger',
    '',
    `Generated with seed ${ledger.seed} (the same seed gives the same ledger), one SQLite file ` +
      `opened with the app's migrations, written in one transaction through the app's store and ` +
      `services. Activity from ${ledger.from} to ${ledger.to} in ${ledger.timeZone}; ` +
      `"now" is the next day.`,
    '',
    ...seatLines,
    '',
    '## Credits: balance, statement, forecast',
    '',
    'Wall time of `Backend.invoke` (input validation, service, engine), the way the app and the ' +
      'CLI call it; engine-only rows call the engine on events already in memory.',
    '',
    figuresTable(credits.figures),
    '',
    `- Runs: ${report.runs} per figure (cold: ${report.coldRuns}); the table gives the median and the fastest–slowest.`,
    '- First call in a new process: the balance a freshly started app (or a CLI command) ' +
      'answers first: the ledger just opened, nothing cached, no code optimised by V8 yet, and ' +
      'the seat without a credit checkpoint (as on a ledger the app never opened): it reads every ' +
      'event of the seat and replays them, and saves the checkpoint. Each seat is measured in a ' +
      'process of its own.',
    '- Cold: the first balance on a newly opened ledger (opening is not timed), in a process that ' +
      'has run the other figures. "From its checkpoint": the seat\'s state at the end of a day 30 ' +
      'days back, saved in the ledger by an earlier balance (src/main/credits/checkpoints.ts), ' +
      'plus the events since; what an app opened again answers. "Every event": the checkpoint ' +
      'removed before each run, so it reads every event of the seat from SQLite and replays them. ' +
      'The database file is in the OS page cache.',
    '- Warm: later calls on the same open ledger. The seat cache (src/main/credits/cache.ts) ' +
      'keeps the events; the engine keeps its last replays per events array ' +
      '(src/main/credits/engine/memo.ts), so balance, statement and forecast share one replay.',
    '- After logging one InMail: the cache appends the new row, but the events changed, so the ' +
      'first read replays the seat again; the second read is warm.',
    '- Peak RSS: the highest resident memory of the whole process during that figure (Linux ' +
      'VmHWM, reset before each figure), so it includes what earlier figures of that seat left ' +
      'behind and garbage V8 had not collected yet. The ledger is generated in another process.',
  ]
  if (credits.kept)
    parts.push(
      `- Memory kept: once read, the seat with ${count(credits.kept.events)} events holds ` +
        `${mb(credits.kept.bytes)} MB of JS heap (its events in the cache and the replay its ` +
        'balance and statement share), measured after garbage collection.',
    )
  if (credits.coldProfile) {
    parts.push(
      '',
      `### Where a cold balance without its checkpoint spends its time (${count(credits.coldProfile.events)} events)`,
      '',
      'Self time of the busiest functions, sampled with the V8 profiler.',
      '',
      hotTable(credits.coldProfile.hot),
    )
  }
  if (credits.targetProfile) {
    parts.push(
      '',
      '### Why the target was missed',
      '',
      `Self time of the busiest functions in the warm ${target.figure}, sampled with the V8 profiler.`,
      '',
      hotTable(credits.targetProfile),
    )
  }
  if (report.dashboard)
    parts.push(
      '',
      '## Dashboard and analytics',
      '',
      `Everything the home screen loads (seats, each seat's balance, this month's and last month's funnel, the 12-week trend, who is waiting for a reply, and the follow-up agenda where the build has it), through \`Backend.invoke\` on the generated ledger (${report.dashboard.messages.toLocaleString('en-US')} opening messages), in a process of its own.`,
      '',
      messagesTable([...report.dashboard.figures, ...(report.dashboardBig?.figures ?? [])]),
      '',
      ...dashboardNotes(report.dashboard, report.dashboardBig),
    )
  if (report.browser) parts.push('', ...browserSection(report.browser))
  parts.push('', ...importSection(imports, report.command, report.quick))
  return `${parts.join('\n')}\n`
}
