// Sequences as the user edits them: steps, weekday preferences, the stop condition. The two
// built-in sequences (DOMAIN.md §5) are read-only; the user copies them and edits the copy.
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type {
  Sequence,
  SequenceStep,
  sequenceInput,
  StepChannel,
  StepCondition,
  StopCondition,
} from '../../shared/contract/sequences'
import type { Weekday } from '../../shared/domain/schedule'
import type { Ledger } from '../ledger'
import { openEnrolments } from './enrolments'
import { assertNameFree } from '../db/names'

type SaveInput = z.output<typeof sequenceInput>

interface SequenceRow {
  id: number
  name: string
  builtin: number
  business_days: number
  preferred_weekdays: string
  stop_on: StopCondition
  archived_at: string | null
  active: number
}

/** A row of `sequence_steps`; an enrolment copies these columns into each of its steps. */
export interface StepRow {
  sequence_id: number
  position: number
  day_offset: number
  channel: StepChannel
  template_id: number | null
  template: string | null
  note: string | null
  condition: StepCondition
  is_exit: number
}

// "Active" in SQL is an upper bound (not stopped by hand, a step still pending); when it is not
// 0, `running` replaces it by the state the agenda and the report derive from the responses.
const sequenceSql = `
  SELECT q.*, (SELECT count(*) FROM enrolments e WHERE e.sequence_id = q.id AND e.cancelled_at IS NULL
      AND EXISTS (SELECT 1 FROM enrolment_steps s WHERE s.enrolment_id = e.id AND s.state = 'pending')) AS active
  FROM sequences q`

const stepSql = `
  SELECT s.*, t.name AS template FROM sequence_steps s LEFT JOIN templates t ON t.id = s.template_id`

function toStep(row: StepRow): SequenceStep {
  return {
    position: row.position,
    dayOffset: row.day_offset,
    channel: row.channel,
    templateId: row.template_id,
    template: row.template,
    note: row.note,
    condition: row.condition,
    exit: row.is_exit === 1,
  }
}

function toSequence(row: SequenceRow, steps: StepRow[]): Sequence {
  return {
    id: row.id,
    name: row.name,
    builtin: row.builtin === 1,
    businessDays: row.business_days === 1,
    preferredWeekdays: JSON.parse(row.preferred_weekdays) as Weekday[],
    stopOn: row.stop_on,
    archived: row.archived_at !== null,
    steps: steps.filter((s) => s.sequence_id === row.id).map(toStep),
    active: row.active,
  }
}

/** Enrolments running per sequence, as the agenda and the report see them (a reply stops one). */
function running(ledger: Ledger, rows: SequenceRow[]): SequenceRow[] {
  if (rows.every((r) => r.active === 0)) return rows
  const counts = new Map<number, number>()
  for (const { enrolment } of openEnrolments(ledger))
    if (enrolment.status === 'active')
      counts.set(enrolment.sequenceId, (counts.get(enrolment.sequenceId) ?? 0) + 1)
  return rows.map((r) => ({ ...r, active: counts.get(r.id) ?? 0 }))
}

export function listSequences(ledger: Ledger, includeArchived = false): Sequence[] {
  const rows = ledger.db
    .prepare(
      `${sequenceSql} ${includeArchived ? '' : 'WHERE q.archived_at IS NULL'}
       ORDER BY q.builtin DESC, q.name COLLATE NOCASE`,
    )
    .all() as SequenceRow[]
  const steps = ledger.db
    .prepare(`${stepSql} ORDER BY s.sequence_id, s.position`)
    .all() as StepRow[]
  return running(ledger, rows).map((row) => toSequence(row, steps))
}

export function getSequence(ledger: Ledger, id: number): Sequence {
  const row = ledger.db.prepare(`${sequenceSql} WHERE q.id = ?`).get(id) as SequenceRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `There is no sequence #${id}.`)
  const steps = ledger.db
    .prepare(`${stepSql} WHERE s.sequence_id = ? ORDER BY s.position`)
    .all(id) as StepRow[]
  return toSequence(running(ledger, [row])[0]!, steps)
}

