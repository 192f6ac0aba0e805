import type { DomainHandlers } from '../handler-types'
import {
  addContact,
  findDuplicates,
  getContact,
  listContacts,
  mergeContacts,
  undoMerge,
  updateContact,
} from './workspace'

export const contactsHandlers: DomainHandlers<'contacts'> = {
  list: (input, { ledger }) => listContacts(ledger, input),
  get: ({ contactId }, { ledger }) => getContact(ledger, contactId),
  add: (input, { ledger }) => addContact(ledger, input),
  update: (input, { ledger }) => updateContact(ledger, input),
  duplicates: (_input, { ledger }) => findDuplicates(ledger),
  merge: ({ keepId, mergeId }, { ledger }) => mergeContacts(ledger, keepId, mergeId),
  undoMerge: ({ mergeId }, { ledger }) => undoMerge(ledger, mergeId),
}
