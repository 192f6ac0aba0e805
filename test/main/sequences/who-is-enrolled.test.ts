// Who an enrolment takes in: `to` matches existing contacts only (a new one only from a profile
// URL), people who answered, still await an InMail's answer or run in another sequence are left
// out unless asked (the preview says so before a credit is spent), ambiguous names list who they
// could be; "running" counts what a reply did not stop; snoozing to a day the sequence does not
// send on warns.
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import type { CreditsAhead, Enrolled, Sequence, Snoozed } from '../../../src/shared/contract'
import { cliAt } from '../../helpers/cli'
import { call, refused } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

const url = (who: string) => `https://www.linkedin.com/in/${who}`
const contactCount = (l: { backend: Backend }) =>
  (l.backend.ledger.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n

describe('who --to means', () => {
  it('refuses unknown names and bare ids, adding nobody; a new contact only from a profile URL', async () => {
    const l = await sequencesLedger()
    const { backend, inmail } = l
    await call(backend, 'contacts.add', { profileUrl: url('nadia-a'), name: 'Nadia Andersen' })
    const before = contactCount(l)
    for (const name of ['#1', '1', 'Zzz Nobody']) {
      for (const channel of ['sequences.creditsAhead', 'sequences.enrol']) {
        const error = await refused(backend, channel, {
          sequenceId: inmail.id,
          to: [{ name }],
          startOn: '2026-11-24',
        })
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).toMatch(/Nobody was enrolled/)
        expect(error.message).toMatch(/profile URL the ledger does not know adds them/)
      }
    }
    const idError = await refused(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ name: '#1' }],
      startOn: '2026-11-24',
    })
    expect(idError.message).toContain('"#1" is an id, not a name')
    expect(contactCount(l)).toBe(before)

    // An exact name finds the contact; a new profile URL is named as new, then added.
    const preview = await call<CreditsAhead>(backend, 'sequences.creditsAhead', {
      sequenceId: inmail.id,
      to: [{ name: 'nadia andersen' }, { profileUrl: url('new-person') }],
      startOn: '2026-11-24',
    })
    expect(preview.newContacts).toEqual(['linkedin.com/in/new-person'])
    expect(preview.people).toBe(2)
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ name: 'Nadia Andersen' }, { profileUrl: url('new-person') }],
      startOn: '2026-11-24',
    })
    expect(enrolled.enrolmentIds).toHaveLength(2)
    expect(enrolled.added).toEqual([
      { contactId: before + 1, contact: 'linkedin.com/in/new-person' },
    ])
    expect(contactCount(l)).toBe(before + 1)
  })

  it('lists every person an ambiguous name could be, with headline, company and URL', async () => {
    const { backend, seat, inmail } = await sequencesLedger()
    await call(backend, 'contacts.add', {
      profileUrl: url('wen-1'),
      name: 'Wen García',
      company: 'Contoso',
    })
    await call(backend, 'contacts.add', {
      profileUrl: url('wen-2'),
      name: 'Wen García',
      headline: 'Data engineer',
    })
    for (const [channel, input] of [
      [
        'sequences.enrol',
        { sequenceId: inmail.id, to: [{ name: 'Wen García' }], startOn: '2026-11-24' },
      ],
      ['credits.send', { seatId: seat.id, to: { name: 'Wen García' }, at: '2026-11-23T09:00:00Z' }],
    ] as const) {
      const error = await refused(backend, channel, input)
      expect(error.code).toBe('AMBIGUOUS_CONTACT')
      expect(error.message).toContain('Wen García (Contoso): https://www.linkedin.com/in/wen-1')
      expect(error.message).toContain(
        'Wen García (Data engineer): https://www.linkedin.com/in/wen-2',
      )
    }
  })
})

