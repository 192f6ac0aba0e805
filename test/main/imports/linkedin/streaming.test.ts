// Reading as a stream: progress, cancelling, split multi-byte characters, and memory that grows
// with the conversations kept, not with the rows read.
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { openLinkedInExport, readLinkedInExport } from '../../../../src/main/imports/linkedin/index'
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
  // garbage V8 has not collected yet. Collections are forced every 20,000 rows read and every
  // 2,000 conversations handed over.
  v8.setFlagsFromString('--expose-gc')
  const collectGarbage = vm.runInNewContext('gc') as () => void
  // Small parts, so that a file of a few tens of MB is spread over many of them, as a big one is.
  const bucketBytes = 2 * 1024 * 1024

  async function liveHeap(folder: string): Promise<{ peak: number; rows: number; found: number }> {
    collectGarbage()
    const baseline = process.memoryUsage().heapUsed
    let peak = 0
    const sample = () => {
      collectGarbage()
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline)
    }
    let reports = 0
    const reading = await openLinkedInExport(folder, {
      bucketBytes,
      onProgress: () => {
        if (++reports % 20 === 0) sample()
      },
    })
    let found = 0
    try {
      for (const outreach of reading.outreach()) if (outreach && ++found % 2_000 === 0) sample()
    } finally {
      reading.dispose()
    }
    sample()
    return { peak, rows: reading.rows, found }
  }

  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

  it.each([
    ['long threads', 20],
    ['threads of 3', 3],
  ])('does not grow with the file: 50,000 and 200,000 rows in %s', async (_, perThread) => {
    const peaks: number[] = []
    for (const rows of [50_000, 200_000]) {
      const folder = join(temp.dir, String(rows))
      await mkdir(folder)
      const path = join(folder, 'messages.csv')
      const written = await writeSyntheticMessages(path, rows, perThread)
      const fileBytes = (await stat(path)).size
      const { peak, rows: read, found } = await liveHeap(folder)
      console.info(
        `${rows} rows in threads of ${perThread}: file ${mb(fileBytes)}, live heap peak ${mb(peak)}`,
      )
      expect(read).toBe(rows)
      expect(found).toBe(written.outreach)
      peaks.push(peak)
    }
    // Four times the rows: at most a fifth more memory (the parts stay the same size).
    expect(peaks[1]!).toBeLessThan(peaks[0]! * 1.2 + 1e6)
  })
})
