// What every import becomes before it is written: one item per opening message, with its
// follow-ups, response and meeting, and a stable key so re-importing adds nothing.
import type { PreviewRow } from '../../shared/contract/imports'

export type ItemChannel = PreviewRow['channel']

export interface ImportItem {
  /** Stable across re-imports of the same data: the dedupe key of the opening message. */
  key: string
  line: number
  contact: { name: string | null; profileUrl: string | null }
  channel: ItemChannel
  why: string
  sentAt: string
  subject: string | null
  template: string | null
  role: string | null
  bodyChars: number | null
  bodyWords: number | null
  followups: { at: string; bodyChars: number }[]
  response: {
    at: string
    kind: 'reply' | 'accept' | 'decline'
    sentiment: 'positive' | 'neutral' | 'negative'
  } | null
  meetingAt: string | null
}

export interface ReadResult {
  /**
   * The items, a part at a time, read on demand and once: a big LinkedIn export hands them over a
   * part of the file at a time (not in sentAt order across parts), so they are never all in
   * memory, and the parts of a spilled one come from another thread (items-thread.ts).
   */
  parts(): Iterable<ImportItem[]> | AsyncIterable<ImportItem[]>
  /** Left out, by reason; counts found while reading `items` are added as they are read. */
  skipped: Record<string, number>
  rejected: { line: number; reason: string }[]
  rows: number
  me: { name: string | null; profileUrl: string; detected: boolean } | null
  /** Removes what reading keeps on disk; call it when done with the items, also after a failure. */
  dispose(): void
}

export function previewRow(item: ImportItem): PreviewRow {
  return {
    key: item.key,
    line: item.line,
    contact: item.contact.name ?? item.contact.profileUrl ?? '(unknown)',
    sentAt: item.sentAt,
    channel: item.channel,
    why: item.why,
    subject: item.subject,
    response: item.response ? { at: item.response.at, sentiment: item.response.sentiment } : null,
    followups: item.followups.length,
  }
}
