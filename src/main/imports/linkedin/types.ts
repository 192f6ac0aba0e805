// The import plan a LinkedIn data export turns into: what was inferred, what was left out and why.
// Nothing here is written anywhere; the user reviews the plan before anything is imported.

export type ResponseSentiment = 'positive' | 'neutral' | 'negative'

/** The file inside the export a problem was found in. */
export type ExportFileName = 'messages.csv' | 'Connections.csv' | 'Invitations.csv'

export interface InferredOutreach {
  conversationId: string
  /** 1-based line number in messages.csv of the first message (counting the header as line 1; a quoted field spanning lines counts its lines). */
  line: number
  contact: { name: string; profileUrl: string | null }
  /** 'inmail': opened by the user, with a subject, to someone who was not a connection on that day (Connections.csv 'Connected On'). 'message': any other conversation the user opened (a connection, or no subject: free message / Open Profile). */
  channel: 'inmail' | 'message'
  /** One sentence saying why it was classified so. */
  why: string
  /** UTC ISO instant, e.g. 2026-01-05T09:30:00.000Z */
  sentAt: string
  subject: string | null
  body: string
  /** Later messages from the user in the same thread before the other person's first reply. */
  followups: { at: string; line: number; bodyChars: number }[]
  /** The other person's first message in the thread, if any. */
  response: {
    at: string
    line: number
    body: string
    sentiment: ResponseSentiment
    kind: 'reply' | 'decline'
  } | null
}

export interface RejectedRow {
  /** messages.csv unless said otherwise. */
  file: ExportFileName
  line: number
  /** A sentence saying why the row could not be read. */
  reason: string
}

export interface OutgoingInvitation {
  to: string
  profileUrl: string | null
  at: string
  message: string | null
}

export interface LinkedInImportPlan {
  me: { name: string | null; profileUrl: string; detected: boolean }
  /** Sorted by sentAt. */
  outreach: InferredOutreach[]
  /** Conversations (or rows, for row-level reasons) left out, by reason; see `skipReasons`. */
  skipped: Record<string, number>
  /** Rows that could not be read, with their line and a sentence saying why; the rest still imports. */
  rejected: RejectedRow[]
  /** Outgoing connection requests, from Invitations.csv. */
  invitations: OutgoingInvitation[]
  /** Data rows read from messages.csv (blank lines not counted; rejected rows counted). */
  rows: number
  /** How messages.csv was decoded: a file saved by Excel on Windows may be Windows-1252. */
  encoding: TextEncodingName
  /** Whether Connections.csv was found; without it nobody counts as a connection. */
  connectionsFound: boolean
}

export type TextEncodingName = 'utf-8' | 'windows-1252'
