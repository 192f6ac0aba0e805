// Keeps the benchmark harness from rotting: a quick run end to end, into a temp file. Timings are
// not checked here; the benchmark is where they live.
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
    expect(runs['balance, first call in a new process']).toHaveLength(1)
    expect(runs['balance, cold (first call after opening)']).toHaveLength(2)
    expect(runs['balance + statement, warm']).toHaveLength(2)
    expect(runs['balance + statement after logging one InMail']).toHaveLength(2)
  }, 60_000)
})
