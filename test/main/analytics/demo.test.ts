// The demo ledger: the same seed gives the same ledger, it is valid outreach the analytics can
// read, and `npm run demo` refuses to overwrite a file unless told to.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { type DemoSummary, generateDemo, main } from '../../../bench/demo'
import { templates } from '../../../bench/demo-data'
import type {
  Agenda,
  Comparison,
  Enrolment,
  Metrics,
  Sequence,
  SequenceReport,
} from '../../../src/shared/contract'
import { call, openBackend, tempDir } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')
/** Everything but where the file is. */
const counts = (summary: DemoSummary) => ({ ...summary, dbPath: '' })

describe('the demo ledger', () => {
  it('is the same for the same seed, and different for another (small size)', async () => {
    const dir = tempDir()
    const a = await generateDemo(join(dir, 'a.sqlite'), { now, days: 45, seed: 7 })
    const b = await generateDemo(join(dir, 'b.sqlite'), { now, days: 45, seed: 7 })
    const c = await generateDemo(join(dir, 'c.sqlite'), { now, days: 45, seed: 8 })
    expect(counts(a)).toEqual(counts(b))
    expect(counts(a)).not.toEqual(counts(c))
    expect(a).toMatchObject({
      from: '2026-10-10',
      to: '2026-11-23',
      seats: 2,
      templates: 8,
      roles: 5,
    })
    expect(a.messages).toBeGreaterThan(50)
    // Everyone in it was written to, or is enrolled in a sequence whose first step is to come.
    const backend = await openBackend(join(dir, 'a.sqlite'), () => now)
    const unwritten = backend.ledger.db
      .prepare(
        `SELECT count(*) FROM contacts c
         WHERE NOT EXISTS (SELECT 1 FROM ledger_events e WHERE e.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM enrolments n WHERE n.contact_id = c.id)`,
      )
      .pluck()
      .get()
    expect(unwritten).toBe(0)
    expect(a.contacts).toBeLessThanOrEqual(a.messages + a.enrolments)
    expect(a.responses).toBeGreaterThan(0)
    expect(a.followups).toBeGreaterThan(0)
  })

  it('a year of it reads as plausible outreach, quickly', async () => {
    const dbPath = join(tempDir(), 'demo.sqlite')
    const started = performance.now()
    const demo = await generateDemo(dbPath, { now })
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(demo).toMatchObject({
      from: '2025-11-24',
      to: '2026-11-23',
      seats: 2,
      templates: 8,
      templateVersions: 9,
      roles: 5,
      purchases: 3,
      reconciliations: 2,
    })
    expect(demo.messages).toBeGreaterThan(800)
    expect(demo.openProfile).toBeGreaterThan(30)
    expect(demo.connectionNotes).toBeGreaterThan(200)
    expect(demo.hires).toBeGreaterThanOrEqual(1)
    expect(demo.bounces).toBeGreaterThanOrEqual(1)

    const backend = await openBackend(dbPath, () => now)
    const m = await call<Metrics>(backend, 'analytics.metrics', { by: 'template' })
    expect(m.delivered + demo.bounces).toBe(demo.messages)
    expect(m.replyRate.value).toBeGreaterThan(0.1)
    expect(m.replyRate.value).toBeLessThan(0.4)
    // Every template, and the sequence steps sent without one (the built-in has none).
    expect(m.groups.map((g) => g.label).sort()).toEqual(
      [...templates.map((t) => t.name), '(no template)'].sort(),
    )
    const rate = (name: string) => m.groups.find((g) => g.label === name)!.replyRate.value!
    expect(rate('Short and specific')).toBeGreaterThan(rate('Exciting opportunity'))
    // Most first replies come within 24–72 hours (DOMAIN.md §4).
    const { histogram, medianHours } = m.timeToFirstReply
    expect(histogram.find((b) => b.bucket === '1–3d')!.count).toBe(
      Math.max(...histogram.map((b) => b.count)),
    )
    expect(medianHours).toBeGreaterThan(24)
    expect(medianHours).toBeLessThan(72)
    const c = await call<Comparison>(backend, 'analytics.compare', {
      a: 'Exciting opportunity',
      b: 'Short and specific',
    })
    expect(c.verdict).toMatch(
      /^Short and specific very likely beats Exciting opportunity \((\d+%|over 99%)\)$/,
    )

    // Follow-up sequences over the last weeks: the user's copy of a built-in and the other
    // built-in, with steps done, skipped and stopped by replies, and work on Today (a Monday).
    const own = (await call<Sequence[]>(backend, 'sequences.list', {})).filter((q) => !q.builtin)
    expect(own.map((q) => q.name)).toEqual(['InMail 0/3/7/14, any weekday'])
    expect(demo.enrolments).toBeGreaterThanOrEqual(15)
    const agenda = await call<Agenda>(backend, 'sequences.agenda', {})
    expect(agenda.today).toBe('2026-11-23')
    expect(agenda.due.length).toBeGreaterThan(0)
    expect(agenda.overdue.length).toBeGreaterThan(0)
    expect(demo).toMatchObject({ dueToday: agenda.due.length, overdue: agenda.overdue.length })
    const enrolments = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    expect(new Set(enrolments.map((e) => e.status))).toEqual(
      new Set(['active', 'completed', 'stopped']),
    )
    const runs = await call<SequenceReport>(backend, 'sequences.report', {
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(runs.sequences).toHaveLength(2)
    for (const run of runs.sequences) expect(run.stepsDone).toBeGreaterThan(0)
    expect(runs.sequences.some((run) => run.stoppedByResponse > 0)).toBe(true)
    expect(runs.sequences.some((run) => run.stepsSkipped > 0)).toBe(true)
  })

  it('npm run demo refuses to overwrite a file unless --force', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const dbPath = join(tempDir(), 'ledger.sqlite')
      writeFileSync(dbPath, 'not a ledger')
      expect(await main(['--db', dbPath, '--days', '10'])).toBe(1)
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/already exists; add --force/))
      expect(await main(['--db', dbPath, '--days', '10', '--force'])).toBe(0)
      expect(existsSync(dbPath)).toBe(true)
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`npm run web -- --db ${dbPath}`))
      expect(await main(['--days', 'many'])).toBe(2)
    } finally {
      log.mockRestore()
      error.mockRestore()
    }
  })
})
