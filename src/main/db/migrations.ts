// Versioned schema changes, applied in order. Never edit a released migration: add a new one.

export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'seats and settings',
    sql: `
      CREATE TABLE seats (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        plan_id TEXT NOT NULL,
        monthly_credits INTEGER NOT NULL CHECK (monthly_credits >= 0),
        credit_cap INTEGER NOT NULL CHECK (credit_cap >= monthly_credits),
        renewal TEXT NOT NULL CHECK (renewal IN ('start-day', 'first-of-month')),
        renewal_day INTEGER NOT NULL CHECK (renewal_day BETWEEN 1 AND 31),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        started_on TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX seats_name_unique ON seats (name COLLATE NOCASE);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
]

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0
