// The user's data out and back in: a JSON export of every table, and restoring a backup.
import * as z from 'zod'
import type { AppStatus } from './app'
import { channel } from './channel'

export const exportFormat = 'outreach-ledger-export'

/** One SQLite value: text, a number, NULL, or bytes (written as base64). */
const cell = z.union([z.string(), z.number(), z.null(), z.object({ base64: z.string() }).strict()])
export type ExportCell = z.infer<typeof cell>
export type ExportRow = Record<string, ExportCell>

/** The export file: schema-versioned, one list of rows per table, column names as keys. */
export const exportDocument = z.object({
  format: z.literal(exportFormat, {
    error: 'This is not an Outreach Ledger export (its "format" is missing or different).',
  }),
  schemaVersion: z
    .number({ error: 'The export does not say which schema version it was written with.' })
    .int()
    .min(1, { error: 'The export names an unknown schema version.' }),
  exportedAt: z.string(),
  appVersion: z.string().optional(),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell)), {
    error: 'The export has no "tables" with rows in it.',
  }),
})
export type ExportDocument = z.infer<typeof exportDocument>

export interface ExportResult {
  file: string
  bytes: number
  schemaVersion: number
  /** Rows written, per table. */
  rows: Record<string, number>
}

export interface ImportDataResult {
  file: string
  /** The schema the export was written with; older ones are upgraded on the way in. */
  schemaVersion: number
  rows: Record<string, number>
}

export interface RestoreResult {
  /** The backup now in use. */
  restored: string
  /** Where the ledger that was replaced now lives (renamed, never deleted). */
  keptAside: string
  status: AppStatus
}

const path = (what: string) =>
  z
    .string({ error: `Give the ${what} a path.` })
    .trim()
    .min(1, { error: `Give the ${what} a path.` })

export const data = {
  export: channel<ExportResult>()(z.object({ out: path('export file').optional() }).default({})),
  import: channel<ImportDataResult>()(z.object({ file: path('export file') })),
  restore: channel<RestoreResult>()(
    z.object({
      backup: z
        .string({ error: 'Choose a backup to restore.' })
        .min(1, { error: 'Choose a backup to restore.' }),
    }),
  ),
}
