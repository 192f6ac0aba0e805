import { describe, expect, it } from 'vitest'
import { mapRow, missingColumns, type MapRowResult } from '../../../../src/main/imports/csv'
import {
  readBoolean,
  readChannel,
  readSentiment,
} from '../../../../src/main/imports/csv/cell-words'
import { csvMappingSchema, type CsvMappingInput } from '../../../../src/shared/contract/csv-mapping'

const full = csvMappingSchema.parse({
  columns: {
    profileUrl: 'LinkedIn',
    name: 'Name',
    sentAt: 'Sent',
    channel: 'Channel',
    openProfile: 'Open',
    subject: 'Subject',
    template: 'Template',
    role: 'Role',
    repliedAt: 'Replied',
    replyKind: 'Kind',
    sentiment: 'Mood',
    meetingAt: 'Meeting',
  },
  dateFormat: 'DD/MM/YYYY',
  fieldDateFormats: { meetingAt: 'DD/MM/YYYY HH:mm' },
} satisfies CsvMappingInput)

const good = {
  LinkedIn: 'https://uk.linkedin.com/in/Jane-Doe/',
  Name: '  Jane Doe ',
  Sent: '13/02/2026',
  Channel: 'InMail',
  Open: 'no',
  Subject: 'Quick question',
  Template: 'Intro v2',
  Role: 'Staff Engineer',
  Replied: '15/02/2026',
  Kind: 'Replied',
  Mood: 'Interested',
  Meeting: '20/02/2026 10:30',
}

function reason(result: MapRowResult): string {
  if (result.ok) throw new Error('expected the row to be refused')
  return result.reason
}

