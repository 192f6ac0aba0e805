// The warnings LinkedIn's limits and the credit rules call for (DOMAIN.md §3), each in words a
// user can act on, with the numbers behind it. At most one warning per code.
import type { DayNumber } from './days'
import { type InMailRecord, type Replay, recentSends } from './replay'
import { simulate } from './simulate'
import type { Warning } from './types'
import { count, decimal, percent } from './words'

/** The recent pace is credit InMails per day over the 28 days up to asOf. */
export const paceWindowDays = 28
const expiringHorizonDays = 30
const refundClosingDays = 7
/** Recruiter: 13% on 100+ InMails in any 14 days (a413271); we warn from 50 sends on. */
const responseRule = { windowDays: 14, checkFrom: 50, linkedInVolume: 100, minimumShare: 0.13 }
/** Seed 004: 1,000 InMails a day per seat, 200 in a new seat's first calendar week. */
const dailyLimit = 1000
const firstWeekLimit = 200

/** Credit-spending InMails per day over the 28 days up to `asOf`. */
export function recentPace(r: Replay, asOf: DayNumber): number {
  const credit = recentSends(r.sends, asOf, paceWindowDays).filter((s) => !s.openProfile)
  return credit.length / paceWindowDays
}

function paceWords(pace: number): string {
  return pace === 0
    ? 'no credit InMails in the last 28 days'
    : `about ${decimal(pace * 7)} credit InMails a week over the last 28 days`
}

function lookAhead(r: Replay, asOf: DayNumber, pace: number): Warning[] {
  const { book } = r
  const renewal = book.renewalPreview()
  const daysToRenewal = renewal === null ? 0 : renewal.date - asOf - 1
  const run = simulate(book, asOf, {
    perDay: pace,
    responseRate: 0,
    days: Math.max(expiringHorizonDays, daysToRenewal),
  })
  const warnings: Warning[] = []
  if (renewal !== null && pace > 0 && run.runsOutOn !== null && run.runsOutOn < renewal.date) {
    const renewalOn = book.dayWords(renewal.date)
    warnings.push({
      code: 'LOW_BALANCE',
      message:
        book.available === 0
          ? `No credits left, and the next renewal is on ${renewalOn}. At your recent pace ` +
            `(${paceWords(pace)}) you will be short until then.`
          : `At your recent pace (${paceWords(pace)}), your ` +
            `${count(book.available, 'credit')} run out around ${book.dayWords(run.runsOutOn)}, ` +
            `before the next renewal on ${renewalOn}.`,
    })
  }
  const expiring = run.expired.filter((e) => e.day <= asOf + expiringHorizonDays)
  const unused = expiring.reduce((sum, e) => sum + e.credits, 0)
  if (unused > 0) {
    warnings.push({
      code: 'EXPIRING_UNUSED',
      message:
        `${count(unused, 'credit')} will expire unused in the next ${expiringHorizonDays} days ` +
        `at your recent pace (${paceWords(pace)}), the first on ${book.dayWords(expiring[0]!.day)}.`,
    })
  }
  return warnings
}

function refundWindows(r: Replay, asOf: DayNumber, pending: InMailRecord[]): Warning[] {
  const closing = pending.filter((s) => s.sentDay + 90 <= asOf + refundClosingDays)
  if (closing.length === 0) return []
  const answers = r.settings.policy.refundDeclines
    ? 'a reply, accept or decline'
    : 'a reply or accept'
  return [
    {
      code: 'REFUND_WINDOWS_CLOSING',
      message:
        `The refund window of ${count(closing.length, 'InMail')} closes within ` +
        `${refundClosingDays} days (the first on ${r.book.dayWords(closing[0]!.sentDay + 90)}): ` +
        `${answers} before then returns the credit.`,
    },
  ]
}

function responseRate(r: Replay, asOf: DayNumber): Warning[] {
  if (!r.book.planId.startsWith('recruiter-')) return []
  const sent = recentSends(r.sends, asOf, responseRule.windowDays)
  if (sent.length < responseRule.checkFrom) return []
  const answered = sent.filter((s) => s.answered).length
  const share = answered / sent.length
  if (share >= responseRule.minimumShare) return []
  return [
    {
      code: 'RESPONSE_RATE_AT_RISK',
      message:
        `Only ${percent(share)} of the ${count(sent.length, 'InMail')} sent in the last ` +
        `${responseRule.windowDays} days have an answer within 30 days (${answered}). LinkedIn ` +
        `expects at least 13% on ${responseRule.linkedInVolume} or more InMails in any ` +
        `${responseRule.windowDays} days; below that it warns, gives 7 days' grace, then turns ` +
        `off bulk InMail for 2 weeks.`,
    },
  ]
}

function dailyLimits(r: Replay, asOf: DayNumber): Warning[] {
  const problems: string[] = []
  const today = recentSends(r.sends, asOf, 1).length
  if (today > dailyLimit) {
    problems.push(`${count(today, 'InMail')} sent today, over the limit of 1,000 a day per seat`)
  }
  const weekEnds = r.startedOn + 6
  if (asOf <= weekEnds) {
    const firstWeek = recentSends(r.sends, weekEnds, 7).length
    if (firstWeek > firstWeekLimit) {
      problems.push(
        `${count(firstWeek, 'InMail')} sent in this new seat's first week ` +
          `(through ${r.book.dayWords(weekEnds)}), over the limit of 200`,
      )
    }
  }
  if (problems.length === 0) return []
  return [{ code: 'DAILY_LIMIT', message: `${problems.join('; ')}. LinkedIn may block sends.` }]
}

export function seatWarnings(r: Replay, asOf: DayNumber, pending: InMailRecord[]): Warning[] {
  const warnings = [
    ...lookAhead(r, asOf, recentPace(r, asOf)),
    ...refundWindows(r, asOf, pending),
    ...responseRate(r, asOf),
    ...dailyLimits(r, asOf),
  ]
  const overdrawn = r.earlierOverdrawn + r.overdrawn.length
  if (overdrawn > 0) {
    warnings.push({
      code: 'OVERDRAWN',
      message:
        `${count(overdrawn, 'InMail')} found no credit to spend. If LinkedIn shows ` +
        `credits, record LinkedIn's count to reconcile; the ledger never goes below zero.`,
    })
  }
  if (r.book.cancelledOn !== null) {
    warnings.push({
      code: 'SEAT_CANCELLED',
      message:
        `This seat was cancelled on ${r.book.dayWords(r.book.cancelledOn)}: its credits were ` +
        `forfeited and no more monthly grants arrive.`,
    })
  }
  return warnings
}
