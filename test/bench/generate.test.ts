// The benchmark ledger generator: the same plan and seed give the same ledger, row for row.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { generateLedger, type LedgerPlan } from '../../bench/generate'
import { tempDir } from '../helpers/ledger'

const plan: LedgerPlan = {
  seed: 7,
  timeZone: 'America/New_York',
  from: '2025-01-01',
  to: '2025-06-30',
  seats: [
    {
      name: 'Busy',
      planId: 'recruiter-professional',
      events: 1500,
      changePlanTo: 'recruiter-corporate',
    },
    { name: 'Quiet', planId: 'premium-business', events: 80 },
  ],
}

function rows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    return {
      events: db.prepare('SELECT * FROM ledger_events ORDER BY id').all(),
      contacts: db.prepare('SELECT * FROM contacts ORDER BY id').all(),
      seats: db.prepare('SELECT * FROM seats ORDER BY id').all(),
    }
  } finally {
    db.close()
  }
}

describe('generateLedger', () => {
  it('makes the same ledger from the same seed, with each seat on its event count', async () => {
    const first = join(tempDir(), 'first.sqlite')
    const second = join(tempDir(), 'second.sqlite')
    const made = await generateLedger(first, plan)
    await generateLedger(second, plan)
    expect(made.seats.map((s) => s.events)).toEqual([1500, 80])
    const written = rows(first)
    expect(rows(second)).toEqual(written)
    const kinds = new Set(written.events.map((e) => (e as { kind: string }).kind))
    for (const kind of ['inmail-sent', 'response', 'purchase', 'reconciliation', 'plan-change'])
      expect(kinds).toContain(kind)
  })

  it('makes another ledger from another seed', async () => {
    const first = join(tempDir(), 'first.sqlite')
    const other = join(tempDir(), 'other.sqlite')
    await generateLedger(first, plan)
    await generateLedger(other, { ...plan, seed: 8 })
    expect(rows(other).events).not.toEqual(rows(first).events)
  })
})
