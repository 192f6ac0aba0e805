import type { OutreachRow } from '../../../shared/contract'
import { formatDay } from '../../format'
import { channelLabel, statusLabel } from './labels'

export type SortKey = 'sentAt' | 'contact' | 'status' | 'seat' | 'template' | 'role'

const columns: { key: SortKey; label: string }[] = [
  { key: 'sentAt', label: 'Sent' },
  { key: 'contact', label: 'Person' },
  { key: 'seat', label: 'Seat' },
  { key: 'template', label: 'Template' },
  { key: 'role', label: 'Role' },
  { key: 'status', label: 'Status' },
]

interface Props {
  rows: OutreachRow[]
  sort: { key: SortKey; direction: 'asc' | 'desc' }
  onSort: (key: SortKey) => void
  selected: Set<number>
  onSelect: (next: Set<number>) => void
}

export function OutreachTable({ rows, sort, onSort, selected, onSelect }: Props) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id))
  const toggle = (id: number) => {
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    onSelect(next)
  }
  return (
    <table className="table outreach" aria-label="Outreach">
      <thead>
        <tr>
          <th scope="col" className="check">
            <input
              type="checkbox"
              aria-label="Select all on this page"
              checked={allSelected}
              onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
            />
          </th>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={
                sort.key === c.key
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none'
              }
            >
              <button type="button" className="sort" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">
                  {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
            </th>
          ))}
          <th scope="col">Channel</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={selected.has(r.id) ? 'selected' : undefined}>
            <td className="check">
              <input
                type="checkbox"
                aria-label={`Select the message to ${r.contact}`}
                checked={selected.has(r.id)}
                onChange={() => toggle(r.id)}
              />
            </td>
            <td className="nowrap">{formatDay(r.sentAt.slice(0, 10))}</td>
            <th scope="row">
              {r.contact}
              {r.followups > 0 && (
                <span className="badge">
                  +{r.followups} follow-up{r.followups === 1 ? '' : 's'}
                </span>
              )}
            </th>
            <td>{r.seat}</td>
            <td>{r.template ?? <span className="muted">—</span>}</td>
            <td>{r.role ?? <span className="muted">—</span>}</td>
            <td>
              <span className={`status status-${r.status}`}>{statusLabel[r.status]}</span>
            </td>
            <td>{channelLabel[r.channel]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
