import type { Balance } from '../../../shared/contract'
import { formatDay } from '../../format'

export function PendingRefunds({ balance }: { balance: Balance }) {
  if (balance.pendingRefunds.length === 0)
    return <p className="muted">No InMail is waiting for a response inside its 90-day window.</p>
  return (
    <table className="table" aria-label="Pending refunds">
      <thead>
        <tr>
          <th scope="col">To</th>
          <th scope="col">Sent</th>
          <th scope="col">Refund window closes</th>
        </tr>
      </thead>
      <tbody>
        {balance.pendingRefunds.map((p) => (
          <tr key={p.inmailId}>
            <td>{p.contact.replace(/^linkedin\.com\/in\//, '')}</td>
            <td>{formatDay(p.sentOn)}</td>
            <td>{formatDay(p.windowClosesOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
