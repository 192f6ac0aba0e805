// Sequences run in the period: the report counts the enrolments of its scope (a seat's, or a
// role's or client's people), and prints them.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report, Seat, Sequence } from '../../../src/shared/contract'
import { call, openBackend, tempDir } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

describe('sequences in a report', () => {
  it('lists the sequences run in the period as the sequences report counts them', async () => {
    const { backend, inmail } = await sequencesLedger()
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [
        { profileUrl: 'https://www.linkedin.com/in/ana-silva' },
        { profileUrl: 'https://www.linkedin.com/in/ben-okafor' },
      ],
      startOn: '2026-11-23',
    })
    const november = { from: '2026-11-01', to: '2026-11-30' }
    const report = await call<Report>(backend, 'reports.build', november)
    expect(report.sequences).toEqual([
      {
        sequenceId: inmail.id,
        sequence: inmail.name,
        enrolled: 2,
        active: 2,
        completed: 0,
        stoppedByResponse: 0,
        stepsDone: 0,
        stepsSkipped: 0,
      },
    ])
    const october = await call<Report>(backend, 'reports.build', {
      from: '2026-10-01',
      to: '2026-10-31',
    })
    expect(october.sequences).toEqual([])

    const file = join(tempDir(), 'november.pdf')
    await call(backend, 'reports.export', { ...november, format: 'pdf', out: file })
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toMatch(new RegExp(`${inmail.name.replace(/[/()]/g, '.')}\\s+2\\s+0\\s+0\\s+2`))
  })

  it('counts only the scope’s enrolments: a seat’s, a role’s people, a client’s', async () => {
    const backend = await openBackend(undefined, () => new Date('2026-11-23T12:00:00.000Z'))
    await call(backend, 'settings.update', { timeZone: 'UTC' })
    const seat = (name: string) =>
      call<Seat>(backend, 'seats.add', { name, planId: 'recruiter-lite', startedOn: '2026-11-01' })
    const work = await seat('Work')
    const personal = await seat('Personal')
    await call(backend, 'roles.add', { name: 'Data Lead', client: 'Acme' })
    await call(backend, 'roles.add', { name: 'Designer', client: 'Globex' })
    const url = (who: string) => `https://www.linkedin.com/in/${who}`
    // Ana was written to for Acme's role and Ben for Globex's, both from Work; Cara from Personal.
    for (const [who, role, from] of [
      ['ana', 'Data Lead', work],
      ['ben', 'Designer', work],
      ['cara', 'Data Lead', personal],
    ] as const)
      await call(backend, 'credits.send', {
        seatId: from.id,
        to: { profileUrl: url(who) },
        at: '2026-11-02T09:00:00Z',
        role,
      })
    const [first, second] = await call<Sequence[]>(backend, 'sequences.list', {})
    const enrol = (from: Seat, who: string[], sequence = first!) =>
      call(backend, 'sequences.enrol', {
        sequenceId: sequence.id,
        seatId: from.id,
        to: who.map((w) => ({ profileUrl: url(w) })),
        startOn: '2026-11-23',
        // They were written to on 2 Nov: enrolled on purpose, as the scopes need.
        includeAnswered: true,
      })
    await enrol(work, ['ana', 'ben', 'dan'])
    await enrol(personal, ['cara'])
    // Ben is also followed up from Personal, where nobody wrote to him for a role.
    await enrol(personal, ['ben'], second)

    const november = { from: '2026-11-01', to: '2026-11-30' }
    /** Enrolled per sequence, the first sequence first. */
    const enrolled = async (scope: object) => {
      const { sequences } = await call<Report>(backend, 'reports.build', { ...november, ...scope })
      return [first!, second!].map(
        (q) => sequences.find((s) => s.sequenceId === q.id)?.enrolled ?? 0,
      )
    }
    expect(await enrolled({})).toEqual([4, 1])
    expect(await enrolled({ seatId: work.id })).toEqual([3, 0])
    expect(await enrolled({ seatId: personal.id })).toEqual([1, 1])
    // Ana (Work) and Cara (Personal) were written to for Data Lead; Ben for Designer from Work
    // only, so his follow-up from Personal is no one's; Dan was never written to for a role.
    expect(await enrolled({ role: 'Data Lead' })).toEqual([2, 0])
    expect(await enrolled({ client: 'Acme' })).toEqual([2, 0])
    expect(await enrolled({ role: 'Designer' })).toEqual([1, 0])
    expect(await enrolled({ client: 'Globex' })).toEqual([1, 0])
  })
})
