import type { DomainHandlers } from '../handler-types'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'
import { recruiterRuleStatus } from './recruiter-rule'
import { compare, metrics, trend } from './service'

/** A seat asked for by id must exist (SEAT_NOT_FOUND otherwise), so no answer is silently empty. */
function checked<T extends { seatId?: number | undefined }>(ledger: Ledger, input: T): T {
  if (input.seatId !== undefined) getSeat(ledger, input.seatId)
  return input
}

export const analyticsHandlers: DomainHandlers<'analytics'> = {
  metrics: (input, { ledger }) => metrics(ledger, checked(ledger, input)),
  trend: (input, { ledger }) => trend(ledger, checked(ledger, input)),
  compare: (input, { ledger }) => compare(ledger, checked(ledger, input)),
  recruiterRule: (_input, { ledger }) => recruiterRuleStatus(ledger),
}
