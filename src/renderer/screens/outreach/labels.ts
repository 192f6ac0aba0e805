import type { OutreachChannel, OutreachStatus } from '../../../shared/contract'

export const channelLabel: Record<OutreachChannel, string> = {
  inmail: 'InMail',
  'open-profile': 'Open Profile',
  message: 'Message',
  'connection-note': 'Connection note',
  email: 'Email',
  whatsapp: 'WhatsApp',
}

export const statusLabel: Record<OutreachStatus, string> = {
  awaiting: 'Awaiting reply',
  replied: 'Replied',
  positive: 'Positive',
  meeting: 'Meeting',
  hired: 'Hired',
  bounced: 'Bounced',
  'no-reply': 'No reply (90 days)',
}
