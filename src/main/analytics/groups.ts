// Group keys as the user reads them: the key the SQL grouped by becomes a stable key string and a
// label, and the groups come back in an order that means something (weekdays Monday first,
// months in time, templates by how much they were used).
import type { GroupBy } from '../../shared/contract/analytics'
import type { OutreachChannel } from '../../shared/contract/outreach'
import { fromDayNumber } from '../credits/engine/days'
import { followupBands, lengthBands, wordBands } from './cohort'

export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

const channelLabels: Record<OutreachChannel, string> = {
  inmail: 'InMail',
  'open-profile': 'Open Profile',
  message: 'Message',
  'connection-note': 'Connection note',
  email: 'Email',
  whatsapp: 'WhatsApp',
}

const lengthLabels: Record<(typeof lengthBands)[number], string> = {
  'under 400 characters': 'Under 400 characters',
  '400 or more': '400 characters or more',
  unknown: 'Length unknown',
}

const followupLabels: Record<(typeof followupBands)[number], string> = {
  '0': 'No follow-up',
  '1': '1 follow-up',
  '2': '2 follow-ups',
  '3+': '3 or more follow-ups',
}

const missing: Partial<Record<GroupBy, string>> = {
  template: '(no template)',
  templateVersion: '(no saved template)',
  role: '(no role)',
  roleFamily: '(no role family)',
}

/** Names the key needs from the ledger: seats, and template versions as "Name v2". */
export interface KeyNames {
  seats: ReadonlyMap<number, string>
  versions: ReadonlyMap<number, string>
}

/** The SQL's group key as the contract's key string. */
export function keyString(by: GroupBy, raw: string | number): string {
  if (by === 'week') return fromDayNumber(Number(raw))
  if (by === 'weekday') return weekdays[Number(raw)] ?? String(raw)
  return String(raw)
}

function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** A label for the key; `typed` is the name as typed on a message, where the key is one. */
export function keyLabel(by: GroupBy, key: string, typed: string | null, names: KeyNames): string {
  if (key === '' && missing[by]) return missing[by]
  switch (by) {
    case 'template':
    case 'role':
    case 'roleFamily':
      return typed ?? key
    case 'templateVersion':
      return names.versions.get(Number(key)) ?? `Version #${key}`
    case 'channel':
      return channelLabels[key as OutreachChannel] ?? key
    case 'seat':
      return names.seats.get(Number(key)) ?? `Seat #${key}`
    case 'month':
      return monthLabel(key)
    case 'week':
      return `Week of ${key}`
    case 'weekday':
      return key
    case 'length':
      return lengthLabels[key as (typeof lengthBands)[number]] ?? key
    case 'words':
      return key === 'unknown' ? 'Word count unknown' : `${key} words`
    case 'followups':
      return followupLabels[key as (typeof followupBands)[number]] ?? key
  }
}

const fixedOrder: Partial<Record<GroupBy, readonly string[]>> = {
  weekday: weekdays,
  length: lengthBands,
  words: wordBands,
  followups: followupBands,
}

/** Sorts groups: time keys in time order, bands in band order, the rest by delivered, then label. */
export function sortGroups<G extends { key: string; label: string; delivered: number }>(
  by: GroupBy,
  groups: G[],
): G[] {
  const order = fixedOrder[by]
  if (order) return groups.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
  if (by === 'month' || by === 'week')
    return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return groups.sort(
    (a, b) =>
      b.delivered - a.delivered ||
      (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) ||
      a.label.localeCompare(b.label),
  )
}
