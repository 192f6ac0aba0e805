// Dates as spreadsheets write them, read in one known format and turned into UTC instants.
// A date without a time stands for 12:00 on that day in the sheet's time zone: noon is the same
// calendar day in every zone within 12 hours of it and is never skipped by a clock change, so the
// day the recruiter typed is the day the ledger shows.
import { dateFormats, type DateFormat } from '../../../shared/contract/csv-mapping'
import { dayInZone, instantOfWall, utcOfWall, type WallTime } from '../../time/zoned'

export type { DateFormat }

export interface ParsedDate {
  /** UTC ISO instant. */
  at: string
  /** The calendar day in the time zone, `YYYY-MM-DD`. */
  day: string
  /** False when the value was a day only (and `at` is noon of it). */
  hasTime: boolean
}

/** What a value says, before any time zone: a wall-clock time, or an instant if it had an offset. */
interface Reading {
  wall: WallTime
  hasTime: boolean
  /** Minutes ahead of UTC, when the value said so (`Z`, `+02:00`). */
  offsetMinutes: number | null
}

type Part = 'year' | 'shortYear' | 'month' | 'monthName' | 'day'

interface Shape {
  pattern: RegExp
  parts: Part[]
  time: boolean
}

// Hours, minutes, optional seconds, optional AM/PM; after a space (or ", ").
const time = String.raw`,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?`
const dmy = String.raw`(\d{1,2})/(\d{1,2})/`

function shape(date: string, parts: Part[], withTime = false): Shape {
  return { pattern: new RegExp(`^${date}${withTime ? time : ''}$`), parts, time: withTime }
}

