import type { DomainHandlers } from '../handler-types'
import { getSettings, updateSettings } from './service'

export const settingsHandlers: DomainHandlers<'settings'> = {
  get: (_input, { ledger }) => getSettings(ledger),
  update: (input, { ledger }) =>
    updateSettings(ledger, input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
}
