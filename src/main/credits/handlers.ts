import type { DomainHandlers } from '../handler-types'
import { seatCost } from './cost'
import {
  balance,
  cancel,
  changePlan,
  meeting,
  purchase,
  reconcile,
  respond,
  seatForecast,
  seatStatement,
  send,
  setPolicy,
  timeline,
} from './service'

export const creditsHandlers: DomainHandlers<'credits'> = {
  balance: ({ seatId, at }, { ledger }) => balance(ledger, seatId, at),
  statement: (input, { ledger }) => seatStatement(ledger, input),
  forecast: (input, { ledger }) => seatForecast(ledger, input),
  timeline: (input, { ledger }) => timeline(ledger, input),
  cost: (input, { ledger }) => seatCost(ledger, input),
  send: (input, { ledger }) => send(ledger, input),
  respond: (input, { ledger }) => respond(ledger, input),
  meeting: (input, { ledger }) => meeting(ledger, input),
  purchase: (input, { ledger }) => purchase(ledger, input),
  reconcile: (input, { ledger }) => reconcile(ledger, input),
  cancel: (input, { ledger }) => cancel(ledger, input),
  changePlan: (input, { ledger }) => changePlan(ledger, input),
  setPolicy: (input, { ledger }) => setPolicy(ledger, input),
}
