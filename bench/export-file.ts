// Deterministic LinkedIn data exports for the import benchmark: a messages.csv of exactly N data
// rows, newest first as LinkedIn lists them, and a small Connections.csv to match. The messages
// are a recruiter's years of LinkedIn: InMails with a subject to people who were not connections
// (some of whom connect later), free messages to connections, follow-ups, replies and the talk
// after them, inbound threads, a few group threads, spam and LinkedIn's own notices; bodies span
// lines and hold commas, quotes and emoji; names come in many scripts, a few double-encoded.
// Written in chunks: only the last weeks' messages are in memory at any time, whatever N is.
// From the command line: `tsx bench/export-file.ts <folder> '<ExportPlan as JSON>'`.
import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  type Conversation,
  maxThreadDays,
  me,
  msPerDay,
  type Sent,
  ThreadMaker,
} from './export-threads'
import { companies, positions } from './export-words'
import { seededRandom } from './generate'

export interface ExportPlan {
  /** Same seed and size, same files, byte for byte. */
  seed: number
  /** Data rows of messages.csv (the header not counted). */
  messages: number
  /** First and last day of activity, YYYY-MM-DD; the export is taken at the end of `to` (UTC). */
  from: string
  to: string
}

/** What LinkedIn's reader should make of the export: the generator's own bookkeeping. */
export interface ExpectedRead {
  rows: number
  /** Conversations the user opened with a subject to someone who was not a connection then. */
  inmails: number
  /** Conversations the user opened without a subject, or to a connection. */
  freeMessages: number
  /** The user's later messages in those conversations before the other person's first reply. */
  followups: number
  /** Of the conversations the user opened, those the other person answered. */
  responses: number
  inbound: number
  group: number
  spam: number
  /** Rows from LinkedIn itself (no sender profile). */
  system: number
}

export interface GeneratedExport {
  folder: string
  messagesPath: string
  messagesBytes: number
  connectionsPath: string
  /** Data rows of Connections.csv. */
  connections: number
  /** The user, as the export names them. */
  me: { name: string; profileUrl: string }
  expected: ExpectedRead
}

