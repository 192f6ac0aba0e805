// How a recruiter's own spreadsheet (exported as CSV) maps onto outreach: which column holds what,
// how its dates are written, and how to read the file. Used by the import screen and by
// `outreach-ledger import csv FILE --seat NAME --map MAPPING.json`, so it carries no Node imports.
import * as z from 'zod'

/**
 * How a date column is written. `D`/`M`/`H` in a format also accept two digits and `DD`/`MM`/`HH`
 * also accept one, because spreadsheets pad inconsistently; every time may end in `:ss` and in
 * `AM`/`PM`. `YY` is 20YY. `MMM` is an English month name, short or long. `iso` is ISO 8601:
 * a day, or a day and a time with `T` or a space, with or without a `Z`/`±HH:mm` offset.
 */
export const dateFormats = [
  'iso',
  'YYYY-MM-DD',
  'YYYY-MM-DD HH:mm',
  'YYYY/MM/DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD/MM/YYYY HH:mm',
  'MM/DD/YYYY HH:mm',
  'D/M/YY',
  'M/D/YY',
  'D/M/YY H:mm',
  'M/D/YY H:mm',
  'DD.MM.YYYY',
  'DD.MM.YYYY HH:mm',
  'DD-MM-YYYY',
  'D MMM YYYY',
  'D-MMM-YY',
  'MMM D, YYYY',
] as const
export type DateFormat = (typeof dateFormats)[number]

export const csvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const
export type CsvEncoding = (typeof csvEncodings)[number]

export const csvDelimiters = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

export const csvChannels = ['inmail', 'message', 'connection-note', 'email', 'whatsapp'] as const
export type CsvChannel = (typeof csvChannels)[number]

/** Outreach fields a column can be mapped to. */
export const mappedFields = [
  'profileUrl',
  'name',
  'sentAt',
  'channel',
  'openProfile',
  'subject',
  'template',
  'role',
  'repliedAt',
  'replyKind',
  'sentiment',
  'meetingAt',
] as const
export type MappedField = (typeof mappedFields)[number]

export const dateFields = ['sentAt', 'repliedAt', 'meetingAt'] as const
export type DateField = (typeof dateFields)[number]

const encodingAliases: Record<string, string> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
}

const delimiterAliases: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
}

const fieldMeaning: Record<MappedField, string> = {
  profileUrl: "the person's LinkedIn profile URL",
  name: "the person's name",
  sentAt: 'the date each message was sent',
  channel: 'the channel (InMail, message, email…)',
  openProfile: 'whether the InMail went to an Open Profile',
  subject: 'the subject',
  template: 'the template used',
  role: 'the role you recruited for',
  repliedAt: 'the date of the reply',
  replyKind: 'the kind of response (reply, accept, decline)',
  sentiment: 'the sentiment of the reply',
  meetingAt: 'the date of the meeting',
}

function columnName(field: MappedField) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `Say which column holds ${fieldMeaning[field]}: set columns.${field} to that column's header.`
          : `columns.${field} must be the header of a column, written as text.`,
    })
    .trim()
    .min(1, {
      error: `columns.${field} is empty: give the header of the column, or leave the field out.`,
    })
    .max(200, {
      error: `columns.${field} is too long for a column header (at most 200 characters).`,
    })
}

function unknownKeys(where: string, known: readonly string[]) {
  return (issue: { code?: string; input?: unknown; keys?: string[] }) => {
    if (issue.code === 'unrecognized_keys')
      return `${where} has ${plural(issue.keys ?? [], 'an unknown field', 'unknown fields')}; the fields are ${known.join(', ')}.`
    return issue.input === undefined
      ? `Add "${where}" to the mapping (an object with the fields ${known.join(', ')}).`
      : `"${where}" must be an object with the fields ${known.join(', ')}.`
  }
}

function plural(keys: string[], one: string, many: string): string {
  const quoted = keys.map((key) => JSON.stringify(key)).join(', ')
  return `${keys.length === 1 ? one : many} ${quoted}`
}

const columnShape = Object.fromEntries(
  mappedFields.map((field) => [
    field,
    field === 'sentAt' ? columnName(field) : columnName(field).optional(),
  ]),
) as { sentAt: ReturnType<typeof columnName> } & {
  [F in Exclude<MappedField, 'sentAt'>]: z.ZodOptional<ReturnType<typeof columnName>>
}

