// Reads a LinkedIn data export into an import plan: the outreach the user sent (InMail or free
// message, inferred), follow-ups and replies, and everything left out with the reason. Pure Node
// and streaming: messages.csv is never held in memory as rows, only as compact per-conversation
// state. Nothing is written; the plan is for the user to review.
import { inferOutreach } from './classify'
import { readConnections } from './connections'
import { LinkedInExportError, abortError } from './errors'
import { locateExportFiles } from './export-files'
import { readInvitations } from './invitations'
import { givenProfile, SenderTally } from './me'
import { readMessages } from './messages'
import { repairDoubleEncoding } from './mojibake'
import type { ConversationBook } from './conversations'
import { ConversationSpill, type SpilledFiles } from './spill'
import type { InferredOutreach, LinkedInImportPlan, OutgoingInvitation, RejectedRow } from './types'

export { LinkedInExportError, type LinkedInExportErrorCode } from './errors'
export { classifyResponse, type SentimentVerdict } from './sentiment'
export { skipReasons, type SkipReason } from './skip-reasons'
export type * from './types'

export interface ReadOptions {
  /** The user's own profile URL; auto-detected as the most frequent sender when absent. */
  me?: string
  /** Abort => reject with an Error whose name is 'AbortError'. */
  signal?: AbortSignal
  onProgress?: (progress: { rows: number; bytes: number; totalBytes: number }) => void
  /** About how much of messages.csv is grouped in memory at a time (see spill.ts). */
  bucketBytes?: number
  /** From this size (bytes) messages.csv is parsed on a thread of its own (tests set it low). */
  parseOnThreadFrom?: number
}

/** Below this a thread's start-up (about 100 ms) costs more than parsing alongside saves. */
const parseOnThreadFromBytes = 8 * 2 ** 20

/** Invitations only list connection requests: a broken Invitations.csv is reported, not fatal. */
async function outgoingInvitations(
  path: string,
  me: string,
  signal: AbortSignal | undefined,
): Promise<{ outgoing: OutgoingInvitation[]; rejected: RejectedRow[] }> {
  try {
    return await readInvitations(path, me, { signal })
  } catch (error) {
    if (!(error instanceof LinkedInExportError)) throw error
    return {
      outgoing: [],
      rejected: [
        { file: 'Invitations.csv', line: 1, reason: `${error.message} No invitations were read.` },
      ],
    }
  }
}

/** A LinkedIn export read through once: everything but the conversations, which are read on demand. */
export interface LinkedInExportReading extends Omit<LinkedInImportPlan, 'outreach'> {
  /**
   * The outreach found, a part of the export at a time (each part sorted by sentAt; the parts
   * are not in order among themselves). Conversations left out are counted into `skipped` as
   * they are read. Read once.
   */
  outreach(): Generator<InferredOutreach>
  /**
   * Where the conversations wait when the export was big enough to spill (null: in memory), and
   * when each connection began: what outreachOf needs to read them on another thread.
   */
  spilled: SpilledFiles | null
  since: ReadonlyMap<string, string> | null
  /** Removes what the reading keeps on disk; call it when done, also after a failure. */
  dispose(): void
}

/**
 * The outreach in these books: each book's conversations inferred (who wrote first, InMail or
 * not), those left out counted into `skipped` by reason.
 */
export function* outreachOf(
  books: Iterable<ConversationBook>,
  me: string,
  since: ReadonlyMap<string, string> | null,
  skipped: Record<string, number>,
): Generator<InferredOutreach> {
  for (const book of books) {
    const inference = inferOutreach(book, book.people.find(me), since)
    for (const [reason, count] of Object.entries(inference.skipped))
      skipped[reason] = (skipped[reason] ?? 0) + count
    yield* inference.outreach
  }
}

/**
 * `source`: a folder holding messages.csv (and optionally Connections.csv, Invitations.csv), or
 * the path of messages.csv itself. Rejects with a LinkedInExportError when the export as a whole
 * cannot be read; rows that cannot be read are listed in `rejected` and the rest imports.
 * Memory does not grow with messages.csv: its messages wait in temporary files (see spill.ts).
 */
export async function openLinkedInExport(
  source: string,
  options: ReadOptions = {},
): Promise<LinkedInExportReading> {
  const { signal } = options
  if (signal?.aborted) throw abortError(signal)
  const files = await locateExportFiles(source)
  const senders = new SenderTally(givenProfile(options.me))
  const spill = new ConversationSpill(files.messagesBytes, options.bucketBytes)
  try {
    const messages = await readMessages(files.messages, {
      signal,
      onProgress: options.onProgress,
      totalBytes: files.messagesBytes,
      spill,
      senders,
      parseOnThread: files.messagesBytes >= (options.parseOnThreadFrom ?? parseOnThreadFromBytes),
    })
    const me = senders.me(repairDoubleEncoding)
    const connections = files.connections
      ? await readConnections(files.connections, { signal })
      : null
    const invitations = files.invitations
      ? await outgoingInvitations(files.invitations, me.profileUrl, signal)
      : { outgoing: [], rejected: [] }
    if (signal?.aborted) throw abortError(signal)

    const since = connections?.since ?? null
    const skipped: Record<string, number> = {}
    if (messages.draftRows > 0) skipped.draft = messages.draftRows
    if (messages.systemRows > 0) skipped.system = messages.systemRows
    return {
      me,
      skipped,
      rejected: [...messages.rejected, ...(connections?.rejected ?? []), ...invitations.rejected],
      invitations: invitations.outgoing,
      rows: messages.rows,
      encoding: messages.encoding,
      connectionsFound: connections !== null,
      outreach: () => outreachOf(spill.books(), me.profileUrl, since, skipped),
      spilled: spill.files,
      since,
      dispose: () => spill.dispose(),
    }
  } catch (error) {
    spill.dispose()
    throw error
  }
}

/** Earliest first (sentAt is always a UTC ISO instant), then by line in the file. */
export function bySentAt(a: { sentAt: string; line: number }, b: { sentAt: string; line: number }) {
  return a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : a.line - b.line
}

/** The whole plan at once, sorted by sentAt: for exports that fit in memory (and tests). */
export async function readLinkedInExport(
  source: string,
  options: ReadOptions = {},
): Promise<LinkedInImportPlan> {
  const reading = await openLinkedInExport(source, options)
  try {
    const outreach = [...reading.outreach()].sort(bySentAt)
    return {
      me: reading.me,
      outreach,
      // Read after the outreach: the conversations left out are counted as they are read.
      skipped: reading.skipped,
      rejected: reading.rejected,
      invitations: reading.invitations,
      rows: reading.rows,
      encoding: reading.encoding,
      connectionsFound: reading.connectionsFound,
    }
  } finally {
    reading.dispose()
  }
}
