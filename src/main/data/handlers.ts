import packageJson from '../../../package.json'
import { appliedVersions } from '../db/open'
import type { DomainHandlers } from '../handler-types'
import { exportLedger } from './export'
import { importLedger } from './import'

export const dataHandlers: DomainHandlers<'data'> = {
  export: ({ out }, { ledger }) =>
    exportLedger(ledger, appliedVersions(ledger.db).at(-1) ?? 0, packageJson.version, out),
  import: ({ file }, { ledger }) => importLedger(ledger, file),
  restore: ({ backup }, { backend }) => backend.restore(backup),
}
