import type { Seat } from '../../../shared/contract'

export function SeatPicker({
  seats,
  seatId,
  onChange,
}: {
  seats: Seat[]
  seatId: number
  onChange: (id: number) => void
}) {
  if (seats.length < 2) return null
  return (
    <label className="inline-field">
      Seat
      <select value={seatId} onChange={(e) => onChange(Number(e.target.value))}>
        {seats.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  )
}
