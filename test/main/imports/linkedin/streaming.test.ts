// Reading as a stream: progress, cancelling, split multi-byte characters, and memory that grows
// with the conversations kept, not with the rows read.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { readLinkedInExport } from '../../../../src/main/imports/linkedin/index'
import { ExportTextDecoder } from '../../../../src/main/imports/linkedin/text-decoding'
import { writeSyntheticMessages } from './synthetic-export'
import { useTempDir } from './temp-export'

const temp = useTempDir()

async function decodeInTwo(bytes: Buffer, at: number): Promise<{ text: string; encoding: string }> {
  const decoder = new ExportTextDecoder('messages.csv')
  const output = text(Readable.from([bytes.subarray(0, at), bytes.subarray(at)]).pipe(decoder))
  return { text: await output, encoding: decoder.encoding }
}

describe('decoding a stream of bytes', () => {
  const sample = 'Łukasz, Zoë, 👍, €5 — done'

  it('keeps a multi-byte character split across two chunks as UTF-8', async () => {
    const bytes = Buffer.from(sample, 'utf8')
    for (let at = 0; at <= bytes.length; at++) {
      expect(await decodeInTwo(bytes, at)).toEqual({ text: sample, encoding: 'utf-8' })
    }
  })

  it('switches to Windows-1252 at the first byte that is not UTF-8', async () => {
    const latin = 'José Müller, café, €5'
    const bytes = Buffer.from(
      Array.from(latin, (char) => (char === '€' ? 0x80 : char.charCodeAt(0))),
    )
    for (let at = 0; at <= bytes.length; at++) {
      expect(await decodeInTwo(bytes, at)).toEqual({ text: latin, encoding: 'windows-1252' })
    }
  })
})

describe('progress and cancelling', () => {
  it('reports growing row counts and ends at the whole file', async () => {
    const path = join(temp.dir, 'messages.csv')
    const written = await writeSyntheticMessages(path, 12_345)
    const totalBytes = (await stat(path)).size
    const reports: { rows: number; bytes: number; totalBytes: number }[] = []
    const plan = await readLinkedInExport(temp.dir, {
      onProgress: (progress) => reports.push(progress),
    })
    expect(plan.rows).toBe(written.rows)
    expect(reports.length).toBeGreaterThan(10)
    for (const [before, after] of reports
      .slice(1)
      .map((report, i) => [reports[i]!, report] as const)) {
      expect(after.rows).toBeGreaterThan(before.rows)
      expect(after.bytes).toBeGreaterThanOrEqual(before.bytes)
    }
    expect(reports.at(-1)).toEqual({ rows: written.rows, bytes: totalBytes, totalBytes })
    expect(
      reports.every((report) => report.bytes <= totalBytes && report.totalBytes === totalBytes),
    ).toBe(true)
  })

  it('rejects with an AbortError when cancelled mid-file', async () => {
    await writeSyntheticMessages(join(temp.dir, 'messages.csv'), 50_000)
    const controller = new AbortController()
    let lastRows = 0
    const reading = readLinkedInExport(temp.dir, {
      signal: controller.signal,
      onProgress: ({ rows }) => {
        lastRows = rows
        if (rows >= 5_000) controller.abort()
      },
    })
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
    expect(lastRows).toBe(5_000)
  })

  it('rejects with an AbortError for any abort reason, and at once when already aborted', async () => {
    await writeSyntheticMessages(join(temp.dir, 'messages.csv'), 20_000)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user closed the window')), 1)
    await expect(readLinkedInExport(temp.dir, { signal: controller.signal })).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    )
    await expect(
      readLinkedInExport(temp.dir, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})

describe('memory', () => {
  // The live heap (after a full collection) is what the reader holds; heapUsed alone also counts
  // garbage V8 has not collected yet. Collections are forced only every 20,000 rows.
  v8.setFlagsFromString('--expose-gc')
  const collectGarbage = vm.runInNewContext('gc') as () => void

  async function liveHeap(folder: string): Promise<{ peak: number; plan: number; rows: number }> {
    collectGarbage()
    const baseline = process.memoryUsage().heapUsed
    const live = () => {
      collectGarbage()
      return process.memoryUsage().heapUsed - baseline
    }
    let peak = 0
    let reports = 0
    const plan = await readLinkedInExport(folder, {
      onProgress: () => {
        if (++reports % 20 === 0) peak = Math.max(peak, live())
      },
    })
    const held = live()
    return { peak: Math.max(peak, held), plan: held, rows: plan.rows }
  }

  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

  it('holds per conversation, not per row: 200,000 rows in long threads take a fraction of the file', async () => {
    const path = join(temp.dir, 'messages.csv')
    await writeSyntheticMessages(path, 200_000, 20)
    const fileBytes = (await stat(path)).size
    const { peak, plan, rows } = await liveHeap(temp.dir)
    console.info(
      `10,000 threads of 20: file ${mb(fileBytes)}, live heap peak ${mb(peak)}, plan ${mb(plan)}`,
    )
    expect(rows).toBe(200_000)
    expect(peak).toBeLessThan(fileBytes * 0.4)
  })

  it('holds about what the plan needs when threads are short: 200,000 rows in threads of 3', async () => {
    const path = join(temp.dir, 'messages.csv')
    await writeSyntheticMessages(path, 200_000, 3)
    const fileBytes = (await stat(path)).size
    const { peak, plan, rows } = await liveHeap(temp.dir)
    console.info(
      `66,667 threads of 3: file ${mb(fileBytes)}, live heap peak ${mb(peak)}, plan ${mb(plan)}`,
    )
    expect(rows).toBe(200_000)
    expect(peak).toBeLessThan(fileBytes * 1.5)
  })
})