/** The sequence with this name (any case), for the CLI's --sequence NAME. */
export function sequenceByName(ledger: Ledger, name: string): Sequence {
  const row = ledger.db
    .prepare('SELECT id FROM sequences WHERE name = ? COLLATE NOCASE')
    .get(name.trim()) as { id: number } | undefined
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no sequence named "${name}". List them with: outreach-ledger sequence list`,
    )
  return getSequence(ledger, row.id)
}

function assertTemplates(ledger: Ledger, input: SaveInput): void {
  const find = ledger.db.prepare('SELECT id FROM templates WHERE id = ?')
  for (const [i, step] of input.steps.entries())
    if (step.templateId && !find.get(step.templateId))
      throw new AppError(
        'NOT_FOUND',
        `Step ${i + 1} uses template #${step.templateId}, which does not exist. Choose another template.`,
      )
}

/** Creates a sequence, or replaces the steps and options of one of the user's own. */
export function saveSequence(ledger: Ledger, input: SaveInput): Sequence {
  if (input.sequenceId !== undefined) {
    const current = getSequence(ledger, input.sequenceId)
    if (current.builtin)
      throw new AppError(
        'VALIDATION_FAILED',
        `"${current.name}" is built in and cannot be changed. Copy it, then edit the copy.`,
      )
  }
  assertNameFree(ledger, 'sequences', input.name, input.sequenceId)
  assertTemplates(ledger, input)
  const id = ledger.db.transaction(() => {
    const fields = [
      input.name,
      input.businessDays ? 1 : 0,
      JSON.stringify(input.preferredWeekdays),
      input.stopOn,
    ]
    let sequenceId = input.sequenceId
    if (sequenceId === undefined) {
      sequenceId = Number(
        ledger.db
          .prepare(
            `INSERT INTO sequences (name, business_days, preferred_weekdays, stop_on, created_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(...fields, ledger.now().toISOString()).lastInsertRowid,
      )
    } else {
      ledger.db
        .prepare(
          'UPDATE sequences SET name = ?, business_days = ?, preferred_weekdays = ?, stop_on = ? WHERE id = ?',
        )
        .run(...fields, sequenceId)
      // Enrolments keep their own copy of the steps, so replacing these moves no planned send.
      ledger.db.prepare('DELETE FROM sequence_steps WHERE sequence_id = ?').run(sequenceId)
    }
    const insert = ledger.db.prepare(
      `INSERT INTO sequence_steps (sequence_id, position, day_offset, channel, template_id, note, condition, is_exit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    input.steps.forEach((step, i) =>
      insert.run(
        sequenceId,
        i + 1,
        step.dayOffset,
        step.channel,
        step.templateId ?? null,
        step.note ?? null,
        step.condition,
        step.exit ? 1 : 0,
      ),
    )
    return sequenceId
  })()
  return getSequence(ledger, id)
}

/** A copy the user can edit: "Name (copy)", "Name (copy 2)"… unless a name is given. */
export function copySequence(ledger: Ledger, sequenceId: number, name?: string): Sequence {
  const source = getSequence(ledger, sequenceId)
  let copyName = name
  if (copyName === undefined) {
    const taken = (n: string) =>
      ledger.db.prepare('SELECT 1 FROM sequences WHERE name = ? COLLATE NOCASE').get(n) !==
      undefined
    copyName = `${source.name} (copy)`
    for (let i = 2; taken(copyName); i++) copyName = `${source.name} (copy ${i})`
  }
  return saveSequence(ledger, {
    name: copyName,
    businessDays: source.businessDays,
    preferredWeekdays: source.preferredWeekdays,
    stopOn: source.stopOn,
    steps: source.steps.map((s) => ({
      dayOffset: s.dayOffset,
      channel: s.channel,
      templateId: s.templateId,
      note: s.note,
      condition: s.condition,
      exit: s.exit,
    })),
  })
}

export function archiveSequence(ledger: Ledger, sequenceId: number): Sequence {
  const current = getSequence(ledger, sequenceId)
  if (current.builtin)
    throw new AppError('VALIDATION_FAILED', `"${current.name}" is built in and stays in the list.`)
  ledger.db
    .prepare('UPDATE sequences SET archived_at = coalesce(archived_at, ?) WHERE id = ?')
    .run(ledger.now().toISOString(), sequenceId)
  return getSequence(ledger, sequenceId)
}
