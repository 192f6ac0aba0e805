// Reads a LinkedIn data export into an import plan: the outreach the user sent (InMail or free
// message, inferred), follow-ups and replies, and everything left out with the reason. Pure Node
// and streaming: messages.csv is never held in memory as rows, only as compact per-conversation
// state. Nothing is written; the plan is for the user to review.
import { inferOutreach } from './classify'
import { readConnections } from './connections'
import { LinkedInExportError, abortError } from './errors'
import { locateExportFiles } from './export-files'
import { readInvitations } from './invitations'
import { resolveMe } from './me'
import { readMessages } from './messages'
import type { LinkedInImportPlan, OutgoingInvitation, RejectedRow } from './types'

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
}

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

/**
 * `source`: a folder holding messages.csv (and optionally Connections.csv, Invitations.csv), or
 * the path of messages.csv itself. Rejects with a LinkedInExportError when the export as a whole
 * cannot be read; rows that cannot be read are listed in `rejected` and the rest imports.
 */
export async function readLinkedInExport(
  source: string,
  options: ReadOptions = {},
): Promise<LinkedInImportPlan> {
  const { signal } = options
  if (signal?.aborted) throw abortError(signal)
  const files = await locateExportFiles(source)
  const messages = await readMessages(files.messages, {
    signal,
    onProgress: options.onProgress,
    totalBytes: files.messagesBytes,
  })
  const me = resolveMe(messages.book.people, options.me)
  const connections = files.connections
    ? await readConnections(files.connections, { signal })
    : null
  const invitations = files.invitations
    ? await outgoingInvitations(files.invitations, me.profileUrl, signal)
    : { outgoing: [], rejected: [] }
  if (signal?.aborted) throw abortError(signal)

  const inference = inferOutreach(messages.book, me.id, connections?.since ?? null)
  const skipped: Record<string, number> = {}
  if (messages.draftRows > 0) skipped.draft = messages.draftRows
  if (messages.systemRows > 0) skipped.system = messages.systemRows
  Object.assign(skipped, inference.skipped)
  return {
    me: { name: me.name, profileUrl: me.profileUrl, detected: me.detected },
    outreach: inference.outreach,
    skipped,
    rejected: [...messages.rejected, ...(connections?.rejected ?? []), ...invitations.rejected],
    invitations: invitations.outgoing,
    rows: messages.rows,
    people: inference.people,
    encoding: messages.encoding,
    connectionsFound: connections !== null,
  }
}
