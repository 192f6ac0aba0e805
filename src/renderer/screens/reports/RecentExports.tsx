// The last exports: when, what, for which period and scope, and where each was saved.
import type { ReportExport } from '../../../shared/contract'
import { SavedPath } from '../../components/PathField'
import { formatDay } from '../../format'

export function RecentExports({ exports }: { exports: ReportExport[] }) {
  if (exports.length === 0)
    return (
      <p className="muted">
        Nothing exported yet. Exports are listed here with where they were saved.
      </p>
    )
  return (
    <table className="table report-table" aria-label="Recent exports">
      <thead>
        <tr>
          <th scope="col">Exported</th>
          <th scope="col">Format</th>
          <th scope="col">Period</th>
          <th scope="col">Scope</th>
          <th scope="col">Saved to</th>
        </tr>
      </thead>
      <tbody>
        {exports.map((e) => (
          <tr key={`${e.at}-${e.path}`}>
            <td className="nowrap">
              {new Date(e.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
            </td>
            <td>{e.format.toUpperCase()}</td>
            <td className="nowrap">
              {formatDay(e.from)} – {formatDay(e.to)}
            </td>
            <td>{e.scope}</td>
            <td>
              <SavedPath path={e.path} className="report-path" />
              {e.format === 'csv' && <span className="muted"> ({e.files.length} files)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
