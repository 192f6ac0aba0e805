import type { Balance } from '../../../shared/contract'
import { formatDay } from '../../format'

const sourceLabel: Record<string, string> = {
  opening: 'Opening balance',
  grant: 'Monthly grant',
  purchase: 'Purchase',
  refund: 'Refund',
  adjustment: 'Adjustment',
}

export function BatchesTable({ balance }: { balance: Balance }) {
  if (balance.batches.length === 0)
    return <p className="muted">No credits right now. The next renewal brings new ones.</p>
  return (
    <table className="table" aria-label="Credit batches">
      <thead>
        <tr>
          <th scope="col" className="num">
            Credits
          </th>
          <th scope="col">From</th>
          <th scope="col">Dated</th>
          <th scope="col">Usable until</th>
        </tr>
      </thead>
      <tbody>
        {balance.batches.map((b, i) => (
          <tr key={`${b.source}-${b.dated}-${i}`}>
            <td className="num">{b.credits}</td>
            <td>{sourceLabel[b.source] ?? b.source}</td>
            <td>{formatDay(b.dated)}</td>
            <td>{b.expires ? formatDay(previousDay(b.expires)) : 'No expiry'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A batch "gone on D" is usable through the day before. */
function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
