// The running credit state of one seat during a replay: its batches, its renewal cycle and the
// expiry rules (DOMAIN.md §2). Mutable on purpose, so a replay is one linear pass; it never
// leaves the engine, which hands out plain copies.
import type { SeatTerms } from '../../../shared/contract/seats'
import { isCatalogPlanId, planName } from '../../../shared/domain/plans'
import { type DayNumber, dayOfMonthOf, fromDayNumber, renewalAfter } from './days'
import type { BatchSource, Entry, EntryKind, ExpiryPolicy, SeatSettings } from './types'
import { count, dollars, expiryReason, sourceLabel } from './words'
import { dayLabel } from '../../../shared/reports/words'

export interface BookBatch {
  credits: number
  source: BatchSource
  dated: DayNumber
  /** First day the batch is gone; null when it never expires by date. */
  expires: DayNumber | null
}

/** Credits last 90 days under '90d'; 90 idle days trigger 'inactive-90d'. */
export const expiryDays = 90

/** Null expiry sorts last; ties go to the oldest batch first. */
function sortsAfter(a: BookBatch, b: BookBatch): boolean {
  const ae = a.expires ?? Infinity
  const be = b.expires ?? Infinity
  return ae > be || (ae === be && a.dated > b.dated)
}

/** A book's running state without its journal: plain data, so it can be stored as JSON. */
export interface BookState {
  planId: string
  terms: SeatTerms
  renewalDay: number
  nextRenewal: DayNumber | null
  cancelledOn: DayNumber | null
  lastActivity: DayNumber
  inactivityDeadline: DayNumber | null
  batches: BookBatch[]
  available: number
}

export class CreditBook {
  readonly expiry: ExpiryPolicy
  planId: string
  terms: SeatTerms
  /** Day of the month grants arrive (1 for first-of-month plans). */
  renewalDay: number
  /** The next renewal not yet applied; null once the seat is cancelled. */
  nextRenewal: DayNumber | null
  cancelledOn: DayNumber | null = null
  /** Last send (or seat opening, or plan change): the clock of 'inactive-90d'. */
  lastActivity: DayNumber
  inactivityDeadline: DayNumber | null
  /** Sorted by expiry, soonest first; no empty batches. */
  batches: BookBatch[] = []
  available = 0
  entries: Entry[] = []
  private dayMemo: DayNumber = Number.NaN
  private dayMemoText = ''

  constructor(settings: SeatSettings, startedOn: DayNumber) {
    this.expiry = settings.policy.expiry
    this.planId = settings.planId
    this.terms = settings.terms
    this.renewalDay = settings.terms.renewal === 'first-of-month' ? 1 : settings.terms.renewalDay
    this.nextRenewal = renewalAfter(startedOn, this.renewalDay)
    this.lastActivity = startedOn
    this.inactivityDeadline = this.expiry === 'inactive-90d' ? startedOn + expiryDays : null
  }

  /** Everything but the journal and the day names: what a replay resumed later needs. */
  state(): BookState {
    return {
      planId: this.planId,
      terms: this.terms,
      renewalDay: this.renewalDay,
      nextRenewal: this.nextRenewal,
      cancelledOn: this.cancelledOn,
      lastActivity: this.lastActivity,
      inactivityDeadline: this.inactivityDeadline,
      batches: this.batches.map((b) => ({ ...b })),
      available: this.available,
    }
  }

  /** A book as `state()` left it; its entries start empty. */
  static resume(settings: SeatSettings, state: BookState): CreditBook {
    const book = new CreditBook(settings, state.lastActivity)
    Object.assign(book, state)
    book.batches = state.batches.map((b) => ({ ...b }))
    return book
  }

  /** A copy to simulate on; its entries start empty. */
  clone(): CreditBook {
    const copy: CreditBook = Object.create(CreditBook.prototype) as CreditBook
    Object.assign(copy, this)
    copy.batches = this.batches.map((b) => ({ ...b }))
    copy.entries = []
    return copy
  }

  get cancelled(): boolean {
    return this.cancelledOn !== null
  }

  /** Apply every expiry and renewal dated on or before `day`, in day order. */
  advanceTo(day: DayNumber): void {
    for (;;) {
      const next = this.nextBoundary()
      if (next === null || next > day) return
      this.closeDay(next)
    }
  }

