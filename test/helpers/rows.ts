// What a ledger file holds for the user: every row of every table but derived ones.
import Database from 'better-sqlite3'

/** Every row of every table but the credit checkpoints (derived, see credits/checkpoints.ts). */
export function userRows(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true })
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT IN ('credit_checkpoints', 'sqlite_sequence')`,
      )
      .pluck()
      .all() as string[]
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]))
  } finally {
    db.close()
  }
}

/** The seats that have a credit checkpoint. */
export function checkpointSeats(dbPath: string): number[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db
      .prepare('SELECT seat_id FROM credit_checkpoints ORDER BY seat_id')
      .pluck()
      .all() as number[]
  } finally {
    db.close()
  }
}
