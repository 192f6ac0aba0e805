// The benchmark's LinkedIn export generator: the same seed gives the same files byte for byte,
// the planned number of rows in LinkedIn's order, and what it says it made is what the real
// reader finds in it.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { type ExportPlan, generateExport, messagesHeader } from '../../bench/export-file'
import { readLinkedInExport } from '../../src/main/imports/linkedin'
import { tempDir } from '../helpers/ledger'

const plan: ExportPlan = { seed: 11, messages: 3_000, from: '2024-01-01', to: '2025-06-30' }
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('generateExport', () => {
  it('writes the same files from the same seed, and other files from another', async () => {
    const first = await generateExport(join(tempDir(), 'first'), plan)
    const second = await generateExport(join(tempDir(), 'second'), plan)
    const other = await generateExport(join(tempDir(), 'other'), { ...plan, seed: 12 })
    expect(digest(second.messagesPath)).toBe(digest(first.messagesPath))
    expect(digest(second.connectionsPath)).toBe(digest(first.connectionsPath))
    expect(second.expected).toEqual(first.expected)
    expect(digest(other.messagesPath)).not.toBe(digest(first.messagesPath))
  })

  it('writes exactly the planned rows, newest first, in the range, with quoted multi-line text', async () => {
    const made = await generateExport(tempDir(), plan)
    const text = readFileSync(made.messagesPath, 'utf8')
    const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][]
    expect(header!.join(',')).toBe(messagesHeader)
    expect(rows).toHaveLength(plan.messages)
    const dates = rows.map((row) => row[6]!)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(dates.at(-1)! >= `${plan.from} 00:00:00 UTC`).toBe(true)
    expect(dates[0]! <= `${plan.to} 23:59:59 UTC`).toBe(true)
    expect(rows.some((row) => row[8]!.includes('\n'))).toBe(true)
    expect(rows.some((row) => row[7]!.includes('"'))).toBe(true)
    expect(rows.some((row) => /[\u0400-\u04ff\u4e00-\u9fff\u0600-\u06ff]/.test(row[2]!))).toBe(true)
    expect(made.messagesBytes).toBe(Buffer.byteLength(text))
  })

  it('makes what the LinkedIn reader finds: InMails, free messages, follow-ups, replies, the rest', async () => {
    const made = await generateExport(tempDir(), plan)
    const read = await readLinkedInExport(made.folder)
    const { expected } = made
    expect(read.connectionsFound).toBe(true)
    expect(read.me).toMatchObject({ profileUrl: made.me.profileUrl, detected: true })
    expect(read.rows).toBe(expected.rows)
    expect(read.rejected).toEqual([])
    const inmails = read.outreach.filter((o) => o.channel === 'inmail')
    expect(inmails).toHaveLength(expected.inmails)
    expect(read.outreach.length - inmails.length).toBe(expected.freeMessages)
    expect(read.outreach.reduce((sum, o) => sum + o.followups.length, 0)).toBe(expected.followups)
    expect(read.outreach.filter((o) => o.response).length).toBe(expected.responses)
    expect(read.skipped).toEqual({
      inbound: expected.inbound,
      group: expected.group,
      spam: expected.spam,
      system: expected.system,
    })
    // Every kind is there, so the benchmark exercises every path of the reader.
    for (const n of Object.values(expected)) expect(n).toBeGreaterThan(0)
    // Some InMail recipients connected after the InMail: still InMails.
    expect(inmails.some((o) => o.why.includes('you connected on'))).toBe(true)
  })
})
