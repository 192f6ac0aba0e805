// An iCalendar file (RFC 5545) of all-day events: CRLF line ends, lines folded at 75 octets
// (never inside a UTF-8 character), text escaped, a DTSTAMP on every event, and a UID the
// caller keeps stable, so importing the file again updates events instead of adding copies.
import { addDays } from './schedule'

export interface CalendarEvent {
  /** Stable across exports: the same step is the same event. */
  uid: string
  /** The all-day event's day, `YYYY-MM-DD`. */
  day: string
  summary: string
  description?: string
  url?: string
  /** Raised whenever the event moves, so calendars take the newer version. */
  sequence?: number
  /** A cancelled event removes the one a calendar imported before under the same UID. */
  cancelled?: boolean
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Splits a content line into pieces of at most 75 octets; continuations start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line
  const pieces: string[] = []
  let current = ''
  let octets = 0
  // The first line holds 75 octets; each continuation holds 74 after its leading space.
  let limit = 75
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > limit) {
      pieces.push(current)
      current = ''
      octets = 0
      limit = 74
    }
    current += char
    octets += size
  }
  pieces.push(current)
  return pieces.join('\r\n ')
}

function basicDate(day: string): string {
  return day.replace(/-/g, '')
}

/** `20260310T120000Z` */
export function basicInstant(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export function buildCalendar(
  events: readonly CalendarEvent[],
  options: { name: string; stamp: Date },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Outreach Ledger//Follow-up agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ]
  const stamp = basicInstant(options.stamp)
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.day)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.day, 1))}`,
      `SEQUENCE:${event.sequence ?? 0}`,
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `SUMMARY:${escapeText(event.summary)}`,
    )
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
    if (event.url) lines.push(`URL:${event.url}`)
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
