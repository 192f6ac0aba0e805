// Reads messages.csv as a stream into conversations (kept by a ConversationSpill), tallying the
// senders, and counting and explaining every row that is not a message: drafts, LinkedIn's own
// notices, and rows that cannot be read.
import { delimiterHint, mapColumns, type ColumnMap } from './columns'
import { readCsvRecords } from './csv-stream'
import { LinkedInExportError } from './errors'
import { readCsvRecordsOnThread } from './records-thread'
import type { SenderTally } from './me'
import { messageColumns, readMessageRow, type MessageColumn } from './message-rows'
import type { ConversationSpill } from './spill'
import type { RejectedRow, TextEncodingName } from './types'

const file = 'messages.csv'
const progressEvery = 1000
/** A file whose every row is unreadable must not fill the memory with reasons. */
const maxListedRejections = 1000

export interface MessagesRead {
  rows: number
  draftRows: number
  systemRows: number
  rejected: RejectedRow[]
  encoding: TextEncodingName
}

export interface MessagesReadOptions {
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { rows: number; bytes: number; totalBytes: number }) => void) | undefined
  totalBytes: number
  /** Where the messages go until the whole file is read. */
  spill: ConversationSpill
  senders: SenderTally
  /** Parse on a thread of its own (records-thread.ts): worth its start-up for a big file. */
  parseOnThread: boolean
}

export async function readMessages(
  path: string,
  options: MessagesReadOptions,
): Promise<MessagesRead> {
  const { spill, senders } = options
  const rejected: RejectedRow[] = []
  let header: { columns: ColumnMap<MessageColumn>; width: number } | null = null
  let rows = 0
  let draftRows = 0
  let systemRows = 0
  let bytes = 0
  const unlisted: { count: number; firstLine?: number } = { count: 0 }
  const { onProgress, totalBytes } = options

  const read = options.parseOnThread ? readCsvRecordsOnThread : readCsvRecords
  const summary = await read(
    path,
    file,
    ({ fields, line }) => {
      if (!header) {
        const { columns, missing } = mapColumns(fields, messageColumns)
        if (missing.length > 0) {
          throw new LinkedInExportError(
            'MISSING_COLUMNS',
            `messages.csv is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, so it cannot be read as a LinkedIn messages export.${delimiterHint(fields)} Choose the messages.csv from "Get a copy of your data".`,
          )
        }
        header = { columns, width: fields.length }
        return
      }
      rows++
      const reading = readMessageRow(fields, line, header.columns, header.width)
      switch (reading.kind) {
        case 'message':
          senders.add(reading.row.sender, reading.row.recipients)
          spill.add(reading.row)
          break
        case 'draft':
          draftRows++
          break
        case 'system':
          systemRows++
          break
        case 'rejected':
          if (rejected.length < maxListedRejections)
            rejected.push({ file, line, reason: reading.reason })
          else {
            unlisted.count++
            unlisted.firstLine ??= line
          }
          break
      }
      if (onProgress && rows % progressEvery === 0) onProgress({ rows, bytes, totalBytes })
    },
    {
      signal: options.signal,
      onRecordRead: (bytesRead) => {
        bytes = bytesRead
      },
    },
  )
  if (!header) {
    throw new LinkedInExportError(
      'EMPTY_FILE',
      'messages.csv is empty: it has no header and no messages. Choose the messages.csv from your LinkedIn data export.',
    )
  }
  if (rows === 0) {
    throw new LinkedInExportError(
      'NO_MESSAGES',
      'messages.csv holds only its header line: there are no messages to import.',
    )
  }
  if (unlisted.firstLine !== undefined) {
    rejected.push({
      file,
      line: unlisted.firstLine,
      reason: `${unlisted.count.toLocaleString('en-US')} more rows from this line on could not be read either; only the first ${maxListedRejections.toLocaleString('en-US')} are listed.`,
    })
  }
  spill.finish()
  onProgress?.({ rows, bytes: summary.bytesRead, totalBytes })
  return { rows, draftRows, systemRows, rejected, encoding: summary.encoding }
}
