import type { DomainHandlers } from '../handler-types'

export const appHandlers: DomainHandlers<'app'> = {
  status: (_input, { backend }) => backend.status(),
  checked: async (_input, { backend }) => {
    await backend.integrityChecked()
    return backend.status()
  },
  doctor: (_input, { backend }) => backend.doctor(),
  backups: (_input, { backend }) => backend.backups(),
  backup: ({ out }, { backend }) => backend.backup(out),
  recover: (input, { backend }) => backend.recover(input),
}
