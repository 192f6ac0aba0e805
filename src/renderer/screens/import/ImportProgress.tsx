// A running import: a progress bar with counts, Cancel while reading, and the result.
import { useEffect, useState } from 'react'
import type { ImportJob } from '../../../shared/contract'
import { api } from '../../api/client'
import { ledgerChanged } from '../../api/changes'
import { ErrorNotice } from '../../components/Notices'
import { EnrolDialog } from '../sequences/EnrolDialog'
import { SummaryView } from './SummaryView'

export function ImportProgress({
  jobId,
  onFinished,
  onAgain,
}: {
  jobId: string
  onFinished: () => void
  onAgain: () => void
}) {
  const [job, setJob] = useState<ImportJob>({ state: 'reading', rows: 0, bytes: 0, totalBytes: 0 })
  const [enrolled, setEnrolled] = useState<string | null>(null)

  useEffect(() => {
    let stopped = false
    const poll = async () => {
      while (!stopped) {
        const next = await api.imports.progress({ jobId })
        setJob(next)
        if (next.state !== 'reading' && next.state !== 'writing') {
          if (next.state === 'done') ledgerChanged()
          onFinished()
          return
        }
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    void poll()
    return () => {
      stopped = true
    }
  }, [jobId, onFinished])

  const running = job.state === 'reading' || job.state === 'writing'
  const share =
    job.state === 'reading' && job.totalBytes > 0
      ? job.bytes / job.totalBytes
      : job.state === 'writing'
        ? 1
        : 0
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">3. Importing</h2>
      {running && (
        <>
          <progress max={1} value={share} aria-label="Import progress" />
          <p role="status">
            {job.state === 'reading'
              ? `Reading… ${job.rows.toLocaleString()} rows`
              : 'Writing to the ledger…'}
          </p>
          {job.state === 'reading' && (
            <button
              type="button"
              className="button"
              onClick={() => void api.imports.cancel({ jobId }).then(setJob)}
            >
              Cancel
            </button>
          )}
        </>
      )}
      {job.state === 'done' && (
        <>
          <p className="notice success" role="status">
            {job.importId === null
              ? 'Everything in this file was already in the ledger.'
              : `Import #${job.importId} is done.`}
          </p>
          <SummaryView summary={job.summary} />
          {job.importId !== null && (
            <EnrolDialog
              importId={job.importId}
              onEnrolled={(result) =>
                setEnrolled(`Enrolled ${result.enrolmentIds.length}. ${result.credits.message}`)
              }
              trigger={
                <button type="button" className="button">
                  Enrol the people who have not answered
                </button>
              }
            />
          )}
          {enrolled && (
            <p className="notice success" role="status">
              {enrolled}
            </p>
          )}
        </>
      )}
      {job.state === 'cancelled' && (
        <p className="notice" role="status">
          Cancelled. Nothing was written.
        </p>
      )}
      {job.state === 'failed' && (
        <ErrorNotice error={{ code: 'INTERNAL', message: job.error.message }} />
      )}
      {!running && (
        <button type="button" className="button" onClick={onAgain}>
          Import another file
        </button>
      )}
    </section>
  )
}
