// Who writes what to whom, and when, in a generated LinkedIn export: one conversation at a time,
// of the kinds a recruiter's inbox holds, with the people it needs (connections made before the
// export's first day, prospects, a few contacted twice, some who connect after replying).
import {
  companies,
  inboundOpeners,
  latinFirst,
  latinLast,
  myInboundReplies,
  myLaterMessages,
  negativeReplies,
  neutralReplies,
  nonLatinNames,
  positiveReplies,
  roles,
  skills,
  theirLaterMessages,
} from './export-words'

export interface Person {
  name: string
  url: string | null
  first: string
  last: string
  /** Conversations made with them so far (the walk goes back in time). */
  conversations: number
  /** Epoch ms of the day they became a connection, if they did. */
  connectedOn: number | null
  nonLatin: boolean
}

export interface Sent {
  at: number
  from: Person
  to: Person[]
  subject: string
  content: string
}

/**
 * inmail: the user opens with a subject, to someone who is not a connection; free: the user opens
 * to a connection; open-profile: the user opens without a subject to someone who is not.
 */
export type Kind = 'inmail' | 'free' | 'open-profile' | 'inbound' | 'group' | 'spam'

export interface Conversation {
  id: string
  title: string
  folder: 'INBOX' | 'ARCHIVE' | 'SPAM'
  kind: Kind
  /** Oldest first. */
  messages: Sent[]
  /** LinkedIn's own rows in the thread (no sender profile). */
  notices: Sent[]
  /** The other person, in a one-to-one conversation. */
  other: Person | null
}

const someone = (name: string, url: string | null, first = '', last = ''): Person => ({
  name,
  url,
  first,
  last,
  conversations: 0,
  connectedOn: null,
  nonLatin: false,
})

export const me = someone(
  'Jordan Avery',
  'https://www.linkedin.com/in/jordan-avery-recruits',
  'Jordan',
  'Avery',
)
/** LinkedIn's own notices have a sender with no profile. */
const linkedIn = someone('LinkedIn', null)

export const msPerDay = 86_400_000
/** No conversation runs longer than this, so a day's rows are final this many days later. */
export const maxThreadDays = 40
const hour = 3_600_000

export class ThreadMaker {
  /** Connections made before the export's first day: the people free messages go to. */
  readonly pool: Person[]
  /** Prospects who connected after answering an InMail. */
  readonly connectedLater: Person[] = []
  /** Prospects met lately (in the walk's order), for the few contacted a second time. */
  private readonly recent: Person[] = []
  private prospects = 0
  private people = 0
  private conversations = 0

  constructor(
    private readonly random: () => number,
    private readonly fromMs: number,
    poolSize: number,
  ) {
    this.pool = Array.from({ length: poolSize }, () => {
      const person = this.newPerson()
      person.connectedOn = fromMs - this.between(1, 1500) * msPerDay
      return person
    })
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!
  }

