import { describe, expect, it } from 'vitest'
import { csvMappingSchema, csvMappingProblems } from '../../../../src/shared/contract/csv-mapping'

function problems(input: unknown): string[] {
  const result = csvMappingSchema.safeParse(input)
  return result.success ? [] : csvMappingProblems(result.error)
}

const minimal = { columns: { name: 'Name', sentAt: 'Sent' }, dateFormat: 'DD/MM/YYYY' }

describe('csvMappingSchema', () => {
  it('accepts a minimal mapping and fills in the default channel', () => {
    expect(csvMappingSchema.parse(minimal)).toEqual({ ...minimal, defaultChannel: 'inmail' })
  })

  it('accepts a full mapping, trimming column names and reading friendly spellings', () => {
    const mapping = csvMappingSchema.parse({
      columns: {
        profileUrl: ' LinkedIn ',
        name: 'Name',
        sentAt: 'Sent',
        channel: 'Channel',
        openProfile: 'Open?',
        subject: 'Subject',
        template: 'Template',
        role: 'Role',
        repliedAt: 'Replied',
        replyKind: 'Kind',
        sentiment: 'Mood',
        meetingAt: 'Meeting',
      },
      dateFormat: 'MM/DD/YYYY',
      fieldDateFormats: { meetingAt: 'MM/DD/YYYY HH:mm' },
      encoding: 'UTF8',
      delimiter: 'tab',
      defaultChannel: 'email',
      timeZone: 'America/New_York',
    })
    expect(mapping.columns.profileUrl).toBe('LinkedIn')
    expect(mapping.encoding).toBe('utf-8')
    expect(mapping.delimiter).toBe('\t')
    expect(
      csvMappingSchema.parse({ ...minimal, delimiter: ';', encoding: 'cp1252' }),
    ).toMatchObject({
      delimiter: ';',
      encoding: 'windows-1252',
    })
  })

  it('says what is missing', () => {
    expect(problems({ columns: { name: 'Name' }, dateFormat: 'iso' })).toEqual([
      "Say which column holds the date each message was sent: set columns.sentAt to that column's header.",
    ])
    expect(problems({ columns: { sentAt: 'Sent' }, dateFormat: 'iso' })).toEqual([
      'Map columns.profileUrl or columns.name (or both): each row needs to say who the message went to.',
    ])
    expect(problems({ columns: minimal.columns })).toEqual([
      expect.stringMatching(
        /^Say how the dates are written: set dateFormat to one of iso, YYYY-MM-DD/,
      ),
    ])
    expect(problems({ dateFormat: 'iso' })).toEqual([
      expect.stringMatching(/^Add "columns" to the mapping/),
    ])
    expect(problems('not a mapping')).toEqual([
      'A mapping is a JSON object with "columns" and "dateFormat".',
    ])
  })

  it('names unknown fields and lists the known ones', () => {
    expect(
      problems({ ...minimal, columns: { ...minimal.columns, sentat: 'x', email: 'y' } }),
    ).toEqual([
      expect.stringMatching(
        /^columns has unknown fields "sentat", "email"; the fields are profileUrl, name, sentAt/,
      ),
    ])
    expect(problems({ ...minimal, dateformat: 'iso' })).toEqual([
      expect.stringMatching(
        /^The mapping has an unknown field "dateformat"; the fields are columns, dateFormat/,
      ),
    ])
  })

  it('quotes a value it does not know and says what would do', () => {
    expect(problems({ ...minimal, dateFormat: 'dd/mm/yyyy' })).toEqual([
      expect.stringMatching(
        /^dateFormat "dd\/mm\/yyyy" is not a known date format; use one of iso,/,
      ),
    ])
    expect(problems({ ...minimal, defaultChannel: 'fax' })).toEqual([
      'defaultChannel "fax" is not a channel; use one of inmail, message, connection-note, email, whatsapp.',
    ])
    expect(problems({ ...minimal, encoding: 'ebcdic' })).toEqual([
      'encoding "ebcdic" is not supported; use utf-8, utf-16le, utf-16be, windows-1252 (or leave it out to detect it).',
    ])
    expect(problems({ ...minimal, delimiter: '|' })).toEqual([
      'delimiter "|" is not supported; use ",", ";" or "tab" (or leave it out to detect it).',
    ])
    expect(problems({ ...minimal, timeZone: 'Mars/Base' })).toEqual([
      'timeZone "Mars/Base" is not a time zone name; use one like Europe/Berlin or America/New_York.',
    ])
    expect(problems({ ...minimal, columns: { ...minimal.columns, role: '  ' } })).toEqual([
      'columns.role is empty: give the header of the column, or leave the field out.',
    ])
    expect(problems({ ...minimal, columns: { ...minimal.columns, role: 3 } })).toEqual([
      'columns.role must be the header of a column, written as text.',
    ])
  })

  it('refuses mappings that could only import wrong data', () => {
    expect(problems({ ...minimal, columns: { ...minimal.columns, sentiment: 'Mood' } })).toEqual([
      'columns.sentiment needs columns.repliedAt too: a response is recorded with the date it came.',
    ])
    expect(problems({ ...minimal, columns: { ...minimal.columns, repliedAt: 'Sent' } })).toEqual([
      'columns.sentAt and columns.repliedAt both use the column "Sent"; each field needs its own column.',
    ])
    // Header names are compared as written, as the reader keeps "Sent" and "sent" apart.
    expect(problems({ ...minimal, columns: { ...minimal.columns, repliedAt: 'sent' } })).toEqual([])
  })
})
