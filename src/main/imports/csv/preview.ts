// What the import screen shows before a mapping exists: how the file is written, its columns,
// its first rows, and which date formats fit each column.
import type { CsvDelimiter, CsvEncoding, DateFormat } from '../../../shared/contract/csv-mapping'
import { matchingDateFormats } from './dates'
import { readCsvRows, type CsvReadOptions, type CsvRow, type OpenedCsv } from './read'
import type { CsvHeader } from './header'

export interface CsvFilePreview {
  encoding: CsvEncoding
  delimiter: CsvDelimiter
  headers: string[]
  /** Columns renamed because their header was empty or repeated, one sentence each. */
  headerNotes: string[]
  /** The first data rows, including rows that cannot be read (with their reason). */
  rows: CsvRow[]
  totalBytes: number
  /** For each column, the date formats that read every non-blank sampled value ([] for none). */
  dateFormats: Record<string, DateFormat[]>
}

export const previewRows = 20
/** Rows looked at for date formats: more than are shown, so 13/02 has a chance to settle DD/MM. */
export const dateSampleRows = 200

export async function previewCsv(
  path: string,
  options: Pick<CsvReadOptions, 'encoding' | 'delimiter' | 'signal'> = {},
): Promise<CsvFilePreview> {
  const seen: { opened?: OpenedCsv; header?: CsvHeader } = {}
  const rows: CsvRow[] = []
  const samples = new Map<string, string[]>()
  let sampled = 0
  for await (const row of readCsvRows(path, {
    ...options,
    onOpen: (opened) => (seen.opened = opened),
    onHeader: (header) => (seen.header = header),
  })) {
    if (rows.length < previewRows) rows.push(row)
    if ('cells' in row)
      for (const [name, value] of Object.entries(row.cells)) {
        const values = samples.get(name) ?? []
        values.push(value)
        samples.set(name, values)
      }
    if (++sampled >= dateSampleRows) break
  }
  // readCsvRows has thrown unless the file was opened and had a header row.
  const { encoding, delimiter, totalBytes } = seen.opened!
  const { names, notes } = seen.header!
  const dateFormats: Record<string, DateFormat[]> = {}
  for (const name of names) dateFormats[name] = matchingDateFormats(samples.get(name) ?? [])
  return { encoding, delimiter, headers: names, headerNotes: notes, rows, totalBytes, dateFormats }
}
