// The words recruiters type in yes/no, channel, response and sentiment cells, in any case and
// spacing, and what they mean. English only; anything else is reported, never guessed.
import type { CsvChannel } from '../../../shared/contract/csv-mapping'

export type ReplyKind = 'reply' | 'accept' | 'decline'
export type Sentiment = 'positive' | 'neutral' | 'negative'

/**
 * Lower case, inner whitespace collapsed, and (for words, not for "-" or "+") hyphens, underscores
 * and a trailing full stop made spaces or dropped: "In-Mail", "in_mail " and "InMail." all match.
 */
export function normalizeWord(value: string): string {
  const word = value.trim().toLowerCase().replace(/\s+/g, ' ')
  if (word.length <= 1) return word
  return word
    .replace(/[-_]+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function lookup<T extends string>(table: Record<T, readonly string[]>): Map<string, T> {
  const byWord = new Map<string, T>()
  for (const [meaning, words] of Object.entries(table) as [T, readonly string[]][])
    for (const word of words) byWord.set(word, meaning)
  return byWord
}

/** Yes: yes, y, true, 1, x, ✓, ✔, ☑. No: no, n, false, 0, -, ✗, ✘, or an empty cell. */
const booleans = lookup({
  true: ['yes', 'y', 'true', '1', 'x', '✓', '✔', '☑'],
  false: ['no', 'n', 'false', '0', '-', '✗', '✘', ''],
})

export const booleanWords = 'yes/no, true/false, 1/0, x or ✓ (an empty cell is no)'

export function readBoolean(value: string): boolean | null {
  const meaning = booleans.get(normalizeWord(value))
  return meaning === undefined ? null : meaning === 'true'
}

const channels = lookup<CsvChannel>({
  inmail: [
    'inmail',
    'in mail',
    'linkedin inmail',
    'li inmail',
    'sales navigator inmail',
    'sales nav inmail',
    'recruiter inmail',
  ],
  message: ['message', 'linkedin message', 'li message', 'msg', 'dm', 'direct message'],
  'connection-note': [
    'connection note',
    'connection request',
    'connection',
    'connect',
    'invite',
    'invitation',
    'note',
  ],
  email: ['email', 'e mail', 'mail'],
  whatsapp: ['whatsapp', 'whats app', 'wa'],
})

export const channelWords = 'InMail, message, connection note, email or WhatsApp'

export function readChannel(value: string): CsvChannel | null {
  return channels.get(normalizeWord(value)) ?? null
}

const replyKinds = lookup<ReplyKind>({
  reply: ['reply', 'replied', 'response', 'responded', 'answer', 'answered'],
  accept: ['accept', 'accepted', 'connected', 'connection accepted'],
  decline: ['decline', 'declined', 'rejected', 'refused'],
})

export const replyKindWords = 'reply, accept or decline'

export function readReplyKind(value: string): ReplyKind | null {
  return replyKinds.get(normalizeWord(value)) ?? null
}

const sentiments = lookup<Sentiment>({
  positive: ['positive', 'pos', 'interested', 'yes', '+', '👍', 'good', 'great', 'warm', 'hot'],
  neutral: ['neutral', 'neu', 'maybe', 'ok', 'okay', 'not now', 'later', '=', '~', '0'],
  negative: [
    'negative',
    'neg',
    'not interested',
    'uninterested',
    'no',
    '-',
    '👎',
    'bad',
    'cold',
    'declined',
  ],
})

export const sentimentWords = 'positive, neutral or negative (or interested, maybe, not interested)'

export function readSentiment(value: string): Sentiment | null {
  return sentiments.get(normalizeWord(value)) ?? null
}
