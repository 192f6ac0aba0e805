// Deterministic ledgers for benchmarks (and, later, demo data): seats with years of realistic
// outreach, written through the real schema, services and store in one transaction.
// From the command line: `tsx bench/generate.ts <ledger file> '<LedgerPlan as JSON>'` writes the
// ledger and prints what it made as JSON.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Backend } from '../src/main/backend'
import { localDay } from '../src/main/credits/engine'
import { balance, changePlan, reconcile } from '../src/main/credits/service'
import { appendEvent } from '../src/main/credits/store'
import { endOfLocalDay } from '../src/main/credits/zone'
import type { Ledger } from '../src/main/ledger'
import { addSeat } from '../src/main/seats/service'
import { updateSettings } from '../src/main/settings/service'
import { type CatalogPlanId, plans } from '../src/shared/domain/plans'

export interface SeatPlan {
  name: string
  planId: CatalogPlanId
  /** Ledger events the seat ends with: sends, responses, meetings, purchases and the rest. */
  events: number
  /** Changes to this plan on the first of the middle month. */
  changePlanTo?: CatalogPlanId
}

export interface LedgerPlan {
  /** Same seed, same ledger: event for event, id for id. */
  seed: number
  timeZone: string
  /** First and last day of activity (every seat starts on `from`). */
  from: string
  to: string
  seats: SeatPlan[]
}

export interface GeneratedSeat {
  id: number
  name: string
  events: number
}

export interface GeneratedLedger {
  seats: GeneratedSeat[]
  /** The ledger's clock while generating: the day after `to`, mid-afternoon UTC. */
  now: Date
}

/** Mulberry32: a tiny seeded PRNG, uniform on [0, 1). Never Math.random, so runs repeat. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

// Shares from DOMAIN.md §4: about one InMail in five gets a response (seed 003), most within
// 24–72 hours; some of the accepted ones lead to a meeting.
const responseShare = 0.2
/** Of the responses: replies, then accepts, then declines. */
const replyShare = 0.55
const acceptShare = 0.3
const meetingShare = 0.3
const openProfileShare = 0.06
const repeatContactShare = 0.08
/** Events each send brings (itself, its response, the meeting): paces sends to the count. */
const eventsPerSend = 1 + responseShare * (1 + acceptShare * meetingShare)

