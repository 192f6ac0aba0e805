// Which tables hold the user's data, read from the schema itself so tables added by later
// migrations are exported, imported and counted without anyone listing them here.
import type Database from 'better-sqlite3'

/**
 * Bookkeeping that belongs to the file, not to the user's data: the migrations applied, and the
 * credit checkpoints (derived from the ledger; the next balance saves them again).
 */
const notData = new Set(['schema_migrations', 'credit_checkpoints'])

/** Tables the ledger is empty without: no seats, no events, no contacts. */
const coreTables = ['seats', 'ledger_events', 'contacts'] as const

export interface TableInfo {
  name: string
  columns: string[]
  /** How to list its rows in a stable order: the primary key, or the rowid. */
  orderBy: string
}

/** Quotes an identifier read from sqlite_master, so any table or column name is safe in SQL. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** The user's tables, by name: no sqlite_* internals, no migrations bookkeeping, no views. */
export function dataTables(db: Database.Database): TableInfo[] {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         AND sql NOT LIKE 'CREATE VIRTUAL%'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return names
    .filter((name) => !notData.has(name))
    .map((name) => {
      const info = db
        .prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid')
        .all(name) as { name: string; pk: number }[]
      const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
      return {
        name,
        columns: info.map((c) => c.name),
        orderBy: key.length > 0 ? key.map((c) => quoted(c.name)).join(', ') : 'rowid',
      }
    })
}

export function rowCount(db: Database.Database, table: string): number {
  return db
    .prepare(`SELECT count(*) FROM ${quoted(table)}`)
    .pluck()
    .get() as number
}

/** A ledger with no seats, no events and no contacts: nothing an import could collide with. */
export function isEmptyLedger(db: Database.Database): boolean {
  return coreTables.every((table) => rowCount(db, table) === 0)
}