const columns = z
  .strictObject(columnShape, { error: unknownKeys('columns', mappedFields) })
  .superRefine((mapped, ctx) => {
    if (!mapped.profileUrl && !mapped.name)
      ctx.addIssue({
        code: 'custom',
        path: ['profileUrl'],
        message:
          'Map columns.profileUrl or columns.name (or both): each row needs to say who the message went to.',
      })
    for (const needsReply of ['replyKind', 'sentiment'] as const)
      if (mapped[needsReply] && !mapped.repliedAt)
        ctx.addIssue({
          code: 'custom',
          path: ['repliedAt'],
          message: `columns.${needsReply} needs columns.repliedAt too: a response is recorded with the date it came.`,
        })
    const fieldOfColumn = new Map<string, string>()
    for (const field of mappedFields) {
      const column = mapped[field]
      if (column === undefined) continue
      const earlier = fieldOfColumn.get(column)
      if (earlier)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `columns.${earlier} and columns.${field} both use the column "${column}"; each field needs its own column.`,
        })
      else fieldOfColumn.set(column, field)
    }
  })

const dateFormat = (where: string) =>
  z.enum(dateFormats, {
    error: (issue) =>
      issue.input === undefined
        ? `Say how the dates are written: set ${where} to one of ${dateFormats.join(', ')}.`
        : `${where} ${JSON.stringify(issue.input)} is not a known date format; use one of ${dateFormats.join(', ')}.`,
  })

const fieldDateFormats = z
  .strictObject(
    {
      sentAt: dateFormat('fieldDateFormats.sentAt').optional(),
      repliedAt: dateFormat('fieldDateFormats.repliedAt').optional(),
      meetingAt: dateFormat('fieldDateFormats.meetingAt').optional(),
    },
    { error: unknownKeys('fieldDateFormats', dateFields) },
  )
  .optional()

const encoding = z
  .string({ error: `encoding is one of ${csvEncodings.join(', ')}.` })
  .transform((value) => {
    const label = value.trim().toLowerCase()
    return encodingAliases[label] ?? label
  })
  .pipe(
    z.enum(csvEncodings, {
      error: (issue) =>
        `encoding ${JSON.stringify(issue.input)} is not supported; use ${csvEncodings.join(', ')} (or leave it out to detect it).`,
    }),
  )

const delimiter = z
  .string({ error: 'delimiter is ",", ";" or "tab".' })
  .transform((value) => delimiterAliases[value.toLowerCase()] ?? value)
  .pipe(
    z.enum(csvDelimiters, {
      error: (issue) =>
        `delimiter ${JSON.stringify(issue.input)} is not supported; use ",", ";" or "tab" (or leave it out to detect it).`,
    }),
  )

const timeZone = z
  .string({ error: 'timeZone is a time zone name like Europe/Berlin.' })
  .trim()
  .refine(isTimeZone, {
    error: (issue) =>
      `timeZone ${JSON.stringify(issue.input)} is not a time zone name; use one like Europe/Berlin or America/New_York.`,
  })

const mappingKeys = [
  'columns',
  'dateFormat',
  'fieldDateFormats',
  'encoding',
  'delimiter',
  'defaultChannel',
  'timeZone',
] as const

export const csvMappingSchema = z.strictObject(
  {
    columns,
    /** How every date column is written, unless `fieldDateFormats` says otherwise for one. */
    dateFormat: dateFormat('dateFormat'),
    /** A different format for one date column, e.g. a meeting column that also has times. */
    fieldDateFormats,
    /** Detected from the file when left out. */
    encoding: encoding.optional(),
    /** Detected from the file when left out. */
    delimiter: delimiter.optional(),
    /** The channel of rows whose channel cell is empty or not mapped. */
    defaultChannel: z
      .enum(csvChannels, {
        error: (issue) =>
          `defaultChannel ${JSON.stringify(issue.input)} is not a channel; use one of ${csvChannels.join(', ')}.`,
      })
      .default('inmail'),
    /** The zone the sheet's dates were written in; the app's time zone setting when left out. */
    timeZone: timeZone.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `The mapping has ${plural(issue.keys, 'an unknown field', 'unknown fields')}; the fields are ${mappingKeys.join(', ')}.`
        : 'A mapping is a JSON object with "columns" and "dateFormat".',
  },
)

/** A checked mapping, as the importer uses it. */
export type CsvMapping = z.output<typeof csvMappingSchema>
/** A mapping as written in a file or built by the import screen, before defaults apply. */
export type CsvMappingInput = z.input<typeof csvMappingSchema>
export type CsvColumns = CsvMapping['columns']

/** Every problem with a mapping, each a sentence naming the field; empty when it is usable. */
export function csvMappingProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message)
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}
