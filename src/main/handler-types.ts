// The shape every domain's handlers take: one function per channel of the contract.
import type { ParsedInputOf, ResultOf } from '../shared/contract/channel'
import type { AppContract } from '../shared/contract'
import type { Backend } from './backend'
import type { Ledger } from './ledger'

export interface HandlerContext {
  /** The open ledger; throws DATABASE_DAMAGED (or similar) when the file could not be opened. */
  readonly ledger: Ledger
  readonly backend: Backend
}

export type DomainHandlers<D extends keyof AppContract> = {
  [M in keyof AppContract[D]]: (
    input: ParsedInputOf<AppContract[D][M]>,
    ctx: HandlerContext,
  ) => ResultOf<AppContract[D][M]> | Promise<ResultOf<AppContract[D][M]>>
}

export type Handlers = { [D in keyof AppContract]: DomainHandlers<D> }
