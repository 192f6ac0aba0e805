// One spreadsheet row, as cells by column name, turned into an outreach row by the user's mapping.
// Every cell is untrusted: a value that cannot be read makes the row an error quoting it.
import type {
  CsvChannel,
  CsvMapping,
  DateField,
  MappedField,
} from '../../../shared/contract/csv-mapping'
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import {
  booleanWords,
  channelWords,
  readBoolean,
  readChannel,
  readReplyKind,
  readSentiment,
  replyKindWords,
  sentimentWords,
  type ReplyKind,
  type Sentiment,
} from './cell-words'
import { parseDateDetailed, type ParsedDate } from './dates'

export interface CsvOutreachRow {
  contact: { name: string | null; profileUrl: string | null }
  channel: CsvChannel
  /** Whether the InMail went to an Open Profile (costing no credit); only meaningful for InMail. */
  openProfile: boolean
  sentAt: string
  subject: string | null
  template: string | null
  role: string | null
  response: { at: string; kind: ReplyKind; sentiment: Sentiment } | null
  meetingAt: string | null
}

export type MapRowResult = { ok: true; row: CsvOutreachRow } | { ok: false; reason: string }

/** Longer text in a name, subject, template or role cell means the wrong column is mapped. */
export const maxTextLength = 500

class RowProblem extends Error {}

/**
 * Reads one row. Text is trimmed and an empty cell is null; formula-looking text (=, +, -, @) is
 * kept as typed. The mapping's `timeZone` wins over `timeZone` (the app's setting). The channel
 * cell, when empty or unmapped, is the mapping's `defaultChannel`. A response needs a reply date;
 * its kind defaults to reply and its sentiment to neutral (negative for a decline). A reply or
 * meeting before the send is an error; when either date has no time, they are compared by day.
 */
export function mapRow(
  cells: Record<string, string>,
  mapping: CsvMapping,
  timeZone: string,
): MapRowResult {
  try {
    return { ok: true, row: readRow(new RowCells(cells, mapping), mapping, timeZone) }
  } catch (error) {
    if (error instanceof RowProblem) return { ok: false, reason: error.message }
    throw error
  }
}

function readRow(cells: RowCells, mapping: CsvMapping, appTimeZone: string): CsvOutreachRow {
  const zone = mapping.timeZone ?? appTimeZone
  const name = cells.text('name', 'The name')
  const url = cells.value('profileUrl')
  const profileUrl = url ? normalizeProfileUrl(url) : null
  if (url && !profileUrl)
    throw new RowProblem(
      `The profile URL ${quote(url)} ${cells.from('profileUrl')} is not a LinkedIn profile link like https://www.linkedin.com/in/jane-doe.`,
    )
  if (!name && !profileUrl)
    throw new RowProblem(`There is no one to record: ${cells.which('name', 'profileUrl')} empty.`)

  const sent = cells.date('sentAt', 'The send date', zone)
  if (!sent) throw new RowProblem(`The send date ${cells.from('sentAt')} is empty.`)

  return {
    contact: { name, profileUrl },
    channel: readChannelCell(cells, mapping),
    openProfile: readOpenProfile(cells),
    sentAt: sent.at,
    subject: cells.text('subject', 'The subject'),
    template: cells.text('template', 'The template'),
    role: cells.text('role', 'The role'),
    response: readResponse(cells, zone, sent),
    meetingAt: readMeeting(cells, zone, sent),
  }
}

function readChannelCell(cells: RowCells, mapping: CsvMapping): CsvChannel {
  const value = cells.value('channel')
  if (!value) return mapping.defaultChannel
  const channel = readChannel(value)
  if (!channel)
    throw new RowProblem(
      `The channel ${quote(value)} ${cells.from('channel')} is not one of ${channelWords}.`,
    )
  return channel
}

function readOpenProfile(cells: RowCells): boolean {
  const value = cells.value('openProfile')
  const open = readBoolean(value)
  if (open === null)
    throw new RowProblem(
      `The Open Profile cell ${quote(value)} ${cells.from('openProfile')} is not yes or no; use ${booleanWords}.`,
    )
  return open
}