const firstNames = ['Ana', 'Ben', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Greta', 'Hiro', 'Ines']
const lastNames = ['Okafor', 'Schmidt', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Larsen', 'Rossi']
const templates = ['Intro', 'Follow-up', 'Senior role', 'Referral ask', 'Event invite']
const roles = ['Backend engineer', 'Data scientist', 'Product manager', 'Designer', 'SRE']

const msPerDay = 86_400_000
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`)
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

interface Timed {
  ms: number
  write: () => void
}

/** Keeps `queue` in time order; equal times keep the order they were added in. */
function insertByTime(queue: Timed[], event: Timed): void {
  let i = queue.length
  while (i > 0 && queue[i - 1]!.ms > event.ms) i--
  queue.splice(i, 0, event)
}

/** Writes one seat's history, day by day in time order, so storage order is replay order. */
function generateSeat(ledger: Ledger, plan: LedgerPlan, seatPlan: SeatPlan, seed: number) {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const { db } = ledger
  const seat = addSeat(ledger, {
    name: seatPlan.name,
    planId: seatPlan.planId,
    startedOn: plan.from,
  })
  const insertContact = db.prepare(
    'INSERT INTO contacts (profile_url, name, created_at) VALUES (?, ?, ?)',
  )
  const recordedAt = ledger.now().toISOString()
  const contacts: number[] = []
  let events = 1 // the seat-opened event
  const budget = seatPlan.events

  const fromMs = dayMs(plan.from)
  const days = Math.round((dayMs(plan.to) - fromMs) / msPerDay) + 1
  const isWeekday = (i: number) => new Date(fromMs + i * msPerDay).getUTCDay() % 6 !== 0
  let weekdaysLeft = Array.from({ length: days }, (_, i) => i).filter(isWeekday).length
  const months = [
    ...new Set(Array.from({ length: days }, (_, i) => dayOf(fromMs + i * msPerDay).slice(0, 7))),
  ]
  // Purchases, reconciliations (some with an adjustment) and the plan change.
  let dayEventsLeft = months.length * 2.3 + 1
  /** Sends per weekday that land the seat on its event count by `to`. */
  const pace = () =>
    Math.max(0, (budget - events - dayEventsLeft) / eventsPerSend / Math.max(1, weekdaysLeft))
  const middleMonth = months[Math.floor(months.length / 2)]
  const due = new Map<string, Timed[]>()
  let today: Timed[] = []
  let currentDay = ''
  const later = (day: string, event: Timed) => {
    if (day === currentDay) return insertByTime(today, event)
    const list = due.get(day)
    if (list) list.push(event)
    else due.set(day, [event])
  }
  const append = (event: Parameters<typeof appendEvent>[1]): number | null => {
    if (events >= budget) return null
    events++
    return appendEvent(ledger, event)
  }

  for (let i = 0; i < days && events < budget; i++) {
    const ms = fromMs + i * msPerDay
    const day = dayOf(ms)
    const weekday = isWeekday(i)
    if (day.endsWith('-01') || day === plan.from) {
      if (seatPlan.changePlanTo && day.slice(0, 7) === middleMonth) {
        changePlan(ledger, { seatId: seat.id, at: day, planId: seatPlan.changePlanTo })
        events++
      }
      // Buy a little more than next month's sends need beyond the grant and the refunds.
      dayEventsLeft -= 1
      const need =
        pace() * 23 * (1 - responseShare * 0.9) * 1.1 - plans[seatPlan.planId].monthlyCredits
      const credits = Math.max(0, Math.ceil(need / 50) * 50)
      if (credits > 0)
        append({
          seatId: seat.id,
          kind: 'purchase',
          day,
          credits,
          priceCents: credits * 1000,
        })
    }

    currentDay = day
    today = due.get(day) ?? []
    due.delete(day)
    let sends = 0
    if (weekday) {
      sends = Math.round(pace() * (0.6 + 0.8 * random()))
      // The last working day takes up what is left, so the seat ends on its count.
      if (--weekdaysLeft === 0) sends = budget - events
    }
    for (let s = 0; s < sends; s++) {
      // 14:00–22:59 UTC: working hours in the Americas, on the same calendar day there.
      const at = ms + 14 * 3_600_000 + Math.floor(random() * 9 * 3_600_000)
      today.push({ ms: at, write: () => send(at) })
    }
    today.sort((a, b) => a.ms - b.ms)
    // A same-day response joins the queue behind the send it answers.
    for (let next = 0; next < today.length && events < budget; next++) today[next]!.write()

    const nextDay = dayOf(ms + msPerDay)
    if (nextDay.endsWith('-01') && events < budget - 1) {
      // At each month's end the user checks LinkedIn's count; now and then it differs by a few.
      const asOf = endOfLocalDay(day, plan.timeZone)
      const computed = balance(ledger, seat.id, asOf).available
      const drift = random() < 0.7 ? 0 : Math.round((random() - 0.5) * 6)
      const done = reconcile(ledger, {
        seatId: seat.id,
        at: day,
        shown: Math.max(0, computed + drift),
      })
      events += done.adjustment === 0 ? 1 : 2
      dayEventsLeft -= 1.3
    }
  }
  return { id: seat.id, name: seat.name, events }

  function send(ms: number): void {
    let contactId: number
    if (contacts.length > 0 && random() < repeatContactShare) contactId = pick(contacts)
    else {
      const n = contacts.length + 1
      const first = pick(firstNames)
      const last = pick(lastNames)
      const profileUrl =
        `https://www.linkedin.com/in/${first}-${last}-${seat.id}-${n}`.toLowerCase()
      const name = random() < 0.85 ? `${first} ${last}` : null
      contactId = Number(insertContact.run(profileUrl, name, recordedAt).lastInsertRowid)
      contacts.push(contactId)
    }
    const openProfile = random() < openProfileShare
    const at = new Date(ms).toISOString()
    const inmailId = append({
      seatId: seat.id,
      kind: 'inmail-sent',
      at,
      contactId,
      openProfile,
      template: pick(templates),
      role: pick(roles),
    })
    if (inmailId === null || random() >= responseShare) return
    // Most answers come 1–3 days later, some the same day, a few after a week.
    const roll = random()
    const afterDays =
      roll < 0.15 ? 0 : roll < 0.85 ? 1 + Math.floor(random() * 3) : 4 + Math.floor(random() * 6)
    const dayStart = ms - (ms % msPerDay) + afterDays * msPerDay
    const earliest = afterDays === 0 ? ms + 60_000 : dayStart + 14 * 3_600_000
    const respondAt =
      earliest + Math.floor(random() * Math.max(0, dayStart + 23 * 3_600_000 - earliest))
    const kindRoll = random()
    const responseKind =
      kindRoll < replyShare ? 'reply' : kindRoll < replyShare + acceptShare ? 'accept' : 'decline'
    const sentiment =
      responseKind === 'accept'
        ? 'positive'
        : responseKind === 'decline'
          ? 'negative'
          : pick(['positive', 'neutral', 'negative'] as const)
    later(dayOf(respondAt), {
      ms: respondAt,
      write: () => {
        append({
          seatId: seat.id,
          kind: 'response',
          at: new Date(respondAt).toISOString(),
          contactId,
          inmailId,
          responseKind,
          sentiment,
        })
        if (responseKind !== 'accept' || random() >= meetingShare) return
        const meetAt =
          respondAt -
          (respondAt % msPerDay) +
          (1 + Math.floor(random() * 10)) * msPerDay +
          15 * 3_600_000
        later(dayOf(meetAt), {
          ms: meetAt,
          write: () =>
            void append({
              seatId: seat.id,
              kind: 'meeting',
              at: new Date(meetAt).toISOString(),
              contactId,
              inmailId,
            }),
        })
      },
    })
  }
}

/**
 * Creates the ledger file at `dbPath` (which must not exist yet) and fills it as `plan` says,
 * in one transaction. Opening goes through Backend.open, so the real migrations make the schema.
 */
export async function generateLedger(dbPath: string, plan: LedgerPlan): Promise<GeneratedLedger> {
  const now = new Date(dayMs(plan.to) + msPerDay + 15 * 3_600_000)
  if (localDay(now.toISOString(), plan.timeZone) <= plan.to)
    throw new Error(
      `The clock ${now.toISOString()} must fall after ${plan.to} in ${plan.timeZone}.`,
    )
  const backend = await Backend.open({ dbPath, now: () => now })
  try {
    const { ledger } = backend
    const seats = ledger.db.transaction(() => {
      updateSettings(ledger, { timeZone: plan.timeZone })
      return plan.seats.map((seatPlan, i) => generateSeat(ledger, plan, seatPlan, plan.seed + i))
    })()
    return { seats, now }
  } finally {
    backend.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dbPath, plan] = process.argv.slice(2)
  if (!dbPath || !plan) {
    console.error("Usage: tsx bench/generate.ts <ledger file> '<LedgerPlan as JSON>'")
    process.exit(2)
  }
  generateLedger(resolve(dbPath), JSON.parse(plan) as LedgerPlan).then(
    (generated) => process.stdout.write(JSON.stringify(generated)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
