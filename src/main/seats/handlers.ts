import type { DomainHandlers } from '../handler-types'
import { addSeat, listSeats, renameSeat, setSeatArchived } from './service'

export const seatsHandlers: DomainHandlers<'seats'> = {
  list: ({ includeArchived }, { ledger }) => listSeats(ledger, includeArchived),
  add: (input, { ledger }) => addSeat(ledger, input),
  rename: ({ seatId, name }, { ledger }) => renameSeat(ledger, seatId, name),
  archive: ({ seatId }, { ledger }) => setSeatArchived(ledger, seatId, true),
  restore: ({ seatId }, { ledger }) => setSeatArchived(ledger, seatId, false),
}
