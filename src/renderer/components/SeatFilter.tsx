// "All seats" or one seat, for the screens that filter by seat.
import { api } from '../api/client'
import { useQuery } from '../api/useQuery'

export function SeatFilter({
  value,
  onChange,
  includeArchived = false,
}: {
  value: number | undefined
  onChange: (seatId: number | undefined) => void
  includeArchived?: boolean
}) {
  const seats = useQuery(() => api.seats.list({ includeArchived }), [includeArchived])
  return (
    <select
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
    >
      <option value="">All seats</option>
      {seats.state === 'done' &&
        seats.data.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
    </select>
  )
}
