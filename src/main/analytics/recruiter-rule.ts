// Where each Recruiter seat stands on LinkedIn's response-rate rule, in plain words, always (not
// only as a warning once at risk): InMails sent in the last 14 days and the share answered within
// 30 days. LinkedIn expects 13% on 100 or more InMails in any 14 days (DOMAIN.md; the credit
// engine's RESPONSE_RATE_AT_RISK warning uses the same window and share).
import type { RecruiterRuleStatus } from '../../shared/contract/analytics'
import { addDays, localDay } from '../credits/engine'
import { startOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { listSeats } from '../seats/service'
import { timeZoneOf } from '../settings/service'

export const recruiterRule = { windowDays: 14, volume: 100, minimumShare: 0.13, answerDays: 30 }

function sentence(
  sent: number,
  answered: number,
): Pick<RecruiterRuleStatus, 'status' | 'sentence'> {
  const share = sent === 0 ? null : answered / sent
  const head = `Last ${recruiterRule.windowDays} days: ${sent} InMail${sent === 1 ? '' : 's'}${share === null ? '' : `, ${Math.round(share * 100)}% answered`}`
  const low = share !== null && share < recruiterRule.minimumShare
  if (sent < recruiterRule.volume)
    return {
      status: low ? 'low-under-volume' : 'fine',
      sentence: low
        ? `${head}: under 13%, but fine for now (LinkedIn's rule applies at ${recruiterRule.volume}+).`
        : `${head}: fine (LinkedIn's rule applies at ${recruiterRule.volume}+).`,
    }
  return low
    ? {
        status: 'at-risk',
        sentence: `${head}: below LinkedIn's 13% on ${recruiterRule.volume}+. Expect a warning, 7 days' grace, then bulk InMail off for 2 weeks.`,
      }
    : {
        status: 'fine',
        sentence: `${head}: fine, above LinkedIn's 13% on ${recruiterRule.volume}+.`,
      }
}

/** Each live Recruiter seat's standing, as of the ledger's clock. One aggregated query. */
export function recruiterRuleStatus(ledger: Ledger): RecruiterRuleStatus[] {
  const seats = listSeats(ledger, false).filter((s) => s.planId.startsWith('recruiter-'))
  if (seats.length === 0) return []
  const timeZone = timeZoneOf(ledger)
  const now = ledger.now().toISOString()
  const today = localDay(now, timeZone)
  const from = startOfLocalDay(addDays(today, -(recruiterRule.windowDays - 1)), timeZone)
  const rows = ledger.db
    .prepare(
      `WITH sent AS (
         SELECT id, seat_id, at FROM live_events
         WHERE kind = 'inmail-sent' AND open_profile = 0 AND at >= @from AND at <= @now
           AND seat_id IN (SELECT value FROM json_each(@seats))
       ),
       first_answer AS (
         SELECT r.inmail_id, min(r.at) AS at FROM live_events r JOIN sent s ON s.id = r.inmail_id
         WHERE r.kind = 'response' GROUP BY r.inmail_id
       )
       SELECT s.seat_id AS seatId, count(*) AS sent,
         sum(CASE WHEN a.at IS NOT NULL AND julianday(a.at) - julianday(s.at) <= @answerDays
           THEN 1 ELSE 0 END) AS answered
       FROM sent s LEFT JOIN first_answer a ON a.inmail_id = s.id
       GROUP BY s.seat_id`,
    )
    .all({
      from,
      now,
      seats: JSON.stringify(seats.map((s) => s.id)),
      answerDays: recruiterRule.answerDays,
    }) as { seatId: number; sent: number; answered: number }[]
  const bySeat = new Map(rows.map((r) => [r.seatId, r]))
  return seats.map((seat) => {
    const r = bySeat.get(seat.id) ?? { sent: 0, answered: 0 }
    return {
      seatId: seat.id,
      seat: seat.name,
      sent: r.sent,
      answered: r.answered,
      ...sentence(r.sent, r.answered),
    }
  })
}
