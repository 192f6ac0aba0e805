// A demo ledger: a year of plausible outreach ending today, to try the app and its analytics on.
// Two seats, eight templates (some good, some weak), five roles, InMails, Open Profile messages,
// connection notes, follow-ups, responses, meetings, a few hires and bounces, rare purchases and
// two reconciliations. Seeded: the same seed and day give the same ledger. Everything goes
// through the contract's schemas and the real services, in one transaction.
// `npm run demo [-- --db FILE] [--force] [--seed N] [--days N]`
import { existsSync, rmSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type * as z from 'zod'
import { Backend } from '../src/main/backend'
import { findOrCreateContact } from '../src/main/contacts/service'
import { addDays, localDay } from '../src/main/credits/engine'
import { balance, meeting, purchase, reconcile, respond, send } from '../src/main/credits/service'
import { appendEvent } from '../src/main/credits/store'
import { endOfLocalDay, startOfLocalDay } from '../src/main/credits/zone'
import type { HandlerContext } from '../src/main/handler-types'
import type { Ledger } from '../src/main/ledger'
import { logMessage, markOutreach } from '../src/main/outreach/service'
import { rolesHandlers } from '../src/main/roles/service'
import { addSeat } from '../src/main/seats/service'
import { sequencesHandlers } from '../src/main/sequences/handlers'
import { updateSettings } from '../src/main/settings/service'
import { templatesHandlers } from '../src/main/templates/service'
import { AppError, contract, type AgendaItem } from '../src/shared/contract'
import {
  companies,
  firstNames,
  headlines,
  lastNames,
  roles,
  sequencePlan,
  templates,
} from './demo-data'
import { seededRandom } from './generate'

export interface DemoOptions {
  /** Same seed (and same day), same ledger. */
  seed?: number
  /** The clock: the demo ends on this day (in `timeZone`). Default: now. */
  now?: Date
  timeZone?: string
  /** How many days of outreach, ending today (default 365). */
  days?: number
}

export interface DemoSummary {
  dbPath: string
  from: string
  to: string
  seats: number
  templates: number
  templateVersions: number
  roles: number
  contacts: number
  messages: number
  inmails: number
  openProfile: number
  connectionNotes: number
  followups: number
  responses: number
  meetings: number
  hires: number
  bounces: number
  purchases: number
  reconciliations: number
  adjustments: number
  /** Follow-up sequences: enrolments, their steps done and skipped, and what Today shows. */
  enrolments: number
  stepsDone: number
  stepsSkipped: number
  dueToday: number
  overdue: number
}

export const defaultSeed = 20_260_415

const hour = 3_600_000
const day = 24 * hour

/** Parses through the contract's schema, as the handler map would at the door. */
function valid<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  return schema.parse(input) as z.output<S>
}

function now<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('The demo needs synchronous handlers.')
  return value
}

interface Seats {
  work: number
  personal: number
}

/** Something that happens at an instant; run in time order so storage order is replay order. */
interface Timed {
  ms: number
  run: () => void
}

