// Why a CSV file could not be read at all, each in words a user can act on. Problems with one row
// are not errors: the reader yields them as rows with a reason and goes on.

export const csvReadErrorCodes = [
  'CSV_EMPTY',
  'CSV_BINARY',
  'CSV_UNCLOSED_QUOTE',
  'CSV_RECORD_TOO_LONG',
  'CSV_ENCODING',
  'CSV_UNREADABLE',
] as const
export type CsvReadErrorCode = (typeof csvReadErrorCodes)[number]

export class CsvReadError extends Error {
  readonly code: CsvReadErrorCode
  /** The line of the file the problem starts on, when there is one. */
  readonly line: number | null

  constructor(code: CsvReadErrorCode, message: string, line: number | null = null) {
    super(message)
    this.name = 'CsvReadError'
    this.code = code
    this.line = line
  }
}

const exportAgain =
  'Open it in your spreadsheet app and export it again as CSV (in Excel: File › Save As › "CSV UTF-8").'

export function emptyFile(): CsvReadError {
  return new CsvReadError(
    'CSV_EMPTY',
    'The file is empty: there is no header row. Export the sheet again with the column names in the first row.',
  )
}

export type BinaryKind = 'zip' | 'ole' | 'pdf' | 'other'

export function binaryFile(kind: BinaryKind, line: number | null): CsvReadError {
  const near = line === null ? '' : ` near line ${line}`
  const message: Record<BinaryKind, string> = {
    zip: `This is a workbook (Excel .xlsx, Numbers or OpenDocument), not a CSV file. ${exportAgain}`,
    ole: `This is an old Excel workbook (.xls), not a CSV file. ${exportAgain}`,
    pdf: `This is a PDF, not a CSV file. Import the spreadsheet the data came from, exported as CSV.`,
    other:
      `This file does not look like a CSV file: it contains binary data${near}. ` +
      'If it is a workbook, export it as CSV from your spreadsheet app; if it is a CSV file, choose its encoding by hand.',
  }
  return new CsvReadError('CSV_BINARY', message[kind], line)
}

export function unclosedQuote(line: number): CsvReadError {
  return new CsvReadError(
    'CSV_UNCLOSED_QUOTE',
    `A quote (") opened on line ${line} is never closed, so the rest of the file cannot be read. ` +
      `Check the cells on line ${line}: a quote inside a cell must be written twice (""). ${exportAgain}`,
    line,
  )
}

export function recordTooLong(line: number, limit: number): CsvReadError {
  return new CsvReadError(
    'CSV_RECORD_TOO_LONG',
    `The row starting on line ${line} is longer than ${limit.toLocaleString('en-US')} characters. ` +
      'Most likely a quote (") opened in a cell there is never closed; a quote inside a cell must be written twice (""). ' +
      exportAgain,
    line,
  )
}

const encodingNames: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
}

export function mixedEncoding(line: number, encoding: string): CsvReadError {
  return new CsvReadError(
    'CSV_ENCODING',
    `Line ${line} is not valid ${encodingNames[encoding] ?? encoding} text, although the lines before it are. ` +
      `${exportAgain} Or choose the encoding by hand (Windows-1252 for files saved by older Excel versions).`,
    line,
  )
}

export function unreadable(line: number, detail: string): CsvReadError {
  return new CsvReadError(
    'CSV_UNREADABLE',
    `The file cannot be read as CSV from line ${line} (${detail}). ${exportAgain}`,
    line,
  )
}
