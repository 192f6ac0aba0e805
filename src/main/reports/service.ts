// Reports: build the model, export it (PDF, one CSV per table, or JSON) to a file or folder, and
// remember the last exports (in the settings table: a short list, no schema change needed).
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type {
  Report,
  ReportExport,
  ReportFormat,
  reports as reportsContract,
} from '../../shared/contract/reports'
import type { Ledger } from '../ledger'
import { csvText, reportTables } from './csv'
import { gatherReport, outreachRows } from './gather'
import { isWholeMonth } from './period'

type Input<K extends keyof typeof reportsContract> = z.output<(typeof reportsContract)[K]['input']>

const recentKey = 'reports.recent'
const keepRecent = 20

export function reportFor(ledger: Ledger, input: Input<'build'>): Report {
  return gatherReport(ledger, input)
}

/** "outreach-report-2026-11", "outreach-report-2026-11-03_2026-11-19-acme-backend". */
export function defaultName(report: Report): string {
  const { from, to } = report.period
  const period = isWholeMonth(from, to) ? from.slice(0, 7) : `${from}_${to}`
  const scope =
    report.scope.kind === 'all'
      ? ''
      : `-${report.scope.label
          .normalize('NFKD')
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase()
          .slice(0, 40)}`
  return `outreach-report-${period}${scope}`
}

function refuseWrite(path: string, error: unknown): never {
  if (error instanceof AppError) throw error
  const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder',
    ENOTDIR: 'part of the path is a file, not a folder',
  }
  throw new AppError(
    'EXPORT_FAILED',
    `Could not write ${path} (${words[reason] ?? reason}). Choose another place to save the report.`,
  )
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Writes the files whole or not at all, and never over anything: each goes to a `.partial` file
 * first, and is renamed into place only when every one is written (as data export does).
 */
function writeAll(files: readonly { path: string; data: string | Buffer }[]): void {
  const taken = files.find((f) => existsSync(f.path))
  if (taken)
    throw new AppError(
      'EXPORT_FAILED',
      isFolder(taken.path)
        ? `${taken.path} is a folder. Give a file name for the report, like ${join(taken.path, 'report.pdf')}.`
        : `A file already exists at ${taken.path}. Choose a new name or folder so nothing is overwritten.`,
    )
  const partials: string[] = []
  let current = files[0]?.path ?? ''
  try {
    for (const f of files) {
      current = f.path
      mkdirSync(dirname(f.path), { recursive: true })
      const partial = `${f.path}.partial`
      partials.push(partial)
      writeFileSync(partial, f.data, { flag: 'w' })
    }
    files.forEach((f, i) => {
      current = f.path
      renameSync(partials[i]!, f.path)
    })
  } catch (error) {
    for (const partial of partials) rmSync(partial, { force: true })
    refuseWrite(current, error)
  }
}

/** "name.pdf", else the first free of "name (2).pdf", "name (3).pdf"… */
export function freeName(folder: string, name: string, extension: string): string {
  for (let n = 1; ; n++) {
    const path = join(folder, `${name}${n === 1 ? '' : ` (${n})`}${extension}`)
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path
  }
}

async function write(
  ledger: Ledger,
  report: Report,
  format: ReportFormat,
  out: string,
  paper: Input<'export'>['paper'],
): Promise<string[]> {
  if (format === 'json') {
    writeAll([{ path: out, data: `${JSON.stringify(report, null, 2)}\n` }])
    return [out]
  }
  if (format === 'pdf') {
    // pdfkit and fontkit load on the first PDF, not at start (about 100 ms of browser mode's start).
    const { reportPdf } = await import('./pdf')
    writeAll([{ path: out, data: await reportPdf(report, paper) }])
    return [out]
  }
  if (existsSync(out) && !isFolder(out))
    throw new AppError(
      'EXPORT_FAILED',
      `${out} is a file. CSV export writes one file per table: give a folder.`,
    )
  const files = reportTables(report, outreachRows(ledger, report)).map((table) => ({
    path: join(out, table.name),
    data: csvText(table),
  }))
  writeAll(files)
  return files.map((f) => f.path)
}

export function recentExports(ledger: Ledger): ReportExport[] {
  const row = ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(recentKey) as
    { value: string } | undefined
  if (!row) return []
  try {
    const list = JSON.parse(row.value) as unknown
    return Array.isArray(list) ? (list as ReportExport[]) : []
  } catch {
    return []
  }
}

function remember(ledger: Ledger, done: ReportExport): void {
  const list = [done, ...recentExports(ledger)].slice(0, keepRecent)
  ledger.db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(recentKey, JSON.stringify(list))
}

export async function exportReport(ledger: Ledger, input: Input<'export'>): Promise<ReportExport> {
  const report = gatherReport(ledger, input)
  const extension = input.format === 'csv' ? '' : `.${input.format}`
  // A name the user gave is theirs: never written over. The default one takes the next free
  // "(2)", so exporting a month twice keeps both files.
  const out =
    input.out !== undefined
      ? resolve(input.out)
      : freeName(join(ledger.paths.dataDir, 'reports'), defaultName(report), extension)
  const files = await write(ledger, report, input.format, out, input.paper)
  const done: ReportExport = {
    at: ledger.now().toISOString(),
    format: input.format,
    path: out,
    files,
    from: report.period.from,
    to: report.period.to,
    scope: report.scope.label,
  }
  remember(ledger, done)
  return done
}
