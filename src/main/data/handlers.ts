import packageJson from '../../../package.json'
import { appliedVersions } from '../db/open'
import type { DomainHandlers } from '../handler-types'
import { exportLedger } from './export'
import { importLedger } from './import'

export const dataHandlers: DomainHandlers<'data'> = {
  export: ({ out }, { ledger }) =>
    exportLedger(ledger, appliedVersions(ledger.db).at(-1) ?? 0, packageJson.version, out),
  import: ({ file }, { backend, ledger }) => {
    // Another process would go on with the empty ledger it read and mix its writes in.
    backend.refuseIfOpenElsewhere('importing data')
    return importLedger(ledger, file)
  },
  restore: ({ backup }, { backend }) => backend.restore(backup),
}
