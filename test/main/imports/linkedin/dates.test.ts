import { describe, expect, it } from 'vitest'
import {
  dayOf,
  parseConnectedOn,
  parseInvitationTime,
  parseMessageDate,
} from '../../../../src/main/imports/linkedin/dates'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

describe('export dates', () => {
  it.each([
    ['2023-06-11 15:33:58 UTC', '2023-06-11T15:33:58.000Z'],
    [' 2023-06-11 15:33 UTC ', '2023-06-11T15:33:00.000Z'],
    ['2023-06-11T15:33:58.123Z', '2023-06-11T15:33:58.123Z'],
    ['2024-02-29 00:00:00', '2024-02-29T00:00:00.000Z'],
  ])('reads messages.csv DATE %j', (text, expected) => {
    expect(iso(parseMessageDate(text))).toBe(expected)
  })

  it.each([
    '',
    'yesterday',
    '2023-02-29 10:00:00 UTC',
    '2023-06-11 24:00:00 UTC',
    '11/06/2023 15:33',
    '2023-06-11 15:33:58 CET',
  ])('refuses DATE %j', (text) => {
    expect(parseMessageDate(text)).toBeNull()
  })

  it.each([
    ['12 Mar 2019', '2019-03-12'],
    ['5 Sept 2024', '2024-09-05'],
    ['01 June 2025', '2025-06-01'],
    ['2019-03-12', '2019-03-12'],
  ])('reads Connected On %j', (text, day) => {
    expect(parseConnectedOn(text)).toBe(day)
  })

  it.each(['', '31 Feb 2024', '12 Ma 2019', 'Mar 12 2019', '12/03/2019'])(
    'refuses Connected On %j',
    (text) => {
      expect(parseConnectedOn(text)).toBeNull()
    },
  )

  it.each([
    ['04/12/26, 03:38 PM', '2026-04-12T15:38:00.000Z'],
    ['04/12/26, 12:05 AM', '2026-04-12T00:05:00.000Z'],
    ['04/12/26, 12:05 PM', '2026-04-12T12:05:00.000Z'],
    ['4/2/2026, 9:05 am', '2026-04-02T09:05:00.000Z'],
    ['2026-04-12 15:38:00 UTC', '2026-04-12T15:38:00.000Z'],
  ])('reads Invitations Sent At %j', (text, expected) => {
    expect(iso(parseInvitationTime(text))).toBe(expected)
  })

  it.each(['yesterday', '13/12/26, 03:38 PM', '04/12/26, 13:38 PM'])(
    'refuses Sent At %j',
    (text) => {
      expect(parseInvitationTime(text)).toBeNull()
    },
  )

  it('gives the UTC day of an instant', () => {
    expect(dayOf(Date.UTC(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})
