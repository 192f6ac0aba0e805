// Reads an import source (a LinkedIn export or a mapped CSV) into import items. Nothing is
// written here; reading can be aborted at any point.
import type * as z from 'zod'
import { tmpdir } from 'node:os'
import { AppError } from '../../shared/contract/errors'
import type { importSource } from '../../shared/contract/imports'
import { CsvReadError, mapRow, missingColumns, readCsvRows } from './csv'
import type { ImportItem, ReadResult } from './items'
import { itemsOnThread } from './items-thread'
import { openLinkedInExport } from './linkedin'
import { invitationItem, linkedInItem } from './linkedin-items'
import { importTooLarge, isOutOfMemory } from './too-large'
import { LinkedInExportError } from './linkedin/errors'

export type ImportSource = z.output<typeof importSource>

/** Items handed to the writer at a time, from an export read in this thread. */
const partItems = 1000

export interface ReadProgress {
  rows: number
  bytes: number
  totalBytes: number
}

interface ReadOptions {
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
  timeZone: string
  /** About how much of a LinkedIn messages.csv is grouped in memory at a time (tests set it low). */
  bucketBytes?: number
}

async function readLinkedIn(
  source: Extract<ImportSource, { kind: 'linkedin' }>,
  options: ReadOptions,
): Promise<ReadResult> {
  const reading = await openLinkedInExport(source.path, {
    ...(source.me ? { me: source.me } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.bucketBytes ? { bucketBytes: options.bucketBytes } : {}),
  })
  const { skipped, spilled } = reading
  function* inferred(): Generator<ImportItem[]> {
    let part: ImportItem[] = []
    for (const o of reading.outreach()) {
      const item = linkedInItem(o, source.overrides)
      if (item) part.push(item)
      else skipped['left out in the preview'] = (skipped['left out in the preview'] ?? 0) + 1
      if (part.length === partItems) {
        yield part
        part = []
      }
    }
    yield part
  }
  return {
    // A spilled export's parts are read back and inferred on a thread of their own.
    async *parts() {
      if (spilled)
        yield* itemsOnThread(
          {
            files: spilled,
            me: reading.me.profileUrl,
            since: reading.since,
            overrides: source.overrides,
          },
          skipped,
        )
      else yield* inferred()
      yield reading.invitations.map(invitationItem)
    },
    skipped,
    rejected: reading.rejected.map((r) => ({
      line: r.line,
      reason: r.file === 'messages.csv' ? r.reason : `${r.file}: ${r.reason}`,
    })),
    rows: reading.rows,
    me: reading.me,
    dispose: () => reading.dispose(),
  }
}

async function readCsv(
  source: Extract<ImportSource, { kind: 'csv' }>,
  options: ReadOptions,
): Promise<ReadResult> {
  const { mapping } = source
  const items: ImportItem[] = []
  const rejected: { line: number; reason: string }[] = []
  let rows = 0
  let missing: string[] = []
  const timeZone = mapping.timeZone ?? options.timeZone
  for await (const row of readCsvRows(source.path, {
    ...(mapping.encoding ? { encoding: mapping.encoding } : {}),
    ...(mapping.delimiter ? { delimiter: mapping.delimiter } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onHeader: (header) => (missing = missingColumns(mapping, header.names)),
    onProgress: ({ bytesRead, totalBytes }) =>
      options.onProgress?.({ rows, bytes: bytesRead, totalBytes }),
  })) {
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `The file has no column ${missing.join(', ')}. Check the mapping against the file's header row.`,
      )
    rows++
    if ('error' in row) {
      rejected.push({ line: row.line, reason: row.error })
      continue
    }
    const mapped = mapRow(row.cells, mapping, timeZone)
    if (!mapped.ok) {
      rejected.push({ line: row.line, reason: mapped.reason })
      continue
    }
    const r = mapped.row
    const channel = r.channel === 'inmail' && r.openProfile ? 'open-profile' : r.channel
    items.push({
      key: `csv:${r.contact.profileUrl ?? `name:${(r.contact.name ?? '').toLowerCase()}`}:${channel}:${r.sentAt}`,
      line: row.line,
      contact: r.contact,
      channel,
      why: 'From your spreadsheet.',
      sentAt: r.sentAt,
      subject: r.subject,
      template: r.template,
      role: r.role,
      bodyChars: null,
      bodyWords: null,
      followups: [],
      response: r.response,
      meetingAt: r.meetingAt,
    })
  }
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `The file has no column ${missing.join(', ')}. Check the mapping against the file's header row.`,
    )
  return { parts: () => [items], skipped: {}, rejected, rows, me: null, dispose: () => undefined }
}

/** A problem reading a source as an AppError with a sentence the user can act on, if it is one. */
export function readProblem(error: unknown, source: { path: string }): AppError | null {
  if (error instanceof CsvReadError)
    return new AppError('VALIDATION_FAILED', error.message, { code: error.code, line: error.line })
  if (error instanceof LinkedInExportError)
    return new AppError(
      error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      error.message,
      { code: error.code },
    )
  if (isOutOfMemory(error)) return importTooLarge()
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT')
    return new AppError(
      'NOT_FOUND',
      `Nothing was found at ${source.path}. Check the path of the file or folder.`,
    )
  // A big LinkedIn export waits in temporary files while it is read (linkedin/spill.ts).
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError(
      'DISK_FULL',
      `There is not enough free disk space in ${tmpdir()} to read this export: it needs about as much as messages.csv takes, for the length of the import. Free some space and import again; nothing was written.`,
    )
  return null
}

/** Reads a source; file problems become AppErrors with a sentence the user can act on. */
export async function readSource(source: ImportSource, options: ReadOptions): Promise<ReadResult> {
  try {
    return source.kind === 'linkedin'
      ? await readLinkedIn(source, options)
      : await readCsv(source, options)
  } catch (error) {
    if (error instanceof AppError || (error instanceof Error && error.name === 'AbortError'))
      throw error
    throw readProblem(error, source) ?? error
  }
}
