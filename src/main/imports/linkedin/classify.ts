// Reads each conversation from the user's side: who wrote first, whether the opening message was
// an InMail (DOMAIN.md §7: the user wrote first, with a subject, to someone who was not a
// connection that day), the follow-ups before any reply, and the reply itself.
import { comesBefore, type ConversationBook, type Thread } from './conversations'
import { dayOf, isoInstant } from './dates'
import { classifyResponse } from './sentiment'
import type { SkipReason } from './skip-reasons'
import type { InferredOutreach } from './types'

export interface Inference {
  /** Sorted by sentAt (then by line). */
  outreach: InferredOutreach[]
  skipped: Partial<Record<SkipReason, number>>
}

function channelOf(
  subject: string,
  sentDay: string,
  profileUrl: string | null,
  connections: ReadonlyMap<string, string> | null,
): Pick<InferredOutreach, 'channel' | 'why'> {
  if (subject === '') {
    return {
      channel: 'message',
      why: 'You wrote first without a subject, as for a free message to a connection or an Open Profile member; an InMail has a subject.',
    }
  }
  if (connections === null) {
    return {
      channel: 'inmail',
      why: 'You wrote first, with a subject, and without Connections.csv nobody counts as a connection, so it was taken for an InMail.',
    }
  }
  if (profileUrl === null) {
    return {
      channel: 'inmail',
      why: 'You wrote first, with a subject, to a member whose profile is hidden, so they cannot be among your connections.',
    }
  }
  const connectedOn = connections.get(profileUrl)
  if (connectedOn !== undefined && connectedOn <= sentDay) {
    return {
      channel: 'message',
      why: `You wrote first to a connection (connected on ${connectedOn}), so it was a free message, not an InMail.`,
    }
  }
  return {
    channel: 'inmail',
    why:
      connectedOn === undefined
        ? 'You wrote first, with a subject, to someone who was not a connection yet.'
        : `You wrote first, with a subject, to someone who was not a connection yet (you connected on ${connectedOn}).`,
  }
}

type Reading = { skip: SkipReason } | { outreach: InferredOutreach; at: number }

function readThread(
  thread: Thread,
  book: ConversationBook,
  me: number | undefined,
  connections: ReadonlyMap<string, string> | null,
): Reading {
  if (thread.spam) return { skip: 'spam' }
  if (thread.group) return { skip: 'group' }
  const mine = thread.sides.find((side) => side.person === me)
  if (!mine) return { skip: 'not-with-you' }
  const theirs = thread.sides.find((side) => side.person !== me)
  if (!theirs) return { skip: 'only-you' }
  const opener = mine.first
  const reply = theirs.first
  if (!opener || (reply && comesBefore(reply, opener))) return { skip: 'inbound' }

  const { people } = book
  const profileUrl = people.urls[theirs.person] ?? null
  const followups = (mine.later ?? [])
    .filter((later) => !reply || comesBefore(later, reply))
    .sort((a, b) => a.at - b.at || a.line - b.line)
  const verdict = reply ? classifyResponse(reply.body) : null
  return {
    at: opener.at,
    outreach: {
      conversationId: thread.id,
      line: opener.line,
      contact: { name: people.names[theirs.person] || 'LinkedIn Member', profileUrl },
      ...channelOf(opener.subject, dayOf(opener.at), profileUrl, connections),
      sentAt: isoInstant(opener.at),
      subject: opener.subject === '' ? null : opener.subject,
      body: opener.body,
      followups: followups.map((later) => ({
        at: isoInstant(later.at),
        line: later.line,
        bodyChars: later.chars,
      })),
      response:
        reply && verdict
          ? {
              at: isoInstant(reply.at),
              line: reply.line,
              body: reply.body,
              sentiment: verdict.sentiment,
              kind: verdict.kind,
            }
          : null,
    },
  }
}

/**
 * Reads every conversation in `book`, removing it from the book as it goes.
 * `me` is the user's person id in the book (undefined if they never appear); `connections` maps
 * profile URLs to the day they became a connection, or is null when Connections.csv is absent.
 */
export function inferOutreach(
  book: ConversationBook,
  me: number | undefined,
  connections: ReadonlyMap<string, string> | null,
): Inference {
  const found: { outreach: InferredOutreach; at: number }[] = []
  const skipped: Partial<Record<SkipReason, number>> = {}
  for (const [id, thread] of book.threads) {
    // Emptied as it goes, so that the conversations and the plan never both hold everything.
    book.threads.delete(id)
    const reading = readThread(thread, book, me, connections)
    if ('skip' in reading) skipped[reading.skip] = (skipped[reading.skip] ?? 0) + 1
    else found.push(reading)
  }
  found.sort((a, b) => a.at - b.at || a.outreach.line - b.outreach.line)
  return { outreach: found.map((entry) => entry.outreach), skipped }
}
