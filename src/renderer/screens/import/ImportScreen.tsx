// The import wizard: choose the source, see what was inferred, correct it, import with progress,
// and undo any import later.
import { useCallback, useState } from 'react'
import type { ImportPreview } from '../../../shared/contract'
import type { CsvMappingInput } from '../../../shared/contract/csv-mapping'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'
import { PathField } from '../../components/PathField'
import { CsvMappingForm } from './CsvMappingForm'
import { ImportHistory } from './ImportHistory'
import { ImportProgress } from './ImportProgress'
import { PreviewTable, type Override } from './PreviewTable'
import { SummaryView } from './SummaryView'

type Kind = 'linkedin' | 'csv'

export function ImportScreen() {
  const seats = useQuery(() => api.seats.list({}), [])
  const [kind, setKind] = useState<Kind>('linkedin')
  const [path, setPath] = useState('')
  const [seatId, setSeatId] = useState<number | null>(null)
  const [me, setMe] = useState('')
  const [mapping, setMapping] = useState<CsvMappingInput | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [overrides, setOverrides] = useState<Record<string, Override>>({})
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [history, setHistory] = useState(0)

  // Stable, so the mapping form's effect runs when the mapping changes, not on every render.
  const onMapping = useCallback((next: CsvMappingInput | null) => {
    setMapping(next)
    setPreview(null)
  }, [])

  const seat = seatId ?? (seats.state === 'done' ? (seats.data[0]?.id ?? null) : null)
  const source = () =>
    kind === 'linkedin'
      ? { kind, path, seatId: seat ?? 0, ...(me.trim() ? { me } : {}), overrides }
      : { kind, path, seatId: seat ?? 0, mapping: mapping ?? {} }

  async function showPreview() {
    setBusy(true)
    setError(null)
    setPreview(null)
    try {
      setPreview(await api.imports.preview(source() as Parameters<typeof api.imports.preview>[0]))
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setBusy(false)
    }
  }

  async function start() {
    setError(null)
    try {
      setJobId((await api.imports.start(source() as Parameters<typeof api.imports.start>[0])).jobId)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  const reset = () => {
    setPreview(null)
    setJobId(null)
    setOverrides({})
  }

  return (
    <>
      <header className="page-header">
        <h1>Import</h1>
        <p className="subtitle">
          Bring in your history. Nothing is written until you have seen what was found, and any
          import can be undone.
        </p>
      </header>
      <section className="card" aria-labelledby="source-heading">
        <h2 id="source-heading">1. What to import</h2>
        <div className="segmented" role="radiogroup" aria-label="Source">
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'linkedin'}
              onChange={() => (setKind('linkedin'), reset())}
            />
            LinkedIn data export
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'csv'}
              onChange={() => (setKind('csv'), reset())}
            />
            A spreadsheet (CSV)
          </label>
        </div>
        <p className="hint">
          {kind === 'linkedin'
            ? 'LinkedIn → Settings → Data privacy → Get a copy of your data. Unzip it and give the folder (or its messages.csv).'
            : 'Save the sheet as CSV (UTF-8, Windows or UTF-16 all work; comma, semicolon or tab).'}
        </p>
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Import source">
          <PathField
            id="import-path"
            label={kind === 'linkedin' ? 'Export folder or messages.csv' : 'CSV file'}
            value={path}
            onChange={(next) => (setPath(next), reset())}
            {...(kind === 'linkedin'
              ? { file: 'linkedin-export', folder: 'linkedin-export' }
              : { file: 'csv' })}
            placeholder={
              kind === 'linkedin'
                ? '/home/you/Downloads/Basic_LinkedInDataExport'
                : '/home/you/outreach.csv'
            }
          />
          <label htmlFor="import-seat">Into seat</label>
          <select
            id="import-seat"
            value={seat ?? ''}
            onChange={(e) => (setSeatId(Number(e.target.value)), reset())}
          >
            {seats.state === 'done' &&
              seats.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
          {kind === 'linkedin' && (
            <>
              <label htmlFor="import-me">Your profile URL (optional)</label>
              <input
                id="import-me"
                value={me}
                onChange={(e) => (setMe(e.target.value), reset())}
                placeholder="Found automatically: the most frequent sender"
              />
            </>
          )}
        </form>
        {kind === 'csv' && path.trim() !== '' && (
          <CsvMappingForm path={path} onMapping={onMapping} />
        )}
        {error && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            disabled={
              busy || path.trim() === '' || seat === null || (kind === 'csv' && mapping === null)
            }
            onClick={() => void showPreview()}
          >
            {busy ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </section>

      {preview && !jobId && (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">2. What was found</h2>
          {preview.me && (
            <p>
              You are <strong>{preview.me.profileUrl}</strong>
              {preview.me.detected
                ? ' (found as the most frequent sender; set it above if that is wrong).'
                : '.'}
            </p>
          )}
          <SummaryView summary={preview.summary} dryRun />
          <PreviewTable
            rows={preview.rows}
            total={preview.totalRows}
            overrides={overrides}
            editable={kind === 'linkedin'}
            onOverride={(key, value) => setOverrides((o) => ({ ...o, [key]: value }))}
          />
          <div className="dialog-actions">
            {kind === 'linkedin' && Object.keys(overrides).length > 0 && (
              <button type="button" className="button" onClick={() => void showPreview()}>
                Update preview
              </button>
            )}
            <button type="button" className="button primary" onClick={() => void start()}>
              Import
            </button>
          </div>
        </section>
      )}

      {jobId && (
        <ImportProgress
          jobId={jobId}
          onFinished={() => setHistory((h) => h + 1)}
          onAgain={() => {
            reset()
            setPath('')
          }}
        />
      )}
      <ImportHistory version={history} />
    </>
  )
}
