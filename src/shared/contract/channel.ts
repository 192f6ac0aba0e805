import type * as z from 'zod'
import type { Envelope } from './errors'

/**
 * One IPC channel: the runtime schema of its input and, as a type only, its result.
 * Written `channel<Result>()(inputSchema)` so the result type is named and the input inferred.
 */
export interface Channel<I extends z.ZodType, R> {
  readonly input: I
  /** Never set at runtime: carries the result type. */
  readonly result?: R
}

export function channel<R>() {
  return <I extends z.ZodType>(input: I): Channel<I, R> => ({ input })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest channel, for constraints only
export type AnyChannel = Channel<z.ZodType, any>
export type Domain = Record<string, AnyChannel>
export type Contract = Record<string, Domain>

export type InputOf<C> = C extends Channel<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<C> = C extends Channel<infer I, unknown> ? z.output<I> : never
export type ResultOf<C> = C extends Channel<z.ZodType, infer R> ? R : never

/** What the preload exposes: every channel as a function returning the envelope. */
export type EnvelopeApi<T extends Contract> = {
  [D in keyof T]: {
    [M in keyof T[D]]: (input: InputOf<T[D][M]>) => Promise<Envelope<ResultOf<T[D][M]>>>
  }
}

/** What screens use: every channel as a function returning its result or throwing AppError. */
export type Api<T extends Contract> = {
  [D in keyof T]: {
    [M in keyof T[D]]: (input: InputOf<T[D][M]>) => Promise<ResultOf<T[D][M]>>
  }
}

export function channelName(domain: string, method: string): string {
  return `${domain}.${method}`
}

/** Builds one function per channel of the contract from a function of the channel's name. */
export function mapContract<T extends Contract, F>(
  contract: T,
  make: (name: string) => F,
): { [D in keyof T]: { [M in keyof T[D]]: F } } {
  const api: Record<string, Record<string, F>> = {}
  for (const [domain, channels] of Object.entries(contract)) {
    const methods: Record<string, F> = {}
    for (const method of Object.keys(channels)) methods[method] = make(channelName(domain, method))
    api[domain] = methods
  }
  return api as { [D in keyof T]: { [M in keyof T[D]]: F } }
}
