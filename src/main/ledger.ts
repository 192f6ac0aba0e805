// What every service receives: the open database, where it lives, and the clock.
import type Database from 'better-sqlite3'
import type { LedgerPaths } from './paths'

export interface Ledger {
  db: Database.Database
  paths: LedgerPaths
  /** The clock, passed in so services and tests agree on "now". */
  now: () => Date
}
