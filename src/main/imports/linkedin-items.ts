// A LinkedIn export's outreach and invitations as import items (read.ts, and the items thread).
import { normalizeProfileUrl } from '../../shared/domain/profiles'
import { words } from '../../shared/domain/templates'
import type { ImportItem } from './items'
import type { InferredOutreach, OutgoingInvitation } from './linkedin'
import type { ImportSource } from './read'

/** Anonymised members ("LinkedIn Member", no URL) are different people: keep them apart. */
function contactOf(o: {
  conversationId: string
  contact: { name: string; profileUrl: string | null }
}) {
  // The reader normalised it already (message-rows.ts).
  const profileUrl = o.contact.profileUrl
  const name =
    !profileUrl && /^linkedin member$/i.test(o.contact.name.trim())
      ? `LinkedIn Member (${o.conversationId})`
      : o.contact.name
  return { name: name || null, profileUrl }
}

/** One opening message of the export as an import item; null when the preview left it out. */
export function linkedInItem(
  o: InferredOutreach,
  overrides: Extract<ImportSource, { kind: 'linkedin' }>['overrides'],
): ImportItem | null {
  const key = `linkedin:${o.conversationId}`
  const override = overrides[key]
  if (override === 'skip') return null
  return {
    key,
    line: o.line,
    contact: contactOf(o),
    channel: override ?? o.channel,
    why: override ? 'You changed this in the preview.' : o.why,
    sentAt: o.sentAt,
    subject: o.subject,
    template: null,
    role: null,
    bodyChars: o.body.length,
    bodyWords: words(o.body),
    followups: o.followups.map((f) => ({ at: f.at, bodyChars: f.bodyChars })),
    response: o.response
      ? { at: o.response.at, kind: o.response.kind, sentiment: o.response.sentiment }
      : null,
    meetingAt: null,
  }
}

export function invitationItem(invite: OutgoingInvitation): ImportItem {
  return {
    key: `linkedin-invitation:${invite.profileUrl ?? invite.to}:${invite.at}`,
    line: 0,
    contact: {
      name: invite.to,
      profileUrl: invite.profileUrl ? normalizeProfileUrl(invite.profileUrl) : null,
    },
    channel: 'connection-note',
    why: 'A connection request you sent (Invitations.csv).',
    sentAt: invite.at,
    subject: null,
    template: null,
    role: null,
    bodyChars: invite.message?.length ?? null,
    bodyWords: invite.message ? words(invite.message) : null,
    followups: [],
    response: null,
    meetingAt: null,
  }
}
