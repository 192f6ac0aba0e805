// The daily agenda: steps due today, overdue, and coming up, each with its template filled in
// for the person so it can be copied and sent.
import type { Agenda, AgendaItem } from '../../shared/contract/sequences'
import { addDays } from '../../shared/domain/schedule'
import { renderMessage } from '../../shared/domain/templates'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import { todayIn } from './clock'
import { openEnrolments } from './enrolments'
import { planOf } from './plan'

interface Rendered {
  subject: string | null
  body: string | null
  missing: string[]
}

function renderer(ledger: Ledger) {
  const templateOf = ledger.db.prepare(
    `SELECT subject, body FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1`,
  )
  const contactOf = ledger.db.prepare('SELECT name, company, headline FROM contacts WHERE id = ?')
  return (templateId: number | null, contactId: number): Rendered => {
    if (templateId === null) return { subject: null, body: null, missing: [] }
    const template = templateOf.get(templateId) as
      { subject: string | null; body: string } | undefined
    if (!template) return { subject: null, body: null, missing: [] }
    const contact = contactOf.get(contactId) as
      { name: string | null; company: string | null; headline: string | null } | undefined
    const parts = (contact?.name ?? '').trim().split(/\s+/)
    const values = {
      firstName: parts[0] || null,
      lastName: parts.length > 1 ? parts.slice(1).join(' ') : null,
      fullName: contact?.name ?? null,
      company: contact?.company ?? null,
      headline: contact?.headline ?? null,
    }
    return renderMessage(template, values)
  }
}

/**
 * The pending steps of every running enrolment on or before `until`, soonest first: the next
 * step of each on its stored day, and the steps waiting for it on their expected days.
 */
export function pendingSteps(
  ledger: Ledger,
  today: string,
  until: string,
  seatId?: number,
): AgendaItem[] {
  const render = renderer(ledger)
  const items: AgendaItem[] = []
  for (const loaded of openEnrolments(ledger, seatId)) {
    const { enrolment, rows } = loaded
    for (const planned of planOf(loaded, today)) {
      if (planned.day > until) continue
      const step = enrolment.steps[planned.index]!
      const row = rows[planned.index]!
      items.push({
        step: step.id,
        enrolmentId: enrolment.id,
        sequenceId: enrolment.sequenceId,
        sequence: enrolment.sequence,
        position: step.position,
        stepCount: enrolment.steps.length,
        contactId: enrolment.contactId,
        contact: enrolment.contact,
        profileUrl: enrolment.profileUrl,
        seatId: enrolment.seatId,
        seat: enrolment.seat,
        channel: step.channel,
        dueOn: planned.day,
        plannedOn: step.plannedOn,
        waitsFor: planned.waitsFor,
        note: step.note,
        exit: step.exit,
        template: step.template,
        ...render(row.template_id, enrolment.contactId),
      })
    }
  }
  return items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.channel.localeCompare(b.channel) ||
      a.contact.localeCompare(b.contact) ||
      a.step - b.step,
  )
}

/** Due and overdue hold only steps that can be done now; waiting steps are always upcoming. */
export function agenda(ledger: Ledger, input: { at?: string | undefined; days: number }): Agenda {
  const today = input.at ?? todayIn(ledger.now(), timeZoneOf(ledger))
  const items = pendingSteps(ledger, today, addDays(today, input.days))
  const now = items.filter((i) => i.waitsFor === null)
  return {
    today,
    due: now.filter((i) => i.dueOn === today),
    overdue: now.filter((i) => i.dueOn < today),
    upcoming: items.filter((i) => i.waitsFor !== null || i.dueOn > today),
  }
}