export const messagesHeader =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER'

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`)
const monthAbbreviations = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/** Quoted only when needed, the way LinkedIn writes its CSV. */
function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Connections.csv's 'Connected On': `03 Oct 2024`. */
function connectedOnText(ms: number): string {
  const d = new Date(ms)
  return `${String(d.getUTCDate()).padStart(2, '0')} ${monthAbbreviations[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

function messageLine(conversation: Conversation, m: Sent): string {
  return (
    [
      conversation.id,
      conversation.title,
      m.from.name,
      m.from.url ?? '',
      m.to.map((p) => p.name).join(', '),
      m.to.map((p) => p.url ?? '').join(', '),
      stamp(m.at),
      m.subject,
      m.content,
      conversation.folder,
    ]
      .map(quote)
      .join(',') + '\n'
  )
}

/** Buffers text and writes it in chunks of about a megabyte, waiting when the disk is behind. */
class ChunkWriter {
  private parts: string[] = []
  private size = 0
  constructor(private readonly out: WriteStream) {}

  async write(text: string): Promise<void> {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= 1 << 20) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = this.parts.join('')
    this.parts = []
    this.size = 0
    if (!this.out.write(chunk)) await once(this.out, 'drain')
  }

  async end(): Promise<void> {
    await this.flush()
    this.out.end()
    await once(this.out, 'finish')
  }
}

function emptyExpectation(): ExpectedRead {
  return {
    rows: 0,
    inmails: 0,
    freeMessages: 0,
    followups: 0,
    responses: 0,
    inbound: 0,
    group: 0,
    spam: 0,
    system: 0,
  }
}

/** Counts a conversation as the reader should: by who opened it, and what came before a reply. */
function expect(expected: ExpectedRead, conversation: Conversation): number | null {
  const { kind, messages } = conversation
  expected.system += conversation.notices.length
  if (kind === 'inbound') expected.inbound++
  else if (kind === 'spam') expected.spam++
  else if (kind === 'group') expected.group++
  else {
    if (kind === 'inmail') expected.inmails++
    else expected.freeMessages++
    const reply = messages.findIndex((m) => m.from !== me)
    expected.followups += (reply === -1 ? messages.length : reply) - 1
    if (reply !== -1) {
      expected.responses++
      return messages[reply]!.at
    }
  }
  return null
}

/**
 * Writes messages.csv and Connections.csv into `folder` (created if missing). The walk goes back
 * in time from `to`, a day at a time, opening that day's conversations; a day's rows are written
 * (newest first) once no conversation still to come can reach it.
 */
export async function generateExport(folder: string, plan: ExportPlan): Promise<GeneratedExport> {
  if (!(Number.isInteger(plan.messages) && plan.messages >= 1))
    throw new Error(`An export needs at least one message (got ${plan.messages}).`)
  const fromMs = dayMs(plan.from)
  const days = Math.round((dayMs(plan.to) - fromMs) / msPerDay) + 1
  if (!(days >= 1)) throw new Error(`The export's days run from ${plan.from} to ${plan.to}.`)
  const exportAt = dayMs(plan.to) + msPerDay - 1
  const random = seededRandom(plan.seed)
  const poolSize = Math.min(5000, Math.max(20, Math.round(plan.messages / 100)))
  const maker = new ThreadMaker(random, fromMs, poolSize)
  const expected = emptyExpectation()

  await mkdir(folder, { recursive: true })
  const messagesPath = join(folder, 'messages.csv')
  const writer = new ChunkWriter(createWriteStream(messagesPath))
  await writer.write(`${messagesHeader}\n`)

  /** Rows by day (0 is `from`), waiting for every conversation that can reach their day. */
  const pending = new Map<number, { at: number; seq: number; line: string }[]>()
  let seq = 0
  let writtenDownTo = days + maxThreadDays
  async function writeDaysFrom(day: number): Promise<void> {
    for (let d = writtenDownTo - 1; d >= day; d--) {
      const rows = pending.get(d)
      if (!rows) continue
      pending.delete(d)
      rows.sort((a, b) => b.at - a.at || b.seq - a.seq)
      for (const row of rows) await writer.write(row.line)
      expected.rows += rows.length
    }
    writtenDownTo = Math.min(writtenDownTo, day)
  }

  let budget = plan.messages
  let conversations = 0
  let made = 0
  const weekendShare = 0.25
  for (let d = days - 1; d >= 0 && budget > 0; d--) {
    const weekday = new Date(fromMs + d * msPerDay).getUTCDay() % 6 !== 0
    // Paced to land on the planned count: what is left, over the weighted days left.
    const perConversation = conversations > 0 ? made / conversations : 2.2
    const weightLeft = ((d + 1) * (5 + 2 * weekendShare)) / 7
    const today =
      d === 0
        ? Infinity
        : Math.round(
            (budget / perConversation / weightLeft) *
              (weekday ? 1 : weekendShare) *
              (0.6 + 0.8 * random()),
          )
    for (let c = 0; c < today && budget > 0; c++) {
      const conversation = maker.next(d)
      // Nothing after the export was taken, and no more rows than the budget has left (the
      // opening message always stays).
      const start = conversation.messages[0]!.at
      const last = Math.min(exportAt, start + maxThreadDays * msPerDay - 1)
      conversation.messages = conversation.messages.filter((m) => m.at <= last).slice(0, budget)
      const room = budget - conversation.messages.length
      conversation.notices = conversation.notices.filter((m) => m.at <= last).slice(0, room)
      maker.settle(conversation, expect(expected, conversation), exportAt)
      for (const m of [...conversation.messages, ...conversation.notices]) {
        const day = Math.floor((m.at - fromMs) / msPerDay)
        const row = { at: m.at, seq: seq++, line: messageLine(conversation, m) }
        const rows = pending.get(day)
        if (rows) rows.push(row)
        else pending.set(day, [row])
      }
      const rows = conversation.messages.length + conversation.notices.length
      budget -= rows
      made += rows
      conversations++
    }
    await writeDaysFrom(d + maxThreadDays)
  }
  await writeDaysFrom(0)
  await writer.end()

  const connectionsPath = join(folder, 'Connections.csv')
  const connections = [...maker.pool, ...maker.connectedLater].sort(
    (a, b) => b.connectedOn! - a.connectedOn! || a.url!.localeCompare(b.url!),
  )
  const out = new ChunkWriter(createWriteStream(connectionsPath))
  await out.write(
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email"\n\n' +
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
  )
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  for (const p of connections) {
    const cells = [p.first, p.last, p.url!, '', pick(companies), pick(positions)]
    await out.write([...cells, connectedOnText(p.connectedOn!)].map(quote).join(',') + '\n')
  }
  await out.end()

  if (expected.rows !== plan.messages)
    throw new Error(`Wrote ${expected.rows} messages where ${plan.messages} were planned.`)
  return {
    folder,
    messagesPath,
    messagesBytes: (await stat(messagesPath)).size,
    connectionsPath,
    connections: connections.length,
    me: { name: me.name, profileUrl: me.url! },
    expected,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [folder, plan] = process.argv.slice(2)
  if (!folder || !plan) {
    console.error("Usage: tsx bench/export-file.ts <folder> '<ExportPlan as JSON>'")
    process.exit(2)
  }
  generateExport(resolve(folder), JSON.parse(plan) as ExportPlan).then(
    (made) => process.stdout.write(JSON.stringify(made)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
