// The reader streams: reading a file keeps a small, bounded part of it in memory.
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { readCsvRows } from '../../../../src/main/imports/csv'
import { useTempDir } from './files'

const files = useTempDir()

/** A forced full collection, so heap figures count what is still held, not garbage. */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

async function writeRows(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  out.write('Name,Profile,Sent,Channel,Subject,Replied,Sentiment\r\n')
  for (let i = 0; i < rows; i++) {
    const line =
      `"Person ${i}, Jr.",https://www.linkedin.com/in/person-${i},13/02/2026 10:${String(i % 60).padStart(2, '0')},InMail,` +
      `"Quick question about the ""Staff Engineer"" role, #${i}",15/02/2026,positive\r\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

describe('readCsvRows memory', () => {
  it('reads a 200k-row file holding far less than the file in memory', async () => {
    const path = await files.write('big.csv', '')
    await writeRows(path, 200_000)
    const { size } = await stat(path)
    expect(size).toBeGreaterThan(30_000_000)

    const gc = collector()
    gc()
    const baseline = process.memoryUsage().heapUsed
    let peak = 0
    let rows = 0
    for await (const row of readCsvRows(path)) {
      if (!('cells' in row)) throw new Error(row.error)
      if (++rows % 20_000 === 0) {
        gc()
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline)
      }
    }
    expect(rows).toBe(200_000)
    // Held in memory whole, the file would take at least its size in strings alone.
    expect(peak).toBeLessThan(size / 10)
  })
})
