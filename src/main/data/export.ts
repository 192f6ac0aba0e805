// "Export all data": every table of the ledger as one schema-versioned JSON document, one row
// per line. Written row by row (a big ledger never sits in memory as one string) into a
// temporary file that is renamed at the end, so a failed export leaves no half-written file.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { exportFormat, type ExportCell, type ExportResult } from '../../shared/contract/data'
import { AppError } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import { fileStamp } from './file-names'
import { dataTables, quoted } from './tables'

/** Where "Export all data" writes when no file is given: an exports folder beside the ledger. */
export function defaultExportFile(ledger: Ledger): string {
  return join(ledger.paths.dataDir, 'exports', `ledger-export-${fileStamp(ledger.now())}.json`)
}

function cellOf(value: unknown): ExportCell {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') }
  if (typeof value === 'bigint') return Number(value)
  return value as ExportCell
}

/** Buffers small writes into ~1 MB ones. */
class Writer {
  private chunks: string[] = []
  private size = 0
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.chunks.push(text)
    this.size += text.length
    if (this.size >= 1 << 20) this.flush()
  }
  flush(): void {
    if (this.chunks.length > 0) writeSync(this.fd, this.chunks.join(''))
    this.chunks = []
    this.size = 0
  }
}

export function exportLedger(
  ledger: Ledger,
  schemaVersion: number,
  appVersion: string,
  out = defaultExportFile(ledger),
): ExportResult {
  if (existsSync(out))
    throw new AppError(
      'EXPORT_FAILED',
      `A file already exists at ${out}. Choose a new file name so nothing is overwritten.`,
    )
  const partial = `${out}.partial`
  const rows: Record<string, number> = {}
  let fd: number | undefined
  try {
    mkdirSync(dirname(out), { recursive: true })
    fd = openSync(partial, 'w')
    const writer = new Writer(fd)
    const header = {
      format: exportFormat,
      schemaVersion,
      exportedAt: ledger.now().toISOString(),
      appVersion,
    }
    writer.write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n  "tables": {`)
    // One read transaction: every table from the same moment, even while the app writes.
    ledger.db.transaction(() => {
      dataTables(ledger.db).forEach((table, t) => {
        writer.write(`${t === 0 ? '' : ','}\n    ${JSON.stringify(table.name)}: [`)
        let n = 0
        const select = ledger.db.prepare(
          `SELECT * FROM ${quoted(table.name)} ORDER BY ${table.orderBy}`,
        )
        for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
          const cells: Record<string, ExportCell> = {}
          for (const column of table.columns) cells[column] = cellOf(row[column])
          writer.write(`${n === 0 ? '' : ','}\n      ${JSON.stringify(cells)}`)
          n += 1
        }
        writer.write(n === 0 ? ']' : '\n    ]')
        rows[table.name] = n
      })
    })()
    writer.write('\n  }\n}\n')
    writer.flush()
    closeSync(fd)
    fd = undefined
    renameSync(partial, out)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(partial, { force: true })
    if (error instanceof AppError) throw error
    throw new AppError(
      'EXPORT_FAILED',
      `Could not write the export to ${out}: ${(error as Error).message}. Check that the folder exists and you may write to it.`,
    )
  }
  return { file: out, bytes: statSync(out).size, schemaVersion, rows }
}
