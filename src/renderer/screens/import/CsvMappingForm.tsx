// Which spreadsheet column holds what, chosen against a preview of the file's first rows.
import { useEffect, useState } from 'react'
import type { CsvPreview } from '../../../shared/contract'
import {
  dateFormats,
  mappedFields,
  type CsvMappingInput,
  type MappedField,
} from '../../../shared/contract/csv-mapping'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'

const fieldLabel: Record<MappedField, string> = {
  profileUrl: 'LinkedIn profile URL',
  name: 'Name',
  sentAt: 'Date sent (required)',
  channel: 'Channel',
  openProfile: 'Open Profile (yes/no)',
  subject: 'Subject',
  template: 'Template',
  role: 'Role',
  repliedAt: 'Date replied',
  replyKind: 'Reply kind',
  sentiment: 'Sentiment',
  meetingAt: 'Meeting date',
}

/** A first guess: a header whose name looks like the field. */
function guess(field: MappedField, headers: string[]): string | undefined {
  const patterns: Record<MappedField, RegExp> = {
    profileUrl: /profile|url|linkedin/i,
    name: /^(full )?name$|candidate|person/i,
    sentAt: /sent|date/i,
    channel: /channel|type/i,
    openProfile: /open ?profile/i,
    subject: /subject/i,
    template: /template/i,
    role: /role|job|position/i,
    repliedAt: /repl(y|ied)/i,
    replyKind: /kind|outcome/i,
    sentiment: /sentiment|interest/i,
    meetingAt: /meeting|call/i,
  }
  return headers.find((h) => patterns[field].test(h))
}

export function CsvMappingForm({
  path,
  onMapping,
}: {
  path: string
  onMapping: (m: CsvMappingInput | null) => void
}) {
  const [preview, setPreview] = useState<CsvPreview | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [columns, setColumns] = useState<Partial<Record<MappedField, string>>>({})
  const [dateFormat, setDateFormat] = useState<string>('')
  const [defaultChannel, setDefaultChannel] = useState<'inmail' | 'message' | 'email'>('inmail')

  const read = async () => {
    setError(null)
    setPreview(null)
    try {
      const p = await api.imports.previewCsv({ path })
      setPreview(p)
      const guessed: Partial<Record<MappedField, string>> = {}
      for (const field of mappedFields) {
        const header = guess(field, p.headers)
        if (header && !Object.values(guessed).includes(header)) guessed[field] = header
      }
      setColumns(guessed)
      setDateFormat((guessed.sentAt && p.dateFormats[guessed.sentAt]?.[0]) ?? '')
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  useEffect(() => {
    const mapped = Object.fromEntries(Object.entries(columns).filter(([, v]) => v))
    onMapping(
      preview && columns.sentAt && dateFormat
        ? ({ columns: mapped, dateFormat, defaultChannel } as CsvMappingInput)
        : null,
    )
  }, [columns, dateFormat, defaultChannel, preview, onMapping])

  const candidates = preview && columns.sentAt ? (preview.dateFormats[columns.sentAt] ?? []) : []
  return (
    <div className="csv-mapping">
      <button type="button" className="button" onClick={() => void read()}>
        Read the file
      </button>
      {error && <ErrorNotice error={error} />}
      {preview === null && !error && (
        <p className="hint">Read the file to choose which column holds what.</p>
      )}
      {preview && (
        <>
          <p className="muted">
            {preview.encoding}, separated by{' '}
            {preview.delimiter === '\t' ? 'tabs' : `"${preview.delimiter}"`},{' '}
            {preview.headers.length} columns.
            {preview.headerNotes.length > 0 && ` ${preview.headerNotes.join(' ')}`}
          </p>
          <div className="mapping-grid" role="group" aria-label="Column mapping">
            {mappedFields.map((field) => (
              <div key={field}>
                <label htmlFor={`map-${field}`}>{fieldLabel[field]}</label>
                <select
                  id={`map-${field}`}
                  value={columns[field] ?? ''}
                  onChange={(e) => setColumns({ ...columns, [field]: e.target.value || undefined })}
                >
                  <option value="">—</option>
                  {preview.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div>
              <label htmlFor="map-date-format">Date format</label>
              <select
                id="map-date-format"
                value={dateFormat}
                onChange={(e) => setDateFormat(e.target.value)}
              >
                <option value="">Choose…</option>
                {dateFormats.map((f) => (
                  <option key={f} value={f}>
                    {f}
                    {candidates.includes(f) ? ' ✓ fits the column' : ''}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="map-default-channel">Channel when the sheet does not say</label>
              <select
                id="map-default-channel"
                value={defaultChannel}
                onChange={(e) => setDefaultChannel(e.target.value as typeof defaultChannel)}
              >
                <option value="inmail">InMail</option>
                <option value="message">Message</option>
                <option value="email">Email</option>
              </select>
            </div>
          </div>
          {candidates.length > 1 && (
            <p className="hint">
              Several date formats fit the dates seen so far ({candidates.join(', ')}); check that
              the chosen one is right.
            </p>
          )}
          <table className="table" aria-label="First rows of the file">
            <thead>
              <tr>
                <th scope="col">Line</th>
                {preview.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 5).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  {'error' in row ? (
                    <td colSpan={preview.headers.length} className="negative">
                      {row.error}
                    </td>
                  ) : (
                    preview.headers.map((h) => <td key={h}>{row.cells[h]}</td>)
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
