// Contacts, roles, templates and the outreach table on a real ledger.
import { describe, expect, it } from 'vitest'
import type {
  ContactDetail,
  DuplicatePair,
  OutreachRow,
  Role,
  Sent,
  TemplateSummary,
} from '../../../src/shared/contract'
import { call, eventCount, openWithSeat, refused } from '../../helpers/ledger'

const now = () => new Date('2026-06-30T12:00:00.000Z')

async function ledger() {
  return openWithSeat({ now, seat: { startedOn: '2026-01-05' } })
}

describe('the outreach table', () => {
  it('lists every opening message with its status, filtered and sorted', async () => {
    const { backend, seat } = await ledger()
    await call(backend, 'templates.add', {
      name: 'Hook A',
      channel: 'inmail',
      subject: 'Search lead',
      body: 'Hi {firstName}, worth a chat?',
    })
    const a = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/ana', name: 'Ana Silva' },
      at: '2026-06-01T09:00:00Z',
      template: 'Hook A',
      role: 'Staff Engineer',
    })
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/bo' },
      at: '2026-06-02T09:00:00Z',
    })
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/old' },
      at: '2026-03-01T09:00:00Z',
    })
    await call(backend, 'outreach.log', {
      seatId: seat.id,
      channel: 'email',
      to: { name: 'Chidi Okafor' },
      at: '2026-06-03T09:00:00Z',
    })
    await call(backend, 'credits.respond', {
      to: { profileUrl: 'linkedin.com/in/ana' },
      at: '2026-06-02T10:00:00Z',
      sentiment: 'positive',
    })

    const all = await call<{ rows: OutreachRow[]; total: number }>(backend, 'outreach.list', {})
    expect(all.total).toBe(4)
    expect(all.rows.map((r) => [r.contact, r.channel, r.status])).toEqual([
      ['Chidi Okafor', 'email', 'awaiting'],
      ['linkedin.com/in/bo', 'inmail', 'awaiting'],
      ['Ana Silva', 'inmail', 'positive'],
      ['linkedin.com/in/old', 'inmail', 'no-reply'],
    ])
    expect(all.rows[2]).toMatchObject({
      id: a.eventId,
      template: 'Hook A',
      role: 'Staff Engineer',
      respondedAt: '2026-06-02T10:00:00.000Z',
    })

    const inmails = await call<{ rows: OutreachRow[]; total: number }>(backend, 'outreach.list', {
      channel: 'inmail',
      sort: 'contact',
      direction: 'asc',
    })
    expect(inmails.rows.map((r) => r.contact)).toEqual([
      'Ana Silva',
      'linkedin.com/in/bo',
      'linkedin.com/in/old',
    ])
    expect(
      (await call<{ total: number }>(backend, 'outreach.list', { status: 'positive' })).total,
    ).toBe(1)
    expect(
      (await call<{ total: number }>(backend, 'outreach.list', { template: 'hook a' })).total,
    ).toBe(1)
    expect(
      (
        await call<{ total: number }>(backend, 'outreach.list', {
          from: '2026-06-02',
          to: '2026-06-02',
        })
      ).total,
    ).toBe(1)
    expect(
      (await call<{ total: number }>(backend, 'outreach.list', { search: 'chidi' })).total,
    ).toBe(1)
    expect((await call<{ total: number }>(backend, 'outreach.list', { search: '%' })).total).toBe(0)
  })

  it('marks several messages at once, in one transaction', async () => {
    const { backend, seat } = await ledger()
    const one = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/one' },
      at: '2026-06-01T09:00:00Z',
    })
    const two = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/two' },
      at: '2026-06-01T09:00:00Z',
    })
    expect(
      await call(backend, 'outreach.mark', {
        messageIds: [one.eventId, two.eventId],
        action: 'positive',
      }),
    ).toEqual({ changed: 2 })
    expect(
      await call(backend, 'outreach.mark', { messageIds: [one.eventId], action: 'positive' }),
    ).toEqual({ changed: 0 })
    await call(backend, 'outreach.mark', { messageIds: [two.eventId], action: 'meeting' })
    await call(backend, 'outreach.mark', { messageIds: [one.eventId], action: 'hired' })
    const hires = backend.ledger.db
      .prepare("SELECT count(*) AS n FROM ledger_events WHERE kind = 'hire'")
      .get() as { n: number }
    expect(hires.n).toBe(1)
    const rows = (
      await call<{ rows: OutreachRow[] }>(backend, 'outreach.list', {
        sort: 'contact',
        direction: 'asc',
      })
    ).rows
    expect(rows.map((r) => r.status)).toEqual(['hired', 'meeting'])

    const before = eventCount(backend)
    const error = await refused(backend, 'outreach.mark', {
      messageIds: [one.eventId, 99999],
      action: 'bounced',
    })
    expect(error.code).toBe('NOT_FOUND')
    expect(eventCount(backend)).toBe(before)
    expect(
      (await refused(backend, 'outreach.mark', { messageIds: [], action: 'bounced' })).message,
    ).toMatch(/at least one/)
  })
})

