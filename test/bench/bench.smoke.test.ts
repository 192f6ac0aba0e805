// Keeps the benchmark harness from rotting: a quick run end to end (credits, dashboard, month
// report and import suites) into a temp file. Timings are not checked here; the benchmark is where they live.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../bench/run'
import { tempDir } from '../helpers/ledger'

describe('npm run bench -- --quick', () => {
  it('measures every figure and writes the report with its table', async () => {
    const out = join(tempDir(), 'benchmarks.md')
    const report = await main({ quick: true, out, log: () => undefined })
    const written = readFileSync(out, 'utf8')
    expect(written).toContain('| Figure')
    expect(written).toContain('| balance + statement, warm')
    expect(written).toMatch(/Node v\d+/)
    expect(written).toContain('npm run bench -- --quick')
    expect(written).toContain('balance + statement < 16 ms at 100,000 events')
    const runs = Object.fromEntries(report.credits.figures.map((f) => [f.name, f.timing.runs]))
    expect(runs['balance, first call in a new process (no checkpoint yet)']).toHaveLength(1)
    expect(runs['balance, cold (first call after reopening: from its checkpoint)']).toHaveLength(2)
    expect(
      runs['balance, cold (first call after opening, no checkpoint: every event)'],
    ).toHaveLength(2)
    expect(runs['balance + statement, warm']).toHaveLength(2)
    expect(runs['balance + statement after logging one InMail']).toHaveLength(2)

    // The import suite, at the quick sizes: every figure, the check, the phases and a profile.
    const { imports } = report
    expect(imports.sizes.map((s) => s.messages)).toEqual([1_000, 2_000])
    for (const size of imports.sizes) {
      expect(size.mismatches).toEqual([])
      expect(size.import.runs).toHaveLength(2)
      expect(size.bare.runs).toHaveLength(2)
      if ('version' in imports.sqlite3) expect(size.sqlite3?.runs).toHaveLength(2)
      expect(size.summary.inmails).toBe(size.expected.inmails)
    }
    expect(imports.phases?.readMs).toHaveLength(2)
    expect(imports.profile?.reading.functions.length).toBeGreaterThan(0)
    expect(imports.profile?.writing.functions.length).toBeGreaterThan(0)
    expect(written).toContain('## Import: LinkedIn messages.csv')
    expect(written).toContain('| import: runImport, end to end |    1,000 |')
    expect(written).toContain('| B: better-sqlite3 insert loop |    2,000 |')
    if ('version' in imports.sqlite3) expect(written).toContain('| A: sqlite3 .import --csv')
    expect(written).toContain('Import within 3× of the bare insert loop (B) at 100,000')
    expect(written).toContain("### Where the import's time goes (2,000 messages)")

    // Every suite ran: a suite that fails is written down as "not measured", which would rot.
    expect(written).not.toMatch(/could not be measured|it failed/)
    expect(written).toContain('| month report PDF, warm')
    expect(written).toContain('| month report JSON, warm')
  }, 90_000)
})
