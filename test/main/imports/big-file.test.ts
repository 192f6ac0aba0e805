// A messages.csv of about 200 MB, streamed through both readers: the LinkedIn reader and the
// generic CSV reader count every row while the JS heap they hold stays a small fraction of the
// file. The file is written in chunks inside the test (never built in memory) and removed after.
// No timing is asserted; the benchmark (npm run bench) is where speed is measured.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsvRows } from '../../../src/main/imports/csv'
import { openLinkedInExport } from '../../../src/main/imports/linkedin'

const targetBytes = 200 * 2 ** 20
/** Long threads: the LinkedIn reader keeps state per conversation, so few conversations, many rows. */
const threadLength = 200
const me = { name: 'Jordan Avery', url: 'https://www.linkedin.com/in/jordan-avery-recruits' }
const names = [
  'Łukasz Nowak',
  'Chloé Dubois',
  '王伟',
  'Дмитрий Иванов',
  'فاطمة الزهراء',
  'Søren Ærø',
]
const header =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n'

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

interface Written {
  bytes: number
  rows: number
  conversations: number
  /** Conversations the user opened (the rest were opened by the other person). */
  opened: number
}

/** Writes about `targetBytes` of messages.csv, a thread at a time, in chunks of about 1 MB. */
async function writeBigExport(path: string): Promise<Written> {
  const out = createWriteStream(path)
  let chunk = header
  let bytes = 0
  const flush = async () => {
    bytes += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
    chunk = ''
  }
  const written: Written = { bytes: 0, rows: 0, conversations: 0, opened: 0 }
  const start = Date.UTC(2024, 0, 1)
  for (let t = 0; bytes + chunk.length < targetBytes; t++) {
    const id = `2-${t.toString(16).padStart(16, '0')}`
    const name = names[t % names.length]!
    const them = { name, url: `https://www.linkedin.com/in/person-${t}` }
    // Every tenth conversation is opened by the other person.
    const inbound = t % 10 === 0
    for (let m = 0; m < threadLength; m++) {
      const mine = (m % 2 === 0) !== inbound
      const [from, to] = mine ? [me, them] : [them, me]
      const at = new Date(start + t * 3_600_000 + m * 60_000)
      const date = `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`
      const subject = m === 0 ? `"Staff Engineer" role, remote #${t}` : ''
      const content =
        `Hi ${mine ? name : 'Jordan'},\n\nmessage ${m} of conversation ${t}, with a quoted "word", ` +
        'a comma, and a second paragraph long enough to look like what people write on LinkedIn ' +
        'when they answer a recruiter: availability, questions about the team, the salary range, ' +
        `and the next steps. 👍\n\nBest,\n${mine ? 'Jordan' : name}`
      const row = [id, '', from.name, from.url, to.name, to.url, date, subject, content, 'INBOX']
      chunk += `${row.map(quote).join(',')}\n`
      if (chunk.length >= 1 << 20) await flush()
    }
    written.rows += threadLength
    written.conversations++
    if (!inbound) written.opened++
  }
  await flush()
  out.end()
  await once(out, 'finish')
  return { ...written, bytes }
}

/** A full collection when the process allows one, so heap figures count what is still held. */
function collector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return null
  }
}

/** Samples the heap: after a collection when possible, else heapUsed as it is (garbage too). */
function heapSampler() {
  const gc = collector()
  gc?.()
  const baseline = process.memoryUsage().heapUsed
  let peak = 0
  return {
    collected: gc !== null,
    sample() {
      gc?.()
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline)
    },
    get peak() {
      return peak
    },
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

describe('a 200 MB messages.csv', () => {
  let dir = ''
  let path = ''
  let written: Written

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outreach-big-file-'))
    path = join(dir, 'messages.csv')
    written = await writeBigExport(path)
  }, 120_000)

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('is as big as planned', async () => {
    expect((await stat(path)).size).toBe(written.bytes)
    expect(written.bytes).toBeGreaterThanOrEqual(targetBytes)
  })

  it('streams through the LinkedIn reader: every row counted, the heap a sliver of the file', async () => {
    const heap = heapSampler()
    let reports = 0
    const reading = await openLinkedInExport(path, {
      // Progress comes every 1,000 rows; a full collection every 50,000 rows.
      onProgress: () => {
        if (++reports % 50 === 0) heap.sample()
      },
    })
    let opened = 0
    let answeredInMails = 0
    try {
      for (const o of reading.outreach()) {
        opened++
        if (o.response !== null && o.channel === 'inmail') answeredInMails++
        if (opened % 20_000 === 0) heap.sample()
      }
    } finally {
      reading.dispose()
    }
    heap.sample()
    console.info(
      `LinkedIn reader: ${written.rows.toLocaleString('en-US')} rows, file ${mb(written.bytes)}, ` +
        `heap peak ${mb(heap.peak)} above the start${heap.collected ? ' (after full collections)' : ' (heapUsed, garbage included)'}`,
    )
    expect(reading.rows).toBe(written.rows)
    expect(reading.rejected).toEqual([])
    expect(opened).toBe(written.opened)
    expect(reading.skipped).toEqual({ inbound: written.conversations - written.opened })
    expect(answeredInMails).toBe(written.opened)
    expect(reports).toBeGreaterThan(100)
    // One part of the file at a time (about 2 MB of it, see spill.ts), whatever the file's size.
    expect(heap.peak).toBeLessThan(written.bytes / (heap.collected ? 8 : 4))
  }, 120_000)

  it('streams through the CSV reader: every row counted, the heap a sliver of the file', async () => {
    const heap = heapSampler()
    let rows = 0
    let multiLine = 0
    for await (const row of readCsvRows(path)) {
      if (!('cells' in row)) throw new Error(`line ${row.line}: ${row.error}`)
      if (row.cells.CONTENT!.includes('\n')) multiLine++
      if (++rows % 50_000 === 0) heap.sample()
    }
    heap.sample()
    console.info(
      `CSV reader: ${rows.toLocaleString('en-US')} rows, file ${mb(written.bytes)}, heap peak ${mb(heap.peak)}`,
    )
    expect(rows).toBe(written.rows)
    expect(multiLine).toBe(written.rows)
    expect(heap.peak).toBeLessThan(written.bytes / (heap.collected ? 20 : 4))
  }, 120_000)
})
