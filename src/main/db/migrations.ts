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
  {
    version: 2,
    name: 'credit ledger: contacts, events, seat policy',
    sql: `
      ALTER TABLE seats ADD COLUMN expiry_policy TEXT NOT NULL DEFAULT '90d'
        CHECK (expiry_policy IN ('90d', 'never', 'no-rollover', 'inactive-90d'));
      ALTER TABLE seats ADD COLUMN refund_declines INTEGER NOT NULL DEFAULT 1
        CHECK (refund_declines IN (0, 1));

      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        profile_url TEXT UNIQUE,
        name TEXT,
        created_at TEXT NOT NULL,
        CHECK (profile_url IS NOT NULL OR name IS NOT NULL)
      );
      CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE);

      -- The ledger: the user's facts, append-only. Grants, expiries and refunds are derived.
      CREATE TABLE ledger_events (
        id INTEGER PRIMARY KEY,
        seat_id INTEGER NOT NULL REFERENCES seats (id),
        kind TEXT NOT NULL CHECK (kind IN ('seat-opened', 'inmail-sent', 'response', 'meeting',
          'purchase', 'reconciliation', 'adjustment', 'plan-change', 'cancellation')),
        -- Timed events (sends, responses, meetings) carry a UTC instant; day events (opening,
        -- purchase, reconciliation, plan change, cancellation) carry the calendar day, so a
        -- change of time zone never moves them to another day.
        at TEXT,
        day TEXT,
        contact_id INTEGER REFERENCES contacts (id),
        inmail_id INTEGER REFERENCES ledger_events (id),
        credits INTEGER,
        price_cents INTEGER,
        open_profile INTEGER CHECK (open_profile IN (0, 1)),
        response_kind TEXT CHECK (response_kind IN ('reply', 'accept', 'decline')),
        sentiment TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
        plan_id TEXT,
        terms TEXT,
        template TEXT,
        role TEXT,
        note TEXT,
        reconciliation_id INTEGER REFERENCES ledger_events (id),
        recorded_at TEXT NOT NULL,
        CHECK ((at IS NULL) <> (day IS NULL))
      );
      CREATE INDEX ledger_events_seat ON ledger_events (seat_id);
      CREATE INDEX ledger_events_contact ON ledger_events (contact_id, at);
      CREATE INDEX ledger_events_inmail ON ledger_events (inmail_id);
      CREATE TRIGGER ledger_events_append_only BEFORE UPDATE ON ledger_events
      BEGIN
        SELECT RAISE(ABORT, 'ledger events are append-only');
      END;

      -- Every seat gets its opening event: one monthly grant, with the terms it started on.
      INSERT INTO ledger_events (seat_id, kind, day, credits, plan_id, terms, recorded_at)
      SELECT id, 'seat-opened', started_on, monthly_credits, plan_id,
        json_object('monthlyCredits', monthly_credits, 'cap', credit_cap, 'renewal', renewal,
          'renewalDay', renewal_day, 'priceCents', price_cents),
        created_at
      FROM seats;
    `,
  },
]

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0
