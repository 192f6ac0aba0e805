// Names for the files the app writes beside the ledger (backups, exports, files kept aside):
// one timestamp form, and never the name of a file that is already there.
import { existsSync } from 'node:fs'

/** An instant as it appears in file names: 2026-03-10T12-00-00-000Z (no ':' or '.'). */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

/**
 * `${stem}${extension}`, or the first of `${stem}-2${extension}`, `-3`, … that is free, so
 * two files written at the same clock reading never replace each other.
 */
export function freeName(
  stem: string,
  extension = '',
  taken: (path: string) => boolean = existsSync,
): string {
  let path = `${stem}${extension}`
  for (let n = 2; taken(path); n += 1) path = `${stem}-${n}${extension}`
  return path
}
