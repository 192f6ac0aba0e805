// Credits ahead: before enrolling, how many InMail credits the plan needs and when, run through
// the seat's own credit book (renewals, caps, expiry) with the sends already planned by its
// running enrolments: "these 40 enrolments need 52 credits by 14 Dec; you will have 38".
import type { CreditsAhead } from '../../shared/contract/sequences'
import { cachedSeat } from '../credits/cache'
import { instantMs, localDayNumber, toDayNumber } from '../credits/engine/days'
import { replay } from '../credits/engine/replay'
import type { LedgerEvent } from '../credits/engine/types'
import { endOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import type { Seat } from '../../shared/contract'
import { openEnrolments } from './enrolments'
import { planOf } from './plan'

export interface PlannedCredit {
  day: string
  /** Sent only if a connection request is not accepted. */
  conditional: boolean
}

function countByDay(credits: readonly PlannedCredit[], today: string): Map<string, number> {
  const map = new Map<string, number>()
  // Overdue InMails are still to be sent: they need a credit today.
  for (const c of credits) {
    const day = c.day < today ? today : c.day
    map.set(day, (map.get(day) ?? 0) + 1)
  }
  return map
}

/**
 * InMail steps the seat's running enrolments still plan to send, on their expected days. Open
 * Profile people's InMails are free, so they plan no credit.
 */
export function plannedCredits(ledger: Ledger, seatId: number, today: string): PlannedCredit[] {
  const openProfile = ledger.db.prepare('SELECT open_profile FROM contacts WHERE id = ?')
  const out: PlannedCredit[] = []
  for (const loaded of openEnrolments(ledger, seatId)) {
    const { enrolment } = loaded
    const row = openProfile.get(enrolment.contactId) as { open_profile: number } | undefined
    if (row?.open_profile === 1) continue
    for (const planned of planOf(loaded, today)) {
      const step = enrolment.steps[planned.index]!
      if (step.channel === 'inmail')
        out.push({ day: planned.day, conditional: step.condition !== 'always' })
    }
  }
  return out
}

export function creditsAhead(
  ledger: Ledger,
  seat: Seat,
  today: string,
  wanted: readonly PlannedCredit[],
  openProfileFree: number,
  who: Pick<CreditsAhead, 'people' | 'leftOut' | 'warnings' | 'newContacts'>,
): CreditsAhead {
  const { settings, events } = cachedSeat(ledger, seat.id)
  const planned = countByDay(plannedCredits(ledger, seat.id, today), today)
  const fresh = countByDay(wanted, today)
  const days = [...new Set([...planned.keys(), ...fresh.keys()])].sort()
  const needed = wanted.length
  const conditional = wanted.filter((c) => c.conditional).length
  const alreadyPlanned = [...planned.values()].reduce((a, b) => a + b, 0)

  // The seat's credit book as of the end of today, run forward day by day: the running
  // enrolments spend first, then the new ones.
  const asOf = endOfLocalDay(today, settings.timeZone)
  const asOfDay = localDayNumber(instantMs(asOf), settings.timeZone)
  const book = replay(settings, events as LedgerEvent[], asOfDay, instantMs(asOf)).book.clone()
  const points: CreditsAhead['days'] = []
  let shortOn: string | null = null
  let newSpent = 0
  for (const date of days) {
    const day = toDayNumber(date)
    if (day > asOfDay) book.advanceTo(day)
    const plannedHere = planned.get(date) ?? 0
    const newHere = fresh.get(date) ?? 0
    for (let i = 0; i < plannedHere; i++)
      if (!book.spend(day, null, 'Planned InMail')) shortOn ??= date
    for (let i = 0; i < newHere; i++)
      if (book.spend(day, null, 'Planned InMail')) newSpent++
      else shortOn ??= date
    points.push({
      date,
      newCredits: newHere,
      plannedCredits: plannedHere,
      available: book.available,
    })
  }
  const lastNew = [...fresh.keys()].sort().at(-1) ?? null
  const available =
    lastNew === null ? null : newSpent + (points.find((p) => p.date === lastNew)?.available ?? 0)
  return {
    seatId: seat.id,
    seat: seat.name,
    needed,
    conditional,
    alreadyPlanned,
    byDay: lastNew,
    available,
    shortOn,
    days: points,
    ...who,
    message: [
      who.people === 0 && who.leftOut.length > 0
        ? 'Nobody here would be enrolled.'
        : describe(
            seat.name,
            needed,
            conditional,
            lastNew,
            available,
            alreadyPlanned,
            shortOn,
            openProfileFree,
          ),
      leftOutSentence(who.leftOut),
    ]
      .filter(Boolean)
      .join(' '),
  }
}

/** "Left out: Nadia Andersen (answered on 21 Nov 2026), … and 3 more." */
export function leftOutSentence(leftOut: CreditsAhead['leftOut'], shown = 5): string {
  if (leftOut.length === 0) return ''
  const named = leftOut.slice(0, shown).map((p) => `${p.contact} (${p.reason})`)
  const more = leftOut.length - named.length
  return `Left out: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`
}

function describe(
  seat: string,
  needed: number,
  conditional: number,
  byDay: string | null,
  available: number | null,
  alreadyPlanned: number,
  shortOn: string | null,
  openProfileFree: number,
): string {
  const free =
    openProfileFree > 0
      ? ` ${openProfileFree} Open Profile InMail${openProfileFree === 1 ? '' : 's'} cost nothing.`
      : ''
  if (needed === 0 || byDay === null) return `These enrolments need no InMail credits.${free}`
  const conditionalText =
    conditional > 0 ? ` (${conditional} only if a connection request is not accepted)` : ''
  const planned = alreadyPlanned > 0 ? ` after the ${alreadyPlanned} already planned` : ''
  const verdict =
    shortOn !== null ? ` ${seat} runs short on ${shortOn}: record a purchase, or start later.` : ''
  return `These enrolments need ${needed} credit${needed === 1 ? '' : 's'}${conditionalText} by ${byDay}; ${seat} will have ${available ?? 0}${planned}.${verdict}${free}`
}
