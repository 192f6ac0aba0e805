// The outreach table and quick logging of messages that cost no credit.
import * as z from 'zod'
import { calendarDay, seatId } from './schemas'
import { channel } from './channel'
import { recipient } from './credits'
import type { OutreachStatus } from './workspace'

export const outreachChannels = [
  'inmail',
  'open-profile',
  'message',
  'connection-note',
  'email',
  'whatsapp',
] as const
export type OutreachChannel = (typeof outreachChannels)[number]

export interface OutreachRow {
  id: number
  sentAt: string
  seatId: number
  seat: string
  channel: OutreachChannel
  contactId: number
  contact: string
  profileUrl: string | null
  template: string | null
  role: string | null
  subject: string | null
  status: OutreachStatus
  respondedAt: string | null
  sentiment: 'positive' | 'neutral' | 'negative' | null
  followups: number
  imported: boolean
}

export const outreachStatuses = [
  'awaiting',
  'replied',
  'positive',
  'meeting',
  'bounced',
  'no-reply',
] as const
export const sortKeys = ['sentAt', 'contact', 'status', 'seat', 'template', 'role'] as const

export const outreach = {
  list: channel<{ rows: OutreachRow[]; total: number }>()(
    z.object({
      seatId: seatId.optional(),
      channel: z.enum(outreachChannels).optional(),
      role: z.string().trim().min(1).max(120).optional(),
      template: z.string().trim().min(1).max(120).optional(),
      status: z
        .enum(outreachStatuses, { error: `Status is one of ${outreachStatuses.join(', ')}.` })
        .optional(),
      from: calendarDay.optional(),
      to: calendarDay.optional(),
      search: z.string().trim().max(200).optional(),
      sort: z.enum(sortKeys).default('sentAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** Marks several messages at once: a reply, a positive reply, a meeting or a bounce. */
  mark: channel<{ changed: number }>()(
    z.object({
      messageIds: z
        .array(z.number().int().positive())
        .min(1, { error: 'Select at least one message.' })
        .max(1000, { error: 'Mark at most 1,000 messages at once.' }),
      action: z.enum(['replied', 'positive', 'meeting', 'hired', 'bounced'], {
        error: 'Mark as replied, positive, meeting, hired or bounced.',
      }),
      at: z.iso.datetime({ error: 'Use a date and time like 2026-03-01T09:30:00Z.' }).optional(),
    }),
  ),
  /** Logs a message that costs no credit: a connection note, a message to a connection, an email… */
  log: channel<{ eventId: number }>()(
    z.object({
      seatId,
      channel: z.enum(['message', 'connection-note', 'email', 'whatsapp'], {
        error:
          'Log InMail from the Credits screen; here: message, connection note, email or WhatsApp.',
      }),
      to: recipient,
      at: z.iso.datetime({ error: 'Use a date and time like 2026-03-01T09:30:00Z.' }),
      template: z.string().trim().min(1).max(120).optional(),
      role: z.string().trim().min(1).max(120).optional(),
    }),
  ),
}
