// Reads one messages.csv record into a message, or says why it is left out: a draft, a notice
// from LinkedIn itself, or a row that cannot be read (with a sentence the user can act on).
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { cell, type ColumnMap, type ColumnSpec } from './columns'
import { parseMessageDate } from './dates'

export const messageColumns = {
  conversationId: { header: 'CONVERSATION ID', required: true },
  from: { header: 'FROM', required: true },
  senderUrl: { header: 'SENDER PROFILE URL', required: true },
  to: { header: 'TO', required: true },
  recipientUrls: { header: 'RECIPIENT PROFILE URLS', required: true },
  date: { header: 'DATE', required: true },
  subject: { header: 'SUBJECT', required: true },
  content: { header: 'CONTENT', required: true },
  folder: { header: 'FOLDER', required: false },
  attachments: { header: 'ATTACHMENTS', required: false },
  isMessageDraft: { header: 'IS MESSAGE DRAFT', required: false },
  isConversationDraft: { header: 'IS CONVERSATION DRAFT', required: false },
} as const satisfies Record<string, ColumnSpec>

export type MessageColumn = keyof typeof messageColumns

/** Someone on a message: a profile URL when the export gives one (anonymised members have none). */
export interface Party {
  url: string | null
  name: string
}

export interface MessageRow {
  conversationId: string
  line: number
  /** Milliseconds since the epoch, UTC. */
  at: number
  sender: Party
  recipients: Party[]
  /** As written in the file; mojibake is repaired only in what is kept. */
  subject: string
  content: string
  spam: boolean
}

export type RowReading =
  | { kind: 'message'; row: MessageRow }
  | { kind: 'draft' }
  | { kind: 'system' }
  | { kind: 'rejected'; reason: string }

// Notices LinkedIn writes into a thread under no real sender.
const systemNotice =
  /\b(?:accepted your (?:message |connection )?request|message request (?:was |has been )?accepted|is now a connection)\b/i

function isYes(value: string): boolean {
  return /^\s*(?:yes|true|y|1)\s*$/i.test(value)
}

function quoted(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return JSON.stringify(short)
}

/**
 * Profile URLs normalised, remembered: the user's own is on nearly every row. A few thousand are
 * kept; past that the memory starts over, so it stays small whatever the file's size.
 */
const normalizedUrls = new Map<string, string | null>()

function profileUrl(raw: string): string | null {
  let url = normalizedUrls.get(raw)
  if (url === undefined) {
    if (normalizedUrls.size >= 4096) normalizedUrls.clear()
    url = normalizeProfileUrl(raw)
    normalizedUrls.set(raw, url)
  }
  return url
}

function recipientsOf(names: string, urls: string): Party[] {
  const links = urls.split(/[\s;,]+/).filter((link) => link !== '')
  if (links.length === 0) {
    return names
      .split(/\s*[;,]\s*/)
      .filter((name) => name.trim() !== '')
      .map((name) => ({ url: null, name: name.trim() }))
  }
  const splitNames = names.split(/\s*[;,]\s*/)
  return links.map((link, i) => ({
    url: profileUrl(link),
    name: (links.length === 1
      ? names
      : splitNames.length === links.length
        ? splitNames[i]!
        : ''
    ).trim(),
  }))
}

export function readMessageRow(
  fields: readonly string[],
  line: number,
  columns: ColumnMap<MessageColumn>,
  headerWidth: number,
): RowReading {
  if (fields.length < headerWidth) {
    return {
      kind: 'rejected',
      reason: `This row has ${fields.length} fields where the header has ${headerWidth}; it may have been cut short, so it was left out.`,
    }
  }
  if (fields.slice(headerWidth).some((extra) => extra.trim() !== '')) {
    return {
      kind: 'rejected',
      reason: `This row has ${fields.length} fields where the header has ${headerWidth}; a comma outside quotes probably split a field, so its columns cannot be trusted.`,
    }
  }
  const at = (column: MessageColumn): string => cell(fields, columns[column])
  if (isYes(at('isMessageDraft')) || isYes(at('isConversationDraft'))) return { kind: 'draft' }

  const senderName = at('from').trim()
  const sender: Party = { url: profileUrl(at('senderUrl')), name: senderName }
  const subject = at('subject')
  const content = at('content')
  const nothingSaid =
    content.trim() === '' && subject.trim() === '' && at('attachments').trim() === ''
  const noRealSender =
    sender.url === null &&
    (senderName === '' || /^linkedin$/i.test(senderName) || systemNotice.test(content))
  if (nothingSaid || noRealSender) return { kind: 'system' }

  const conversationId = at('conversationId').trim()
  if (conversationId === '') {
    return {
      kind: 'rejected',
      reason: 'This row has no CONVERSATION ID, so it cannot be placed in a conversation.',
    }
  }
  const dateText = at('date')
  const sentAt = parseMessageDate(dateText)
  if (sentAt === null) {
    return {
      kind: 'rejected',
      reason: `DATE ${quoted(dateText)} is not a date like 2023-06-11 15:33:58 UTC, so this message cannot be placed in time.`,
    }
  }
  return {
    kind: 'message',
    row: {
      conversationId,
      line,
      at: sentAt,
      sender,
      recipients: recipientsOf(at('to'), at('recipientUrls')),
      subject,
      content,
      spam: at('folder').trim().toUpperCase() === 'SPAM',
    },
  }
}
