// The date formats a LinkedIn export uses, read strictly: a value that does not fit is reported,
// never guessed. Every time in the export is UTC.

const messageDate =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(?:UTC|GMT|Z|[+-]00:?00)?$/i

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** 1–12 for an English month name or its abbreviation of three letters or more ("Mar", "Sept"). */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase()
  if (lower.length < 3) return null
  const index = monthNames.findIndex((full) => full.startsWith(lower))
  return index < 0 ? null : index + 1
}

/** Milliseconds for the parts, or null when they do not name a real moment (e.g. 31 February). */
function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const check = new Date(value)
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return null
  return value
}

/** messages.csv DATE, e.g. `2023-06-11 15:33:58 UTC` (seconds and the zone are optional). */
export function parseMessageDate(text: string): number | null {
  const match = messageDate.exec(text.trim())
  if (!match) return null
  const [, y, mo, d, h, mi, s, frac] = match
  return utcMs(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    Number((frac ?? '0').padEnd(3, '0')),
  )
}

/** Connections.csv 'Connected On', e.g. `12 Mar 2019` (or `2019-03-12`), as a YYYY-MM-DD day. */
export function parseConnectedOn(text: string): string | null {
  const value = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const named = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s,-]*(\d{4})$/.exec(value)
  let ms: number | null = null
  if (iso) ms = utcMs(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  else if (named) {
    const month = monthNumber(named[2]!)
    if (month !== null) ms = utcMs(Number(named[3]), month, Number(named[1]))
  }
  return ms === null ? null : dayOf(ms)
}

/** Invitations.csv 'Sent At', e.g. `04/12/26, 03:38 PM` (month first, as LinkedIn writes it). */
export function parseInvitationTime(text: string): number | null {
  const value = text.trim()
  const us =
    /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i.exec(
      value,
    )
  if (!us) return parseMessageDate(value)
  const [, mo, d, y, h, mi, s, half] = us
  let hour = Number(h)
  if (half) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (half.toUpperCase() === 'PM' ? 12 : 0)
  }
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y)
  return utcMs(year, Number(mo), Number(d), hour, Number(mi), Number(s ?? 0))
}

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString()
}
