// Damage as a failing disk leaves it: some pages of a ledger file overwritten with junk, while
// the rest (the schema, the migrations, other tables) still reads. The file opens; SQLite meets
// the damage only when it reads those pages (a query on them, or an integrity check).
import { closeSync, openSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'
import { call, type openBackend } from './ledger'

/**
 * Overwrites the pages holding `names` (tables or indexes) with junk. Works on a file the app
 * has open: only those pages are written, and the rows must already be in the main file (not
 * only in the write-ahead log), which `checkpoint` makes sure of when nobody else has it open.
 */
export function damagePagesOf(dbPath: string, names: readonly string[], checkpoint = true): void {
  const db = new Database(dbPath)
  if (checkpoint) db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db
    .prepare(
      `SELECT DISTINCT pageno FROM dbstat WHERE name IN (${names.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...names) as number[]
  db.close()
  if (pages.length === 0) throw new Error(`No pages hold ${names.join(', ')}.`)
  const junk = Buffer.alloc(pageSize, 0xa5)
  const fd = openSync(dbPath, 'r+')
  try {
    for (const page of pages) writeSync(fd, junk, 0, pageSize, (page - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
}

/** Message templates with long texts: pages that the dashboard never reads. */
export async function addTemplates(
  backend: Awaited<ReturnType<typeof openBackend>>,
  count = 60,
): Promise<void> {
  for (let i = 0; i < count; i++)
    await call(backend, 'templates.add', {
      name: `Template ${i}`,
      channel: 'inmail',
      body: `Hello, ${'a role you may like. '.repeat(200)}`,
    })
}
