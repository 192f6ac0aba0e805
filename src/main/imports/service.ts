// Imports as the user drives them: preview, a cancellable job with progress, the list, undo.
// Previews and imports run on the import thread (thread.ts).
import { randomUUID } from 'node:crypto'
import { AppError } from '../../shared/contract/errors'
import type {
  ImportJob,
  ImportPreview,
  ImportRecord,
  ImportSummary,
} from '../../shared/contract/imports'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'
import type { ImportSource } from './read'
import type { ImportWritten } from './task'
import { startImportThread, type ImportThread } from './thread'

export async function previewImport(ledger: Ledger, source: ImportSource): Promise<ImportPreview> {
  getSeat(ledger, source.seatId)
  return startImportThread(ledger, 'preview', source).result
}

/** Runs an import without a job, as the CLI does; `dryRun` writes nothing. */
export async function runImport(
  ledger: Ledger,
  source: ImportSource,
  options: { dryRun?: boolean } = {},
): Promise<ImportWritten> {
  getSeat(ledger, source.seatId)
  return startImportThread(ledger, options.dryRun ? 'dry-run' : 'write', source).result
}

interface Job {
  state: ImportJob
  thread: ImportThread<'write'>
}

/** Import jobs of this process: reading runs in the background, writing in one transaction. */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  start(ledger: Ledger, source: ImportSource): { jobId: string } {
    const seat = getSeat(ledger, source.seatId)
    if (seat.archivedAt)
      throw new AppError(
        'SEAT_ARCHIVED',
        `${seat.name} is archived. Restore it in Settings before importing into it.`,
      )
    const jobId = randomUUID()
    const thread = startImportThread(ledger, 'write', source, {
      onProgress: (p) => {
        if (job.state.state === 'reading') job.state = { state: 'reading', ...p }
      },
      onWriting: (rows) => {
        if (job.state.state === 'reading')
          job.state = { state: 'writing', rows, bytes: 0, totalBytes: 0 }
      },
    })
    const job: Job = { state: { state: 'reading', rows: 0, bytes: 0, totalBytes: 0 }, thread }
    this.jobs.set(jobId, job)
    void this.finish(job)
    return { jobId }
  }

  private async finish(job: Job): Promise<void> {
    const rows = () => ('rows' in job.state ? job.state.rows : 0)
    try {
      const written = await job.thread.result
      job.state = {
        state: 'done',
        rows: rows(),
        importId: written.importId,
        summary: written.summary,
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError')
        job.state = { state: 'cancelled', rows: rows() }
      else if (error instanceof AppError)
        job.state = {
          state: 'failed',
          rows: rows(),
          error: { code: error.code, message: error.message },
        }
      else {
        console.error('[outreach-ledger] import failed:', error)
        job.state = {
          state: 'failed',
          rows: rows(),
          error: { code: 'INTERNAL', message: 'The import failed; nothing was written.' },
        }
      }
    }
  }

  progress(jobId: string): ImportJob {
    const job = this.jobs.get(jobId)
    if (!job)
      throw new AppError('NOT_FOUND', 'That import is not running (the app may have restarted).')
    return job.state
  }

  /** Stops a job that is still reading; nothing of it is written. A finished job stays finished. */
  cancel(jobId: string): ImportJob {
    const job = this.jobs.get(jobId)
    if (!job)
      throw new AppError('NOT_FOUND', 'That import is not running (the app may have restarted).')
    if (job.state.state === 'reading' && job.thread.cancel())
      job.state = { state: 'cancelled', rows: job.state.rows }
    return job.state
  }
}

interface ImportRow {
  id: number
  kind: 'linkedin' | 'csv'
  source: string
  seat: string | null
  created_at: string
  undone_at: string | null
  summary: string
}

const recordSql = `SELECT i.id, i.kind, i.source, s.name AS seat, i.created_at, i.undone_at, i.summary
  FROM imports i LEFT JOIN seats s ON s.id = i.seat_id`

function toRecord(row: ImportRow): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    seat: row.seat,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
    summary: JSON.parse(row.summary) as ImportSummary,
  }
}

export function listImports(ledger: Ledger): ImportRecord[] {
  return (ledger.db.prepare(`${recordSql} ORDER BY i.id DESC`).all() as ImportRow[]).map(toRecord)
}

/**
 * A response (or an accepted request) the import brought may have stopped someone's follow-ups,
 * and a calendar was told they were cancelled. Undone, the steps are due again: their revision
 * rises so the re-exported events outrank that cancellation (see sequences/calendar.ts).
 */
function raiseCalendarRevisions(ledger: Ledger, importId: number): void {
  ledger.db
    .prepare(
      `UPDATE enrolment_steps SET revision = revision + 1
       WHERE state = 'pending' AND enrolment_id IN (
         SELECT n.id FROM enrolments n
         WHERE n.contact_id IN (
           SELECT coalesce(c.merged_into, c.id) FROM ledger_events e
           JOIN contacts c ON c.id = e.contact_id
           WHERE e.import_id = ?))`,
    )
    .run(importId)
}

/** Undoes an import as a whole: its events stay in the file but no longer count. */
export function undoImport(
  ledger: Ledger,
  importId: number,
  afterUndo: (seatId: number | null) => void,
): ImportRecord {
  const row = ledger.db.prepare(`${recordSql} WHERE i.id = ?`).get(importId) as
    ImportRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `There is no import #${importId}.`)
  if (row.undone_at)
    throw new AppError(
      'VALIDATION_FAILED',
      `Import #${importId} was already undone on ${row.undone_at}.`,
    )
  ledger.db.transaction(() => {
    ledger.db
      .prepare('UPDATE imports SET undone_at = ? WHERE id = ?')
      .run(ledger.now().toISOString(), importId)
    raiseCalendarRevisions(ledger, importId)
  })()
  const { seat_id: seatId } = ledger.db
    .prepare('SELECT seat_id FROM imports WHERE id = ?')
    .get(importId) as { seat_id: number | null }
  afterUndo(seatId)
  return toRecord(ledger.db.prepare(`${recordSql} WHERE i.id = ?`).get(importId) as ImportRow)
}