  private nextBoundary(): DayNumber | null {
    const expiry = this.batches[0]?.expires ?? Infinity
    const next = Math.min(expiry, this.inactivityDeadline ?? Infinity, this.nextRenewal ?? Infinity)
    return next === Infinity ? null : next
  }

  /** Within a day: expiries first, then the renewal grant; the day's events come after. */
  private closeDay(day: DayNumber): void {
    for (let first = this.batches[0]; first?.expires != null && first.expires <= day;) {
      this.batches.shift()
      this.available -= first.credits
      this.entry(
        day,
        'expiry',
        -first.credits,
        null,
        `${count(first.credits, 'credit')} expired: ${sourceLabel[first.source]} of ` +
          `${this.dayWords(first.dated)} (${expiryReason[this.expiry]})`,
      )
      first = this.batches[0]
    }
    if (this.inactivityDeadline !== null && this.inactivityDeadline <= day) {
      if (this.available > 0) {
        this.entry(
          day,
          'expiry',
          -this.available,
          null,
          `${count(this.available, 'credit')} expired: 90 days without an InMail sent ` +
            `(last activity ${this.dayWords(this.lastActivity)})`,
        )
        this.batches = []
        this.available = 0
      }
      // Another 90 idle days expire whatever arrived since.
      this.inactivityDeadline = day + expiryDays
    }
    if (this.nextRenewal !== null && this.nextRenewal <= day) this.grant(day)
  }

  private grant(day: DayNumber): void {
    this.nextRenewal = renewalAfter(day, this.renewalDay)
    const { monthlyCredits: monthly, cap } = this.terms
    const credits = Math.max(0, Math.min(monthly, cap - this.available))
    let note: string
    if (monthly <= 0) note = 'No grant: the plan grants no monthly credits'
    else if (credits === 0) note = `No grant: already at the cap of ${cap}`
    else if (credits < monthly) note = `Monthly grant (${credits} of ${monthly}, cap ${cap})`
    else note = `Monthly grant (${monthly}, cap ${cap})`
    if (credits > 0) this.addBatch(day, credits, 'grant')
    this.entry(day, 'grant', credits, null, note)
  }

  private expiresFor(dated: DayNumber): DayNumber | null {
    switch (this.expiry) {
      case '90d':
        return dated + expiryDays
      case 'no-rollover':
        // nextRenewal is the first renewal strictly after `dated` once that day is advanced to.
        return this.nextRenewal
      case 'never':
      case 'inactive-90d':
        return null
    }
  }

  private addBatch(dated: DayNumber, credits: number, source: BatchSource): void {
    const batch: BookBatch = { credits, source, dated, expires: this.expiresFor(dated) }
    let i = this.batches.length
    while (i > 0 && sortsAfter(this.batches[i - 1]!, batch)) i--
    const before = this.batches[i - 1]
    if (
      before &&
      before.source === source &&
      before.dated === dated &&
      before.expires === batch.expires
    ) {
      before.credits += credits
    } else {
      this.batches.splice(i, 0, batch)
    }
    this.available += credits
  }

  /** Remove up to `credits` from the soonest-expiring batches; returns how many were removed. */
  private takeSoonest(credits: number): number {
    let taken = 0
    while (taken < credits && this.batches.length > 0) {
      const first = this.batches[0]!
      const take = Math.min(first.credits, credits - taken)
      first.credits -= take
      taken += take
      if (first.credits === 0) this.batches.shift()
    }
    this.available -= taken
    return taken
  }

  private entry(
    day: DayNumber,
    kind: EntryKind,
    credits: number,
    eventId: number | null,
    note: string,
  ): void {
    this.entries.push({ day: this.dayText(day), kind, credits, eventId, note })
  }

  /** The day as entries store it: "2026-11-23". */
  dayText(day: DayNumber): string {
    if (day !== this.dayMemo) {
      this.dayMemo = day
      this.dayMemoText = fromDayNumber(day)
    }
    return this.dayMemoText
  }

  /** The day as notes and warnings say it, like the screens: "23 Nov 2026". */
  dayWords(day: DayNumber): string {
    return dayLabel(fromDayNumber(day))
  }

  // ---- Events -------------------------------------------------------------------------------

