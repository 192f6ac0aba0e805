// Streams the data rows of a spreadsheet's CSV export, each as cells by column name, or as the
// reason the row cannot be read. The file is never held in memory whole.
import { open } from 'node:fs/promises'
import type { CsvDelimiter, CsvEncoding } from '../../../shared/contract/csv-mapping'
import { emptyFile } from './errors'
import { makeHeader, type CsvHeader } from './header'
import { readCsvRecords } from './records'
import { sepHint, sniffCsv, type CsvSniff } from './sniff'

export interface CsvReadOptions {
  /** Detected from the file when left out. */
  encoding?: CsvEncoding | undefined
  /** Detected from the file when left out. */
  delimiter?: CsvDelimiter | undefined
  /** Aborting makes the iteration throw the signal's reason (an AbortError by default). */
  signal?: AbortSignal | undefined
  /** Called as the file is read, with bytes read so far, growing up to `totalBytes`. */
  onProgress?: ((progress: CsvProgress) => void) | undefined
  /** Called once with what was detected (or chosen) and the file's size, before any row. */
  onOpen?: ((opened: OpenedCsv) => void) | undefined
  /** Called once with the column names, before the first row. */
  onHeader?: ((header: CsvHeader) => void) | undefined
}

export interface CsvProgress {
  bytesRead: number
  totalBytes: number
}

/**
 * One data row. `line` is the line of the file the row starts on (the header row is on line 1
 * unless blank lines come first); a cell with line breaks makes a row span several lines. `cells`
 * has one entry per column, with the text exactly as in the file: nothing trimmed, and
 * formula-looking text (=, +, -, @) kept as text.
 */
export type CsvRow =
  { line: number; cells: Record<string, string> } | { line: number; error: string }

export interface OpenedCsv extends CsvSniff {
  totalBytes: number
}

/** Bytes of the file's head used for guessing its encoding and delimiter. */
const headBytes = 64 * 1024

/** Reads the head of the file and guesses what the options leave out. */
export async function openCsv(
  path: string,
  options: Pick<CsvReadOptions, 'encoding' | 'delimiter'> = {},
): Promise<OpenedCsv> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const head = new Uint8Array(Math.min(size, headBytes))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    const sniff = sniffCsv(head.subarray(0, bytesRead), bytesRead >= size, options)
    return { ...sniff, totalBytes: size }
  } finally {
    await handle.close()
  }
}

/**
 * Yields every data row after the header row. Blank lines, rows whose cells are all blank, and
 * Excel's `sep=;` first line are skipped. A row with fewer cells than the header, or with more
 * non-blank ones, is yielded as `{ line, error }` and reading goes on; extra cells that are blank
 * are dropped, as spreadsheets pad rows with trailing delimiters.
 *
 * Throws a CsvReadError, after yielding the rows before the problem, when the file is empty (no
 * header row), is not text, mixes encodings, or has a quote that is never closed (everything after
 * an unclosed quote would be one cell, so nothing after it can be trusted). The importer is
 * expected to write nothing from a file that throws.
 */
export async function* readCsvRows(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow, void, undefined> {
  const { signal, onProgress, onOpen, onHeader } = options
  const opened = await openCsv(path, options)
  onOpen?.(opened)
  const onBytes = onProgress
    ? (bytesRead: number) => onProgress({ bytesRead, totalBytes: opened.totalBytes })
    : undefined
  let header: CsvHeader | null = null
  for await (const record of readCsvRecords(path, opened, { signal, onBytes })) {
    if (isBlank(record.cells)) continue
    if (!header) {
      if (record.line === 1 && sepHint(record.cells.join(opened.delimiter))) continue
      header = makeHeader(record.cells)
      onHeader?.(header)
      continue
    }
    yield toRow(record.line, record.cells, header.names, opened.delimiter)
  }
  if (!header) throw emptyFile()
}

function toRow(line: number, cells: string[], names: string[], delimiter: CsvDelimiter): CsvRow {
  if (
    cells.length < names.length ||
    (cells.length > names.length && !isBlank(cells.slice(names.length)))
  )
    return { line, error: columnCountError(cells.length, names.length, delimiter) }
  const byName: Record<string, string> = Object.create(null)
  names.forEach((name, index) => {
    byName[name] = cells[index] ?? ''
  })
  return { line, cells: byName }
}

const delimiterNames: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
}

function columnCountError(cells: number, columns: number, delimiter: CsvDelimiter): string {
  const counted = `This row has ${cells} cells but the header row has ${columns} columns`
  return cells > columns
    ? `${counted}: a cell probably contains a ${delimiterNames[delimiter]} without quotes around the cell.`
    : `${counted}: the row is cut short or cells are missing.`
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}
