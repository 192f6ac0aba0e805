// The raw records of a CSV file, streamed: file → decoded text → csv-parse, with the line each
// record starts on. csv-parse's options are all set here on purpose (see TOOLCHAIN.md).
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import { decodeCsvText } from './decode'
import { CsvReadError, recordTooLong, unclosedQuote, unreadable } from './errors'
import type { CsvSniff } from './sniff'

export interface CsvRecord {
  /** The line of the file the record starts on (1 is the first line). */
  line: number
  cells: string[]
}

export interface RecordOptions {
  signal?: AbortSignal | undefined
  onBytes?: ((bytesRead: number) => void) | undefined
}

/** No outreach row comes near this; a record that does is an unclosed quote eating the file. */
export const maxRecordChars = 1_000_000

export async function* readCsvRecords(
  path: string,
  sniff: CsvSniff,
  options: RecordOptions = {},
): AsyncGenerator<CsvRecord> {
  const { signal, onBytes } = options
  signal?.throwIfAborted()
  const parser = parse({
    delimiter: sniff.delimiter,
    quote: '"',
    escape: '"',
    // decodeCsvText has made every line ending LF.
    record_delimiter: '\n',
    // Column counts are checked by the caller, which reports the row instead of dropping cells.
    relax_column_count: true,
    // A quote inside an unquoted cell (5" screen) is kept as typed.
    relax_quotes: true,
    // Blank lines come through as records so that line numbers stay right; the caller skips them.
    skip_empty_lines: false,
    info: true,
    bom: true,
    cast: false,
    columns: false,
    trim: false,
    max_record_size: maxRecordChars,
  })
  const file = createReadStream(path, { signal, highWaterMark: 64 * 1024 })
  const flowing = pipeline(
    file,
    (chunks: AsyncIterable<Buffer>) => decodeCsvText(chunks, sniff, onBytes),
    parser,
  )
  // Its failure also destroys the parser, whose iteration below throws the same error.
  flowing.catch(() => {})
  let lastLine = 0
  try {
    for await (const item of parser) {
      const { record, info } = item as { record: string[]; info: { lines: number } }
      yield { line: lastLine + 1, cells: record }
      lastLine = info.lines
      signal?.throwIfAborted()
    }
    await flowing
  } catch (error) {
    throw explain(error, lastLine + 1, signal)
  } finally {
    parser.destroy()
    file.destroy()
  }
}

function explain(error: unknown, line: number, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason
  if (error instanceof CsvReadError) return error
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return unclosedQuote(line)
    if (error.code === 'CSV_MAX_RECORD_SIZE') return recordTooLong(line, maxRecordChars)
    if (typeof error.code === 'string' && error.code.startsWith('CSV_'))
      return unreadable(line, error.message)
  }
  return error
}