describe('who is left out', () => {
  async function history() {
    const l = await sequencesLedger()
    const { backend, seat, clock } = l
    const send = (who: string, at: string) =>
      call(backend, 'credits.send', { seatId: seat.id, to: { profileUrl: url(who) }, at })
    await send('nadia', '2026-11-02T09:00:00Z')
    await call(backend, 'credits.respond', {
      to: { profileUrl: url('nadia') },
      at: '2026-11-21T09:00:00Z',
    })
    // Ben's InMail went out this morning; nobody else has heard from the ledger.
    await send('ben', '2026-11-23T09:00:00Z')
    clock.now = new Date('2026-11-23T12:00:00.000Z')
    return l
  }

  it('leaves out who answered or awaits an InMail, lists them, and counts credits for the rest', async () => {
    const { backend, inmail } = await history()
    const input = {
      sequenceId: inmail.id,
      to: ['nadia', 'ben', 'cleo'].map((w) => ({ profileUrl: url(w) })),
      startOn: '2026-11-24',
    }
    const preview = await call<CreditsAhead>(backend, 'sequences.creditsAhead', input)
    expect(preview.people).toBe(1)
    expect(preview.needed).toBe(4)
    expect(preview.leftOut.map((p) => [p.contact, p.why])).toEqual([
      ['linkedin.com/in/nadia', 'answered'],
      ['linkedin.com/in/ben', 'inmail-awaiting'],
    ])
    expect(preview.message).toContain(
      'Left out: linkedin.com/in/nadia (answered on 21 Nov 2026), linkedin.com/in/ben (InMail of 23 Nov 2026 still awaiting a response).',
    )
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', input)
    expect(enrolled.enrolmentIds).toHaveLength(1)
    expect(enrolled.skipped.map((p) => p.why)).toEqual(['answered', 'inmail-awaiting'])
    expect(enrolled.credits.needed).toBe(4)
  })

  it('with the override enrols them, and says before any credit is spent that Ben’s InMail would be a second one', async () => {
    const { backend, inmail } = await history()
    const input = {
      sequenceId: inmail.id,
      to: [{ profileUrl: url('nadia') }, { profileUrl: url('ben') }],
      startOn: '2026-11-24',
      includeAnswered: true,
    }
    const preview = await call<CreditsAhead>(backend, 'sequences.creditsAhead', input)
    expect(preview).toMatchObject({ people: 2, needed: 8, leftOut: [] })
    const messages = preview.warnings.map((w) => w.message)
    expect(messages).toContain(
      'linkedin.com/in/nadia already answered on 21 Nov 2026. Check the conversation before the first step goes out.',
    )
    expect(messages).toContain(
      "linkedin.com/in/ben has had no response to the InMail of 23 Nov 2026: step 1's InMail spends another credit, and LinkedIn may not deliver it.",
    )
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', input)
    expect(enrolled.enrolmentIds).toHaveLength(2)
  })

  it('leaves out who runs in another sequence, and never enrols anyone twice in one', async () => {
    const { backend, inmail, multi } = await sequencesLedger()
    const ana = { profileUrl: url('ana') }
    await call(backend, 'sequences.enrol', {
      sequenceId: multi.id,
      to: [ana],
      startOn: '2026-11-24',
    })
    const elsewhere = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana],
      startOn: '2026-11-24',
    })
    expect(elsewhere.enrolmentIds).toEqual([])
    expect(elsewhere.skipped).toMatchObject([
      { why: 'in-sequence', reason: `running in "${multi.name}"`, overridable: true },
    ])
    const twice = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: multi.id,
      to: [ana],
      startOn: '2026-11-24',
      includeAnswered: true,
    })
    expect(twice.enrolmentIds).toEqual([])
    expect(twice.skipped).toMatchObject([{ why: 'already-enrolled', overridable: false }])
  })

  it('the CLI prints who was left out and the override; --include-answered enrols them', async () => {
    const { backend, inmail } = await history()
    const db = backend.ledger.paths.dbPath
    backend.close()
    const cli = cliAt(() => new Date('2026-11-23T12:00:00.000Z'))
    const args = ['enrol', '--sequence', inmail.name, '--start', '2026-11-24']
    const to = ['--to', url('nadia'), '--to', url('ben')]
    const dry = await cli(db, ...args, ...to, '--dry-run')
    expect(dry.stdout).toContain('Nobody here would be enrolled.')
    expect(dry.stdout).toContain('linkedin.com/in/nadia (answered on 21 Nov 2026)')
    expect(dry.stdout).toContain('Add --include-answered to enrol these 2 anyway.')
    const unknown = await cli(db, ...args, '--to', '#1057')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('"#1057" is an id, not a name')
    const added = await cli(db, ...args, '--to', url('new-one'))
    expect(added.stdout).toContain('Added linkedin.com/in/new-one as a new contact.')
    const all = await cli(db, ...args, ...to, '--include-answered')
    expect(all.stdout).toMatch(/Enrolled 2 in/)
    expect(all.stdout).toContain('! linkedin.com/in/ben has had no response to the InMail')
    expect((await cli(db, 'enrol', '--help')).stdout).toMatch(/profile URL the ledger does not/)
  })
})

