// The dashboard suite: everything the home screen asks for (seats and their balances, this
// month's and last month's funnel, the 12-week trend, and who is waiting for a reply), through
// Backend.invoke on the generated ledger, in a process of its own (`tsx bench/dashboard.ts
// '<DashboardRun as JSON>'`).
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { Backend } from '../src/main/backend'
import type { Figure } from './credits'
import { inFreshProcess, measure } from './measure'

/** The target: all dashboard data in under 50 ms at 100k messages. */
export const dashboardTarget = { messages: 100_000, ms: 50 }

export interface DashboardResult {
  /** Opening messages in the ledger (InMails and other messages, follow-ups not counted). */
  messages: number
  figures: Figure[]
}

interface DashboardRun {
  dbPath: string
  now: string
  runs: number
}

function monthStart(day: string, back: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10)
}

async function call(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const envelope = await backend.invoke(channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.result
}

/** What the dashboard loads, as the renderer asks for it. */
async function dashboardData(backend: Backend, today: string): Promise<void> {
  const seats = (await call(backend, 'seats.list', {})) as { id: number }[]
  const thisMonth = monthStart(today, 0)
  const lastMonthEnd = new Date(Date.parse(`${thisMonth}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10)
  await Promise.all([
    ...seats.map((s) => call(backend, 'credits.balance', { seatId: s.id })),
    call(backend, 'analytics.metrics', { from: thisMonth, to: today }),
    call(backend, 'analytics.metrics', { from: monthStart(today, 1), to: lastMonthEnd }),
    call(backend, 'analytics.trend', { weeks: 12, to: today }),
    call(backend, 'outreach.list', {
      status: 'awaiting',
      limit: 5,
      sort: 'sentAt',
      direction: 'asc',
    }),
  ])
}

async function measureDashboard(run: DashboardRun): Promise<Figure[]> {
  const now = new Date(run.now)
  const today = run.now.slice(0, 10)
  const messages = countMessages(run.dbPath)
  const backend = await Backend.open({ dbPath: run.dbPath, now: () => now })
  try {
    const figures: Figure[] = []
    figures.push({
      name: 'dashboard data, first call after opening',
      events: messages,
      timing: await measure(() => dashboardData(backend, today), { runs: 1 }),
    })
    figures.push({
      name: 'dashboard data, warm',
      events: messages,
      timing: await measure(() => dashboardData(backend, today), { runs: run.runs }),
    })
    figures.push({
      name: 'analytics: a year by template',
      events: messages,
      timing: await measure(
        () =>
          call(backend, 'analytics.metrics', {
            from: monthStart(today, 11),
            to: today,
            by: 'template',
          }),
        { runs: run.runs },
      ),
    })
    return figures
  } finally {
    backend.close()
  }
}

function countMessages(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true })
  try {
    return (
      db
        .prepare(
          "SELECT count(*) AS n FROM ledger_events WHERE kind IN ('inmail-sent', 'message-sent') AND followup_of IS NULL",
        )
        .get() as { n: number }
    ).n
  } finally {
    db.close()
  }
}

export async function runDashboardSuite(options: {
  dbPath: string
  now: Date
  runs: number
}): Promise<DashboardResult> {
  const run: DashboardRun = {
    dbPath: options.dbPath,
    now: options.now.toISOString(),
    runs: options.runs,
  }
  const figures = JSON.parse(
    await inFreshProcess(fileURLToPath(import.meta.url), [JSON.stringify(run)]),
  ) as Figure[]
  return { messages: countMessages(options.dbPath), figures }
}

/** The target line for docs/benchmarks.md. */
export function dashboardVerdict(result: DashboardResult): string {
  const warm = result.figures.find((f) => f.name === 'dashboard data, warm')
  if (!warm) return 'dashboard data: not measured'
  const at = result.messages.toLocaleString('en-US')
  const met = warm.timing.median < dashboardTarget.ms
  const size =
    result.messages < dashboardTarget.messages
      ? ` (the generated ledger's ${at} opening messages, the rest of its events being responses, meetings and purchases)`
      : ''
  return `dashboard data < ${dashboardTarget.ms} ms at ${dashboardTarget.messages.toLocaleString('en-US')} messages (warm, median): **${met ? 'met' : 'not met'}**, median ${warm.timing.median.toFixed(1)} ms at ${at} messages${size}.`
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  measureDashboard(JSON.parse(process.argv[2] ?? '') as DashboardRun).then(
    (figures) => process.stdout.write(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
