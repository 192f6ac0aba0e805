// Reads Connections.csv: who was a connection, from which day. It opens with a few lines of notes
// before its header, so the header is found by its column names.
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { cell, delimiterHint, mapColumns, normalizeHeader, type ColumnMap } from './columns'
import { readCsvRecords, type CsvReadOptions } from './csv-stream'
import { parseConnectedOn } from './dates'
import { LinkedInExportError } from './errors'
import type { RejectedRow } from './types'

const connectionColumns = {
  url: { header: 'URL', required: true },
  connectedOn: { header: 'Connected On', required: true },
}

type ConnectionColumn = keyof typeof connectionColumns

export interface Connections {
  /** Normalised profile URL → the day (YYYY-MM-DD) the connection was made; the earliest if listed twice. */
  since: Map<string, string>
  rejected: RejectedRow[]
}

const file = 'Connections.csv'

export async function readConnections(
  path: string,
  options: CsvReadOptions = {},
): Promise<Connections> {
  const since = new Map<string, string>()
  const rejected: RejectedRow[] = []
  let columns: ColumnMap<ConnectionColumn> | null = null
  let firstRecord: string[] | null = null
  await readCsvRecords(
    path,
    file,
    ({ fields, line }) => {
      if (!columns) {
        firstRecord ??= fields
        const names = fields.map(normalizeHeader)
        // Notes come first; the header is the first record naming both columns.
        if (names.includes('url') && names.includes('connected on')) {
          columns = mapColumns(fields, connectionColumns).columns
        }
        return
      }
      const link = cell(fields, columns.url)
      const url = normalizeProfileUrl(link)
      if (url === null) {
        rejected.push({
          file,
          line,
          reason:
            link.trim() === ''
              ? 'This connection has no profile URL, so it cannot be matched to your messages.'
              : `URL ${JSON.stringify(link.slice(0, 60))} is not a LinkedIn profile URL, so this connection cannot be matched to your messages.`,
        })
        return
      }
      const dateText = cell(fields, columns.connectedOn)
      const day = parseConnectedOn(dateText)
      if (day === null) {
        rejected.push({
          file,
          line,
          reason: `Connected On ${JSON.stringify(dateText.slice(0, 40))} is not a date like 12 Mar 2019; messages to this person may be counted as InMail.`,
        })
        return
      }
      const known = since.get(url)
      if (known === undefined || day < known) since.set(url, day)
    },
    options,
  )
  if (!columns) {
    throw new LinkedInExportError(
      'MISSING_COLUMNS',
      `Connections.csv has no header line with the columns URL and Connected On, so connections cannot be told from InMail.${firstRecord ? delimiterHint(firstRecord) : ''} Remove the file to import without connections, or use the one from your LinkedIn export.`,
    )
  }
  return { since, rejected }
}
