import type { PreviewRow } from '../../../shared/contract'
import { formatDay } from '../../format'
import { channelLabel } from '../outreach/labels'

export type Override = 'inmail' | 'open-profile' | 'message' | 'skip'

export function PreviewTable({
  rows,
  total,
  overrides,
  editable,
  onOverride,
}: {
  rows: PreviewRow[]
  total: number
  overrides: Record<string, Override>
  editable: boolean
  onOverride: (key: string, value: Override) => void
}) {
  if (rows.length === 0) return <p className="muted">Nothing to import.</p>
  return (
    <>
      <div className="scroll-box">
        <table className="table" aria-label="What will be imported">
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Person</th>
              <th scope="col">As</th>
              <th scope="col">Why</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="nowrap">{formatDay(r.sentAt.slice(0, 10))}</td>
                <th scope="row">
                  {r.contact}
                  {r.followups > 0 && (
                    <span className="badge">
                      +{r.followups} follow-up{r.followups === 1 ? '' : 's'}
                    </span>
                  )}
                </th>
                <td>
                  {editable && r.channel !== 'connection-note' ? (
                    <select
                      aria-label={`Import the message to ${r.contact} as`}
                      value={overrides[r.key] ?? r.channel}
                      onChange={(e) => onOverride(r.key, e.target.value as Override)}
                    >
                      <option value="inmail">InMail (1 credit)</option>
                      <option value="open-profile">Open Profile (free)</option>
                      <option value="message">Message (free)</option>
                      <option value="skip">Leave out</option>
                    </select>
                  ) : (
                    channelLabel[r.channel]
                  )}
                </td>
                <td className="muted">{r.why}</td>
                <td>
                  {r.response ? (
                    `${formatDay(r.response.at.slice(0, 10))} (${r.response.sentiment})`
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rows.length && (
        <p className="muted">
          Showing the first {rows.length} of {total}.
        </p>
      )}
    </>
  )
}
