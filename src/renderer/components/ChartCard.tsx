// A chart with the numbers behind it one click away, and a way to copy them as CSV.
import { useId, useState, type ReactNode } from 'react'
import { toCsv } from '../charts/funnel-data'

interface ChartCardProps {
  title: string
  note?: ReactNode
  header: string[]
  rows: (string | number | null)[][]
  children: ReactNode
}

export function ChartCard({ title, note, header, rows, children }: ChartCardProps) {
  const id = useId()
  const [table, setTable] = useState(false)
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(toCsv(header, rows))
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      setTable(true)
    }
  }
  return (
    <section className="card chart-card" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        <button
          type="button"
          className="button small"
          aria-pressed={table}
          onClick={() => setTable((t) => !t)}
        >
          {table ? 'Chart' : 'Table'}
        </button>
        <button type="button" className="button small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy CSV'}
        </button>
      </div>
      {table ? (
        <div className="scroll-box">
          <table className="table" aria-label={`${title} (numbers)`}>
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} className={typeof c === 'number' ? 'num' : undefined}>
                      {c ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        children
      )}
      {note && <p className="muted chart-caption">{note}</p>}
    </section>
  )
}
