// The status of one message, derived from the events that answer it. SQL fragments shared by
// the outreach table and the contacts list, so both say the same thing.
import type { outreachStatuses } from '../../shared/contract/outreach'

/** The sentiment of the latest response to the message whose id is `messageId` (SQL). */
export const latestSentiment = (messageId: string) =>
  `(SELECT r.sentiment FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = ${messageId}
     ORDER BY r.at DESC, r.id DESC LIMIT 1)`

/** Each fact of a message row `m` (a live send): its first response, sentiment, meeting, bounce. */
export const messageFact = {
  responded_at: `(SELECT min(r.at) FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = m.id)`,
  sentiment: latestSentiment('m.id'),
  has_meeting: `EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'meeting' AND x.inmail_id = m.id)`,
  bounced: `EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'bounce' AND x.inmail_id = m.id)`,
  hired: `EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'hire' AND x.inmail_id = m.id)`,
  followups: `(SELECT count(*) FROM live_events f WHERE f.followup_of = m.id)`,
} as const

/**
 * The answer facts of the message whose id is `messageId` (all of messageFact's but follow-ups),
 * packed in one string from one index range over its answers; NULL when nothing answers it.
 * Bounced, hired and meeting as '0' or '1'; the latest response's sentiment as one letter (none
 * without a response); then the first response's instant. The latest response is the one with
 * the greatest `at`, then id, as latestSentiment orders them: `at`, a separator below any
 * character of an instant, and the zero-padded id compare in exactly that order.
 */
export const packedAnswers = (messageId: string) =>
  `(SELECT max(x.kind = 'bounce') || max(x.kind = 'hire') || max(x.kind = 'meeting')
     || coalesce(substr(max(CASE WHEN x.kind = 'response' THEN x.at || char(1) || printf('%020d', x.id)
          || CASE x.sentiment WHEN 'positive' THEN 'p' WHEN 'neutral' THEN 'u'
               WHEN 'negative' THEN 'n' ELSE '-' END END), -1), '')
     || coalesce(min(CASE WHEN x.kind = 'response' THEN x.at END), '')
   FROM live_events x WHERE x.inmail_id = ${messageId}
     AND +x.kind IN ('response', 'meeting', 'bounce', 'hire'))`

/** packedAnswers' string in the column `a`, back as messageFact's columns. */
export const unpackedAnswers = (a: string) => ({
  responded_at: `nullif(substr(${a}, 5), '')`,
  sentiment: `CASE substr(${a}, 4, 1) WHEN 'p' THEN 'positive' WHEN 'u' THEN 'neutral'
    WHEN 'n' THEN 'negative' END`,
  has_meeting: `coalesce(substr(${a}, 3, 1) = '1', 0)`,
  bounced: `coalesce(substr(${a}, 1, 1) = '1', 0)`,
  hired: `coalesce(substr(${a}, 2, 1) = '1', 0)`,
})

/** All of them, as columns named after them. */
export const messageFacts = Object.entries(messageFact)
  .map(([name, sql]) => `${sql} AS ${name}`)
  .join(',\n  ')

/** A message that opened outreach (not a follow-up). */
export const isOpening = `m.kind IN ('inmail-sent', 'message-sent') AND m.followup_of IS NULL`

/** The status, as SQL over the facts above, given the instant "now" as parameter @now90 (now − 90 days). */
export const statusCase = `CASE
    WHEN bounced THEN 'bounced'
    WHEN hired THEN 'hired'
    WHEN has_meeting THEN 'meeting'
    WHEN sentiment = 'positive' THEN 'positive'
    WHEN responded_at IS NOT NULL THEN 'replied'
    WHEN sent_at < @now90 THEN 'no-reply'
    ELSE 'awaiting' END`

/** The channel as the user names it. */
export const channelCase = `CASE
    WHEN m.kind = 'inmail-sent' AND m.open_profile = 1 THEN 'open-profile'
    WHEN m.kind = 'inmail-sent' THEN 'inmail'
    ELSE coalesce(m.channel, 'message') END`

export function ninetyDaysBefore(now: Date): string {
  return new Date(now.getTime() - 90 * 86_400_000).toISOString()
}

/** The kinds that give a message a status other than awaiting or no reply (see statusCase). */
const answerKinds = ['response', 'meeting', 'bounce', 'hire']

/**
 * A message `messages` (columns id, sent_at) has an answer of one of these kinds in force. The
 * unary + keeps the kind out of the index lookup: one range per message instead of one per kind.
 */
const answered = (kinds: readonly string[]) =>
  `EXISTS (SELECT 1 FROM live_events x WHERE x.inmail_id = messages.id
     AND +x.kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`

/**
 * Per status, a condition every message with that status meets, on the message and one index
 * probe: the outreach table narrows by it before it looks up the facts (six probes a message).
 * Where the condition is also enough (`exact`: no answer at all, and the 90 days decide), the
 * facts are looked up for the rows shown only; otherwise the status is still checked. "Awaiting"
 * is the dashboard's: the last 90 days, an index range instead of every message ever sent.
 */
export const statusNarrowing: Record<
  (typeof outreachStatuses)[number],
  { sql: string; exact: boolean }
> = {
  awaiting: { sql: `sent_at >= @now90 AND NOT ${answered(answerKinds)}`, exact: true },
  'no-reply': { sql: `sent_at < @now90 AND NOT ${answered(answerKinds)}`, exact: true },
  replied: { sql: answered(['response']), exact: false },
  positive: {
    sql: `EXISTS (SELECT 1 FROM live_events x WHERE x.inmail_id = messages.id
      AND x.kind = 'response' AND x.sentiment = 'positive')`,
    exact: false,
  },
  meeting: { sql: answered(['meeting']), exact: false },
  bounced: { sql: answered(['bounce']), exact: false },
}
