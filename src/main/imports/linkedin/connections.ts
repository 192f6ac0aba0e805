// Reads Connections.csv: who was a connection, from which day. It opens with a few lines of notes
// before its header, so the header is found by its column names.
import { open } from 'node:fs/promises'
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

/**
 * The line of the header, when the notes before it are plain lines (no quoted field running over
 * a line break) within the first 64 KB; else 1, and the header is found record by record.
 */
async function headerLine(path: string): Promise<number> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0)
    const lines = buffer.toString('utf8', 0, bytesRead).split(/\r\n|\n|\r/)
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!
      if ((line.match(/"/g)?.length ?? 0) % 2 !== 0) return 1
      const names = line.split(',').map(normalizeHeader)
      if (names.includes('url') && names.includes('connected on')) return i + 1
    }
    return 1
  } finally {
    await handle.close()
  }
}

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
    { ...options, fromLine: await headerLine(path) },
  )
  if (!columns) {
    throw new LinkedInExportError(
      'MISSING_COLUMNS',
      `Connections.csv has no header line with the columns URL and Connected On, so connections cannot be told from InMail.${firstRecord ? delimiterHint(firstRecord) : ''} Remove the file to import without connections, or use the one from your LinkedIn export.`,
    )
  }
  return { since, rejected }
}
