// Reads Invitations.csv: the connection requests the user sent, with their notes. The file only
// lists invitations, so a damaged file never stops the import: its problems become rejected rows.
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { cell, delimiterHint, mapColumns, type ColumnMap } from './columns'
import { readCsvRecords, type CsvReadOptions } from './csv-stream'
import { isoInstant, parseInvitationTime } from './dates'
import { repairDoubleEncoding } from './mojibake'
import type { OutgoingInvitation, RejectedRow } from './types'

const invitationColumns = {
  to: { header: 'To', required: true },
  sentAt: { header: 'Sent At', required: true },
  message: { header: 'Message', required: false },
  direction: { header: 'Direction', required: false },
  inviterUrl: { header: 'inviterProfileUrl', required: false },
  inviteeUrl: { header: 'inviteeProfileUrl', required: false },
}

type InvitationColumn = keyof typeof invitationColumns

const file = 'Invitations.csv'

export interface Invitations {
  outgoing: OutgoingInvitation[]
  rejected: RejectedRow[]
}

/** Outgoing invitations: Direction OUTGOING, or, without a Direction, sent from `me`'s profile. */
export async function readInvitations(
  path: string,
  me: string,
  options: CsvReadOptions = {},
): Promise<Invitations> {
  const outgoing: OutgoingInvitation[] = []
  const rejected: RejectedRow[] = []
  let columns: ColumnMap<InvitationColumn> | null = null
  let refused = false
  await readCsvRecords(
    path,
    file,
    ({ fields, line }) => {
      if (refused) return
      if (!columns) {
        const mapped = mapColumns(fields, invitationColumns)
        const cannotTellDirection =
          mapped.columns.direction === undefined && mapped.columns.inviterUrl === undefined
        if (mapped.missing.length > 0 || cannotTellDirection) {
          const missing = cannotTellDirection
            ? [...mapped.missing, 'Direction (or inviterProfileUrl)']
            : mapped.missing
          rejected.push({
            file,
            line,
            reason: `Invitations.csv has no ${missing.join(', ')} column, so no invitations were read from it.${delimiterHint(fields)}`,
          })
          refused = true
          return
        }
        columns = mapped.columns
        return
      }
      const direction = cell(fields, columns.direction).trim().toUpperCase()
      const fromMe =
        direction === ''
          ? normalizeProfileUrl(cell(fields, columns.inviterUrl)) === me
          : direction === 'OUTGOING'
      if (!fromMe) return
      const sentText = cell(fields, columns.sentAt)
      const sentAt = parseInvitationTime(sentText)
      if (sentAt === null) {
        rejected.push({
          file,
          line,
          reason: `Sent At ${JSON.stringify(sentText.slice(0, 40))} is not a time like 04/12/26, 03:38 PM, so this invitation was left out.`,
        })
        return
      }
      const message = repairDoubleEncoding(cell(fields, columns.message)).trim()
      outgoing.push({
        to: repairDoubleEncoding(cell(fields, columns.to)).trim(),
        profileUrl: normalizeProfileUrl(cell(fields, columns.inviteeUrl)),
        at: isoInstant(sentAt),
        message: message === '' ? null : message,
      })
    },
    options,
  )
  outgoing.sort((a, b) => a.at.localeCompare(b.at))
  return { outgoing, rejected }
}
