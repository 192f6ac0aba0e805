// Template and role names on a message: kept as typed, and linked to the template's latest
// version and the role when one of that name exists.
import { statement } from '../db/statements'
import type { Ledger } from '../ledger'

export function labelIds(
  ledger: Ledger,
  template: string | undefined | null,
  role: string | undefined | null,
): { template?: string; role?: string; templateVersionId?: number; roleId?: number } {
  const out: { template?: string; role?: string; templateVersionId?: number; roleId?: number } = {}
  if (template) {
    out.template = template
    const version = statement(
      ledger.db,
      `SELECT v.id FROM template_versions v JOIN templates t ON t.id = v.template_id
         WHERE t.name = ? COLLATE NOCASE ORDER BY v.version DESC LIMIT 1`,
    ).get(template) as { id: number } | undefined
    if (version) out.templateVersionId = version.id
  }
  if (role) {
    out.role = role
    const found = statement(ledger.db, 'SELECT id FROM roles WHERE name = ? COLLATE NOCASE').get(
      role,
    ) as { id: number } | undefined
    if (found) out.roleId = found.id
  }
  return out
}