describe('mapRow', () => {
  it('reads a complete row', () => {
    expect(mapRow(good, full, 'Europe/Berlin')).toEqual({
      ok: true,
      row: {
        contact: { name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe' },
        channel: 'inmail',
        openProfile: false,
        sentAt: '2026-02-13T11:00:00.000Z',
        subject: 'Quick question',
        template: 'Intro v2',
        role: 'Staff Engineer',
        response: { at: '2026-02-15T11:00:00.000Z', kind: 'reply', sentiment: 'positive' },
        meetingAt: '2026-02-20T09:30:00.000Z',
      },
    })
  })

  it('reads a minimal row with defaults', () => {
    const mapping = csvMappingSchema.parse({
      columns: { name: 'Who', sentAt: 'When' },
      dateFormat: 'iso',
      defaultChannel: 'connection-note',
    })
    expect(
      mapRow({ Who: 'Bob', When: '2026-02-13T09:00:00Z', Other: 'x' }, mapping, 'UTC'),
    ).toEqual({
      ok: true,
      row: {
        contact: { name: 'Bob', profileUrl: null },
        channel: 'connection-note',
        openProfile: false,
        sentAt: '2026-02-13T09:00:00.000Z',
        subject: null,
        template: null,
        role: null,
        response: null,
        meetingAt: null,
      },
    })
  })

  it('uses the empty-cell defaults: default channel, not Open Profile, neutral reply', () => {
    const row = mapRow(
      { ...good, Channel: '', Open: '', Kind: '', Mood: '', Subject: ' ', Meeting: '' },
      full,
      'UTC',
    )
    expect(row).toMatchObject({
      ok: true,
      row: {
        channel: 'inmail',
        openProfile: false,
        subject: null,
        response: { kind: 'reply', sentiment: 'neutral' },
        meetingAt: null,
      },
    })
    expect(mapRow({ ...good, Kind: 'declined', Mood: '' }, full, 'UTC')).toMatchObject({
      row: { response: { kind: 'decline', sentiment: 'negative' } },
    })
  })

  it('keeps formula-looking cells as text', () => {
    const cells = {
      ...good,
      Subject: '=HYPERLINK("http://x")',
      Template: '+1',
      Role: '@ops',
      Name: '-Jane',
    }
    expect(mapRow(cells, full, 'UTC')).toMatchObject({
      row: {
        subject: '=HYPERLINK("http://x")',
        template: '+1',
        role: '@ops',
        contact: { name: '-Jane' },
      },
    })
  })

  it('quotes a profile URL that is not one', () => {
    expect(reason(mapRow({ ...good, LinkedIn: 'jane doe' }, full, 'UTC'))).toBe(
      'The profile URL "jane doe" (column "LinkedIn") is not a LinkedIn profile link like https://www.linkedin.com/in/jane-doe.',
    )
  })

  it('needs a name or a profile URL', () => {
    expect(reason(mapRow({ ...good, LinkedIn: '', Name: ' ' }, full, 'UTC'))).toBe(
      'There is no one to record: columns "Name" and "LinkedIn" are empty.',
    )
    expect(mapRow({ ...good, Name: '' }, full, 'UTC')).toMatchObject({
      row: { contact: { name: null, profileUrl: 'https://www.linkedin.com/in/jane-doe' } },
    })
  })

  it('refuses missing and unreal dates, quoting them', () => {
    expect(reason(mapRow({ ...good, Sent: '' }, full, 'UTC'))).toBe(
      'The send date (column "Sent") is empty.',
    )
    expect(reason(mapRow({ ...good, Sent: '31/02/2026' }, full, 'UTC'))).toBe(
      'The send date "31/02/2026" (column "Sent") is not a real date written DD/MM/YYYY.',
    )
    expect(reason(mapRow({ ...good, Meeting: '20/02/2026' }, full, 'UTC'))).toBe(
      'The meeting date "20/02/2026" (column "Meeting") is not a real date written DD/MM/YYYY HH:mm.',
    )
  })

  it('refuses a reply or a meeting before the message was sent', () => {
    expect(reason(mapRow({ ...good, Replied: '12/02/2026' }, full, 'UTC'))).toBe(
      'The reply date "12/02/2026" is before the message was sent ("13/02/2026").',
    )
    expect(reason(mapRow({ ...good, Meeting: '12/02/2026 09:00' }, full, 'UTC'))).toBe(
      'The meeting date "12/02/2026 09:00" is before the message was sent ("13/02/2026").',
    )
  })

  it('compares by day when a date has no time, so a same-day reply is fine', () => {
    // Sent at noon (date only); the meeting at 09:00 the same day is not "before" it.
    expect(
      mapRow({ ...good, Replied: '13/02/2026', Meeting: '13/02/2026 09:00' }, full, 'UTC'),
    ).toMatchObject({
      ok: true,
    })
    const timed = csvMappingSchema.parse({ ...full, dateFormat: 'DD/MM/YYYY HH:mm' })
    expect(
      reason(
        mapRow({ ...good, Sent: '13/02/2026 10:00', Replied: '13/02/2026 09:59' }, timed, 'UTC'),
      ),
    ).toMatch(/^The reply date "13\/02\/2026 09:59" is before/)
  })

  it('needs a reply date for a response', () => {
    expect(reason(mapRow({ ...good, Replied: '', Kind: '', Mood: 'positive' }, full, 'UTC'))).toBe(
      'The row has a response ("positive") but no reply date (column "Replied").',
    )
  })

  it('refuses words it does not know, quoting them', () => {
    expect(reason(mapRow({ ...good, Channel: 'Fax' }, full, 'UTC'))).toBe(
      'The channel "Fax" (column "Channel") is not one of InMail, message, connection note, email or WhatsApp.',
    )
    expect(reason(mapRow({ ...good, Open: 'maybe' }, full, 'UTC'))).toBe(
      'The Open Profile cell "maybe" (column "Open") is not yes or no; use yes/no, true/false, 1/0, x or ✓ (an empty cell is no).',
    )
    expect(reason(mapRow({ ...good, Mood: 'ecstatic' }, full, 'UTC'))).toMatch(
      /^The sentiment "ecstatic" \(column "Mood"\) is not one of positive, neutral or negative/,
    )
    expect(reason(mapRow({ ...good, Kind: 'ghosted' }, full, 'UTC'))).toBe(
      'The response "ghosted" (column "Kind") is not one of reply, accept or decline.',
    )
  })

  it('refuses text too long for its field, as a sign of the wrong column', () => {
    expect(reason(mapRow({ ...good, Role: 'x'.repeat(501) }, full, 'UTC'))).toBe(
      'The role (column "Role") is longer than 500 characters; is the right column mapped?',
    )
  })

  it('uses the mapping’s time zone over the app’s', () => {
    const tokyo = csvMappingSchema.parse({ ...full, timeZone: 'Asia/Tokyo' })
    expect(mapRow(good, tokyo, 'Europe/Berlin')).toMatchObject({
      row: { sentAt: '2026-02-13T03:00:00.000Z' },
    })
  })

  it('says when a mapped column is not in the row', () => {
    const withoutMood: Record<string, string> = { ...good }
    delete withoutMood.Mood
    expect(reason(mapRow(withoutMood, full, 'UTC'))).toBe(
      'The column "Mood" (columns.sentiment) is not in the file.',
    )
  })
})

describe('cell words', () => {
  it('reads channels in the words recruiters use', () => {
    const cases: [string, string][] = [
      ['InMail', 'inmail'],
      ['in-mail', 'inmail'],
      ['Sales Navigator InMail', 'inmail'],
      ['LinkedIn message', 'message'],
      ['DM', 'message'],
      ['Connection request', 'connection-note'],
      ['connection-note', 'connection-note'],
      ['E-mail', 'email'],
      ['EMAIL', 'email'],
      ['WhatsApp', 'whatsapp'],
    ]
    for (const [word, channel] of cases) expect(readChannel(word), word).toBe(channel)
    expect(readChannel('LinkedIn')).toBeNull()
  })

  it('reads yes and no', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', 'x', 'X', '✓', '✔', ' yes '])
      expect(readBoolean(yes), yes).toBe(true)
    for (const no of ['no', 'N', 'false', '0', '', '-', '✗'])
      expect(readBoolean(no), no).toBe(false)
    expect(readBoolean('sometimes')).toBeNull()
  })

  it('reads sentiments, signs included', () => {
    for (const [word, sentiment] of [
      ['Positive', 'positive'],
      ['interested', 'positive'],
      ['+', 'positive'],
      ['maybe', 'neutral'],
      ['Not interested', 'negative'],
      ['not-interested', 'negative'],
      ['-', 'negative'],
    ])
      expect(readSentiment(word!), word).toBe(sentiment)
  })
})

describe('missingColumns', () => {
  it('names each mapped column the file lacks, suggesting one in another case', () => {
    expect(missingColumns(full, ['Name', 'sent', 'LinkedIn', 'Channel'])).toEqual([
      'The mapping reads columns.sentAt from the column "Sent", which the file does not have; did you mean "sent"?',
      expect.stringMatching(
        /^The mapping reads columns.openProfile from the column "Open", which the file does not have; its columns are "Name", "sent", "LinkedIn", "Channel"\.$/,
      ),
      ...Array.from({ length: 7 }, () => expect.any(String)),
    ])
    expect(missingColumns(full, Object.keys(good))).toEqual([])
  })
})