/** Builds the ledger inside the caller's transaction. */
function fill(
  ledger: Ledger,
  ctx: HandlerContext,
  seed: number,
  from: string,
  to: string,
  tz: string,
  setClock: (ms: number) => void,
) {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const between = (low: number, high: number) => low + random() * (high - low)
  const nowMs = ledger.now().getTime()

  updateSettings(ledger, { timeZone: tz })
  const seat = (name: string, planId: 'recruiter-lite' | 'premium-business') =>
    addSeat(ledger, valid(contract.seats.add.input, { name, planId, startedOn: from })).id
  const seats: Seats = {
    work: seat('Work (Recruiter Lite)', 'recruiter-lite'),
    personal: seat('Personal (Premium Business)', 'premium-business'),
  }
  for (const role of roles)
    now(
      rolesHandlers.add(
        valid(contract.roles.add.input, {
          name: role.name,
          client: role.client,
          family: role.family,
        }),
        ctx,
      ),
    )
  const templateIds = new Map<string, number>()
  for (const t of templates)
    templateIds.set(
      t.name,
      now(
        templatesHandlers.add(
          valid(contract.templates.add.input, {
            name: t.name,
            channel: t.channel,
            body: t.body,
            ...('subject' in t ? { subject: t.subject } : {}),
          }),
          ctx,
        ),
      ).id,
    )
  /** Rates in force: a template's second version replaces the first from midyear. */
  const rates = new Map<string, number>(templates.map((t) => [t.name, t.rate]))

  // The queue: one list per day, each kept in time order.
  const due = new Map<string, Timed[]>()
  const dayOf = (ms: number) => localDay(new Date(ms).toISOString(), tz)
  const at = (ms: number, run: () => void) => {
    if (ms > nowMs) return // not yet happened
    const key = dayOf(ms)
    const list = due.get(key) ?? []
    let i = list.length
    while (i > 0 && list[i - 1]!.ms > ms) i--
    list.splice(i, 0, { ms, run })
    due.set(key, list)
  }
  const iso = (ms: number) => new Date(ms).toISOString()
  /** A local time on a day, e.g. 9.5 for 09:30 (days start at local midnight). */
  const localTime = (d: string, hours: number) => Date.parse(startOfLocalDay(d, tz)) + hours * hour

  let contactCount = 0
  function newContact(family: string, openProfile: boolean) {
    const first = pick(firstNames)
    const last = pick(lastNames)
    contactCount++
    const slug = `${first}-${last}-${contactCount}`
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
    const profileUrl = `https://www.linkedin.com/in/${slug}`
    const who = valid(contract.contacts.add.input, {
      profileUrl,
      name: `${first} ${last}`,
      headline: pick(headlines[family]!),
      company: pick(companies),
      openProfile,
    })
    const { id } = findOrCreateContact(ledger, { profileUrl, name: who.name! })
    // The workspace's addContact reads the contact back with every status: slow for thousands.
    ledger.db
      .prepare('UPDATE contacts SET headline = ?, company = ?, open_profile = ? WHERE id = ?')
      .run(who.headline ?? null, who.company ?? null, openProfile ? 1 : 0, id)
    return profileUrl
  }

  /** A response (and what may follow it) to the message sent to `profileUrl`. */
  function answer(
    seatId: number,
    messageId: number,
    profileUrl: string,
    ms: number,
    connection: boolean,
  ) {
    const kindRoll = random()
    const kind = connection
      ? 'accept'
      : kindRoll < 0.6
        ? 'reply'
        : kindRoll < 0.8
          ? 'accept'
          : 'decline'
    const sentimentRoll = random()
    const sentiment = connection
      ? sentimentRoll < 0.35
        ? 'positive'
        : 'neutral'
      : kind === 'accept'
        ? 'positive'
        : kind === 'decline'
          ? 'negative'
          : sentimentRoll < 0.45
            ? 'positive'
            : sentimentRoll < 0.8
              ? 'neutral'
              : 'negative'
    const meets = sentiment === 'positive' && random() < 0.45
    const meetAfter = Math.floor(between(1, 7))
    const hired = meets && random() < 0.12
    const hireAfter = Math.floor(between(20, 45))
    at(ms, () => {
      respond(
        ledger,
        valid(contract.credits.respond.input, { to: { profileUrl }, at: iso(ms), kind, sentiment }),
      )
      if (!meets) return
      const meetMs = localTime(dayOf(ms + meetAfter * day), between(9, 16))
      at(meetMs, () => {
        meeting(
          ledger,
          valid(contract.credits.meeting.input, { to: { profileUrl }, at: iso(meetMs) }),
        )
        if (!hired) return
        const hireMs = localTime(dayOf(meetMs + hireAfter * day), 11)
        at(hireMs, () => {
          const contact = ledger.db
            .prepare('SELECT id FROM contacts WHERE profile_url = ?')
            .get(profileUrl) as { id: number }
          // A hire is a fact of the ledger like a meeting, on the message that started it.
          appendEvent(ledger, {
            seatId,
            kind: 'hire',
            at: iso(hireMs),
            contactId: contact.id,
            inmailId: messageId,
          })
        })
      })
    })
  }

  /** Hours until a response: most within 24–72 hours, some the same day, a tail of weeks. */
  function delayHours(): number {
    const roll = random()
    if (roll < 0.12) return between(0.5, 10)
    if (roll < 0.72) return between(24, 72)
    if (roll < 0.88) return between(72, 168)
    return between(168, 720)
  }

  function outreach(
    seatId: number,
    d: string,
    kind: 'inmail' | 'open-profile' | 'connection-note',
  ) {
    const connection = kind === 'connection-note'
    const template = connection
      ? pick(templates.filter((t) => t.channel === 'connection-note'))
      : pick(templates.filter((t) => t.channel === 'inmail'))
    const role = pick(roles)
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay()
    // Tuesday to Thursday do a little better (DOMAIN.md §5).
    const dayPull = weekday >= 2 && weekday <= 4 ? 1.1 : 0.85
    const ms = localTime(d, between(8.5, 17.5))
    // Decided now, so the same seed gives the same ledger whatever the credits allow.
    const bounced = !connection && random() < 0.015
    const answerRoll = random()
    const delay = delayHours()
    const followRolls = [random(), random(), random()]
    const lateRolls = [random(), random(), random()]
    const family = role.family
    const openProfile = kind === 'open-profile'
    at(ms, () => {
      let profileUrl = ''
      let messageId: number
      if (connection) {
        profileUrl = newContact(family, openProfile)
        messageId = logMessage(
          ledger,
          valid(contract.outreach.log.input, {
            seatId,
            channel: 'connection-note',
            to: { profileUrl },
            at: iso(ms),
            template: template.name,
            role: role.name,
          }),
        ).eventId
      } else {
        try {
          // One savepoint: a send refused for want of credits leaves no contact behind.
          messageId = ledger.db.transaction(() => {
            profileUrl = newContact(family, openProfile)
            return send(
              ledger,
              valid(contract.credits.send.input, {
                seatId,
                to: { profileUrl },
                at: iso(ms),
                openProfile,
                template: template.name,
                role: role.name,
              }),
            ).eventId
          })()
        } catch (error) {
          // Out of credits this month: the recruiter waits for the renewal.
          if (error instanceof AppError && error.code === 'NO_CREDITS') return
          throw error
        }
      }
      if (bounced) {
        const bounceMs = ms + 2 * hour
        at(bounceMs, () =>
          markOutreach(
            ledger,
            valid(contract.outreach.mark.input, {
              messageIds: [messageId],
              action: 'bounced',
              at: iso(bounceMs),
            }),
          ),
        )
        return
      }
      const p = (rates.get(template.name) ?? 0) * role.pull * dayPull
      if (answerRoll < p)
        return answer(seatId, messageId, profileUrl, ms + delay * hour, connection)
      if (connection) return
      // No answer: a bump on day 3, a new angle on day 7, a polite exit on day 14 (§5).
      for (const [i, after] of [3, 7, 14].entries()) {
        if (followRolls[i]! >= [0.65, 0.5, 0.3][i]!) return
        const followMs = localTime(addDays(d, after), between(8.5, 17.5))
        const contactId = (
          ledger.db.prepare('SELECT id FROM contacts WHERE profile_url = ?').get(profileUrl) as {
            id: number
          }
        ).id
        at(
          followMs,
          () =>
            void appendEvent(ledger, {
              seatId,
              kind: 'message-sent',
              channel: 'inmail',
              at: iso(followMs),
              contactId,
              followupOf: messageId,
              bodyChars: Math.floor(between(80, 320)),
            }),
        )
        if (lateRolls[i]! < p * 0.35)
          return answer(seatId, messageId, profileUrl, followMs + delayHours() * hour, false)
      }
    })
  }

  // The plan, day by day; then the queue runs in time order.
  const midyear = addDays(from, Math.floor((Date.parse(to) - Date.parse(from)) / day / 2))
  const purchaseDays = new Set([addDays(from, 75), addDays(from, 200), addDays(from, 320)])
  const reconcileDays = [addDays(from, 120), addDays(from, 300)]
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d)
  for (const d of days) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay()
    if (d === midyear) {
      const t = templates.find((x) => 'v2' in x)!
      at(localTime(d, 7), () => {
        if (!('v2' in t)) return
        now(
          templatesHandlers.update(
            valid(contract.templates.update.input, {
              templateId: templateIds.get(t.name)!,
              subject: t.v2.subject,
              body: t.v2.body,
            }),
            ctx,
          ),
        )
        rates.set(t.name, t.v2.rate)
      })
    }
    if (purchaseDays.has(d))
      at(localTime(d, 8), () =>
        purchase(
          ledger,
          valid(contract.credits.purchase.input, {
            seatId: seats.personal,
            credits: 10,
            at: d,
            priceCents: 10_000,
          }),
        ),
      )
    if (weekday === 0 || weekday === 6) continue
    const sends = (mean: number) => Math.floor(mean + random())
    // Once the follow-up sequences start, most new InMails on the Work seat go out through them.
    const sequenced = d > addDays(to, -sequencePlan.days)
    for (let i = sends(sequenced ? sequencePlan.workInmailsPerDay : 1.7); i > 0; i--)
      outreach(seats.work, d, 'inmail')
    for (let i = sends(0.3); i > 0; i--) outreach(seats.work, d, 'open-profile')
    for (let i = sends(0.9); i > 0; i--) outreach(seats.work, d, 'connection-note')
    for (let i = sends(0.75); i > 0; i--) outreach(seats.personal, d, 'inmail')
    for (let i = sends(0.45); i > 0; i--) outreach(seats.personal, d, 'connection-note')
  }
  /**
   * Follow-up sequences over the last weeks, through the sequences' own handlers: the user copies
   * the InMail built-in, enrols a person or two most working days in it or in the
   * connection-first built-in, and each morning works through Today: most steps done (which logs
   * the send), a few skipped, some left for later. People answer some steps, which stops their
   * enrolment (an accepted connection request skips the InMail instead). Today's steps are left
   * for the user, so Today, Sequences and the report's sequence section have something to show.
   */
  function followUps(window: string[]) {
    const chance = seededRandom(seed + 1)
    const plan = sequencePlan
    let copy = 0
    let connectFirst = 0
    const first = window[0]
    if (first === undefined) return
    at(localTime(first, 7.5), () => {
      const builtIns = now(
        sequencesHandlers.list(valid(contract.sequences.list.input, {}), ctx),
      ).filter((q) => q.builtin)
      const inmailOnly = builtIns.find((q) => q.steps.every((step) => step.channel === 'inmail'))!
      connectFirst = builtIns.find((q) => q.steps[0]?.channel === 'connection-request')!.id
      const copied = now(
        sequencesHandlers.copy(
          valid(contract.sequences.copy.input, { sequenceId: inmailOnly.id, name: plan.copyName }),
          ctx,
        ),
      )
      copy = now(
        sequencesHandlers.save(
          valid(contract.sequences.save.input, {
            sequenceId: copied.id,
            name: copied.name,
            businessDays: true,
            preferredWeekdays: [1, 2, 3, 4, 5],
            stopOn: copied.stopOn,
            steps: copied.steps.map((step, i) => ({
              dayOffset: step.dayOffset,
              channel: step.channel,
              templateId: i === 0 ? templateIds.get(plan.firstTemplate)! : step.templateId,
              note: step.note,
              condition: step.condition,
              exit: step.exit,
            })),
          }),
          ctx,
        ),
      ).id
    })

    const skip = (stepId: number) =>
      now(sequencesHandlers.skip(valid(contract.sequences.skip.input, { stepId }), ctx))

    /** Marks the step done at `ms` (logging its send); out of credits, the user skips it. */
    function doStep(item: AgendaItem, ms: number) {
      let eventId: number | null
      try {
        eventId = now(
          sequencesHandlers.done(
            valid(contract.sequences.done.input, { stepId: item.step, at: iso(ms) }),
            ctx,
          ),
        ).eventId
      } catch (error) {
        if (error instanceof AppError && error.code === 'NO_CREDITS') return void skip(item.step)
        throw error
      }
      if (eventId === null || item.profileUrl === null) return
      const connection = item.channel === 'connection-request'
      const odds = connection
        ? plan.answers.connection
        : item.position === 1
          ? plan.answers.opening
          : plan.answers.later
      if (chance() < odds)
        answer(item.seatId, eventId, item.profileUrl, ms + delayHours() * hour, connection)
    }

    const workingDays = window.filter((d) => {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay()
      return weekday !== 0 && weekday !== 6 && d !== to
    })
    const lastWeek = addDays(to, -7)
    for (const d of workingDays) {
      // The morning round: what Today lists (due and overdue), one step after another; on the
      // working day before today the user was out, so that day's steps are overdue today.
      if (d !== workingDays.at(-1))
        at(localTime(d, 9), () => {
          const today = now(
            sequencesHandlers.agenda(
              valid(contract.sequences.agenda.input, { at: d, days: 0 }),
              ctx,
            ),
          )
          const ready = [...today.overdue, ...today.due].filter((item) => item.waitsFor === null)
          ready.forEach((item, i) => {
            const roll = chance()
            const ms = localTime(d, 9 + (i + 1) / 30)
            // The demo's people have no email address: their email step is skipped.
            if (item.channel === 'email' || (roll >= plan.done && roll < plan.done + plan.skipped))
              at(ms, () => void skip(item.step))
            else if (roll < plan.done) at(ms, () => doStep(item, ms))
          })
        })
      // Then new people, each started today. An InMail opening goes out as they are enrolled;
      // the connection request (due tomorrow) and the later steps come up in the rounds.
      const people = Math.floor(plan.enrolPerDay + chance()) + (d > lastWeek ? 1 : 0)
      for (let n = people; n > 0; n--) {
        // In the last week, each day's first person goes into the InMail copy.
        const inmail = (d > lastWeek && n === people) || chance() < plan.inmailShare
        const role = roles[Math.floor(chance() * roles.length)]!
        const ms = localTime(d, 11 + n / 4)
        at(ms, () => {
          const profileUrl = newContact(role.family, false)
          const contactId = (
            ledger.db.prepare('SELECT id FROM contacts WHERE profile_url = ?').get(profileUrl) as {
              id: number
            }
          ).id
          now(
            sequencesHandlers.enrol(
              valid(contract.sequences.enrol.input, {
                sequenceId: inmail ? copy : connectFirst,
                seatId: inmail ? seats.work : seats.personal,
                contactIds: [contactId],
                startOn: d,
              }),
              ctx,
            ),
          )
          if (!inmail) return
          const opening = now(
            sequencesHandlers.agenda(
              valid(contract.sequences.agenda.input, { at: d, days: 0 }),
              ctx,
            ),
          ).due.find((item) => item.contactId === contactId && item.position === 1)
          if (opening) doStep(opening, ms)
        })
      }
    }
  }

  // Twice the user checks LinkedIn's counter: once it agrees, once it shows one credit fewer.
  for (const [i, d] of reconcileDays.entries())
    at(Date.parse(endOfLocalDay(d, tz)) - hour, () => {
      const computed = balance(ledger, seats.work, endOfLocalDay(d, tz)).available
      reconcile(
        ledger,
        valid(contract.credits.reconcile.input, {
          seatId: seats.work,
          at: d,
          shown: Math.max(0, computed - i),
          ...(i > 0
            ? { note: 'LinkedIn shows one fewer; an InMail sent from the phone app?' }
            : {}),
        }),
      )
    })
  followUps(days.filter((d) => d >= addDays(to, 1 - sequencePlan.days)))
  for (const d of days) {
    const list = due.get(d)
    // Work scheduled for today while today runs joins the same list, in time order. The clock
    // reads each moment as it runs, as it did for the user: what the services stamp with "now"
    // (a skipped step, a contact added, an enrolment) gets that moment.
    for (let i = 0; list && i < list.length; i++) {
      setClock(list[i]!.ms)
      list[i]!.run()
    }
    due.delete(d)
  }
  setClock(nowMs)
}

