// Sequences run in the period: the report carries the sequences work's own summary, and prints it.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report, Seat, Sequence, SequenceReport } from '../../../src/shared/contract'
import { call, openBackend, tempDir } from '../../helpers/ledger'

describe('sequences in a report', () => {
  it('lists the sequences run in the period as the sequences report counts them', async () => {
    const backend = await openBackend(undefined, () => new Date('2026-11-23T12:00:00.000Z'))
    await call(backend, 'settings.update', { timeZone: 'UTC' })
    await call<Seat>(backend, 'seats.add', {
      name: 'Work',
      planId: 'recruiter-lite',
      startedOn: '2026-11-01',
    })
    const sequences = await call<Sequence[]>(backend, 'sequences.list', {})
    const inmail = sequences.find((s) => s.name.startsWith('InMail 0/3/7/14'))!
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
    const own = await call<SequenceReport>(backend, 'sequences.report', november)
    expect(report.sequences).toEqual(own.sequences)
    expect(report.sequences).toEqual([
      expect.objectContaining({ sequence: inmail.name, enrolled: 2, active: 2 }),
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
})