const shapes: Record<Exclude<DateFormat, 'iso'>, Shape> = {
  'YYYY-MM-DD': shape(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`, ['year', 'month', 'day']),
  'YYYY-MM-DD HH:mm': shape(
    String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`,
    ['year', 'month', 'day'],
    true,
  ),
  'YYYY/MM/DD': shape(String.raw`(\d{4})/(\d{1,2})/(\d{1,2})`, ['year', 'month', 'day']),
  'DD/MM/YYYY': shape(String.raw`${dmy}(\d{4})`, ['day', 'month', 'year']),
  'MM/DD/YYYY': shape(String.raw`${dmy}(\d{4})`, ['month', 'day', 'year']),
  'DD/MM/YYYY HH:mm': shape(String.raw`${dmy}(\d{4})`, ['day', 'month', 'year'], true),
  'MM/DD/YYYY HH:mm': shape(String.raw`${dmy}(\d{4})`, ['month', 'day', 'year'], true),
  'D/M/YY': shape(String.raw`${dmy}(\d{2})`, ['day', 'month', 'shortYear']),
  'M/D/YY': shape(String.raw`${dmy}(\d{2})`, ['month', 'day', 'shortYear']),
  'D/M/YY H:mm': shape(String.raw`${dmy}(\d{2})`, ['day', 'month', 'shortYear'], true),
  'M/D/YY H:mm': shape(String.raw`${dmy}(\d{2})`, ['month', 'day', 'shortYear'], true),
  'DD.MM.YYYY': shape(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`, ['day', 'month', 'year']),
  'DD.MM.YYYY HH:mm': shape(
    String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`,
    ['day', 'month', 'year'],
    true,
  ),
  'DD-MM-YYYY': shape(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`, ['day', 'month', 'year']),
  'D MMM YYYY': shape(String.raw`(\d{1,2})[ -]([A-Za-z]+)\.?,?[ -](\d{4})`, [
    'day',
    'monthName',
    'year',
  ]),
  'D-MMM-YY': shape(String.raw`(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{2})`, [
    'day',
    'monthName',
    'shortYear',
  ]),
  'MMM D, YYYY': shape(String.raw`([A-Za-z]+)\.? (\d{1,2}),? (\d{4})`, [
    'monthName',
    'day',
    'year',
  ]),
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

const monthNames = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
]

function monthOfName(name: string): number | null {
  const lower = name.toLowerCase()
  const index = monthNames.findIndex((names) => names.includes(lower))
  return index === -1 ? null : index + 1
}

/** Reads `value` in `format`; null unless it is a real calendar date and time in that format. */
function read(value: string, format: DateFormat): Reading | null {
  const text = value.trim()
  return format === 'iso' ? readIso(text) : readShape(text, shapes[format])
}

function readShape(text: string, { pattern, parts, time: withTime }: Shape): Reading | null {
  const match = pattern.exec(text)
  if (!match) return null
  const date = { year: 0, month: 0, day: 0 }
  for (const [i, part] of parts.entries()) {
    const field = match[i + 1] ?? ''
    if (part === 'monthName') {
      const month = monthOfName(field)
      if (month === null) return null
      date.month = month
    } else if (part === 'shortYear') date.year = 2000 + Number(field)
    else date[part] = Number(field)
  }
  let clock = { hour: 12, minute: 0, second: 0 }
  if (withTime) {
    const at = parts.length + 1
    const clockRead = readClock(match[at], match[at + 1], match[at + 2], match[at + 3])
    if (!clockRead) return null
    clock = clockRead
  }
  const wall = { ...date, ...clock }
  return isRealWall(wall) ? { wall, hasTime: withTime, offsetMinutes: null } : null
}

function readClock(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
): { hour: number; minute: number; second: number } | null {
  let h = Number(hour)
  if (meridiem) {
    if (h < 1 || h > 12) return null
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  return { hour: h, minute: Number(minute), second: second === undefined ? 0 : Number(second) }
}

function readIso(text: string): Reading | null {
  const match = isoPattern.exec(text)
  if (!match) return null
  const [, year, month, day, hour, minute, second, zone] = match
  const hasTime = hour !== undefined
  const wall = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hasTime ? Number(hour) : 12,
    minute: hasTime ? Number(minute) : 0,
    second: second === undefined ? 0 : Number(second),
  }
  if (!isRealWall(wall)) return null
  return { wall, hasTime, offsetMinutes: zone === undefined ? null : offsetMinutes(zone) }
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0))
}

function isRealWall({ year, month, day, hour, minute, second }: WallTime): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  if (hour > 23 || minute > 59 || second > 59) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return day <= daysInMonth
}

/**
 * The instant `value` stands for, written in `format`, in `timeZone` (IANA name; throws a
 * RangeError for an unknown one). Null when the value is not a real date in that format.
 */
export function parseDateDetailed(
  value: string,
  format: DateFormat,
  timeZone: string,
): ParsedDate | null {
  const reading = read(value, format)
  if (!reading) return null
  const { wall, hasTime, offsetMinutes: offset } = reading
  if (offset === null) {
    const ms = instantOfWall(wall, timeZone)
    const day = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`
    return { at: new Date(ms).toISOString(), day, hasTime }
  }
  const ms = utcOfWall(wall) - offset * 60_000
  return { at: new Date(ms).toISOString(), day: dayInZone(ms, timeZone), hasTime }
}

/** `parseDateDetailed`, the instant only: a UTC ISO string, or null. */
export function parseDate(value: string, format: DateFormat, timeZone: string): string | null {
  return parseDateDetailed(value, format, timeZone)?.at ?? null
}

/**
 * The formats in which every non-blank value is a real date, in the order of `dateFormats`.
 * Empty when no value is filled in, so a blank column suggests nothing. Ambiguous values such as
 * 01/02/2026 match both DD/MM/YYYY and MM/DD/YYYY; one 13/02/2026 rules MM/DD/YYYY out.
 */
export function matchingDateFormats(values: Iterable<string>): DateFormat[] {
  const filled = [...values].map((value) => value.trim()).filter(Boolean)
  if (filled.length === 0) return []
  return dateFormats.filter((format) => filled.every((value) => read(value, format) !== null))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
