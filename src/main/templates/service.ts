// Templates: named messages per channel, versioned on every edit, each with its own reply rate.
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type {
  TemplateSummary,
  templates as templatesContract,
} from '../../shared/contract/workspace'
import { checkTemplate, renderMessage, type TemplateChannel } from '../../shared/domain/templates'
import { wilson } from '../credits/engine'
import { getContact } from '../contacts/workspace'
import type { DomainHandlers } from '../handler-types'
import type { Ledger } from '../ledger'
import { assertNameFree } from '../db/names'

type Input<K extends keyof typeof templatesContract> = z.output<
  (typeof templatesContract)[K]['input']
>

interface Row {
  id: number
  name: string
  channel: TemplateChannel
  archived_at: string | null
  version: number
  subject: string | null
  body: string
  sends: number
  replies: number
}

// A message used a template if it links a version of it or carries its name.
const listSql = `
  WITH latest AS (
    SELECT v.* FROM template_versions v
    WHERE v.version = (SELECT max(version) FROM template_versions w WHERE w.template_id = v.template_id)
  ),
  used AS (
    SELECT t.id AS template_id, m.id AS message_id,
      EXISTS (SELECT 1 FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = m.id) AS replied
    FROM templates t JOIN live_events m
      ON m.kind IN ('inmail-sent', 'message-sent') AND m.followup_of IS NULL
     AND (m.template = t.name COLLATE NOCASE
          OR m.template_version_id IN (SELECT id FROM template_versions WHERE template_id = t.id))
    WHERE NOT EXISTS (SELECT 1 FROM live_events b WHERE b.kind = 'bounce' AND b.inmail_id = m.id)
  )
  SELECT t.id, t.name, t.channel, t.archived_at, l.version, l.subject, l.body,
    (SELECT count(*) FROM used u WHERE u.template_id = t.id) AS sends,
    (SELECT count(*) FROM used u WHERE u.template_id = t.id AND u.replied) AS replies
  FROM templates t JOIN latest l ON l.template_id = t.id`

function toSummary(row: Row): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    version: row.version,
    subject: row.subject,
    body: row.body,
    archived: row.archived_at !== null,
    sends: row.sends,
    replies: row.replies,
    replyRate: row.sends > 0 ? row.replies / row.sends : null,
    interval: row.sends > 0 ? wilson(row.replies, row.sends) : null,
    findings: checkTemplate({ channel: row.channel, subject: row.subject, body: row.body }),
  }
}

function list(ledger: Ledger, includeArchived: boolean): TemplateSummary[] {
  const rows = ledger.db
    .prepare(
      `${listSql} ${includeArchived ? '' : 'WHERE t.archived_at IS NULL'} ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as Row[]
  return rows.map(toSummary)
}

function get(ledger: Ledger, id: number): TemplateSummary {
  const row = ledger.db.prepare(`${listSql} WHERE t.id = ?`).get(id) as Row | undefined
  if (!row) throw new AppError('NOT_FOUND', `There is no template #${id}.`)
  return toSummary(row)
}

function add(ledger: Ledger, input: Input<'add'>): TemplateSummary {
  assertNameFree(ledger, 'templates', input.name)
  const id = ledger.db.transaction(() => {
    const now = ledger.now().toISOString()
    const templateId = Number(
      ledger.db
        .prepare('INSERT INTO templates (name, channel, created_at) VALUES (?, ?, ?)')
        .run(input.name, input.channel, now).lastInsertRowid,
    )
    ledger.db
      .prepare(
        'INSERT INTO template_versions (template_id, version, subject, body, created_at) VALUES (?, 1, ?, ?, ?)',
      )
      .run(templateId, input.subject ?? null, input.body, now)
    return templateId
  })()
  return get(ledger, id)
}

/** A changed text becomes a new version, so results stay comparable per version. */
function update(ledger: Ledger, input: Input<'update'>): TemplateSummary {
  const current = get(ledger, input.templateId)
  if (input.name !== undefined) assertNameFree(ledger, 'templates', input.name, input.templateId)
  ledger.db.transaction(() => {
    if (input.name !== undefined && input.name !== current.name)
      ledger.db
        .prepare('UPDATE templates SET name = ? WHERE id = ?')
        .run(input.name, input.templateId)
    const subject = input.subject === undefined ? current.subject : input.subject
    const body = input.body ?? current.body
    if (subject !== current.subject || body !== current.body)
      ledger.db
        .prepare(
          'INSERT INTO template_versions (template_id, version, subject, body, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(input.templateId, current.version + 1, subject, body, ledger.now().toISOString())
  })()
  return get(ledger, input.templateId)
}

function archive(ledger: Ledger, id: number): TemplateSummary {
  get(ledger, id)
  ledger.db
    .prepare('UPDATE templates SET archived_at = coalesce(archived_at, ?) WHERE id = ?')
    .run(ledger.now().toISOString(), id)
  return get(ledger, id)
}

function render(ledger: Ledger, input: Input<'render'>) {
  const template = get(ledger, input.templateId)
  const contact = getContact(ledger, input.contactId)
  const parts = (contact.name ?? '').trim().split(/\s+/)
  const values = {
    firstName: parts[0] ?? null,
    lastName: parts.length > 1 ? parts.slice(1).join(' ') : null,
    fullName: contact.name,
    company: contact.company,
    headline: contact.headline,
    role: input.role ?? null,
  }
  return renderMessage(template, values)
}

export const templatesHandlers: DomainHandlers<'templates'> = {
  list: ({ includeArchived }, { ledger }) => list(ledger, includeArchived),
  add: (input, { ledger }) => add(ledger, input),
  update: (input, { ledger }) => update(ledger, input),
  archive: ({ templateId }, { ledger }) => archive(ledger, templateId),
  render: (input, { ledger }) => render(ledger, input),
}