export async function generateDemo(
  dbPath: string,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const seed = options.seed ?? defaultSeed
  const clock = options.now ?? new Date()
  const tz = options.timeZone ?? 'America/New_York'
  const to = localDay(clock.toISOString(), tz)
  const from = addDays(to, -((options.days ?? 365) - 1))
  // The clock moves through the year as the demo writes it, and ends on `clock`.
  let reading = clock
  const backend = await Backend.open({ dbPath, now: () => reading })
  try {
    const { ledger } = backend
    const ctx: HandlerContext = { ledger, backend }
    const setClock = (ms: number) => (reading = new Date(ms))
    ledger.db.transaction(() => fill(ledger, ctx, seed, from, to, tz, setClock))()
    reading = clock
    const today = now(
      sequencesHandlers.agenda(valid(contract.sequences.agenda.input, { days: 0 }), ctx),
    )
    const count = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n
    const events = (where: string) =>
      count(`SELECT count(*) AS n FROM ledger_events WHERE ${where}`)
    return {
      dbPath: backend.paths.dbPath,
      from,
      to,
      seats: count('SELECT count(*) AS n FROM seats'),
      templates: count('SELECT count(*) AS n FROM templates'),
      templateVersions: count('SELECT count(*) AS n FROM template_versions'),
      roles: count('SELECT count(*) AS n FROM roles'),
      contacts: count('SELECT count(*) AS n FROM contacts'),
      messages: events("kind IN ('inmail-sent', 'message-sent') AND followup_of IS NULL"),
      inmails: events("kind = 'inmail-sent' AND open_profile = 0"),
      openProfile: events("kind = 'inmail-sent' AND open_profile = 1"),
      connectionNotes: events("kind = 'message-sent' AND channel = 'connection-note'"),
      followups: events('followup_of IS NOT NULL'),
      responses: events("kind = 'response'"),
      meetings: events("kind = 'meeting'"),
      hires: events("kind = 'hire'"),
      bounces: events("kind = 'bounce'"),
      purchases: events("kind = 'purchase'"),
      reconciliations: events("kind = 'reconciliation'"),
      adjustments: events("kind = 'adjustment'"),
      enrolments: count('SELECT count(*) AS n FROM enrolments'),
      stepsDone: count("SELECT count(*) AS n FROM enrolment_steps WHERE state = 'done'"),
      stepsSkipped: count("SELECT count(*) AS n FROM enrolment_steps WHERE state = 'skipped'"),
      dueToday: today.due.length,
      overdue: today.overdue.length,
    }
  } finally {
    backend.close()
  }
}

