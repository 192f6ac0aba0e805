// The outreach workspace: contacts, roles and templates.
import * as z from 'zod'
import { templateChannels, type Finding, type TemplateChannel } from '../domain/templates'
import { channel } from './channel'
import { profileUrl } from './credits'

export type OutreachStatus =
  'awaiting' | 'replied' | 'positive' | 'meeting' | 'hired' | 'bounced' | 'no-reply'

export interface ContactSummary {
  id: number
  name: string | null
  profileUrl: string | null
  headline: string | null
  company: string | null
  email: string | null
  openProfile: boolean
  tags: string[]
  messages: number
  lastContactAt: string | null
  status: OutreachStatus | null
}

export interface TimelineItem {
  eventId: number
  at: string
  kind: 'inmail' | 'message' | 'followup' | 'response' | 'meeting' | 'bounce'
  channel: string | null
  seat: string | null
  text: string
}

export interface ContactDetail extends ContactSummary {
  notes: string | null
  timeline: TimelineItem[]
  mergedFrom: { id: number; name: string | null; profileUrl: string | null; mergeId: number }[]
}

export interface DuplicatePair {
  a: ContactSummary
  b: ContactSummary
  reason: string
}

export interface Role {
  id: number
  name: string
  client: string | null
  family: string | null
  status: 'open' | 'paused' | 'filled' | 'closed'
  messages: number
}

export interface TemplateSummary {
  id: number
  name: string
  channel: TemplateChannel
  version: number
  subject: string | null
  body: string
  archived: boolean
  sends: number
  replies: number
  /** replies / sends, null with no sends. */
  replyRate: number | null
  /** Wilson 95% interval of the reply rate. */
  interval: { low: number; high: number } | null
  findings: Finding[]
}

const id = (what: string) =>
  z
    .number({ error: `Say which ${what}: give its id.` })
    .int({ error: `A ${what} id is a whole number.` })
    .positive({ error: `A ${what} id is a positive number.` })

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the ${what} under ${max} characters.` })
const optionalText = (max: number, what: string) =>
  text(max, what)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

const email = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: 'Use an email address like ana@example.com.',
  })
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .nullable()
  .optional()

const tags = z.array(text(40, 'tag').min(1)).max(20, { error: 'At most 20 tags.' }).optional()

const contactFields = {
  name: optionalText(200, 'name'),
  headline: optionalText(300, 'headline'),
  company: optionalText(200, 'company'),
  email,
  openProfile: z.boolean().optional(),
  tags,
  notes: optionalText(5000, 'notes'),
}

export const contacts = {
  list: channel<{ contacts: ContactSummary[]; total: number }>()(
    z.object({
      search: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  get: channel<ContactDetail>()(z.object({ contactId: id('contact') })),
  add: channel<ContactDetail>()(
    z
      .object({ profileUrl: profileUrl.optional(), ...contactFields })
      .refine((c) => c.profileUrl !== undefined || (c.name ?? '') !== '', {
        error: 'Give a LinkedIn profile URL or a name.',
      }),
  ),
  update: channel<ContactDetail>()(z.object({ contactId: id('contact'), ...contactFields })),
  duplicates: channel<DuplicatePair[]>()(z.object({}).strict().default({})),
  merge: channel<{ mergeId: number; kept: ContactDetail }>()(
    z
      .object({ keepId: id('contact'), mergeId: id('contact') })
      .refine((m) => m.keepId !== m.mergeId, { error: 'Choose two different contacts to merge.' }),
  ),
  undoMerge: channel<ContactDetail>()(z.object({ mergeId: id('merge') })),
}

const roleStatus = z.enum(['open', 'paused', 'filled', 'closed'], {
  error: 'A role is open, paused, filled or closed.',
})

export const roles = {
  list: channel<Role[]>()(z.object({}).strict().default({})),
  add: channel<Role>()(
    z.object({
      name: text(120, 'role name').min(1, { error: 'Give the role a name.' }),
      client: optionalText(120, 'client'),
      family: optionalText(120, 'role family'),
    }),
  ),
  update: channel<Role>()(
    z.object({
      roleId: id('role'),
      name: text(120, 'role name').min(1, { error: 'Give the role a name.' }).optional(),
      client: optionalText(120, 'client'),
      family: optionalText(120, 'role family'),
      status: roleStatus.optional(),
    }),
  ),
}

const templateChannel = z.enum(templateChannels, {
  error: 'A template is for InMail, a connection note, a message, email or WhatsApp.',
})

export const templates = {
  list: channel<TemplateSummary[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
  ),
  add: channel<TemplateSummary>()(
    z.object({
      name: text(120, 'template name').min(1, { error: 'Give the template a name.' }),
      channel: templateChannel,
      subject: optionalText(1000, 'subject'),
      body: text(10_000, 'message').min(1, { error: 'Write the message.' }),
    }),
  ),
  update: channel<TemplateSummary>()(
    z.object({
      templateId: id('template'),
      name: text(120, 'template name').min(1, { error: 'Give the template a name.' }).optional(),
      subject: optionalText(1000, 'subject'),
      body: text(10_000, 'message').min(1, { error: 'Write the message.' }).optional(),
    }),
  ),
  archive: channel<TemplateSummary>()(z.object({ templateId: id('template') })),
  render: channel<{ subject: string | null; body: string; missing: string[] }>()(
    z.object({ templateId: id('template'), contactId: id('contact'), role: z.string().optional() }),
  ),
}
