// Which seat something goes from, as one labelled select of a `.form`. With a single seat there
// is nothing to choose, so nothing shows and the caller's default seat is used.
import type { Seat } from '../../shared/contract'
import { SelectField } from './Field'

export function SeatField({
  label,
  id,
  seats,
  seatId,
  onChange,
}: {
  label: string
  id?: string
  seats: Seat[]
  seatId: number | null
  onChange: (id: number) => void
}) {
  if (seats.length < 2) return null
  return (
    <SelectField
      label={label}
      id={id}
      value={seatId === null ? '' : String(seatId)}
      onChange={(value) => onChange(Number(value))}
    >
      {seats.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  )
}