  /** Record activity for 'inactive-90d' (a send, the seat opening, a plan change). */
  touch(day: DayNumber): void {
    if (day > this.lastActivity) this.lastActivity = day
    if (this.expiry === 'inactive-90d') this.inactivityDeadline = this.lastActivity + expiryDays
  }

  open(day: DayNumber, eventId: number, openingBalance: number): void {
    const { cap } = this.terms
    const credits = Math.max(0, Math.min(openingBalance, cap))
    if (credits > 0) this.addBatch(day, credits, 'opening')
    const capped = openingBalance > cap ? ` (${openingBalance} given, capped at ${cap})` : ''
    this.entry(
      day,
      'opening',
      credits,
      eventId,
      `Seat opened with ${count(credits, 'credit')}${capped}`,
    )
    this.touch(day)
  }

  /**
   * Spend one credit; false when there is none (the send is overdrawn). A cancelled seat holds
   * nothing unless the user records a purchase or adjustment after it, so its sends overdraw.
   */
  spend(day: DayNumber, eventId: number | null, note: string): boolean {
    if (this.takeSoonest(1) === 0) return false
    this.entry(day, 'spend', -1, eventId, note)
    return true
  }

  /** Return one credit as a new batch; false on a cancelled seat, which holds no credits. */
  refund(day: DayNumber, eventId: number | null, note: string, credits = 1): boolean {
    if (this.cancelled) return false
    this.addBatch(day, credits, 'refund')
    this.entry(day, 'refund', credits, eventId, note)
    return true
  }

  purchase(day: DayNumber, eventId: number, credits: number, priceCents: number): void {
    if (credits <= 0) return
    this.addBatch(day, credits, 'purchase')
    this.entry(
      day,
      'purchase',
      credits,
      eventId,
      `Bought ${count(credits, 'credit')} for ${dollars(priceCents)}`,
    )
  }

  adjust(day: DayNumber, eventId: number, delta: number, note: string): void {
    if (delta > 0) {
      this.addBatch(day, delta, 'adjustment')
      this.entry(day, 'adjustment', delta, eventId, note)
      return
    }
    const removed = this.takeSoonest(-delta)
    const clamped =
      removed < -delta
        ? ` (asked to remove ${-delta} but only ${removed} available, so removed ${removed})`
        : ''
    this.entry(day, 'adjustment', -removed, eventId, `${note}${clamped}`)
  }

  private forfeitAll(day: DayNumber, eventId: number, reason: string): void {
    const credits = this.available
    this.batches = []
    this.available = 0
    this.entry(
      day,
      'forfeit',
      -credits,
      eventId,
      `${reason}: ${count(credits, 'credit')} forfeited`,
    )
  }

  changePlan(day: DayNumber, eventId: number, planId: string, terms: SeatTerms): void {
    this.forfeitAll(
      day,
      eventId,
      `Plan changed to ${isCatalogPlanId(planId) ? planName(planId) : 'a custom plan'}`,
    )
    this.planId = planId
    this.terms = terms
    this.cancelledOn = null
    this.renewalDay = terms.renewal === 'first-of-month' ? 1 : dayOfMonthOf(day)
    this.nextRenewal = renewalAfter(day, this.renewalDay)
    const credits = Math.max(0, Math.min(terms.monthlyCredits, terms.cap))
    if (credits > 0) this.addBatch(day, credits, 'opening')
    this.entry(day, 'opening', credits, eventId, `Opening credits of ${planId} (${credits})`)
    this.touch(day)
  }

  cancel(day: DayNumber, eventId: number): void {
    this.forfeitAll(day, eventId, 'Seat cancelled')
    this.cancelledOn = day
    this.nextRenewal = null
  }

  /** The next renewal after the day advanced to, and what it would bring if nothing else happens. */
  renewalPreview(): { date: DayNumber; credits: number } | null {
    const date = this.nextRenewal
    if (date === null) return null
    let remaining = this.available
    if (this.inactivityDeadline !== null && this.inactivityDeadline <= date) remaining = 0
    for (const batch of this.batches) {
      if (batch.expires === null || batch.expires > date) break
      remaining -= batch.credits
    }
    const { monthlyCredits, cap } = this.terms
    return { date, credits: Math.max(0, Math.min(monthlyCredits, cap - remaining)) }
  }
}
