// A/B: how likely one template truly beats another, and how many more sends would settle it.
import { useState } from 'react'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { rateText } from '../../charts/funnel-data'
import { ErrorNotice } from '../../components/Notices'

export function Compare({ filters }: { filters: Record<string, unknown> }) {
  const templates = useQuery(
    () => api.analytics.metrics({ ...filters, by: 'template' }),
    [JSON.stringify(filters)],
  )
  const names =
    templates.state === 'done'
      ? templates.data.groups.filter((g) => g.key !== '').map((g) => g.label)
      : []
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const first = a || names[0] || ''
  const second = b || names[1] || ''
  const comparison = useQuery(
    async () =>
      first && second && first !== second
        ? api.analytics.compare({ ...filters, a: first, b: second })
        : null,
    [first, second, JSON.stringify(filters)],
  )
  if (names.length < 2) return null
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two templates</h2>
      <div className="chart-controls">
        <label>
          A{' '}
          <select value={first} onChange={(e) => setA(e.target.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          B{' '}
          <select value={second} onChange={(e) => setB(e.target.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      {comparison.state === 'error' && <ErrorNotice error={comparison.error} />}
      {comparison.state === 'done' && comparison.data && (
        <>
          <p className="verdict" data-testid="verdict">
            {comparison.data.verdict}
          </p>
          <p className="muted">
            {comparison.data.a.label}: {rateText(comparison.data.a.replyRate)} ·{' '}
            {comparison.data.b.label}: {rateText(comparison.data.b.replyRate)}
          </p>
        </>
      )}
    </section>
  )
}