function describe(summary: DemoSummary): string {
  const near = relative(process.cwd(), summary.dbPath)
  const shown = near === '' || near.startsWith('..') ? summary.dbPath : near
  return [
    `Wrote a demo ledger to ${summary.dbPath}`,
    `  ${summary.from} to ${summary.to}: ${summary.seats} seats, ${summary.templates} templates, ${summary.roles} roles, ${summary.contacts} contacts`,
    `  ${summary.messages} messages (${summary.inmails} InMails, ${summary.openProfile} Open Profile, ${summary.connectionNotes} connection notes), ${summary.followups} follow-ups`,
    `  ${summary.responses} responses, ${summary.meetings} meetings, ${summary.hires} hires, ${summary.bounces} bounces, ${summary.purchases} purchases, ${summary.reconciliations} reconciliations`,
    `  ${summary.enrolments} people in follow-up sequences: ${summary.stepsDone} steps done, ${summary.stepsSkipped} skipped; today ${summary.dueToday} due and ${summary.overdue} overdue`,
    '',
    'Open it in your browser:',
    `  npm run web -- --db ${shown}`,
    'or ask the CLI:',
    `  npm run cli -- --db ${shown} metrics --by template`,
  ].join('\n')
}

/** `npm run demo [-- --db FILE] [--force] [--seed N] [--days N]`; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values: { db?: string; force?: boolean; seed?: string; days?: string; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        force: { type: 'boolean', default: false },
        seed: { type: 'string' },
        days: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    console.error(`error: ${(error as Error).message}`)
    return 2
  }
  if (values.help) {
    console.log(
      'Usage: npm run demo [-- --db FILE] [--force] [--seed N] [--days N]\n' +
        '  --db     where to write it (default demo/ledger.sqlite)\n' +
        '  --force  replace the file if it exists\n' +
        `  --seed   another ledger of the same shape (default ${defaultSeed})\n` +
        '  --days   how many days of outreach, ending today (default 365)',
    )
    return 0
  }
  const seed = values.seed === undefined ? defaultSeed : Number(values.seed)
  if (!Number.isSafeInteger(seed)) {
    console.error(`error: --seed takes a whole number, not "${values.seed}".`)
    return 2
  }
  const days = values.days === undefined ? 365 : Number(values.days)
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    console.error(`error: --days takes a whole number from 1 to 3660, not "${values.days}".`)
    return 2
  }
  const dbPath = resolve(values.db ?? 'demo/ledger.sqlite')
  if (existsSync(dbPath)) {
    if (!values.force) {
      console.error(`error: ${dbPath} already exists; add --force to replace it.`)
      return 1
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
  }
  const started = performance.now()
  try {
    const summary = await generateDemo(dbPath, { seed, days })
    console.log(describe(summary))
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
    return 0
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