  private between(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1))
  }

  private newPerson(): Person {
    this.people++
    // A fixed-width random part, then a counter: unique, and not in order.
    const id = `${this.between(0, 36 ** 2 - 1)
      .toString(36)
      .padStart(2, '0')}${this.people.toString(36)}`
    if (this.random() < 0.2) {
      const n = this.pick(nonLatinNames)
      const url = `https://www.linkedin.com/in/${n.slug}-${id}`
      return { ...someone(n.name, url, n.first, n.last), nonLatin: true }
    }
    const [first, firstSlug] = this.pick(latinFirst)
    const [last, lastSlug] = this.pick(latinLast)
    let name = `${first} ${last}`
    // Now and then a name that was decoded as Windows-1252 once too often on LinkedIn's side.
    if (this.random() < 0.005) name = Buffer.from(name, 'utf8').toString('latin1')
    return someone(name, `https://www.linkedin.com/in/${firstSlug}-${lastSlug}-${id}`, first, last)
  }

  private prospect(): Person {
    if (this.recent.length > 0 && this.random() < 0.08) return this.pick(this.recent)
    const person = this.newPerson()
    this.recent[this.prospects++ % 5000] = person
    return person
  }

  private replyDelay(): number {
    const roll = this.random()
    return roll < 0.4
      ? this.between(1, 24) * hour
      : roll < 0.85
        ? this.between(24, 5 * 24) * hour
        : this.between(5 * 24, 20 * 24) * hour
  }

  private replyText(other: Person): string {
    if (other.nonLatin && this.random() < 0.3) return this.pick(neutralReplies.slice(3))
    const roll = this.random()
    return this.pick(roll < 0.4 ? positiveReplies : roll < 0.7 ? neutralReplies : negativeReplies)
  }

  private opener(other: Person, withSubject: boolean): { subject: string; content: string } {
    const company = this.pick(companies)
    const role = this.pick(roles)
    const skill = this.pick(skills)
    const subjects = [
      `Quick question about your ${skill} work`,
      `${role} at ${this.pick(companies)}`,
      `"${role}" opening, remote (EU)`,
      `Idea for your ${skill} team`,
    ]
    const subject = withSubject ? this.pick(subjects) : ''
    const content =
      this.random() < 0.6
        ? `Hi ${other.first},\n\nI noticed your work at ${company} on ${skill}. I'm hiring a ${role} ` +
          `for a Series B team ("${this.pick(companies)}"), fully remote.\n\n` +
          'Worth a 15-minute chat this week?\n\nBest,\nJordan'
        : `Hi ${other.first}, I noticed your work at ${company}. I'm hiring for a senior role that fits. Worth a 15-minute chat this week?`
    return { subject, content }
  }

  /** The talk after a first reply: alternating, `first` first. */
  private afterwards(start: number, first: Person, second: Person): Sent[] {
    const out: Sent[] = []
    let at = start
    for (let i = 0, count = this.pick([0, 0, 1, 2, 2, 3, 4, 5]); i < count; i++) {
      at += this.between(60, 72 * 60) * 60_000
      const from = i % 2 === 0 ? first : second
      const content = this.pick(from === me ? myLaterMessages : theirLaterMessages)
      out.push({ at, from, to: [from === first ? second : first], subject: '', content })
    }
    return out
  }

  /** A conversation the user opens: the opening message, follow-ups, maybe a reply and more. */
  private outreach(
    kind: Kind,
    start: number,
    other: Person,
  ): Pick<Conversation, 'messages' | 'notices'> {
    const withSubject = kind === 'inmail' || (kind === 'free' && this.random() < 0.3)
    const messages: Sent[] = [
      { at: start, from: me, to: [other], ...this.opener(other, withSubject) },
    ]
    const notices: Sent[] = []
    const replied = this.random() < (kind === 'inmail' ? 0.22 : 0.45)
    const replyAt = replied ? start + this.replyDelay() : Infinity
    const nudge = (at: number, content: string) =>
      messages.push({ at, from: me, to: [other], subject: '', content })
    if (this.random() < 0.45) {
      // No one follows up on a message that was answered.
      const first = start + this.between(3 * 24, 7 * 24 + 1) * hour
      if (first < replyAt) {
        nudge(
          first,
          this.pick([
            'Quick bump - is this on your list this quarter?',
            `Hi ${other.first}, following up on my note below — happy to share the job description, salary range, etc.`,
            'Just floating this back up 🙂',
          ]),
        )
        const second = first + this.between(4, 10) * msPerDay
        if (this.random() < 0.25 && second < replyAt)
          nudge(second, 'Quick bump - is this on your list this quarter?')
      }
    }
    if (replied) {
      messages.push({
        at: replyAt,
        from: other,
        to: [me],
        subject: '',
        content: this.replyText(other),
      })
      messages.push(...this.afterwards(replyAt, me, other))
      if (kind === 'inmail' && this.random() < 0.15)
        notices.push({
          at: replyAt + 1000,
          from: linkedIn,
          to: [me],
          subject: '',
          content: `${other.name} accepted your message request`,
        })
    }
    return { messages, notices }
  }

  /** Someone else opens: a candidate, a vendor; spam goes to the SPAM folder unanswered. */
  private inbound(kind: Kind, start: number, other: Person): Sent[] {
    const company = this.pick(companies)
    const role = this.pick(roles)
    const messages: Sent[] = [
      {
        at: start,
        from: other,
        to: [me],
        subject: kind === 'inbound' && this.random() < 0.4 ? `Re: ${role} at ${company}` : '',
        content: this.pick(inboundOpeners)
          .replaceAll('{company}', company)
          .replaceAll('{role}', role),
      },
    ]
    if (kind === 'inbound' && this.random() < 0.5) {
      const at = start + this.replyDelay()
      messages.push({
        at,
        from: me,
        to: [other],
        subject: '',
        content: this.pick(myInboundReplies),
      })
      messages.push(...this.afterwards(at, other, me))
    }
    return messages
  }

  /** The user introduces two people; everyone writes to both others. */
  private group(start: number): Sent[] {
    const everyone = [
      me,
      this.random() < 0.5 ? this.pick(this.pool) : this.newPerson(),
      this.newPerson(),
    ]
    const messages: Sent[] = []
    let at = start
    for (let i = 0, count = this.between(2, 6); i < count; i++) {
      const from = i === 0 ? me : this.pick(everyone)
      const content = i === 0 ? 'Hi both, connecting you two as promised.\nOver to you!' : 'Thanks!'
      messages.push({ at, from, to: everyone.filter((p) => p !== from), subject: '', content })
      at += this.between(60, 48 * 60) * 60_000
    }
    return messages
  }

  /** One conversation opened on `day` (0 is the export's first day), its messages oldest first. */
  next(day: number): Conversation {
    const roll = this.random()
    const kind: Kind =
      roll < 0.52
        ? 'inmail'
        : roll < 0.64
          ? 'free'
          : roll < 0.68
            ? 'open-profile'
            : roll < 0.95
              ? 'inbound'
              : roll < 0.975
                ? 'group'
                : 'spam'
    this.conversations++
    const id = `2-${Math.floor(this.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')}${this.conversations.toString(16).padStart(8, '0')}`
    const start = this.fromMs + day * msPerDay + this.between(7 * 3600, 21 * 3600) * 1000
    const folder = kind === 'spam' ? 'SPAM' : this.random() < 0.1 ? 'ARCHIVE' : 'INBOX'
    const base = { id, kind, folder, title: '', notices: [] as Sent[] } as const
    if (kind === 'group') {
      const title = this.random() < 0.5 ? `${this.pick(roles)} hiring loop` : ''
      return { ...base, title, messages: this.group(start), other: null }
    }
    if (kind === 'inbound' || kind === 'spam') {
      const other =
        kind === 'inbound' && this.random() < 0.01
          ? someone('LinkedIn Member', null)
          : kind === 'inbound' && this.random() < 0.2
            ? this.pick(this.pool)
            : this.newPerson()
      return { ...base, messages: this.inbound(kind, start, other), other }
    }
    const other =
      kind === 'free'
        ? this.pick(this.pool)
        : kind === 'open-profile'
          ? this.newPerson()
          : this.prospect()
    return { ...base, ...this.outreach(kind, start, other), other }
  }

  /**
   * After the conversation is cut to what is written: someone who answered an InMail sometimes
   * connects a few days later; only at their latest conversation (the first the walk back in
   * time meets), so every InMail to them stays one to a non-connection.
   */
  settle(conversation: Conversation, replyAt: number | null, exportAt: number): void {
    const { other, kind } = conversation
    if (
      kind === 'inmail' &&
      other &&
      replyAt !== null &&
      other.conversations === 0 &&
      this.random() < 0.3
    ) {
      const on = replyAt + this.between(1, 5) * msPerDay
      if (on <= exportAt) {
        other.connectedOn = on
        this.connectedLater.push(other)
      }
    }
    if (other) other.conversations++
  }
}
