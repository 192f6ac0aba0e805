import type { DomainHandlers } from '../handler-types'
import { exportReport, recentExports, reportFor } from './service'

export const reportsHandlers: DomainHandlers<'reports'> = {
  build: (input, { ledger }) => reportFor(ledger, input),
  export: (input, { ledger }) => exportReport(ledger, input),
  recent: (_input, { ledger }) => recentExports(ledger),
}
