// One import task, start to end, on whichever thread runs it (the import thread: see thread.ts):
// read the source, then preview it, count what writing would do, or write it.
import { basename } from 'node:path'
import type { ImportPreview, ImportSummary } from '../../shared/contract/imports'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import { previewRow, type ImportItem } from './items'
import { bySentAt } from './linkedin'
import { readSource, type ImportSource, type ReadProgress } from './read'
import { dryRun, writeImport } from './write'

export type ImportTaskKind = 'preview' | 'dry-run' | 'write'

export interface ImportWritten {
  importId: number | null
  summary: ImportSummary
  me: ImportPreview['me']
}

export type ImportTaskResult<K extends ImportTaskKind> = K extends 'preview'
  ? ImportPreview
  : ImportWritten

export interface ImportTaskHooks {
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
  /** Reading is done and writing (or counting) begins: from here on it cannot be cancelled. */
  onWriting?: (rows: number) => void
}

const previewRows = 200

/** The earliest `count` items by sentAt (then line), kept as they stream by. */
class Earliest {
  private items: ImportItem[] = []
  total = 0

  constructor(private readonly count: number) {}

  add(item: ImportItem): void {
    this.total++
    this.items.push(item)
    if (this.items.length >= 2 * this.count) this.items = this.sorted()
  }

  sorted(): ImportItem[] {
    return this.items.sort(bySentAt).slice(0, this.count)
  }
}

export async function runImportTask<K extends ImportTaskKind>(
  ledger: Ledger,
  kind: K,
  source: ImportSource,
  hooks: ImportTaskHooks = {},
): Promise<ImportTaskResult<K>> {
  getSeat(ledger, source.seatId)
  const read = await readSource(source, {
    timeZone: timeZoneOf(ledger),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  })
  try {
    if (hooks.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' })
    hooks.onWriting?.(read.rows)
    const request = {
      kind: source.kind,
      source: basename(source.path),
      seatId: source.seatId,
      read,
    }
    if (kind === 'preview') {
      const earliest = new Earliest(previewRows)
      const summary = await dryRun(ledger, { ...request, onItem: (item) => earliest.add(item) })
      const preview: ImportPreview = {
        me: read.me,
        summary,
        rows: earliest.sorted().map(previewRow),
        totalRows: earliest.total,
      }
      return preview as ImportTaskResult<K>
    }
    const written: ImportWritten =
      kind === 'dry-run'
        ? { importId: null, summary: await dryRun(ledger, request), me: read.me }
        : { ...(await writeImport(ledger, request)), me: read.me }
    return written as ImportTaskResult<K>
  } finally {
    read.dispose()
  }
}
