// The daily agenda: steps due today, overdue, and coming up, each with its template filled in
// for the person so it can be copied and sent.
import type { Agenda, AgendaItem } from '../../shared/contract/sequences'
import { addDays } from '../../shared/domain/schedule'
import { renderTemplate } from '../../shared/domain/templates'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import { todayIn } from './clock'
import { openEnrolments } from './enrolments'

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
    const subject = template.subject ? renderTemplate(template.subject, values) : null
    const body = renderTemplate(template.body, values)
    return {
      subject: subject?.text ?? null,
      body: body.text,
      missing: [...new Set([...(subject?.missing ?? []), ...body.missing])],
    }
  }
}

/** Every pending step of every running enrolment due on or before `until`, soonest first. */
export function pendingSteps(ledger: Ledger, until: string, seatId?: number): AgendaItem[] {
  const render = renderer(ledger)
  const items: AgendaItem[] = []
  for (const { enrolment, rows } of openEnrolments(ledger, seatId)) {
    if (enrolment.status !== 'active') continue
    enrolment.steps.forEach((step, i) => {
      if (step.state !== 'pending' || step.dueOn > until) return
      const row = rows[i]!
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
        dueOn: step.dueOn,
        plannedOn: step.plannedOn,
        note: step.note,
        exit: step.exit,
        template: step.template,
        ...render(row.template_id, enrolment.contactId),
      })
    })
  }
  return items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.channel.localeCompare(b.channel) ||
      a.contact.localeCompare(b.contact) ||
      a.step - b.step,
  )
}

export function agenda(ledger: Ledger, input: { at?: string | undefined; days: number }): Agenda {
  const today = input.at ?? todayIn(ledger.now(), timeZoneOf(ledger))
  const items = pendingSteps(ledger, addDays(today, input.days))
  return {
    today,
    due: items.filter((i) => i.dueOn === today),
    overdue: items.filter((i) => i.dueOn < today),
    upcoming: items.filter((i) => i.dueOn > today),
  }
}
