// The status of one message, derived from the events that answer it. SQL fragments shared by
// the outreach table and the contacts list, so both say the same thing.

/** Columns for a message row `m` (a live send): its first response, sentiment, meeting, bounce. */
export const messageFacts = `
  (SELECT min(r.at) FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = m.id) AS responded_at,
  (SELECT r.sentiment FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = m.id
     ORDER BY r.at DESC, r.id DESC LIMIT 1) AS sentiment,
  EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'meeting' AND x.inmail_id = m.id) AS has_meeting,
  EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'bounce' AND x.inmail_id = m.id) AS bounced,
  EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'hire' AND x.inmail_id = m.id) AS hired,
  (SELECT count(*) FROM live_events f WHERE f.followup_of = m.id) AS followups`

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