describe('running, and snoozing to a day the sequence does not send on', () => {
  it('"running" leaves out the enrolments a reply stopped, as the report does', async () => {
    const { backend, clock, inmail } = await sequencesLedger()
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: ['ana', 'ben', 'cy'].map((w) => ({ profileUrl: url(w) })),
      startOn: '2026-11-24',
    })
    clock.now = new Date('2026-11-24T10:00:00.000Z')
    const agenda = await call<{ due: { step: number; contact: string }[] }>(
      backend,
      'sequences.agenda',
      { days: 0 },
    )
    const ben = agenda.due.find((i) => i.contact.endsWith('/ben'))!
    await call(backend, 'sequences.done', { stepId: ben.step })
    clock.now = new Date('2026-11-24T12:00:00.000Z')
    await call(backend, 'credits.respond', {
      to: { profileUrl: url('ben') },
      at: '2026-11-24T11:00:00Z',
    })
    const listed = (await call<Sequence[]>(backend, 'sequences.list', {})).find(
      (s) => s.id === inmail.id,
    )!
    const report = await call<{ sequences: { sequenceId: number; active: number }[] }>(
      backend,
      'sequences.report',
      { from: '2026-11-01', to: '2026-11-30' },
    )
    expect(listed.active).toBe(2)
    expect(report.sequences.find((s) => s.sequenceId === inmail.id)!.active).toBe(2)
    expect((await call<Sequence>(backend, 'sequences.get', { sequenceId: inmail.id })).active).toBe(
      2,
    )
  })

  it('keeps a snooze to Saturday but warns, in the result and on the command line', async () => {
    const { backend, inmail } = await sequencesLedger()
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ profileUrl: url('ana') }],
      startOn: '2026-11-24',
    })
    const [enrolment] = await call<{ steps: { id: number }[] }[]>(
      backend,
      'sequences.enrolments',
      {},
    )
    const step = enrolment!.steps[1]!.id
    const saturday = await call<Snoozed>(backend, 'sequences.snooze', {
      stepId: step,
      to: '2026-11-28',
    })
    expect(saturday.steps[1]!.dueOn).toBe('2026-11-28')
    expect(saturday.warnings).toEqual([
      {
        code: 'NOT_A_SEND_DAY',
        message:
          "Saturday is not one of this sequence's sending days (Tuesday, Wednesday, Thursday); the step stays on 28 Nov 2026 as you asked.",
      },
    ])
    const thursday = await call<Snoozed>(backend, 'sequences.snooze', {
      stepId: step,
      to: '2026-12-03',
    })
    expect(thursday.warnings).toEqual([])

    const db = backend.ledger.paths.dbPath
    backend.close()
    const cli = cliAt(() => new Date('2026-11-23T12:00:00.000Z'))
    const printed = await cli(db, 'snooze', '--step', String(step), '--to', '2026-12-05')
    expect(printed.code).toBe(0)
    expect(printed.stdout).toContain("! Saturday is not one of this sequence's sending days")
  })
})