function readResponse(cells: RowCells, zone: string, sent: ParsedDate): CsvOutreachRow['response'] {
  const kindValue = cells.value('replyKind')
  const sentimentValue = cells.value('sentiment')
  const replied = cells.date('repliedAt', 'The reply date', zone)
  if (!replied) {
    if (kindValue || sentimentValue)
      throw new RowProblem(
        `The row has a response (${quote(kindValue || sentimentValue)}) but no reply date ${cells.from('repliedAt')}.`,
      )
    return null
  }
  if (isBefore(replied, sent))
    throw new RowProblem(
      `The reply date ${quote(cells.value('repliedAt'))} is before the message was sent (${quote(cells.value('sentAt'))}).`,
    )
  let kind: ReplyKind = 'reply'
  if (kindValue) {
    const read = readReplyKind(kindValue)
    if (!read)
      throw new RowProblem(
        `The response ${quote(kindValue)} ${cells.from('replyKind')} is not one of ${replyKindWords}.`,
      )
    kind = read
  }
  let sentiment: Sentiment = kind === 'decline' ? 'negative' : 'neutral'
  if (sentimentValue) {
    const read = readSentiment(sentimentValue)
    if (!read)
      throw new RowProblem(
        `The sentiment ${quote(sentimentValue)} ${cells.from('sentiment')} is not one of ${sentimentWords}.`,
      )
    sentiment = read
  }
  return { at: replied.at, kind, sentiment }
}

function readMeeting(cells: RowCells, zone: string, sent: ParsedDate): string | null {
  const meeting = cells.date('meetingAt', 'The meeting date', zone)
  if (!meeting) return null
  if (isBefore(meeting, sent))
    throw new RowProblem(
      `The meeting date ${quote(cells.value('meetingAt'))} is before the message was sent (${quote(cells.value('sentAt'))}).`,
    )
  return meeting.at
}

/** By instant when both have a time; by calendar day when either is a day only. */
function isBefore(later: ParsedDate, earlier: ParsedDate): boolean {
  return later.hasTime && earlier.hasTime ? later.at < earlier.at : later.day < earlier.day
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
}

/** The mapped cells of one row, with the words to say where a bad value came from. */
class RowCells {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly mapping: CsvMapping,
  ) {}

  /** The trimmed cell of a field; '' when the field is not mapped or the cell is empty. */
  value(field: MappedField): string {
    const column = this.mapping.columns[field]
    if (column === undefined) return ''
    if (!Object.hasOwn(this.cells, column))
      throw new RowProblem(`The column ${quote(column)} (columns.${field}) is not in the file.`)
    return this.cells[column]!.trim()
  }

  text(field: MappedField, label: string): string | null {
    const value = this.value(field)
    if (value.length > maxTextLength)
      throw new RowProblem(
        `${label} ${this.from(field)} is longer than ${maxTextLength} characters; is the right column mapped?`,
      )
    return value || null
  }

  date(field: DateField, label: string, zone: string): ParsedDate | null {
    const value = this.value(field)
    if (!value) return null
    const format = this.mapping.fieldDateFormats?.[field] ?? this.mapping.dateFormat
    const parsed = parseDateDetailed(value, format, zone)
    if (!parsed)
      throw new RowProblem(
        `${label} ${quote(value)} ${this.from(field)} is not a real date written ${format}.`,
      )
    return parsed
  }

  /** "(column "Sent")" */
  from(field: MappedField): string {
    return `(column ${quote(this.mapping.columns[field] ?? field)})`
  }

  /** "columns "Name" and "URL" are" / "column "Name" is" */
  which(...fields: MappedField[]): string {
    const columns = fields.flatMap((field) => this.mapping.columns[field] ?? [])
    return columns.length === 1
      ? `column ${quote(columns[0]!)} is`
      : `columns ${columns.map(quote).join(' and ')} are`
  }
}

/**
 * Columns the mapping names that the file's header row lacks, each a sentence, with the file's
 * column of the same name in another case when there is one. Check once before reading rows.
 */
export function missingColumns(mapping: CsvMapping, headers: readonly string[]): string[] {
  const problems: string[] = []
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (column === undefined || headers.includes(column)) continue
    const near = headers.find((header) => header.toLowerCase() === column.toLowerCase())
    problems.push(
      `The mapping reads columns.${field} from the column ${quote(column)}, which the file does not have` +
        (near
          ? `; did you mean ${quote(near)}?`
          : `; its columns are ${headers.map(quote).join(', ')}.`),
    )
  }
  return problems
}
