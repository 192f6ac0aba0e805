// Roles: the jobs or campaigns outreach is for.
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type { Role, roles as rolesContract } from '../../shared/contract/workspace'
import type { DomainHandlers } from '../handler-types'
import type { Ledger } from '../ledger'
import { assertNameFree } from '../db/names'

type Input<K extends keyof typeof rolesContract> = z.output<(typeof rolesContract)[K]['input']>

function list(ledger: Ledger): Role[] {
  return ledger.db
    .prepare(
      `SELECT r.id, r.name, r.client, r.family, r.status,
         (SELECT count(*) FROM live_events m WHERE m.kind IN ('inmail-sent', 'message-sent')
            AND m.followup_of IS NULL AND (m.role_id = r.id OR m.role = r.name COLLATE NOCASE)) AS messages
       FROM roles r ORDER BY r.status = 'open' DESC, r.name COLLATE NOCASE`,
    )
    .all() as Role[]
}

function get(ledger: Ledger, id: number): Role {
  const role = list(ledger).find((r) => r.id === id)
  if (!role) throw new AppError('NOT_FOUND', `There is no role #${id}.`)
  return role
}

function add(ledger: Ledger, input: Input<'add'>): Role {
  assertNameFree(ledger, 'roles', input.name)
  const result = ledger.db
    .prepare('INSERT INTO roles (name, client, family, created_at) VALUES (?, ?, ?, ?)')
    .run(input.name, input.client ?? null, input.family ?? null, ledger.now().toISOString())
  return get(ledger, Number(result.lastInsertRowid))
}

function update(ledger: Ledger, input: Input<'update'>): Role {
  get(ledger, input.roleId)
  if (input.name !== undefined) assertNameFree(ledger, 'roles', input.name, input.roleId)
  ledger.db.transaction(() => {
    for (const column of ['name', 'client', 'family', 'status'] as const)
      if (input[column] !== undefined)
        ledger.db
          .prepare(`UPDATE roles SET ${column} = ? WHERE id = ?`)
          .run(input[column], input.roleId)
  })()
  return get(ledger, input.roleId)
}

export const rolesHandlers: DomainHandlers<'roles'> = {
  list: (_input, { ledger }) => list(ledger),
  add: (input, { ledger }) => add(ledger, input),
  update: (input, { ledger }) => update(ledger, input),
}
