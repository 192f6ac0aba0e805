// The names the user gives seats, roles, templates and sequences: each unique in its table,
// whatever the letter case, so two of them are never told apart by case alone.
import { AppError, type ErrorCode } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import { statement } from './statements'

const named = {
  seats: 'seat',
  roles: 'role',
  templates: 'template',
  sequences: 'sequence',
} as const

/** Refuses `name` when another row of `table` (not `exceptId`) already has it. */
export function assertNameFree(
  ledger: Ledger,
  table: keyof typeof named,
  name: string,
  exceptId?: number,
  code: ErrorCode = 'VALIDATION_FAILED',
): void {
  const row = statement(ledger.db, `SELECT id FROM ${table} WHERE name = ? COLLATE NOCASE`).get(
    name,
  ) as { id: number } | undefined
  if (row && row.id !== exceptId)
    throw new AppError(
      code,
      `A ${named[table]} named "${name}" already exists. Choose another name.`,
    )
}
