// Loads a JSON export into an empty ledger. The document is first built into a scratch file
// migrated only up to the export's schema version, then the remaining migrations run on it, so
// an export from an older app arrives upgraded exactly as that app's ledger file would have
// been. Only then is it copied into the ledger, in one transaction: all of it or nothing.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type * as z from 'zod'
import {
  exportDocument,
  type ExportCell,
  type ExportDocument,
  type ImportDataResult,
} from '../../shared/contract/data'
import { AppError } from '../../shared/contract/errors'
import { applyMigrations } from '../db/open'
import { migrations, type Migration } from '../db/migrations'
import type { Ledger } from '../ledger'
import { dataTables, isEmptyLedger, quoted, rowCount, type TableInfo } from './tables'

function invalid(file: string, why: string): AppError {
  return new AppError('EXPORT_INVALID', `${file} cannot be imported: ${why}`)
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
  return `${issue.message}${where}`
}

/** Reads and validates the document; nothing is written yet. */
export function readExport(file: string, known: readonly Migration[] = migrations): ExportDocument {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new AppError(
      'EXPORT_INVALID',
      `Could not read ${file}: ${(error as Error).message}. Check the path.`,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw invalid(file, `it is not valid JSON (${(error as Error).message}).`)
  }
  const parsed = exportDocument.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw invalid(file, first ? describeIssue(first) : 'it is not an Outreach Ledger export.')
  }
  const latest = known.at(-1)?.version ?? 0
  if (parsed.data.schemaVersion > latest)
    throw new AppError(
      'EXPORT_TOO_NEW',
      `${file} was exported by a newer version of Outreach Ledger (schema ${parsed.data.schemaVersion}; this app knows up to ${latest}). Update the app, then import it again.`,
      { schemaVersion: parsed.data.schemaVersion, latestSchemaVersion: latest },
    )
  return parsed.data
}

/** Tables a brand-new ledger already has rows in (settings a migration seeds, say). */
function seededTables(known: readonly Migration[], now: Date): Set<string> {
  const fresh = new Database(':memory:')
  try {
    applyMigrations(fresh, known, now)
    return new Set(
      dataTables(fresh)
        .filter((t) => rowCount(fresh, t.name) > 0)
        .map((t) => t.name),
    )
  } finally {
    fresh.close()
  }
}

/** Refuses unless the ledger holds nothing an import would mix with. */
function assertEmpty(ledger: Ledger, known: readonly Migration[]): void {
  const seeded = seededTables(known, ledger.now())
  seeded.add('settings')
  const holding = dataTables(ledger.db)
    .filter((t) => !seeded.has(t.name))
    .map((t) => ({ name: t.name, rows: rowCount(ledger.db, t.name) }))
    .filter((t) => t.rows > 0)
  if (!isEmptyLedger(ledger.db) || holding.length > 0)
    throw new AppError(
      'LEDGER_NOT_EMPTY',
      `This ledger already holds data (${holding.map((t) => `${t.rows} in ${t.name}`).join(', ')}), so an import could mix two histories. Import into a new, empty ledger file instead (for example with --db NEW_FILE).`,
      { tables: Object.fromEntries(holding.map((t) => [t.name, t.rows])) },
    )
}

function valueOf(cell: ExportCell): string | number | null | Buffer {
  return cell !== null && typeof cell === 'object' ? Buffer.from(cell.base64, 'base64') : cell
}

/** Inserts the document's rows into `db` (at the document's schema version), in one transaction. */
function insertDocument(db: Database.Database, doc: ExportDocument, file: string): void {
  const tables = new Map<string, TableInfo>(dataTables(db).map((t) => [t.name, t]))
  for (const [name, rows] of Object.entries(doc.tables)) {
    const table = tables.get(name)
    if (!table)
      throw invalid(
        file,
        `it has a table "${name}" that schema ${doc.schemaVersion} does not have.`,
      )
    const columns = new Set(table.columns)
    rows.forEach((row, i) => {
      const unknown = Object.keys(row).find((column) => !columns.has(column))
      if (unknown !== undefined)
        throw invalid(
          file,
          `row ${i + 1} of "${name}" has a column "${unknown}" the table does not have.`,
        )
    })
  }
  db.transaction(() => {
    // Rows may refer to rows later in the file (a contact merged into a newer one): check the
    // references once everything is in, before the transaction commits.
    db.pragma('defer_foreign_keys = ON')
    for (const table of tables.values())
      if (rowCount(db, table.name) > 0) db.exec(`DELETE FROM ${quoted(table.name)}`)
    for (const [name, rows] of Object.entries(doc.tables)) {
      const statements = new Map<string, Database.Statement>()
      rows.forEach((row, i) => {
        const columns = Object.keys(row)
        const key = columns.join('\u0000')
        let insert = statements.get(key)
        if (!insert) {
          insert = db.prepare(
            columns.length === 0
              ? `INSERT INTO ${quoted(name)} DEFAULT VALUES`
              : `INSERT INTO ${quoted(name)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          statements.set(key, insert)
        }
        try {
          insert.run(...columns.map((column) => valueOf(row[column] ?? null)))
        } catch (error) {
          throw invalid(file, `row ${i + 1} of "${name}" was refused: ${(error as Error).message}.`)
        }
      })
    }
    const broken = db.pragma('foreign_key_check') as {
      table: string
      rowid: number
      parent: string
    }[]
    const first = broken[0]
    if (first)
      throw invalid(
        file,
        `${broken.length} row(s) refer to rows that are not in it (the first: row ${first.rowid} of "${first.table}" names a missing row of "${first.parent}").`,
      )
  })()
}

export function importLedger(
  ledger: Ledger,
  file: string,
  known: readonly Migration[] = migrations,
): ImportDataResult {
  const doc = readExport(file, known)
  assertEmpty(ledger, known)
  const scratch = `${ledger.paths.dbPath}.import-${ledger.now().getTime()}.tmp`
  rmSync(scratch, { force: true })
  const source = 'import_source'
  try {
    const built = new Database(scratch)
    try {
      built.pragma('foreign_keys = ON')
      applyMigrations(built, known.slice(0, doc.schemaVersion), ledger.now())
      insertDocument(built, doc, file)
      applyMigrations(built, known.slice(doc.schemaVersion), ledger.now())
    } finally {
      built.close()
    }

    const { db } = ledger
    db.prepare(`ATTACH DATABASE ? AS ${source}`).run(scratch)
    try {
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON')
        // Derived from the rows replaced here: the next balance saves them again.
        db.exec('DELETE FROM main.credit_checkpoints')
        for (const table of dataTables(db)) {
          if (rowCount(db, table.name) > 0) db.exec(`DELETE FROM main.${quoted(table.name)}`)
          const columns = table.columns.map(quoted).join(', ')
          db.exec(
            `INSERT INTO main.${quoted(table.name)} (${columns}) SELECT ${columns} FROM ${source}.${quoted(table.name)}`,
          )
        }
      })()
    } finally {
      db.exec(`DETACH DATABASE ${source}`)
    }
  } finally {
    if (existsSync(scratch)) rmSync(scratch, { force: true })
    rmSync(`${scratch}-journal`, { force: true })
  }
  const rows = Object.fromEntries(
    dataTables(ledger.db).map((t) => [t.name, rowCount(ledger.db, t.name)]),
  )
  return { file, schemaVersion: doc.schemaVersion, rows }
}
