// Groups messages into conversations while the file streams by, keeping only what the outreach
// inference needs: each participant's first message in full, and the later messages that came
// before the other participant's first one (the candidates for follow-ups) as three numbers.
// Nothing assumes the rows come in order, and nothing assumes who "me" is yet: a one-to-one
// thread is kept symmetric and read from the user's side once the whole file is seen.
import type { MessageRow, Party } from './message-rows'
import { repairDoubleEncoding } from './mojibake'

export interface KeptMessage {
  at: number
  line: number
  subject: string
  body: string
}

export interface LaterMessage {
  at: number
  line: number
  chars: number
}

export interface ThreadSide {
  person: number
  /** The participant's earliest message, null while they have only been written to. */
  first: KeptMessage | null
  /** Their other messages that precede the other participant's first message (null: none). */
  later: LaterMessage[] | null
}

export interface Thread {
  id: string
  /** At most two participants; a third makes it a group and the sides are dropped. */
  sides: ThreadSide[]
  group: boolean
  spam: boolean
}

/** Whether message a comes before message b (same instant: the earlier line first). */
export function comesBefore(
  a: { at: number; line: number },
  b: { at: number; line: number },
): boolean {
  return a.at < b.at || (a.at === b.at && a.line < b.line)
}

/** Text as kept in the plan: double encoding repaired, line breaks as \n whatever the file used. */
function asKept(text: string): string {
  return repairDoubleEncoding(text).replace(/\r\n?/g, '\n')
}

function codePoints(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // The second half of a surrogate pair is not a character of its own.
    if (code < 0xdc00 || code > 0xdfff) count++
  }
  return count
}

/** Everyone seen in the export, as small numbers, so threads hold no repeated strings. */
export class People {
  readonly urls: (string | null)[] = []
  readonly names: string[] = []
  private readonly ids = new Map<string, number>()

  /** The person's id; members without a URL are told apart only within one conversation. */
  idOf(party: Party, conversationId: string): number {
    const key = party.url ?? `\u0000${conversationId}\u0000${party.name.toLowerCase()}`
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.urls.length
      this.ids.set(key, id)
      this.urls.push(party.url)
      this.names.push(repairDoubleEncoding(party.name))
    } else if (this.names[id] === '' && party.name !== '') {
      this.names[id] = repairDoubleEncoding(party.name)
    }
    return id
  }

  /** The id of a profile URL (already normalised), if it appears in the export. */
  find(url: string): number | undefined {
    return this.ids.get(url)
  }
}

export class ConversationBook {
  readonly threads = new Map<string, Thread>()
  readonly people = new People()

  add(message: MessageRow): void {
    const sender = this.people.idOf(message.sender, message.conversationId)
    let thread = this.threads.get(message.conversationId)
    if (!thread) {
      thread = { id: message.conversationId, sides: [], group: false, spam: false }
      this.threads.set(message.conversationId, thread)
    }
    if (thread.spam) return
    if (message.spam) {
      // LinkedIn files whole conversations as spam; nothing in one is outreach.
      thread.spam = true
      thread.sides = []
      return
    }
    if (thread.group) return
    const participants = [
      sender,
      ...message.recipients.map((party) => this.people.idOf(party, message.conversationId)),
    ]
    for (const person of participants) {
      if (thread.sides.some((side) => side.person === person)) continue
      if (thread.sides.length === 2) {
        thread.group = true
        thread.sides = []
        return
      }
      // Arrays are built at their final size: a pushed-to array reserves room for 17.
      const side: ThreadSide = { person, first: null, later: null }
      thread.sides = thread.sides.length === 0 ? [side] : [thread.sides[0]!, side]
    }
    this.place(thread, sender, message)
  }

  private place(thread: Thread, sender: number, message: MessageRow): void {
    const side = thread.sides.find((candidate) => candidate.person === sender)!
    const other = thread.sides.find((candidate) => candidate.person !== sender)
    if (side.first && !comesBefore(message, side.first)) {
      const chars = codePoints(asKept(message.content))
      this.keepIfEarly(side, other, { at: message.at, line: message.line, chars })
      return
    }
    if (side.first) {
      const { at, line, body } = side.first
      this.keepIfEarly(side, other, { at, line, chars: codePoints(body) })
    }
    side.first = {
      at: message.at,
      line: message.line,
      subject: repairDoubleEncoding(message.subject.trim()),
      body: asKept(message.content),
    }
    // The other side's messages after this one can no longer be follow-ups.
    if (other?.later) {
      const first = side.first
      const kept = other.later.filter((later) => comesBefore(later, first))
      other.later = kept.length > 0 ? kept : null
    }
  }

  private keepIfEarly(side: ThreadSide, other: ThreadSide | undefined, later: LaterMessage): void {
    if (other?.first && !comesBefore(later, other.first)) return
    if (side.later) side.later.push(later)
    else side.later = [later]
  }
}