describe('contacts', () => {
  it('shows a person’s timeline and takes edits', async () => {
    const { backend, seat } = await ledger()
    const sent = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/ana', name: 'Ana Silva' },
      at: '2026-06-01T09:00:00Z',
    })
    await call(backend, 'credits.respond', {
      to: { name: 'ana silva' },
      at: '2026-06-02T10:00:00Z',
      kind: 'decline',
      sentiment: 'negative',
    })
    const updated = await call<ContactDetail>(backend, 'contacts.update', {
      contactId: sent.contact.id,
      company: 'Acme',
      email: 'Ana@Example.com',
      tags: ['backend', 'backend', 'berlin'],
      openProfile: true,
    })
    expect(updated).toMatchObject({
      company: 'Acme',
      email: 'ana@example.com',
      tags: ['backend', 'berlin'],
      openProfile: true,
      status: 'replied',
    })
    expect(updated.timeline.map((t) => t.text)).toEqual(['InMail', 'Declined (negative)'])
    expect(
      (
        await refused(backend, 'contacts.update', {
          contactId: sent.contact.id,
          email: 'not-an-email',
        })
      ).message,
    ).toMatch(/email address/)
  })

  it('finds duplicates, merges them (never automatically) and undoes the merge', async () => {
    const { backend, seat } = await ledger()
    const a = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/zoe-obrien', name: "Zoë O'Brien" },
      at: '2026-06-01T09:00:00Z',
    })
    const b = await call<ContactDetail>(backend, 'contacts.add', {
      name: 'Zoe OBrien',
      company: 'Initech',
    })
    await call(backend, 'contacts.update', { contactId: a.contact.id, company: 'initech' })
    await call(backend, 'contacts.add', { name: 'Someone Else', company: 'Initech' })

    const pairs = await call<DuplicatePair[]>(backend, 'contacts.duplicates', {})
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.reason).toMatch(/Same name at the same company/)
    expect((await call<{ total: number }>(backend, 'contacts.list', {})).total).toBe(3)

    const merged = await call<{ mergeId: number; kept: ContactDetail }>(backend, 'contacts.merge', {
      keepId: a.contact.id,
      mergeId: b.id,
    })
    expect(merged.kept.mergedFrom.map((m) => m.id)).toEqual([b.id])
    expect((await call<{ total: number }>(backend, 'contacts.list', {})).total).toBe(2)
    // The merged name now finds the kept person's InMail.
    await call(backend, 'credits.respond', {
      to: { name: 'Zoe OBrien' },
      at: '2026-06-02T09:00:00Z',
    })

    const restored = await call<ContactDetail>(backend, 'contacts.undoMerge', {
      mergeId: merged.mergeId,
    })
    expect(restored.id).toBe(b.id)
    expect((await call<{ total: number }>(backend, 'contacts.list', {})).total).toBe(3)
    expect(
      (await refused(backend, 'contacts.merge', { keepId: a.contact.id, mergeId: a.contact.id }))
        .message,
    ).toMatch(/two different/)
  })
})

describe('roles and templates', () => {
  it('keeps roles with their status and message counts', async () => {
    const { backend, seat } = await ledger()
    const role = await call<Role>(backend, 'roles.add', {
      name: 'Staff Engineer',
      client: 'Acme',
      family: 'Engineering',
    })
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/a' },
      at: '2026-06-01T09:00:00Z',
      role: 'staff engineer',
    })
    expect(
      await call<Role>(backend, 'roles.update', { roleId: role.id, status: 'filled' }),
    ).toMatchObject({ status: 'filled', messages: 1 })
    expect((await refused(backend, 'roles.add', { name: 'STAFF ENGINEER' })).message).toMatch(
      /already exists/,
    )
    expect(
      (await refused(backend, 'roles.update', { roleId: role.id, status: 'hired' })).message,
    ).toMatch(/open, paused, filled or closed/)
  })

  it('versions a template on every change, and shows its own reply rate and checks', async () => {
    const { backend, seat } = await ledger()
    const t = await call<TemplateSummary>(backend, 'templates.add', {
      name: 'Hook A',
      channel: 'inmail',
      subject: 'Exciting opportunity',
      body: 'Hi {firstName}, are you open to a chat?',
    })
    expect(t).toMatchObject({ version: 1, sends: 0, replyRate: null })
    expect(t.findings.map((f) => f.code)).toContain('GENERIC_SUBJECT')
    for (const who of ['a', 'b', 'c', 'd'])
      await call(backend, 'credits.send', {
        seatId: seat.id,
        to: { profileUrl: `linkedin.com/in/${who}` },
        at: '2026-06-01T09:00:00Z',
        template: 'Hook A',
      })
    await call(backend, 'credits.respond', {
      to: { profileUrl: 'linkedin.com/in/a' },
      at: '2026-06-02T09:00:00Z',
    })
    const [listed] = await call<TemplateSummary[]>(backend, 'templates.list', {})
    expect(listed).toMatchObject({ sends: 4, replies: 1, replyRate: 0.25 })
    expect(listed!.interval!.low).toBeLessThan(0.25)
    expect(listed!.interval!.high).toBeGreaterThan(0.25)

    const same = await call<TemplateSummary>(backend, 'templates.update', {
      templateId: t.id,
      name: 'Hook A',
    })
    expect(same.version).toBe(1)
    const edited = await call<TemplateSummary>(backend, 'templates.update', {
      templateId: t.id,
      subject: 'Search lead',
    })
    expect(edited.version).toBe(2)

    const contact = await call<ContactDetail>(backend, 'contacts.add', {
      name: 'Ana Silva',
      company: 'Acme',
    })
    expect(
      await call(backend, 'templates.render', { templateId: t.id, contactId: contact.id }),
    ).toEqual({
      subject: 'Search lead',
      body: 'Hi Ana, are you open to a chat?',
      missing: [],
    })
    expect(
      (await refused(backend, 'templates.add', { name: 'X', channel: 'fax', body: 'hi' })).message,
    ).toMatch(/InMail, a connection note/)
  })
})
