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
    name: 'credit ledger and outreach workspace',
    sql: `
      ALTER TABLE seats ADD COLUMN expiry_policy TEXT NOT NULL DEFAULT '90d'
        CHECK (expiry_policy IN ('90d', 'never', 'no-rollover', 'inactive-90d'));
      ALTER TABLE seats ADD COLUMN refund_declines INTEGER NOT NULL DEFAULT 1
        CHECK (refund_declines IN (0, 1));

      -- Each import, so it can be listed and undone as a whole (its events stay, marked undone).
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('linkedin', 'csv')),
        source TEXT NOT NULL,
        seat_id INTEGER REFERENCES seats (id),
        summary TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT
      );

      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        profile_url TEXT UNIQUE,
        name TEXT,
        headline TEXT,
        company TEXT,
        email TEXT,
        open_profile INTEGER NOT NULL DEFAULT 0 CHECK (open_profile IN (0, 1)),
        tags TEXT NOT NULL DEFAULT '[]',
        notes TEXT,
        -- A merged contact points at the one it was merged into; undoing the merge clears it.
        merged_into INTEGER REFERENCES contacts (id),
        import_id INTEGER REFERENCES imports (id),
        created_at TEXT NOT NULL,
        CHECK (profile_url IS NOT NULL OR name IS NOT NULL)
      );
      CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE);
      CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE);
      CREATE INDEX contacts_merged ON contacts (merged_into);

      CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        kept_id INTEGER NOT NULL REFERENCES contacts (id),
        merged_id INTEGER NOT NULL REFERENCES contacts (id),
        -- Contacts that had been merged into merged_id and now point at kept_id.
        repointed TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        undone_at TEXT
      );

      CREATE TABLE roles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        client TEXT,
        family TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'filled', 'closed')),
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX roles_name_unique ON roles (name COLLATE NOCASE);

      CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        channel TEXT NOT NULL
          CHECK (channel IN ('inmail', 'connection-note', 'message', 'email', 'whatsapp')),
        archived_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX templates_name_unique ON templates (name COLLATE NOCASE);
      CREATE TABLE template_versions (
        id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES templates (id),
        version INTEGER NOT NULL,
        subject TEXT,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (template_id, version)
      );

      -- The ledger: the user's facts, append-only. Grants, expiries and refunds are derived.
      CREATE TABLE ledger_events (
        id INTEGER PRIMARY KEY,
        seat_id INTEGER NOT NULL REFERENCES seats (id),
        kind TEXT NOT NULL CHECK (kind IN ('seat-opened', 'inmail-sent', 'message-sent',
          'response', 'meeting', 'hire', 'bounce', 'purchase', 'reconciliation', 'adjustment',
          'plan-change', 'cancellation')),
        -- Timed events (sends, responses, meetings) carry a UTC instant; day events (opening,
        -- purchase, reconciliation, plan change, cancellation) carry the calendar day, so a
        -- change of time zone never moves them to another day.
        at TEXT,
        day TEXT,
        contact_id INTEGER REFERENCES contacts (id),
        -- For responses, meetings and bounces: the message they answer.
        inmail_id INTEGER REFERENCES ledger_events (id),
        -- How a message went: inmail, open-profile, message, connection-note, email, whatsapp.
        channel TEXT,
        -- For a follow-up in the same thread: the message it follows.
        followup_of INTEGER REFERENCES ledger_events (id),
        credits INTEGER,
        price_cents INTEGER,
        open_profile INTEGER CHECK (open_profile IN (0, 1)),
        response_kind TEXT CHECK (response_kind IN ('reply', 'accept', 'decline')),
        sentiment TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
        plan_id TEXT,
        terms TEXT,
        template TEXT,
        role TEXT,
        template_version_id INTEGER REFERENCES template_versions (id),
        role_id INTEGER REFERENCES roles (id),
        subject TEXT,
        body_chars INTEGER,
        body_words INTEGER,
        note TEXT,
        import_id INTEGER REFERENCES imports (id),
        -- What an imported row was (file, conversation, line): re-importing it adds nothing.
        source_key TEXT,
        reconciliation_id INTEGER REFERENCES ledger_events (id),
        recorded_at TEXT NOT NULL,
        CHECK ((at IS NULL) <> (day IS NULL))
      );
      CREATE INDEX ledger_events_seat ON ledger_events (seat_id);
      CREATE INDEX ledger_events_contact ON ledger_events (contact_id, at);
      -- (inmail_id, kind, at): "the first response to message m" is one index range. With the
      -- bare (inmail_id) index SQLite preferred (kind, at) for min(at) and scanned every response
      -- per message: quadratic in the outreach table and the funnel.
      CREATE INDEX ledger_events_inmail ON ledger_events (inmail_id, kind, at);
      -- Follow-ups counted per message (the funnel's "follow-ups sent" breakdown).
      CREATE INDEX ledger_events_followup ON ledger_events (followup_of) WHERE followup_of IS NOT NULL;
      CREATE INDEX ledger_events_source ON ledger_events (source_key);
      CREATE INDEX ledger_events_import ON ledger_events (import_id);
      CREATE INDEX ledger_events_kind_at ON ledger_events (kind, at);
      CREATE TRIGGER ledger_events_append_only BEFORE UPDATE ON ledger_events
      BEGIN
        SELECT RAISE(ABORT, 'ledger events are append-only');
      END;
      CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
      BEGIN
        SELECT RAISE(ABORT, 'ledger events are append-only');
      END;

      -- The events in force: everything but what came in with an import the user undid.
      CREATE VIEW live_events AS
        SELECT * FROM ledger_events
        WHERE import_id IS NULL
           OR import_id IN (SELECT id FROM imports WHERE undone_at IS NULL);

      -- Every seat gets its opening event: one monthly grant, with the terms it started on.
      INSERT INTO ledger_events (seat_id, kind, day, credits, plan_id, terms, recorded_at)
      SELECT id, 'seat-opened', started_on, monthly_credits, plan_id,
        json_object('monthlyCredits', monthly_credits, 'cap', credit_cap, 'renewal', renewal,
          'renewalDay', renewal_day, 'priceCents', price_cents),
        created_at
      FROM seats;
    `,
  },
  {
    version: 3,
    name: 'follow-up sequences',
    sql: `
      -- Follow-up sequences: workspace data the user edits (like templates). The credit facts
      -- stay in ledger_events: a step marked done logs its send there.
      CREATE TABLE sequences (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- The two sequences from the seeds are read-only; the user copies them to edit.
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        business_days INTEGER NOT NULL DEFAULT 0 CHECK (business_days IN (0, 1)),
        -- ISO weekdays (1 Monday … 7 Sunday) as a JSON array; [] means any day.
        preferred_weekdays TEXT NOT NULL DEFAULT '[2,3,4]',
        stop_on TEXT NOT NULL DEFAULT 'any-response' CHECK (stop_on IN ('any-response', 'meeting')),
        archived_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX sequences_name_unique ON sequences (name COLLATE NOCASE);

      CREATE TABLE sequence_steps (
        id INTEGER PRIMARY KEY,
        sequence_id INTEGER NOT NULL REFERENCES sequences (id),
        position INTEGER NOT NULL,
        day_offset INTEGER NOT NULL CHECK (day_offset BETWEEN 0 AND 365),
        channel TEXT NOT NULL CHECK (channel IN ('inmail', 'connection-request', 'message', 'email',
          'whatsapp', 'call', 'task')),
        template_id INTEGER REFERENCES templates (id),
        note TEXT,
        -- not-connected: only if the connection request was not accepted; connected: only if it was.
        condition TEXT NOT NULL DEFAULT 'always'
          CHECK (condition IN ('always', 'not-connected', 'connected')),
        is_exit INTEGER NOT NULL DEFAULT 0 CHECK (is_exit IN (0, 1)),
        UNIQUE (sequence_id, position)
      );

      CREATE TABLE enrolments (
        id INTEGER PRIMARY KEY,
        sequence_id INTEGER NOT NULL REFERENCES sequences (id),
        contact_id INTEGER NOT NULL REFERENCES contacts (id),
        seat_id INTEGER NOT NULL REFERENCES seats (id),
        start_on TEXT NOT NULL,
        -- Stopping on a response is derived from the ledger's responses; these record the user's
        -- own choices: stopping by hand, and resuming (responses before resumed_at no longer stop it).
        cancelled_at TEXT,
        resumed_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX enrolments_contact ON enrolments (contact_id);
      CREATE INDEX enrolments_sequence ON enrolments (sequence_id);

      -- Each enrolment's own copy of the steps, so editing a sequence never moves a planned send.
      CREATE TABLE enrolment_steps (
        id INTEGER PRIMARY KEY,
        enrolment_id INTEGER NOT NULL REFERENCES enrolments (id),
        position INTEGER NOT NULL,
        day_offset INTEGER NOT NULL,
        channel TEXT NOT NULL,
        template_id INTEGER REFERENCES templates (id),
        note TEXT,
        condition TEXT NOT NULL,
        is_exit INTEGER NOT NULL,
        planned_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped')),
        done_at TEXT,
        -- The send logged in the ledger when the step was done.
        event_id INTEGER REFERENCES ledger_events (id),
        -- Bumped on every snooze: a calendar re-import sees the newer version of the event.
        revision INTEGER NOT NULL DEFAULT 0,
        UNIQUE (enrolment_id, position)
      );
      CREATE INDEX enrolment_steps_due ON enrolment_steps (state, due_on);

      INSERT INTO sequences (id, name, builtin, created_at) VALUES
        (1, 'InMail 0/3/7/14', 1, '2026-01-01T00:00:00.000Z'),
        (2, 'Connect 1 → InMail 4 → email 7 → final 14', 1, '2026-01-01T00:00:00.000Z');
      INSERT INTO sequence_steps (sequence_id, position, day_offset, channel, note, condition, is_exit)
      VALUES
        (1, 1, 0, 'inmail', 'Hook, one offer, one bounded question.', 'always', 0),
        (1, 2, 3, 'inmail', 'One-line bump in the same thread.', 'always', 0),
        (1, 3, 7, 'inmail', 'A new angle; keep the offer and the ask the same.', 'always', 0),
        (1, 4, 14, 'inmail', 'Polite exit: leave the door open, then stop.', 'always', 1),
        (2, 1, 1, 'connection-request', 'Connection request with a short note (300 characters at most).', 'always', 0),
        (2, 2, 4, 'inmail', 'InMail, only if the connection request was not accepted.', 'not-connected', 0),
        (2, 3, 7, 'email', 'Email with a different angle.', 'always', 0),
        (2, 4, 14, 'message', 'Final LinkedIn message (they accepted the request).', 'connected', 1),
        (2, 5, 14, 'inmail', 'Final InMail (they never accepted the request).', 'not-connected', 1);
    `,
  },
  {
    version: 4,
    name: 'credit checkpoints',
    sql: `
      -- Derived, never the user's facts: a seat's credit state at the end of a day, so a balance
      -- after opening the app replays only the events since instead of every event
      -- (src/main/credits/checkpoints.ts). A row holds only while what it was made from holds
      -- (the checks below); any row may be deleted at any time and is made again.
      CREATE TABLE credit_checkpoints (
        seat_id INTEGER PRIMARY KEY REFERENCES seats (id) ON DELETE CASCADE,
        -- The last day the state covers (YYYY-MM-DD in the seat's time zone).
        through_day TEXT NOT NULL,
        -- Checks: the engine's format, the seat's settings (JSON), the imports undone (their
        -- ids), and no row of the seat above last_event_id dated on or before through_day.
        format INTEGER NOT NULL,
        settings TEXT NOT NULL,
        undone_imports TEXT NOT NULL,
        last_event_id INTEGER NOT NULL,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `,
  },
]

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0
