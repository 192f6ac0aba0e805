// Reports: choose a month (or any period) and a scope (every seat, one seat, one role, or all of a
// client's roles), see the report as it will print, and export it as PDF, CSV or JSON.
import { useState } from 'react'
import type { ErrorInfo } from '../../../shared/contract/errors'
import type { PaperSize, ReportExport, ReportFormat } from '../../../shared/contract'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { localToday } from '../../components/FormDialog'
import { ErrorNotice, Loading } from '../../components/Notices'
import { SavedPath } from '../../components/PathField'
import { RecentExports } from './RecentExports'
import { ReportPreview } from './ReportPreview'
import './reports.css'

type Scope = { seatId?: number; role?: string; client?: string }

function scopeOf(value: string): Scope {
  if (value.startsWith('seat:')) return { seatId: Number(value.slice(5)) }
  if (value.startsWith('role:')) return { role: value.slice(5) }
  if (value.startsWith('client:')) return { client: value.slice(7) }
  return {}
}

/** A monthly period: its first and last day. */
function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

export function ReportsScreen() {
  const changes = useLedgerVersion()
  const [mode, setMode] = useState<'month' | 'range'>('month')
  const [month, setMonth] = useState(localToday().slice(0, 7))
  const [range, setRange] = useState(() => monthRange(localToday().slice(0, 7)))
  const [scope, setScope] = useState('all')
  const [paper, setPaper] = useState<PaperSize>('a4')
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  // The last export, with the request it was made for: "Saved …" speaks of that report only.
  const [exported, setSaved] = useState<{ done: ReportExport; key: string } | null>(null)

  const period = mode === 'month' ? monthRange(month) : range
  const request = { ...period, ...scopeOf(scope) }
  const key = JSON.stringify(request)
  const seats = useQuery(() => api.seats.list({ includeArchived: true }), [])
  const roles = useQuery(() => api.roles.list({}), [])
  const report = useQuery(() => api.reports.build(request), [key, changes])
  const recent = useQuery(() => api.reports.recent({}), [exported])
  const saved = exported?.key === key ? exported.done : null
  const clients =
    roles.state === 'done'
      ? [...new Set(roles.data.flatMap((r) => (r.client?.trim() ? [r.client.trim()] : [])))].sort(
          (a, b) => a.localeCompare(b),
        )
      : []

  async function exportAs(format: ReportFormat) {
    setError(null)
    setSaved(null)
    setBusy(format)
    try {
      setSaved({ done: await api.reports.export({ ...request, format, paper }), key })
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <header className="page-header">
        <h1>Reports</h1>
        <p className="subtitle">
          A month of credits and outreach, for yourself, a client or your accountant: as PDF to hand
          over, CSV for a spreadsheet, or JSON.
        </p>
      </header>
      <section className="card report-controls" aria-label="Report period and export">
        <form
          className="filters"
          aria-label="Period and scope"
          onSubmit={(e) => e.preventDefault()}
        >
          <label>
            Period
            <select
              aria-label="Period"
              value={mode}
              onChange={(e) => setMode(e.target.value as 'month' | 'range')}
            >
              <option value="month">A calendar month</option>
              <option value="range">Any range</option>
            </select>
          </label>
          {mode === 'month' ? (
            <label>
              Month
              <input
                aria-label="Month"
                type="month"
                value={month}
                onChange={(e) => e.target.value && setMonth(e.target.value)}
              />
            </label>
          ) : (
            <>
              <label>
                From
                <input
                  aria-label="From"
                  type="date"
                  value={range.from}
                  onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
                />
              </label>
              <label>
                To
                <input
                  aria-label="To"
                  type="date"
                  value={range.to}
                  onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
                />
              </label>
            </>
          )}
          <label>
            For
            <select aria-label="For" value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="all">All seats</option>
              {seats.state === 'done' && seats.data.length > 0 && (
                <optgroup label="One seat">
                  {seats.data.map((s) => (
                    <option key={s.id} value={`seat:${s.id}`}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {roles.state === 'done' && roles.data.length > 0 && (
                <optgroup label="One role (a client)">
                  {roles.data.map((r) => (
                    <option key={r.id} value={`role:${r.name}`}>
                      {r.client ? `${r.name} (${r.client})` : r.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {clients.length > 0 && (
                <optgroup label="One client (all its roles)">
                  {clients.map((c) => (
                    <option key={c} value={`client:${c}`}>
                      {c}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <label>
            Paper
            <select
              aria-label="Paper"
              value={paper}
              onChange={(e) => setPaper(e.target.value as PaperSize)}
            >
              <option value="a4">A4</option>
              <option value="letter">US Letter</option>
            </select>
          </label>
        </form>
        <div className="toolbar" role="group" aria-label="Export">
          <button
            type="button"
            className="button primary"
            disabled={busy !== null}
            onClick={() => void exportAs('pdf')}
          >
            {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void exportAs('csv')}
          >
            {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void exportAs('json')}
          >
            {busy === 'json' ? 'Exporting…' : 'Export JSON'}
          </button>
        </div>
        {error && <ErrorNotice error={error} />}
        {saved && (
          <p className="notice success" role="status">
            Saved {saved.format === 'csv' ? `${saved.files.length} CSV files to` : 'to'}{' '}
            <SavedPath path={saved.path} />
          </p>
        )}
      </section>
      {report.state === 'loading' && <Loading what="the report" />}
      {report.state === 'error' && <ErrorNotice error={report.error} />}
      {report.state === 'done' && <ReportPreview report={report.data} />}
      <section className="card" aria-labelledby="recent-exports-heading">
        <div className="section-header">
          <h2 id="recent-exports-heading">Recent exports</h2>
        </div>
        {recent.state === 'done' && <RecentExports exports={recent.data} />}
        {recent.state === 'error' && <ErrorNotice error={recent.error} />}
      </section>
    </>
  )
}
