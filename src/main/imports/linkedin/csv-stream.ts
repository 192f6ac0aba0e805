// Streams the records of one export CSV file with the line each starts on. Every parser option
// is set here on purpose: left to itself csv-parse keeps a BOM in the first header, may guess the
// delimiter, can skip broken rows without a word, and counts a CRLF inside a quoted field as two
// lines (so lines are counted here, from each record's fields).
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse, type Options } from 'csv-parse'
import { LinkedInExportError, abortError, type LinkedInExportErrorCode } from './errors'
import { ExportTextDecoder } from './text-decoding'
import type { TextEncodingName } from './types'

/** Far above any LinkedIn message; past it a quote was almost surely never closed. */
const maxRecordChars = 2_000_000

export interface CsvRecord {
  fields: string[]
  /** 1-based line the record starts on. */
  line: number
}

export interface CsvReadOptions {
  signal?: AbortSignal | undefined
  /** Called before each record is handed over, with the bytes of the file read so far. */
  onRecordRead?: ((bytesRead: number) => void) | undefined
  /** The line to start at (1-based): the lines before it are notes, not records. */
  fromLine?: number | undefined
  /** Called after each record; reading waits while the promise it returns is pending. */
  pace?: (() => Promise<void> | undefined) | undefined
}

export interface CsvReadSummary {
  encoding: TextEncodingName
  bytesRead: number
}

function lineBreaks(text: string): number {
  let count = 0
  // Most fields hold no line break at all: one native search each rules that out.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) count++
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) count++
  }
  return count
}

/**
 * The line breaks in a record's text: those inside its (quoted) fields, which the parser keeps
 * as they were, and the one that ends it (each record delimiter is one line break). Delimiters
 * and quotes hold none. So csv-parse need not keep a raw copy of every record (its `raw`
 * option appends each character to a buffer).
 */
function recordLineBreaks(fields: readonly string[]): number {
  let count = 1
  for (const field of fields) count += lineBreaks(field)
  return count
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === ''
}

function structureError(error: CsvError, fileLabel: string, line: number): LinkedInExportError {
  const hint =
    line === 1
      ? ' The first line does not read as a comma-separated header; if the file is separated by semicolons or tabs, save it again as comma-separated CSV.'
      : ''
  return new LinkedInExportError(...structureProblem(error, fileLabel, line, hint), {
    cause: error,
  })
}

function structureProblem(
  error: CsvError,
  fileLabel: string,
  line: number,
  hint: string,
): [LinkedInExportErrorCode, string] {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return [
        'UNTERMINATED_QUOTE',
        `${fileLabel} line ${line}: a quoted field opens here and is never closed, so the rest of the file cannot be read safely. The file may be cut off or damaged; download the export again.${hint}`,
      ]
    case 'CSV_MAX_RECORD_SIZE':
      return [
        'RECORD_TOO_LARGE',
        `${fileLabel} line ${line}: this row runs on for more than ${maxRecordChars.toLocaleString('en-US')} characters, which usually means a quote that is never closed. The file may be damaged; download the export again.${hint}`,
      ]
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return [
        'BROKEN_QUOTES',
        `${fileLabel} line ${line}: the quotes in this row do not follow the CSV rules (${error.message.replace(/\s*at line \d+.*$/, '')}), so the rows after it cannot be trusted. The file may have been edited by hand, or a quote opened here may never close; download the export again.${hint}`,
      ]
    default:
      return [
        'NOT_CSV',
        `${fileLabel} line ${line}: this row cannot be read as CSV (${error.message}). Choose the file from your LinkedIn data export.${hint}`,
      ]
  }
}

/**
 * Reads `path` record by record, calling `onRecord` for every non-blank record (the header too).
 * Malformed quoting refuses the whole file: after it, where one row ends is guesswork.
 */
export async function readCsvRecords(
  path: string,
  fileLabel: string,
  onRecord: (record: CsvRecord) => void,
  readOptions: CsvReadOptions = {},
): Promise<CsvReadSummary> {
  const decoder = new ExportTextDecoder(fileLabel)
  // Lines are counted inside the parser, record by record, so that when it fails the line of
  // the record it was reading is known exactly (records are consumed later, asynchronously).
  let nextLine = readOptions.fromLine ?? 1
  const options: Options<CsvRecord | null, string[]> = {
    bom: true,
    delimiter: ',',
    // Left to detect, the parser fixes on the first line's ending and reads any other ending
    // later in the file (a file pieced together by hand) as part of a field.
    record_delimiter: ['\r\n', '\n', '\r'],
    quote: '"',
    escape: '"',
    encoding: 'utf8',
    // Rows are checked against the header by the caller, who can reject one row with a reason.
    relax_column_count: true,
    relax_quotes: false,
    // Blank lines are dropped in on_record, after their line breaks are counted.
    skip_empty_lines: false,
    skip_records_with_error: false,
    trim: false,
    cast: false,
    // No `columns`: records stay arrays, so no field is dropped or renamed behind our back.
    max_record_size: maxRecordChars,
    // csv-parse counts every later record against the first one's length, building a CsvError
    // (with a stack trace) for each that differs: notes before a header would cost one per row.
    from_line: nextLine,
    on_record: (record) => {
      const line = nextLine
      nextLine += recordLineBreaks(record)
      return isBlank(record) ? null : { fields: record, line }
    },
  }
  // csv-parse types on_record's record only in its overloads for `columns`; the options are
  // checked against the precise type just above.
  const parser = parse(options as unknown as Options)

  const { signal, onRecordRead, pace } = readOptions
  try {
    await pipeline(
      createReadStream(path),
      decoder,
      parser,
      async (records: AsyncIterable<CsvRecord>) => {
        for await (const record of records) {
          onRecordRead?.(decoder.bytesRead)
          onRecord(record)
          const waiting = pace?.()
          if (waiting) await waiting
          if (signal?.aborted) throw abortError(signal)
        }
      },
      signal ? { signal } : {},
    )
  } catch (error) {
    if (signal?.aborted) {
      throw error instanceof Error && error.name === 'AbortError' ? error : abortError(signal)
    }
    if (error instanceof CsvError) throw structureError(error, fileLabel, nextLine)
    throw error
  }
  return { encoding: decoder.encoding, bytesRead: decoder.bytesRead }
}
