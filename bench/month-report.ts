// The month report suite: a month's report of the generated ledger (every seat) as JSON (the
// model, reports.build) and as PDF and CSV files (reports.export), through Backend.invoke, in a
// process of its own (`tsx bench/month-report.ts '<MonthReportRun as JSON>'`).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { Backend } from '../src/main/backend'
import type { Figure } from './credits'
import { inFreshProcess, measure } from './measure'
import { figuresTable } from './report'

/** The targets: at 100k messages, the JSON under 100 ms and the PDF under 1 s. */
export const monthReportTargets = { messages: 100_000, jsonMs: 100, pdfMs: 1000 }

export interface MonthReportResult {
  /** Opening messages in the ledger (follow-ups not counted). */
  messages: number
  month: { from: string; to: string }
  /** Messages sent in the month (every seat). */
  monthMessages: number
  figures: Figure[]
}

interface MonthReportRun {
  dbPath: string
  now: string
  runs: number
  month: { from: string; to: string }
}

async function call(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const envelope = await backend.invoke(channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.result
}

async function measureMonthReport(run: MonthReportRun): Promise<Figure[]> {
  const now = new Date(run.now)
  const messages = countMessages(run.dbPath).all
  const out = mkdtempSync(join(tmpdir(), 'outreach-ledger-bench-report-'))
  const backend = await Backend.open({ dbPath: run.dbPath, now: () => now })
  // Reports never overwrite a file, so each run writes to a name of its own.
  let exported = 0
  const exportAs = (format: 'pdf' | 'csv') => () =>
    call(backend, 'reports.export', {
      ...run.month,
      format,
      out: join(out, `report-${++exported}${format === 'pdf' ? '.pdf' : ''}`),
    })
  try {
    const figures: Figure[] = []
    const add = async (name: string, task: () => unknown, runs: number) =>
      figures.push({ name, events: messages, timing: await measure(task, { runs }) })
    await add(
      'month report JSON, first call after opening',
      () => call(backend, 'reports.build', run.month),
      1,
    )
    await add('month report JSON, warm', () => call(backend, 'reports.build', run.month), run.runs)
    // The first PDF also reads and parses the font (once per process).
    await add('month report PDF, first', exportAs('pdf'), 1)
    await add('month report PDF, warm', exportAs('pdf'), run.runs)
    await add('month report CSV (4 files), warm', exportAs('csv'), Math.min(run.runs, 7))
    return figures
  } finally {
    backend.close()
    rmSync(out, { recursive: true, force: true })
  }
}

function countMessages(dbPath: string, month?: { from: string; to: string }) {
  const db = new Database(dbPath, { readonly: true })
  try {
    const opening = "kind IN ('inmail-sent', 'message-sent') AND followup_of IS NULL"
    const all = (
      db.prepare(`SELECT count(*) AS n FROM ledger_events WHERE ${opening}`).get() as { n: number }
    ).n
    const inMonth = month
      ? (
          db
            .prepare(
              `SELECT count(*) AS n FROM ledger_events WHERE ${opening} AND substr(at, 1, 10) BETWEEN ? AND ?`,
            )
            .get(month.from, month.to) as { n: number }
        ).n
      : 0
    return { all, inMonth }
  } finally {
    db.close()
  }
}

export async function runMonthReportSuite(options: {
  dbPath: string
  now: Date
  runs: number
  month: { from: string; to: string }
}): Promise<MonthReportResult> {
  const run: MonthReportRun = {
    dbPath: options.dbPath,
    now: options.now.toISOString(),
    runs: options.runs,
    month: options.month,
  }
  const figures = JSON.parse(
    await inFreshProcess(fileURLToPath(import.meta.url), [JSON.stringify(run)]),
  ) as Figure[]
  const counted = countMessages(options.dbPath, options.month)
  return { messages: counted.all, month: options.month, monthMessages: counted.inMonth, figures }
}

/** The target lines, for the terminal and docs/benchmarks.md. */
export function monthReportVerdict(result: MonthReportResult): string[] {
  const at = result.messages.toLocaleString('en-US')
  const size =
    result.messages < monthReportTargets.messages
      ? ` (the generated ledger's ${at} opening messages)`
      : ''
  return (
    [
      ['month report JSON, warm', monthReportTargets.jsonMs, 'JSON'],
      ['month report PDF, warm', monthReportTargets.pdfMs, 'PDF'],
    ] as const
  ).map(([name, ms, what]) => {
    const figure = result.figures.find((f) => f.name === name)
    if (!figure) return `month report ${what}: not measured`
    const goal = `month report ${what} < ${ms.toLocaleString('en-US')} ms at ${monthReportTargets.messages.toLocaleString('en-US')} messages (warm, median)`
    // The full run's ledger holds about 92,000 opening messages; a quick run's is too small to judge.
    if (result.messages < monthReportTargets.messages / 2)
      return `${goal}: not judged, median ${figure.timing.median.toFixed(1)} ms at only ${at} messages (a quick run).`
    const met = figure.timing.median < ms
    return `month report ${what} < ${ms.toLocaleString('en-US')} ms at ${monthReportTargets.messages.toLocaleString('en-US')} messages (warm, median): **${met ? 'met' : 'not met'}**, median ${figure.timing.median.toFixed(1)} ms at ${at} messages${size}.`
  })
}

/** The section for docs/benchmarks.md. */
export function monthReportMarkdown(result: MonthReportResult): string {
  return [
    '',
    '## Month report',
    '',
    `The report of ${result.month.from} to ${result.month.to} for every seat (${result.monthMessages.toLocaleString('en-US')} messages sent that month, ${result.messages.toLocaleString('en-US')} in the ledger), through \`Backend.invoke\`, in a process of its own: the JSON model (\`reports.build\`), and the PDF and the four CSV files written by \`reports.export\`.`,
    '',
    ...monthReportVerdict(result).map((line) => `- ${line}`),
    '',
    figuresTable(result.figures).replace('| Events', '| Messages'),
    '',
  ].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  measureMonthReport(JSON.parse(process.argv[2] ?? '') as MonthReportRun).then(
    (figures) => process.stdout.write(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
