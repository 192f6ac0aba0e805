import type { DomainHandlers } from '../handler-types'
import { listOutreach, logMessage, markOutreach } from './service'

export const outreachHandlers: DomainHandlers<'outreach'> = {
  list: (input, { ledger }) => listOutreach(ledger, input),
  mark: (input, { ledger }) => markOutreach(ledger, input),
  log: (input, { ledger }) => logMessage(ledger, input),
}
