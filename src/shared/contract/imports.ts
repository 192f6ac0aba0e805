// Imports: LinkedIn's data export and any CSV, previewed before anything is written, run as a
// cancellable job, listed, and undone as a whole.
import * as z from 'zod'
import { csvMappingSchema } from './csv-mapping'
import { channel } from './channel'
import { seatId } from './schemas'

export interface ImportSummary {
  inmails: number
  /** Messages that cost no credit: to connections, Open Profile, other channels. */
  messages: number
  responses: number
  refunds: number
  followups: number
  meetings: number
  contacts: number
  duplicates: number
  /** Credit InMails for which the ledger knows no credit (before the seat started, or overdrawn). */
  flagged: number
  skipped: Record<string, number>
  rejected: { line: number; reason: string }[]
}

export interface PreviewRow {
  key: string
  line: number
  contact: string
  sentAt: string
  channel: 'inmail' | 'open-profile' | 'message' | 'connection-note' | 'email' | 'whatsapp'
  why: string
  subject: string | null
  response: { at: string; sentiment: string } | null
  followups: number
}

export interface ImportPreview {
  me: { name: string | null; profileUrl: string; detected: boolean } | null
  summary: ImportSummary
  rows: PreviewRow[]
  totalRows: number
}

export interface CsvPreview {
  encoding: string
  delimiter: string
  headers: string[]
  /** Why a header was renamed (empty or repeated names). */
  headerNotes: string[]
  rows: ({ line: number; cells: Record<string, string> } | { line: number; error: string })[]
  totalBytes: number
  /** For each column, the date formats that read every sample value. */
  dateFormats: Record<string, string[]>
}

export interface ImportRecord {
  id: number
  kind: 'linkedin' | 'csv'
  source: string
  seat: string | null
  createdAt: string
  undoneAt: string | null
  summary: ImportSummary
}

export type ImportJob =
  | { state: 'reading' | 'writing'; rows: number; bytes: number; totalBytes: number }
  | { state: 'done'; rows: number; importId: number | null; summary: ImportSummary }
  | { state: 'failed'; rows: number; error: { code: string; message: string } }
  | { state: 'cancelled'; rows: number }

const path = z
  .string({ error: 'Give the path of the file or folder.' })
  .trim()
  .min(1, { error: 'Give the path of the file or folder.' })
  .max(4096)

/** Channel corrections the user made in the preview, by row key. */
const overrides = z
  .record(z.string(), z.enum(['inmail', 'open-profile', 'message', 'skip']))
  .default({})

export const linkedInSource = z.object({
  kind: z.literal('linkedin'),
  path,
  seatId,
  me: z.string().trim().min(1).optional(),
  overrides,
})

export const csvSource = z.object({
  kind: z.literal('csv'),
  path,
  seatId,
  mapping: csvMappingSchema,
})

export const importSource = z.discriminatedUnion('kind', [linkedInSource, csvSource], {
  error: 'An import is kind "linkedin" or "csv".',
})

const jobId = z.string().min(1).max(64)

export const imports = {
  preview: channel<ImportPreview>()(importSource),
  previewCsv: channel<CsvPreview>()(z.object({ path })),
  /** Reads and writes in one call (the CLI); with dryRun nothing is written. */
  run: channel<{ importId: number | null; summary: ImportSummary; me: ImportPreview['me'] }>()(
    z.object({ source: importSource, dryRun: z.boolean().default(false) }),
  ),
  start: channel<{ jobId: string }>()(importSource),
  progress: channel<ImportJob>()(z.object({ jobId })),
  cancel: channel<ImportJob>()(z.object({ jobId })),
  list: channel<ImportRecord[]>()(z.object({}).strict().default({})),
  undo: channel<ImportRecord>()(
    z.object({ importId: z.number({ error: 'Say which import: give its id.' }).int().positive() }),
  ),
}
